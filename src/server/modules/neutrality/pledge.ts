import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { TCampaign, TPledgeProgress, ZCampaignCancel, ZCampaignCreate, ZCampaignUpdate } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { NeutralityErrors } from './errors';

/** The neutrality pledge campaign (seed 000, 003: every ASN states neutrality before the election). */
type CampaignRow = {
  id: string;
  election_id: string | null;
  title: string;
  statement: string;
  starts_on: string;
  ends_on: string;
  signed: number;
  cancelled_on: string | null;
  cancel_reason: string | null;
};
const present = (row: CampaignRow): TCampaign => ({
  id: row.id,
  electionId: row.election_id,
  title: row.title,
  statement: row.statement,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  signed: row.signed,
  cancelledOn: row.cancelled_on,
  cancelReason: row.cancel_reason,
});

function campaignQuery(db: Kysely<DB>, pemdaId: string) {
  return db
    .selectFrom('ntr_pledge_campaign as c')
    .select(['c.id', 'c.election_id', 'c.title', 'c.statement', 'c.starts_on', 'c.ends_on', 'c.cancelled_on', 'c.cancel_reason'])
    .select((eb) => eb.selectFrom('ntr_pledge as g').select(sql<number>`count(*)::int`.as('n')).whereRef('g.pemda_id', '=', 'c.pemda_id').whereRef('g.campaign_id', '=', 'c.id').as('signed'))
    .where('c.pemda_id', '=', pemdaId);
}
const withSigned = (row: Omit<CampaignRow, 'signed'> & { signed: number | null }): TCampaign => present({ ...row, signed: Number(row.signed ?? 0) });

/** Every campaign of the Pemda with its signature count, cancelled ones included (their signatures are records). */
export async function listCampaigns(db: Kysely<DB>, pemdaId: string): Promise<TCampaign[]> {
  const rows = await campaignQuery(db, pemdaId).orderBy('c.starts_on', 'desc').execute();
  return rows.map(withSigned);
}

async function findCampaign(db: Kysely<DB>, pemdaId: string, campaignId: string): Promise<TCampaign> {
  const row = await campaignQuery(db, pemdaId).where('c.id', '=', campaignId).executeTakeFirst();
  if (!row) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_NOT_FOUND);
  return withSigned(row);
}

/** The campaign running today, else the latest one; a cancelled campaign is neither. */
export async function currentCampaign(db: Kysely<DB>, pemdaId: string, today: string): Promise<{ campaign: TCampaign; running: boolean } | null> {
  const all = (await listCampaigns(db, pemdaId)).filter((c) => !c.cancelledOn);
  const running = all.find((c) => c.startsOn <= today && today <= c.endsOn);
  if (running) return { campaign: running, running: true };
  const latest = all.find((c) => c.startsOn <= today) ?? all[0];
  return latest ? { campaign: latest, running: false } : null;
}

export async function createCampaign(ctx: Ctx, actor: UserActor, input: z.infer<typeof ZCampaignCreate>): Promise<TCampaign> {
  if (input.endsOn < input.startsOn) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_DATES);
  return inTransaction(ctx, async (tx) => {
    if (input.electionId) {
      const election = await tx.db.selectFrom('ntr_election').select('id').where('pemda_id', '=', actor.pemdaId).where('id', '=', input.electionId).executeTakeFirst();
      if (!election) throw new AppError(NeutralityErrors.NTR_ELECTION_NOT_FOUND);
    }
    const row = await tx.db
      .insertInto('ntr_pledge_campaign')
      .values({ pemda_id: actor.pemdaId, election_id: input.electionId ?? null, title: input.title, statement: input.statement, starts_on: input.startsOn, ends_on: input.endsOn, created_by: actor.userId })
      .returning(['id', 'election_id', 'title', 'statement', 'starts_on', 'ends_on', 'cancelled_on', 'cancel_reason'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.campaign.created', entityType: 'ntr_pledge_campaign', entityId: row.id, after: { ...input } });
    return present({ ...row, signed: 0 });
  });
}

/** Locks the campaign row and returns it with the first and last signature dates (in the Pemda's time zone). */
async function lockCampaign(tx: Kysely<DB>, pemdaId: string, campaignId: string) {
  const locked = await tx.selectFrom('ntr_pledge_campaign').select('id').where('pemda_id', '=', pemdaId).where('id', '=', campaignId).forUpdate().executeTakeFirst();
  if (!locked) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_NOT_FOUND);
  const campaign = await findCampaign(tx, pemdaId, campaignId);
  const { timezone } = await loadCalendar(tx, pemdaId);
  const span = await tx
    .selectFrom('ntr_pledge')
    .select([sql<string | null>`to_char(min(signed_at AT TIME ZONE ${timezone}), 'YYYY-MM-DD')`.as('first'), sql<string | null>`to_char(max(signed_at AT TIME ZONE ${timezone}), 'YYYY-MM-DD')`.as('last')])
    .where('pemda_id', '=', pemdaId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return { campaign, firstSigned: span.first, lastSigned: span.last };
}

const auditFields = (c: { electionId?: string | null; title: string; statement: string; startsOn: string; endsOn: string }) => ({ electionId: c.electionId ?? null, title: c.title, statement: c.statement, startsOn: c.startsOn, endsOn: c.endsOn });

/**
 * Correct a campaign: the title and the end date (an extension) may always change. Once anyone has signed, the
 * pledge text is what they signed (each signature keeps its hash) and the election is what they pledged for, so
 * neither may change; the start may not move after the first signature nor the end before the last one. A
 * cancelled campaign is closed.
 */
export async function updateCampaign(ctx: Ctx, actor: UserActor, campaignId: string, input: z.infer<typeof ZCampaignUpdate>): Promise<TCampaign> {
  if (input.endsOn < input.startsOn) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_DATES);
  const pemdaId = actor.pemdaId;
  await inTransaction(ctx, async (tx) => {
    const { campaign, firstSigned, lastSigned } = await lockCampaign(tx.db, pemdaId, campaignId);
    if (campaign.cancelledOn) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_CANCELLED, { date: campaign.cancelledOn });
    const electionId = input.electionId ?? null;
    if (campaign.signed > 0) {
      if (input.statement !== campaign.statement) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_TEXT_SIGNED, { n: campaign.signed });
      if (electionId !== campaign.electionId) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_ELECTION_SIGNED, { n: campaign.signed });
      if (firstSigned && input.startsOn > firstSigned) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_START_AFTER_SIGNED, { date: firstSigned });
      if (lastSigned && input.endsOn < lastSigned) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_END_BEFORE_SIGNED, { date: lastSigned });
    }
    if (electionId && electionId !== campaign.electionId) {
      const election = await tx.db.selectFrom('ntr_election').select('id').where('pemda_id', '=', pemdaId).where('id', '=', electionId).executeTakeFirst();
      if (!election) throw new AppError(NeutralityErrors.NTR_ELECTION_NOT_FOUND);
    }
    await tx.db
      .updateTable('ntr_pledge_campaign')
      .set({ election_id: electionId, title: input.title, statement: input.statement, starts_on: input.startsOn, ends_on: input.endsOn })
      .where('pemda_id', '=', pemdaId)
      .where('id', '=', campaignId)
      .execute();
    // writeAudit keeps only the fields that changed.
    await writeAudit(tx, { pemdaId, action: 'neutrality.campaign.updated', entityType: 'ntr_pledge_campaign', entityId: campaignId, before: auditFields(campaign), after: auditFields({ ...input, electionId }), detail: { signed: campaign.signed } });
  });
  return findCampaign(ctx.db, pemdaId, campaignId);
}

/** Delete a campaign made by mistake: only while nobody has signed it (signatures are records; cancel instead). */
export async function deleteCampaign(ctx: Ctx, actor: UserActor, campaignId: string): Promise<void> {
  const pemdaId = actor.pemdaId;
  await inTransaction(ctx, async (tx) => {
    const { campaign } = await lockCampaign(tx.db, pemdaId, campaignId);
    if (campaign.signed > 0) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_HAS_SIGNATURES, { n: campaign.signed });
    // Reminder rows only throttle reminders; the notifications already sent stay in the inboxes.
    await tx.db.deleteFrom('ntr_pledge_reminder').where('pemda_id', '=', pemdaId).where('campaign_id', '=', campaignId).execute();
    await tx.db.deleteFrom('ntr_pledge_campaign').where('pemda_id', '=', pemdaId).where('id', '=', campaignId).execute();
    await writeAudit(tx, { pemdaId, action: 'neutrality.campaign.deleted', entityType: 'ntr_pledge_campaign', entityId: campaignId, before: { ...auditFields(campaign), cancelledOn: campaign.cancelledOn } });
  });
}

/**
 * Cancel a campaign from today: nobody can sign it any more and no reminder goes out, but it stays listed with its
 * signatures, the date, who cancelled it and why.
 */
export async function cancelCampaign(ctx: Ctx, actor: UserActor, campaignId: string, input: z.infer<typeof ZCampaignCancel>): Promise<TCampaign> {
  const pemdaId = actor.pemdaId;
  const today = (await loadCalendar(ctx.db, pemdaId)).today();
  await inTransaction(ctx, async (tx) => {
    const { campaign } = await lockCampaign(tx.db, pemdaId, campaignId);
    if (campaign.cancelledOn) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_CANCELLED, { date: campaign.cancelledOn });
    await tx.db.updateTable('ntr_pledge_campaign').set({ cancelled_on: today, cancelled_by: actor.userId, cancel_reason: input.reason }).where('pemda_id', '=', pemdaId).where('id', '=', campaignId).execute();
    await writeAudit(tx, {
      pemdaId,
      action: 'neutrality.campaign.cancelled',
      entityType: 'ntr_pledge_campaign',
      entityId: campaignId,
      before: { cancelledOn: null, cancelReason: null },
      after: { cancelledOn: today, cancelReason: input.reason },
      detail: { signed: campaign.signed },
    });
  });
  return findCampaign(ctx.db, pemdaId, campaignId);
}

export async function myPledge(db: Kysely<DB>, actor: UserActor): Promise<{ campaign: TCampaign | null; signedAt: string | null; canSign: boolean }> {
  const today = (await loadCalendar(db, actor.pemdaId)).today();
  const current = await currentCampaign(db, actor.pemdaId, today);
  if (!current) return { campaign: null, signedAt: null, canSign: false };
  const signed = actor.pegawaiId
    ? await db.selectFrom('ntr_pledge').select('signed_at').where('pemda_id', '=', actor.pemdaId).where('campaign_id', '=', current.campaign.id).where('pegawai_id', '=', actor.pegawaiId).executeTakeFirst()
    : undefined;
  return { campaign: current.campaign, signedAt: signed ? signed.signed_at.toISOString() : null, canSign: current.running && !!actor.pegawaiId && !signed };
}

export async function signPledge(ctx: Ctx, actor: UserActor): Promise<{ signedAt: string }> {
  if (!actor.pegawaiId) throw new AppError(NeutralityErrors.NTR_NOT_PEGAWAI);
  const pegawaiId = actor.pegawaiId;
  const today = (await loadCalendar(ctx.db, actor.pemdaId)).today();
  const current = await currentCampaign(ctx.db, actor.pemdaId, today);
  if (!current?.running) throw new AppError(NeutralityErrors.NTR_NO_CAMPAIGN);
  const campaign = current.campaign;
  return inTransaction(ctx, async (tx) => {
    // Shares the lock an edit or a cancellation takes: the text hashed is the text stored when the signature lands.
    const locked = await tx.db.selectFrom('ntr_pledge_campaign').select(['statement', 'cancelled_on', 'starts_on', 'ends_on']).where('pemda_id', '=', actor.pemdaId).where('id', '=', campaign.id).forShare().executeTakeFirst();
    // The dates again under the lock: an edit that shortened the campaign meanwhile must not let a signature land after its end.
    if (!locked || locked.cancelled_on || String(locked.starts_on) > today || String(locked.ends_on) < today) throw new AppError(NeutralityErrors.NTR_NO_CAMPAIGN);
    const pegawai = await tx.db.selectFrom('pegawai').select(['opd_id']).where('pemda_id', '=', actor.pemdaId).where('id', '=', pegawaiId).executeTakeFirst();
    if (!pegawai) throw new AppError(NeutralityErrors.NTR_NOT_PEGAWAI);
    // The hash of the exact statement signed, so a later edit of the campaign text cannot change what was pledged.
    const statementSha256 = createHash('sha256').update(locked.statement).digest('hex');
    const row = await tx.db
      .insertInto('ntr_pledge')
      .values({ pemda_id: actor.pemdaId, campaign_id: campaign.id, pegawai_id: pegawaiId, opd_id: pegawai.opd_id, statement_sha256: statementSha256 })
      .onConflict((oc) => oc.columns(['pemda_id', 'campaign_id', 'pegawai_id']).doNothing())
      .returning('signed_at')
      .executeTakeFirst();
    if (!row) throw new AppError(NeutralityErrors.NTR_ALREADY_SIGNED);
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.pledge.signed', entityType: 'ntr_pledge', entityId: `${campaign.id}:${pegawaiId}`, detail: { statementSha256 } });
    return { signedAt: row.signed_at.toISOString() };
  });
}

/** Completion by OPD: ASN (PNS and PPPK) who signed over all active ASN. A kepala OPD sees their own OPD. */
export async function pledgeProgress(db: Kysely<DB>, actor: UserActor, campaignId?: string): Promise<TPledgeProgress> {
  const today = (await loadCalendar(db, actor.pemdaId)).today();
  const campaign = campaignId ? (await listCampaigns(db, actor.pemdaId)).find((c) => c.id === campaignId) ?? null : ((await currentCampaign(db, actor.pemdaId, today))?.campaign ?? null);
  if (!campaign) return { campaign: null, rows: [], signed: 0, total: 0 };
  let staff = db
    .selectFrom('opd as o')
    .leftJoin('pegawai as p', (join) => join.onRef('p.pemda_id', '=', 'o.pemda_id').onRef('p.opd_id', '=', 'o.id').on('p.active', '=', true).on('p.status', 'in', ['PNS', 'PPPK']))
    .leftJoin('ntr_pledge as g', (join) => join.onRef('g.pemda_id', '=', 'p.pemda_id').onRef('g.pegawai_id', '=', 'p.id').on('g.campaign_id', '=', campaign.id))
    .select(['o.id', 'o.name', sql<number>`count(p.id)::int`.as('total'), sql<number>`count(g.pegawai_id)::int`.as('signed')])
    .where('o.pemda_id', '=', actor.pemdaId)
    .where('o.active', '=', true)
    .groupBy(['o.id', 'o.name', 'o.sort_order', 'o.code'])
    .orderBy('o.sort_order')
    .orderBy('o.code');
  if (actor.role === 'kepala_opd') staff = staff.where('o.id', '=', actor.opdId ?? '00000000-0000-0000-0000-000000000000');
  const rows = (await staff.execute()).map((r) => ({ opdId: r.id, opdName: r.name, signed: r.signed, total: r.total, ratio: r.total > 0 ? r.signed / r.total : null }));
  return { campaign, rows, signed: rows.reduce((n, r) => n + r.signed, 0), total: rows.reduce((n, r) => n + r.total, 0) };
}
