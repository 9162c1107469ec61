import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZApprovalRequest,
  ZCompleteness,
  ZFlaggedValue,
  ZImportSummary,
  ZIndicator,
  ZIndicatorInput,
  ZIndicatorLevel,
  ZMapResponse,
  ZPeriod,
  ZReviewRequest,
  ZValue,
  ZValueHistory,
  ZValuesEntryRequest,
} from '../../../contracts/indicators';
import { ZOk } from '../../../contracts/common';
import { AppError } from '../../http/errors';
import { IndicatorErrors } from './errors';
import { TEMPLATE_CSV } from './import-parse';
import { IndicatorActions } from './policy';
import { createIndicator, decideIndicator, getIndicator, listIndicators, updateIndicator } from './service-catalog';
import { choropleth } from './service-map';
import { completeness, enterValues, flaggedValues, importDataValueSet, importFile, listValues, reviewValue, valueHistory } from './service-values';

const ZIndicatorParams = z.object({ indicatorId: z.uuid() });
const ZDryRun = z.enum(['true', 'false']).default('false');
const READ = { action: IndicatorActions['indicators.read'] };
const ENTER = { action: IndicatorActions['indicators.enter'] };

/** The catalogue, data values, imports, validation and the choropleth. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;

  app.get(
    '/indicators',
    { config: READ, schema: { tags: ['indicators'], summary: 'The indicator catalogue (Satu Data metadata)', querystring: z.object({ q: z.string().max(100).optional(), opd: z.uuid().optional() }), response: { 200: z.object({ items: z.array(ZIndicator) }) } } },
    async (request) => ({ items: await listIndicators(request.ctx, { q: request.query.q, opdId: request.query.opd }) }),
  );

  app.post(
    '/indicators',
    { config: { action: IndicatorActions['indicators.manage'] }, schema: { tags: ['indicators'], summary: 'Add an indicator (the producing OPD or the Pemda admin)', body: ZIndicatorInput, response: { 201: ZIndicator } } },
    async (request, reply) => reply.code(201).send(await createIndicator(request.ctx, request.body)),
  );

  app.get('/indicators/:indicatorId', { config: READ, schema: { tags: ['indicators'], params: ZIndicatorParams, response: { 200: ZIndicator } } }, async (request) => getIndicator(request.ctx, request.params.indicatorId));

  app.put(
    '/indicators/:indicatorId',
    { config: { action: IndicatorActions['indicators.manage'] }, schema: { tags: ['indicators'], summary: 'Change the metadata (approval goes back to draft)', params: ZIndicatorParams, body: ZIndicatorInput, response: { 200: ZIndicator } } },
    async (request) => updateIndicator(request.ctx, request.params.indicatorId, request.body),
  );

  app.post(
    '/indicators/:indicatorId/approval',
    { config: { action: IndicatorActions['indicators.walidata'] }, schema: { tags: ['indicators'], summary: "The walidata's decision on the metadata", params: ZIndicatorParams, body: ZApprovalRequest, response: { 200: ZIndicator } } },
    async (request) => decideIndicator(request.ctx, request.params.indicatorId, request.body),
  );

  app.get(
    '/indicators/:indicatorId/values',
    { config: READ, schema: { tags: ['indicators'], params: ZIndicatorParams, querystring: z.object({ period: ZPeriod.optional(), wilayah: z.string().max(20).optional() }), response: { 200: z.object({ items: z.array(ZValue) }) } } },
    async (request) => ({ items: await listValues(request.ctx, request.params.indicatorId, { period: request.query.period, wilayahKode: request.query.wilayah }) }),
  );

  app.get(
    '/indicators/:indicatorId/history',
    { config: READ, schema: { tags: ['indicators'], summary: 'A value and its earlier versions', params: ZIndicatorParams, querystring: z.object({ period: ZPeriod, wilayah: z.string().max(20) }), response: { 200: ZValueHistory } } },
    async (request) => valueHistory(request.ctx, request.params.indicatorId, request.query.wilayah, request.query.period),
  );

  app.post(
    '/indicators/:indicatorId/values',
    {
      config: ENTER,
      schema: { tags: ['indicators'], summary: 'Enter values of one indicator (the producing OPD); dryRun=true checks only', params: ZIndicatorParams, querystring: z.object({ dryRun: ZDryRun }), body: ZValuesEntryRequest, response: { 200: ZImportSummary } },
    },
    async (request) => enterValues(request.ctx, database, request.params.indicatorId, request.body.values, request.query.dryRun === 'true'),
  );

  app.get(
    '/indicator-values/template.csv',
    { config: ENTER, schema: { tags: ['indicators'], summary: 'The CSV template of the value import' } },
    async (_request, reply) => reply.header('Content-Disposition', 'attachment; filename="template-nilai-indikator.csv"').type('text/csv; charset=utf-8').send(TEMPLATE_CSV),
  );

  app.post(
    '/indicator-values/import',
    {
      config: ENTER,
      schema: { tags: ['indicators'], summary: 'Import values from a CSV/XLSX file (multipart field "file")', querystring: z.object({ dryRun: ZDryRun }), consumes: ['multipart/form-data'], response: { 200: ZImportSummary } },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError(IndicatorErrors.INDICATOR_IMPORT_FILE_MISSING);
      const file = await request.file();
      if (!file) throw new AppError(IndicatorErrors.INDICATOR_IMPORT_FILE_MISSING);
      return importFile(request.ctx, database, await file.toBuffer(), file.filename, request.query.dryRun === 'true');
    },
  );

  app.post(
    '/indicator-values/dataValueSets',
    {
      config: ENTER,
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['indicators'],
        summary: 'Import a DHIS2 dataValueSet (JSON, idScheme=code; dryRun=true checks only)',
        querystring: z.object({ dryRun: ZDryRun, idScheme: z.string().max(20).default('code'), dataElementIdScheme: z.string().max(20).optional(), orgUnitIdScheme: z.string().max(20).optional() }),
        response: { 200: ZImportSummary.extend({ responseType: z.literal('ImportSummary'), status: z.enum(['SUCCESS', 'WARNING', 'ERROR']), importCount: z.object({ imported: z.number(), updated: z.number(), ignored: z.number(), deleted: z.number() }), conflicts: z.array(z.object({ object: z.string(), value: z.string() })) }) },
      },
    },
    async (request) => {
      const scheme = [request.query.dataElementIdScheme, request.query.orgUnitIdScheme].find((s) => s && s.toLowerCase() !== 'code') ?? request.query.idScheme;
      return importDataValueSet(request.ctx, database, request.body, { dryRun: request.query.dryRun === 'true', idScheme: scheme });
    },
  );

  app.get(
    '/indicators/:indicatorId/completeness',
    { config: READ, schema: { tags: ['indicators'], summary: 'Which wilayah are missing for a period', params: ZIndicatorParams, querystring: z.object({ period: ZPeriod }), response: { 200: ZCompleteness } } },
    async (request) => completeness(request.ctx, request.params.indicatorId, request.query.period),
  );

  app.get(
    '/indicators/:indicatorId/map',
    { config: READ, schema: { tags: ['indicators'], summary: 'Choropleth data with class breaks (aggregated up the tree when needed)', params: ZIndicatorParams, querystring: z.object({ period: ZPeriod.optional(), level: ZIndicatorLevel.optional() }), response: { 200: ZMapResponse } } },
    async (request) => choropleth(request.ctx, request.params.indicatorId, request.query),
  );

  app.get('/indicator-values/flagged', { config: READ, schema: { tags: ['indicators'], summary: 'Outliers waiting for the walidata', response: { 200: z.object({ items: z.array(ZFlaggedValue) }) } } }, async (request) => ({ items: await flaggedValues(request.ctx) }));

  app.post(
    '/indicators/:indicatorId/review',
    { config: { action: IndicatorActions['indicators.walidata'] }, schema: { tags: ['indicators'], summary: 'Accept or reject a flagged value (walidata)', params: ZIndicatorParams, body: ZReviewRequest, response: { 200: ZOk } } },
    async (request) => reviewValue(request.ctx, request.params.indicatorId, request.body),
  );
};
