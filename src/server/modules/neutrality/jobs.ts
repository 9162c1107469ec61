import { sql } from 'kysely';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { dailyInEachTimeZone, type ScheduledJobDef } from '../../platform/jobs';
import { notify } from '../../platform/notifications';
import { NeutralityNotifications } from './notification-kinds';
import { NeutralityErrors } from './errors';
import { currentCampaign, listCampaigns } from './pledge';
import { neutralitySettings } from './settings';

/**
 * Daily reminders: stage deadlines of cases (due within one working day, then overdue; each once per case and
 * stage) and, during a pledge campaign, one reminder to each account of an ASN who has not signed yet.
 */
export async function sendCaseReminders(ctx: Ctx, pemdaId: string): Promise<number> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const soon = calendar.addWorkingDays(today, 1);
  const settings = await neutralitySettings(ctx.db, pemdaId);
  const rows = await ctx.db
    .selectFrom('ntr_case')
    .select(['id', 'number', 'stage', 'stage_due_on'])
    .where('pemda_id', '=', pemdaId)
    .where('stage', 'in', ['verifikasi', 'investigasi', 'keputusan'])
    .where('stage_due_on', '<=', soon)
    .limit(1000)
    .execute();
  let sent = 0;
  for (const row of rows) {
    const kind = row.stage_due_on && row.stage_due_on < today ? ('overdue' as const) : ('due_soon' as const);
    const done = await inTransaction(ctx, async (tx) => {
      const fresh = await tx.db
        .insertInto('ntr_case_reminder')
        .values({ pemda_id: pemdaId, case_id: row.id, stage: row.stage, kind })
        .onConflict((oc) => oc.doNothing())
        .returning('case_id')
        .executeTakeFirst();
      if (!fresh) return false;
      await notify(tx, {
        pemdaId,
        recipients: { role: row.stage === 'keputusan' ? ['kepala_daerah'] : settings.handlerRoles },
        kind: NeutralityNotifications['neutrality.case_deadline'],
        title: kind === 'overdue' ? { id: `Kasus ${row.number} melewati tenggat tahap`, en: `Case ${row.number} is past its stage deadline` } : { id: `Tenggat tahap kasus ${row.number}: ${row.stage_due_on}`, en: `Stage deadline of case ${row.number}: ${row.stage_due_on}` },
        body: { id: 'Lanjutkan penanganan kasus netralitas ini.', en: 'Move this neutrality case forward.' },
        link: `/netralitas/kasus/${row.id}`,
      });
      await writeAudit(tx, { pemdaId, action: 'neutrality.reminder_sent', entityType: 'ntr_case', entityId: row.id, detail: { stage: row.stage, kind } });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

export async function sendPledgeReminders(ctx: Ctx, pemdaId: string): Promise<number> {
  const today = (await loadCalendar(ctx.db, pemdaId)).today();
  const current = await currentCampaign(ctx.db, pemdaId, today);
  if (!current?.running) return 0;
  const campaignId = current.campaign.id;
  const users = await ctx.db
    .selectFrom('app_user as u')
    .leftJoin('ntr_pledge as g', (join) => join.onRef('g.pemda_id', '=', 'u.pemda_id').onRef('g.pegawai_id', '=', 'u.pegawai_id').on('g.campaign_id', '=', campaignId))
    .leftJoin('ntr_pledge_reminder as r', (join) => join.onRef('r.pemda_id', '=', 'u.pemda_id').onRef('r.user_id', '=', 'u.id').on('r.campaign_id', '=', campaignId))
    .select('u.id')
    .where('u.pemda_id', '=', pemdaId)
    .where('u.active', '=', true)
    .where('u.pegawai_id', 'is not', null)
    .where('g.pegawai_id', 'is', null)
    .where('r.user_id', 'is', null)
    .limit(5000)
    .execute();
  if (users.length === 0) return 0;
  await inTransaction(ctx, async (tx) => {
    await tx.db.insertInto('ntr_pledge_reminder').values(users.map((u) => ({ pemda_id: pemdaId, campaign_id: campaignId, user_id: u.id }))).onConflict((oc) => oc.doNothing()).execute();
    await notify(tx, {
      pemdaId,
      recipients: users.map((u) => u.id),
      kind: NeutralityNotifications['neutrality.pledge_reminder'],
      title: { id: `Tandatangani ikrar netralitas: ${current.campaign.title}`, en: `Sign the neutrality pledge: ${current.campaign.title}` },
      body: { id: `Kampanye ikrar berakhir ${current.campaign.endsOn}.`, en: `The pledge campaign ends on ${current.campaign.endsOn}.` },
      link: '/netralitas/ikrar',
    });
    await writeAudit(tx, { pemdaId, action: 'neutrality.pledge_reminders_sent', entityType: 'ntr_pledge_campaign', entityId: campaignId, detail: { count: users.length } });
  });
  return users.length;
}

/**
 * "Send reminders now" from the campaign screen: every ASN account that has not signed the campaign and was not
 * reminded in the last 20 hours (so a second click the same day reminds nobody twice). Audited, in one transaction.
 */
export async function sendCampaignRemindersNow(ctx: Ctx, actor: UserActor, campaignId: string): Promise<number> {
  const pemdaId = actor.pemdaId;
  const campaign = (await listCampaigns(ctx.db, pemdaId)).find((c) => c.id === campaignId);
  if (!campaign) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_NOT_FOUND);
  if (campaign.cancelledOn) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_CANCELLED, { date: campaign.cancelledOn });
  const today = (await loadCalendar(ctx.db, pemdaId)).today();
  if (today < campaign.startsOn || today > campaign.endsOn) throw new AppError(NeutralityErrors.NTR_CAMPAIGN_NOT_RUNNING, { start: campaign.startsOn, end: campaign.endsOn });
  return inTransaction(ctx, async (tx) => {
    const users = await tx.db
      .selectFrom('app_user as u')
      .leftJoin('ntr_pledge as g', (join) => join.onRef('g.pemda_id', '=', 'u.pemda_id').onRef('g.pegawai_id', '=', 'u.pegawai_id').on('g.campaign_id', '=', campaignId))
      .leftJoin('ntr_pledge_reminder as r', (join) => join.onRef('r.pemda_id', '=', 'u.pemda_id').onRef('r.user_id', '=', 'u.id').on('r.campaign_id', '=', campaignId))
      .select('u.id')
      .where('u.pemda_id', '=', pemdaId)
      .where('u.active', '=', true)
      .where('u.pegawai_id', 'is not', null)
      .where('g.pegawai_id', 'is', null)
      .where((eb) => eb.or([eb('r.user_id', 'is', null), eb('r.sent_at', '<', sql<Date>`now() - interval '20 hours'`)]))
      .limit(5000)
      .execute();
    if (users.length > 0) {
      await tx.db
        .insertInto('ntr_pledge_reminder')
        .values(users.map((u) => ({ pemda_id: pemdaId, campaign_id: campaignId, user_id: u.id })))
        .onConflict((oc) => oc.columns(['pemda_id', 'campaign_id', 'user_id']).doUpdateSet({ sent_at: sql<Date>`now()` }))
        .execute();
      await notify(tx, {
        pemdaId,
        recipients: users.map((u) => u.id),
        kind: NeutralityNotifications['neutrality.pledge_reminder'],
        title: { id: `Tandatangani ikrar netralitas: ${campaign.title}`, en: `Sign the neutrality pledge: ${campaign.title}` },
        body: { id: `Kampanye ikrar berakhir ${campaign.endsOn}.`, en: `The pledge campaign ends on ${campaign.endsOn}.` },
        link: '/netralitas/ikrar',
      });
    }
    await writeAudit(tx, { pemdaId, action: 'neutrality.pledge_reminders_sent', entityType: 'ntr_pledge_campaign', entityId: campaignId, detail: { count: users.length, manual: true } });
    return users.length;
  });
}

// 07:00 on each Pemda's own clock (WIB, WITA or WIT).
export const NEUTRALITY_JOBS: ScheduledJobDef[] = dailyInEachTimeZone('neutrality.daily_reminders', '07:00', async (ctx, _env, pemdaIds) => {
  for (const pemdaId of pemdaIds) {
    await sendCaseReminders(ctx, pemdaId);
    await sendPledgeReminders(ctx, pemdaId);
  }
});
