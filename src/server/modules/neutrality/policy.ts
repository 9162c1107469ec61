import { ALL_TENANT, definePolicy, PEMDA_WIDE } from '../../platform/policy';

/**
 * Who may do what with neutrality data (BRIEF §4.6; UU PDP 27/2022). Role-level rules here; case-level rules
 * (handler configuration, the reported person's OPD head seeing nothing before a decision, approved reveals) sit
 * in access.ts because they need the case and the Pemda's settings.
 */
export const NeutralityActions = definePolicy({
  'neutrality.read': { roles: ALL_TENANT },
  'neutrality.calendar.manage': { roles: ['admin_pemda', 'bkpsdm'] },
  'neutrality.settings.manage': { roles: ['admin_pemda'] },
  'neutrality.pledge.sign': { roles: ALL_TENANT },
  'neutrality.pledge.progress': { roles: [...PEMDA_WIDE, 'kepala_opd'] },
  'neutrality.campaign.manage': { roles: ['admin_pemda', 'bkpsdm'] },
  'neutrality.report.internal': { roles: ALL_TENANT },
  'neutrality.report.enter': { roles: ['inspektorat', 'bkpsdm'] },
  'neutrality.case.read': { roles: ['inspektorat', 'bkpsdm', 'kepala_daerah', 'sekda', 'kepala_opd'] },
  'neutrality.case.handle': { roles: ['inspektorat', 'bkpsdm'] },
  'neutrality.case.decide': { roles: ['kepala_daerah', 'sekda'] },
  'neutrality.identity.view': { roles: PEMDA_WIDE },
  'neutrality.identity.reveal': { roles: ['inspektorat', 'bkpsdm'] },
  'neutrality.sanction.read': { roles: ['inspektorat', 'bkpsdm', 'kepala_daerah', 'sekda'] },
  'neutrality.stats.read': { roles: PEMDA_WIDE },
});
