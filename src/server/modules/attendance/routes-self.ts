import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCheckinRequest, ZCheckinResult, ZLeave, ZLeaveCreate, ZLeaveDecision, ZLeaveList, ZLeaveQuery, ZMonth, ZPegawaiMonth, ZTppSheet } from '../../../contracts/attendance';
import { ZLeaveCancel } from '../../../contracts/attendance-screens';
import { ZOk } from '../../../contracts/common';
import { AppError } from '../../http/errors';
import { findStoredFile, storeFile, unsafeOpenStoredFile } from '../../platform/files';
import { requireUser } from '../../platform/tenant';
import { checkIn } from './checkin';
import { AttendanceErrors } from './errors';
import { attachToLeave, cancelLeave, decideLeave, leaveAttachmentOf, listLeave, requestLeave } from './leave';
import { AttendanceActions } from './policy';
import { tppSheet } from './tpp';
import { pegawaiMonth } from './views';

/** The pegawai's own attendance, check-in, TPP and leave; leave decisions by the superior. */
export const selfRoutes: FastifyPluginAsyncZod = async (app) => {
  const self = { action: AttendanceActions['attendance.self'] };
  app.get('/attendance/me', { config: self, schema: { tags: ['attendance'], summary: 'My attendance month: each day with its status and why', querystring: z.object({ month: ZMonth }), response: { 200: ZPegawaiMonth } } }, async (request) => {
    const actor = requireUser(request.actor);
    if (!actor.pegawaiId) throw new AppError(AttendanceErrors.ATT_NO_PEGAWAI);
    return pegawaiMonth(request.ctx, actor.pemdaId, actor.pegawaiId, request.query.month, true);
  });

  app.get('/attendance/me/tpp', { config: self, schema: { tags: ['tpp'], summary: 'My TPP of a month with its breakdown', querystring: z.object({ month: ZMonth }), response: { 200: ZTppSheet } } }, async (request) => {
    const actor = requireUser(request.actor);
    if (!actor.pegawaiId) throw new AppError(AttendanceErrors.ATT_NO_PEGAWAI);
    return tppSheet(request.ctx, actor.pemdaId, request.query.month, null, actor.pegawaiId);
  });

  app.post('/attendance/checkin', { config: self, schema: { tags: ['attendance'], summary: 'Web check-in from the phone (WFO inside the office polygon; WFA or dinas luar when approved)', body: ZCheckinRequest, response: { 201: ZCheckinResult } } }, async (request, reply) => {
    return reply.code(201).send(await checkIn(request.ctx, requireUser(request.actor), request.body));
  });

  app.get('/attendance/leave', { config: self, schema: { tags: ['attendance'], summary: 'Leave requests: mine, my OPD (head) or all (BKPSDM)', querystring: ZLeaveQuery, response: { 200: ZLeaveList } } }, async (request) =>
    listLeave(request.ctx, requireUser(request.actor), { status: request.query.status, mine: request.query.mine === 'true' }),
  );

  app.post('/attendance/leave', { config: self, schema: { tags: ['attendance'], summary: 'Request cuti, izin, dinas luar, tugas belajar or WFA', body: ZLeaveCreate, response: { 201: ZLeave } } }, async (request, reply) =>
    reply.code(201).send(await requestLeave(request.ctx, requireUser(request.actor), request.body)),
  );

  app.post('/attendance/leave/:leaveId/attachment', { config: self, schema: { tags: ['attendance'], summary: 'Attach a letter (PDF/photo, multipart field "file") to my request', params: z.object({ leaveId: z.uuid() }), consumes: ['multipart/form-data'], response: { 200: ZOk } } }, async (request) => {
    const actor = requireUser(request.actor);
    if (!request.isMultipart()) throw new AppError(AttendanceErrors.ATT_FILE_MISSING);
    const file = await request.file();
    if (!file) throw new AppError(AttendanceErrors.ATT_FILE_MISSING);
    const data = await file.toBuffer();
    await attachToLeave(request.ctx, actor, request.params.leaveId, async (tx) => (await storeFile(tx, { filesDir: app.deps.config.filesDir, pemdaId: actor.pemdaId, data, originalName: file.filename, uploadedBy: actor.userId })).sha256);
    return { ok: true as const };
  });

  app.post('/attendance/leave/:leaveId/decision', { config: { action: AttendanceActions['attendance.leave.decide'] }, schema: { tags: ['attendance'], summary: 'Approve or refuse a request (approval excuses the days at once)', params: z.object({ leaveId: z.uuid() }), body: ZLeaveDecision, response: { 200: ZLeave } } }, async (request) =>
    decideLeave(request.ctx, requireUser(request.actor), request.params.leaveId, request.body),
  );

  app.post('/attendance/leave/:leaveId/cancel', { config: self, schema: { tags: ['attendance'], summary: 'Withdraw a request: my own pending one, or (superior, BKPSDM) a pending or approved one; revoking an approval makes its days count again', params: z.object({ leaveId: z.uuid() }), body: ZLeaveCancel, response: { 200: ZLeave } } }, async (request) =>
    cancelLeave(request.ctx, requireUser(request.actor), request.params.leaveId, request.body.note),
  );

  app.get('/attendance/leave/:leaveId/attachment', { config: self, schema: { tags: ['attendance'], summary: 'The letter attached to a request (its pegawai and whoever may decide it)', params: z.object({ leaveId: z.uuid() }) } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const sha256 = await leaveAttachmentOf(request.ctx, actor, request.params.leaveId);
    const file = await findStoredFile(request.ctx.db, actor.pemdaId, sha256);
    if (!file) throw new AppError(AttendanceErrors.ATT_LEAVE_NO_ATTACHMENT);
    return reply.type(file.mime).header('Cache-Control', 'private, no-store').header('Content-Disposition', `inline; filename="${file.originalName}"`).send(unsafeOpenStoredFile(app.deps.config.filesDir, file.sha256));
  });
};
