import type { PamongModule } from '..';
import { blockedProposalFlags } from './flags';
import { staffingRoutes } from './routes';
import { seedStaffingDemo } from './seed';

/** Issue 7 §6: merit staffing proposals with quotas and the Pj/freeze approval guard. */
export const staffingModule: PamongModule = { name: 'staffing', routes: staffingRoutes, flags: [blockedProposalFlags], seedDemo: seedStaffingDemo };
