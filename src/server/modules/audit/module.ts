import type { PamongModule } from '..';
import { auditRoutes } from './routes';

export const auditModule: PamongModule = { name: 'audit', routes: auditRoutes };
