import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let pemda: { id: string };
let admin: { cookie: string };

const JABATAN_CSV = [
  'Kode Jabatan;Nama Jabatan;Jenis;Kelas Jabatan;Kode OPD;Kode Unit;Kepala OPD',
  'DINKES-KADIS;Kepala Dinas Kesehatan;JPT Pratama;14;DINKES;;Ya',
  'DINKES-SEK;Sekretaris Dinas Kesehatan;Eselon III;12;DINKES;;Tidak',
  'DINKES-PEL-1;Pengadministrasi Umum;Pelaksana;5;DINKES;;Tidak',
].join('\n');

const PEGAWAI_HEADER = 'NIP;Nama;Gelar Depan;Gelar Belakang;Status;Golongan;Jenis Kelamin;Tanggal Lahir;Kode OPD;Kode Jabatan;TMT Jabatan;Telepon;Email;Kantor';
const PEGAWAI_ROWS = [
  '19850312 201001 2 003;Siti Rahmawati;dr.;M.Kes.;PNS;IV/b;P;1985-03-12;DINKES;DINKES-KADIS;2023-01-02;0812-7123-4567;siti@example.go.id;Kantor Dinkes',
  '197901022005011004;Ahmad Fauzi;;S.E.;PNS;III/d;L;;DINKES;DINKES-SEK;2021-05-03;;;',
  ';Rudi Hartono;;;NON_ASN;;L;1995-07-01;DINKES;;;;;',
];
const PEGAWAI_CSV = [PEGAWAI_HEADER, ...PEGAWAI_ROWS].join('\n');

function multipart(filename: string, content: Buffer | string) {
  const boundary = `----pamong${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(kind: string, filename: string, content: Buffer | string, dryRun: boolean, cookie = admin.cookie) {
  const form = multipart(filename, content);
  return t.request({ method: 'POST', url: `/api/v1/import/${kind}?dryRun=${dryRun}`, cookie, ...form });
}

const count = async (table: 'pegawai' | 'jabatan' | 'jabatan_holder' | 'audit_log') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemda.id).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  await buildOpd(t.database.db, pemda.id, { code: 'DINKES', name: 'Dinas Kesehatan' });
  admin = await buildUser(t.database.db, pemda.id, 'bkpsdm');
});
afterAll(async () => t?.close());

describe('import', () => {
  it('downloads templates', async () => {
    const csv = await t.request({ method: 'GET', url: '/api/v1/import/template/pegawai.csv', cookie: admin.cookie });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('NIP;Nama');
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/import/template/jabatan.xlsx', cookie: admin.cookie });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('previews a dry run without writing anything, then imports, then re-import changes nothing', async () => {
    const dry = await upload('jabatan', 'jabatan.csv', JABATAN_CSV, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, totalRows: 3, inserted: 3, updated: 0, errors: [] });
    expect(await count('jabatan')).toBe(0);

    const real = await upload('jabatan', 'jabatan.csv', JABATAN_CSV, false);
    expect(real.json()).toMatchObject({ dryRun: false, inserted: 3, updated: 0, unchanged: 0 });
    expect(await count('jabatan')).toBe(3);

    const pegawai = await upload('pegawai', 'pegawai.csv', PEGAWAI_CSV, false);
    expect(pegawai.json()).toMatchObject({ inserted: 3, updated: 0, errors: [] });
    expect(await count('pegawai')).toBe(3);
    expect(await count('jabatan_holder')).toBe(2);

    const auditBefore = await count('audit_log');
    const again = await upload('pegawai', 'pegawai.csv', PEGAWAI_CSV, false);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const jabAgain = await upload('jabatan', 'jabatan.csv', JABATAN_CSV, false);
    expect(jabAgain.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await count('pegawai')).toBe(3);
    expect(await count('jabatan_holder')).toBe(2);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('updates a changed row and moves a pegawai to a new position', async () => {
    const changed = [PEGAWAI_HEADER, PEGAWAI_ROWS[0]?.replace('IV/b', 'IV/c').replace('DINKES-KADIS;2023-01-02', 'DINKES-PEL-1;2026-01-05')].join('\n');
    const res = await upload('pegawai', 'pegawai.csv', changed, false);
    expect(res.json()).toMatchObject({ inserted: 0, updated: 1 });
    const holders = await t.database.db
      .selectFrom('jabatan_holder as h')
      .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'h.pemda_id').onRef('j.id', '=', 'h.jabatan_id'))
      .select(['j.code', 'h.start_date', 'h.end_date'])
      .where('h.pemda_id', '=', pemda.id)
      .where('j.code', 'in', ['DINKES-KADIS', 'DINKES-PEL-1'])
      .orderBy('h.start_date')
      .execute();
    expect(holders).toEqual([
      { code: 'DINKES-KADIS', start_date: '2023-01-02', end_date: '2026-01-04' },
      { code: 'DINKES-PEL-1', start_date: '2026-01-05', end_date: null },
    ]);
  });

  it('reports each rejected row with its number and reason, and saves nothing', async () => {
    const before = await count('pegawai');
    const bad = [
      PEGAWAI_HEADER,
      '123;Nama Salah NIP;;;PNS;III/a;L;;DINKES;;;;;',
      '198001012005011001;<script>alert(1)</script>;;;PNS;III/a;L;;DINKES;;;;;',
      '198001012005011002;Kode Salah;;;PNS;III/a;L;;TIDAKADA;;;;;',
      '198001012005011003;Jabatan Terisi;;;PNS;III/a;L;;DINKES;DINKES-SEK;2025-01-01;;;',
      '198001012005011005;Baris Baik;;;PNS;III/a;L;;DINKES;;;;;',
    ].join('\n');
    const dry = await upload('pegawai', 'salah.csv', bad, true);
    const body = dry.json();
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 4, 5]);
    expect(body.errors[0].reason.id).toMatch(/NIP/);
    expect(body.errors[2].reason.id).toContain('TIDAKADA');
    expect(body.errors[3].reason.id).toContain('masih dijabat');
    const commit = await upload('pegawai', 'salah.csv', bad, false);
    expect(commit.statusCode).toBe(422);
    expect(commit.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', detail: '4 baris ditolak; tidak ada yang disimpan. Perbaiki lalu unggah ulang.' });
    expect(commit.json().errors[0]).toMatchObject({ row: 2 });
    expect(await count('pegawai')).toBe(before);
  });

  it('refuses garbage quickly with a clear reason: a 10 MB random "xlsx" and an empty file', async () => {
    const started = Date.now();
    const garbage = await upload('pegawai', 'sampah.xlsx', randomBytes(10 * 1024 * 1024), true);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('IMPORT_FILE_UNREADABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
    const empty = await upload('pegawai', 'kosong.csv', '', true);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/^Berkas tidak dapat dibaca/);
  });

  it('is for BKPSDM and the admin only', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const operator = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opd.id });
    const res = await upload('pegawai', 'pegawai.csv', PEGAWAI_CSV, true, operator.cookie);
    expect(res.statusCode).toBe(403);
  });
});
