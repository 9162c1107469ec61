import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/common';
import {
  ZCaseDetail,
  ZCaseList,
  ZCaseListQuery,
  ZCloseRequest,
  ZDecideRequest,
  ZNoteRequest,
  ZRecommendRequest,
  ZReferralCreate,
  ZReferralReply,
  ZReporterIdentity,
  ZReveal,
  ZRevealCreate,
  ZRevealDecision,
  ZRevealList,
  ZRevealRecipients,
  ZSanctionList,
  ZSanctionQuery,
  ZVerifyRequest,
} from '../../../contracts/neutrality';
import { inTransaction } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { findStoredFile, unsafeOpenStoredFile } from '../../platform/files';
import { requireUser } from '../../platform/tenant';
import { addCaseEvent, closeCase, decideCase, recommendCase, recordReferralReply, referCase, verifyCase } from './case-actions';
import { caseDetail, listCases } from './cases';
import { NeutralityErrors } from './errors';
import { decideReveal, listRevealRecipients, listReveals, requestReveal, viewIdentity } from './identity';
import { NeutralityActions as A } from './policy';
import { listSanctions } from './sanctions';

const tags = ['neutrality-cases'];
const ZCase = z.object({ caseId: z.uuid() });
const ok = { ok: true as const };

export const neutralityCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;

  app.get('/neutrality/cases', { config: { action: A['neutrality.case.read'] }, schema: { tags, summary: 'The case board (scoped to what the caller may see)', querystring: ZCaseListQuery, response: { 200: ZCaseList } } }, async (request) => ({
    items: await listCases(request.ctx, requireUser(request.actor), request.query),
  }));

  app.get('/neutrality/cases/:caseId', { config: { action: A['neutrality.case.read'] }, schema: { tags, summary: 'A case file (every view is audited)', params: ZCase, response: { 200: ZCaseDetail } } }, async (request, reply) =>
    reply.header('Cache-Control', 'private, no-store').send(await caseDetail(request.ctx, requireUser(request.actor), request.params.caseId)),
  );

  app.get(
    '/neutrality/cases/:caseId/files/:sha256',
    { config: { action: A['neutrality.case.read'] }, schema: { tags, summary: 'An evidence file of the case (audited)', params: ZCase.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const detail = await caseDetail(request.ctx, actor, request.params.caseId, { audit: false });
      const file = detail.files.find((f) => f.sha256 === request.params.sha256) ? await findStoredFile(request.ctx.db, actor.pemdaId, request.params.sha256) : null;
      if (!file) throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
      await inTransaction(request.ctx, (tx) => writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.case.file_viewed', entityType: 'ntr_case', entityId: request.params.caseId, detail: { sha256: file.sha256 } }));
      return reply.type(file.mime).header('Cache-Control', 'private, no-store').header('Content-Disposition', `inline; filename="${file.originalName}"`).send(unsafeOpenStoredFile(config.filesDir, file.sha256));
    },
  );

  app.post('/neutrality/cases/:caseId/verify', { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: 'Verification: accept for investigation or reject', params: ZCase, body: ZVerifyRequest, response: { 200: ZOk } } }, async (request) => {
    await verifyCase(request.ctx, requireUser(request.actor), request.params.caseId, request.body);
    return ok;
  });

  app.post('/neutrality/cases/:caseId/recommend', { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: 'Recommendation after investigation: ethics or discipline track with its PP 94 level', params: ZCase, body: ZRecommendRequest, response: { 200: ZOk } } }, async (request) => {
    await recommendCase(request.ctx, requireUser(request.actor), request.params.caseId, request.body);
    return ok;
  });

  app.post('/neutrality/cases/:caseId/decide', { config: { action: A['neutrality.case.decide'] }, schema: { tags, summary: "The authorised official's decision (and the sanction)", params: ZCase, body: ZDecideRequest, response: { 200: ZOk } } }, async (request) => {
    await decideCase(request.ctx, requireUser(request.actor), request.params.caseId, request.body);
    return ok;
  });

  app.post('/neutrality/cases/:caseId/close', { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: 'Close after monitoring the sanction', params: ZCase, body: ZCloseRequest, response: { 200: ZOk } } }, async (request) => {
    await closeCase(request.ctx, requireUser(request.actor), request.params.caseId, request.body.note);
    return ok;
  });

  app.post('/neutrality/cases/:caseId/questions', { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: 'Ask the reporter a question (answered on the receipt page)', params: ZCase, body: ZNoteRequest, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send(await addCaseEvent(request.ctx, requireUser(request.actor), request.params.caseId, { kind: 'question', text: request.body.text })),
  );

  app.post('/neutrality/cases/:caseId/notes', { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: 'Internal note', params: ZCase, body: ZNoteRequest, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send(await addCaseEvent(request.ctx, requireUser(request.actor), request.params.caseId, { kind: 'note', text: request.body.text })),
  );

  app.post('/neutrality/cases/:caseId/referrals', { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: 'Record the referral to the receiving body (BKN by default)', params: ZCase, body: ZReferralCreate, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send(await referCase(request.ctx, requireUser(request.actor), request.params.caseId, request.body)),
  );

  app.post(
    '/neutrality/cases/:caseId/referrals/:referralId/reply',
    { config: { action: A['neutrality.case.handle'] }, schema: { tags, summary: "Record the receiving body's reply", params: ZCase.extend({ referralId: z.uuid() }), body: ZReferralReply, response: { 200: ZOk } } },
    async (request) => {
      await recordReferralReply(request.ctx, requireUser(request.actor), request.params.caseId, request.params.referralId, request.body);
      return ok;
    },
  );

  app.get('/neutrality/cases/:caseId/reporter', { config: { action: A['neutrality.identity.view'] }, schema: { tags, summary: "The reporter's identity: handlers, or an approved recipient until expiry (audited)", params: ZCase, response: { 200: ZReporterIdentity } } }, async (request, reply) =>
    reply.header('Cache-Control', 'private, no-store').send(await viewIdentity(request.ctx, requireUser(request.actor), request.params.caseId, config.dataDir)),
  );

  app.get('/neutrality/cases/:caseId/reveals', { config: { action: A['neutrality.identity.reveal'] }, schema: { tags, summary: 'Reveal requests of the case', params: ZCase, response: { 200: ZRevealList } } }, async (request) => ({
    items: await listReveals(request.ctx, requireUser(request.actor), request.params.caseId),
  }));

  app.post('/neutrality/cases/:caseId/reveals', { config: { action: A['neutrality.identity.reveal'] }, schema: { tags, summary: 'Ask to reveal the identity to someone (a second handler must approve)', params: ZCase, body: ZRevealCreate, response: { 201: ZReveal } } }, async (request, reply) =>
    reply.code(201).send(await requestReveal(request.ctx, requireUser(request.actor), request.params.caseId, request.body)),
  );

  app.post(
    '/neutrality/cases/:caseId/reveals/:revealId/decision',
    { config: { action: A['neutrality.identity.reveal'] }, schema: { tags, summary: 'Approve (time-limited) or reject a reveal request: a handler other than the requester', params: ZCase.extend({ revealId: z.uuid() }), body: ZRevealDecision, response: { 200: ZOk } } },
    async (request) => {
      await decideReveal(request.ctx, requireUser(request.actor), request.params.caseId, request.params.revealId, request.body);
      return ok;
    },
  );

  app.get(
    '/neutrality/cases/:caseId/reveal-recipients',
    { config: { action: A['neutrality.identity.reveal'] }, schema: { tags, summary: 'Who may receive a revealed identity (the recipient picker): handlers of the case only', params: ZCase, response: { 200: ZRevealRecipients } } },
    async (request) => ({ items: await listRevealRecipients(request.ctx, requireUser(request.actor), request.params.caseId) }),
  );

  app.get(
    '/neutrality/sanctions',
    { config: { action: A['neutrality.sanction.read'] }, schema: { tags, summary: 'Sanction registry of neutrality cases, by status, with the TPP effect', querystring: ZSanctionQuery, response: { 200: ZSanctionList } } },
    async (request) => listSanctions(request.ctx.db, requireUser(request.actor).pemdaId, request.query.status),
  );
};
