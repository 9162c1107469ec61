import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { TxCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { notify } from '../../platform/notifications';
import { loadRuleBook } from './config';
import { bracketFor, bracketRank, disciplineDays, type DisciplineRules } from './rules';

/**
 * The discipline ledger (PP 94/2021 art. 4f, 8–11; BRIEF §4.3): per pegawai per calendar year, TK days plus
 * (late + early minutes) / 450, and the longest run of consecutive TK working days. Crossing a bracket OPENS A
 * CASE with a summons at least 7 working days ahead; it never applies a sanction by itself (the decision does,
 * by the official the authority matrix names).
 */
export interface Ledger {
  pegawaiId: string;
  year: number;
  tkDays: number;
  lateEarlyMinutes: number;
  days: number;
  exact: number;
  consecutiveTk: number;
}

export async function ledgers(db: Kysely<DB>, pemdaId: string, year: number, rules: DisciplineRules, pegawaiIds?: readonly string[]): Promise<Ledger[]> {
  const out: Ledger[] = [];
  const ids = pegawaiIds ? [...pegawaiIds] : null;
  const chunks = ids ? Array.from({ length: Math.ceil(ids.length / 2000) }, (_, i) => ids.slice(i * 2000, i * 2000 + 2000)) : [null];
  for (const chunk of chunks) {
    const filter = chunk ? sql`AND pegawai_id = ANY(${chunk}::uuid[])` : sql``;
    const totals = await sql<{ pegawai_id: string; tk: number; minutes: number }>`
      SELECT pegawai_id, count(*) FILTER (WHERE status = 'tk')::int AS tk,
             coalesce(sum(late_minutes + early_minutes) FILTER (WHERE status = 'hadir'), 0)::int AS minutes
      FROM att_day WHERE pemda_id = ${pemdaId} AND date >= ${`${year}-01-01`}::date AND date <= ${`${year}-12-31`}::date ${filter}
      GROUP BY pegawai_id`.execute(db);
    const streakIds = totals.rows.filter((r) => r.tk >= rules.consecutiveTkDays).map((r) => r.pegawai_id);
    const streaks = await longestTkRuns(db, pemdaId, year, streakIds);
    for (const row of totals.rows) {
      const days = disciplineDays(rules, row.tk, row.minutes);
      out.push({ pegawaiId: row.pegawai_id, year, tkDays: row.tk, lateEarlyMinutes: row.minutes, days: days.days, exact: days.exact, consecutiveTk: streaks.get(row.pegawai_id) ?? Math.min(row.tk, 1) });
    }
  }
  return out;
}

/** Consecutive TK counted over scheduled days only: a weekend or holiday in between does not break the run. */
async function longestTkRuns(db: Kysely<DB>, pemdaId: string, year: number, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('att_day')
    .select(['pegawai_id', 'status'])
    .where('pemda_id', '=', pemdaId)
    .where('pegawai_id', 'in', ids)
    .where('scheduled', '=', true)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('pegawai_id')
    .orderBy('date')
    .execute();
  let current = '';
  let run = 0;
  for (const row of rows) {
    if (row.pegawai_id !== current) {
      current = row.pegawai_id;
      run = 0;
    }
    run = row.status === 'tk' ? run + 1 : 0;
    out.set(current, Math.max(out.get(current) ?? 0, run));
  }
  return out;
}

export interface OpenedCase {
  id: string;
  pegawaiId: string;
  bracket: string;
}

/** Opens a case for each pegawai whose ledger reached a bracket above every case already opened that year. */
export async function evaluateDiscipline(tx: TxCtx, pemdaId: string, touched: ReadonlyArray<{ pegawaiId: string; year: number }>, today?: string): Promise<OpenedCase[]> {
  if (touched.length === 0) return [];
  const calendar = await loadCalendar(tx.db, pemdaId);
  const book = await loadRuleBook(tx.db, pemdaId);
  const openedOn = today ?? calendar.today();
  const byYear = new Map<number, string[]>();
  for (const t of touched) byYear.set(t.year, [...(byYear.get(t.year) ?? []), t.pegawaiId]);
  const opened: OpenedCase[] = [];
  for (const [year, ids] of byYear) {
    const rules = book.get('discipline', `${year}-12-31` < openedOn ? `${year}-12-31` : openedOn).body;
    const candidates = (await ledgers(tx.db, pemdaId, year, rules, [...new Set(ids)])).filter((l) => bracketFor(rules, l.days, l.consecutiveTk));
    if (candidates.length === 0) continue;
    const existing = await tx.db.selectFrom('disc_case').select(['pegawai_id', 'bracket']).where('pemda_id', '=', pemdaId).where('year', '=', year).where('pegawai_id', 'in', candidates.map((c) => c.pegawaiId)).execute();
    const highest = new Map<string, number>();
    for (const row of existing) highest.set(row.pegawai_id, Math.max(highest.get(row.pegawai_id) ?? -1, bracketRank(rules, row.bracket)));
    const opds = new Map((await tx.db.selectFrom('pegawai').select(['id', 'opd_id', 'name']).where('pemda_id', '=', pemdaId).where('id', 'in', candidates.map((c) => c.pegawaiId)).execute()).map((p) => [p.id, p]));
    for (const ledger of candidates) {
      const bracket = bracketFor(rules, ledger.days, ledger.consecutiveTk);
      const person = opds.get(ledger.pegawaiId);
      if (!bracket || !person || bracketRank(rules, bracket.key) <= (highest.get(ledger.pegawaiId) ?? -1)) continue;
      // PP 94/2021 art. 26: the written summons is sent at least 7 working days before the examination date.
      const summons = calendar.addWorkingDays(openedOn, rules.summonsWorkingDays);
      const row = await tx.db
        .insertInto('disc_case')
        .values({ pemda_id: pemdaId, pegawai_id: ledger.pegawaiId, opd_id: person.opd_id, year, bracket: bracket.key, level: bracket.level, proposed_sanction: bracket.sanction, days_at_open: ledger.exact, consecutive_tk: ledger.consecutiveTk, opened_on: openedOn, summons1_on: summons })
        .onConflict((oc) => oc.columns(['pemda_id', 'pegawai_id', 'year', 'bracket']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      opened.push({ id: row.id, pegawaiId: ledger.pegawaiId, bracket: bracket.key });
      await writeAudit(tx, { pemdaId, action: 'discipline.case_opened', entityType: 'disc_case', entityId: row.id, after: { pegawaiId: ledger.pegawaiId, year, bracket: bracket.key, days: ledger.exact, consecutiveTk: ledger.consecutiveTk, summons1: summons } });
      await notify(tx, {
        pemdaId,
        recipients: { role: 'bkpsdm' },
        kind: 'discipline.case_opened',
        title: { id: `Kasus disiplin dibuka: ${person.name}`, en: `Discipline case opened: ${person.name}` },
        body: { id: `${ledger.exact} hari (TK ${ledger.tkDays}, terlambat/pulang cepat ${ledger.lateEarlyMinutes} menit) pada ${year}. Panggilan pertama ${summons}.`, en: `${ledger.exact} days (TK ${ledger.tkDays}, late/early ${ledger.lateEarlyMinutes} minutes) in ${year}. First summons ${summons}.` },
        link: `/disiplin/${row.id}`,
      });
      await notify(tx, {
        pemdaId,
        recipients: { opdHeadOf: person.opd_id },
        kind: 'discipline.case_opened',
        title: { id: `Kasus disiplin bawahan Anda: ${person.name}`, en: `Discipline case of your staff: ${person.name}` },
        body: { id: 'Atasan langsung wajib menindaklanjuti (PP 94/2021 pasal 26, 28).', en: 'The direct superior must act on it (PP 94/2021 art. 26, 28).' },
        link: `/disiplin/${row.id}`,
      });
    }
  }
  return opened;
}

export interface SanctionInput {
  pemdaId: string;
  pegawaiId: string;
  caseId: string | null;
  source: 'discipline' | 'neutrality';
  sanction: string;
  level: string;
  tppCutPercent: number;
  startMonth: string;
  months: number;
  decisionNumber: string;
}

/** The sanction registry: discipline decisions (and later neutrality) record here; TPP reads it. */
export async function recordSanction(tx: TxCtx, input: SanctionInput): Promise<string> {
  const row = await tx.db
    .insertInto('disc_sanction')
    .values({ pemda_id: input.pemdaId, pegawai_id: input.pegawaiId, case_id: input.caseId, source: input.source, sanction: input.sanction, level: input.level, tpp_cut_percent: input.tppCutPercent, start_month: input.startMonth, months: input.months, decision_number: input.decisionNumber })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(tx, { pemdaId: input.pemdaId, action: 'discipline.sanction_recorded', entityType: 'disc_sanction', entityId: row.id, after: { ...input } });
  return row.id;
}

export function monthPlus(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** TPP cuts of sanctions running in a month (start_month <= month < start_month + months), the largest per pegawai. */
export async function sanctionCutsOf(db: Kysely<DB>, pemdaId: string, month: string): Promise<Map<string, { percent: number; sanction: string; decisionNumber: string; startMonth: string; months: number }>> {
  const rows = await db.selectFrom('disc_sanction').select(['pegawai_id', 'tpp_cut_percent', 'sanction', 'decision_number', 'start_month', 'months']).where('pemda_id', '=', pemdaId).where('tpp_cut_percent', '>', 0).where('start_month', '<=', month).execute();
  const out = new Map<string, { percent: number; sanction: string; decisionNumber: string; startMonth: string; months: number }>();
  for (const row of rows) {
    if (monthPlus(row.start_month, row.months) <= month) continue;
    const percent = Number(row.tpp_cut_percent);
    if ((out.get(row.pegawai_id)?.percent ?? -1) >= percent) continue;
    out.set(row.pegawai_id, { percent, sanction: row.sanction, decisionNumber: row.decision_number, startMonth: row.start_month, months: row.months });
  }
  return out;
}
