import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { fixtureRows, M, multipart, RPJMD, toCsv } from './budget-fixtures';

/**
 * Revenue, the year-end projection and the shortfall rule end to end.
 * PBB-P2 collected 1,1,1,1,1,1,2,40,30,10,6,6 (× Rp 1 bn) in 2023 and 2024: 88 % by October. 2025 runs at
 * 90 % of that: Rp 79.2 bn by October -> seasonal projection 79.2 / 0.88 = Rp 90 bn against a Rp 91 bn target.
 * Market retribution is flat at Rp 1 bn a month and meets its Rp 12 bn target. Total gap Rp 1 bn of Rp 103 bn
 * (0.97 %): below the default 2 % threshold, above a 0.5 % one. The unspent road building (Rp 900 jt, linked to
 * no target) and road rehabilitation (Rp 350 jt, priority target) cover it; the food aid for the poor (urusan
 * sosial) is never proposed.
 */
let t: TestApp;
let pemda: { id: string };
let admin: { cookie: string };
let head: { cookie: string };
let sekda: { cookie: string };
let operator: { cookie: string };
const subs = new Map<string, string>();
const sources: Record<string, string> = {};
const B = 1000 * M;
const PBB = [1, 1, 1, 1, 1, 1, 2, 40, 30, 10, 6, 6];

const auditCount = async () => Number((await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemda.id).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  const dpupr = await buildOpd(t.database.db, pemda.id, { code: 'DPUPR' });
  await buildOpd(t.database.db, pemda.id, { code: 'DINSOS' });
  admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  head = await buildUser(t.database.db, pemda.id, 'kepala_daerah');
  sekda = await buildUser(t.database.db, pemda.id, 'sekda');
  operator = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: dpupr.id });
  expect((await t.request({ method: 'PUT', url: '/api/v1/budget/rpjmd', cookie: admin.cookie, payload: RPJMD })).statusCode).toBe(200);
  const w = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('level', '=', 'kelurahan').executeTakeFirstOrThrow();
  const imported = await t.request({ method: 'POST', url: '/api/v1/budget/import?dryRun=false', cookie: admin.cookie, ...multipart('apbd.csv', toCsv(fixtureRows(w.kode))) });
  expect(imported.statusCode).toBe(200);
  for (const row of await t.database.db.selectFrom('budget_sub_kegiatan').select(['id', 'kode']).where('pemda_id', '=', pemda.id).execute()) subs.set(row.kode, row.id);
  for (const [kode, nama, kelompok] of [['4.1.01.15', 'PBB-P2', 'pajak'], ['4.1.02.02', 'Retribusi Pelayanan Pasar', 'retribusi']] as const) {
    const res = await t.request({ method: 'POST', url: '/api/v1/budget/revenue/sources', cookie: admin.cookie, payload: { kode, nama, kelompok } });
    expect(res.statusCode).toBe(200);
    sources[kode] = res.json().id;
  }
  // History and this year's months go straight to the table; the endpoint is exercised below.
  const rows = [];
  for (const year of [2023, 2024, 2025]) {
    for (let m = 1; m <= 12; m += 1) {
      if (year === 2025 && m > 10) continue;
      const factor = year === 2025 ? 0.9 : 1;
      rows.push({ pemda_id: pemda.id, sumber_id: sources['4.1.01.15'] as string, tahun: year, bulan: m, jumlah: (PBB[m - 1] as number) * B * factor });
      rows.push({ pemda_id: pemda.id, sumber_id: sources['4.1.02.02'] as string, tahun: year, bulan: m, jumlah: B });
    }
  }
  await t.database.db.insertInto('budget_pad_realisasi').values(rows).execute();
  for (const [kode, target] of [['4.1.01.15', 91 * B], ['4.1.02.02', 12 * B]] as const) {
    const res = await t.request({ method: 'PUT', url: `/api/v1/budget/revenue/${sources[kode]}/2025/target`, cookie: admin.cookie, payload: { targetMurni: target, targetPerubahan: null } });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(async () => t?.close());

describe('revenue', () => {
  it('projects the year end from the seasonal profile of earlier years', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/budget/revenue?tahun=2025', cookie: head.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.bulan).toBe(10);
    const pbb = body.sumber.find((s: { kode: string }) => s.kode === '4.1.01.15');
    expect(pbb).toMatchObject({ metode: 'musiman', realisasi: 79.2 * B, proyeksi: 90 * B, selisih: 1 * B, target: 91 * B });
    expect(body.total).toMatchObject({ target: 103 * B, proyeksi: 102 * B, selisih: 1 * B, metode: 'musiman', tahunPola: [2023, 2024] });
    expect(body.kurva[9].realisasiKumulatif).toBe(89.2 * B);
    expect(body.kurva[11].proyeksiKumulatif).toBe(102 * B);
  });

  it('is linear for a year without history, and a revised target replaces the original', async () => {
    const put = await t.request({ method: 'PUT', url: `/api/v1/budget/revenue/${sources['4.1.02.02']}/2023/target`, cookie: admin.cookie, payload: { targetMurni: 10 * B, targetPerubahan: 11 * B } });
    expect(put.statusCode).toBe(200);
    const res = await t.request({ method: 'GET', url: '/api/v1/budget/revenue?tahun=2023&bulan=6', cookie: admin.cookie });
    const pasar = res.json().sumber.find((s: { kode: string }) => s.kode === '4.1.02.02');
    expect(pasar).toMatchObject({ metode: 'linear', realisasi: 6 * B, proyeksi: 12 * B, target: 11 * B, targetPerubahan: 11 * B });
  });

  it('records a month of PAD with an audit row; 400 on a future month; 404 for an unknown source', async () => {
    const before = await auditCount();
    const ok = await t.request({ method: 'PUT', url: `/api/v1/budget/revenue/${sources['4.1.02.02']}/2025/10`, cookie: admin.cookie, payload: { jumlah: B } });
    expect(ok.statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 1);
    const future = await t.request({ method: 'PUT', url: `/api/v1/budget/revenue/${sources['4.1.02.02']}/2099/1`, cookie: admin.cookie, payload: { jumlah: B } });
    expect(future.json().detail).toBe('Realisasi bulan 1 2099 belum dapat diisi.');
    const missing = await t.request({ method: 'PUT', url: '/api/v1/budget/revenue/00000000-0000-4000-8000-000000000000/2025/1', cookie: admin.cookie, payload: { jumlah: B } });
    expect(missing.statusCode).toBe(404);
    expect((await t.request({ method: 'PUT', url: `/api/v1/budget/revenue/${sources['4.1.02.02']}/2025/10`, cookie: operator.cookie, payload: { jumlah: B } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/budget/revenue', cookie: operator.cookie })).statusCode).toBe(403);
  });
});

describe('shortfall rule', () => {
  it('does not propose below the threshold, and says why', async () => {
    const evaluation = await t.request({ method: 'GET', url: '/api/v1/budget/shortfall?tahun=2025', cookie: sekda.cookie });
    expect(evaluation.json()).toMatchObject({ terpicu: false, selisih: 1 * B, selisihPersen: 0.97, ambangPersen: 2, usulan: [] });
    const res = await t.request({ method: 'POST', url: '/api/v1/budget/postponements', cookie: admin.cookie, payload: { tahun: 2025 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Proyeksi kekurangan PAD (0.97 %) belum melewati ambang 2 %; usulan penundaan tidak diperlukan.');
  });

  it('proposes non-urgent, uncontracted physical activities until the gap is covered, never a protected one', async () => {
    const settings = await t.request({ method: 'PUT', url: '/api/v1/budget/settings', cookie: admin.cookie, payload: { ambangPersen: 0.5, kriteria: ['keterkaitan_prioritas', 'progres_terendah', 'sisa_terbesar'], dasarHukum: 'Instruksi Wali Kota (uji)' } });
    expect(settings.statusCode).toBe(200);
    expect((await t.request({ method: 'PUT', url: '/api/v1/budget/settings', cookie: head.cookie, payload: settings.json() })).statusCode).toBe(403);
    const res = await t.request({ method: 'POST', url: '/api/v1/budget/postponements', cookie: admin.cookie, payload: { tahun: 2025 } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.items.map((i: { kode: string }) => i.kode)).toEqual(['1.03.10.2.01.0001', '1.03.10.2.01.0002']);
    expect(body.items.map((i: { jumlah: number }) => i.jumlah)).toEqual([900 * M, 350 * M]);
    expect(body.jumlahDitunda).toBeGreaterThanOrEqual(body.selisih);
    expect(body.items.some((i: { kode: string }) => i.kode.startsWith('1.06'))).toBe(false);
    expect(body.items[0].alasan.id).toContain('tidak terkait sasaran RPJMD');
    expect(body.status).toBe('diusulkan');
    const again = await t.request({ method: 'POST', url: '/api/v1/budget/postponements', cookie: admin.cookie, payload: { tahun: 2025 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Masih ada usulan penundaan tahun 2025 yang menunggu keputusan.');
    // The leader's inbox (FlagSource contract) shows the waiting decision.
    const flags = (await t.request({ method: 'GET', url: '/api/v1/flags', cookie: head.cookie })).json().flags as Array<{ kind: string; severity: string; title: { id: string }; link: string }>;
    expect(flags.find((f) => f.kind === 'budget.pad_kurang')).toMatchObject({ severity: 'critical', link: '/anggaran/penundaan', title: { id: 'Usulan penundaan kegiatan fisik menunggu keputusan: PAD diproyeksikan kurang Rp 1.000.000.000' } });
  });

  it('lets the head edit the list, refuses a protected activity, records the decision and updates the plan', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/budget/postponements?tahun=2025', cookie: head.cookie });
    const proposal = list.json().items[0];
    expect(proposal.canDecide).toBe(true);
    const url = `/api/v1/budget/postponements/${proposal.id}/decision`;
    expect((await t.request({ method: 'POST', url, cookie: admin.cookie, payload: { keputusan: 'setujui', catatan: 'x' } })).statusCode).toBe(403);
    const protectedTry = await t.request({ method: 'POST', url, cookie: head.cookie, payload: { keputusan: 'setujui', subKegiatanIds: [subs.get('1.03.10.2.01.0001'), subs.get('1.06.06.2.01.0001')], catatan: 'Tambah permakanan' } });
    expect(protectedTry.statusCode).toBe(400);
    expect(protectedTry.json().detail).toBe('Sub kegiatan 1.06.06.2.01.0001 tidak dapat ditunda: dilindungi (urusan sosial (1.06)).');
    const salary = await t.request({ method: 'POST', url, cookie: head.cookie, payload: { keputusan: 'setujui', subKegiatanIds: [subs.get('1.03.01.2.02.0001')], catatan: 'Gaji' } });
    expect(salary.json().detail).toBe('Sub kegiatan 1.03.01.2.02.0001 tidak dapat ditunda: bukan kegiatan fisik.');
    const empty = await t.request({ method: 'POST', url, cookie: head.cookie, payload: { keputusan: 'setujui', subKegiatanIds: [], catatan: 'Kosong' } });
    expect(empty.json().detail).toBe('Daftar penundaan yang disetujui tidak boleh kosong; pilih "tolak" bila tidak ada yang ditunda.');
    const before = await auditCount();
    const approved = await t.request({ method: 'POST', url, cookie: head.cookie, payload: { keputusan: 'setujui', subKegiatanIds: [subs.get('1.03.10.2.01.0001')], catatan: 'Rehabilitasi jalan tetap jalan; pembangunan jalan baru ditunda ke 2026.' } });
    expect(approved.statusCode).toBe(200);
    const decided = approved.json();
    expect(decided).toMatchObject({ status: 'disetujui', diputuskanPeran: 'kepala_daerah', jumlahDitunda: 900 * M, canDecide: false });
    expect(decided.items.map((i: { kode: string; termasuk: boolean }) => [i.kode, i.termasuk])).toEqual([['1.03.10.2.01.0001', true], ['1.03.10.2.01.0002', false]]);
    expect(await auditCount()).toBe(before + 1);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_role', 'diff']).where('pemda_id', '=', pemda.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'budget.penundaan.approve', actor_role: 'kepala_daerah' });
    expect(JSON.stringify(audit.diff)).toContain(subs.get('1.03.10.2.01.0002'));
    const road = await t.database.db.selectFrom('budget_sub_kegiatan').select(['status', 'pagu_ditunda']).where('pemda_id', '=', pemda.id).where('id', '=', subs.get('1.03.10.2.01.0001') as string).executeTakeFirstOrThrow();
    expect(road).toEqual({ status: 'ditunda', pagu_ditunda: 900 * M });
    const later = await t.database.db.selectFrom('budget_bulanan').select(['bulan', 'rencana_keuangan']).where('pemda_id', '=', pemda.id).where('sub_kegiatan_id', '=', subs.get('1.03.10.2.01.0001') as string).where('bulan', '>', 10).execute();
    expect(later.every((m) => m.rencana_keuangan === 0)).toBe(true);
    const overview = await t.request({ method: 'GET', url: '/api/v1/budget/overview?tahun=2025&bulan=6', cookie: head.cookie });
    expect(overview.json().opd.find((o: { opdCode: string }) => o.opdCode === 'DPUPR').pagu).toBe(1800 * M);
    const twice = await t.request({ method: 'POST', url, cookie: sekda.cookie, payload: { keputusan: 'tolak', catatan: 'Terlambat' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('Usulan ini sudah diputuskan (disetujui).');
    const entry = await t.request({ method: 'PUT', url: `/api/v1/budget/sub-kegiatan/${subs.get('1.03.10.2.01.0001')}/realisasi/7`, cookie: operator.cookie, payload: { realisasiKeuangan: 1, realisasiFisik: 9 } });
    expect(entry.json().detail).toBe('Sub kegiatan ini ditunda; realisasi tidak dapat diisi.');
    const pdf = await t.request({ method: 'GET', url: `/api/v1/budget/postponements/${proposal.id}/export/pdf`, cookie: head.cookie });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for another Pemda’s proposal and changes nothing', async () => {
    const other = await buildPemda(t.database.db);
    const otherHead = await buildUser(t.database.db, other.id, 'kepala_daerah');
    const list = await t.request({ method: 'GET', url: '/api/v1/budget/postponements', cookie: head.cookie });
    const id = list.json().items[0].id;
    const before = await auditCount();
    const read = await t.request({ method: 'GET', url: `/api/v1/budget/postponements/${id}`, cookie: otherHead.cookie });
    expect(read.statusCode).toBe(404);
    const decide = await t.request({ method: 'POST', url: `/api/v1/budget/postponements/${id}/decision`, cookie: otherHead.cookie, payload: { keputusan: 'tolak', catatan: 'x' } });
    expect(decide.statusCode).toBe(404);
    expect(decide.json().detail).toBe('Usulan penundaan tidak ditemukan.');
    expect(await auditCount()).toBe(before);
  });
});

describe('plans, IKU and alignment', () => {
  it('records quarterly IKU realisation with evidence by the owning OPD and bands the achievement', async () => {
    const iku = await t.database.db.selectFrom('budget_iku').select('id').where('pemda_id', '=', pemda.id).where('kode', '=', 'IKU-01').executeTakeFirstOrThrow();
    const url = `/api/v1/budget/iku/${iku.id}/2025/2`;
    const missing = await t.request({ method: 'PUT', url, cookie: operator.cookie, payload: { nilai: 70 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].message).toBe('bukti wajib diisi');
    const res = await t.request({ method: 'PUT', url, cookie: operator.cookie, payload: { nilai: 70, bukti: 'Laporan survei kondisi jalan TW II 2025', buktiUrl: 'https://example.go.id/survei-jalan.pdf' } });
    expect(res.statusCode).toBe(200);
    // 70 of a target of 80 = 87.5 % -> "tinggi".
    expect(res.json()).toMatchObject({ capaian: 87.5, band: 'tinggi', target: 80 });
    const future = await t.request({ method: 'PUT', url: `/api/v1/budget/iku/${iku.id}/2099/1`, cookie: operator.cookie, payload: { nilai: 1, bukti: 'x' } });
    expect(future.json().detail).toBe('Triwulan 1 tahun 2099 belum berakhir.');
    const metrics = await t.request({ method: 'GET', url: '/api/v1/metrics?month=2025-06&key=budget.capaian_iku', cookie: admin.cookie });
    expect(metrics.json().metrics[0]).toMatchObject({ value: 87.5, numerator: 87.5, denominator: 1 });
  });

  it('attaches an evidence file to a recorded quarter, serves it to budget readers only, refuses fakes and other OPDs', async () => {
    const iku = await t.database.db.selectFrom('budget_iku').select('id').where('pemda_id', '=', pemda.id).where('kode', '=', 'IKU-01').executeTakeFirstOrThrow();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const base = `/api/v1/budget/iku/${iku.id}/2025`;
    // Quarter 1 has no value yet: the file is refused with the reason, nothing is stored or audited.
    const before = await auditCount();
    const early = await t.request({ method: 'POST', url: `${base}/1/bukti`, cookie: operator.cookie, ...multipart('laporan.pdf', pdf) });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Catat dulu nilai capaian TW1 2025, lalu unggah berkas buktinya.');
    const fake = await t.request({ method: 'POST', url: `${base}/2/bukti`, cookie: operator.cookie, ...multipart('laporan.pdf', '<html>not a pdf</html>') });
    expect(fake.statusCode).toBe(415);
    const none = await t.request({ method: 'POST', url: `${base}/2/bukti`, cookie: operator.cookie, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('BUDGET_IKU_EVIDENCE_MISSING');
    expect(await auditCount()).toBe(before);
    // Another OPD's operator may not attach to DPUPR's IKU (404, not 403).
    const dinsos = await t.database.db.selectFrom('opd').select('id').where('pemda_id', '=', pemda.id).where('code', '=', 'DINSOS').executeTakeFirstOrThrow();
    const stranger = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: dinsos.id });
    expect((await t.request({ method: 'POST', url: `${base}/2/bukti`, cookie: stranger.cookie, ...multipart('laporan.pdf', pdf) })).statusCode).toBe(404);

    const ok = await t.request({ method: 'POST', url: `${base}/2/bukti`, cookie: operator.cookie, ...multipart('laporan-tw2.pdf', pdf) });
    expect(ok.statusCode).toBe(200);
    const { url, sha256 } = ok.json() as { url: string; sha256: string };
    expect(await auditCount()).toBe(before + 2); // file.stored + budget.iku.evidence, in the same transaction
    const list = await t.request({ method: 'GET', url: '/api/v1/budget/iku?tahun=2025', cookie: sekda.cookie });
    const row = (list.json().items as Array<{ id: string; triwulan: Array<{ buktiFile: { name: string; url: string } | null } | null> }>).find((r) => r.id === iku.id);
    expect(row?.triwulan[1]?.buktiFile).toEqual({ name: 'laporan-tw2.pdf', url });
    const file = await t.request({ method: 'GET', url, cookie: sekda.cookie });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // Re-saving the value keeps the file; a digest that is not the quarter's is not served.
    expect((await t.request({ method: 'PUT', url: base + '/2', cookie: operator.cookie, payload: { nilai: 71, bukti: 'Laporan survei kondisi jalan TW II 2025 (revisi)' } })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url, cookie: sekda.cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: url.replace(sha256, 'a'.repeat(64)), cookie: sekda.cookie })).statusCode).toBe(404);
    const outsider = await buildUser(t.database.db, (await buildPemda(t.database.db)).id, 'sekda');
    expect((await t.request({ method: 'GET', url, cookie: outsider.cookie })).statusCode).toBe(404);
  });

  it('lists what links to no RPJMD target', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/budget/alignment?tahun=2025', cookie: sekda.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tanpaSasaran.map((s: { kode: string }) => s.kode).sort()).toEqual(['1.03.10.2.01.0001', '1.06.06.2.01.0001']);
    expect(body.sasaranTanpaKegiatan).toEqual([{ kode: 'S.1.2', uraian: 'Menurunnya genangan banjir' }]);
    expect(body.ikuTanpaTarget.map((i: { kode: string }) => i.kode)).toEqual(['IKU-02']);
    expect(body.prioritas).toEqual({ jumlah: 2, pagu: 1700 * M });
    const rpjmd = await t.request({ method: 'GET', url: '/api/v1/budget/rpjmd?tahun=2025', cookie: operator.cookie });
    expect(rpjmd.json().misi[0].tujuan[0].sasaran[0]).toMatchObject({ kode: 'S.1.1', jumlahSub: 2 });
  });

  it('raises a revenue flag while no postponement is approved and a flag per OPD with critical activities', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/flags', cookie: head.cookie });
    expect(res.statusCode).toBe(200);
    const kinds = (res.json().flags as Array<{ kind: string }>).map((f) => f.kind);
    // 2025's proposal is approved, so no revenue flag remains for it.
    expect(kinds).not.toContain('budget.pad_kurang');
  });
});

describe('monthly PAD recap import', () => {
  const csv = (...rows: string[]) => `Kode Rekening;Tahun;Jan;Feb;Mar;Apr;Mei;Jun;Jul;Agu;Sep;Okt;Nov;Des\n${rows.join('\n')}\n`;
  const upload = (body: string, dryRun: boolean, cookie = admin.cookie) => t.request({ method: 'POST', url: `/api/v1/budget/revenue/import?dryRun=${dryRun}`, cookie, ...multipart('rekap-pad.csv', body) });
  const stored = async () => (await t.database.db.selectFrom('budget_pad_realisasi').select(['bulan', 'jumlah']).where('pemda_id', '=', pemda.id).where('tahun', '=', 2022).orderBy('bulan').execute()).map((r) => [r.bulan, r.jumlah]);

  it('previews, then saves valid rows month by month; bad rows are reported with row, column and reason', async () => {
    const file = csv(
      '4.1.01.15;2022;1.000.000;2.500.000;;;;;;;;;;',
      '4.1.09.99;2022;5;;;;;;;;;;;', // unknown source
      '4.1.02.02;2022;sejuta;;;;;;;;;;;', // not an amount
      'x;22;1;;;;;;;;;;;', // bad code and year
      '4.1.02.02;2099;1;;;;;;;;;;;', // not ended yet
    );
    const before = await auditCount();
    const dry = await upload(file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, totalRows: 5, valid: 1, inserted: 2, updated: 0, unchanged: 0 });
    const errors = dry.json().errors as Array<{ row: number; column?: string; reason: { id: string } }>;
    expect(errors.map((e) => [e.row, e.column ?? null])).toEqual([[3, 'Kode Rekening'], [4, 'Jan'], [5, 'Kode Rekening'], [5, 'Tahun'], [6, null]]);
    expect(errors[0]?.reason.id).toBe('sumber PAD 4.1.09.99 belum terdaftar; tambahkan dulu sumbernya');
    expect(errors[4]?.reason.id).toBe('bulan 1 tahun 2099 belum dapat diisi');
    expect(await stored()).toEqual([]);
    expect(await auditCount()).toBe(before);

    const real = await upload(file, false);
    expect(real.json()).toMatchObject({ dryRun: false, valid: 1, inserted: 2, updated: 0 });
    expect(await stored()).toEqual([[1, 1_000_000], [2, 2_500_000]]);
    expect(await auditCount()).toBe(before + 1);

    // Idempotent: the same file again changes nothing; a corrected month is an update.
    expect((await upload(file, false)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await auditCount()).toBe(before + 1);
    expect((await upload(csv('4.1.01.15;2022;1.000.000;2.600.000;;;;;;;;;;'), false)).json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await stored()).toEqual([[1, 1_000_000], [2, 2_600_000]]);
  });

  it('refuses a file without the headers, and callers without budget.revenue.write', async () => {
    const bad = await upload('a;b\n1;2\n', true);
    expect(bad.statusCode).toBe(200);
    expect(bad.json().errors[0].reason.id).toContain('Kode Rekening');
    expect((await upload(csv('4.1.01.15;2022;1;;;;;;;;;;;'), false, operator.cookie)).statusCode).toBe(403);
    const template = await t.request({ method: 'GET', url: '/api/v1/budget/revenue/import/template.csv', cookie: admin.cookie });
    expect(template.body.split('\n')[0]).toBe('Kode Rekening;Tahun;Jan;Feb;Mar;Apr;Mei;Jun;Jul;Agu;Sep;Okt;Nov;Des');
  });
});
