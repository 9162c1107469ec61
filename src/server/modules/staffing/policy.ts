import { definePolicy, PEMDA_WIDE } from '../../platform/policy';

/** Staffing: BKPSDM proposes and executes, the head (or sekda) decides; the Pemda's leadership reads. */
export const StaffingActions = definePolicy({
  'staffing.read': { roles: PEMDA_WIDE },
  'staffing.propose': { roles: ['bkpsdm'] },
  'staffing.decide': { roles: ['kepala_daerah', 'sekda'] },
  'staffing.execute': { roles: ['bkpsdm'] },
  'staffing.quota.manage': { roles: ['admin_pemda', 'bkpsdm'] },
});
