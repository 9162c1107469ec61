import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDevice, ZDeviceCreate, ZDeviceList, ZImportList, ZImportSummary, ZMonth, ZOfficeCreate, ZPegawaiMonth, ZPinMapRequest, ZPinMapResult, ZRecap, ZRecapQuery, ZRosterRequest, ZRuleCreate, ZRuleItem, ZRuleList } from '../../../contracts/attendance';
import { ZRosterClear, ZRosterQuery, ZRosterSaved, ZRosterWeek } from '../../../contracts/attendance-screens';
import { isUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { loadCalendar } from '../../platform/calendar';
import { authorize } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
import { addOffice, addRule, createDevice, listDevices, listImports, listRules, mapPins, recomputeAndEvaluate, saveRoster } from './admin';
import { AttendanceErrors } from './errors';
import { findDevice, importEvents, sourceFor } from './importer';
import { AttendanceActions } from './policy';
import { recapXlsx } from './recap-export';
import { clearRoster, rosterWeek } from './roster';
import { monthlyRecap, pegawaiMonth } from './views';

/** Devices, imports, PIN mappings, rules, rosters and offices; the recap and any pegawai's month. */
export const manageRoutes: FastifyPluginAsyncZod = async (app) => {
  const manage = { action: AttendanceActions['attendance.manage'] };
  app.get('/attendance/devices', { config: manage, schema: { tags: ['attendance'], summary: 'Attendance devices with mapped and unmapped PINs', response: { 200: ZDeviceList } } }, async (request) => listDevices(request.ctx, requireUser(request.actor).pemdaId));
  app.post('/attendance/devices', { config: manage, schema: { tags: ['attendance'], summary: 'Register a device (ZKTeco attlog, ADMS push, or CSV/XLSX with its column mapping)', body: ZDeviceCreate, response: { 201: ZDevice } } }, async (request, reply) =>
    reply.code(201).send(await createDevice(request.ctx, requireUser(request.actor).pemdaId, request.body)),
  );
  app.get('/attendance/imports', { config: manage, schema: { tags: ['attendance'], summary: 'Latest imports with their summaries', response: { 200: ZImportList } } }, async (request) => listImports(request.ctx, requireUser(request.actor).pemdaId));

  app.post('/attendance/devices/:deviceId/import', { config: manage, schema: { tags: ['attendance'], summary: 'Upload an attlog / ADMS / CSV / XLSX file (multipart field "file"): streamed, idempotent, summary with rejected lines', params: z.object({ deviceId: z.uuid() }), consumes: ['multipart/form-data'], response: { 200: ZImportSummary } } }, async (request) => {
    const actor = requireUser(request.actor);
    const device = await findDevice(request.ctx, actor.pemdaId, request.params.deviceId);
    if (!request.isMultipart()) throw new AppError(AttendanceErrors.ATT_FILE_MISSING);
    const file = await request.file();
    if (!file) throw new AppError(AttendanceErrors.ATT_FILE_MISSING);
    const summary = await importEvents(request.ctx, app.deps.database, { pemdaId: actor.pemdaId, device, filename: file.filename, source: sourceFor(device, file.filename, file.file), userId: actor.userId });
    const after = await recomputeAndEvaluate(request.ctx, actor.pemdaId);
    return { ...summary, recomputedDays: after.days, casesOpened: after.casesOpened };
  });

  app.post('/attendance/devices/:deviceId/pins', { config: manage, schema: { tags: ['attendance'], summary: 'Map device PINs to pegawai; earlier events of those PINs are attributed', params: z.object({ deviceId: z.uuid() }), body: ZPinMapRequest, response: { 200: ZPinMapResult } } }, async (request) =>
    mapPins(request.ctx, requireUser(request.actor).pemdaId, request.params.deviceId, request.body),
  );

  app.get('/attendance/rules', { config: manage, schema: { tags: ['attendance'], summary: 'Rule versions of the Pemda and the national defaults, with legal basis', response: { 200: ZRuleList } } }, async (request) => listRules(request.ctx, requireUser(request.actor).pemdaId));
  app.post('/attendance/rules', { config: manage, schema: { tags: ['attendance'], summary: 'Add a rule version (schedule, lateness, discipline, TPP) valid from a date', body: ZRuleCreate, response: { 201: ZRuleItem } } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    return reply.code(201).send(await addRule(request.ctx, actor.pemdaId, actor.userId, request.body));
  });
  app.post('/attendance/roster', { config: { action: AttendanceActions['attendance.roster'] }, schema: { tags: ['attendance'], summary: 'Save shift roster entries (a shift may cross midnight)', body: ZRosterRequest, response: { 200: z.object({ saved: z.number(), recomputedDays: z.number() }) } } }, async (request) =>
    saveRoster(request.ctx, requireUser(request.actor).pemdaId, request.body),
  );
  app.get('/attendance/roster', { config: { action: AttendanceActions['attendance.roster'] }, schema: { tags: ['attendance'], summary: 'The shift roster of an OPD for the week (Monday to Sunday) containing a date', querystring: ZRosterQuery, response: { 200: ZRosterWeek } } }, async (request) =>
    rosterWeek(request.ctx, requireUser(request.actor), request.query.opd, request.query.from),
  );
  app.post('/attendance/roster/clear', { config: { action: AttendanceActions['attendance.roster'] }, schema: { tags: ['attendance'], summary: 'Remove roster entries (the day has no shift again); computed days are recomputed', body: ZRosterClear, response: { 200: ZRosterSaved } } }, async (request) =>
    clearRoster(request.ctx, requireUser(request.actor), request.body),
  );
  app.post('/attendance/offices', { config: manage, schema: { tags: ['attendance'], summary: 'Add an office polygon for web check-in', body: ZOfficeCreate, response: { 201: z.object({ id: z.string(), name: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send(await addOffice(request.ctx, requireUser(request.actor).pemdaId, request.body)),
  );

  const read = { action: AttendanceActions['attendance.read'] };
  app.get('/attendance/recap', { config: read, schema: { tags: ['attendance'], summary: 'Monthly recap per pegawai and per OPD (OPD roles: their own OPD)', querystring: ZRecapQuery, response: { 200: ZRecap } } }, async (request) => {
    const actor = requireUser(request.actor);
    const opdId = opdScope(actor.role, actor.opdId, request.query.opd ?? null);
    if (opdId) authorize(actor, AttendanceActions['attendance.read'], { pemdaId: actor.pemdaId, opdId });
    return monthlyRecap(request.ctx, { pemdaId: actor.pemdaId, month: request.query.month, opdId });
  });
  app.get('/attendance/recap.xlsx', { config: read, schema: { tags: ['attendance'], summary: 'The monthly recap as XLSX', querystring: ZRecapQuery } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const opdId = opdScope(actor.role, actor.opdId, request.query.opd ?? null);
    if (opdId) authorize(actor, AttendanceActions['attendance.read'], { pemdaId: actor.pemdaId, opdId });
    const recap = await monthlyRecap(request.ctx, { pemdaId: actor.pemdaId, month: request.query.month, opdId });
    reply.header('Content-Disposition', `attachment; filename="rekap-absensi-${request.query.month}.xlsx"`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await recapXlsx(recap, request.lang));
  });
  app.get('/attendance/pegawai/:pegawaiId', { config: read, schema: { tags: ['attendance'], summary: "A pegawai's month (own OPD for OPD roles)", params: z.object({ pegawaiId: z.uuid() }), querystring: z.object({ month: ZMonth.optional() }), response: { 200: ZPegawaiMonth } } }, async (request) => {
    const actor = request.actor;
    if (!isUser(actor)) throw new AppError(AttendanceErrors.ATT_PEGAWAI_NOT_FOUND);
    const month = request.query.month ?? (await loadCalendar(request.ctx.db, actor.pemdaId)).today().slice(0, 7);
    return pegawaiMonth(request.ctx, actor.pemdaId, request.params.pegawaiId, month, false);
  });
};

/** OPD roles always see their own OPD; Pemda-wide roles see one OPD when asked, else all. */
function opdScope(role: string, ownOpd: string | null, asked: string | null): string | null {
  if (role === 'kepala_opd' || role === 'operator_opd') return ownOpd ?? '00000000-0000-4000-8000-000000000000';
  return asked;
}
