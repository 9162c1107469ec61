import type { UserActor } from '../../http/context';
import { definePolicy, PEMDA_WIDE, type Resource } from '../../platform/policy';

/**
 * Who does what with public complaints (BRIEF 4.8) and IKM (4.7). OPD staff see and handle the complaints routed to
 * their OPD; Pemda-wide roles see all; the coordinator (sekda, admin Pemda) re-routes any complaint ("no wrong
 * door") and merges across OPDs. The reporter's identity is shown only to those who handle the complaint.
 */
export const COORDINATOR_ROLES = ['sekda', 'admin_pemda'] as const;
const isCoordinator = (actor: UserActor) => (COORDINATOR_ROLES as readonly string[]).includes(actor.role);
const opdOrPemdaWide = (actor: UserActor, resource: Resource) =>
  (PEMDA_WIDE as readonly string[]).includes(actor.role) || resource.opdId === actor.opdId || 'hidden';
const ownOpdOrCoordinator = (actor: UserActor, resource: Resource) => {
  if (isCoordinator(actor)) return true;
  if (resource.opdId === actor.opdId) return true;
  return (PEMDA_WIDE as readonly string[]).includes(actor.role) ? false : 'hidden';
};

export const ComplaintActions = definePolicy({
  'complaints.read': { roles: [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'], check: opdOrPemdaWide },
  'complaints.handle': { roles: ['kepala_opd', 'operator_opd', ...COORDINATOR_ROLES], check: ownOpdOrCoordinator },
  'complaints.coordinate': { roles: COORDINATOR_ROLES },
  'complaints.catalogue.manage': { roles: ['admin_pemda'] },
  // Open311 api_keys are credentials of outside applications: only the Pemda's administrator issues and revokes them.
  'complaints.open311.manage': { roles: ['admin_pemda'] },
  'ikm.read': { roles: [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'], check: opdOrPemdaWide },
  'ikm.manage': { roles: ['admin_pemda'] },
});
