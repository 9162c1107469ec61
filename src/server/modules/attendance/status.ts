import { sql, type Kysely } from 'kysely';
import { copyLine, type CopyFn } from '../../db/connect';
import type { DB } from '../../db/schema';
import { addDays, loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { loadRuleBook, type RuleBook } from './config';
import { computeDay, fixedShift, isoWeekday, type DayEvent, type DayResult, type LeaveKind, type Shift } from './day';
import type { LatenessRules } from './rules';

/**
 * Daily status of every pegawai (issue 5 §4), derived from events, schedule (or roster), holidays and approved
 * leave, and recomputed whenever one of them changes: imports and web check-ins mark days dirty, approvals and
 * roster or rule changes recompute their range directly. Only finished days are computed (before today in the
 * Pemda's zone); the nightly job computes yesterday for everyone so days without any event become TK.
 *
 * Cost model (bench/attendance.bench.ts, 10,000 pegawai × a month): what is expensive is moving rows between the
 * database and JavaScript one by one, above all on PGlite. So the shift and rules of each (OPD, date) are resolved
 * once, each pegawai's events of the range come as ONE aggregated text value (one result row per pegawai, not one
 * per event), and the day rows are written by COPY when the caller can give a COPY handle on its transaction
 * (bulk recomputations), else by one unnest upsert per WRITE_CHUNK rows.
 */
const CHUNK = 2500;
const WRITE_CHUNK = 10_000;
const DAY_S = 86_400;
/** Events whose state is outside 0..998 (or null) travel as 999 and come back as null: all mean "undefined". */
export const NO_STATE = 999;

export interface RecomputeScope {
  from: string;
  to: string;
  /** Omit for every active pegawai of the Pemda. */
  pegawaiIds?: readonly string[];
  /** Today in the Pemda's zone (tests pin it); days from today on are not computed. */
  today?: string;
}

export interface RecomputeOptions {
  /**
   * COPY on the connection of `db` (from `database.transactionWithCopy`): the days of the scope are then deleted
   * and written by COPY, the fastest path on both drivers. Without it they are upserted with unnest.
   */
  copy?: CopyFn;
}

export interface RecomputeResult {
  days: number;
  /** (pegawai, year) pairs whose yearly discipline ledger may have changed. */
  touched: Array<{ pegawaiId: string; year: number }>;
}

const epochOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** First index with times[i] >= t. */
function lowerBound(times: Float64Array, t: number): number {
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

/** What a date means for one OPD, resolved once per (OPD, date): a fixed shift or day off, or "see the roster". */
type OpdDay = { roster: true } | { roster: false; shift: Shift | null; offReason: string };

export async function recomputeDays(db: Kysely<DB>, pemdaId: string, scope: RecomputeScope, options: RecomputeOptions = {}): Promise<RecomputeResult> {
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
  const plan = planDates(context, datesBetween(from, to));
  const touched: Array<{ pegawaiId: string; year: number }> = [];
  const years = [...new Set(plan.dates.map((d) => Number(d.slice(0, 4))))];
  let days = 0;
  for (let i = 0; i < pegawai.length; i += CHUNK) {
    const chunk = pegawai.slice(i, i + CHUNK);
    const rows = await computeChunk(db, pemdaId, chunk, plan, !scope.pegawaiIds);
    if (options.copy) await copyDays(db, options.copy, pemdaId, chunk, plan, rows);
    else await writeDays(db, pemdaId, rows);
    days += rows.length;
    for (const person of chunk) for (const year of years) touched.push({ pegawaiId: person.id, year });
  }
  return { days, touched };
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

export interface DatePlan {
  dates: string[];
  midnights: number[];
  lateness: LatenessRules[];
  /** Per OPD, what each date (by index) means; filled on first use. */
  byOpd: Map<string, OpdDay[]>;
  opdDays(opdId: string): OpdDay[];
}

export function planDates(context: DayContext, dates: string[]): DatePlan {
  const byOpd = new Map<string, OpdDay[]>();
  return {
    dates,
    midnights: dates.map(epochOf),
    lateness: dates.map((date) => context.rules.get('lateness', date).body),
    byOpd,
    opdDays(opdId) {
      let list = byOpd.get(opdId);
      if (!list) {
        list = dates.map((date): OpdDay => {
          if (context.rules.get('schedule', date, opdId).body.mode === 'roster') return { roster: true };
          const { shift, offReason } = shiftOf(context, opdId, date, undefined);
          return { roster: false, shift, offReason };
        });
        byOpd.set(opdId, list);
      }
      return list;
    },
  };
}

/**
 * The events of the chunk's pegawai around the range, one text value per pegawai: "seconds × 1000 + state,…" (seconds
 * from the epoch of the wall-clock time; far below 2^53 / 1000), sorted here: one result row per pegawai instead of
 * one per event.
 */
async function loadEvents(db: Kysely<DB>, pemdaId: string, ids: string[], first: string, last: string, wholeRange: boolean): Promise<Map<string, { times: Float64Array; states: Int16Array }>> {
  // Every active pegawai of the Pemda: the chunk is a contiguous id range (ids are sorted), which the index on
  // (pemda_id, pegawai_id, at) scans in one pass; a chosen set of pegawai is looked up one by one.
  const who = wholeRange ? sql`pegawai_id >= ${ids[0]}::uuid AND pegawai_id <= ${ids[ids.length - 1]}::uuid` : sql`pegawai_id = ANY(${ids}::uuid[])`;
  const result = await sql<{ pegawai_id: string; ev: string }>`
    SELECT pegawai_id, string_agg((floor(date_part('epoch', at))::bigint * 1000 + CASE WHEN state BETWEEN 0 AND ${NO_STATE - 1} THEN state ELSE ${NO_STATE} END)::text, ',') AS ev
    FROM att_event
    WHERE pemda_id = ${pemdaId} AND ${who} AND at >= ${addDays(first, -1)}::timestamp AND at < ${addDays(last, 2)}::timestamp
    GROUP BY pegawai_id`.execute(db);
  const out = new Map<string, { times: Float64Array; states: Int16Array }>();
  for (const row of result.rows) {
    const parts = row.ev.split(',');
    const keyed = new Float64Array(parts.length);
    for (let k = 0; k < parts.length; k += 1) keyed[k] = Number(parts[k]);
    keyed.sort();
    const times = new Float64Array(keyed.length);
    const states = new Int16Array(keyed.length);
    for (let k = 0; k < keyed.length; k += 1) {
      const value = keyed[k] as number;
      const seconds = Math.floor(value / 1000);
      times[k] = seconds;
      states[k] = value - seconds * 1000;
    }
    out.set(row.pegawai_id, { times, states });
  }
  return out;
}

async function computeChunk(db: Kysely<DB>, pemdaId: string, chunk: Array<{ id: string; opd_id: string }>, plan: DatePlan, wholeRange: boolean): Promise<DayRow[]> {
  const ids = chunk.map((p) => p.id);
  const { dates } = plan;
  const first = dates[0] as string;
  const last = dates[dates.length - 1] as string;
  const anyRoster = chunk.some((p) => plan.opdDays(p.opd_id).some((d) => d.roster));
  const [rosterRows, leaveRows, events] = await Promise.all([
    anyRoster
      ? db.selectFrom('att_roster').select(['pegawai_id', 'date', 'shift_name', 'start_time', 'end_time']).where('pemda_id', '=', pemdaId).where('pegawai_id', '=', sql<string>`ANY(${ids}::uuid[])`).where('date', '>=', first).where('date', '<=', last).execute()
      : Promise.resolve([]),
    db.selectFrom('att_leave').select(['pegawai_id', 'kind', 'start_date', 'end_date']).where('pemda_id', '=', pemdaId).where('pegawai_id', '=', sql<string>`ANY(${ids}::uuid[])`).where('status', '=', 'disetujui').where('start_date', '<=', last).where('end_date', '>=', first).execute(),
    loadEvents(db, pemdaId, ids, first, last, wholeRange),
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
  return computeRows(plan, chunk, events, rosters, leaves);
}

export type EventsByPegawai = Map<string, { times: Float64Array; states: Int16Array }>;
export type LeavesByPegawai = Map<string, Array<{ kind: LeaveKind; from: string; to: string }>>;

/**
 * The day rows of some pegawai over the plan's dates from their events (seconds from the epoch of the wall-clock
 * time, sorted; state 999 = undefined), rosters and approved leave: pure, also used by the demo seed.
 */
export function computeRows(plan: DatePlan, chunk: ReadonlyArray<{ id: string; opd_id: string }>, events: EventsByPegawai, rosters: Map<string, Map<string, Shift>>, leaves: LeavesByPegawai): DayRow[] {
  const { dates, midnights } = plan;
  const rows: DayRow[] = [];
  const dayEvents: DayEvent[] = [];
  for (const person of chunk) {
    const own = events.get(person.id);
    const roster = rosters.get(person.id);
    const leaveList = leaves.get(person.id);
    const opdDays = plan.opdDays(person.opd_id);
    for (let i = 0; i < dates.length; i += 1) {
      const date = dates[i] as string;
      const planned = opdDays[i] as OpdDay;
      let shift: Shift | null;
      let offReason: string;
      if (planned.roster) {
        shift = roster?.get(date) ?? null;
        offReason = shift ? '' : 'no_shift';
      } else {
        shift = planned.shift;
        offReason = planned.offReason;
      }
      dayEvents.length = 0;
      if (own && shift) {
        const midnight = midnights[i] as number;
        for (let k = lowerBound(own.times, midnight - DAY_S / 2); k < own.times.length && (own.times[k] as number) < midnight + 2 * DAY_S; k += 1) {
          const state = own.states[k] as number;
          dayEvents.push({ t: (own.times[k] as number) - midnight, state: state === NO_STATE ? null : state });
        }
      }
      let leave: LeaveKind | null = null;
      if (leaveList) for (const l of leaveList) if (date >= l.from && date <= l.to) { leave = l.kind; break; }
      rows.push({ pegawaiId: person.id, date, opdId: person.opd_id, ...computeDay({ shift, offReason, leave, events: dayEvents, rules: plan.lateness[i] as LatenessRules }) });
    }
  }
  return rows;
}

const DAY_COLUMNS = ['pemda_id', 'pegawai_id', 'date', 'opd_id', 'status', 'scheduled', 'sched_start', 'sched_end', 'check_in', 'check_out', 'late_minutes', 'early_minutes', 'tl', 'psw', 'cut_percent', 'reason'] as const;

/**
 * Bulk path: the chunk's days of the range are replaced (DELETE, then COPY straight into att_day). Every
 * (pegawai, date) of the chunk × range is in `rows`, so this is the same as an upsert of all of them.
 */
export async function copyDays(db: Kysely<DB>, copy: CopyFn, pemdaId: string, chunk: Array<{ id: string }>, plan: DatePlan, rows: readonly DayRow[]): Promise<void> {
  await sql`DELETE FROM att_day WHERE pemda_id = ${pemdaId} AND pegawai_id = ANY(${chunk.map((p) => p.id)}::uuid[]) AND date >= ${plan.dates[0]}::date AND date <= ${plan.dates[plan.dates.length - 1]}::date`.execute(db);
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const lines: string[] = [];
    for (const r of rows.slice(i, i + WRITE_CHUNK)) {
      lines.push(copyLine([pemdaId, r.pegawaiId, r.date, r.opdId, r.status, r.scheduled, r.schedStart, r.schedEnd, r.checkIn, r.checkOut, r.lateMinutes, r.earlyMinutes, r.tl, r.psw, r.cutPercent, r.reason]));
    }
    await copy('att_day', DAY_COLUMNS, lines);
  }
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
export async function recomputeDirty(db: Kysely<DB>, pemdaId: string, today?: string, options: RecomputeOptions = {}): Promise<RecomputeResult> {
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
  const result = await recomputeDays(db, pemdaId, { from: addDays(span.from, -1), to: span.to, pegawaiIds: ids, today }, options);
  await db.deleteFrom('att_dirty').where('pemda_id', '=', pemdaId).where('date', '<=', until).execute();
  return result;
}
