import { ALL_TENANT, definePolicy } from '../../platform/policy';

/** Everyone in a Pemda may read its working calendar; only its admin changes it (Perpres 21/2023 days off). */
export const CalendarActions = definePolicy({
  'calendar.read': { roles: ALL_TENANT },
  'calendar.manage': { roles: ['admin_pemda'] },
});
