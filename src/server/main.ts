import { Command, Option } from 'commander';
import { TENANT_ROLES } from '../contracts/roles';
import { firstStart, createAccount, resetAccount } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { migrate } from './db/migrate';
import { systemCtx } from './http/context';
import { AppError } from './http/errors';
import { open311Command } from './modules/complaints/cli';
import { attlogCommand } from './modules/attendance/cli';
import { importCommand } from './modules/org/import/cli';
import { seedDemoPemda } from './seed/demo';
import { verifyAuditChain } from './platform/audit';
import { openDatabase, startServer } from './runtime';

const program = new Command();
program
  .name('pamong')
  .description('Pamong: one place where a Pemda steers its OPDs and ASN.\nEnvironment: see README.md (PORT, PAMONG_DATA_DIR, DATABASE_URL, ...).')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the web server (migrates; on first start loads the demo Pemda and creates the first admin)')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    await firstStart(config, database, console.log);
    const server = await startServer(config, database);
    console.log(`Pamong berjalan di / is running at ${server.url} (database: ${database.kind})`);
    const shutdown = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    const result = await migrate(database);
    console.log(`migrations: ${result.alreadyApplied} already applied, ${result.applied.length} applied now`);
    await database.close();
  });

program
  .command('seed')
  .description('Load data sets')
  .command('demo')
  .description('Load the demo Pemda (Kota Pangkal Pinang, synthetic staff); does nothing if it exists')
  .option('--pegawai <n>', 'number of pegawai', (v) => Number.parseInt(v, 10))
  .action(async (options: { pegawai?: number }) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    const result = await seedDemoPemda(database, { pegawaiCount: options.pegawai ?? config.demoPegawai, log: console.log });
    console.log(result.created ? `demo Pemda loaded (${result.pegawai} pegawai)` : 'demo Pemda already present: nothing to do');
    await database.close();
  });

// `pamong import attlog FILE --device ID` sits beside `pamong import pegawai|jabatan FILE`.
program.addCommand(importCommand().addCommand(attlogCommand()));
program.addCommand(open311Command());

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account; prints a temporary password unless --password is given')
  .requiredOption('--email <email>', 'e-mail address (the login)')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices([...TENANT_ROLES, 'superadmin']).makeOptionMandatory())
  .option('--pemda <kode>', 'kode wilayah of the Pemda, e.g. 19.71 (not for superadmin)')
  .option('--opd <code>', 'OPD code, for kepala_opd, operator_opd and pegawai')
  .option('--password <password>', 'initial password (otherwise a temporary one is printed)')
  .action(async (options: { email: string; name: string; role: string; pemda?: string; opd?: string; password?: string }) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    const password = await createAccount(database, options);
    console.log(`account ${options.email} created${options.password ? '' : `; temporary password: ${password}`}`);
    await database.close();
  });
user
  .command('reset')
  .description('Give an account a new temporary password and unlock it')
  .requiredOption('--email <email>', 'e-mail address')
  .option('--pemda <kode>', 'kode wilayah when the e-mail exists in several Pemdas')
  .option('--totp', 'also remove the second factor (the user enrols again)')
  .action(async (options: { email: string; pemda?: string; totp?: boolean }) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    const password = await resetAccount(database, options);
    console.log(`temporary password for ${options.email}: ${password}`);
    await database.close();
  });

program
  .command('audit')
  .description('Audit trail tools')
  .command('verify')
  .description('Verify the hash chain of every Pemda (or one); exit code 1 when something was altered')
  .option('--pemda <kode>', 'kode wilayah of one Pemda')
  .action(async (options: { pemda?: string }) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    let query = database.db.selectFrom('pemda').select(['id', 'kode_wilayah', 'name']);
    if (options.pemda) query = query.where('kode_wilayah', '=', options.pemda);
    const pemdas = await query.execute();
    let failed = false;
    for (const pemda of pemdas) {
      const result = await verifyAuditChain(systemCtx(database.db).db, pemda.id);
      console.log(`${pemda.kode_wilayah} ${pemda.name}: ${result.rows} rows, ${result.ok ? 'OK' : `${result.problems.length} problem(s)`}`);
      for (const problem of result.problems) console.log(`  seq ${problem.seq} [${problem.kind}] ${problem.message}`);
      failed ||= !result.ok;
    }
    await database.close();
    process.exitCode = failed ? 1 : 0;
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) console.error(`${error.def.code}: ${error.message_('id')} / ${error.message}`);
  else console.error(error);
  process.exit(1);
});
