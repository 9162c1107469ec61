import { publicBase } from '../../http/public-base';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  ZComplaintDetail,
  ZComplaintList,
  ZComplaintQuery,
  ZDashboard,
  ZDuplicate,
  ZIkmPeriod,
  ZIkmReport,
  ZIkmUnit,
  ZIkmUnitCreate,
  ZInvalidRequest,
  ZMergeRequest,
  ZOpen311Client,
  ZOpen311ClientCreate,
  ZOpen311ClientCreated,
  ZReplyRequest,
  ZRerouteRequest,
  ZResolveRequest,
  ZService,
  ZServiceUpsert,
  ZSlaClass,
  ZSlaClassUpsert,
  ZVerifyRequest,
} from '../../../contracts/complaints';
import { ZOk, ZProblem } from '../../../contracts/common';
import { inTransaction } from '../../http/context';
import { AppError } from '../../http/errors';
import { findStoredFile, unsafeOpenStoredFile } from '../../platform/files';
import { requireUser } from '../../platform/tenant';
import { pemdaById } from './cache';
import { catalogue, deleteService, deleteSlaClass, invalidateCatalogue, listSlaClasses, upsertService, upsertSlaClass } from './catalogue';
import { dashboard } from './dashboard';
import { escalateOverdue } from './deadlines';
import { ComplaintErrors } from './errors';
import { closeWithoutAction, mergeComplaint, replyToComplaint, rerouteComplaint, resolveComplaint, startWork, verifyComplaint } from './handling';
import { createUnit, ikmReport, listUnits } from './ikm';
import { renderIkmPdf } from './ikm-pdf';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from './open311-keys';
import { ComplaintActions as A } from './policy';
import { getComplaint, listComplaints, suggestDuplicates } from './queue';

/** Staff API: the OPD queue, handling, the coordinator's dashboard, the catalogue and IKM reports. */
const tags = ['complaints'];
const ZId = z.object({ id: z.uuid() });
const ok = { 200: ZOk };
/** A deletion answers 404 for what is not in the caller's Pemda and 409 (problem+json) while something refers to it. */
const deleted = { 200: ZOk, 404: ZProblem, 409: ZProblem };

export const complaintRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;

  app.get('/complaints', { config: { action: A['complaints.read'] }, schema: { tags, summary: 'Complaints: the OPD queue (own OPD) or all (Pemda-wide roles)', querystring: ZComplaintQuery, response: { 200: ZComplaintList } } }, async (request) =>
    listComplaints(request.ctx, requireUser(request.actor), request.query),
  );

  app.get(
    '/complaints/dashboard',
    { config: { action: A['complaints.read'] }, schema: { tags, summary: 'Coordinator dashboard: map points, density per kelurahan, deadline compliance per OPD, IKM per unit', querystring: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }), response: { 200: ZDashboard } } },
    async (request) => dashboard(request.ctx, requireUser(request.actor), request.query.month),
  );

  app.get('/complaints/services', { config: { action: A['complaints.read'] }, schema: { tags, summary: 'The service catalogue (Open311 services and definitions)', response: { 200: z.object({ items: z.array(ZService), slaClasses: z.array(ZSlaClass) }) } } }, async (request) => {
    const actor = requireUser(request.actor);
    const items = (await catalogue(request.ctx.db, actor.pemdaId)).map(({ sla: _sla, ...service }) => service);
    return { items, slaClasses: await listSlaClasses(request.ctx.db, actor.pemdaId) };
  });

  app.post('/complaints/services', { config: { action: A['complaints.catalogue.manage'] }, schema: { tags, summary: 'Add a service to the catalogue', body: ZServiceUpsert, response: { 201: ZOk } } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    await inTransaction(request.ctx, (tx) => upsertService(tx, actor.pemdaId, request.body, 'create'));
    invalidateCatalogue(actor.pemdaId);
    return reply.code(201).send({ ok: true as const });
  });

  app.put(
    '/complaints/services/:code',
    { config: { action: A['complaints.catalogue.manage'] }, schema: { tags, summary: 'Replace a service and its attributes', params: z.object({ code: z.string().max(40) }), body: ZServiceUpsert.omit({ code: true }), response: ok } },
    async (request) => {
      const actor = requireUser(request.actor);
      await inTransaction(request.ctx, (tx) => upsertService(tx, actor.pemdaId, { ...request.body, code: request.params.code }, 'update'));
      invalidateCatalogue(actor.pemdaId);
      return { ok: true as const };
    },
  );

  app.delete(
    '/complaints/services/:code',
    {
      config: { action: A['complaints.catalogue.manage'] },
      schema: {
        tags,
        summary: 'Delete a service that no complaint refers to, with its attributes',
        description: 'Refused with 409 COMPLAINT_SERVICE_IN_USE once a complaint was filed under the service: deactivate it instead (PUT with active=false). Audited as complaints.service.deleted.',
        params: z.object({ code: z.string().max(40) }),
        response: deleted,
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await inTransaction(request.ctx, (tx) => deleteService(tx, actor.pemdaId, request.params.code));
      invalidateCatalogue(actor.pemdaId);
      return { ok: true as const };
    },
  );

  // Deadline classes (SP4N-LAPOR! 3/5/60 working days by default).
  app.get('/complaints/sla-classes', { config: { action: A['complaints.read'] }, schema: { tags, summary: 'Deadline classes: working days to verify, first follow-up and resolve', response: { 200: z.object({ items: z.array(ZSlaClass) }) } } }, async (request) => ({
    items: await listSlaClasses(request.ctx.db, requireUser(request.actor).pemdaId),
  }));
  app.post('/complaints/sla-classes', { config: { action: A['complaints.catalogue.manage'] }, schema: { tags, summary: 'Add a deadline class', body: ZSlaClassUpsert, response: { 201: ZSlaClass } } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    return reply.code(201).send(await inTransaction(request.ctx, (tx) => upsertSlaClass(tx, actor.pemdaId, request.body, 'create')));
  });
  app.put(
    '/complaints/sla-classes/:code',
    { config: { action: A['complaints.catalogue.manage'] }, schema: { tags, summary: 'Change a deadline class (complaints already filed keep their due dates)', params: z.object({ code: z.string().max(30) }), body: ZSlaClassUpsert.omit({ code: true }), response: { 200: ZSlaClass } } },
    async (request) => {
      const actor = requireUser(request.actor);
      const updated = await inTransaction(request.ctx, (tx) => upsertSlaClass(tx, actor.pemdaId, { ...request.body, code: request.params.code }, 'update'));
      // The cached catalogue carries each service's deadlines: new complaints must get the new ones at once.
      invalidateCatalogue(actor.pemdaId);
      return updated;
    },
  );

  app.delete(
    '/complaints/sla-classes/:code',
    {
      config: { action: A['complaints.catalogue.manage'] },
      schema: {
        tags,
        summary: 'Delete a deadline class that no service or complaint refers to',
        description: 'Refused with 409 COMPLAINT_SLA_IN_USE while a service uses the class or a complaint was filed under it (move or deactivate the services), and with 409 COMPLAINT_SLA_LAST for the last class. Audited as complaints.sla_class.deleted.',
        params: z.object({ code: z.string().max(30) }),
        response: deleted,
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await inTransaction(request.ctx, (tx) => deleteSlaClass(tx, actor.pemdaId, request.params.code));
      invalidateCatalogue(actor.pemdaId);
      return { ok: true as const };
    },
  );

  // Open311 client applications and their api_keys.
  const keys = { action: A['complaints.open311.manage'] };
  app.get('/complaints/open311-clients', { config: keys, schema: { tags, summary: 'Open311 client applications (the keys themselves are never shown again)', response: { 200: z.object({ items: z.array(ZOpen311Client) }) } } }, async (request) => ({
    items: await listOpen311Clients(request.ctx.db, requireUser(request.actor).pemdaId),
  }));
  app.post('/complaints/open311-clients', { config: keys, schema: { tags, summary: 'Create an api_key for a client application; the answer is the only time the key is shown', body: ZOpen311ClientCreate, response: { 201: ZOpen311ClientCreated } } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const created = await inTransaction(request.ctx, (tx) => createOpen311Client(tx, actor.pemdaId, request.body.name));
    return reply.code(201).header('Cache-Control', 'no-store').send(created);
  });
  app.post(
    '/complaints/open311-clients/:clientId/revoke',
    { config: keys, schema: { tags, summary: 'Revoke a client application\'s api_key (refused within a minute on every server)', params: z.object({ clientId: z.uuid() }), body: z.object({}).optional(), response: { 200: ZOpen311Client } } },
    async (request) => {
      const actor = requireUser(request.actor);
      return inTransaction(request.ctx, (tx) => revokeOpen311Client(tx, actor.pemdaId, request.params.clientId));
    },
  );

  app.post('/complaints/escalate', { config: { action: A['complaints.coordinate'] }, schema: { tags, summary: 'Run the deadline escalation now (it also runs every 30 minutes)', response: { 200: z.object({ escalated: z.number() }) } } }, async (request) => ({
    escalated: await escalateOverdue(request.ctx, requireUser(request.actor).pemdaId),
  }));

  app.get('/complaints/:id', { config: { action: A['complaints.read'] }, schema: { tags, summary: 'One complaint with its full timeline', params: ZId, response: { 200: ZComplaintDetail } } }, async (request) =>
    getComplaint(request.ctx, requireUser(request.actor), request.params.id),
  );

  app.get('/complaints/:id/duplicates', { config: { action: A['complaints.read'] }, schema: { tags, summary: 'Suggested duplicates: same service, nearby, recent', params: ZId, response: { 200: z.object({ items: z.array(ZDuplicate) }) } } }, async (request) => ({
    items: await suggestDuplicates(request.ctx, requireUser(request.actor), request.params.id),
  }));

  app.get(
    '/complaints/:id/photos/:sha256',
    { config: { action: A['complaints.read'] }, schema: { tags, summary: 'A photo of the complaint, after the same checks as the complaint', params: z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const detail = await getComplaint(request.ctx, actor, request.params.id);
      if (!detail.photos.some((p) => p.sha256 === request.params.sha256)) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
      const record = await findStoredFile(request.ctx.db, actor.pemdaId, request.params.sha256);
      if (!record) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
      return reply
        .type(record.mime)
        .header('Content-Length', String(record.size))
        .header('Cache-Control', 'private, max-age=3600')
        .header('Content-Security-Policy', "default-src 'none'")
        .send(unsafeOpenStoredFile(config.filesDir, record.sha256));
    },
  );

  const handle = { action: A['complaints.handle'] };
  app.post('/complaints/:id/verify', { config: handle, schema: { tags, summary: 'Verify (SP4N-LAPOR!: within 3 working days)', params: ZId, body: ZVerifyRequest, response: ok } }, async (request) => {
    await verifyComplaint(request.ctx, requireUser(request.actor), request.params.id, request.body.note);
    return { ok: true as const };
  });
  app.post('/complaints/:id/start', { config: handle, schema: { tags, summary: 'Mark as in progress', params: ZId, body: z.object({}).optional(), response: ok } }, async (request) => {
    await startWork(request.ctx, requireUser(request.actor), request.params.id);
    return { ok: true as const };
  });
  app.post('/complaints/:id/reply', { config: handle, schema: { tags, summary: 'Public reply (first follow-up within 5 working days) or internal note', params: ZId, body: ZReplyRequest, response: ok } }, async (request) => {
    await replyToComplaint(request.ctx, requireUser(request.actor), request.params.id, request.body);
    return { ok: true as const };
  });
  app.post('/complaints/:id/resolve', { config: handle, schema: { tags, summary: 'Close as resolved, with the public answer', params: ZId, body: ZResolveRequest, response: ok } }, async (request) => {
    await resolveComplaint(request.ctx, requireUser(request.actor), request.params.id, request.body.body);
    return { ok: true as const };
  });
  app.post('/complaints/:id/close', { config: handle, schema: { tags, summary: 'Close as invalid, archived or transferred to another body', params: ZId, body: ZInvalidRequest, response: ok } }, async (request) => {
    await closeWithoutAction(request.ctx, requireUser(request.actor), request.params.id, request.body);
    return { ok: true as const };
  });
  app.post('/complaints/:id/reroute', { config: handle, schema: { tags, summary: 'Re-route to another OPD (no wrong door)', params: ZId, body: ZRerouteRequest, response: ok } }, async (request) => {
    await rerouteComplaint(request.ctx, requireUser(request.actor), request.params.id, request.body);
    return { ok: true as const };
  });
  app.post('/complaints/:id/merge', { config: handle, schema: { tags, summary: 'Merge this duplicate into another complaint', params: ZId, body: ZMergeRequest, response: ok } }, async (request) => {
    await mergeComplaint(request.ctx, requireUser(request.actor), request.params.id, request.body.intoId);
    return { ok: true as const };
  });

  // IKM (PermenPANRB 14/2017)
  app.get('/ikm/units', { config: { action: A['ikm.read'] }, schema: { tags: ['ikm'], summary: 'Service units surveyed for IKM', response: { 200: z.object({ items: z.array(ZIkmUnit) }) } } }, async (request) => ({
    items: await listUnits(request.ctx, requireUser(request.actor)),
  }));
  app.post('/ikm/units', { config: { action: A['ikm.manage'] }, schema: { tags: ['ikm'], summary: 'Add a service unit', body: ZIkmUnitCreate, response: { 201: ZIkmUnit } } }, async (request, reply) =>
    reply.code(201).send(await createUnit(request.ctx, requireUser(request.actor), request.body)),
  );
  const ZReportParams = z.object({ unitId: z.uuid() });
  // The period defaults to the current year, so a bare link to a unit's report always answers.
  const ZReportQuery = z.object({ period: ZIkmPeriod.optional() });
  const periodOf = (period: string | undefined) => period ?? String(new Date().getFullYear());
  app.get('/ikm/units/:unitId/report', { config: { action: A['ikm.read'] }, schema: { tags: ['ikm'], summary: 'IKM of a unit for a period: NRR per element, IKM, converted value, category, sample progress', params: ZReportParams, querystring: ZReportQuery, response: { 200: ZIkmReport } } }, async (request) =>
    ikmReport(request.ctx, requireUser(request.actor), request.params.unitId, periodOf(request.query.period)),
  );
  app.get('/ikm/units/:unitId/qr.svg', { config: { action: A['ikm.read'] }, schema: { tags: ['ikm'], summary: 'QR code of the public questionnaire, to print at the counter', params: ZReportParams } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const units = await listUnits(request.ctx, actor);
    if (!units.some((u) => u.id === request.params.unitId)) throw new AppError(ComplaintErrors.IKM_UNIT_NOT_FOUND);
    const url = `${publicBase(config, request)}/survei/${request.params.unitId}`;
    return reply.type('image/svg+xml').header('Cache-Control', 'private, max-age=3600').send(await QRCode.toString(url, { type: 'svg', margin: 2, width: 240 }));
  });
  app.get('/ikm/units/:unitId/report.pdf', { config: { action: A['ikm.read'] }, schema: { tags: ['ikm'], summary: 'The IKM report as PDF', params: ZReportParams, querystring: ZReportQuery } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const report = await ikmReport(request.ctx, actor, request.params.unitId, periodOf(request.query.period));
    const pemda = await pemdaById(request.ctx.db, actor.pemdaId);
    const pdf = await renderIkmPdf(report, pemda.name);
    return reply.type('application/pdf').header('Content-Disposition', `inline; filename="ikm-${report.unit.code}-${report.period}.pdf"`).send(pdf);
  });
};
