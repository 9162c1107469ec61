import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, copyLine, type Database } from './connect';
import { CopyBuffer } from './copy-buffer';

/**
 * COPY on PGlite with a data directory on disk goes through a temporary file that PostgreSQL reads itself (no
 * JavaScript copy of the bytes). Lines and bytes both land, a rolled-back transaction keeps none of them, odd
 * values survive the round trip, and no temporary file is left behind.
 */
describe('PGlite COPY through a file in the data directory', () => {
  let dir: string;
  let database: Database;
  const copyFiles = () => fs.readdirSync(dir).filter((name) => name.startsWith('pamong-copy-'));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-copy-test-'));
    // A file left by a crashed COPY is removed when the database opens.
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pamong-copy-1-1.tmp'), 'stale');
    database = await connectDatabase({ kind: 'pglite', dataDir: dir });
    await sql`CREATE TABLE copy_probe (id int PRIMARY KEY, label text, at timestamp)`.execute(database.db);
  }, 60_000);

  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('removes a stale copy file at start', () => {
    expect(copyFiles()).toEqual([]);
  });

  it('copies lines and encoded bytes, with tabs, newlines, backslashes and nulls escaped', async () => {
    const odd = 'tab\there, line\nbreak, back\\slash, ümlaut';
    const lines = await database.copyRows('copy_probe', ['id', 'label', 'at'], [copyLine([1, odd, '2025-10-01 07:30:00']), copyLine([2, null, null])]);
    expect(lines).toBe(2);
    const buffer = new CopyBuffer(16);
    for (let id = 3; id <= 1000; id += 1) buffer.push(copyLine([id, `label ${id}`, '2025-10-02 16:00:00']));
    expect(buffer.lines).toBe(998);
    const copied = await database.transactionWithCopy((_trx, copy) => copy('copy_probe', ['id', 'label', 'at'], buffer.bytes()));
    expect(copied).toBe(998);
    const rows = await sql<{ id: number; label: string | null }>`SELECT id, label FROM copy_probe WHERE id IN (1, 2, 1000) ORDER BY id`.execute(database.db);
    expect(rows.rows).toEqual([{ id: 1, label: odd }, { id: 2, label: null }, { id: 1000, label: 'label 1000' }]);
    expect(copyFiles()).toEqual([]);
  });

  it('rolls a copy back with its transaction and cleans up after a failed copy', async () => {
    await expect(
      database.transactionWithCopy(async (_trx, copy) => {
        await copy('copy_probe', ['id', 'label', 'at'], [copyLine([5000, 'kept?', null])]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // A duplicate key fails the COPY itself.
    await expect(database.transactionWithCopy((_trx, copy) => copy('copy_probe', ['id', 'label', 'at'], [copyLine([1, 'again', null])]))).rejects.toMatchObject({ code: '23505' });
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_probe WHERE id = 5000`.execute(database.db);
    expect(count.rows[0]?.n).toBe(0);
    expect(copyFiles()).toEqual([]);
  });

  it('copies nothing from an empty source', async () => {
    expect(await database.copyRows('copy_probe', ['id', 'label', 'at'], [])).toBe(0);
    expect(await database.copyRows('copy_probe', ['id', 'label', 'at'], new Uint8Array(0))).toBe(0);
  });
});
