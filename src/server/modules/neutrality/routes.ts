import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBanners,
  ZCampaign,
  ZCampaignCancel,
  ZCampaignCreate,
  ZCampaignUpdate,
  ZElection,
  ZElectionCreate,
  ZElectionUpdate,
  ZInternalReport,
  ZMyPledge,
  ZNeutralitySettings,
  ZPledgeProgress,
  ZReceipt,
  ZReminderResult,
  ZStaffReport,
  ZStats,
  ZUploaded,
} from '../../../contracts/neutrality';
import { inTransaction } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { requireUser } from '../../platform/tenant';
import { createElection, currentBanners, deleteElection, listElections, updateElection } from './election';
import { sendCampaignRemindersNow } from './jobs';
import { cancelCampaign, createCampaign, deleteCampaign, listCampaigns, myPledge, pledgeProgress, signPledge, updateCampaign } from './pledge';
import { NeutralityActions as A } from './policy';
import { submitInternal, submitStaffEntered } from './reports';
import { neutralitySettings, SETTING_KEY } from './settings';
import { caseStats } from './stats';
import { receiveEvidence } from './upload';

/** Calendar, settings, pledge, internal and staff-entered reports, statistics. Case routes: routes-cases.ts. */
const tags = ['neutrality'];

export const neutralityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;

  app.get('/neutrality/banners', { config: { action: A['neutrality.read'] }, schema: { tags, summary: 'Staffing freeze and neutrality watch in force today', response: { 200: ZBanners } } }, async (request) =>
    currentBanners(request.ctx.db, requireUser(request.actor).pemdaId),
  );

  app.get('/neutrality/elections', { config: { action: A['neutrality.read'] }, schema: { tags, summary: 'Election calendar with derived periods', response: { 200: z.object({ items: z.array(ZElection) }) } } }, async (request) => ({
    items: await listElections(request.ctx.db, requireUser(request.actor).pemdaId),
  }));

  app.post('/neutrality/elections', { config: { action: A['neutrality.calendar.manage'] }, schema: { tags, summary: 'Record an election and its stages', body: ZElectionCreate, response: { 201: ZElection } } }, async (request, reply) =>
    reply.code(201).send(await createElection(request.ctx, requireUser(request.actor).pemdaId, request.body)),
  );

  app.put(
    '/neutrality/elections/:electionId',
    { config: { action: A['neutrality.calendar.manage'] }, schema: { tags, summary: 'Correct an election (name, kind, stage dates); the freeze and watch periods are re-derived', params: z.object({ electionId: z.uuid() }), body: ZElectionUpdate, response: { 200: ZElection } } },
    async (request) => updateElection(request.ctx, requireUser(request.actor).pemdaId, request.params.electionId, request.body),
  );

  app.delete(
    '/neutrality/elections/:electionId',
    {
      config: { action: A['neutrality.calendar.manage'] },
      schema: { tags, summary: 'Delete an election recorded by mistake; refused (409) while campaigns, cases or staffing decisions in its freeze refer to it', params: z.object({ electionId: z.uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteElection(request.ctx, requireUser(request.actor).pemdaId, request.params.electionId);
      return reply.code(204).send(null);
    },
  );

  app.get('/neutrality/settings', { config: { action: A['neutrality.settings.manage'] }, schema: { tags, summary: 'Case handlers, receiving body and stage deadlines', response: { 200: ZNeutralitySettings } } }, async (request) =>
    neutralitySettings(request.ctx.db, requireUser(request.actor).pemdaId),
  );

  app.put('/neutrality/settings', { config: { action: A['neutrality.settings.manage'] }, schema: { tags, summary: 'Change the neutrality settings', body: ZNeutralitySettings, response: { 200: ZNeutralitySettings } } }, async (request) => {
    const actor = requireUser(request.actor);
    const before = await neutralitySettings(request.ctx.db, actor.pemdaId);
    await inTransaction(request.ctx, async (tx) => {
      await tx.db
        .insertInto('pemda_setting')
        .values({ pemda_id: actor.pemdaId, key: SETTING_KEY, value: JSON.stringify(request.body) })
        .onConflict((oc) => oc.columns(['pemda_id', 'key']).doUpdateSet({ value: JSON.stringify(request.body), updated_at: new Date() }))
        .execute();
      await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.settings.changed', entityType: 'pemda_setting', entityId: SETTING_KEY, before: { ...before }, after: { ...request.body } });
    });
    return neutralitySettings(request.ctx.db, actor.pemdaId);
  });

  app.get('/neutrality/campaigns', { config: { action: A['neutrality.read'] }, schema: { tags, summary: 'Pledge campaigns', response: { 200: z.object({ items: z.array(ZCampaign) }) } } }, async (request) => ({
    items: await listCampaigns(request.ctx.db, requireUser(request.actor).pemdaId),
  }));

  app.post('/neutrality/campaigns', { config: { action: A['neutrality.campaign.manage'] }, schema: { tags, summary: 'Start a pledge campaign', body: ZCampaignCreate, response: { 201: ZCampaign } } }, async (request, reply) =>
    reply.code(201).send(await createCampaign(request.ctx, requireUser(request.actor), request.body)),
  );

  app.put(
    '/neutrality/campaigns/:campaignId',
    {
      config: { action: A['neutrality.campaign.manage'] },
      schema: { tags, summary: 'Correct a campaign; once signed, the text and the election are fixed and the dates must still cover every signature', params: z.object({ campaignId: z.uuid() }), body: ZCampaignUpdate, response: { 200: ZCampaign } },
    },
    async (request) => updateCampaign(request.ctx, requireUser(request.actor), request.params.campaignId, request.body),
  );

  app.delete(
    '/neutrality/campaigns/:campaignId',
    { config: { action: A['neutrality.campaign.manage'] }, schema: { tags, summary: 'Delete a campaign nobody has signed; one with signatures is cancelled instead (409)', params: z.object({ campaignId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteCampaign(request.ctx, requireUser(request.actor), request.params.campaignId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/neutrality/campaigns/:campaignId/cancel',
    { config: { action: A['neutrality.campaign.manage'] }, schema: { tags, summary: 'Cancel a campaign from today, with the reason; its signatures are kept', params: z.object({ campaignId: z.uuid() }), body: ZCampaignCancel, response: { 200: ZCampaign } } },
    async (request) => cancelCampaign(request.ctx, requireUser(request.actor), request.params.campaignId, request.body),
  );

  app.post(
    '/neutrality/campaigns/:campaignId/reminders',
    { config: { action: A['neutrality.campaign.manage'] }, schema: { tags, summary: 'Remind every ASN who has not signed yet (at most once in 20 hours each)', params: z.object({ campaignId: z.uuid() }), response: { 200: ZReminderResult } } },
    async (request) => ({ sent: await sendCampaignRemindersNow(request.ctx, requireUser(request.actor), request.params.campaignId) }),
  );

  app.get('/neutrality/pledge/me', { config: { action: A['neutrality.pledge.sign'] }, schema: { tags, summary: 'My pledge in the current campaign', response: { 200: ZMyPledge } } }, async (request) =>
    myPledge(request.ctx.db, requireUser(request.actor)),
  );

  app.post('/neutrality/pledge/sign', { config: { action: A['neutrality.pledge.sign'] }, schema: { tags, summary: 'Sign the neutrality pledge of the running campaign', response: { 201: z.object({ signedAt: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send(await signPledge(request.ctx, requireUser(request.actor))),
  );

  app.get(
    '/neutrality/pledge/progress',
    { config: { action: A['neutrality.pledge.progress'] }, schema: { tags, summary: 'Pledge completion by OPD (kepala OPD: own OPD)', querystring: z.object({ campaign: z.uuid().optional() }), response: { 200: ZPledgeProgress } } },
    async (request) => pledgeProgress(request.ctx.db, requireUser(request.actor), request.query.campaign),
  );

  app.post('/neutrality/files', { config: { action: A['neutrality.report.internal'] }, schema: { tags, summary: 'Upload one evidence file for a report', consumes: ['multipart/form-data'], response: { 201: ZUploaded } } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const stored = await receiveEvidence(request, request.ctx, { pemdaId: actor.pemdaId, filesDir: config.filesDir, uploadedBy: actor.userId });
    return reply.code(201).send({ sha256: stored.sha256, mime: stored.mime, size: stored.size, name: stored.originalName });
  });

  app.post('/neutrality/reports', { config: { action: A['neutrality.report.internal'] }, schema: { tags, summary: 'Internal report by an ASN (anonymous or identified)', body: ZInternalReport, response: { 201: ZReceipt } } }, async (request, reply) =>
    reply.code(201).header('Cache-Control', 'no-store').send(await submitInternal(request.ctx, requireUser(request.actor), request.body, config.dataDir)),
  );

  app.post('/neutrality/reports/staff', { config: { action: A['neutrality.report.enter'] }, schema: { tags, summary: 'Enter a report received on paper, by phone or as a Bawaslu finding', body: ZStaffReport, response: { 201: ZReceipt } } }, async (request, reply) =>
    reply.code(201).header('Cache-Control', 'no-store').send(await submitStaffEntered(request.ctx, requireUser(request.actor), request.body, config.dataDir)),
  );

  app.get(
    '/neutrality/stats',
    { config: { action: A['neutrality.stats.read'] }, schema: { tags, summary: 'Cases by OPD, category and stage: aggregates only, cells under 3 suppressed', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: ZStats } } },
    async (request) => {
      const actor = requireUser(request.actor);
      const year = request.query.year ?? Number((await loadCalendar(request.ctx.db, actor.pemdaId)).today().slice(0, 4));
      return caseStats(request.ctx, actor.pemdaId, year, request.lang);
    },
  );
};
