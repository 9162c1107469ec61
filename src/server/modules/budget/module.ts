import type { PamongModule } from '..';
import { seedBudgetDemo } from './demo/seed';
import { BUDGET_FLAGS, BUDGET_METRICS } from './metrics';
import { budgetRoutes } from './routes';

/** Plans, budget realisation and revenue (issue 8; rules BRIEF §4.10). */
export const budgetModule: PamongModule = {
  name: 'budget',
  routes: budgetRoutes,
  metrics: BUDGET_METRICS,
  flags: BUDGET_FLAGS,
  seedDemo: seedBudgetDemo,
};
