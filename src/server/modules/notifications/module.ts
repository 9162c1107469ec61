import type { PamongModule } from '..';
import { EMAIL_JOB } from '../../platform/notifications';
import { notificationRoutes } from './routes';

export const notificationsModule: PamongModule = { name: 'notifications', routes: notificationRoutes, jobs: [EMAIL_JOB] };
