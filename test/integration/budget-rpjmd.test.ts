import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRpjmdEditable, TRpjmdInput } from '../../src/contracts/budget';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { testDbKind } from '../support/db';
import { fixtureRows, multipart, RPJMD, toCsv } from './budget-fixtures';

/**
 * The RPJMD cascade editor's API: GET /budget/rpjmd/editable and PUT /budget/rpjmd with `prune`. Codes are keys;
 * a node left out of a pruning save is removed unless it is in use (IKU with realisation, sasaran with linked
 * sub-activities), in which case nothing is saved and the message names what blocks it.
 */
let t: TestApp;
let pemda: { id: string };
let admin: { cookie: string };
let otherAdmin: { cookie: string };
let operator: { cookie: string };
let sekda: { cookie: string };

const editable = async (cookie = admin.cookie) => {
  const res = await t.request({ method: 'GET', url: '/api/v1/budget/rpjmd/editable?tahun=2025', cookie });
  return res;
};

/** The editable cascade as a PUT body (read-only facts dropped). */
function toInput(e: TRpjmdEditable): TRpjmdInput {
  return {
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    visi: e.visi,
    legalBasis: e.legalBasis,
    misi: e.misi.map((m) => ({
      nomor: m.nomor,
      uraian: m.uraian,
      tujuan: m.tujuan.map((tj) => ({
        kode: tj.kode,
        uraian: tj.uraian,
        sasaran: tj.sasaran.map((s) => ({ kode: s.kode, uraian: s.uraian, prioritas: s.prioritas, iku: s.iku.map((i) => ({ kode: i.kode, nama: i.nama, satuan: i.satuan, arah: i.arah, opdCode: i.opdCode, baseline: i.baseline, target: i.target })) })),
      })),
    })),
  };
}

const put = (payload: unknown, cookie = admin.cookie, lang = 'id') => t.request({ method: 'PUT', url: '/api/v1/budget/rpjmd', cookie, payload: payload as object, headers: { 'accept-language': lang } });

const lastAudit = async () =>
  t.database.db.selectFrom('audit_log').select(['action', 'diff', 'actor_id']).where('pemda_id', '=', pemda.id).where('action', '=', 'budget.rpjmd.put').orderBy('seq', 'desc').executeTakeFirstOrThrow();

const ikuCount = async () => Number((await t.database.db.selectFrom('budget_iku').select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemda.id).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  const other = await buildPemda(t.database.db);
  const dpupr = await buildOpd(t.database.db, pemda.id, { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
  await buildOpd(t.database.db, pemda.id, { code: 'DINSOS', name: 'Dinas Sosial' });
  admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  otherAdmin = await buildUser(t.database.db, other.id, 'admin_pemda');
  operator = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: dpupr.id });
  sekda = await buildUser(t.database.db, pemda.id, 'sekda');
  expect((await put(RPJMD)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('loading the cascade for editing', () => {
  it('401 anonymous, 403 for roles without budget.plan.manage', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/budget/rpjmd/editable' })).statusCode).toBe(401);
    expect((await editable(operator.cookie)).statusCode).toBe(403);
    expect((await editable(sekda.cookie)).statusCode).toBe(403);
    expect((await put(RPJMD, sekda.cookie)).statusCode).toBe(403);
  });

  it('returns every yearly target, the OPD list and what blocks removal', async () => {
    const res = await editable();
    expect(res.statusCode).toBe(200);
    const body = res.json<TRpjmdEditable>();
    expect(body).toMatchObject({ exists: true, periodStart: 2025, periodEnd: 2029, visi: RPJMD.visi });
    expect(body.opds.map((o) => o.code)).toEqual(['DINSOS', 'DPUPR']);
    const s11 = body.misi[0]?.tujuan[0]?.sasaran[0];
    expect(s11).toMatchObject({ kode: 'S.1.1', prioritas: true, jumlahSub: 0 });
    expect(s11?.iku[0]).toMatchObject({ kode: 'IKU-01', opdCode: 'DPUPR', baseline: null, target: { '2025': 80 }, jumlahRealisasi: 0 });
  });

  it("shows another Pemda's admin nothing of this cascade", async () => {
    const res = await editable(otherAdmin.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ exists: false, misi: [], opds: [] });
  });
});

describe('saving the cascade', () => {
  it('edits a sasaran and an IKU (baseline and targets), seen on the IKU list, audited node by node', async () => {
    const body = toInput((await editable()).json<TRpjmdEditable>());
    const sasaran = body.misi[0]!.tujuan[0]!.sasaran[0]!;
    sasaran.uraian = 'Meningkatnya kemantapan dan keselamatan jalan kota';
    sasaran.iku[0] = { ...sasaran.iku[0]!, baseline: 74.5, target: { '2025': 80, '2026': 83.5 } };
    const res = await put({ ...body, prune: true });
    expect(res.statusCode).toBe(200);
    const iku2026 = (await t.request({ method: 'GET', url: '/api/v1/budget/iku?tahun=2026', cookie: admin.cookie })).json<{ items: Array<{ kode: string; target: number | null; baseline: number | null }> }>();
    expect(iku2026.items.find((i) => i.kode === 'IKU-01')).toMatchObject({ target: 83.5, baseline: 74.5 });
    const rpjmd = (await t.request({ method: 'GET', url: '/api/v1/budget/rpjmd?tahun=2025', cookie: operator.cookie })).json<{ misi: Array<{ tujuan: Array<{ sasaran: Array<{ uraian: string }> }> }> }>();
    expect(rpjmd.misi[0]?.tujuan[0]?.sasaran[0]?.uraian).toBe('Meningkatnya kemantapan dan keselamatan jalan kota');

    const audit = await lastAudit();
    const changes = (audit.diff as { detail: { changes: Array<{ op: string; node: string; before?: Record<string, unknown>; after?: Record<string, unknown> }> } }).detail.changes;
    expect(changes.map((c) => `${c.op} ${c.node}`).sort()).toEqual(['update iku:IKU-01', 'update sasaran:S.1.1']);
    expect(changes.find((c) => c.node === 'iku:IKU-01')).toMatchObject({ before: { baseline: null, target: { '2025': 80 } }, after: { baseline: 74.5, target: { '2025': 80, '2026': 83.5 } } });
    expect(audit.actor_id).not.toBeNull();

    // The same body again changes nothing and records no node changes.
    expect((await put({ ...body, prune: true })).statusCode).toBe(200);
    expect(((await lastAudit()).diff as { detail: { changes: unknown[] } }).detail.changes).toEqual([]);
  });

  it('marks duplicate codes, target years outside the period and unknown OPD next to the field, in Indonesian or English', async () => {
    const body = toInput((await editable()).json<TRpjmdEditable>());
    const tujuan = body.misi[0]!.tujuan[0]!;
    tujuan.sasaran[1]!.kode = 'S.1.1';
    tujuan.sasaran[0]!.iku[0]!.target = { '2031': 90 };
    tujuan.sasaran[0]!.iku[0]!.opdCode = 'NOPE';
    const id = await put({ ...body, prune: true });
    expect(id.statusCode).toBe(400);
    expect(id.json()).toMatchObject({
      code: 'BUDGET_RPJMD_INVALID',
      detail: 'Isian RPJMD belum benar; periksa kolom yang ditandai.',
      errors: expect.arrayContaining([
        { path: 'misi.0.tujuan.0.sasaran.0.kode', message: 'kode ini sudah dipakai di bagian lain RPJMD' },
        { path: 'misi.0.tujuan.0.sasaran.1.kode', message: 'kode ini sudah dipakai di bagian lain RPJMD' },
        { path: 'misi.0.tujuan.0.sasaran.0.iku.0.target.2031', message: 'tahun 2031 di luar periode RPJMD' },
        { path: 'misi.0.tujuan.0.sasaran.0.iku.0.opdCode', message: 'kode OPD NOPE tidak ada di Pemda ini' },
      ]),
    });
    const en = await put({ ...body, prune: true }, admin.cookie, 'en');
    expect(en.json()).toMatchObject({ detail: 'The RPJMD entry is not valid; check the marked fields.', errors: expect.arrayContaining([{ path: 'misi.0.tujuan.0.sasaran.1.kode', message: 'this code is already used elsewhere in the RPJMD' }]) });
    // A schema error (empty text) also carries its path.
    const empty = await put({ ...toInput((await editable()).json<TRpjmdEditable>()), visi: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('visi');
    expect(await ikuCount()).toBe(2);
  });

  it('adds and removes unused nodes with prune; without prune nothing is removed', async () => {
    const body = toInput((await editable()).json<TRpjmdEditable>());
    body.misi.push({ nomor: 2, uraian: 'Misi sementara', tujuan: [{ kode: 'T.2.1', uraian: 'Tujuan sementara', sasaran: [{ kode: 'S.2.1', uraian: 'Sasaran sementara', prioritas: false, iku: [{ kode: 'IKU-09', nama: 'Indikator sementara', satuan: '%', arah: 'turun', opdCode: 'DINSOS', target: { '2026': 5 } }] }] }] });
    expect((await put({ ...body, prune: true })).statusCode).toBe(200);
    expect(await ikuCount()).toBe(3);

    const without = structuredClone(body);
    without.misi.pop();
    expect((await put(without)).statusCode).toBe(200);
    expect(await ikuCount()).toBe(3);

    const pruned = await put({ ...without, prune: true });
    expect(pruned.statusCode).toBe(200);
    expect(pruned.json().misi).toHaveLength(1);
    expect(await ikuCount()).toBe(2);
    const targets = await t.database.db.selectFrom('budget_iku_target').select('iku_id').where('pemda_id', '=', pemda.id).execute();
    expect(targets).toHaveLength(2);
    const changes = ((await lastAudit()).diff as { detail: { changes: Array<{ op: string; node: string }> } }).detail.changes;
    expect(changes.map((c) => `${c.op} ${c.node}`).sort()).toEqual(['remove iku:IKU-09', 'remove misi:2', 'remove sasaran:S.2.1', 'remove tujuan:2/T.2.1']);
  });

  it("refuses a save made from a cascade someone else has changed since, instead of overwriting their work", async () => {
    const loaded = (await editable()).json<TRpjmdEditable>();
    expect(loaded.version).toMatch(/^[0-9a-f]{32}$/);
    // Loading again without a change gives the same version.
    expect((await editable()).json<TRpjmdEditable>().version).toBe(loaded.version);
    const theirs = toInput(loaded);
    theirs.misi[0]!.tujuan[0]!.sasaran[1]!.iku.push({ kode: 'IKU-08', nama: 'Indikator rekan', satuan: '%', arah: 'naik', opdCode: null, target: {} });
    expect((await put({ ...theirs, prune: true, expectedVersion: loaded.version })).statusCode).toBe(200);
    const mine = toInput(loaded);
    mine.visi = 'Visi dari halaman lama';
    const stale = await put({ ...mine, prune: true, expectedVersion: loaded.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'BUDGET_RPJMD_STALE', detail: 'RPJMD baru saja diubah oleh pengguna lain; muat ulang halaman lalu ulangi perubahan Anda.' });
    expect(await ikuCount()).toBe(3);
    // Reloaded, the change goes through; then IKU-08 is removed again (unused) for the tests below.
    const fresh = (await editable()).json<TRpjmdEditable>();
    const cleaned = toInput(fresh);
    cleaned.misi[0]!.tujuan[0]!.sasaran[1]!.iku = cleaned.misi[0]!.tujuan[0]!.sasaran[1]!.iku.filter((i) => i.kode !== 'IKU-08');
    expect((await put({ ...cleaned, prune: true, expectedVersion: fresh.version })).statusCode).toBe(200);
    expect(await ikuCount()).toBe(2);
  });

  it('refuses to remove an IKU with realisation or a sasaran linked to sub-activities, and saves nothing', async () => {
    const before = (await editable()).json<TRpjmdEditable>();
    const iku02 = await t.database.db.selectFrom('budget_iku').select('id').where('pemda_id', '=', pemda.id).where('kode', '=', 'IKU-02').executeTakeFirstOrThrow();
    const real = await t.request({ method: 'PUT', url: `/api/v1/budget/iku/${iku02.id}/2025/1`, cookie: admin.cookie, payload: { nilai: 12, bukti: 'Laporan genangan TW1' } });
    expect(real.statusCode).toBe(200);

    const body = toInput(before);
    body.misi[0]!.tujuan[0]!.sasaran[1]!.iku = [];
    body.visi = 'Visi yang tidak boleh tersimpan';
    const refused = await put({ ...body, prune: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'BUDGET_RPJMD_IN_USE', detail: 'Tidak dapat dihapus karena sudah dipakai: IKU IKU-02 (1 triwulan realisasi/bukti). Tidak ada yang disimpan.' });
    const en = await put({ ...body, prune: true }, admin.cookie, 'en');
    expect(en.json().detail).toBe('Cannot be removed because it is in use: IKU IKU-02 (1 quarters of realisation/evidence). Nothing was saved.');
    expect(await ikuCount()).toBe(2);
    expect((await editable()).json<TRpjmdEditable>().visi).toBe(RPJMD.visi);

    // Sub-activities of the APBD import link to S.1.1.
    const kelurahan = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('level', '=', 'kelurahan').orderBy('kode').executeTakeFirstOrThrow();
    const imported = await t.request({ method: 'POST', url: '/api/v1/budget/import?dryRun=false', cookie: admin.cookie, ...multipart('apbd.csv', toCsv(fixtureRows(kelurahan.kode))) });
    expect(imported.statusCode).toBe(200);
    const linked = (await editable()).json<TRpjmdEditable>();
    expect(linked.misi[0]?.tujuan[0]?.sasaran[0]?.jumlahSub).toBe(2);
    const withoutS11 = toInput(linked);
    const sasaranList = withoutS11.misi[0]!.tujuan[0]!.sasaran;
    // IKU-01 moves to S.1.2 so only the sasaran itself is in the way.
    sasaranList[1]!.iku.push(...sasaranList[0]!.iku);
    sasaranList.shift();
    const refusedSasaran = await put({ ...withoutS11, prune: true });
    expect(refusedSasaran.statusCode).toBe(409);
    expect(refusedSasaran.json().detail).toBe('Tidak dapat dihapus karena sudah dipakai: sasaran S.1.1 (ditautkan ke 2 sub kegiatan). Tidak ada yang disimpan.');
    const ikuOwner = await t.database.db.selectFrom('budget_iku as i').innerJoin('budget_sasaran as s', (j) => j.onRef('s.pemda_id', '=', 'i.pemda_id').onRef('s.id', '=', 'i.sasaran_id')).select('s.kode').where('i.pemda_id', '=', pemda.id).where('i.kode', '=', 'IKU-01').executeTakeFirstOrThrow();
    expect(ikuOwner.kode).toBe('S.1.1');
  });
});

describe('cascade import (CSV/XLSX)', () => {
  const upload = (csv: string, dryRun: boolean, cookie = admin.cookie) => t.request({ method: 'POST', url: `/api/v1/budget/rpjmd/import?dryRun=${dryRun}`, cookie, ...multipart('kaskade.csv', csv) });
  const header = 'No Misi;Misi;Kode Tujuan;Tujuan;Kode Sasaran;Sasaran;Prioritas;Kode IKU;IKU;Satuan;Arah;Kode OPD;Kondisi Awal;Target 2025;Target 2026;Target 2027';

  it('serves a template with a target column per year of the period, to planners only', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/budget/rpjmd/import/template.csv', cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\n')[0]).toBe('No Misi;Misi;Kode Tujuan;Tujuan;Kode Sasaran;Sasaran;Prioritas;Kode IKU;IKU;Satuan;Arah;Kode OPD;Kondisi Awal;Target 2025;Target 2026;Target 2027;Target 2028;Target 2029');
    expect((await t.request({ method: 'GET', url: '/api/v1/budget/rpjmd/import/template.csv', cookie: operator.cookie })).statusCode).toBe(403);
    expect((await upload(`${header}\n`, true, operator.cookie)).statusCode).toBe(403);
  });

  it('dry-runs with row errors, refuses to import while any row is wrong, then imports and re-imports without change', async () => {
    const rows = [
      '1;;T.1.1;;S.1.1;;;IKU-01;;;;;;;;85', // IKU-01 gets a 2027 target; everything else stays
      '1;;T.1.1;;S.1.2;;Ya;IKU-05;Panjang drainase berfungsi;km;Naik;DPUPR;12;;13;14', // new IKU; S.1.2 becomes a priority
      '1;;T.1.1;;S.1.3;;;;;;;;;;;', // new sasaran without its text
      '2;Misi baru;T.2.1;Tujuan baru;S.2.1;Sasaran baru;Tidak;IKU-06;Indikator baru;%;Miring;DINSOS;;;;', // unknown direction
      '1;;T.1.1;;S.1.2;;;IKU-07;Indikator lain;%;Turun;NOPE;;;;', // unknown OPD
    ];
    const auditBefore = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemda.id).executeTakeFirstOrThrow();
    const dry = await upload([header, ...rows].join('\n'), true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, totalRows: 5, valid: 2, inserted: 1, updated: 1, unchanged: 0 });
    expect(dry.json().errors).toEqual([
      { row: 4, column: 'Sasaran', reason: { id: 'sasaran S.1.3 belum ada; isi uraiannya', en: 'target S.1.3 does not exist yet; give its text' } },
      { row: 5, column: 'Arah', reason: { id: 'arah "miring" tidak dikenal; isi Naik atau Turun', en: 'direction "miring" is unknown; use Naik or Turun' } },
      { row: 6, column: 'Kode OPD', reason: { id: 'kode OPD NOPE tidak ada di Pemda ini', en: 'OPD code NOPE does not exist in this Pemda' } },
    ]);
    const refused = await upload([header, ...rows].join('\n'), false);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toBe('3 baris ditolak; tidak ada yang disimpan. Perbaiki lalu unggah ulang.');
    expect(await ikuCount()).toBe(2);
    const auditAfter = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemda.id).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));

    const good = [header, rows[0], rows[1]].join('\n');
    const done = await upload(good, false);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ dryRun: false, inserted: 1, updated: 1, unchanged: 0, errors: [] });
    const cascade = (await editable()).json<TRpjmdEditable>();
    const [s11, s12] = cascade.misi[0]!.tujuan[0]!.sasaran;
    expect(s11?.iku[0]).toMatchObject({ kode: 'IKU-01', baseline: 74.5, target: { '2025': 80, '2026': 83.5, '2027': 85 } });
    expect(s12).toMatchObject({ kode: 'S.1.2', prioritas: true });
    expect(s12?.iku.find((i) => i.kode === 'IKU-05')).toMatchObject({ nama: 'Panjang drainase berfungsi', satuan: 'km', arah: 'naik', opdCode: 'DPUPR', baseline: 12, target: { '2026': 13, '2027': 14 } });
    const audit = await lastAudit();
    expect((audit.diff as { detail: { file: string; changes: Array<{ op: string; node: string }> } }).detail).toMatchObject({ file: 'kaskade.csv' });
    expect((audit.diff as { detail: { changes: Array<{ op: string; node: string }> } }).detail.changes.map((c) => `${c.op} ${c.node}`).sort()).toEqual(['add iku:IKU-05', 'update iku:IKU-01', 'update sasaran:S.1.2']);

    const again = await upload(good, false);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect((await lastAudit()).diff).toEqual(audit.diff);
  });
});

describe('indicator values in the cascade import', () => {
  const header = 'No Misi;Misi;Kode Tujuan;Tujuan;Kode Sasaran;Sasaran;Prioritas;Kode IKU;IKU;Satuan;Arah;Kode OPD;Kondisi Awal;Target 2025;Target 2026;Target 2027';
  const upload = (filename: string, content: Buffer | string) => t.request({ method: 'POST', url: '/api/v1/budget/rpjmd/import?dryRun=false', cookie: admin.cookie, ...multipart(filename, content) });
  const iku05 = async () => (await editable()).json<TRpjmdEditable>().misi[0]!.tujuan[0]!.sasaran[1]!.iku.find((i) => i.kode === 'IKU-05');

  it('reads a comma as the decimal mark, keeps negatives and 4 decimals, and reads "1.250" as a thousand two hundred fifty', async () => {
    const res = await upload('nilai.csv', `${header}\n1;;T.1.1;;S.1.2;;;IKU-05;;;;;0,125;-1,5;1.250,5;2,500\n`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 0, updated: 1, errors: [] });
    expect(await iku05()).toMatchObject({ baseline: 0.125, target: { '2025': -1.5, '2026': 1250.5, '2027': 2.5 } });
    const english = await upload('nilai.csv', `${header}\n1;;T.1.1;;S.1.2;;;IKU-05;;;;;1.250;12.5;"1,250.75";-0.5\n`);
    expect(english.json()).toMatchObject({ updated: 1, errors: [] });
    expect(await iku05()).toMatchObject({ baseline: 1250, target: { '2025': 12.5, '2026': 1250.75, '2027': -0.5 } });
    const wrong = await t.request({ method: 'POST', url: '/api/v1/budget/rpjmd/import?dryRun=true', cookie: admin.cookie, ...multipart('nilai.csv', `${header}\n1;;T.1.1;;S.1.2;;;IKU-05;;;;;1,2,3;2000000000000;;\n`) });
    expect(wrong.statusCode).toBe(200);
    expect(wrong.json().errors).toEqual([
      { row: 2, column: 'Kondisi Awal', reason: { id: '"1,2,3" bukan angka (contoh: 12,5 atau -1,25)', en: '"1,2,3" is not a number (e.g. 12,5 or -1,25)' } },
      { row: 2, column: 'Target 2025', reason: { id: 'Nilai di luar batas ±1.000.000.000.000', en: 'Value outside ±1,000,000,000,000' } },
    ]);
  });

  it('keeps 4 decimals of a number cell of an XLSX file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kaskade');
    sheet.addRow(header.split(';'));
    sheet.addRow([1, null, 'T.1.1', null, 'S.1.2', null, null, 'IKU-05', null, null, null, null, 0.1234, 12.34567, -0.5, null]);
    const res = await upload('nilai.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ updated: 1, errors: [] });
    expect(await iku05()).toMatchObject({ baseline: 0.1234, target: { '2025': 12.3457, '2026': -0.5, '2027': -0.5 } });
  });
});

describe("codes of another period's RPJMD", () => {
  const next = (sasaranKode: string, ikuKode: string) => ({
    periodStart: 2030,
    periodEnd: 2034,
    visi: 'Visi periode berikutnya',
    misi: [{ nomor: 1, uraian: 'Misi periode berikutnya', tujuan: [{ kode: 'T.1.1', uraian: 'Tujuan berikutnya', sasaran: [{ kode: sasaranKode, uraian: 'Sasaran berikutnya', prioritas: false, iku: [{ kode: ikuKode, nama: 'Indikator berikutnya', satuan: '%', arah: 'naik', opdCode: null, target: { '2030': 1 } }] }] }] }],
  });
  const ikuHome = async (kode: string) =>
    t.database.db
      .selectFrom('budget_iku as i')
      .innerJoin('budget_sasaran as s', (j) => j.onRef('s.pemda_id', '=', 'i.pemda_id').onRef('s.id', '=', 'i.sasaran_id'))
      .select(['s.kode as sasaran', 'i.nama'])
      .where('i.pemda_id', '=', pemda.id)
      .where('i.kode', '=', kode)
      .executeTakeFirstOrThrow();

  it("refuses a new period's cascade that reuses a sasaran or IKU code, instead of moving the old period's node into it", async () => {
    const before = await ikuHome('IKU-01');
    const res = await put(next('S.1.1', 'IKU-01'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'BUDGET_RPJMD_INVALID',
      errors: [
        { path: 'misi.0.tujuan.0.sasaran.0.kode', message: 'kode S.1.1 sudah dipakai RPJMD 2025–2029; gunakan kode lain' },
        { path: 'misi.0.tujuan.0.sasaran.0.iku.0.kode', message: 'kode IKU-01 sudah dipakai RPJMD 2025–2029; gunakan kode lain' },
      ],
    });
    const en = await put(next('S.9.1', 'IKU-01'), admin.cookie, 'en');
    expect(en.json().errors).toEqual([{ path: 'misi.0.tujuan.0.sasaran.0.iku.0.kode', message: 'code IKU-01 is already used by the RPJMD 2025–2029; use another code' }]);
    expect(await ikuHome('IKU-01')).toEqual(before);
    expect(await t.database.db.selectFrom('budget_rpjmd').select('id').where('pemda_id', '=', pemda.id).where('period_start', '=', 2030).executeTakeFirst()).toBeUndefined();
    expect((await put(next('S.9.1', 'IKU-90'))).statusCode).toBe(200);
  });

  it('refuses such a code at its row when importing into the new period', async () => {
    const header = 'No Misi;Misi;Kode Tujuan;Tujuan;Kode Sasaran;Sasaran;Prioritas;Kode IKU;IKU;Satuan;Arah;Kode OPD;Kondisi Awal;Target 2031';
    const csv = `${header}\n1;;T.1.1;;S.1.1;Sasaran lama;;IKU-01;Indikator lama;%;Naik;;;5\n1;;T.1.1;;S.9.1;;;IKU-91;Indikator baru;%;Naik;;;6\n`;
    const dry = await t.request({ method: 'POST', url: '/api/v1/budget/rpjmd/import?dryRun=true&tahun=2030', cookie: admin.cookie, ...multipart('kaskade-2030.csv', csv) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ valid: 1, inserted: 1 });
    expect(dry.json().errors).toEqual([
      { row: 2, column: 'Kode Sasaran', reason: { id: 'kode sasaran S.1.1 sudah dipakai RPJMD 2025–2029; gunakan kode lain', en: 'target code S.1.1 is already used by the RPJMD 2025–2029; use another code' } },
      { row: 2, column: 'Kode IKU', reason: { id: 'kode IKU IKU-01 sudah dipakai RPJMD 2025–2029; gunakan kode lain', en: 'IKU code IKU-01 is already used by the RPJMD 2025–2029; use another code' } },
    ]);
    const saved = await t.request({ method: 'POST', url: '/api/v1/budget/rpjmd/import?dryRun=false&tahun=2030', cookie: admin.cookie, ...multipart('kaskade-2030.csv', csv) });
    expect(saved.statusCode).toBe(422);
    expect((await ikuHome('IKU-01')).sasaran).toBe('S.1.1');
  });
});

/**
 * PostgreSQL only: PGlite has one connection, so no second transaction can hold a lock meanwhile. A second client
 * holds a transaction open until the save is seen waiting for a lock, then commits.
 */
describe.skipIf(testDbKind() !== 'postgres')('saves racing another transaction (PostgreSQL)', () => {
  async function whileHeld<T>(hold: (client: pg.Client) => Promise<void>, run: () => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await hold(client);
      const running = run();
      running.catch(() => undefined);
      let waited = false;
      for (let k = 0; k < 400 && !waited; k += 1) {
        const r = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        waited = (r.rows[0]?.n ?? 0) > 0;
        if (!waited) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await client.query('COMMIT');
      expect(waited).toBe(true);
      return await running;
    } finally {
      await client.end();
    }
  }

  it('a realisation saved while a pruning save removes its IKU is counted: 409 in use, never a 500', async () => {
    const loaded = (await editable()).json<TRpjmdEditable>();
    const body = toInput(loaded);
    const sasaran = body.misi[0]!.tujuan[0]!.sasaran[1]!;
    sasaran.iku = sasaran.iku.filter((i) => i.kode !== 'IKU-05');
    const iku05 = await t.database.db.selectFrom('budget_iku').select('id').where('pemda_id', '=', pemda.id).where('kode', '=', 'IKU-05').executeTakeFirstOrThrow();
    const res = await whileHeld(
      async (client) => {
        await client.query("INSERT INTO budget_iku_realisasi (pemda_id, iku_id, tahun, triwulan, nilai, bukti) VALUES ($1, $2, 2025, 1, 1, 'Laporan TW1')", [pemda.id, iku05.id]);
      },
      () => put({ ...body, prune: true }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'BUDGET_RPJMD_IN_USE', detail: 'Tidak dapat dihapus karena sudah dipakai: IKU IKU-05 (1 triwulan realisasi/bukti). Tidak ada yang disimpan.' });
    expect((await editable()).json<TRpjmdEditable>().version).toBe(loaded.version);
  });

  it('an import waits for a screen save in progress and merges into what it saved, instead of overwriting or refusing', async () => {
    const header = 'No Misi;Misi;Kode Tujuan;Tujuan;Kode Sasaran;Sasaran;Prioritas;Kode IKU;IKU;Satuan;Arah;Kode OPD;Kondisi Awal;Target 2028';
    const res = await whileHeld(
      async (client) => {
        await client.query('SELECT id FROM budget_rpjmd WHERE pemda_id = $1 AND period_start = 2025 FOR UPDATE', [pemda.id]);
        await client.query("UPDATE budget_iku SET nama = 'Nama dari layar' WHERE pemda_id = $1 AND kode = 'IKU-02'", [pemda.id]);
      },
      () => t.request({ method: 'POST', url: '/api/v1/budget/rpjmd/import?dryRun=false', cookie: admin.cookie, ...multipart('kaskade.csv', `${header}\n1;;T.1.1;;S.1.1;;;IKU-01;;;;;;88\n`) }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ updated: 1, errors: [] });
    const ikus = (await editable()).json<TRpjmdEditable>().misi[0]!.tujuan[0]!.sasaran.flatMap((s) => s.iku);
    expect(ikus.find((i) => i.kode === 'IKU-02')?.nama).toBe('Nama dari layar');
    expect(ikus.find((i) => i.kode === 'IKU-01')?.target['2028']).toBe(88);
  });
});
