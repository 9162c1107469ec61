import { isUser, type Actor, type UserActor } from '../http/context';
import { AppError, CommonErrors } from '../http/errors';

/** Routes of tenant modules act inside the caller's Pemda: only a Pemda account has one (superadmin does not). */
export function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
  return actor;
}
