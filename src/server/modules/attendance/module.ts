import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PamongModule } from '..';
import { ATTENDANCE_JOBS } from './jobs';
import { disciplineRoutes } from './routes-discipline';
import { manageRoutes } from './routes-manage';
import { selfRoutes } from './routes-self';
import { seedAttendanceDemo } from './seed';
import { ATTENDANCE_FLAGS, ATTENDANCE_METRICS } from './signals';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(selfRoutes);
  await app.register(manageRoutes);
  await app.register(disciplineRoutes);
};

/** Issue 5: work calendar and rosters, presence events, leave, daily status, recap, discipline (PP 94/2021), TPP. */
export const attendanceModule: PamongModule = {
  name: 'attendance',
  routes,
  metrics: ATTENDANCE_METRICS,
  flags: ATTENDANCE_FLAGS,
  jobs: ATTENDANCE_JOBS,
  seedDemo: seedAttendanceDemo,
};
