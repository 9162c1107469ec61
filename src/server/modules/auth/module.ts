import type { PamongModule } from '..';
import { authRoutes } from './routes';

export const authModule: PamongModule = { name: 'auth', routes: authRoutes };
