import { ALL_TENANT, definePolicy, type Resource } from '../../platform/policy';
import type { UserActor } from '../../http/context';

/**
 * Who may do what with attendance, discipline and TPP. A pegawai sees their own, an OPD head and operator their
 * OPD, BKPSDM (and the leaders) all; the inspektorat handles discipline cases.
 */
const OPD_SCOPED = new Set(['kepala_opd', 'operator_opd', 'pegawai']);
/** OPD roles only see their own OPD (answering 404 elsewhere); Pemda-wide roles see every OPD. */
export const ownOpd = (actor: UserActor, resource: Resource) => (!OPD_SCOPED.has(actor.role) || resource.opdId === actor.opdId ? true : 'hidden');

export const AttendanceActions = definePolicy({
  'attendance.self': { roles: ALL_TENANT },
  'attendance.read': { roles: ['kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'attendance.manage': { roles: ['admin_pemda', 'bkpsdm'] },
  'attendance.roster': { roles: ['admin_pemda', 'bkpsdm', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'attendance.leave.decide': { roles: ['bkpsdm', 'kepala_opd'], check: ownOpd },
  'discipline.read': { roles: ['kepala_daerah', 'sekda', 'bkpsdm', 'inspektorat', 'kepala_opd'], check: ownOpd },
  'discipline.manage': { roles: ['bkpsdm', 'inspektorat'] },
  'discipline.decide': { roles: ['kepala_daerah', 'sekda', 'kepala_opd'], check: ownOpd },
  'tpp.read': { roles: ['kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'kepala_opd', 'operator_opd'], check: ownOpd },
  'tpp.manage': { roles: ['bkpsdm'] },
});
