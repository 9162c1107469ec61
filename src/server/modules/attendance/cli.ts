import fs from 'node:fs';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { loadConfig } from '../../config';
import { systemCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { openDatabase } from '../../runtime';
import { OrgErrors } from '../org/errors';
import { recomputeAndEvaluate } from './admin';
import { findDevice, importEvents, sourceFor, summaryJson } from './importer';

/**
 * `pamong import attlog FILE --device ID [--pemda KODE] [--json]`: streams the file (a progress bar by bytes on a
 * terminal), then recomputes the days it touched. With --json the summary is one object
 * { read, added, duplicates, unmapped, rejected: [{ line, reason }] }.
 */
export function attlogCommand(): Command {
  return new Command('attlog')
    .description('Import a fingerprint-machine log (ZKTeco attlog.dat, ADMS ATTLOG, or CSV/XLSX of the device mapping)')
    .argument('<file>', 'the log file')
    .requiredOption('--device <id>', 'device code (e.g. 1) or id')
    .option('--pemda <kode>', 'kode wilayah of the Pemda (default: the only Pemda)')
    .option('--json', 'print the summary as one JSON object')
    .addOption(new Option('--lang <lang>', 'language of reasons').choices(['id', 'en']).default('id'))
    .action(async (file: string, options: { device: string; pemda?: string; json?: boolean; lang: 'id' | 'en' }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const pemdas = await database.db.selectFrom('pemda').select(['id', 'kode_wilayah']).execute();
        const pemda = options.pemda ? pemdas.find((p) => p.kode_wilayah === options.pemda) : pemdas.length === 1 ? pemdas[0] : undefined;
        if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
        const ctx = { ...systemCtx(database.db, 'cli-attlog'), lang: options.lang };
        const device = await findDevice(ctx, pemda.id, options.device);
        const size = fs.statSync(file).size;
        const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
        const bar = process.stderr.isTTY && !options.json ? new SingleBar({ format: 'membaca [{bar}] {percentage}% | {lines} baris', hideCursor: true }, Presets.shades_classic) : null;
        bar?.start(Math.max(size, 1), 0, { lines: 0 });
        const summary = await importEvents(ctx, database, {
          pemdaId: pemda.id,
          device,
          filename: path.basename(file),
          source: sourceFor(device, file, stream),
          userId: null,
          onProgress: (lines) => bar?.update(stream.bytesRead, { lines }),
        });
        bar?.update(size, { lines: summary.read });
        bar?.stop();
        const after = await recomputeAndEvaluate(ctx, pemda.id);
        if (options.json) {
          console.log(JSON.stringify(summaryJson(summary, options.lang)));
          return;
        }
        console.log(`Impor selesai: ${summary.read} baris dibaca, ${summary.added} kejadian baru, ${summary.duplicates} duplikat, ${summary.unmapped} PIN belum dipetakan, ${summary.rejectedCount} ditolak; ${after.days} hari dihitung ulang, ${after.casesOpened} kasus disiplin dibuka`);
        for (const rejected of summary.rejected) console.log(`  baris ${rejected.line}: ${rejected.reason[options.lang]}`);
        if (summary.rejectedCount > summary.rejected.length) console.log(`  … dan ${summary.rejectedCount - summary.rejected.length} baris lain`);
      } finally {
        await database.close();
      }
    });
}
