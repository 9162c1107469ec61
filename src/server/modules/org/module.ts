import type { PamongModule } from '..';
import { orgRoutes } from './routes';

export const orgModule: PamongModule = { name: 'org', routes: orgRoutes };
