import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPostponement, ZPostponementCreate, ZPostponementDecision, ZShortfall } from '../../../contracts/budget';
import { BudgetActions } from './policy';
import { pemdaOf } from './routes-read';
import { createPostponement, decidePostponement, evaluateShortfall, getPostponement, listPostponements } from './service-shortfall';

const ZParams = z.object({ postponementId: z.uuid() });
const ZTahun = z.object({ tahun: z.coerce.number().int().min(2000).max(2100).optional() });

/** The shortfall rule (seed 000/002/004): evaluate, propose, and the head's decision. */
export const budgetShortfallRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/budget/shortfall',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'Projected PAD gap against the threshold and the list Pamong would propose now', querystring: ZTahun, response: { 200: ZShortfall } } },
    async (request) => evaluateShortfall(request.ctx, pemdaOf(request.actor), request.query.tahun),
  );

  app.get(
    '/budget/postponements',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'Postponement proposals and decisions', querystring: ZTahun, response: { 200: z.object({ items: z.array(ZPostponement) }) } } },
    async (request) => ({ items: await listPostponements(request.ctx, pemdaOf(request.actor), request.query.tahun) }),
  );

  app.post(
    '/budget/postponements',
    { config: { action: BudgetActions['budget.postpone.propose'] }, schema: { tags: ['budget'], summary: 'Draw up a postponement proposal when the projected gap exceeds the threshold', body: ZPostponementCreate, response: { 201: ZPostponement } } },
    async (request, reply) => reply.code(201).send(await createPostponement(request.ctx, pemdaOf(request.actor), request.body.tahun)),
  );

  app.get(
    '/budget/postponements/:postponementId',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'One postponement proposal with its list', params: ZParams, response: { 200: ZPostponement } } },
    async (request) => getPostponement(request.ctx, pemdaOf(request.actor), request.params.postponementId),
  );

  app.post(
    '/budget/postponements/:postponementId/decision',
    {
      config: { action: BudgetActions['budget.postpone.decide'] },
      schema: { tags: ['budget'], summary: 'The head approves (the list as proposed or edited) or rejects; the plan is updated', params: ZParams, body: ZPostponementDecision, response: { 200: ZPostponement } },
    },
    async (request) => decidePostponement(request.ctx, pemdaOf(request.actor), request.params.postponementId, request.body),
  );
};
