import type { PamongModule } from '..';
import { purgeExpiredSessions } from '../auth/session';
import { analyzeIfEmbedded } from './analyze';
import { systemRoutes } from './routes';

export const systemModule: PamongModule = {
  name: 'system',
  routes: systemRoutes,
  jobs: [
    {
      name: 'system.purge_sessions',
      schedule: { everyMinutes: 60 },
      run: async (ctx) => {
        await purgeExpiredSessions(ctx.db);
      },
    },
    {
      name: 'system.analyze_embedded',
      schedule: { everyMinutes: 60 },
      run: async (ctx) => {
        await analyzeIfEmbedded(ctx.db);
      },
    },
  ],
};
