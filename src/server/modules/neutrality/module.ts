import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PamongModule } from '..';
import { NEUTRALITY_JOBS } from './jobs';
import { casesOpened, overdueCaseFlags, pledgeCompletion } from './metrics';
import { neutralityRoutes } from './routes';
import { neutralityCaseRoutes } from './routes-cases';
import { neutralityPublicRoutes } from './routes-public';
import { seedNeutralityDemo } from './seed';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(neutralityPublicRoutes);
  await app.register(neutralityRoutes);
  await app.register(neutralityCaseRoutes);
};

/** Issue 7: election calendar, neutrality pledge, confidential reports, cases, sanctions, two-person reveal. */
export const neutralityModule: PamongModule = {
  name: 'neutrality',
  routes,
  metrics: [pledgeCompletion, casesOpened],
  flags: [overdueCaseFlags],
  jobs: NEUTRALITY_JOBS,
  seedDemo: seedNeutralityDemo,
};
