import fs from 'node:fs';
import { connectDatabase } from '../src/server/db/connect';
import { systemCtx } from '../src/server/http/context';
import { importEvents, parsedAttlog, type DeviceRow } from '../src/server/modules/attendance/importer';

/**
 * The attlog import of bench/attendance.bench.ts in a process of its own, so its memory is the import's alone
 * (the bench process also seeds and generates). Streams the file given in BENCH_IMPORT (JSON: file, kind, url or
 * dataDir, pemdaId, device) and prints one JSON line: seconds, the summary, RSS before the import and the peak
 * RSS (sampled every 50 ms, and the kernel's maximum for the process).
 */
const job = JSON.parse(process.env.BENCH_IMPORT ?? '{}') as { file: string; kind: 'pglite' | 'postgres'; url?: string; dataDir?: string; pemdaId: string; device: DeviceRow };
const database = await connectDatabase(job.kind === 'postgres' ? { kind: 'postgres', databaseUrl: job.url } : { kind: 'pglite', dataDir: job.dataDir });
await database.db.selectFrom('pemda').select('id').limit(1).execute();
global.gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const start = process.hrtime.bigint();
const summary = await importEvents(systemCtx(database.db, 'bench'), database, {
  pemdaId: job.pemdaId,
  device: job.device,
  filename: 'bench_attlog.dat',
  source: { format: 'attlog', lines: parsedAttlog(fs.createReadStream(job.file, { highWaterMark: 256 * 1024 }), 'attlog') },
  userId: null,
});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
await database.close();
process.stdout.write(`${JSON.stringify({ seconds, added: summary.added, rejected: summary.rejectedCount, unmapped: summary.unmapped, rssBefore, peakRss: peak })}\n`);
