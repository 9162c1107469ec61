import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZDataset } from '../../../contracts/indicators';
import { AppError } from '../../http/errors';
import { CkanError, runAction, type DataDict } from './ckan-actions';
import { dcatCatalog } from './dcat';
import { IndicatorErrors } from './errors';
import { datasetRecords, datasetRows, findDataset, presentDataset, recordsCsv } from './opendata';

/** Absolute links in CKAN and DCAT answers point back at the host the client used. */
export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host || 'localhost'}`;
}

/** Public open data under /api/v1 (no sign-in, not audited): the catalogue, downloads and the DCAT document. */
export const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/open-data/datasets',
    {
      config: { public: true },
      schema: { tags: ['open data'], summary: 'Published datasets of every Pemda (public)', querystring: z.object({ pemda: z.string().regex(/^\d{2}\.\d{2}$/).optional(), q: z.string().max(100).optional() }), response: { 200: z.object({ items: z.array(ZDataset) }) } },
    },
    async (request) => {
      const q = request.query.q?.toLowerCase();
      const rows = (await datasetRows(request.ctx.db)).filter((r) => (!request.query.pemda || r.kode_wilayah === request.query.pemda) && (!q || `${r.title} ${r.notes} ${r.tags.join(' ')}`.toLowerCase().includes(q)));
      return { items: rows.map((r) => presentDataset(r, baseUrl(request))) };
    },
  );

  app.get(
    '/open-data/datasets/:file',
    { config: { public: true }, schema: { tags: ['open data'], summary: 'Download a dataset as CSV (<name>.csv) or JSON (<name>.json)', params: z.object({ file: z.string().regex(/^[a-z0-9_-]{2,100}\.(csv|json)$/) }) } },
    async (request, reply) => {
      const [name, extension] = request.params.file.split('.') as [string, 'csv' | 'json'];
      const row = await findDataset(request.ctx.db, name, false);
      if (!row) throw new AppError(IndicatorErrors.DATASET_NOT_FOUND);
      const records = await datasetRecords(request.ctx.db, row);
      reply.header('Access-Control-Allow-Origin', '*');
      if (extension === 'csv') {
        reply.header('Content-Disposition', `attachment; filename="${row.name}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(recordsCsv(records));
      }
      const dataset = presentDataset(row, baseUrl(request));
      return reply.type('application/json; charset=utf-8').send({
        metadata: { ...dataset, indicator: { code: row.indicator_code, name: { id: row.name_id, en: row.name_en }, definition: row.definition, unit: row.unit, kind: row.kind, factor: Number(row.factor), periodicity: row.periodicity, level: row.lowest_level, source: row.source, method: row.method, synthetic: row.synthetic } },
        records,
      });
    },
  );

  app.get(
    '/open-data/catalog.jsonld',
    { config: { public: true }, schema: { tags: ['open data'], summary: 'DCAT-AP catalogue of the published datasets (JSON-LD)' } },
    async (request, reply) => {
      const rows = await datasetRows(request.ctx.db);
      reply.header('Access-Control-Allow-Origin', '*');
      return reply.type('application/ld+json; charset=utf-8').send(dcatCatalog(rows, baseUrl(request)));
    },
  );
};

/**
 * The CKAN Action API at /api/3/action/<action>: GET with query parameters or POST with a JSON data dict, answered
 * in CKAN's envelope { help, success, result } or { help, success: false, error: { __type, message } } with
 * CKAN's HTTP statuses (ckan/views/api.py: 403 Authorization Error, 404 Not Found Error, 409 Validation Error).
 */
export const ckanRoutes: FastifyPluginAsyncZod = async (app) => {
  const handle = async (request: FastifyRequest, action: string, dict: DataDict) => {
    const base = baseUrl(request);
    const help = `${base}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
    try {
      const result = await runAction(request.ctx.db, action, dict, base);
      return { status: 200, body: { help, success: true, result } };
    } catch (error) {
      if (!(error instanceof CkanError)) throw error;
      return { status: error.status, body: { help, success: false, error: { __type: error.type, message: error.message, ...error.fields } } };
    }
  };
  const ZParams = z.object({ action: z.string().regex(/^[a-z_]{1,50}$/) });

  app.get('/action/:action', { config: { public: true }, schema: { hide: true, params: ZParams, querystring: z.record(z.string(), z.union([z.string(), z.array(z.string())])) } }, async (request, reply) => {
    const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v]));
    const { status, body } = await handle(request, request.params.action, query);
    return reply.code(status).header('Access-Control-Allow-Origin', '*').type('application/json; charset=utf-8').send(body);
  });
  app.post('/action/:action', { config: { public: true }, schema: { hide: true, params: ZParams } }, async (request, reply) => {
    const dict = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as DataDict) : {};
    const { status, body } = await handle(request, request.params.action, dict);
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
};
