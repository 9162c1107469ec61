import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { OPD_ROLES, type TenantRole } from '../../../contracts/roles';
import type { TMe, TUser } from '../../../contracts/auth';
import { AppError } from '../../http/errors';
import { inTransaction, type Ctx, type PlatformActor, type UserActor } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { abilitiesOf } from '../../platform/policy';
import { OrgErrors } from '../org/errors';
import { AuthErrors } from './errors';
import { hashPassword } from './password';

export function temporaryPassword(): string {
  // 16 characters from an alphabet without look-alikes, easy to read out over the phone.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function describeMe(ctx: Ctx, actor: UserActor | PlatformActor): Promise<TMe> {
  if (actor.kind === 'platform') {
    const account = await ctx.db.selectFrom('platform_user').select('totp_enabled').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    return { kind: 'platform', userId: actor.userId, name: actor.name, email: actor.email, role: 'superadmin', stage: actor.stage, totpEnabled: account.totp_enabled, opdId: null, opdName: null, pegawaiId: null, pemda: null, abilities: abilitiesOf(actor) };
  }
  const pemda = await ctx.db.selectFrom('pemda').select(['id', 'kode_wilayah', 'name', 'kind', 'synthetic']).where('id', '=', actor.pemdaId).executeTakeFirstOrThrow();
  const account = await ctx.db.selectFrom('app_user').select('totp_enabled').where('pemda_id', '=', actor.pemdaId).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const opd = actor.opdId
    ? await ctx.db.selectFrom('opd').select('name').where('pemda_id', '=', actor.pemdaId).where('id', '=', actor.opdId).executeTakeFirst()
    : undefined;
  return {
    kind: 'user',
    userId: actor.userId,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    stage: actor.stage,
    totpEnabled: account.totp_enabled,
    opdId: actor.opdId,
    opdName: opd?.name ?? null,
    pegawaiId: actor.pegawaiId,
    pemda: { id: pemda.id, kodeWilayah: pemda.kode_wilayah, name: pemda.name, kind: pemda.kind, synthetic: pemda.synthetic },
    abilities: abilitiesOf(actor),
  };
}

const userColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.role',
  'u.opd_id',
  'o.name as opd_name',
  'u.active',
  'u.totp_enabled',
  'u.last_login_at',
  'u.locked_until',
] as const;

function present(row: {
  id: string;
  email: string;
  name: string;
  role: TenantRole;
  opd_id: string | null;
  opd_name: string | null;
  active: boolean;
  totp_enabled: boolean;
  last_login_at: Date | null;
  locked_until: Date | null;
}): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    opdId: row.opd_id,
    opdName: row.opd_name,
    active: row.active,
    totpEnabled: row.totp_enabled,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
  };
}

function baseQuery(ctx: Ctx, pemdaId: string) {
  return ctx.db
    .selectFrom('app_user as u')
    .leftJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'u.pemda_id').onRef('o.id', '=', 'u.opd_id'))
    .select(userColumns)
    .where('u.pemda_id', '=', pemdaId);
}

export async function listUsers(ctx: Ctx, pemdaId: string, q?: string): Promise<TUser[]> {
  let query = baseQuery(ctx, pemdaId).orderBy('u.name').limit(500);
  if (q) query = query.where(sql<boolean>`lower(u.name || ' ' || u.email) like ${`%${q.toLowerCase()}%`}`);
  return (await query.execute()).map(present);
}

export async function getUser(ctx: Ctx, pemdaId: string, userId: string): Promise<TUser> {
  const row = await baseQuery(ctx, pemdaId).where('u.id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError(AuthErrors.USER_NOT_FOUND);
  return present(row);
}

async function assertOpd(ctx: Ctx, pemdaId: string, role: TenantRole, opdId: string | null | undefined): Promise<string | null> {
  if (!OPD_ROLES.has(role)) return opdId ?? null;
  if (!opdId) throw new AppError(AuthErrors.USER_OPD_REQUIRED, { role });
  const opd = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', opdId).executeTakeFirst();
  if (!opd) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  return opdId;
}

export interface CreateUserInput {
  email: string;
  name: string;
  role: TenantRole;
  opdId?: string | null | undefined;
  pegawaiId?: string | null | undefined;
  password?: string;
  mustChangePassword?: boolean;
}

export async function createUser(ctx: Ctx, pemdaId: string, input: CreateUserInput): Promise<{ user: TUser; temporaryPassword: string }> {
  const opdId = await assertOpd(ctx, pemdaId, input.role, input.opdId);
  const password = input.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  const userId = await inTransaction(ctx, async (tx) => {
    const taken = await tx.db
      .selectFrom('app_user')
      .select('id')
      .where('pemda_id', '=', pemdaId)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError(AuthErrors.USER_EMAIL_TAKEN, { email: input.email });
    const row = await tx.db
      .insertInto('app_user')
      .values({
        pemda_id: pemdaId,
        email: input.email.toLowerCase(),
        name: input.name,
        password_hash: passwordHash,
        role: input.role,
        opd_id: opdId,
        pegawai_id: input.pegawaiId ?? null,
        must_change_password: input.mustChangePassword ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, {
      pemdaId,
      action: 'user.created',
      entityType: 'app_user',
      entityId: row.id,
      after: { email: input.email.toLowerCase(), name: input.name, role: input.role, opd_id: opdId },
    });
    return row.id;
  });
  return { user: await getUser(ctx, pemdaId, userId), temporaryPassword: password };
}

/** A Pemda's admin account, created by the platform operator (superadmin) for a Pemda it has just set up. */
export async function createPemdaAdmin(ctx: Ctx, pemdaId: string, input: { email: string; name: string }): Promise<{ user: TUser; temporaryPassword: string }> {
  const pemda = await ctx.db.selectFrom('pemda').select('id').where('id', '=', pemdaId).executeTakeFirst();
  if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
  return createUser(ctx, pemdaId, { email: input.email, name: input.name, role: 'admin_pemda', mustChangePassword: true });
}

export async function updateUser(
  ctx: Ctx,
  pemdaId: string,
  userId: string,
  patch: { name?: string | undefined; role?: TenantRole | undefined; opdId?: string | null | undefined; active?: boolean | undefined },
): Promise<TUser> {
  const before = await getUser(ctx, pemdaId, userId);
  if (patch.active === false && ctx.actor.kind === 'user' && ctx.actor.userId === userId) throw new AppError(AuthErrors.USER_SELF_DEACTIVATE);
  const role = patch.role ?? before.role;
  const opdId = await assertOpd(ctx, pemdaId, role, patch.opdId === undefined ? before.opdId : patch.opdId);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('app_user')
      .set({ name: patch.name ?? before.name, role, opd_id: opdId, active: patch.active ?? before.active, updated_at: new Date() })
      .where('pemda_id', '=', pemdaId)
      .where('id', '=', userId)
      .execute();
    if (patch.active === false || patch.role) {
      await tx.db.deleteFrom('user_session').where('pemda_id', '=', pemdaId).where('user_id', '=', userId).execute();
    }
    await writeAudit(tx, {
      pemdaId,
      action: 'user.updated',
      entityType: 'app_user',
      entityId: userId,
      before: { name: before.name, role: before.role, opd_id: before.opdId, active: before.active },
      after: { name: patch.name ?? before.name, role, opd_id: opdId, active: patch.active ?? before.active },
    });
  });
  return getUser(ctx, pemdaId, userId);
}

/** Gives a new temporary password, clears the lock and (optionally) the second factor; ends the user's sessions. */
export async function resetUserCredentials(ctx: Ctx, pemdaId: string, userId: string, options: { resetTotp: boolean }): Promise<string> {
  await getUser(ctx, pemdaId, userId);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        ...(options.resetTotp ? { totp_enabled: false, totp_secret: null, totp_pending_secret: null } : {}),
        updated_at: new Date(),
      })
      .where('pemda_id', '=', pemdaId)
      .where('id', '=', userId)
      .execute();
    await tx.db.deleteFrom('user_session').where('pemda_id', '=', pemdaId).where('user_id', '=', userId).execute();
    await writeAudit(tx, { pemdaId, action: 'user.credentials_reset', entityType: 'app_user', entityId: userId, detail: { resetTotp: options.resetTotp } });
  });
  return password;
}
