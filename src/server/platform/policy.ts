import type { Role } from '../../contracts/roles';
import type { Actor, UserActor } from '../http/context';
import { AppError, CommonErrors } from '../http/errors';

/**
 * One policy mechanism for every module: `can(actor, action, resource)` answers, `authorize` throws.
 *
 * A rule first names the roles that may ever perform the action (checked for every route before the body is
 * read), then optionally a resource check (e.g. "only your own OPD"). Resource checks that fail because the
 * caller may not even see the resource answer 404, so nobody learns what exists in another Pemda or OPD.
 */
export interface Resource {
  pemdaId: string;
  opdId?: string | null;
  /** Extra facts a rule may need (owner, internal flag ...). */
  [key: string]: unknown;
}

export interface Rule {
  roles: readonly Role[];
  /** Resource-level check; return 'hidden' when the caller may not know the resource exists. */
  check?: (actor: UserActor, resource: Resource) => boolean | 'hidden';
  /** Actions open to anonymous callers (public pages). */
  public?: boolean;
}

const rules = new Map<string, Rule>();

export function definePolicy<const T extends Record<string, Rule>>(moduleRules: T): { [K in keyof T]: K } {
  const names = {} as { [K in keyof T]: K };
  for (const [action, rule] of Object.entries(moduleRules)) {
    if (rules.has(action)) throw new Error(`Policy action ${action} defined twice`);
    rules.set(action, rule);
    (names as Record<string, string>)[action] = action;
  }
  return names;
}

export function listPolicyActions(): Array<{ action: string; roles: readonly Role[]; public: boolean }> {
  return [...rules.entries()].map(([action, rule]) => ({ action, roles: rule.roles, public: rule.public ?? false }));
}

function ruleFor(action: string): Rule {
  const rule = rules.get(action);
  if (!rule) throw new Error(`Unknown policy action ${action}`);
  return rule;
}

/** Role-level answer: may this actor perform the action on some resource of its kind? */
export function canAtAll(actor: Actor, action: string): boolean {
  const rule = ruleFor(action);
  if (rule.public) return true;
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  return rule.roles.includes(actor.role);
}

export function check(actor: Actor, action: string, resource?: Resource): true | 'forbidden' | 'hidden' {
  const rule = ruleFor(action);
  if (actor.kind === 'system') return true;
  if (rule.public && !resource) return true;
  if (actor.kind === 'anonymous') return rule.public ? true : 'forbidden';
  if (actor.kind === 'platform') return rule.roles.includes('superadmin') ? true : 'hidden';
  if (resource && resource.pemdaId !== actor.pemdaId) return 'hidden';
  if (!rule.roles.includes(actor.role)) return rule.public ? true : resource ? 'hidden' : 'forbidden';
  if (resource && rule.check) {
    const verdict = rule.check(actor, resource);
    if (verdict === true) return true;
    return verdict === 'hidden' ? 'hidden' : 'forbidden';
  }
  return true;
}

export function can(actor: Actor, action: string, resource?: Resource): boolean {
  return check(actor, action, resource) === true;
}

export function authorize(actor: Actor, action: string, resource?: Resource): void {
  const verdict = check(actor, action, resource);
  if (verdict === true) return;
  throw new AppError(verdict === 'hidden' ? CommonErrors.NOT_FOUND : CommonErrors.FORBIDDEN);
}

/** The role-level abilities sent to the web app so it shows only buttons that work. */
export function abilitiesOf(actor: Actor): string[] {
  return [...rules.keys()].filter((action) => canAtAll(actor, action)).sort();
}

// Common resource checks shared by module policies.
export const sameOpd = (actor: UserActor, resource: Resource) => resource.opdId === actor.opdId || 'hidden';
export const PEMDA_WIDE: readonly Role[] = ['kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'inspektorat'];
export const ALL_TENANT: readonly Role[] = [...PEMDA_WIDE, 'kepala_opd', 'operator_opd', 'pegawai'];
