import type { TenantRole } from '../contracts/roles';
import type { Config } from './config';
import type { Database } from './db/connect';
import { inTransaction, systemCtx } from './http/context';
import { AppError } from './http/errors';
import { AuthErrors } from './modules/auth/errors';
import { hashPassword } from './modules/auth/password';
import { createUser, resetUserCredentials, temporaryPassword } from './modules/auth/users';
import { OrgErrors } from './modules/org/errors';
import { analyzeIfEmbedded } from './modules/system/analyze';
import { DEMO_KODE, seedDemoPemda } from './seed/demo';

const DEFAULT_ADMIN_EMAIL = 'admin@pangkalpinang.demo';

/**
 * First start: load the demo Pemda unless told not to, and make sure someone can sign in. Without the demo, the
 * first admin is the platform superadmin, who creates the real Pemda.
 */
export async function firstStart(config: Config, database: Database, log: (line: string) => void): Promise<void> {
  const { db } = database;
  const anyPemda = await db.selectFrom('pemda').select('id').limit(1).executeTakeFirst();
  const wantDemo = config.seedDemo === 'true' || (config.seedDemo === 'auto' && !anyPemda);
  if (wantDemo) {
    await seedDemoPemda(database, { pegawaiCount: config.demoPegawai, log });
    // The demo filled every table at once: give PGlite's planner real statistics before the first request.
    await analyzeIfEmbedded(db);
  }

  const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  const anyPlatform = await db.selectFrom('platform_user').select('id').limit(1).executeTakeFirst();
  if (anyUser || anyPlatform) return;

  const email = (config.adminEmail ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const password = config.adminPassword ?? temporaryPassword();
  const demo = await db.selectFrom('pemda').select('id').where('kode_wilayah', '=', DEMO_KODE).executeTakeFirst();
  const ctx = systemCtx(db, 'first-start');
  if (demo) {
    await createUser(ctx, demo.id, { email, name: 'Admin Pemda (demo)', role: 'admin_pemda', password, mustChangePassword: false });
    const demoAccounts = await createDemoAccounts(database, demo.id, password);
    log('');
    log('==================================================================');
    log(' Pamong siap / ready. Masuk / sign in:');
    log(`   email:      ${email}`);
    log(`   kata sandi: ${config.adminPassword ? '(PAMONG_ADMIN_PASSWORD)' : password}`);
    log(' Admin, Sekda dan Kepala Daerah mengaktifkan TOTP saat pertama masuk.');
    log(' Admin, Sekda and the regional head set up TOTP at first sign-in.');
    log(' Akun demo lain (kata sandi sama) / other demo accounts (same password):');
    for (const account of demoAccounts) log(`   ${account.role.padEnd(14)} ${account.email}`);
    log('==================================================================');
    log('');
    return;
  }
  await db.insertInto('platform_user').values({ email, name: 'Platform superadmin', password_hash: await hashPassword(password) }).execute();
  log(`Superadmin platform dibuat / created: ${email}${config.adminPassword ? '' : `  kata sandi / password: ${password}`}`);
}

const DEMO_ACCOUNTS: Array<{ role: TenantRole; email: string; name: string; opdCode?: string }> = [
  { role: 'kepala_daerah', email: 'walikota@pangkalpinang.demo', name: 'Pj Wali Kota (demo)' },
  { role: 'sekda', email: 'sekda@pangkalpinang.demo', name: 'Sekretaris Daerah (demo)' },
  { role: 'bkpsdm', email: 'bkpsdm@pangkalpinang.demo', name: 'Operator BKPSDM (demo)' },
  { role: 'inspektorat', email: 'inspektorat@pangkalpinang.demo', name: 'Auditor Inspektorat (demo)' },
  { role: 'kepala_opd', email: 'kadinkes@pangkalpinang.demo', name: 'Kepala Dinas Kesehatan (demo)', opdCode: 'DINKES' },
  { role: 'operator_opd', email: 'operator.dinkes@pangkalpinang.demo', name: 'Operator Dinas Kesehatan (demo)', opdCode: 'DINKES' },
  { role: 'kepala_opd', email: 'camat.bukitintan@pangkalpinang.demo', name: 'Camat Bukit Intan (demo)', opdCode: 'KEC-BUKITINTAN' },
  { role: 'pegawai', email: 'pegawai@pangkalpinang.demo', name: 'Pegawai Dinas Kesehatan (demo)', opdCode: 'DINKES' },
];

async function createDemoAccounts(database: Database, pemdaId: string, password: string) {
  const created: Array<{ role: TenantRole; email: string }> = [];
  const ctx = systemCtx(database.db, 'first-start');
  for (const account of DEMO_ACCOUNTS) {
    const opd = account.opdCode
      ? await database.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('code', '=', account.opdCode).executeTakeFirst()
      : undefined;
    if (account.opdCode && !opd) continue;
    const pegawaiId = opd ? await demoPegawaiFor(database, pemdaId, opd.id, account.role === 'kepala_opd') : null;
    await createUser(ctx, pemdaId, { email: account.email, name: account.name, role: account.role, opdId: opd?.id ?? null, pegawaiId, password, mustChangePassword: false });
    created.push({ role: account.role, email: account.email });
  }
  return created;
}

/**
 * Links a demo account to a pegawai of its OPD so "my attendance" and the like show real rows: the head of the
 * OPD for a kepala_opd account, otherwise the first PNS of the OPD by NIP.
 */
async function demoPegawaiFor(database: Database, pemdaId: string, opdId: string, head: boolean): Promise<string | null> {
  const { db } = database;
  if (head) {
    const holder = await db
      .selectFrom('jabatan_holder as h')
      .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'h.pemda_id').onRef('j.id', '=', 'h.jabatan_id'))
      .select('h.pegawai_id')
      .where('h.pemda_id', '=', pemdaId)
      .where('j.opd_id', '=', opdId)
      .where('j.is_opd_head', '=', true)
      .where('h.end_date', 'is', null)
      .executeTakeFirst();
    if (holder) return holder.pegawai_id;
  }
  const taken = db.selectFrom('app_user').select('pegawai_id').where('pemda_id', '=', pemdaId).where('pegawai_id', 'is not', null);
  const pegawai = await db
    .selectFrom('pegawai')
    .select('id')
    .where('pemda_id', '=', pemdaId)
    .where('opd_id', '=', opdId)
    .where('status', '=', 'PNS')
    .where('id', 'not in', taken as never)
    .orderBy('nip')
    .executeTakeFirst();
  return pegawai?.id ?? null;
}

export async function createAccount(
  database: Database,
  options: { email: string; name: string; role: string; pemda?: string; opd?: string; password?: string },
): Promise<string> {
  const { db } = database;
  if (options.role === 'superadmin') {
    const password = options.password ?? temporaryPassword();
    await db.insertInto('platform_user').values({ email: options.email.toLowerCase(), name: options.name, password_hash: await hashPassword(password) }).execute();
    return password;
  }
  if (!options.pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
  const pemda = await db.selectFrom('pemda').select('id').where('kode_wilayah', '=', options.pemda).executeTakeFirst();
  if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
  let opdId: string | null = null;
  if (options.opd) {
    const opd = await db.selectFrom('opd').select('id').where('pemda_id', '=', pemda.id).where('code', '=', options.opd).executeTakeFirst();
    if (!opd) throw new AppError(OrgErrors.OPD_NOT_FOUND);
    opdId = opd.id;
  }
  const result = await createUser(systemCtx(db, 'cli'), pemda.id, {
    email: options.email,
    name: options.name,
    role: options.role as TenantRole,
    opdId,
    ...(options.password ? { password: options.password, mustChangePassword: false } : {}),
  });
  return result.temporaryPassword;
}

export async function resetAccount(database: Database, options: { email: string; pemda?: string; totp?: boolean }): Promise<string> {
  const { db } = database;
  const email = options.email.toLowerCase();
  const platform = await db.selectFrom('platform_user').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
  if (platform) {
    const password = temporaryPassword();
    await inTransaction(systemCtx(db, 'cli'), async (tx) => {
      await tx.db
        .updateTable('platform_user')
        .set({ password_hash: await hashPassword(password), failed_logins: 0, locked_until: null, ...(options.totp ? { totp_enabled: false, totp_secret: null, totp_pending_secret: null } : {}) })
        .where('id', '=', platform.id)
        .execute();
      await tx.db.deleteFrom('platform_session').where('user_id', '=', platform.id).execute();
    });
    return password;
  }
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('pemda as p', 'p.id', 'u.pemda_id')
    .select(['u.id', 'u.pemda_id'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email));
  if (options.pemda) query = query.where('p.kode_wilayah', '=', options.pemda);
  const users = await query.execute();
  if (users.length > 1) throw new AppError(AuthErrors.AUTH_PEMDA_REQUIRED);
  const target = users[0];
  if (!target) throw new AppError(AuthErrors.USER_NOT_FOUND);
  return resetUserCredentials(systemCtx(db, 'cli'), target.pemda_id, target.id, { resetTotp: options.totp ?? false });
}
