import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { fixtureRows, M, multipart, RPJMD, toCsv } from './budget-fixtures';

/**
 * APBD import, realisation entry and the overview, with the worked example of BRIEF §4.10 on a four-activity
 * budget (figures in budget-fixtures.ts): at the end of June 2025 DPUPR has pagu Rp 2.7 bn, cash plan Rp 1 bn,
 * SP2D Rp 850 jt -> 31.48 % of pagu, 85 % of plan (band "tinggi"); physical plan (1000×20 + 500×40 + 1200×50) /
 * 2700 = 37.04 %, progress (1000×8 + 500×40 + 1200×50) / 2700 = 32.59 %, deviation 4.45 points; one critical
 * activity (road building: plan 20 %, progress 8 %, lag 12 > 10).
 */
let t: TestApp;
let pemda: { id: string };
let other: { id: string };
let admin: { cookie: string };
let opds: Record<'DPUPR' | 'DINSOS', string>;
let operator: { cookie: string };
let dinsosOperator: { cookie: string };
let kelurahan: string;
const subs = new Map<string, string>();

const count = async (table: 'budget_sub_kegiatan' | 'budget_bulanan' | 'audit_log' | 'budget_program', pemdaId = pemda.id) =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemdaId).executeTakeFirstOrThrow()).n);

async function upload(csv: string, dryRun: boolean, cookie = admin.cookie, filename = 'apbd.csv') {
  return t.request({ method: 'POST', url: `/api/v1/budget/import?dryRun=${dryRun}`, cookie, ...multipart(filename, csv) });
}

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  other = await buildPemda(t.database.db);
  opds = { DPUPR: (await buildOpd(t.database.db, pemda.id, { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' })).id, DINSOS: (await buildOpd(t.database.db, pemda.id, { code: 'DINSOS', name: 'Dinas Sosial' })).id };
  admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  operator = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opds.DPUPR });
  dinsosOperator = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opds.DINSOS });
  const w = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('level', '=', 'kelurahan').orderBy('kode').executeTakeFirstOrThrow();
  kelurahan = w.kode;
  const rpjmd = await t.request({ method: 'PUT', url: '/api/v1/budget/rpjmd', cookie: admin.cookie, payload: RPJMD });
  expect(rpjmd.statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('APBD import', () => {
  it('serves the template', async () => {
    const csv = await t.request({ method: 'GET', url: '/api/v1/budget/import/template/apbd.csv', cookie: admin.cookie });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Tahun;Kode OPD;Kode Program');
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/budget/import/template/apbd.xlsx', cookie: admin.cookie });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The template itself passes the parser (its example row names an OPD this Pemda has).
    const dry = await t.request({ method: 'POST', url: '/api/v1/budget/import?dryRun=true', cookie: admin.cookie, ...multipart('template.xlsx', xlsx.rawPayload) });
    expect(dry.statusCode).toBe(200);
    // Only references this Pemda lacks (the example's kelurahan or RPJMD target) may be reported, never the layout.
    for (const error of dry.json().errors as Array<{ column?: string }>) expect(['Kode Kelurahan', 'Kode Sasaran']).toContain(error.column);
  });

  it('answers 401 and 403 before reading the file', async () => {
    expect((await upload('x', true, '')).statusCode).toBe(401);
    expect((await upload('x', true, operator.cookie)).statusCode).toBe(403);
  });

  it('reports row errors with row numbers and saves nothing', async () => {
    const rows = fixtureRows(kelurahan);
    const bad = [
      { ...rows[0]!, opd: 'NOPE' },
      { ...rows[1]!, kode: '1.03.11.2.01.0002' },
      { ...rows[2]!, kas: rows[2]!.kas.map((v, i) => (i === 0 ? v + 5 : v)) },
      { ...rows[3]!, fisik: [5, 10, 20, 15, 40, 50, 60, 70, 80, 90, 95, 100] },
    ];
    const dry = await upload(toCsv(bad), true);
    expect(dry.statusCode).toBe(200);
    const errors = dry.json().errors as Array<{ row: number; column: string; reason: { id: string } }>;
    expect(errors).toEqual([
      { row: 2, column: 'Kode OPD', reason: { id: 'kode OPD NOPE tidak ada di Pemda ini', en: 'OPD code NOPE does not exist in this Pemda' } },
      { row: 3, column: 'Kode Sub Kegiatan', reason: { id: 'sub kegiatan 1.03.11.2.01.0002 bukan bagian kegiatan 1.03.10.2.01', en: 'sub-activity 1.03.11.2.01.0002 is not under activity 1.03.10.2.01' } },
      { row: 4, column: 'Kas', reason: expect.objectContaining({ id: 'jumlah anggaran kas Rp 1.200.000.005 tidak sama dengan pagu Rp 1.200.000.000' }) },
      { row: 5, column: 'Fisik 4', reason: expect.objectContaining({ id: 'persen kumulatif turun dari 20 ke 15' }) },
    ]);
    const real = await upload(toCsv(bad), false);
    expect(real.statusCode).toBe(422);
    expect(real.json().detail).toBe('4 baris ditolak; tidak ada yang disimpan. Perbaiki lalu unggah ulang.');
    expect(await count('budget_sub_kegiatan')).toBe(0);
  });

  it('refuses an unreadable file with the reason', async () => {
    const res = await upload('just,some,text\n1,2,3', true);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Berkas tidak dapat dibaca: Judul kolom "Kode Sub Kegiatan" dan "Pagu" tidak ditemukan; gunakan template');
  });

  it('dry-runs without writing, imports, and a re-import changes nothing', async () => {
    const csv = toCsv(fixtureRows(kelurahan));
    const auditBefore = await count('audit_log');
    const dry = await upload(csv, true);
    expect(dry.json()).toMatchObject({ dryRun: true, totalRows: 4, valid: 4, inserted: 4, updated: 0, errors: [] });
    expect(await count('budget_sub_kegiatan')).toBe(0);
    expect(await count('audit_log')).toBe(auditBefore);
    const real = await upload(csv, false);
    expect(real.json()).toMatchObject({ dryRun: false, inserted: 4, updated: 0, unchanged: 0 });
    expect(await count('budget_sub_kegiatan')).toBe(4);
    expect(await count('budget_bulanan')).toBe(48);
    expect(await count('budget_program')).toBe(3);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const again = await upload(csv, false);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const rows = await t.database.db.selectFrom('budget_sub_kegiatan').select(['id', 'kode', 'dilindungi', 'dilindungi_alasan', 'wilayah_kode']).where('pemda_id', '=', pemda.id).execute();
    for (const row of rows) subs.set(row.kode, row.id);
    // Urusan sosial is protected by the rule even though the file did not say so.
    expect(rows.find((r) => r.kode === '1.06.06.2.01.0001')).toMatchObject({ dilindungi: true, dilindungi_alasan: 'urusan sosial (1.06)' });
    expect(rows.find((r) => r.kode === '1.03.10.2.01.0001')?.wilayah_kode).toBe(kelurahan);
  });

  it('updates a changed pagu on re-import and counts it as updated', async () => {
    const rows = fixtureRows(kelurahan);
    const changed = rows.map((r) => (r.kode === '1.03.01.2.02.0001' ? { ...r, nama: 'Penyediaan Gaji dan Tunjangan ASN (revisi)' } : r));
    expect((await upload(toCsv(changed), false)).json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    expect((await upload(toCsv(rows), false)).json()).toMatchObject({ updated: 1 });
  });
});

describe('realisation entry', () => {
  const url = (kode: string, bulan: number) => `/api/v1/budget/sub-kegiatan/${subs.get(kode)}/realisasi/${bulan}`;
  const road = '1.03.10.2.01.0001';

  it('401 anonymous, 403 for roles that may not enter realisation', async () => {
    expect((await t.request({ method: 'PUT', url: url(road, 6), payload: { realisasiKeuangan: 0, realisasiFisik: 8 } })).statusCode).toBe(401);
    const bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
    const res = await t.request({ method: 'PUT', url: url(road, 6), cookie: bkpsdm.cookie, payload: { realisasiKeuangan: 0, realisasiFisik: 8 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('Anda tidak berwenang melakukan tindakan ini.');
  });

  it('400 with the exact Indonesian message', async () => {
    const falling = await t.request({ method: 'PUT', url: url(road, 6), cookie: operator.cookie, payload: { realisasiKeuangan: 0, realisasiFisik: 4 } });
    expect(falling.statusCode).toBe(400);
    expect(falling.json().detail).toBe('Progres fisik kumulatif bulan 6 (4 %) tidak boleh lebih kecil dari bulan sebelumnya (5 %).');
    const over = await t.request({ method: 'PUT', url: url('1.03.01.2.02.0001', 7), cookie: operator.cookie, payload: { realisasiKeuangan: 700 * M, realisasiFisik: 58 } });
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toBe('Realisasi kumulatif (Rp 1.300.000.000) melebihi pagu efektif (Rp 1.200.000.000).');
    const invalid = await t.request({ method: 'PUT', url: url(road, 6), cookie: operator.cookie, payload: { realisasiKeuangan: 0, realisasiFisik: 150 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().detail).toBe('Data yang dikirim tidak valid.');
    expect(invalid.json().errors[0].message).toBe('realisasiFisik maksimal 100');
  });

  it("404 for another OPD's or another Pemda's activity, and nothing changes", async () => {
    const before = [await count('budget_bulanan'), await count('audit_log'), await count('audit_log', other.id)];
    const snapshot = await sql<{ s: string }>`SELECT string_agg(coalesce(realisasi_fisik::text, '-'), ',' ORDER BY sub_kegiatan_id, bulan) AS s FROM budget_bulanan WHERE pemda_id = ${pemda.id}`.execute(t.database.db);
    const foreignOperator = await t.request({ method: 'PUT', url: url(road, 6), cookie: dinsosOperator.cookie, payload: { realisasiKeuangan: 0, realisasiFisik: 8 } });
    expect(foreignOperator.statusCode).toBe(404);
    const otherAdmin = await buildUser(t.database.db, other.id, 'admin_pemda');
    for (const request of [
      { method: 'PUT' as const, url: url(road, 6), payload: { realisasiKeuangan: 0, realisasiFisik: 8 } },
      { method: 'GET' as const, url: `/api/v1/budget/sub-kegiatan/${subs.get(road)}` },
      { method: 'GET' as const, url: `/api/v1/budget/opd/${opds.DPUPR}` },
      { method: 'PATCH' as const, url: `/api/v1/budget/sub-kegiatan/${subs.get(road)}`, payload: { mendesak: true } },
    ]) {
      const res = await t.request({ ...request, cookie: otherAdmin.cookie });
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(404);
      expect(res.json().detail).toMatch(/tidak ditemukan/);
    }
    const dinsosView = await t.request({ method: 'GET', url: `/api/v1/budget/opd/${opds.DPUPR}`, cookie: dinsosOperator.cookie });
    expect(dinsosView.statusCode).toBe(404);
    const after = await sql<{ s: string }>`SELECT string_agg(coalesce(realisasi_fisik::text, '-'), ',' ORDER BY sub_kegiatan_id, bulan) AS s FROM budget_bulanan WHERE pemda_id = ${pemda.id}`.execute(t.database.db);
    expect([await count('budget_bulanan'), await count('audit_log'), await count('audit_log', other.id)]).toEqual(before);
    expect(after.rows[0]?.s).toBe(snapshot.rows[0]?.s);
  });

  it('records the month, refreshes the roll-up and writes an audit row', async () => {
    const auditBefore = await count('audit_log');
    const res = await t.request({ method: 'PUT', url: url(road, 6), cookie: operator.cookie, payload: { realisasiKeuangan: 0, realisasiFisik: 8, sp2dRef: 'SP2D-0611/2025' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().bulan[5]).toMatchObject({ bulan: 6, realisasiKeuangan: 0, realisasiFisik: 8, sp2dRef: 'SP2D-0611/2025' });
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'actor_role']).where('pemda_id', '=', pemda.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'budget.realisasi.record', entity_id: subs.get(road), actor_role: 'operator_opd' });
  });

  it('refuses a month that has not started', async () => {
    const rows = fixtureRows(kelurahan).slice(0, 1);
    expect((await upload(toCsv(rows, { tahun: 2099, withRealisation: false }), false)).statusCode).toBe(200);
    const future = await t.database.db.selectFrom('budget_sub_kegiatan').select('id').where('pemda_id', '=', pemda.id).where('tahun', '=', 2099).executeTakeFirstOrThrow();
    const res = await t.request({ method: 'PUT', url: `/api/v1/budget/sub-kegiatan/${future.id}/realisasi/1`, cookie: operator.cookie, payload: { realisasiKeuangan: 1, realisasiFisik: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Realisasi bulan 1 2099 belum dapat diisi.');
  });
});

describe('overview and OPD page (BRIEF §4.10 worked example)', () => {
  it('computes %keuangan, pagu-weighted %fisik, deviation, critical count and band', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/budget/overview?tahun=2025&bulan=6', cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const dpupr = body.opd.find((o: { opdCode: string }) => o.opdCode === 'DPUPR');
    expect(dpupr).toMatchObject({
      pagu: 2700 * M,
      rencanaKeuangan: 1000 * M,
      realisasiKeuangan: 850 * M,
      persenKeuangan: 31.48,
      capaian: 85,
      band: 'tinggi',
      rencanaFisik: 37.04,
      realisasiFisik: 32.59,
      deviasiFisik: 4.45,
      jumlahKritis: 1,
    });
    const dinsos = body.opd.find((o: { opdCode: string }) => o.opdCode === 'DINSOS');
    expect(dinsos).toMatchObject({ capaian: 100, band: 'sangat_tinggi', rank: 1, jumlahKritis: 0 });
    expect(dpupr.rank).toBe(2);
    expect(body.total).toMatchObject({ pagu: 3000 * M, realisasiKeuangan: 1000 * M, persenKeuangan: 33.33 });
    expect(body.kurva).toHaveLength(12);
    expect(body.kurva[5]).toMatchObject({ bulan: 6, realisasiKeuangan: 33.33 });
    expect(body.kurva[6].realisasiKeuangan).toBeNull();
    expect(body.kurva[11].rencanaKeuangan).toBe(100);
  });

  it("shows the OPD's own page to its operator, with the critical activity", async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/budget/opd/${opds.DPUPR}?tahun=2025&bulan=6`, cookie: operator.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.canWrite).toBe(true);
    const road = body.subKegiatan.find((s: { kode: string }) => s.kode === '1.03.10.2.01.0001');
    expect(road).toMatchObject({ rencanaFisik: 20, realisasiFisik: 8, deviasiFisik: 12, kritis: true, wilayahKode: kelurahan });
    expect(body.subKegiatan.filter((s: { kritis: boolean }) => s.kritis)).toHaveLength(1);
    expect((await t.request({ method: 'GET', url: '/api/v1/budget/overview', cookie: operator.cookie })).statusCode).toBe(403);
  });

  it('lets admin_pemda classify a sub-kegiatan, but never lift protection found by the rule', async () => {
    const id = subs.get('1.06.06.2.01.0001');
    const res = await t.request({ method: 'PATCH', url: `/api/v1/budget/sub-kegiatan/${id}`, cookie: admin.cookie, payload: { dilindungi: false } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Sub kegiatan ini dilindungi karena urusan sosial (1.06); status lindung tidak dapat dicabut.');
    const ok = await t.request({ method: 'PATCH', url: `/api/v1/budget/sub-kegiatan/${subs.get('1.03.10.2.01.0001')}`, cookie: admin.cookie, payload: { sasaranKode: 'S.1.2' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().row.sasaranKode).toBe('S.1.2');
    const back = await t.request({ method: 'PATCH', url: `/api/v1/budget/sub-kegiatan/${subs.get('1.03.10.2.01.0001')}`, cookie: admin.cookie, payload: { sasaranKode: null } });
    expect(back.json().row.sasaranKode).toBeNull();
    const unknown = await t.request({ method: 'PATCH', url: `/api/v1/budget/sub-kegiatan/${id}`, cookie: admin.cookie, payload: { sasaranKode: 'S.9.9' } });
    expect(unknown.json().detail).toBe('Sasaran S.9.9 tidak ada di RPJMD.');
  });

  it('exports XLSX and PDF', async () => {
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/budget/export/overview/xlsx?tahun=2025&bulan=6', cookie: admin.cookie });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.request({ method: 'GET', url: `/api/v1/budget/opd/${opds.DPUPR}/export?format=pdf&tahun=2025&bulan=6`, cookie: operator.cookie });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('feeds the scorecard metrics and the flags', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/metrics?month=2025-06&opd=${opds.DPUPR}`, cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    const metrics = (res.json().metrics as Array<{ key: string; value: number; numerator: number; denominator: number; link: string }>).filter((m) => m.key.startsWith('budget.'));
    const byKey = Object.fromEntries(metrics.map((m) => [m.key, m]));
    expect(byKey['budget.realisasi_vs_rencana']).toMatchObject({ value: 85, numerator: 850 * M, denominator: 1000 * M, link: `/anggaran/opd/${opds.DPUPR}?tahun=2025&bulan=6` });
    expect(byKey['budget.kegiatan_kritis']).toMatchObject({ value: 1, numerator: 1, denominator: 3, link: `/anggaran/opd/${opds.DPUPR}?tahun=2025&bulan=6&kritis=1` });
    expect(byKey['budget.deviasi_fisik']).toMatchObject({ value: 4.45, denominator: 2700 * M });
  });
});
