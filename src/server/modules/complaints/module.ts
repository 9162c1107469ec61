import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PamongModule } from '..';
import { ESCALATION_JOB, overdueFlags } from './deadlines';
import { COMPLAINT_METRICS } from './metrics';
import { open311Routes } from './open311-routes';
import { complaintRoutes } from './routes';
import { publicComplaintRoutes } from './routes-public';
import { seedComplaintsDemo } from './seed';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(complaintRoutes);
  await app.register(publicComplaintRoutes);
};

/** Issue 6: public complaints (SP4N-LAPOR!) with deadlines and escalation, the service catalogue, IKM. */
export const complaintsModule: PamongModule = {
  name: 'complaints',
  routes,
  metrics: COMPLAINT_METRICS,
  flags: [overdueFlags],
  jobs: [ESCALATION_JOB],
  seedDemo: seedComplaintsDemo,
};

/** Open311 GeoReport v2 at /open311/v2 (its own error format; see open311-routes.ts). */
export const open311Module: PamongModule = { name: 'open311', routes: open311Routes, prefix: '/open311/v2' };
