import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { PlatformActor, UserActor } from '../../http/context';
import type { SessionStage } from './tables';

/**
 * Sessions are rows in the database (several server processes share them). The cookie holds
 * `<pemda id>.<token>` (or `p.<token>` for the platform superadmin); the row's id is the SHA-256 of the token, so
 * a stolen database does not yield usable cookies. Leading with the Pemda id lets a sharded deployment route
 * the lookup to the right shard.
 */
export const SESSION_COOKIE = 'pamong_session';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createUserSession(db: Kysely<DB>, pemdaId: string, userId: string, stage: SessionStage): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('user_session')
    .values({ pemda_id: pemdaId, id: hashToken(token), user_id: userId, stage, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
    .execute();
  return `${pemdaId}.${token}`;
}

export async function createPlatformSession(db: Kysely<DB>, userId: string, stage: SessionStage): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('platform_session')
    .values({ id: hashToken(token), user_id: userId, stage, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
    .execute();
  return `p.${token}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function resolveSession(db: Kysely<DB>, cookie: string | undefined): Promise<UserActor | PlatformActor | null> {
  if (!cookie) return null;
  const dot = cookie.indexOf('.');
  if (dot < 1) return null;
  const scope = cookie.slice(0, dot);
  const token = cookie.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = hashToken(token);
  const now = new Date();
  if (scope === 'p') {
    const row = await db
      .selectFrom('platform_session as s')
      .innerJoin('platform_user as u', 'u.id', 's.user_id')
      .select(['s.id', 's.stage', 's.last_seen_at', 's.expires_at', 'u.id as userId', 'u.name', 'u.email', 'u.active'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row || !row.active || row.expires_at <= now) return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await db
        .updateTable('platform_session')
        .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_IDLE_MS) })
        .where('id', '=', id)
        .execute();
    }
    return { kind: 'platform', userId: row.userId, role: 'superadmin', name: row.name, email: row.email, stage: row.stage, sessionId: id };
  }
  if (!UUID.test(scope)) return null;
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 's.pemda_id').onRef('u.id', '=', 's.user_id'))
    .select([
      's.id',
      's.stage',
      's.last_seen_at',
      's.expires_at',
      'u.id as userId',
      'u.pemda_id as pemdaId',
      'u.role',
      'u.opd_id as opdId',
      'u.pegawai_id as pegawaiId',
      'u.name',
      'u.email',
      'u.active',
    ])
    .where('s.pemda_id', '=', scope)
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at <= now) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where('pemda_id', '=', scope)
      .where('id', '=', id)
      .execute();
  }
  return {
    kind: 'user',
    pemdaId: row.pemdaId,
    userId: row.userId,
    role: row.role,
    opdId: row.opdId,
    pegawaiId: row.pegawaiId,
    name: row.name,
    email: row.email,
    stage: row.stage,
    sessionId: id,
  };
}

export async function destroySession(db: Kysely<DB>, actor: UserActor | PlatformActor): Promise<void> {
  if (actor.kind === 'platform') {
    await db.deleteFrom('platform_session').where('id', '=', actor.sessionId).execute();
    return;
  }
  await db.deleteFrom('user_session').where('pemda_id', '=', actor.pemdaId).where('id', '=', actor.sessionId).execute();
}

export async function setSessionStage(db: Kysely<DB>, actor: UserActor | PlatformActor, stage: SessionStage): Promise<void> {
  if (actor.kind === 'platform') {
    await db.updateTable('platform_session').set({ stage }).where('id', '=', actor.sessionId).execute();
    return;
  }
  await db
    .updateTable('user_session')
    .set({ stage })
    .where('pemda_id', '=', actor.pemdaId)
    .where('id', '=', actor.sessionId)
    .execute();
}

export async function purgeExpiredSessions(db: Kysely<DB>): Promise<number> {
  const now = new Date();
  const a = await db.deleteFrom('user_session').where('expires_at', '<', now).executeTakeFirst();
  const b = await db.deleteFrom('platform_session').where('expires_at', '<', now).executeTakeFirst();
  return Number(a.numDeletedRows) + Number(b.numDeletedRows);
}
