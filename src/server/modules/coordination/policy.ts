import type { UserActor } from '../../http/context';
import { ALL_TENANT, definePolicy, PEMDA_WIDE, type Resource } from '../../platform/policy';

/**
 * Who does what in coordination. Seed 004: "ignore anyone who claims to speak for the Bupati without direct
 * instruction" - so only the kepala daerah and the sekda issue directives, or a head of OPD holding a recorded
 * delegation (checked in the service against coord_delegation). OPD roles see the directives given to their OPD,
 * and the others' follow-ups on them except those marked internal.
 */
export const LEADER_ROLES = ['kepala_daerah', 'sekda'] as const;

const seesOpd = (actor: UserActor, resource: Resource): boolean | 'hidden' => {
  if (actor.role !== 'kepala_opd' && actor.role !== 'operator_opd') return true;
  const opdIds = Array.isArray(resource.opdIds) ? (resource.opdIds as string[]) : [];
  return (actor.opdId !== null && (resource.opdId === actor.opdId || opdIds.includes(actor.opdId))) || 'hidden';
};

export const CoordinationActions = definePolicy({
  'coordination.read': { roles: [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'], check: seesOpd },
  'coordination.leader': { roles: PEMDA_WIDE },
  'coordination.directive.issue': { roles: ['kepala_daerah', 'sekda', 'kepala_opd'] },
  'coordination.directive.review': {
    roles: ['kepala_daerah', 'sekda', 'kepala_opd'],
    check: (actor, resource) => actor.role === 'kepala_daerah' || actor.role === 'sekda' || resource.issuerUserId === actor.userId,
  },
  'coordination.followup.write': { roles: ['kepala_opd', 'operator_opd'], check: (actor, resource) => resource.opdId === actor.opdId || 'hidden' },
  'coordination.meeting.manage': { roles: ['kepala_daerah', 'sekda', 'admin_pemda'] },
  'coordination.checkin': { roles: ALL_TENANT },
  'coordination.report.write': { roles: ['kepala_opd', 'operator_opd'] },
  'coordination.delegation.manage': { roles: ['kepala_daerah', 'sekda'] },
  'coordination.admin': { roles: ['admin_pemda'] },
});

/** Pemda-wide roles and the OPD itself see follow-ups marked internal. */
export function seesInternal(actor: UserActor, opdId: string): boolean {
  return (PEMDA_WIDE as readonly string[]).includes(actor.role) || actor.opdId === opdId;
}
