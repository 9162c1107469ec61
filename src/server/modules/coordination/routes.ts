import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDecisionRequest,
  ZDirectiveDetail,
  ZDirectiveIssueRequest,
  ZDirectiveListQuery,
  ZDirectivePage,
  ZFollowUpRequest,
  ZLeaderInbox,
  ZOpdInbox,
  ZReviewRequest,
  ZUploadedFile,
} from '../../../contracts/coordination';
import { ZOk } from '../../../contracts/common';
import { readOneFile } from '../../http/multipart';
import { requireUser } from '../../platform/tenant';
import { pemdaInfo } from './common';
import { directiveDetail, listDirectives } from './directives';
import { CoordinationErrors } from './errors';
import { decideObstacle, openFollowUpFile, recordFollowUp, reviewFollowUp, uploadEvidence } from './followups';
import { leaderInbox, opdInbox } from './inbox';
import { issueDirectives, singlePoint } from './issue';
import { renderDirectivePdf } from './pdf';
import { CoordinationActions as A } from './policy';
import { publicBase } from '../../http/public-base';


const ZDirectiveParams = z.object({ directiveId: z.uuid() });
const ZAssignmentParams = z.object({ directiveId: z.uuid(), opdId: z.uuid() });
const tags = ['coordination'];

export const directiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const { secrets, config } = app.deps;

  app.get(
    '/coordination/inbox',
    { config: { action: A['coordination.leader'] }, schema: { tags, summary: "Leader's inbox: overdue, obstacles, completions to accept, silent OPDs", response: { 200: ZLeaderInbox } } },
    async (request) => leaderInbox(request.ctx, requireUser(request.actor).pemdaId),
  );

  app.get(
    '/coordination/opds/:opdId/inbox',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: "An OPD's inbox of directives and its report periods", params: z.object({ opdId: z.uuid() }), response: { 200: ZOpdInbox } } },
    async (request) => opdInbox(request.ctx, requireUser(request.actor), request.params.opdId),
  );

  app.get(
    '/coordination/directives',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'Directives, newest first, with filters (OPD roles: those given to their OPD)', querystring: ZDirectiveListQuery, response: { 200: ZDirectivePage } } },
    async (request) => listDirectives(request.ctx, requireUser(request.actor), request.query),
  );

  app.post(
    '/coordination/directives',
    { config: { action: A['coordination.directive.issue'] }, schema: { tags, summary: 'Issue a signed directive (kepala daerah, sekda or a recorded delegate)', body: ZDirectiveIssueRequest, response: { 201: ZDirectiveDetail } } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const [id] = await issueDirectives(request.ctx, secrets, actor, { points: [singlePoint(request.body)], meetingId: request.body.meetingId, supersedesId: request.body.supersedesId });
      return reply.code(201).send(await directiveDetail(request.ctx, actor, id as string, publicBase(config, request)));
    },
  );

  app.get(
    '/coordination/directives/:directiveId',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'A directive with its per-OPD status matrix, history and signature check', params: ZDirectiveParams, response: { 200: ZDirectiveDetail } } },
    async (request) => directiveDetail(request.ctx, requireUser(request.actor), request.params.directiveId, publicBase(config, request)),
  );

  app.get(
    '/coordination/directives/:directiveId/pdf',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'The directive as PDF with a QR code to its verification page', params: ZDirectiveParams } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const base = publicBase(config, request);
      const directive = await directiveDetail(request.ctx, actor, request.params.directiveId, base);
      const pemda = await pemdaInfo(request.ctx.db, actor.pemdaId);
      const pdf = await renderDirectivePdf({ directive, pemdaName: pemda.name, timezone: pemda.timezone, verifyUrl: directive.verifyUrl });
      const name = `arahan-${directive.number.replace(/[^0-9A-Za-z]+/g, '-')}.pdf`;
      return reply.type('application/pdf').header('Content-Disposition', `inline; filename="${name}"`).header('Cache-Control', 'private, no-store').send(pdf);
    },
  );

  app.post(
    '/coordination/directives/:directiveId/opds/:opdId/follow-ups',
    { config: { action: A['coordination.followup.write'] }, schema: { tags, summary: 'Report progress, completion or an obstacle (with evidence files)', params: ZAssignmentParams, body: ZFollowUpRequest, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      const id = await recordFollowUp(request.ctx, requireUser(request.actor), request.params.directiveId, request.params.opdId, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/coordination/directives/:directiveId/opds/:opdId/review',
    { config: { action: A['coordination.directive.review'] }, schema: { tags, summary: 'Accept a completion or send it back with a comment', params: ZAssignmentParams, body: ZReviewRequest, response: { 200: ZOk } } },
    async (request) => {
      await reviewFollowUp(request.ctx, requireUser(request.actor), request.params.directiveId, request.params.opdId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/coordination/directives/:directiveId/opds/:opdId/decision',
    { config: { action: A['coordination.directive.review'] }, schema: { tags, summary: "The leader's decision on an obstacle", params: ZAssignmentParams, body: ZDecisionRequest, response: { 200: ZOk } } },
    async (request) => {
      await decideObstacle(request.ctx, requireUser(request.actor), request.params.directiveId, request.params.opdId, request.body.note);
      return { ok: true as const };
    },
  );

  app.post(
    '/coordination/files',
    { config: { action: A['coordination.followup.write'] }, schema: { tags, summary: 'Upload one evidence file (JPEG, PNG, WebP or PDF, at most 10 MB); name it in a follow-up by its SHA-256', consumes: ['multipart/form-data'], response: { 201: ZUploadedFile } } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { data, name } = await readOneFile(request, CoordinationErrors.UPLOAD_MISSING);
      const stored = await uploadEvidence(request.ctx, actor, config.filesDir, { data, name });
      return reply.code(201).send({ sha256: stored.sha256, mime: stored.mime, size: stored.size, name: stored.originalName });
    },
  );

  app.get(
    '/coordination/follow-ups/:followUpId/files/:sha256',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'An evidence file, after the same checks as its directive', params: z.object({ followUpId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const file = await openFollowUpFile(request.ctx, requireUser(request.actor), config.filesDir, request.params.followUpId, request.params.sha256);
      return reply
        .type(file.mime)
        .header('Content-Length', String(file.size))
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('Cache-Control', 'private, max-age=3600')
        .header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .send(file.stream);
    },
  );
};
