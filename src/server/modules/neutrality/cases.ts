import type { Kysely } from 'kysely';
import type { TCaseDetail, TCaseSummary } from '../../../contracts/neutrality';
import { OPEN_CASE_STAGES } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { caseAccess, isHandler, loadCaseFor, type CaseAccess } from './access';
import { sanctionOfCase } from './sanctions';
import type { CaseStage } from './tables';

/** The handlers' board and the case file. Every view of a case writes an audit row (issue 7 §5). */
const summaryColumns = ['c.id', 'c.number', 'c.channel', 'c.anonymous', 'c.category', 'c.stage', 'c.stage_due_on', 'c.handler_unit', 'c.created_at', 'c.reported_opd_id', 'c.outcome', 'o.name as opd_name'] as const;

function overdueDays(calendar: WorkingCalendar, stage: CaseStage, due: string | null): number {
  if (!due || !(OPEN_CASE_STAGES as readonly string[]).includes(stage)) return 0;
  return Math.max(0, calendar.workingDaysBetween(due, calendar.today()));
}

function baseQuery(db: Kysely<DB>, pemdaId: string) {
  return db
    .selectFrom('ntr_case as c')
    .leftJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.reported_opd_id'))
    .where('c.pemda_id', '=', pemdaId);
}

type SummaryRow = { id: string; number: string; channel: TCaseSummary['channel']; anonymous: boolean; category: string; stage: CaseStage; stage_due_on: string | null; handler_unit: TCaseSummary['handlerUnit']; created_at: Date; opd_name: string | null };

function presentSummary(calendar: WorkingCalendar, row: SummaryRow): TCaseSummary {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    anonymous: row.anonymous,
    category: row.category,
    stage: row.stage,
    stageDueOn: row.stage_due_on,
    overdueDays: overdueDays(calendar, row.stage, row.stage_due_on),
    handlerUnit: row.handler_unit,
    reportedOpdName: row.opd_name,
    createdAt: row.created_at.toISOString(),
  };
}

/** The list a caller may see, scoped in SQL. Listing shows no names; opening a case is audited. */
export async function listCases(ctx: Ctx, actor: UserActor, filter: { stage?: CaseStage; open?: 'true' | 'false' }): Promise<TCaseSummary[]> {
  const calendar = await loadCalendar(ctx.db, actor.pemdaId);
  let query = baseQuery(ctx.db, actor.pemdaId).select([...summaryColumns]).orderBy('c.created_at', 'desc').limit(500);
  if (!(await isHandler(ctx.db, actor))) {
    if (actor.role === 'kepala_daerah' || actor.role === 'sekda') query = query.where('c.stage', 'in', ['keputusan', 'monitoring', 'selesai']);
    else if (actor.role === 'kepala_opd' && actor.opdId) query = query.where('c.outcome', 'is not', null).where('c.reported_opd_id', '=', actor.opdId);
    else return [];
  }
  if (filter.stage) query = query.where('c.stage', '=', filter.stage);
  if (filter.open === 'true') query = query.where('c.stage', 'in', [...OPEN_CASE_STAGES]);
  if (filter.open === 'false') query = query.where('c.stage', 'not in', [...OPEN_CASE_STAGES]);
  const rows = await query.execute();
  return rows.map((row) => presentSummary(calendar, row));
}

function abilitiesFor(access: Exclude<CaseAccess, null>, stage: CaseStage, anonymous: boolean, actor: UserActor): string[] {
  const out: string[] = [];
  if (access === 'handler') {
    if (stage === 'verifikasi') out.push('verify');
    if (stage === 'investigasi') out.push('recommend');
    if (stage === 'monitoring') out.push('close');
    if (stage !== 'selesai' && stage !== 'ditolak') out.push('question', 'referral');
    out.push('note');
    if (!anonymous) out.push('identity', 'reveal');
  }
  if (stage === 'keputusan' && (actor.role === 'kepala_daerah' || actor.role === 'sekda')) out.push('decide');
  return out;
}

export async function caseDetail(ctx: Ctx, actor: UserActor, caseId: string, options: { audit?: boolean } = {}): Promise<TCaseDetail> {
  const { access } = await loadCaseFor(ctx.db, actor, caseId);
  const calendar = await loadCalendar(ctx.db, actor.pemdaId);
  const row = await baseQuery(ctx.db, actor.pemdaId)
    .leftJoin('pegawai as p', (join) => join.onRef('p.pemda_id', '=', 'c.pemda_id').onRef('p.id', '=', 'c.reported_pegawai_id'))
    .select([...summaryColumns, 'c.reported_pegawai_id', 'c.reported_name', 'p.name as pegawai_name', 'p.nip', 'c.occurred_on', 'c.place', 'c.description', 'c.links', 'c.track', 'c.pp94_level', 'c.recommendation', 'c.decision_number', 'c.decided_on', 'c.reporter_sealed'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const limited = access === 'opd_head';
  const files = limited
    ? []
    : await ctx.db
        .selectFrom('ntr_case_file as f')
        .innerJoin('stored_file as s', (join) => join.onRef('s.pemda_id', '=', 'f.pemda_id').onRef('s.sha256', '=', 'f.sha256'))
        .select(['s.sha256', 's.mime', 's.size', 's.original_name'])
        .where('f.pemda_id', '=', actor.pemdaId)
        .where('f.case_id', '=', caseId)
        .execute();
  let events = ctx.db
    .selectFrom('ntr_case_event as e')
    .leftJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 'e.pemda_id').onRef('u.id', '=', 'e.actor_user_id'))
    .select(['e.id', 'e.at', 'e.kind', 'e.stage', 'e.text', 'e.for_reporter', 'u.name as actor_name'])
    .where('e.pemda_id', '=', actor.pemdaId)
    .where('e.case_id', '=', caseId)
    .orderBy('e.at');
  if (limited) events = events.where('e.kind', '=', 'stage');
  const referrals = limited ? [] : await ctx.db.selectFrom('ntr_referral').selectAll().where('pemda_id', '=', actor.pemdaId).where('case_id', '=', caseId).orderBy('sent_on').execute();
  if (options.audit !== false) {
    await inTransaction(ctx, (tx) => writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.case.viewed', entityType: 'ntr_case', entityId: caseId, detail: { as: access } }));
  }
  return {
    ...presentSummary(calendar, row),
    reported: { pegawaiId: row.reported_pegawai_id, name: row.pegawai_name ?? row.reported_name ?? '-', nip: row.nip ?? null, opdId: row.reported_opd_id, opdName: row.opd_name },
    occurredOn: row.occurred_on,
    place: row.place,
    description: row.description,
    links: limited ? [] : row.links,
    files: files.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size, name: f.original_name })),
    track: row.track,
    pp94Level: row.pp94_level,
    recommendation: row.recommendation,
    outcome: row.outcome,
    decisionNumber: row.decision_number,
    decidedOn: row.decided_on,
    hasIdentity: row.reporter_sealed !== null,
    events: (await events.execute()).map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, stage: e.stage, text: limited ? null : e.text, forReporter: e.for_reporter, actorName: e.actor_name ?? null })),
    referrals: referrals.map((r) => ({ id: r.id, body: r.body, legalBasis: r.legal_basis, sentOn: r.sent_on, letterNumber: r.letter_number, replyOn: r.reply_on, replySummary: r.reply_summary })),
    sanction: await sanctionOfCase(ctx.db, actor.pemdaId, caseId),
    abilities: abilitiesFor(access, row.stage, row.anonymous || row.reporter_sealed === null, actor),
  };
}

export { caseAccess };
