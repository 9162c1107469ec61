import type { z } from 'zod';
import type { TCase, ZDecisionRequest, ZExaminationRequest, ZSummonsRequest } from '../../../contracts/attendance';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { authorize } from '../../platform/policy';
import { loadRuleBook } from './config';
import { ledgers, monthPlus, recordSanction } from './discipline';
import { AttendanceErrors } from './errors';
import { AttendanceActions } from './policy';
import type { DisciplineRules } from './rules';
import type { CaseStatus } from './tables';

/**
 * The steps of a discipline case (PP 94/2021 art. 26–33; BRIEF §4.3): first summons (set when opened), second
 * summons at least 7 working days after the first, examination with its BAP, decision by the official the
 * authority matrix names for the level, appeal window of 14 working days [U]. Only a decision records a sanction.
 */
const SELECT = ['c.id', 'c.pegawai_id', 'p.name', 'p.nip', 'c.opd_id', 'o.name as opd_name', 'c.year', 'c.bracket', 'c.level', 'c.proposed_sanction', 'c.days_at_open', 'c.consecutive_tk', 'c.status', 'c.opened_on', 'c.summons1_on', 'c.summons2_on', 'c.examined_on', 'c.bap_notes', 'c.decided_sanction', 'c.decision_number', 'c.decided_on', 'c.appeal_until'] as const;

function query(ctx: Ctx, pemdaId: string) {
  return ctx.db
    .selectFrom('disc_case as c')
    .innerJoin('pegawai as p', (j) => j.onRef('p.pemda_id', '=', 'c.pemda_id').onRef('p.id', '=', 'c.pegawai_id'))
    .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .select(SELECT)
    .where('c.pemda_id', '=', pemdaId);
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function present(row: CaseRow, rules: DisciplineRules): TCase {
  return {
    id: row.id, pegawaiId: row.pegawai_id, pegawaiName: row.name, nip: row.nip, opdId: row.opd_id, opdName: row.opd_name, year: row.year, bracket: row.bracket, level: row.level,
    proposedSanction: row.proposed_sanction, daysAtOpen: Number(row.days_at_open), consecutiveTk: row.consecutive_tk, status: row.status, openedOn: row.opened_on, summons1On: row.summons1_on,
    summons2On: row.summons2_on, examinedOn: row.examined_on, bapNotes: row.bap_notes, decidedSanction: row.decided_sanction, decisionNumber: row.decision_number, decidedOn: row.decided_on,
    appealUntil: row.appeal_until, deciders: rules.authority[row.level],
  };
}

const OPD_ONLY = new Set(['kepala_opd']);

export async function listCases(ctx: Ctx, actor: UserActor, filter: { status?: CaseStatus; year?: number }) {
  let q = query(ctx, actor.pemdaId).orderBy('c.opened_on', 'desc').orderBy('p.name').limit(500);
  if (OPD_ONLY.has(actor.role)) q = q.where('c.opd_id', '=', actor.opdId ?? '00000000-0000-4000-8000-000000000000');
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.year) q = q.where('c.year', '=', filter.year);
  const rules = (await loadRuleBook(ctx.db, actor.pemdaId)).get('discipline', (await loadCalendar(ctx.db, actor.pemdaId)).today()).body;
  return { items: (await q.execute()).map((r) => present(r, rules)) };
}

async function loadCase(ctx: Ctx, actor: UserActor, caseId: string, action: string) {
  const row = await query(ctx, actor.pemdaId).where('c.id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError(AttendanceErrors.DISC_CASE_NOT_FOUND);
  authorize(actor, action, { pemdaId: actor.pemdaId, opdId: row.opd_id });
  const calendar = await loadCalendar(ctx.db, actor.pemdaId);
  const rules = (await loadRuleBook(ctx.db, actor.pemdaId)).get('discipline', calendar.today()).body;
  return { row, rules, calendar };
}

export async function getCase(ctx: Ctx, actor: UserActor, caseId: string) {
  const { row, rules } = await loadCase(ctx, actor, caseId, AttendanceActions['discipline.read']);
  const ledger = (await ledgers(ctx.db, actor.pemdaId, row.year, rules, [row.pegawai_id]))[0];
  return { case: present(row, rules), ledger: ledger ? { tkDays: ledger.tkDays, lateEarlyMinutes: ledger.lateEarlyMinutes, days: ledger.days, exact: ledger.exact, consecutiveTk: ledger.consecutiveTk } : { tkDays: 0, lateEarlyMinutes: 0, days: 0, exact: 0, consecutiveTk: 0 } };
}

async function step(ctx: Ctx, actor: UserActor, caseId: string, action: string, allowed: CaseStatus[], change: (c: Awaited<ReturnType<typeof loadCase>>) => Promise<Record<string, string | null>>) {
  const loaded = await loadCase(ctx, actor, caseId, action);
  if (!allowed.includes(loaded.row.status)) throw new AppError(AttendanceErrors.DISC_CASE_STEP, { status: loaded.row.status });
  await inTransaction(ctx, async (tx) => {
    const set = await change(loaded);
    await tx.db.updateTable('disc_case').set(set).where('pemda_id', '=', actor.pemdaId).where('id', '=', caseId).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: `discipline.case_${set.status ?? 'updated'}`, entityType: 'disc_case', entityId: caseId, before: { status: loaded.row.status }, after: set });
    if (set.decided_sanction && set.decided_sanction !== 'tidak_terbukti') {
      const bracket = loaded.rules.brackets.find((b) => b.sanction === set.decided_sanction);
      await recordSanction(tx, {
        pemdaId: actor.pemdaId, pegawaiId: loaded.row.pegawai_id, caseId, source: 'discipline', sanction: set.decided_sanction, level: loaded.row.level,
        tppCutPercent: bracket?.tppCutPercent ?? 0, startMonth: monthPlus((set.decided_on ?? '').slice(0, 7), 1), months: bracket?.months ?? 0, decisionNumber: set.decision_number ?? '',
      });
    }
  });
  return getCase(ctx, actor, caseId);
}

export function secondSummons(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZSummonsRequest>) {
  return step(ctx, actor, caseId, AttendanceActions['discipline.manage'], ['panggilan_1'], async ({ row, rules, calendar }) => {
    const earliest = calendar.addWorkingDays(row.summons1_on, rules.summonsWorkingDays);
    if (input.date < earliest) throw new AppError(AttendanceErrors.DISC_SUMMONS_TOO_SOON, { earliest, from: row.summons1_on });
    return { status: 'panggilan_2', summons2_on: input.date };
  });
}

export function recordExamination(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZExaminationRequest>) {
  return step(ctx, actor, caseId, AttendanceActions['discipline.manage'], ['panggilan_1', 'panggilan_2'], async () => ({ status: 'pemeriksaan', examined_on: input.date, bap_notes: input.notes }));
}

export function decideCase(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZDecisionRequest>) {
  return step(ctx, actor, caseId, AttendanceActions['discipline.decide'], ['pemeriksaan'], async ({ row, rules, calendar }) => {
    const deciders = rules.authority[row.level];
    if (!deciders.includes(actor.role)) throw new AppError(AttendanceErrors.DISC_NOT_AUTHORISED, { level: row.level, roles: deciders.join(', ') });
    const closed = input.sanction === 'tidak_terbukti';
    return { status: closed ? 'ditutup' : 'diputus', decided_sanction: input.sanction, decision_number: input.decisionNumber, decided_on: input.date, decided_by: actor.userId, appeal_until: closed ? null : calendar.addWorkingDays(input.date, rules.appealWorkingDays) };
  });
}
