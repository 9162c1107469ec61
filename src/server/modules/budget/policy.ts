import type { UserActor } from '../../http/context';
import { definePolicy, PEMDA_WIDE, type Resource } from '../../platform/policy';

/**
 * Who may do what with plans, budget and revenue (issue 8):
 * - Pemda-wide roles read everything; OPD heads and operators read their own OPD only (another OPD answers 404).
 * - BPKAD/Bapperida work (APBD import, RPJMD, revenue, settings) is done by admin_pemda.
 * - OPD operators and heads enter their own realisation and IKU evidence; admin_pemda may correct any OPD.
 * - The head (kepala_daerah) and the Sekda decide postponements; proposals may also be drawn up by admin_pemda.
 */
const ownOpd = (actor: UserActor, resource: Resource) =>
  actor.role === 'kepala_opd' || actor.role === 'operator_opd' ? resource.opdId === actor.opdId || 'hidden' : true;

export const BudgetActions = definePolicy({
  'budget.read': { roles: [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'], check: ownOpd },
  'budget.pemda.read': { roles: PEMDA_WIDE },
  'budget.plan.manage': { roles: ['admin_pemda'] },
  'budget.realisasi.write': { roles: ['admin_pemda', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'budget.revenue.write': { roles: ['admin_pemda'] },
  'budget.iku.write': { roles: ['admin_pemda', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'budget.postpone.propose': { roles: ['admin_pemda', 'kepala_daerah', 'sekda'] },
  'budget.postpone.decide': { roles: ['kepala_daerah', 'sekda'] },
});
