import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { TCampaign, TPledgeProgress, ZCampaignCreate } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { NeutralityErrors } from './errors';

/** The neutrality pledge campaign (seed 000, 003: every ASN states neutrality before the election). */
type CampaignRow = { id: string; election_id: string | null; title: string; statement: string; starts_on: string; ends_on: string };
const present = (row: CampaignRow): TCampaign => ({ id: row.id, electionId: row.election_id, title: row.title, statement: row.statement, startsOn: row.starts_on, endsOn: row.ends_on });

export async function listCampaigns(db: Kysely<DB>, pemdaId: string): Promise<TCampaign[]> {
  const rows = await db.selectFrom('ntr_pledge_campaign').select(['id', 'election_id', 'title', 'statement', 'starts_on', 'ends_on']).where('pemda_id', '=', pemdaId).orderBy('starts_on', 'desc').execute();
  return rows.map(present);
}

/** The campaign running today, else the latest one. */
export async function currentCampaign(db: Kysely<DB>, pemdaId: string, today: string): Promise<{ campaign: TCampaign; running: boolean } | null> {
  const all = await listCampaigns(db, pemdaId);
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
      .returning(['id', 'election_id', 'title', 'statement', 'starts_on', 'ends_on'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.campaign.created', entityType: 'ntr_pledge_campaign', entityId: row.id, after: { ...input } });
    return present(row);
  });
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
    const pegawai = await tx.db.selectFrom('pegawai').select(['opd_id']).where('pemda_id', '=', actor.pemdaId).where('id', '=', pegawaiId).executeTakeFirst();
    if (!pegawai) throw new AppError(NeutralityErrors.NTR_NOT_PEGAWAI);
    // The hash of the exact statement signed, so a later edit of the campaign text cannot change what was pledged.
    const statementSha256 = createHash('sha256').update(campaign.statement).digest('hex');
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
