import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { auditCount, indicatorWorld, multipart, populationInput, stuntingInput, tableCount, type World } from './indicators-support';

let t: TestApp;
let w: World;
let other: World;
let stuntingId: string;
let populationId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await indicatorWorld(t, '19.71');
  other = await indicatorWorld(t, '53.71');
});
afterAll(async () => t?.close());

const post = (url: string, cookie: string | undefined, payload: unknown, headers: Record<string, string> = {}) => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown>, headers });
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

describe('indicator catalogue', () => {
  it('answers 401, 403 and 400 with the exact Indonesian message', async () => {
    expect((await get('/api/v1/indicators')).statusCode).toBe(401);
    const forbidden = await post('/api/v1/indicators', w.cookies.pegawai, stuntingInput(w.opd.dinkes.id));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN', detail: 'Anda tidak berwenang melakukan tindakan ini.' });
    const missing = await post('/api/v1/indicators', w.cookies.admin, { nameId: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual({ path: 'code', message: 'code wajib diisi' });
    const noParts = await post('/api/v1/indicators', w.cookies.admin, stuntingInput(w.opd.dinkes.id, { numeratorCode: null }));
    expect(noParts.statusCode).toBe(400);
    expect(noParts.json()).toMatchObject({ code: 'INDICATOR_RATE_NEEDS_PARTS', detail: 'Indikator rasio wajib memiliki kode pembilang dan penyebut.' });
    expect(await tableCount(t, 'indicator')).toBe(0);
  });

  it('lets the producing OPD add its indicator, with an audit row; another OPD sees 404', async () => {
    const auditBefore = await auditCount(t, w.pemda.id);
    const foreignOpd = await post('/api/v1/indicators', w.cookies.dinsos, stuntingInput(w.opd.dinkes.id));
    expect(foreignOpd.statusCode).toBe(404);
    expect(await tableCount(t, 'indicator')).toBe(0);
    const created = await post('/api/v1/indicators', w.cookies.dinkes, stuntingInput(w.opd.dinkes.id));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'STUNTING', kind: 'rate', approval: 'draft', producer: { code: 'DINKES' }, can: { edit: true, enter: true, approve: false } });
    stuntingId = created.json().id;
    expect(await auditCount(t, w.pemda.id)).toBe(auditBefore + 1);
    expect(await auditCount(t, w.pemda.id, 'indicator.created')).toBe(1);
    const dup = await post('/api/v1/indicators', w.cookies.admin, stuntingInput(w.opd.dinkes.id));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toBe('Kode indikator STUNTING sudah dipakai di Pemda ini.');
    const pop = await post('/api/v1/indicators', w.cookies.admin, populationInput(w.opd.dinsos.id));
    expect(pop.statusCode).toBe(201);
    populationId = pop.json().id;
  });

  it('answers 404 across tenants and changes nothing', async () => {
    const before = [await tableCount(t, 'indicator'), await auditCount(t, w.pemda.id), await auditCount(t, other.pemda.id)];
    expect((await get(`/api/v1/indicators/${stuntingId}`, other.cookies.admin)).statusCode).toBe(404);
    const put = await t.request({ method: 'PUT', url: `/api/v1/indicators/${stuntingId}`, cookie: other.cookies.admin, payload: stuntingInput(other.opd.dinkes.id) });
    expect(put.statusCode).toBe(404);
    expect(put.json().detail).toBe('Indikator tidak ditemukan.');
    expect((await post(`/api/v1/indicators/${stuntingId}/approval`, other.cookies.admin, { decision: 'approved' })).statusCode).toBe(404);
    expect((await post(`/api/v1/indicators/${stuntingId}/values`, other.cookies.admin, { values: [{ wilayahKode: w.kelurahanOfFirst[0], period: '2024-Q1', numerator: 1, denominator: 10 }] })).statusCode).toBe(404);
    expect((await get(`/api/v1/indicators/${stuntingId}/map`, other.cookies.admin)).statusCode).toBe(404);
    expect([await tableCount(t, 'indicator'), await auditCount(t, w.pemda.id), await auditCount(t, other.pemda.id)]).toEqual(before);
  });

  it('takes the walidata approval from the head of the walidata OPD only', async () => {
    const notWalidata = await post(`/api/v1/indicators/${stuntingId}/approval`, w.cookies.kepalaDinsos, { decision: 'approved' });
    expect(notWalidata.statusCode).toBe(403);
    expect(notWalidata.json().detail).toBe('Hanya walidata (Admin Pemda atau Kepala OPD walidata) yang dapat melakukan ini.');
    const ok = await post(`/api/v1/indicators/${stuntingId}/approval`, w.cookies.walidata, { decision: 'approved', note: 'Metadata lengkap' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ approval: 'approved', approvalNote: 'Metadata lengkap', can: { approve: true, publish: true } });
    expect(await auditCount(t, w.pemda.id, 'indicator.approved')).toBe(1);
    await post(`/api/v1/indicators/${populationId}/approval`, w.cookies.admin, { decision: 'approved' });
  });
});

describe('data values', () => {
  it('lets only the producing OPD enter values, and aggregates rates from numerators and denominators', async () => {
    const [a, b] = w.kelurahanOfFirst as [string, string];
    const values = [
      { wilayahKode: a, period: '2024-Q1', numerator: 10, denominator: 1000 },
      { wilayahKode: b, period: '2024-Q1', numerator: 5, denominator: 10 },
    ];
    expect((await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinsos, { values })).statusCode).toBe(404);
    expect(await tableCount(t, 'indicator_value')).toBe(0);
    const dry = await post(`/api/v1/indicators/${stuntingId}/values?dryRun=true`, w.cookies.dinkes, { values });
    expect(dry.json()).toMatchObject({ dryRun: true, imported: 2, ignored: 0 });
    expect(await tableCount(t, 'indicator_value')).toBe(0);
    const auditBefore = await auditCount(t, w.pemda.id);
    const res = await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinkes, { values });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, total: 2, imported: 2, updated: 0, ignored: 0 });
    expect(await auditCount(t, w.pemda.id)).toBe(auditBefore + 1);

    const kel = await get(`/api/v1/indicators/${stuntingId}/map?period=2024-Q1`, w.cookies.pegawai);
    expect(kel.json().regions.find((r: { kode: string }) => r.kode === a)).toMatchObject({ value: 1, numerator: 10, denominator: 1000 });
    const kec = await get(`/api/v1/indicators/${stuntingId}/map?period=2024-Q1&level=kecamatan`, w.cookies.pegawai);
    expect(kec.statusCode).toBe(200);
    const region = kec.json().regions.find((r: { kode: string }) => r.kode === w.firstKec);
    // (10 + 5) / (1000 + 10) x 100 = 1.4851, not the mean of 1% and 50% (25.5%).
    expect(region).toMatchObject({ value: 1.4851, numerator: 15, denominator: 1010, reporting: 2, expected: w.kelurahanOfFirst.length });
    expect(kec.json()).toMatchObject({ aggregated: true, level: 'kecamatan' });
    const city = await get(`/api/v1/indicators/${stuntingId}/map?period=2024-Q1&level=pemda`, w.cookies.pegawai);
    expect(city.json().regions[0]).toMatchObject({ value: 1.4851 });
  });

  it('keeps the history of a changed value and changes nothing on the same entry', async () => {
    const a = w.kelurahanOfFirst[0] as string;
    const changed = await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinkes, { values: [{ wilayahKode: a, period: '2024-Q1', numerator: 12, denominator: 1000 }] });
    expect(changed.json()).toMatchObject({ updated: 1, imported: 0 });
    const auditBefore = await auditCount(t, w.pemda.id);
    const same = await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinkes, { values: [{ wilayahKode: a, period: '2024-Q1', numerator: 12, denominator: 1000 }] });
    expect(same.json()).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await auditCount(t, w.pemda.id)).toBe(auditBefore);
    const history = await get(`/api/v1/indicators/${stuntingId}/history?period=2024-Q1&wilayah=${a}`, w.cookies.pegawai);
    expect(history.json()).toMatchObject({ current: { value: 1.2, version: 2, source: 'form' }, history: [{ value: 1, numerator: 10, version: 1 }] });
  });

  it('refuses values of the wrong level, period or range with a reason each', async () => {
    const res = await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinkes, {
      values: [
        { wilayahKode: w.firstKec, period: '2024-Q2', numerator: 1, denominator: 10 },
        { wilayahKode: w.kelurahanOfFirst[0], period: '2024-05', numerator: 1, denominator: 10 },
        { wilayahKode: w.kelurahanOfFirst[0], period: '2024-Q2', numerator: 20, denominator: 10 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INDICATOR_VALUES_HAVE_ERRORS', detail: '3 nilai tidak dapat disimpan; perbaiki lalu kirim ulang.' });
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'indikator STUNTING dilaporkan per kelurahan, bukan per kecamatan',
      'periode "2024-05" tidak sesuai periodisitas quarterly',
      'pembilang lebih besar dari penyebut',
    ]);
  });

  it('imports a DHIS2 dataValueSet by code: dry run, summary with a reason per ignored value, idempotent', async () => {
    const [a, b, c] = w.kelurahanOfFirst as [string, string, string];
    const set = {
      dataSet: 'STUNTING_Q',
      dataValues: [
        { dataElement: 'STUNTING_NUM', period: '2024Q2', orgUnit: a.replace(/\./g, ''), value: '9' },
        { dataElement: 'STUNTING_DEN', period: '2024Q2', orgUnit: a.replace(/\./g, ''), value: '900' },
        { dataElement: 'STUNTING_NUM', period: '2024Q2', orgUnit: b, value: '4' },
        { dataElement: 'STUNTING_DEN', period: '2024Q2', orgUnit: b, value: '40' },
        { dataElement: 'STUNTING_NUM', period: '2024Q1', orgUnit: a, value: '11' },
        { dataElement: 'UNKNOWN_DE', period: '2024Q2', orgUnit: c, value: '1' },
        { dataElement: 'STUNTING_NUM', period: '202413', orgUnit: c, value: '1' },
        { dataElement: 'STUNTING_NUM', period: '2024Q2', orgUnit: other.kelurahanOfFirst[0], value: '1' },
        { dataElement: 'STUNTING_DEN', period: '2024Q2', orgUnit: c, value: 'banyak' },
        { dataElement: 'STUNTING_NUM', period: '2024Q2', orgUnit: b, value: '5' },
      ],
    };
    const valuesBefore = await tableCount(t, 'indicator_value');
    const dry = await post('/api/v1/indicator-values/dataValueSets?dryRun=true&idScheme=code', w.cookies.dinkes, set);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, total: 10, imported: 4, updated: 1, ignored: 5, status: 'WARNING', importCount: { imported: 4, updated: 1, ignored: 5, deleted: 0 } });
    expect(await tableCount(t, 'indicator_value')).toBe(valuesBefore);
    const reasons = dry.json().ignoredValues.map((v: { index: number; reason: { id: string } }) => [v.index, v.reason.id]);
    expect(reasons).toEqual([
      [5, 'kode data UNKNOWN_DE tidak dikenal di katalog indikator'],
      [6, 'periode "202413" tidak sesuai periodisitas quarterly'],
      [7, `kode wilayah ${other.kelurahanOfFirst[0]} bukan wilayah Pemda ini`],
      [8, 'nilai bukan angka'],
      [9, 'duplikat: nilai yang sama sudah ada pada butir 3'],
    ]);
    const real = await post('/api/v1/indicator-values/dataValueSets?idScheme=code', w.cookies.dinkes, set);
    expect(real.json()).toMatchObject({ dryRun: false, imported: 4, updated: 1, ignored: 5 });
    expect(await tableCount(t, 'indicator_value')).toBe(valuesBefore + 2);
    const map = await get(`/api/v1/indicators/${stuntingId}/map?period=2024-Q2`, w.cookies.pegawai);
    expect(map.json().regions.find((r: { kode: string }) => r.kode === a)).toMatchObject({ value: 1, numerator: 9, denominator: 900 });
    expect(map.json().regions.find((r: { kode: string }) => r.kode === b)).toMatchObject({ value: 10 });
    // Partial update: a new numerator for 2024-Q1 merges with the stored denominator and recomputes the rate.
    expect((await get(`/api/v1/indicators/${stuntingId}/values?period=2024-Q1&wilayah=${a}`, w.cookies.pegawai)).json().items[0]).toMatchObject({ numerator: 11, denominator: 1000, value: 1.1, source: 'dhis2' });
    const again = await post('/api/v1/indicator-values/dataValueSets', w.cookies.dinkes, set);
    expect(again.json()).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    const uid = await post('/api/v1/indicator-values/dataValueSets?idScheme=uid', w.cookies.dinkes, set);
    expect(uid.statusCode).toBe(400);
    expect(uid.json().detail).toBe('Skema id uid tidak didukung; gunakan idScheme=code.');
    const notASet = await post('/api/v1/indicator-values/dataValueSets', w.cookies.dinkes, { values: [] });
    expect(notASet.json()).toMatchObject({ code: 'DHIS2_NOT_A_DATAVALUESET' });
    expect((await post('/api/v1/indicator-values/dataValueSets', undefined, set)).statusCode).toBe(401);
    expect((await post('/api/v1/indicator-values/dataValueSets', w.cookies.pegawai, set)).statusCode).toBe(403);
  });

  it('imports a CSV file with per-row errors and flags outliers for the walidata', async () => {
    const a = w.kelurahanOfFirst[0] as string;
    const b = w.kelurahanOfFirst[1] as string;
    const csv = ['Kode Indikator;Kode Wilayah;Periode;Nilai;Pembilang;Penyebut', `PENDUDUK;${a};2020;5000;;`, `PENDUDUK;${a};2021;5100;;`, `PENDUDUK;${a};2022;5200;;`, `PENDUDUK;${b};2022;-4;;`, `PENDUDUK;${b};2022,5;4000;;`].join('\n');
    const res = await t.request({ method: 'POST', url: '/api/v1/indicator-values/import', cookie: w.cookies.dinsos, ...multipart('nilai.csv', csv) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, ignored: 2 });
    expect(res.json().ignoredValues.map((v: { row: number; reason: { id: string } }) => [v.row, v.reason.id])).toEqual([
      [5, 'nilai -4 di luar rentang wajar 0–∞'],
      [6, 'periode "2022,5" tidak sesuai periodisitas yearly'],
    ]);
    const jump = await post(`/api/v1/indicators/${populationId}/values`, w.cookies.dinsos, { values: [{ wilayahKode: a, period: '2023', value: 25000 }] });
    expect(jump.json()).toMatchObject({ imported: 1, flagged: 1 });
    const queue = await get('/api/v1/indicator-values/flagged', w.cookies.sekda);
    expect(queue.json().items).toEqual([expect.objectContaining({ indicatorCode: 'PENDUDUK', wilayahKode: a, period: '2023', value: 25000 })]);
    const review = await post(`/api/v1/indicators/${populationId}/review`, w.cookies.walidata, { wilayahKode: a, period: '2023', decision: 'rejected' });
    expect(review.statusCode).toBe(200);
    expect(await auditCount(t, w.pemda.id, 'indicator_value.rejected')).toBe(1);
    expect((await get('/api/v1/indicator-values/flagged', w.cookies.sekda)).json().items).toEqual([]);
    const completeness = await get(`/api/v1/indicators/${populationId}/completeness?period=2022`, w.cookies.pegawai);
    expect(completeness.json()).toMatchObject({ period: '2022', expected: w.allKelurahan.length, present: 1 });
    expect(completeness.json().missing).toHaveLength(w.allKelurahan.length - 1);
  });
});
