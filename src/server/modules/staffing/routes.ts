import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDate } from '../../../contracts/common';
import { ZUploaded } from '../../../contracts/neutrality';
import { ZExecute, ZMinisterApproval, ZProposal, ZProposalCreate, ZProposalDecide, ZProposalList, ZQuotaCreate, ZQuotaUsage, ZStaffingOverview, ZVacancy } from '../../../contracts/staffing';
import { requireUser } from '../../platform/tenant';
import { receiveEvidence } from '../neutrality/upload';
import { StaffingActions as A } from './policy';
import { createQuota } from './quota';
import { proposalsCsv } from './report';
import { createProposal, decideProposal, executeProposal, getProposal, listProposals, listVacancies, overview, recordMinisterApproval } from './service';

const tags = ['staffing'];
const ZId = z.object({ proposalId: z.uuid() });

export const staffingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;

  app.get('/staffing/overview', { config: { action: A['staffing.read'] }, schema: { tags, summary: 'Freeze banner, Pj status and quota meters', response: { 200: ZStaffingOverview } } }, async (request) =>
    overview(request.ctx, requireUser(request.actor).pemdaId),
  );

  app.get('/staffing/vacancies', { config: { action: A['staffing.read'] }, schema: { tags, summary: 'Vacant eselon II–IV positions', response: { 200: z.object({ items: z.array(ZVacancy) }) } } }, async (request) => ({
    items: await listVacancies(request.ctx, requireUser(request.actor).pemdaId),
  }));

  app.post('/staffing/quotas', { config: { action: A['staffing.quota.manage'] }, schema: { tags, summary: 'Add a quota rule with its legal basis', body: ZQuotaCreate, response: { 201: ZQuotaUsage } } }, async (request, reply) =>
    reply.code(201).send(await createQuota(request.ctx, requireUser(request.actor), request.body)),
  );

  app.get(
    '/staffing/proposals',
    { config: { action: A['staffing.read'] }, schema: { tags, summary: 'Proposals, newest first (optionally in a period)', querystring: z.object({ from: ZDate.optional(), to: ZDate.optional() }), response: { 200: ZProposalList } } },
    async (request) => ({ items: await listProposals(request.ctx, requireUser(request.actor), request.query) }),
  );

  app.get(
    '/staffing/report.csv',
    { config: { action: A['staffing.read'] }, schema: { tags, summary: 'Every proposal and decision in a period (CSV)', querystring: z.object({ from: ZDate, to: ZDate }) } },
    async (request, reply) => {
      const csv = await proposalsCsv(request.ctx, requireUser(request.actor), request.query);
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="usulan-jabatan-${request.query.from}-${request.query.to}.csv"`).send(csv);
    },
  );

  app.post('/staffing/proposals', { config: { action: A['staffing.propose'] }, schema: { tags, summary: 'Propose filling a vacant position (quota checked)', body: ZProposalCreate, response: { 201: ZProposal } } }, async (request, reply) =>
    reply.code(201).send(await createProposal(request.ctx, requireUser(request.actor), request.body)),
  );

  app.get('/staffing/proposals/:proposalId', { config: { action: A['staffing.read'] }, schema: { tags, params: ZId, response: { 200: ZProposal } } }, async (request) =>
    getProposal(request.ctx, requireUser(request.actor), request.params.proposalId),
  );

  app.post('/staffing/proposals/:proposalId/decision', { config: { action: A['staffing.decide'] }, schema: { tags, summary: "The head's decision", params: ZId, body: ZProposalDecide, response: { 200: ZProposal } } }, async (request) =>
    decideProposal(request.ctx, requireUser(request.actor), request.params.proposalId, request.body),
  );

  app.post('/staffing/files', { config: { action: A['staffing.execute'] }, schema: { tags, summary: "Upload the Minister's approval letter (PDF or image)", consumes: ['multipart/form-data'], response: { 201: ZUploaded } } }, async (request, reply) => {
    const actor = requireUser(request.actor);
    const stored = await receiveEvidence(request, request.ctx, { pemdaId: actor.pemdaId, filesDir: config.filesDir, uploadedBy: actor.userId });
    return reply.code(201).send({ sha256: stored.sha256, mime: stored.mime, size: stored.size, name: stored.originalName });
  });

  app.post(
    '/staffing/proposals/:proposalId/minister-approval',
    { config: { action: A['staffing.execute'] }, schema: { tags, summary: "Record the Minister's written approval (number, date, file)", params: ZId, body: ZMinisterApproval, response: { 200: ZProposal } } },
    async (request) => recordMinisterApproval(request.ctx, requireUser(request.actor), request.params.proposalId, request.body),
  );

  app.post('/staffing/proposals/:proposalId/execute', { config: { action: A['staffing.execute'] }, schema: { tags, summary: 'Execute (appoint); refused during the freeze or under a Pj without the approval', params: ZId, body: ZExecute, response: { 200: ZProposal } } }, async (request) =>
    executeProposal(request.ctx, requireUser(request.actor), request.params.proposalId, request.body),
  );
};
