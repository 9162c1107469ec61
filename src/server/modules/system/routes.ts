import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZFlag, ZHealth, ZMetricRow, ZMetricsQuery } from '../../../contracts/system';
import { isUser } from '../../http/context';
import { AppError, CommonErrors, listErrorDefs } from '../../http/errors';
import { definePolicy, PEMDA_WIDE, ALL_TENANT } from '../../platform/policy';
import { ALL_FLAGS, ALL_METRICS } from '..';

export const SystemActions = definePolicy({
  'system.health': { roles: [], public: true },
  'metrics.read': { roles: ALL_TENANT },
  'flags.read': { roles: PEMDA_WIDE },
});

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Health check', response: { 200: ZHealth } } },
    async () => {
      await app.deps.database.db.selectFrom('pemda').select('id').limit(1).execute();
      return { status: 'ok' as const, database: app.deps.database.kind };
    },
  );

  app.get(
    '/errors',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'The catalogue of stable error codes with their messages',
        response: { 200: z.array(z.object({ code: z.string(), status: z.number(), id: z.string(), en: z.string() })) },
      },
    },
    async () => listErrorDefs(),
  );

  app.get(
    '/metrics',
    {
      config: { action: SystemActions['metrics.read'] },
      schema: {
        tags: ['scorecard'],
        summary: 'Monthly per-OPD metrics from every module (the scorecard contract)',
        querystring: ZMetricsQuery,
        response: { 200: z.object({ month: z.string(), metrics: z.array(ZMetricRow) }) },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
      const { month, key, opd } = request.query;
      const defs = ALL_METRICS().filter((m) => !key || m.key === key);
      const metrics = [];
      for (const def of defs) {
        const rows = await def.compute(request.ctx, actor.pemdaId, month);
        for (const row of rows) {
          if (opd && row.opdId !== opd) continue;
          metrics.push({ key: def.key, label: def.label, unit: def.unit, better: def.better, ...row });
        }
      }
      return { month, metrics };
    },
  );

  app.get(
    '/metrics/definitions',
    {
      config: { action: SystemActions['metrics.read'] },
      schema: {
        tags: ['scorecard'],
        summary: 'Registered metric definitions',
        response: {
          200: z.array(
            z.object({ key: z.string(), label: z.object({ id: z.string(), en: z.string() }), description: z.object({ id: z.string(), en: z.string() }), unit: z.string(), better: z.string() }),
          ),
        },
      },
    },
    async () => ALL_METRICS().map(({ key, label, description, unit, better }) => ({ key, label, description, unit, better })),
  );

  app.get(
    '/flags',
    {
      config: { action: SystemActions['flags.read'] },
      schema: { tags: ['scorecard'], summary: "What needs the leader's attention now, from every module", response: { 200: z.object({ flags: z.array(ZFlag) }) } },
    },
    async (request) => {
      const actor = request.actor;
      if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
      const lists = await Promise.all(ALL_FLAGS().map((source) => source.list(request.ctx, actor.pemdaId)));
      const order = { critical: 0, warning: 1, info: 2 } as const;
      const flags = lists.flat().sort((a, b) => order[a.severity] - order[b.severity] || a.since.localeCompare(b.since));
      return { flags };
    },
  );
};
