import { ALL_TENANT, definePolicy, type Resource } from '../../platform/policy';
import type { UserActor } from '../../http/context';

/**
 * Who may do what with indicators. The producing OPD (produsen data, Perpres 39/2019 art. 1) enters the values of
 * its own indicators; the walidata (admin_pemda, or kepala_opd of the OPD named in pemda_setting
 * `walidata_opd_id`, usually Bapperida) approves indicators, reviews flagged values and publishes datasets; the
 * walidata check needs the setting, so it runs in the service (see walidata.ts).
 */
const ownOpd = (actor: UserActor, resource: Resource) => actor.role === 'admin_pemda' || resource.opdId === actor.opdId || 'hidden';

export const IndicatorActions = definePolicy({
  'indicators.read': { roles: ALL_TENANT },
  'indicators.manage': { roles: ['admin_pemda', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'indicators.enter': { roles: ['admin_pemda', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'indicators.walidata': { roles: ['admin_pemda', 'kepala_opd'] },
  'interventions.manage': { roles: ['admin_pemda', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'opendata.read': { roles: [], public: true },
});
