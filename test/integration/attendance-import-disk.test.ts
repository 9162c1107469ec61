import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrate';
import { systemCtx } from '../../src/server/http/context';
import { formatAttlogLine } from '../../src/server/modules/attendance/attlog';
import { importEvents, parsedAttlog } from '../../src/server/modules/attendance/importer';
import { buildOpd, buildPegawai, buildPemda } from '../factories';

/**
 * The attlog import on PGlite with its data directory on disk, where COPY goes through a temporary file: a file of
 * several batches whose middle repeats lines of the first batch, so the import starts on the direct path and
 * switches to the staged one. Counts, the rows stored, the unmapped PINs and the days marked for recomputation
 * must all be exact.
 */
let dir: string;
let database: Database;
let pemdaId: string;
let device: { id: string; code: string; kind: 'zkteco'; column_map: null };
const MAPPED = 50;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-import-disk-'));
  database = await connectDatabase({ kind: 'pglite', dataDir: dir });
  await migrate(database);
  const pemda = await buildPemda(database.db);
  pemdaId = pemda.id;
  const opd = await buildOpd(database.db, pemdaId);
  const row = await database.db.insertInto('att_device').values({ pemda_id: pemdaId, code: 'd1', name: 'Disk', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning('id').executeTakeFirstOrThrow();
  device = { id: row.id, code: 'd1', kind: 'zkteco', column_map: null };
  for (let pin = 1; pin <= MAPPED; pin += 1) {
    const person = await buildPegawai(database.db, pemdaId, opd.id);
    await database.db.insertInto('att_pin_map').values({ pemda_id: pemdaId, device_id: device.id, pin: String(pin), pegawai_id: person.id }).execute();
  }
}, 120_000);
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Event i: PINs 1–60 (51–60 unmapped), 20 days of January 2025, a second per round. */
function line(i: number): string {
  const pin = String((i % 60) + 1);
  const day = String((Math.floor(i / 60) % 20) + 1).padStart(2, '0');
  const second = Math.floor(i / 1200);
  const at = `2025-01-${day} 07:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
  return formatAttlogLine({ pin, at, device: 1, state: 255, verify: 1, workcode: '0' }, 'attlog');
}

async function* chunks(lines: string[]): AsyncGenerator<Buffer> {
  for (let i = 0; i < lines.length; i += 997) yield Buffer.from(`${lines.slice(i, i + 997).join('\r\n')}\r\n`);
}

describe('attlog import on an on-disk PGlite', () => {
  it('counts exactly across batches when the file repeats itself midway', { timeout: 180_000 }, async () => {
    const first = Array.from({ length: 20_000 }, (_, i) => line(i));
    const repeats = first.slice(0, 8_000);
    const fresh = Array.from({ length: 12_000 }, (_, i) => line(20_000 + i));
    const lines = [...first, ...repeats, ...fresh];
    // Each event is about 180 bytes of COPY text: the first 20,000 fill more than one batch of PGLITE_BATCH_BYTES.
    const summary = await importEvents(systemCtx(database.db), database, { pemdaId, device, filename: 'disk.dat', source: { format: 'attlog', lines: parsedAttlog(chunks(lines), 'attlog') }, userId: null });
    // Events 0–31,999 were added once each; PIN (i mod 60) + 1 above 50 has no pegawai.
    const unmapped = Array.from({ length: 32_000 }, (_, i) => (i % 60) + 1).filter((pin) => pin > MAPPED).length;
    expect(summary).toMatchObject({ read: 40_000, added: 32_000, duplicates: 8_000, unmapped, rejectedCount: 0 });
    const stored = await sql<{ n: number; nulls: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE pegawai_id IS NULL)::int AS nulls FROM att_event WHERE pemda_id = ${pemdaId}`.execute(database.db);
    expect(stored.rows[0]).toEqual({ n: 32_000, nulls: unmapped });
    // Every mapped pegawai has events on each of the 20 days: all 50 x 20 days are marked.
    const dirty = await sql<{ n: number }>`SELECT count(*)::int AS n FROM att_dirty WHERE pemda_id = ${pemdaId}`.execute(database.db);
    expect(dirty.rows[0]?.n).toBe(MAPPED * 20);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('pamong-copy-'))).toEqual([]);

    const again = await importEvents(systemCtx(database.db), database, { pemdaId, device, filename: 'disk.dat', source: { format: 'attlog', lines: parsedAttlog(chunks(lines), 'attlog') }, userId: null });
    expect(again).toMatchObject({ read: 40_000, added: 0, duplicates: 40_000 });
  });
});
