import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PamongModule } from '..';
import { linkDemoInterventionsToBudget, seedIndicatorsDemo } from './demo';
import { INDICATOR_FLAGS, INDICATOR_METRICS } from './metrics';
import { indicatorRoutes } from './routes';
import { ckanRoutes, openDataRoutes } from './routes-public';
import { indicatorWorkRoutes } from './routes-work';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(indicatorRoutes);
  await app.register(indicatorWorkRoutes);
  await app.register(openDataRoutes);
};

export const indicatorsModule: PamongModule = { name: 'indicators', routes, metrics: INDICATOR_METRICS, flags: INDICATOR_FLAGS, seedDemo: seedIndicatorsDemo, linkDemo: linkDemoInterventionsToBudget };

/** The CKAN-compatible read API lives outside /api/v1, at CKAN's own path. */
export const ckanModule: PamongModule = { name: 'ckan', routes: ckanRoutes, prefix: '/api/3' };
