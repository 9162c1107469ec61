import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { connectDatabase, copyLine, type Database } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrate';
import { systemCtx } from '../src/server/http/context';
import { formatAttlogLine, type AttlogRecord } from '../src/server/modules/attendance/attlog';
import { recomputeDays } from '../src/server/modules/attendance/status';
import { computeTppMonth } from '../src/server/modules/attendance/tpp';
import { monthlyRecap, monthRange } from '../src/server/modules/attendance/views';
import { addDays, loadCalendar } from '../src/server/platform/calendar';
import { seedDemoOrganisation } from '../src/server/seed/demo';
import { benchDatabase } from './support';
import type { Bench, BenchResult } from './types';

/**
 * Issue 5 §10. (1) Streaming import of BENCH_ATTLOG_LINES (default 1,000,000) ZKTeco attlog lines for the mapped
 * PINs of the seeded pegawai over the working days of one month, against raw COPY of the same rows into an empty
 * copy of att_event (LIKE … INCLUDING ALL) on the same database in this run. The file is written to disk
 * first and imported by a child process (attendance-import.child.ts), so the peak RSS printed is the import's own,
 * beside the child's RSS before it started. PGlite runs on a data directory on disk for that (the child opens it).
 * (2) Daily statuses + monthly recap + TPP for BENCH_ATTENDANCE_PEGAWAI (default 10,000) pegawai × the month's
 * working days, against a plain count-per-pegawai aggregate over the same att_day rows. The daily statuses are
 * written through the bulk path (COPY on the transaction), as the nightly job and the demo seed do.
 */
const LINES = Number(process.env.BENCH_ATTLOG_LINES ?? 1_000_000);
const PEGAWAI = Number(process.env.BENCH_ATTENDANCE_PEGAWAI ?? 10_000);
const WORKING_DAYS = 22;
const CHUNK_LINES = 10_000;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const two = (n: number) => String(n).padStart(2, '0');

/** Deterministic 32-bit hash of a few integers. */
function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * Punch j of pin p on day d: 0 check-in around 07:30 (15 % late), 1 check-out around 16:00, 2/3 break out/in,
 * further punches spread over the afternoon (state 255). Times are distinct per (pin, day, j).
 */
function punch(pin: string, p: number, d: number, j: number, date: string): AttlogRecord {
  const h = hash(p, d, j);
  let minute: number;
  let state: number;
  if (j === 0) {
    minute = 7 * 60 + 30 + (h % 1000 < 150 ? 1 + (h >>> 10) % 40 : -1 - (h >>> 10) % 30);
    state = 0;
  } else if (j === 1) {
    minute = 16 * 60 + ((h >>> 7) % 100 < 3 ? -10 - (h >>> 10) % 50 : (h >>> 10) % 40);
    state = 1;
  } else if (j === 2) {
    minute = 12 * 60 + (h >>> 10) % 5;
    state = 2;
  } else if (j === 3) {
    minute = 12 * 60 + 55 + (h >>> 10) % 5;
    state = 3;
  } else {
    minute = 13 * 60 + (j - 4) * 7 + (h >>> 10) % 5;
    state = 255;
  }
  const at = `${date} ${two(Math.floor(minute / 60))}:${two(minute % 60)}:${two((h >>> 20) % 60)}`;
  return { pin, at, device: 1, state, verify: 1, workcode: '0' };
}

/** The records of the file in order: punch index outermost, so every (pegawai, day) gets in/out first. */
function* records(pins: readonly string[], dates: readonly string[], total: number): Generator<AttlogRecord> {
  let n = 0;
  for (let j = 0; n < total; j += 1) {
    for (let d = 0; d < dates.length && n < total; d += 1) {
      for (let p = 0; p < pins.length && n < total; p += 1) {
        yield punch(pins[p] as string, p, d, j, dates[d] as string);
        n += 1;
      }
    }
  }
}

/** The attlog file as a byte stream in chunks of CHUNK_LINES lines (never the whole file in memory). */
async function* attlogStream(pins: readonly string[], dates: readonly string[], total: number): AsyncGenerator<Buffer> {
  let lines: string[] = [];
  for (const record of records(pins, dates, total)) {
    lines.push(formatAttlogLine(record, 'attlog'));
    if (lines.length >= CHUNK_LINES) {
      yield Buffer.from(`${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  if (lines.length > 0) yield Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** A month (searching back from last year) with exactly WORKING_DAYS working days in the Pemda's calendar. */
function pickMonth(isWorkingDay: (date: string) => boolean, thisYear: number): { month: string; dates: string[] } {
  for (let year = thisYear - 1; year >= thisYear - 3; year -= 1) {
    for (let m = 12; m >= 1; m -= 1) {
      const month = `${year}-${two(m)}`;
      const range = monthRange(month);
      const dates: string[] = [];
      for (let d = range.start; d <= range.end; d = addDays(d, 1)) if (isWorkingDay(d)) dates.push(d);
      if (dates.length === WORKING_DAYS) return { month, dates };
    }
  }
  throw new Error(`no month with ${WORKING_DAYS} working days found`);
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'attendance-import.child.ts');

interface ChildResult { seconds: number; added: number; rejected: number; unmapped: number; rssBefore: number; peakRss: number }

/** Runs the import in a child process (tsx loader) and returns what it printed. */
function importInChild(job: Record<string, unknown>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], { env: { ...process.env, BENCH_IMPORT: JSON.stringify(job) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`import child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ChildResult);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

/** PGlite on a data directory (the import child opens it after the parent closes it); PostgreSQL as usual. */
async function openBenchDatabase(kind: 'pglite' | 'postgres', postgresUrl: string | undefined): Promise<{ database: Database & { drop(): Promise<void> }; dataDir: string | null; reopen(): Promise<Database>; url: string | null }> {
  if (kind === 'postgres') {
    const database = await benchDatabase(kind, postgresUrl);
    const url = database.url ?? null;
    return { database, dataDir: null, url, reopen: async () => database };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-bench-att-'));
  const open = async () => connectDatabase({ kind: 'pglite', dataDir });
  const first = await open();
  await migrate(first);
  const drop = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { database: { ...first, drop: async () => { await first.close(); await drop(); } }, dataDir, url: null, reopen: open };
}

const bench: Bench = {
  name: 'attendance',
  async run(ctx) {
    const results: BenchResult[] = [];
    const linesLabel = LINES >= 1_000_000 && LINES % 1_000_000 === 0 ? `${LINES / 1_000_000}m` : `${Math.round(LINES / 1000)}k`;
    for (const kind of ctx.databases) {
      const opened = await openBenchDatabase(kind, ctx.postgresUrl);
      let database: Database = opened.database;
      const file = path.join(os.tmpdir(), `pamong-bench-attlog-${process.pid}.dat`);
      try {
        const seedStart = process.hrtime.bigint();
        const pemdaId = await seedDemoOrganisation(database, { pegawaiCount: PEGAWAI, log: (line) => ctx.log(`  ${kind}:${line}`) });
        let db = database.db;
        const device = await db.insertInto('att_device').values({ pemda_id: pemdaId, code: '1', name: 'Bench ZKTeco', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning(['id', 'code', 'kind', 'column_map']).executeTakeFirstOrThrow();
        const copyDevice = await db.insertInto('att_device').values({ pemda_id: pemdaId, code: 'copy', name: 'Bench baseline (raw COPY)', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning('id').executeTakeFirstOrThrow();
        await sql`
          INSERT INTO att_pin_map (pemda_id, device_id, pin, pegawai_id)
          SELECT ${pemdaId}::uuid, ${device.id}::uuid, (row_number() OVER (ORDER BY nip NULLS LAST, id))::text, id
          FROM pegawai WHERE pemda_id = ${pemdaId} AND active`.execute(db);
        const mapped = (await sql<{ pin: string; pegawai_id: string }>`SELECT pin, pegawai_id FROM att_pin_map WHERE pemda_id = ${pemdaId} AND device_id = ${device.id} ORDER BY pin::int`.execute(db)).rows;
        const pins = mapped.map((m) => m.pin);
        const pegawaiOf = new Map(mapped.map((m) => [m.pin, m.pegawai_id]));
        const calendar = await loadCalendar(db, pemdaId);
        const { month, dates } = pickMonth(calendar.isWorkingDay, Number(calendar.today().slice(0, 4)));
        ctx.log(`  ${kind}: seeded ${pins.length} pegawai in ${seconds(seedStart).toFixed(1)} s; ${LINES} lines over ${dates.length} working days of ${month} (${(LINES / (pins.length * dates.length)).toFixed(2)} punches per pegawai-day)`);

        // The attlog file on disk (untimed), for the import child to stream.
        const out = fs.createWriteStream(file);
        for await (const chunk of attlogStream(pins, dates, LINES)) if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

        // Baseline: raw COPY of the same rows (resolved pegawai, no parsing, no staging), this run, into an empty
        // table shaped like att_event (same columns, keys, indexes and foreign key): the import then starts from
        // an empty att_event too, instead of paying for index pages that the baseline's million rows filled first.
        await sql`CREATE TABLE att_event_copy_baseline (LIKE att_event INCLUDING ALL)`.execute(db);
        await sql`ALTER TABLE att_event_copy_baseline ADD FOREIGN KEY (pemda_id, device_id) REFERENCES att_device (pemda_id, id)`.execute(db);
        const copyStart = process.hrtime.bigint();
        const copied = await database.copyRows(
          'att_event_copy_baseline',
          ['pemda_id', 'device_id', 'pin', 'at', 'state', 'verify', 'workcode', 'pegawai_id'],
          (function* () {
            for (const r of records(pins, dates, LINES)) yield copyLine([pemdaId, copyDevice.id, r.pin, r.at, r.state, r.verify, r.workcode, pegawaiOf.get(r.pin)]);
          })(),
        );
        const copySeconds = seconds(copyStart);
        if (copied !== LINES) ctx.log(`  ${kind}: raw COPY reported ${copied} rows of ${LINES}`);

        // The module's streaming import of the file (parse, COPY to staging, INSERT … ON CONFLICT, dirty days), in
        // a child process; PGlite's data directory is handed over (closed here, reopened after).
        if (opened.dataDir) await database.close();
        const child = await importInChild({ file, kind, url: opened.url, dataDir: opened.dataDir, pemdaId, device });
        if (opened.dataDir) {
          database = await opened.reopen();
          db = database.db;
        }
        if (child.added !== LINES || child.rejected !== 0 || child.unmapped !== 0) throw new Error(`import added ${child.added} of ${LINES} (rejected ${child.rejected}, unmapped ${child.unmapped})`);
        const importRate = LINES / child.seconds;
        const copyRate = LINES / copySeconds;
        results.push({ name: `attendance.import.attlog_${linesLabel}.${kind}`, value: Math.round(importRate), unit: 'lines/s', baseline: Math.round(copyRate), ratio: importRate / copyRate, target: 'ratio >= 0.5' });
        // The import process's own peak RSS (PGlite's WASM heap included); the baseline is its RSS just before it.
        results.push({ name: `attendance.import.attlog_${linesLabel}.peak_rss.${kind}`, value: Math.round(child.peakRss / 1048576), unit: 'MB', baseline: Math.round(child.rssBefore / 1048576), ratio: null, target: '<= 512 MB' });
        ctx.log(`  ${kind}: import ${child.seconds.toFixed(2)} s, raw COPY ${copySeconds.toFixed(2)} s; import process RSS before ${(child.rssBefore / 1048576).toFixed(0)} MB, peak ${(child.peakRss / 1048576).toFixed(0)} MB`);

        await sql`DROP TABLE att_event_copy_baseline`.execute(db);
        await sql`DELETE FROM att_dirty WHERE pemda_id = ${pemdaId}`.execute(db);
        if (kind === 'postgres') {
          // The million-row import leaves autovacuum and a checkpoint due; run them now, as a quiet night would, so
          // they do not land inside the recap/TPP timing below (they made TPP alone swing from 1 s to 4.6 s).
          await sql`VACUUM (ANALYZE)`.execute(db);
          await sql`CHECKPOINT`.execute(db).catch(() => ctx.log('  postgres: CHECKPOINT not allowed for this user; timing may include one'));
        }

        // Daily statuses + recap + TPP for the month through the module's own service functions.
        const sys = systemCtx(db, 'bench');
        const range = monthRange(month);
        const today = addDays(range.end, 1);
        const monthStart = process.hrtime.bigint();
        const recomputed = await database.transactionWithCopy((trx, copy) => recomputeDays(trx, pemdaId, { from: range.start, to: range.end, today }, { copy }));
        const daysSeconds = seconds(monthStart);
        const recapStart = process.hrtime.bigint();
        const recap = await monthlyRecap(sys, { pemdaId, month, opdId: null });
        const recapSeconds = seconds(recapStart);
        const tppStart = process.hrtime.bigint();
        const tpp = await computeTppMonth(db, pemdaId, month);
        const tppSeconds = seconds(tppStart);
        const monthSeconds = seconds(monthStart);
        // Baseline: a plain aggregate over the same daily-status rows (count per pegawai), this run.
        const aggStart = process.hrtime.bigint();
        const agg = await sql<{ pegawai_id: string; n: number }>`SELECT pegawai_id, count(*)::int AS n FROM att_day WHERE pemda_id = ${pemdaId} AND date >= ${range.start}::date AND date <= ${range.end}::date GROUP BY pegawai_id`.execute(db);
        const aggSeconds = seconds(aggStart);
        const hadir = recap.pegawai.reduce((s, r) => s + r.hadir, 0);
        ctx.log(`  ${kind}: ${month}: ${recomputed.days} day rows in ${daysSeconds.toFixed(2)} s, recap of ${recap.pegawai.length} pegawai (${hadir} hadir days) ${recapSeconds.toFixed(2)} s, TPP of ${tpp.pegawai} pegawai ${tppSeconds.toFixed(2)} s; plain aggregate (${agg.rows.length} pegawai) ${aggSeconds.toFixed(3)} s`);
        // Issue 5 §10 names the recap and TPP of a month whose daily statuses exist (they are kept current as
        // events, leave and schedules change, §4); the second figure also recomputes every status of the month
        // from the raw events first, the worst case after a rule change.
        const size = `${Math.round(pins.length / 1000)}k_x_${dates.length}d`;
        const recapTppSeconds = recapSeconds + tppSeconds;
        results.push({
          name: `attendance.month.recap_tpp_${size}.${kind}`,
          value: recapTppSeconds,
          unit: 's',
          baseline: aggSeconds,
          ratio: recapTppSeconds / aggSeconds,
          target: kind === 'postgres' ? '<= 2 s' : '<= 6 s',
        });
        results.push({
          name: `attendance.month.recompute_days_recap_tpp_${size}.${kind}`,
          value: monthSeconds,
          unit: 's',
          baseline: aggSeconds,
          ratio: monthSeconds / aggSeconds,
        });
        ctx.log(`  ${kind}: load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
      } finally {
        fs.rmSync(file, { force: true });
        if (opened.dataDir) {
          await database.close().catch(() => undefined);
          fs.rmSync(opened.dataDir, { recursive: true, force: true });
        } else {
          await opened.database.drop();
        }
      }
    }
    return results;
  },
};
export default bench;
