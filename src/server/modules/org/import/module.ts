import type { PamongModule } from '../..';
import { importRoutes } from './routes';

export const importModule: PamongModule = { name: 'import', routes: importRoutes };
