import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAlignment, ZIkuRow, ZOpdBudget, ZOverview, ZRevenue, ZRpjmd, ZRpjmdEditable, ZSubKegiatanDetail, ZYearQuery } from '../../../contracts/budget';
import { isUser, type Actor } from '../../http/context';
import { AppError, CommonErrors } from '../../http/errors';
import { BudgetActions } from './policy';
import { getOpdBudget, getOverview, getSubKegiatan } from './service-apbd';
import { getAlignment, getRpjmd, listIku } from './service-plan';
import { getRevenue } from './service-revenue';
import { getRpjmdEditable } from './service-rpjmd';

export function pemdaOf(actor: Actor): string {
  if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
  return actor.pemdaId;
}

export const ZOpdParams = z.object({ opdId: z.uuid() });
export const ZSubParams = z.object({ subKegiatanId: z.uuid() });
const ZTahun = z.object({ tahun: z.coerce.number().int().min(2000).max(2100).optional() });

/** Reading plans, budget and revenue. Documented in the OpenAPI page under the tag "budget". */
export const budgetReadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/budget/overview',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'Pemda overview: realisation by OPD, ranking, S-curve (plan vs actual)', querystring: ZYearQuery, response: { 200: ZOverview } } },
    async (request) => getOverview(request.ctx, pemdaOf(request.actor), request.query),
  );

  app.get(
    '/budget/opd/:opdId',
    { config: { action: BudgetActions['budget.read'] }, schema: { tags: ['budget'], summary: "One OPD's pagu, realisation, deviation and sub-kegiatan", params: ZOpdParams, querystring: ZYearQuery, response: { 200: ZOpdBudget } } },
    async (request) => getOpdBudget(request.ctx, pemdaOf(request.actor), request.params.opdId, request.query),
  );

  app.get(
    '/budget/sub-kegiatan/:subKegiatanId',
    { config: { action: BudgetActions['budget.read'] }, schema: { tags: ['budget'], summary: 'One sub-kegiatan with its 12 months of plan and realisation', params: ZSubParams, response: { 200: ZSubKegiatanDetail } } },
    async (request) => getSubKegiatan(request.ctx, pemdaOf(request.actor), request.params.subKegiatanId),
  );

  app.get(
    '/budget/revenue',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'PAD: target, monthly realisation, year-end projection and gap', querystring: ZYearQuery, response: { 200: ZRevenue } } },
    async (request) => getRevenue(request.ctx, pemdaOf(request.actor), request.query),
  );

  app.get(
    '/budget/rpjmd',
    { config: { action: BudgetActions['budget.read'] }, schema: { tags: ['budget'], summary: 'RPJMD cascade in force for a year: vision, missions, goals, targets, IKU', querystring: ZTahun, response: { 200: ZRpjmd } } },
    async (request) => getRpjmd(request.ctx, pemdaOf(request.actor), request.query.tahun),
  );

  app.get(
    '/budget/rpjmd/editable',
    {
      config: { action: BudgetActions['budget.plan.manage'] },
      schema: { tags: ['budget'], summary: 'RPJMD cascade in the shape PUT /budget/rpjmd accepts, with every yearly target, what blocks removal, and the OPD list', querystring: ZTahun, response: { 200: ZRpjmdEditable } },
    },
    async (request) => getRpjmdEditable(request.ctx, pemdaOf(request.actor), request.query.tahun),
  );

  app.get(
    '/budget/iku',
    {
      config: { action: BudgetActions['budget.read'] },
      schema: { tags: ['budget'], summary: 'IKU with yearly target, quarterly realisation, evidence and achievement band', querystring: ZTahun, response: { 200: z.object({ tahun: z.number(), items: z.array(ZIkuRow) }) } },
    },
    async (request) => {
      const tahun = request.query.tahun ?? new Date().getFullYear();
      return { tahun, items: await listIku(request.ctx, pemdaOf(request.actor), tahun) };
    },
  );

  app.get(
    '/budget/alignment',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'Alignment report: sub-kegiatan linked to no RPJMD target, targets with no activity', querystring: ZTahun, response: { 200: ZAlignment } } },
    async (request) => getAlignment(request.ctx, pemdaOf(request.actor), request.query.tahun),
  );
};
