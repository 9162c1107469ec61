import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TProposal, TStaffingOverview, ZExecute, ZMinisterApproval, ZProposalCreate, ZProposalDecide, ZVacancy } from '../../../contracts/staffing';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { can } from '../../platform/policy';
import { currentBanners, staffingGuardOn } from '../neutrality/election';
import { neutralityRecordOf } from '../neutrality/sanctions';
import { assignJabatan } from '../org/service-appointments';
import { listJabatan } from '../org/service-staff';
import { StaffingErrors } from './errors';
import { checkQuota, quotaUsage } from './quota';
import { eselonGroupOf, guardReason } from './rules';

/**
 * Filling vacant posts on merit, within the election-period rules (seed 002; BRIEF §4.9). BKPSDM proposes with
 * candidates and their merit evidence, the head decides, BKPSDM executes. During the freeze of UU 10/2016
 * art. 71(2), and always while the head is a Pj (PP 49/2008 art. 132A), execution needs the Minister's written
 * approval recorded first. Everything is audited.
 */
export async function overview(ctx: Ctx, pemdaId: string): Promise<TStaffingOverview> {
  const banners = await currentBanners(ctx.db, pemdaId);
  const guard = await staffingGuardOn(ctx.db, pemdaId, banners.today);
  return { banners, quotas: await quotaUsage(ctx.db, pemdaId), guardToday: { needsMinisterApproval: guard.needsMinisterApproval, reason: guardReason(guard) } };
}

/** Vacant eselon II–IV positions (organisation module: no active definitif holder). */
export async function listVacancies(ctx: Ctx, pemdaId: string): Promise<Array<z.infer<typeof ZVacancy>>> {
  const open = await ctx.db.selectFrom('stf_proposal').select(['id', 'jabatan_id']).where('pemda_id', '=', pemdaId).where('status', 'in', ['diajukan', 'disetujui']).execute();
  const openBy = new Map(open.map((p) => [p.jabatan_id, p.id]));
  const out: Array<z.infer<typeof ZVacancy>> = [];
  for (const kind of ['jpt_pratama', 'administrator', 'pengawas'] as const) {
    const page = await listJabatan(ctx, pemdaId, { kind, vacant: 'true', limit: 500 });
    for (const j of page.items) {
      out.push({ jabatanId: j.id, code: j.code, name: j.name, kind: j.kind, eselonGroup: eselonGroupOf(j.kind), opdId: j.opdId, actingName: j.holder?.pegawaiName ?? null, openProposalId: openBy.get(j.id) ?? null });
    }
  }
  return out;
}

function abilities(actor: UserActor, status: TProposal['status']): string[] {
  const out: string[] = [];
  if (status === 'diajukan' && can(actor, 'staffing.decide')) out.push('decide');
  if (status === 'disetujui' && can(actor, 'staffing.execute')) out.push('minister', 'execute');
  return out;
}

export async function listProposals(ctx: Ctx, actor: UserActor, filter: { from?: string; to?: string; id?: string } = {}): Promise<TProposal[]> {
  let query = ctx.db
    .selectFrom('stf_proposal as p')
    .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'p.pemda_id').onRef('j.id', '=', 'p.jabatan_id'))
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'j.pemda_id').onRef('o.id', '=', 'j.opd_id'))
    .selectAll('p')
    .select(['j.name as jabatan_name', 'o.name as opd_name'])
    .where('p.pemda_id', '=', actor.pemdaId)
    .orderBy('p.proposed_on', 'desc')
    .orderBy('p.number', 'desc')
    .limit(500);
  if (filter.id) query = query.where('p.id', '=', filter.id);
  if (filter.from) query = query.where('p.proposed_on', '>=', filter.from);
  if (filter.to) query = query.where('p.proposed_on', '<=', filter.to);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const candidates = await ctx.db
    .selectFrom('stf_candidate as c')
    .innerJoin('pegawai as g', (join) => join.onRef('g.pemda_id', '=', 'c.pemda_id').onRef('g.id', '=', 'c.pegawai_id'))
    .select(['c.proposal_id', 'c.pegawai_id', 'g.name', 'g.nip', 'c.skp_predikat', 'c.discipline_note', 'c.competency_note', 'c.rank'])
    .where('c.pemda_id', '=', actor.pemdaId)
    .where('c.proposal_id', 'in', rows.map((r) => r.id))
    .orderBy('c.rank')
    .execute();
  const record = await neutralityRecordOf(ctx.db, actor.pemdaId, [...new Set(candidates.map((c) => c.pegawai_id))]);
  const today = (await loadCalendar(ctx.db, actor.pemdaId)).today();
  const guard = await staffingGuardOn(ctx.db, actor.pemdaId, today);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    jabatanId: r.jabatan_id,
    jabatanName: r.jabatan_name,
    opdName: r.opd_name,
    eselonGroup: r.eselon_group,
    status: r.status,
    proposedOn: r.proposed_on,
    reason: r.reason,
    candidates: candidates
      .filter((c) => c.proposal_id === r.id)
      .map((c) => ({ pegawaiId: c.pegawai_id, name: c.name, nip: c.nip, skpPredikat: c.skp_predikat, disciplineNote: c.discipline_note, competencyNote: c.competency_note, neutralitySanctions: record.get(c.pegawai_id) ?? 0, rank: c.rank })),
    chosenPegawaiId: r.chosen_pegawai_id,
    decisionNote: r.decision_note,
    decidedOn: r.decided_on,
    ministerLetter: r.minister_letter_number && r.minister_letter_date ? { number: r.minister_letter_number, date: r.minister_letter_date, sha256: r.minister_letter_sha256 } : null,
    executedOn: r.executed_on,
    skNumber: r.sk_number,
    guard: r.status === 'disetujui' ? { needsMinisterApproval: guard.needsMinisterApproval && !r.minister_letter_number, reason: r.minister_letter_number ? null : guardReason(guard) } : { needsMinisterApproval: false, reason: null },
    abilities: abilities(actor, r.status),
  }));
}

export async function getProposal(ctx: Ctx, actor: UserActor, id: string): Promise<TProposal> {
  const [proposal] = await listProposals(ctx, actor, { id });
  if (!proposal) throw new AppError(StaffingErrors.STF_PROPOSAL_NOT_FOUND);
  return proposal;
}

export async function createProposal(ctx: Ctx, actor: UserActor, input: z.infer<typeof ZProposalCreate>): Promise<TProposal> {
  const ids = input.candidates.map((c) => c.pegawaiId);
  if (new Set(ids).size !== ids.length) throw new AppError(StaffingErrors.STF_CANDIDATE_DUPLICATE);
  const today = (await loadCalendar(ctx.db, actor.pemdaId)).today();
  const id = await inTransaction(ctx, async (tx) => {
    const jabatan = await tx.db.selectFrom('jabatan').select(['id', 'name', 'kind']).where('pemda_id', '=', actor.pemdaId).where('id', '=', input.jabatanId).where('active', '=', true).executeTakeFirst();
    if (!jabatan) throw new AppError(StaffingErrors.STF_JABATAN_NOT_FOUND);
    const held = await tx.db.selectFrom('jabatan_holder').select('id').where('pemda_id', '=', actor.pemdaId).where('jabatan_id', '=', jabatan.id).where('kind', '=', 'definitif').where('end_date', 'is', null).executeTakeFirst();
    if (held) throw new AppError(StaffingErrors.STF_NOT_VACANT, { name: jabatan.name });
    const open = await tx.db.selectFrom('stf_proposal').select('number').where('pemda_id', '=', actor.pemdaId).where('jabatan_id', '=', jabatan.id).where('status', 'in', ['diajukan', 'disetujui']).executeTakeFirst();
    if (open) throw new AppError(StaffingErrors.STF_ALREADY_PROPOSED, { name: jabatan.name, number: open.number });
    const found = await tx.db.selectFrom('pegawai').select('id').where('pemda_id', '=', actor.pemdaId).where('id', 'in', ids).where('active', '=', true).execute();
    if (found.length !== ids.length) throw new AppError(StaffingErrors.STF_CANDIDATE_NOT_FOUND);
    const group = eselonGroupOf(jabatan.kind);
    if (group) await checkQuota(tx, actor.pemdaId, group, today);
    const year = today.slice(0, 4);
    const count = await tx.db.selectFrom('stf_proposal').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', actor.pemdaId).where('number', 'like', `USL/${year}/%`).executeTakeFirstOrThrow();
    const number = `USL/${year}/${String(Number(count.n) + 1).padStart(4, '0')}`;
    const row = await tx.db
      .insertInto('stf_proposal')
      .values({ pemda_id: actor.pemdaId, number, kind: input.kind, jabatan_id: jabatan.id, eselon_group: group, proposed_on: today, reason: input.reason, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('stf_candidate')
      .values(input.candidates.map((c, index) => ({ pemda_id: actor.pemdaId, proposal_id: row.id, pegawai_id: c.pegawaiId, skp_predikat: c.skpPredikat, discipline_note: c.disciplineNote ?? null, competency_note: c.competencyNote ?? null, rank: index + 1 })))
      .execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'staffing.proposal.created', entityType: 'stf_proposal', entityId: row.id, after: { number, kind: input.kind, jabatanId: jabatan.id, eselonGroup: group, candidates: ids } });
    return row.id;
  });
  return getProposal(ctx, actor, id);
}

async function lockProposal(db: Kysely<DB>, pemdaId: string, id: string) {
  const row = await db.selectFrom('stf_proposal').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError(StaffingErrors.STF_PROPOSAL_NOT_FOUND);
  return row;
}

export async function decideProposal(ctx: Ctx, actor: UserActor, id: string, input: z.infer<typeof ZProposalDecide>): Promise<TProposal> {
  const today = (await loadCalendar(ctx.db, actor.pemdaId)).today();
  await inTransaction(ctx, async (tx) => {
    const row = await lockProposal(tx.db, actor.pemdaId, id);
    if (row.status !== 'diajukan') throw new AppError(StaffingErrors.STF_WRONG_STATUS, { status: row.status });
    let chosen: string | null = null;
    if (input.approve) {
      const candidate = input.chosenPegawaiId
        ? await tx.db.selectFrom('stf_candidate').select('pegawai_id').where('pemda_id', '=', actor.pemdaId).where('proposal_id', '=', id).where('pegawai_id', '=', input.chosenPegawaiId).executeTakeFirst()
        : undefined;
      if (!candidate) throw new AppError(StaffingErrors.STF_CHOSEN_REQUIRED);
      chosen = candidate.pegawai_id;
    }
    const status = input.approve ? 'disetujui' : 'ditolak';
    await tx.db.updateTable('stf_proposal').set({ status, chosen_pegawai_id: chosen, decision_note: input.note, decided_by: actor.userId, decided_on: today, updated_at: new Date() }).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: `staffing.proposal.${status}`, entityType: 'stf_proposal', entityId: id, before: { status: row.status }, after: { status, chosenPegawaiId: chosen, note: input.note } });
  });
  return getProposal(ctx, actor, id);
}

export async function recordMinisterApproval(ctx: Ctx, actor: UserActor, id: string, input: z.infer<typeof ZMinisterApproval>): Promise<TProposal> {
  await inTransaction(ctx, async (tx) => {
    const row = await lockProposal(tx.db, actor.pemdaId, id);
    if (row.status !== 'disetujui') throw new AppError(StaffingErrors.STF_WRONG_STATUS, { status: row.status });
    const file = await tx.db.selectFrom('stored_file').select('sha256').where('pemda_id', '=', actor.pemdaId).where('sha256', '=', input.fileSha256).executeTakeFirst();
    if (!file) throw new AppError(StaffingErrors.STF_FILE_UNKNOWN);
    await tx.db
      .updateTable('stf_proposal')
      .set({ minister_letter_number: input.letterNumber, minister_letter_date: input.letterDate, minister_letter_sha256: input.fileSha256, updated_at: new Date() })
      .where('pemda_id', '=', actor.pemdaId)
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'staffing.proposal.minister_approval', entityType: 'stf_proposal', entityId: id, after: { ...input } });
  });
  return getProposal(ctx, actor, id);
}

/** Executes an approved proposal: the appointment goes through the organisation module's own service. */
export async function executeProposal(ctx: Ctx, actor: UserActor, id: string, input: z.infer<typeof ZExecute>): Promise<TProposal> {
  await inTransaction(ctx, async (tx) => {
    const row = await lockProposal(tx.db, actor.pemdaId, id);
    if (row.status !== 'disetujui' || !row.chosen_pegawai_id) throw new AppError(StaffingErrors.STF_WRONG_STATUS, { status: row.status });
    const guard = await staffingGuardOn(tx.db, actor.pemdaId, input.effectiveDate);
    const reason = guardReason(guard);
    // UU 10/2016 art. 71(2); PP 49/2008 art. 132A: no replacement without the Minister's written approval.
    if (guard.needsMinisterApproval && !(row.minister_letter_number && row.minister_letter_date && row.minister_letter_sha256) && reason) {
      throw new AppError(StaffingErrors.STF_MINISTER_APPROVAL_REQUIRED, { reason });
    }
    await assignJabatan(tx, { pemdaId: actor.pemdaId, pegawaiId: row.chosen_pegawai_id, assignment: { jabatanId: row.jabatan_id, kind: 'definitif', startDate: input.effectiveDate, skNumber: input.skNumber } });
    await tx.db.updateTable('stf_proposal').set({ status: 'dilaksanakan', executed_on: input.effectiveDate, executed_by: actor.userId, sk_number: input.skNumber, updated_at: new Date() }).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'staffing.proposal.executed', entityType: 'stf_proposal', entityId: id, after: { effectiveDate: input.effectiveDate, skNumber: input.skNumber, ministerLetter: row.minister_letter_number, guard: reason?.id ?? null } });
  });
  return getProposal(ctx, actor, id);
}
