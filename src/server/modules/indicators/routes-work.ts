import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCoverage, ZDataset, ZDatasetInput, ZIndexInput, ZIndexResult, ZIntervention, ZInterventionInput, ZTerritory } from '../../../contracts/indicators';
import { IndicatorActions } from './policy';
import { listMyDatasets, publishDataset, setDatasetStatus } from './opendata';
import { baseUrl } from './routes-public';
import { listIndexes, ranking, saveIndex } from './service-index';
import { coverage, createIntervention, listInterventions, updateIntervention } from './service-interventions';
import { myTerritoryKode, territory } from './service-territory';
import { AppError } from '../../http/errors';
import { IndicatorErrors } from './errors';

const READ = { action: IndicatorActions['indicators.read'] };
const WALIDATA = { action: IndicatorActions['indicators.walidata'] };
const MANAGE_INTERVENTIONS = { action: IndicatorActions['interventions.manage'] };
const ZYear = z.string().regex(/^\d{4}$/);

/** The vulnerability index, interventions, territory pages and the walidata's datasets. */
export const indicatorWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/vulnerability/indexes', { config: READ, schema: { tags: ['vulnerability'], response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), isDefault: z.boolean(), priorityCount: z.number() })) }) } } }, async (request) => ({ items: await listIndexes(request.ctx) }));

  app.get(
    '/vulnerability/ranking',
    { config: READ, schema: { tags: ['vulnerability'], summary: 'Kelurahan ranked by the vulnerability index, with each indicator’s contribution', querystring: z.object({ indexId: z.uuid().optional(), year: ZYear.optional() }), response: { 200: ZIndexResult } } },
    async (request) => ranking(request.ctx, request.query),
  );

  app.post('/vulnerability/indexes', { config: WALIDATA, schema: { tags: ['vulnerability'], summary: 'Set up a vulnerability index (walidata)', body: ZIndexInput, response: { 201: ZIndexResult } } }, async (request, reply) =>
    reply.code(201).send(await saveIndex(request.ctx, null, request.body)),
  );

  app.put('/vulnerability/indexes/:indexId', { config: WALIDATA, schema: { tags: ['vulnerability'], params: z.object({ indexId: z.uuid() }), body: ZIndexInput, response: { 200: ZIndexResult } } }, async (request) =>
    saveIndex(request.ctx, request.params.indexId, request.body),
  );

  app.get(
    '/interventions',
    { config: READ, schema: { tags: ['interventions'], querystring: z.object({ wilayah: z.string().max(20).optional(), year: ZYear.optional() }), response: { 200: z.object({ items: z.array(ZIntervention) }) } } },
    async (request) => ({ items: await listInterventions(request.ctx, { wilayahKode: request.query.wilayah, year: request.query.year }) }),
  );

  app.get('/interventions/coverage', { config: READ, schema: { tags: ['interventions'], summary: 'Priority kelurahan without intervention', querystring: z.object({ year: ZYear.optional() }), response: { 200: ZCoverage } } }, async (request) =>
    coverage(request.ctx, request.query.year ?? String(new Date().getUTCFullYear())),
  );

  app.post('/interventions', { config: MANAGE_INTERVENTIONS, schema: { tags: ['interventions'], body: ZInterventionInput, response: { 201: ZIntervention } } }, async (request, reply) => reply.code(201).send(await createIntervention(request.ctx, request.body)));

  app.get('/interventions/:interventionId', { config: READ, schema: { tags: ['interventions'], params: z.object({ interventionId: z.uuid() }), response: { 200: ZIntervention } } }, async (request) => {
    const found = (await listInterventions(request.ctx, { id: request.params.interventionId }))[0];
    if (!found) throw new AppError(IndicatorErrors.INTERVENTION_NOT_FOUND);
    return found;
  });

  app.put('/interventions/:interventionId', { config: MANAGE_INTERVENTIONS, schema: { tags: ['interventions'], params: z.object({ interventionId: z.uuid() }), body: ZInterventionInput, response: { 200: ZIntervention } } }, async (request) =>
    updateIntervention(request.ctx, request.params.interventionId, request.body),
  );

  app.get('/territory/mine', { config: READ, schema: { tags: ['territory'], summary: 'The kecamatan/kelurahan of my OPD (camat, lurah)', response: { 200: z.object({ kode: z.string() }) } } }, async (request) => ({ kode: await myTerritoryKode(request.ctx) }));

  app.get('/territory/:kode', { config: READ, schema: { tags: ['territory'], params: z.object({ kode: z.string().max(20) }), response: { 200: ZTerritory } } }, async (request) => territory(request.ctx, request.params.kode));

  app.get('/datasets', { config: READ, schema: { tags: ['open data'], summary: 'Datasets of my Pemda (published and withdrawn)', response: { 200: z.object({ items: z.array(ZDataset) }) } } }, async (request) => ({ items: await listMyDatasets(request.ctx, baseUrl(request)) }));

  app.post('/datasets', { config: WALIDATA, schema: { tags: ['open data'], summary: 'Publish an indicator as an open dataset (walidata)', body: ZDatasetInput, response: { 201: ZDataset } } }, async (request, reply) =>
    reply.code(201).send(await publishDataset(request.ctx, baseUrl(request), request.body)),
  );

  app.post(
    '/datasets/:datasetId/status',
    { config: WALIDATA, schema: { tags: ['open data'], summary: 'Withdraw or re-publish a dataset (walidata)', params: z.object({ datasetId: z.uuid() }), body: z.object({ status: z.enum(['published', 'withdrawn']) }), response: { 200: ZDataset } } },
    async (request) => setDatasetStatus(request.ctx, baseUrl(request), request.params.datasetId, request.body.status),
  );
};
