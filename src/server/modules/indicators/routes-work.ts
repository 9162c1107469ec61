import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBudgetOption, ZCoverage, ZDataset, ZDatasetInput, ZDatasetUpdate, ZWalidataSetting, ZWalidataSettingInput, ZIndexInput, ZIndexResult, ZIntervention, ZInterventionInput, ZTerritory } from '../../../contracts/indicators';
import { IndicatorActions } from './policy';
import { listMyDatasets, publishDataset, setDatasetStatus, updateDataset } from './opendata';
import { setWalidataOpd, walidataSetting } from './access';
import { OrgActions } from '../org/policy';
import { baseUrl } from './routes-public';
import { listIndexes, ranking, saveIndex } from './service-index';
import { budgetOptions } from './service-budget-link';
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

  app.get(
    '/interventions/budget-options',
    {
      config: MANAGE_INTERVENTIONS,
      schema: {
        tags: ['interventions'],
        summary: 'Budget sub-kegiatan an intervention may link to (own OPD for OPD staff), by year, code or name',
        querystring: z.object({ q: z.string().max(100).optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), opd: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(ZBudgetOption) }) },
      },
    },
    async (request) => ({ items: await budgetOptions(request.ctx, { q: request.query.q, year: request.query.year, opdId: request.query.opd }) }),
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

  app.put(
    '/datasets/:datasetId',
    { config: WALIDATA, schema: { tags: ['open data'], summary: 'Change a dataset’s metadata, licence, tags and organisation (walidata)', params: z.object({ datasetId: z.uuid() }), body: ZDatasetUpdate, response: { 200: ZDataset } } },
    async (request) => updateDataset(request.ctx, baseUrl(request), request.params.datasetId, request.body),
  );

  app.get('/indicator-settings', { config: READ, schema: { tags: ['open data'], summary: 'The walidata OPD of the Pemda and what the caller may do', response: { 200: ZWalidataSetting } } }, async (request) => walidataSetting(request.ctx));

  app.put(
    '/indicator-settings',
    { config: { action: OrgActions['pemda.manage'] }, schema: { tags: ['open data'], summary: 'Name the walidata OPD (Pemda admin); null leaves the walidata role to the admin alone', body: ZWalidataSettingInput, response: { 200: ZWalidataSetting } } },
    async (request) => setWalidataOpd(request.ctx, request.body.walidataOpdId),
  );

  app.post(
    '/datasets/:datasetId/status',
    { config: WALIDATA, schema: { tags: ['open data'], summary: 'Withdraw or re-publish a dataset (walidata)', params: z.object({ datasetId: z.uuid() }), body: z.object({ status: z.enum(['published', 'withdrawn']) }), response: { 200: ZDataset } } },
    async (request) => setDatasetStatus(request.ctx, baseUrl(request), request.params.datasetId, request.body.status),
  );
};
