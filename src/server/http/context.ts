import type { Kysely, Transaction } from 'kysely';
import type { Role, TenantRole } from '../../contracts/roles';
import type { DB } from '../db/schema';
import type { SessionStage } from '../modules/auth/tables';
import type { Lang } from './errors';

export interface AnonymousActor {
  kind: 'anonymous';
  role: 'public';
}

export interface UserActor {
  kind: 'user';
  pemdaId: string;
  userId: string;
  role: TenantRole;
  opdId: string | null;
  pegawaiId: string | null;
  name: string;
  email: string;
  stage: SessionStage;
  sessionId: string;
}

export interface PlatformActor {
  kind: 'platform';
  userId: string;
  role: Extract<Role, 'superadmin'>;
  name: string;
  email: string;
  stage: SessionStage;
  sessionId: string;
}

/** The scheduler and the CLI act as the system. */
export interface SystemActor {
  kind: 'system';
  role: 'system';
  name: string;
}

export type Actor = AnonymousActor | UserActor | PlatformActor | SystemActor;
export type SignedInActor = UserActor | PlatformActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous', role: 'public' };
export const SYSTEM: SystemActor = { kind: 'system', role: 'system', name: 'system' };

/** What every service function receives: the database (or the current transaction) and who is asking. */
export interface Ctx {
  db: Kysely<DB>;
  actor: Actor;
  requestId: string;
  ip: string | null;
  lang: Lang;
}

/** A context inside a transaction: required by anything that mutates (the audit row joins the same transaction). */
export interface TxCtx extends Ctx {
  db: Transaction<DB>;
}

export async function inTransaction<T>(ctx: Ctx, fn: (tx: TxCtx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx as TxCtx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

export function systemCtx(db: Kysely<DB>, requestId = 'system'): Ctx {
  return { db, actor: SYSTEM, requestId, ip: null, lang: 'id' };
}

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}
