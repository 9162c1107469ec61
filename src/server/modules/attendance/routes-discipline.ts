import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCaseLedger, ZCaseList, ZCaseQuery, ZDecisionRequest, ZExaminationRequest, ZKinerjaImportResult, ZMonth, ZSummonsRequest, ZTppComputeResult, ZTppQuery, ZTppSheet } from '../../../contracts/attendance';
import { ZSanctionList, ZSanctionQuery } from '../../../contracts/attendance-screens';
import { AppError } from '../../http/errors';
import { authorize } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
import { recomputeAndEvaluate } from './admin';
import { decideCase, getCase, listCases, recordExamination, secondSummons } from './cases';
import { AttendanceErrors } from './errors';
import { AttendanceActions } from './policy';
import { recomputeDays } from './status';
import { computeTppWithAudit, importKinerja, tppSheet, tppXlsx } from './tpp';
import { monthRange } from './views';
import { evaluateDiscipline } from './discipline';
import { listSanctions } from './sanctions';
import { inTransaction } from '../../http/context';
import { loadCalendar } from '../../platform/calendar';

const caseParams = z.object({ caseId: z.uuid() });

/** Discipline cases (PP 94/2021) and the monthly TPP sheet. */
export const disciplineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/discipline/cases', { config: { action: AttendanceActions['discipline.read'] }, schema: { tags: ['discipline'], summary: 'Discipline cases (heads of OPD: their OPD)', querystring: ZCaseQuery, response: { 200: ZCaseList } } }, async (request) =>
    listCases(request.ctx, requireUser(request.actor), request.query),
  );
  app.get('/discipline/cases/:caseId', { config: { action: AttendanceActions['discipline.read'] }, schema: { tags: ['discipline'], summary: 'A case with the yearly ledger behind it', params: caseParams, response: { 200: ZCaseLedger } } }, async (request) =>
    getCase(request.ctx, requireUser(request.actor), request.params.caseId),
  );
  app.post('/discipline/cases/:caseId/summons', { config: { action: AttendanceActions['discipline.manage'] }, schema: { tags: ['discipline'], summary: 'Second summons (at least 7 working days after the first)', params: caseParams, body: ZSummonsRequest, response: { 200: ZCaseLedger } } }, async (request) =>
    secondSummons(request.ctx, requireUser(request.actor), request.params.caseId, request.body),
  );
  app.post('/discipline/cases/:caseId/examination', { config: { action: AttendanceActions['discipline.manage'] }, schema: { tags: ['discipline'], summary: 'Record the examination and its BAP', params: caseParams, body: ZExaminationRequest, response: { 200: ZCaseLedger } } }, async (request) =>
    recordExamination(request.ctx, requireUser(request.actor), request.params.caseId, request.body),
  );
  app.post('/discipline/cases/:caseId/decision', { config: { action: AttendanceActions['discipline.decide'] }, schema: { tags: ['discipline'], summary: 'Decide the sanction (authority matrix per level); records it in the sanction registry', params: caseParams, body: ZDecisionRequest, response: { 200: ZCaseLedger } } }, async (request) =>
    decideCase(request.ctx, requireUser(request.actor), request.params.caseId, request.body),
  );

  app.get('/discipline/sanctions', { config: { action: AttendanceActions['discipline.read'] }, schema: { tags: ['discipline'], summary: 'Sanction registry with TPP effect and duration (active=true: cutting TPP this month; heads of OPD: their OPD)', querystring: ZSanctionQuery, response: { 200: ZSanctionList } } }, async (request) =>
    listSanctions(request.ctx, requireUser(request.actor), { active: request.query.active === 'true' }),
  );

  const tppRead = { action: AttendanceActions['tpp.read'] };
  const tppManage = { action: AttendanceActions['tpp.manage'] };
  app.get('/tpp/:month', { config: tppRead, schema: { tags: ['tpp'], summary: 'The TPP sheet of a month with each breakdown (OPD roles: their OPD)', params: z.object({ month: ZMonth }), querystring: ZTppQuery, response: { 200: ZTppSheet } } }, async (request) => {
    const actor = requireUser(request.actor);
    const opdId = actor.role === 'kepala_opd' || actor.role === 'operator_opd' ? actor.opdId : request.query.opd ?? null;
    if (opdId) authorize(actor, AttendanceActions['tpp.read'], { pemdaId: actor.pemdaId, opdId });
    return tppSheet(request.ctx, actor.pemdaId, request.params.month, opdId);
  });
  app.get('/tpp/:month/xlsx', { config: tppRead, schema: { tags: ['tpp'], summary: 'The TPP sheet as XLSX for payroll', params: z.object({ month: ZMonth }), querystring: ZTppQuery } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const opdId = actor.role === 'kepala_opd' || actor.role === 'operator_opd' ? actor.opdId : request.query.opd ?? null;
    const sheet = await tppSheet(request.ctx, actor.pemdaId, request.params.month, opdId);
    reply.header('Content-Disposition', `attachment; filename="tpp-${request.params.month}.xlsx"`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tppXlsx(sheet, request.lang));
  });
  app.post('/tpp/:month/compute', { config: tppManage, schema: { tags: ['tpp'], summary: 'Recompute the daily statuses of the month, then its TPP sheet', params: z.object({ month: ZMonth }), response: { 200: ZTppComputeResult } } }, async (request) => {
    const actor = requireUser(request.actor);
    const month = request.params.month;
    const calendar = await loadCalendar(request.ctx.db, actor.pemdaId);
    if (`${month}-01` > calendar.today()) throw new AppError(AttendanceErrors.ATT_MONTH_FUTURE, { month });
    const range = monthRange(month);
    const days = await inTransaction(request.ctx, async (tx) => {
      const result = await recomputeDays(tx.db, actor.pemdaId, { from: range.start, to: range.end });
      await evaluateDiscipline(tx, actor.pemdaId, result.touched);
      return result.days;
    });
    await recomputeAndEvaluate(request.ctx, actor.pemdaId);
    const result = await computeTppWithAudit(request.ctx, actor.pemdaId, month);
    return { month, pegawai: result.pegawai, total: result.total, recomputedDays: days };
  });
  app.post('/tpp/:month/kinerja', { config: tppManage, schema: { tags: ['tpp'], summary: 'Import the monthly kinerja (CSV: NIP;Predikat or NIP;Nilai, multipart field "file")', params: z.object({ month: ZMonth }), consumes: ['multipart/form-data'], response: { 200: ZKinerjaImportResult } } }, async (request) => {
    const actor = requireUser(request.actor);
    if (!request.isMultipart()) throw new AppError(AttendanceErrors.ATT_FILE_MISSING);
    const file = await request.file();
    if (!file) throw new AppError(AttendanceErrors.ATT_FILE_MISSING);
    return importKinerja(request.ctx, actor.pemdaId, request.params.month, (await file.toBuffer()).toString('utf8'));
  });
};
