import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PamongModule } from '..';
import { COORDINATION_FLAGS } from './flags';
import { COORDINATION_JOBS } from './jobs';
import { COORDINATION_METRICS } from './metrics';
import { directiveRoutes } from './routes';
import { meetingAndReportRoutes } from './routes-more';
import { seedCoordinationDemo } from './seed';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(directiveRoutes);
  await app.register(meetingAndReportRoutes);
};

/** Issue 4: meetings, signed directives with public verification, follow-ups, OPD reports, silent-OPD alerts. */
export const coordinationModule: PamongModule = {
  name: 'coordination',
  routes,
  metrics: COORDINATION_METRICS,
  flags: COORDINATION_FLAGS,
  jobs: COORDINATION_JOBS,
  seedDemo: seedCoordinationDemo,
};
