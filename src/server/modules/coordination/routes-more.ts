import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAttendanceRequest,
  ZCheckinRequest,
  ZCheckinResult,
  ZCheckinToken,
  ZCheckinTokenRequest,
  ZCoordinationSettings,
  ZCoordinationSettingsUpdate,
  ZDelegation,
  ZDelegationRequest,
  ZDirectiveRef,
  ZMeeting,
  ZMeetingCreateRequest,
  ZMeetingDirectivesRequest,
  ZMeetingListQuery,
  ZMeetingSummary,
  ZMeetingUpdateRequest,
  ZPublicDirective,
  ZReport,
  ZReportListQuery,
  ZReportRequest,
  ZReportStatusRow,
  ZSigningKey,
  ZReportCadence,
} from '../../../contracts/coordination';
import { ZOk } from '../../../contracts/common';
import { loadCalendar } from '../../platform/calendar';
import { requireUser } from '../../platform/tenant';
import { grantDelegation, listDelegations, listKeys, revokeDelegation, rotateKey, updateSettings } from './admin';
import { coordinationSettings } from './common';
import { issueDirectives } from './issue';
import { checkIn, createCheckinToken, createMeeting, getMeeting, listMeetings, recordAttendance, updateMeeting } from './meetings';
import { CoordinationActions as A } from './policy';
import { listReports, reportStatuses, submitReport } from './reports';
import { publicBase } from '../../http/public-base';
import { publicVerification } from './verify';

const ZMeetingParams = z.object({ meetingId: z.uuid() });
const tags = ['coordination'];

export const meetingAndReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { secrets, config } = app.deps;

  app.get(
    '/coordination/meetings',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'Meetings, newest first', querystring: ZMeetingListQuery, response: { 200: z.object({ items: z.array(ZMeetingSummary) }) } } },
    async (request) => ({ items: await listMeetings(request.ctx, requireUser(request.actor).pemdaId, request.query) }),
  );

  app.post(
    '/coordination/meetings',
    { config: { action: A['coordination.meeting.manage'] }, schema: { tags, summary: 'Schedule a meeting and invite OPDs', body: ZMeetingCreateRequest, response: { 201: ZMeeting } } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const id = await createMeeting(request.ctx, actor, request.body);
      return reply.code(201).send(await getMeeting(request.ctx, actor.pemdaId, id));
    },
  );

  app.get(
    '/coordination/meetings/:meetingId',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'A meeting with attendance, check-ins and the directives it produced', params: ZMeetingParams, response: { 200: ZMeeting } } },
    async (request) => getMeeting(request.ctx, requireUser(request.actor).pemdaId, request.params.meetingId),
  );

  app.patch(
    '/coordination/meetings/:meetingId',
    { config: { action: A['coordination.meeting.manage'] }, schema: { tags, summary: 'Agenda and minutes', params: ZMeetingParams, body: ZMeetingUpdateRequest, response: { 200: ZMeeting } } },
    async (request) => {
      const actor = requireUser(request.actor);
      await updateMeeting(request.ctx, actor, request.params.meetingId, request.body);
      return getMeeting(request.ctx, actor.pemdaId, request.params.meetingId);
    },
  );

  app.put(
    '/coordination/meetings/:meetingId/attendance',
    { config: { action: A['coordination.meeting.manage'] }, schema: { tags, summary: 'Record attendance of invited OPDs: present, represented by whom, absent with reason', params: ZMeetingParams, body: ZAttendanceRequest, response: { 200: ZMeeting } } },
    async (request) => {
      const actor = requireUser(request.actor);
      await recordAttendance(request.ctx, actor, request.params.meetingId, request.body);
      return getMeeting(request.ctx, actor.pemdaId, request.params.meetingId);
    },
  );

  app.post(
    '/coordination/meetings/:meetingId/checkin-token',
    { config: { action: A['coordination.meeting.manage'] }, schema: { tags, summary: 'A signed, expiring QR code for attendees to check in from their phones', params: ZMeetingParams, body: ZCheckinTokenRequest, response: { 200: ZCheckinToken } } },
    async (request) => createCheckinToken(request.ctx, secrets, requireUser(request.actor), request.params.meetingId, request.body.validMinutes, publicBase(config, request)),
  );

  app.post(
    '/coordination/checkin',
    { config: { action: A['coordination.checkin'], rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'Check in to a meeting with the scanned QR token (once per person)', body: ZCheckinRequest, response: { 200: ZCheckinResult } } },
    async (request) => checkIn(request.ctx, secrets, requireUser(request.actor), request.body.token),
  );

  app.post(
    '/coordination/meetings/:meetingId/directives',
    { config: { action: A['coordination.directive.issue'] }, schema: { tags, summary: "The meeting's decisions become directives in one step, each point signed on its own", params: ZMeetingParams, body: ZMeetingDirectivesRequest, response: { 201: z.object({ items: z.array(ZDirectiveRef) }) } } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const ids = await issueDirectives(request.ctx, secrets, actor, { points: request.body.points, meetingId: request.params.meetingId });
      const rows = await request.ctx.db.selectFrom('coord_directive').select(['id', 'code', 'number']).where('pemda_id', '=', actor.pemdaId).where('id', 'in', ids).orderBy('number').execute();
      return reply.code(201).send({ items: rows });
    },
  );

  app.get(
    '/coordination/reports',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'OPD periodic reports (OPD roles: their own)', querystring: ZReportListQuery, response: { 200: z.object({ items: z.array(ZReport) }) } } },
    async (request) => ({ items: await listReports(request.ctx, requireUser(request.actor), request.query) }),
  );

  app.post(
    '/coordination/reports',
    { config: { action: A['coordination.report.write'] }, schema: { tags, summary: "Send my OPD's periodic report: achievements, problems, needs", body: ZReportRequest, response: { 201: ZReport } } },
    async (request, reply) => reply.code(201).send(await submitReport(request.ctx, requireUser(request.actor), request.body)),
  );

  app.get(
    '/coordination/reports/status',
    { config: { action: A['coordination.leader'] }, schema: { tags, summary: 'Which OPDs sent this and the previous period report, and which are late', response: { 200: z.object({ cadence: ZReportCadence, items: z.array(ZReportStatusRow) }) } } },
    async (request) => {
      const pemdaId = requireUser(request.actor).pemdaId;
      const result = await reportStatuses(request.ctx.db, pemdaId, await loadCalendar(request.ctx.db, pemdaId), null);
      return { cadence: result.cadence, items: result.rows };
    },
  );

  app.get(
    '/coordination/delegations',
    { config: { action: A['coordination.delegation.manage'] }, schema: { tags, summary: 'Recorded delegations of the power to issue directives', response: { 200: z.object({ items: z.array(ZDelegation) }) } } },
    async (request) => ({ items: await listDelegations(request.ctx, requireUser(request.actor).pemdaId) }),
  );

  app.post(
    '/coordination/delegations',
    { config: { action: A['coordination.delegation.manage'] }, schema: { tags, summary: 'Delegate the power to issue directives to a head of OPD for a period', body: ZDelegationRequest, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.code(201).send({ id: await grantDelegation(request.ctx, requireUser(request.actor), request.body) }),
  );

  app.delete(
    '/coordination/delegations/:delegationId',
    { config: { action: A['coordination.delegation.manage'] }, schema: { tags, summary: 'Revoke a delegation (kept in the record)', params: z.object({ delegationId: z.uuid() }), response: { 200: ZOk } } },
    async (request) => {
      await revokeDelegation(request.ctx, requireUser(request.actor), request.params.delegationId);
      return { ok: true as const };
    },
  );

  app.get(
    '/coordination/keys',
    { config: { action: A['coordination.admin'] }, schema: { tags, summary: "The Pemda's directive signing keys (public halves)", response: { 200: z.object({ items: z.array(ZSigningKey) }) } } },
    async (request) => ({ items: await listKeys(request.ctx, requireUser(request.actor).pemdaId) }),
  );

  app.post(
    '/coordination/keys/rotate',
    { config: { action: A['coordination.admin'] }, schema: { tags, summary: 'Make a new signing key active; old signatures keep verifying', response: { 200: z.object({ id: z.string() }) } } },
    async (request) => ({ id: await rotateKey(request.ctx, secrets, requireUser(request.actor)) }),
  );

  app.get(
    '/coordination/settings',
    { config: { action: A['coordination.read'] }, schema: { tags, summary: 'Silence threshold and report cadence', response: { 200: ZCoordinationSettings } } },
    async (request) => coordinationSettings(request.ctx.db, requireUser(request.actor).pemdaId),
  );

  app.put(
    '/coordination/settings',
    { config: { action: A['coordination.admin'] }, schema: { tags, summary: 'Change the silence threshold (days) or the report cadence', body: ZCoordinationSettingsUpdate, response: { 200: ZCoordinationSettings } } },
    async (request) => updateSettings(request.ctx, requireUser(request.actor), request.body),
  );

  app.get(
    '/public/directives/:code',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Verify a directive by the code under its QR: issuer, date, content hash, signature validity (recomputed now), superseded-by', params: z.object({ code: z.string().max(40) }), response: { 200: ZPublicDirective } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return publicVerification(app.deps.database.db, request.params.code);
    },
  );
};
