import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { loadRuleBook, type RuleBook } from './config';
import { computeDay, fixedShift, isoWeekday, type DayEvent, type DayResult, type LeaveKind, type Shift } from './day';

/**
 * Daily status of every pegawai (issue 5 §4), derived from events, schedule (or roster), holidays and approved
 * leave, and recomputed whenever one of them changes: imports and web check-ins mark days dirty, approvals and
 * roster or rule changes recompute their range directly. Only finished days are computed (before today in the
 * Pemda's zone); the nightly job computes yesterday for everyone so days without any event become TK.
 */
const CHUNK = 1000;
const WRITE_CHUNK = 5000;
const DAY_S = 86_400;

export interface RecomputeScope {
  from: string;
  to: string;
  /** Omit for every active pegawai of the Pemda. */
  pegawaiIds?: readonly string[];
  /** Today in the Pemda's zone (tests pin it); days from today on are not computed. */
  today?: string;
}

export interface RecomputeResult {
  days: number;
  /** (pegawai, year) pairs whose yearly discipline ledger may have changed. */
  touched: Array<{ pegawaiId: string; year: number }>;
}

const epochOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** First index with times[i] >= t. */
function lowerBound(times: Float64Array | number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface DayContext {
  calendar: WorkingCalendar;
  rules: RuleBook;
}

/** The shift of a pegawai on a date, or why the day is off. */
export function shiftOf(context: DayContext, opdId: string, date: string, roster: Map<string, Shift> | undefined): { shift: Shift | null; offReason: string } {
  const schedule = context.rules.get('schedule', date, opdId).body;
  if (schedule.mode === 'roster') {
    const shift = roster?.get(date) ?? null;
    return { shift, offReason: shift ? '' : 'no_shift' };
  }
  const holiday = context.calendar.holidayName(date);
  if (holiday && isoWeekday(date) <= 5) return { shift: null, offReason: holiday };
  const shift = fixedShift(schedule, date);
  return { shift, offReason: shift ? '' : holiday ?? 'weekend' };
}

export async function recomputeDays(db: Kysely<DB>, pemdaId: string, scope: RecomputeScope): Promise<RecomputeResult> {
  const calendar = await loadCalendar(db, pemdaId);
  const today = scope.today ?? calendar.today();
  const to = scope.to < today ? scope.to : addDays(today, -1);
  const from = scope.from;
  if (from > to) return { days: 0, touched: [] };
  const context: DayContext = { calendar, rules: await loadRuleBook(db, pemdaId) };
  let query = db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('id');
  if (scope.pegawaiIds) {
    if (scope.pegawaiIds.length === 0) return { days: 0, touched: [] };
    query = query.where('id', 'in', [...scope.pegawaiIds]);
  }
  const pegawai = scope.pegawaiIds && scope.pegawaiIds.length > CHUNK ? await chunkedPegawai(db, pemdaId, scope.pegawaiIds) : await query.execute();
  const dates = datesBetween(from, to);
  const touched = new Map<string, { pegawaiId: string; year: number }>();
  let days = 0;
  for (let i = 0; i < pegawai.length; i += CHUNK) {
    const chunk = pegawai.slice(i, i + CHUNK);
    const rows = await computeChunk(db, pemdaId, chunk, dates, context);
    await writeDays(db, pemdaId, rows);
    days += rows.length;
    for (const row of rows) touched.set(`${row.pegawaiId}|${row.date.slice(0, 4)}`, { pegawaiId: row.pegawaiId, year: Number(row.date.slice(0, 4)) });
  }
  return { days, touched: [...touched.values()] };
}

async function chunkedPegawai(db: Kysely<DB>, pemdaId: string, ids: readonly string[]) {
  const out: Array<{ id: string; opd_id: string }> = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(...(await db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('active', '=', true).where('id', 'in', ids.slice(i, i + CHUNK)).execute()));
  }
  return out;
}

export interface DayRow extends DayResult {
  pegawaiId: string;
  date: string;
  opdId: string;
}

async function computeChunk(db: Kysely<DB>, pemdaId: string, chunk: Array<{ id: string; opd_id: string }>, dates: string[], context: DayContext): Promise<DayRow[]> {
  const ids = chunk.map((p) => p.id);
  const first = dates[0] as string;
  const last = dates[dates.length - 1] as string;
  const [rosterRows, leaveRows, eventRows] = await Promise.all([
    db.selectFrom('att_roster').select(['pegawai_id', 'date', 'shift_name', 'start_time', 'end_time']).where('pemda_id', '=', pemdaId).where('pegawai_id', 'in', ids).where('date', '>=', first).where('date', '<=', last).execute(),
    db.selectFrom('att_leave').select(['pegawai_id', 'kind', 'start_date', 'end_date']).where('pemda_id', '=', pemdaId).where('pegawai_id', 'in', ids).where('status', '=', 'disetujui').where('start_date', '<=', last).where('end_date', '>=', first).execute(),
    sql<{ pegawai_id: string; s: number; state: number | null }>`
      SELECT pegawai_id, extract(epoch FROM at)::float8 AS s, state FROM att_event
      WHERE pemda_id = ${pemdaId} AND pegawai_id = ANY(${ids}::uuid[]) AND at >= ${addDays(first, -1)}::timestamp AND at < ${addDays(last, 2)}::timestamp
      ORDER BY pegawai_id, at`.execute(db),
  ]);
  const rosters = new Map<string, Map<string, Shift>>();
  for (const r of rosterRows) {
    const map = rosters.get(r.pegawai_id) ?? new Map<string, Shift>();
    map.set(r.date, { start: r.start_time, end: r.end_time, name: r.shift_name });
    rosters.set(r.pegawai_id, map);
  }
  const leaves = new Map<string, Array<{ kind: LeaveKind; from: string; to: string }>>();
  for (const l of leaveRows) {
    const list = leaves.get(l.pegawai_id) ?? [];
    list.push({ kind: l.kind as LeaveKind, from: l.start_date, to: l.end_date });
    leaves.set(l.pegawai_id, list);
  }
  const events = new Map<string, { times: number[]; states: Array<number | null> }>();
  for (const e of eventRows.rows) {
    const entry = events.get(e.pegawai_id) ?? { times: [], states: [] };
    entry.times.push(Number(e.s));
    entry.states.push(e.state);
    events.set(e.pegawai_id, entry);
  }
  const rules = (date: string) => context.rules.get('lateness', date).body;
  const rows: DayRow[] = [];
  for (const person of chunk) {
    const own = events.get(person.id);
    const roster = rosters.get(person.id);
    const leaveList = leaves.get(person.id);
    for (const date of dates) {
      const { shift, offReason } = shiftOf(context, person.opd_id, date, roster);
      const midnight = epochOf(date);
      const dayEvents: DayEvent[] = [];
      if (own && shift) {
        for (let k = lowerBound(own.times, midnight - DAY_S / 2); k < own.times.length && (own.times[k] as number) < midnight + 2 * DAY_S; k += 1) {
          dayEvents.push({ t: (own.times[k] as number) - midnight, state: own.states[k] ?? null });
        }
      }
      const leave = leaveList?.find((l) => date >= l.from && date <= l.to)?.kind ?? null;
      rows.push({ pegawaiId: person.id, date, opdId: person.opd_id, ...computeDay({ shift, offReason, leave, events: dayEvents, rules: rules(date) }) });
    }
  }
  return rows;
}

/** Upserts day rows with one statement per chunk (arrays through unnest: fast on PostgreSQL and PGlite alike). */
export async function writeDays(db: Kysely<DB>, pemdaId: string, rows: readonly DayRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const part = rows.slice(i, i + WRITE_CHUNK);
    const col = <T>(pick: (row: DayRow) => T) => part.map(pick);
    await sql`
      INSERT INTO att_day (pemda_id, pegawai_id, date, opd_id, status, scheduled, sched_start, sched_end, check_in, check_out,
                           late_minutes, early_minutes, tl, psw, cut_percent, reason, computed_at)
      SELECT ${pemdaId}::uuid, u.*, now() FROM unnest(
        ${col((r) => r.pegawaiId)}::uuid[], ${col((r) => r.date)}::date[], ${col((r) => r.opdId)}::uuid[], ${col((r) => r.status)}::text[],
        ${col((r) => r.scheduled)}::boolean[], ${col((r) => r.schedStart)}::text[], ${col((r) => r.schedEnd)}::text[],
        ${col((r) => r.checkIn)}::text[], ${col((r) => r.checkOut)}::text[], ${col((r) => r.lateMinutes)}::int[], ${col((r) => r.earlyMinutes)}::int[],
        ${col((r) => r.tl)}::smallint[], ${col((r) => r.psw)}::smallint[], ${col((r) => r.cutPercent)}::numeric[], ${col((r) => r.reason)}::text[]
      ) AS u
      ON CONFLICT (pemda_id, pegawai_id, date) DO UPDATE SET
        opd_id = excluded.opd_id, status = excluded.status, scheduled = excluded.scheduled, sched_start = excluded.sched_start,
        sched_end = excluded.sched_end, check_in = excluded.check_in, check_out = excluded.check_out, late_minutes = excluded.late_minutes,
        early_minutes = excluded.early_minutes, tl = excluded.tl, psw = excluded.psw, cut_percent = excluded.cut_percent,
        reason = excluded.reason, computed_at = excluded.computed_at`.execute(db);
  }
}

/**
 * Recomputes every day marked dirty (by imports, check-ins, new PIN mappings), one range per pegawai set; days
 * from today on stay marked until they are finished.
 */
export async function recomputeDirty(db: Kysely<DB>, pemdaId: string, today?: string): Promise<RecomputeResult> {
  const calendar = await loadCalendar(db, pemdaId);
  const until = addDays(today ?? calendar.today(), -1);
  const span = await db
    .selectFrom('att_dirty')
    .select([sql<string>`min(date)::text`.as('from'), sql<string>`max(date)::text`.as('to')])
    .where('pemda_id', '=', pemdaId)
    .where('date', '<=', until)
    .executeTakeFirst();
  if (!span?.from || !span.to) return { days: 0, touched: [] };
  const ids = (await db.selectFrom('att_dirty').select('pegawai_id').distinct().where('pemda_id', '=', pemdaId).where('date', '<=', until).execute()).map((r) => r.pegawai_id);
  // A night shift's check-out is on the next date: recompute the day before too.
  const result = await recomputeDays(db, pemdaId, { from: addDays(span.from, -1), to: span.to, pegawaiIds: ids, today });
  await db.deleteFrom('att_dirty').where('pemda_id', '=', pemdaId).where('date', '<=', until).execute();
  return result;
}
