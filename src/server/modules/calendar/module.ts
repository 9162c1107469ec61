import type { PamongModule } from '..';
import { calendarRoutes } from './routes';

export const calendarModule: PamongModule = { name: 'calendar', routes: calendarRoutes };
