import QRCode from 'qrcode';
import { TOTP_REQUIRED_ROLES, type Role } from '../../../contracts/roles';
import { AppError, CommonErrors } from '../../http/errors';
import { inTransaction, type Ctx, type PlatformActor, type UserActor } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import type { SecretBox } from '../../platform/secrets';
import { AuthErrors } from './errors';
import { dummyVerify, hashPassword, verifyPassword, weakPasswordReason } from './password';
import { createPlatformSession, createUserSession, destroySession, setSessionStage } from './session';
import type { SessionStage } from './tables';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** Either kind of account, seen through the fields login needs. */
interface Account {
  kind: 'user' | 'platform';
  pemdaId: string | null;
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
}

async function findAccounts(ctx: Ctx, email: string, pemdaCode?: string): Promise<Account[]> {
  const lower = email.trim().toLowerCase();
  const platform = await ctx.db.selectFrom('platform_user').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', lower)).where('active', '=', true).executeTakeFirst();
  if (platform) {
    return [
      {
        kind: 'platform',
        pemdaId: null,
        id: platform.id,
        email: platform.email,
        role: 'superadmin',
        passwordHash: platform.password_hash,
        totpSecret: platform.totp_secret,
        totpEnabled: platform.totp_enabled,
        failedLogins: platform.failed_logins,
        lockedUntil: platform.locked_until,
        mustChangePassword: false,
      },
    ];
  }
  let query = ctx.db
    .selectFrom('app_user as u')
    .innerJoin('pemda as p', 'p.id', 'u.pemda_id')
    .selectAll('u')
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', lower))
    .where('u.active', '=', true);
  if (pemdaCode) query = query.where('p.kode_wilayah', '=', pemdaCode);
  const users = await query.execute();
  return users.map((u) => ({
    kind: 'user' as const,
    pemdaId: u.pemda_id,
    id: u.id,
    email: u.email,
    role: u.role,
    passwordHash: u.password_hash,
    totpSecret: u.totp_secret,
    totpEnabled: u.totp_enabled,
    failedLogins: u.failed_logins,
    lockedUntil: u.locked_until,
    mustChangePassword: u.must_change_password,
  }));
}

async function recordFailure(ctx: Ctx, account: Account, reason: string): Promise<void> {
  const failed = account.failedLogins + 1;
  const lock = failed >= MAX_FAILED_LOGINS;
  const set = { failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : account.lockedUntil };
  await inTransaction(ctx, async (tx) => {
    if (account.kind === 'platform') {
      await tx.db.updateTable('platform_user').set(set).where('id', '=', account.id).execute();
      return;
    }
    const pemdaId = account.pemdaId as string;
    await tx.db.updateTable('app_user').set(set).where('pemda_id', '=', pemdaId).where('id', '=', account.id).execute();
    await writeAudit(tx, { pemdaId, action: lock ? 'auth.locked' : 'auth.login_failed', entityType: 'app_user', entityId: account.id, detail: { reason } });
  });
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
  pemdaCode?: string | undefined;
}

export interface LoginResult {
  cookie: string;
  stage: SessionStage;
}

export async function login(ctx: Ctx, secrets: SecretBox, input: LoginInput): Promise<LoginResult> {
  const accounts = await findAccounts(ctx, input.email, input.pemdaCode);
  if (accounts.length > 1) throw new AppError(AuthErrors.AUTH_PEMDA_REQUIRED);
  const account = accounts[0];
  if (!account) {
    await dummyVerify(input.password);
    throw new AppError(AuthErrors.AUTH_INVALID_CREDENTIALS);
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) {
    const minutes = Math.ceil((account.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError(AuthErrors.AUTH_LOCKED, { minutes });
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await recordFailure(ctx, account, 'password');
    throw new AppError(AuthErrors.AUTH_INVALID_CREDENTIALS);
  }
  if (account.totpEnabled && account.totpSecret) {
    if (!input.totp) throw new AppError(AuthErrors.AUTH_TOTP_REQUIRED);
    if (!verifyTotp(secrets.open(account.totpSecret), input.totp)) {
      await recordFailure(ctx, account, 'totp');
      throw new AppError(AuthErrors.AUTH_TOTP_INVALID);
    }
  }
  const stage: SessionStage =
    TOTP_REQUIRED_ROLES.has(account.role) && !account.totpEnabled ? 'totp_enroll' : account.mustChangePassword ? 'password_change' : 'full';
  return inTransaction(ctx, async (tx) => {
    if (account.kind === 'platform') {
      await tx.db.updateTable('platform_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
      return { cookie: await createPlatformSession(tx.db, account.id, stage), stage };
    }
    const pemdaId = account.pemdaId as string;
    await tx.db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
      .where('pemda_id', '=', pemdaId)
      .where('id', '=', account.id)
      .execute();
    const cookie = await createUserSession(tx.db, pemdaId, account.id, stage);
    await writeAudit({ ...tx, actor: { kind: 'system', role: 'system', name: account.email } }, {
      pemdaId,
      action: 'auth.login',
      entityType: 'app_user',
      entityId: account.id,
      detail: { stage },
    });
    return { cookie, stage };
  });
}

export async function logout(ctx: Ctx, actor: UserActor | PlatformActor): Promise<void> {
  await destroySession(ctx.db, actor);
}

type SignedIn = UserActor | PlatformActor;

async function loadSecretRow(ctx: Ctx, actor: SignedIn) {
  if (actor.kind === 'platform') {
    const row = await ctx.db.selectFrom('platform_user').select(['email', 'password_hash', 'totp_secret', 'totp_pending_secret', 'totp_enabled']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
    return { ...row, must_change_password: false, role: 'superadmin' as Role };
  }
  return ctx.db
    .selectFrom('app_user')
    .select(['email', 'password_hash', 'totp_secret', 'totp_pending_secret', 'totp_enabled', 'must_change_password', 'role'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
}

async function updateAccount(
  ctx: Ctx,
  actor: SignedIn,
  set: { totp_secret?: string | null; totp_pending_secret?: string | null; totp_enabled?: boolean; password_hash?: string; must_change_password?: boolean },
) {
  if (actor.kind === 'platform') {
    const { must_change_password: _ignored, ...platformSet } = set;
    await ctx.db.updateTable('platform_user').set(platformSet).where('id', '=', actor.userId).execute();
    return;
  }
  await ctx.db.updateTable('app_user').set({ ...set, updated_at: new Date() }).where('pemda_id', '=', actor.pemdaId).where('id', '=', actor.userId).execute();
}

/**
 * Starts enrolling an authenticator. The new secret waits as pending: a factor already in use keeps working until
 * the new one's first code is confirmed (activateTotp), so starting and abandoning a set-up weakens nothing.
 */
export async function startTotpSetup(ctx: Ctx, secrets: SecretBox, actor: SignedIn): Promise<{ uri: string; secret: string; qrSvg: string }> {
  const secret = newTotpSecret();
  await inTransaction(ctx, async (tx) => {
    await updateAccount(tx, actor, { totp_pending_secret: secrets.seal(secret) });
    if (actor.kind === 'user') await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'auth.totp_setup_started', entityType: 'app_user', entityId: actor.userId });
  });
  const uri = totpUri(secret, actor.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, width: 200 });
  return { uri, secret, qrSvg };
}

function nextStageAfterTotp(mustChangePassword: boolean): SessionStage {
  return mustChangePassword ? 'password_change' : 'full';
}

export async function activateTotp(ctx: Ctx, secrets: SecretBox, actor: SignedIn, code: string): Promise<SessionStage> {
  const row = await loadSecretRow(ctx, actor);
  if (!row.totp_pending_secret) throw new AppError(AuthErrors.AUTH_TOTP_NOT_STARTED);
  if (!verifyTotp(secrets.open(row.totp_pending_secret), code)) throw new AppError(AuthErrors.AUTH_TOTP_INVALID);
  const stage = actor.stage === 'totp_enroll' ? nextStageAfterTotp(row.must_change_password) : actor.stage;
  await inTransaction(ctx, async (tx) => {
    // The confirmed secret replaces the one in use, in one step.
    await updateAccount(tx, actor, { totp_secret: row.totp_pending_secret, totp_pending_secret: null, totp_enabled: true });
    await setSessionStage(tx.db, actor, stage);
    if (actor.kind === 'user') await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'auth.totp_enabled', entityType: 'app_user', entityId: actor.userId });
  });
  return stage;
}

export function assertStrongPassword(password: string, email: string): void {
  const reason = weakPasswordReason(password, email);
  if (reason === 'too_short') throw new AppError(AuthErrors.AUTH_WEAK_PASSWORD_TOO_SHORT);
  if (reason === 'too_common') throw new AppError(AuthErrors.AUTH_WEAK_PASSWORD_TOO_COMMON);
  if (reason === 'contains_email') throw new AppError(AuthErrors.AUTH_WEAK_PASSWORD_CONTAINS_EMAIL);
}

/** Changes the password and ends every other session of the account. */
export async function changePassword(ctx: Ctx, actor: SignedIn, currentPassword: string, newPassword: string): Promise<SessionStage> {
  const row = await loadSecretRow(ctx, actor);
  if (!(await verifyPassword(row.password_hash, currentPassword))) throw new AppError(AuthErrors.AUTH_WRONG_PASSWORD);
  assertStrongPassword(newPassword, row.email);
  const passwordHash = await hashPassword(newPassword);
  const stage: SessionStage = actor.stage === 'password_change' ? 'full' : actor.stage;
  await inTransaction(ctx, async (tx) => {
    await updateAccount(tx, actor, { password_hash: passwordHash, must_change_password: false });
    await setSessionStage(tx.db, actor, stage);
    if (actor.kind === 'platform') {
      await tx.db.deleteFrom('platform_session').where('user_id', '=', actor.userId).where('id', '!=', actor.sessionId).execute();
      return;
    }
    await tx.db
      .deleteFrom('user_session')
      .where('pemda_id', '=', actor.pemdaId)
      .where('user_id', '=', actor.userId)
      .where('id', '!=', actor.sessionId)
      .execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'auth.password_changed', entityType: 'app_user', entityId: actor.userId });
  });
  return stage;
}

export function requireSignedIn(actor: Ctx['actor']): SignedIn {
  if (actor.kind !== 'user' && actor.kind !== 'platform') throw new AppError(CommonErrors.UNAUTHENTICATED);
  return actor;
}
