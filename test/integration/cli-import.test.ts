import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, pgliteDataDir } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrate';
import { buildOpd, buildPegawai, buildPemda } from '../factories';

/**
 * The `pamong import …` commands as an operator types them (the real binary, a PGlite data directory). The
 * parent `import` once required --pemda for every subcommand, so `pamong import attlog FILE --device 1` failed
 * before reading a line; nothing tested the command itself.
 */
const run = promisify(execFile);
const BIN = path.resolve('bin/pamong.mjs');
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-cli-test-'));
  const database = await connectDatabase({ kind: 'pglite', dataDir: pgliteDataDir(dataDir) });
  await migrate(database);
  const pemda = await buildPemda(database.db, '19.71');
  const opd = await buildOpd(database.db, pemda.id);
  const person = await buildPegawai(database.db, pemda.id, opd.id);
  const device = await database.db.insertInto('att_device').values({ pemda_id: pemda.id, code: '1', name: 'CLI', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning('id').executeTakeFirstOrThrow();
  await database.db.insertInto('att_pin_map').values({ pemda_id: pemda.id, device_id: device.id, pin: '7', pegawai_id: person.id }).execute();
  await database.close();
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The embedded database of that data directory, whatever the test run's own database is.
const env = (): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, PAMONG_DATA_DIR: dataDir, PAMONG_LOG_LEVEL: 'silent' };
};
const pamong = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: env(), timeout: 90_000 });

describe('pamong import (CLI)', () => {
  it('imports an attlog file with --device and --json, and adds nothing the second time', { timeout: 120_000 }, async () => {
    const file = path.join(dataDir, '1_attlog.dat');
    fs.writeFileSync(file, ['        7\t2025-01-13 07:20:00\t1\t0\t1\t0', '        7\t2025-01-13 16:05:00\t1\t1\t1\t0', '       99\t2025-01-13 07:00:00\t1\t0\t1\t0', 'rusak'].join('\r\n'));
    const first = JSON.parse((await pamong('import', 'attlog', file, '--device', '1', '--json')).stdout.trim().split('\n').pop() as string);
    expect(first).toEqual({ read: 4, added: 3, duplicates: 0, unmapped: 1, rejected: [{ line: 4, reason: expect.stringContaining('kolom kurang') }] });
    const again = JSON.parse((await pamong('import', 'attlog', file, '--device', '1', '--json', '--lang', 'en')).stdout.trim().split('\n').pop() as string);
    expect(again).toMatchObject({ read: 4, added: 0, duplicates: 3, rejected: [{ line: 4, reason: expect.stringContaining('too few columns') }] });
  });

  it('still imports pegawai with --pemda, and explains a missing one', { timeout: 120_000 }, async () => {
    await expect(pamong('import', 'pegawai', path.join(dataDir, 'none.xlsx'))).rejects.toMatchObject({ stderr: expect.stringContaining("required option '--pemda <kode>'") });
    const help = (await pamong('import', '--help')).stdout;
    expect(help).toMatch(/pegawai \[options\] <file>/);
    expect(help).toMatch(/attlog \[options\] <file>/);
  });
});
