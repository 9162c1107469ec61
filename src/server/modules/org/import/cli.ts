import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command, Option } from 'commander';
import { loadConfig } from '../../../config';
import { systemCtx } from '../../../http/context';
import { AppError } from '../../../http/errors';
import { openDatabase } from '../../../runtime';
import { OrgErrors } from '../errors';
import { runImport, type ImportPhase } from './service';

const PHASE_LABEL: Record<ImportPhase, string> = { parse: 'membaca berkas', check: 'memeriksa data', write: 'menyimpan' };

/**
 * `pamong import pegawai|jabatan FILE --pemda KODE [--dry-run] [--json]`, with a progress bar on a terminal. `import`
 * itself only groups its subcommands (other modules add theirs, e.g. `import attlog`): commander checks a parent's
 * required options for every subcommand, so a `--pemda` required on `import` made `import attlog` unusable.
 */
export function importCommand(): Command {
  const command = new Command('import').description('Import data from files: pegawai and jabatan (XLSX/CSV, layout: docs/import-layout.md), fingerprint-machine logs');
  for (const kind of ['pegawai', 'jabatan'] as const) command.addCommand(orgImportCommand(kind));
  return command;
}

function orgImportCommand(kind: 'pegawai' | 'jabatan'): Command {
  const command = new Command(kind).description(kind === 'pegawai' ? 'Import pegawai from XLSX/CSV' : 'Import positions (jabatan) from XLSX/CSV');
  command
    .argument('<file>', 'XLSX or CSV file')
    .requiredOption('--pemda <kode>', 'kode wilayah of the Pemda, e.g. 19.71')
    .option('--dry-run', 'check and count only; save nothing')
    .option('--json', 'print the result as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['id', 'en']).default('id'))
    .action(async (file: string, options: { pemda: string; dryRun?: boolean; json?: boolean; lang: 'id' | 'en' }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const pemda = await database.db.selectFrom('pemda').select('id').where('kode_wilayah', '=', options.pemda).executeTakeFirst();
        if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
        const bar = process.stderr.isTTY && !options.json ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true }, Presets.shades_classic) : null;
        let current: ImportPhase | null = null;
        const result = await runImport({ ...systemCtx(database.db, 'cli-import'), lang: options.lang }, database, {
          pemdaId: pemda.id,
          kind,
          buffer: fs.readFileSync(file),
          filename: path.basename(file),
          dryRun: options.dryRun ?? false,
          onProgress: (phase, done, total) => {
            if (!bar) return;
            if (phase !== current) {
              if (current) bar.stop();
              current = phase;
              bar.start(Math.max(total, 1), done, { phase: PHASE_LABEL[phase].padEnd(15) });
            } else bar.update(done);
          },
        });
        bar?.stop();
        if (options.json) {
          console.log(JSON.stringify(result));
          return;
        }
        const lang = options.lang;
        console.log(`${result.dryRun ? 'Uji coba (tidak disimpan)' : 'Impor selesai'}: ${result.totalRows} baris, ${result.inserted} baru, ${result.updated} diubah, ${result.unchanged} tetap, ${result.errors.length} ditolak`);
        for (const error of result.errors) console.log(`  baris ${error.row}${error.column ? ` [${error.column}]` : ''}: ${error.reason[lang]}`);
      } catch (error) {
        if (error instanceof AppError && error.fieldErrors) {
          console.error(error.message_(options.lang));
          for (const field of error.fieldErrors) console.error(`  baris ${field.row ?? '?'}${field.path ? ` [${field.path}]` : ''}: ${field.message}`);
          process.exitCode = 1;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });
  return command;
}
