import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import { verifyPassword } from '../../src/server/modules/auth/password';
import { createTestDatabase, type TestDatabase } from '../support/db';

let database: TestDatabase;
const lines: string[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ PAMONG_DATA_DIR: '.tmp/test-data', PAMONG_DEMO_PEGAWAI: '300', PAMONG_ADMIN_EMAIL: 'Admin@Contoh.go.id', PAMONG_ADMIN_PASSWORD: 'Rahasia-Admin-2026' });
  await firstStart(config, database, (line) => lines.push(line));
  // The whole demo seed (every module's data): about 20 s alone, several times that beside other test files on 2 cores.
}, 180_000);
afterAll(async () => database?.drop());

describe('first start', () => {
  it('loads the demo Pemda with its real regions and boundaries, marked synthetic', async () => {
    const pemda = await database.db.selectFrom('pemda').selectAll().executeTakeFirstOrThrow();
    expect(pemda).toMatchObject({ kode_wilayah: '19.71', name: 'Kota Pangkal Pinang', kind: 'kota', synthetic: true, timezone: 'Asia/Jakarta' });
    const levels = await database.db
      .selectFrom('wilayah')
      .select(['level', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.count('geometry').as('withGeometry')])
      .where('pemda_id', '=', pemda.id)
      .groupBy('level')
      .execute();
    const byLevel = Object.fromEntries(levels.map((l) => [l.level, { n: Number(l.n), geo: Number(l.withGeometry) }]));
    expect(byLevel).toEqual({ pemda: { n: 1, geo: 1 }, kecamatan: { n: 7, geo: 7 }, kelurahan: { n: 42, geo: 42 } });
  });

  it('builds the organisation: about 35 agencies plus the 7 kecamatan and 42 kelurahan offices, with vacancies', async () => {
    const opd = await database.db.selectFrom('opd').select(['kind', 'wilayah_kode']).execute();
    const territorial = opd.filter((o) => o.kind === 'kecamatan' || o.kind === 'kelurahan');
    expect(territorial.length).toBe(49);
    expect(territorial.every((o) => o.wilayah_kode !== null)).toBe(true);
    expect(opd.length - territorial.length).toBeGreaterThanOrEqual(30);
    const pegawai = await database.db.selectFrom('pegawai').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(pegawai.n)).toBe(300);
    const vacant = await database.db
      .selectFrom('jabatan as j')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('jabatan_holder as h').select('h.id').whereRef('h.jabatan_id', '=', 'j.id').where('h.end_date', 'is', null))),
      )
      .executeTakeFirstOrThrow();
    expect(Number(vacant.n)).toBeGreaterThan(0);
  });

  it('creates the first admin from the environment, and the demo accounts', async () => {
    const admin = await database.db.selectFrom('app_user').selectAll().where('email', '=', 'admin@contoh.go.id').executeTakeFirstOrThrow();
    expect(admin.role).toBe('admin_pemda');
    expect(await verifyPassword(admin.password_hash, 'Rahasia-Admin-2026')).toBe(true);
    expect(lines.join('\n')).toContain('admin@contoh.go.id');
    expect(lines.join('\n')).not.toContain('Rahasia-Admin-2026');
    const pegawaiAccount = await database.db.selectFrom('app_user').select('pegawai_id').where('email', '=', 'pegawai@pangkalpinang.demo').executeTakeFirstOrThrow();
    expect(pegawaiAccount.pegawai_id).not.toBeNull();
    const roles = await database.db.selectFrom('app_user').select('role').execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['admin_pemda', 'kepala_daerah', 'sekda', 'bkpsdm', 'inspektorat', 'kepala_opd', 'operator_opd', 'pegawai']));
  });

  it('links the demo interventions to their APBD sub-kegiatan once every module has seeded', async () => {
    const rows = await database.db.selectFrom('intervention').select(['sub_kegiatan_code', 'sub_kegiatan_id']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.sub_kegiatan_id !== null).length).toBe(rows.filter((r) => r.sub_kegiatan_code !== null).length);
    expect(lines.some((line) => /intervensi terhubung ke sub kegiatan APBD/.test(line))).toBe(true);
  });

  it('does nothing on the next start', async () => {
    const before = await database.db.selectFrom('pegawai').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const again: string[] = [];
    await firstStart(loadConfig({ PAMONG_DATA_DIR: '.tmp/test-data', PAMONG_DEMO_PEGAWAI: '300' }), database, (line) => again.push(line));
    expect(again).toEqual([]);
    const after = await database.db.selectFrom('pegawai').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });
});
