import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { auditCount, indicatorWorld, populationInput, stuntingInput, tableCount, type World } from './indicators-support';

let t: TestApp;
let w: World;
let other: World;
let stuntingId: string;
let povertyId: string;
const year = String(new Date().getUTCFullYear());

const post = (url: string, cookie: string | undefined, payload: unknown) => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

beforeAll(async () => {
  t = await createTestApp();
  w = await indicatorWorld(t, '19.71');
  other = await indicatorWorld(t, '53.71');
  stuntingId = (await post('/api/v1/indicators', w.cookies.admin, stuntingInput(w.opd.dinkes.id, { periodicity: 'yearly' }))).json().id;
  povertyId = (await post('/api/v1/indicators', w.cookies.admin, { ...stuntingInput(w.opd.dinsos.id, { periodicity: 'yearly' }), code: 'MISKIN', nameId: 'Penduduk miskin', nameEn: 'Poverty', numeratorCode: 'MISKIN_NUM', denominatorCode: 'MISKIN_DEN' })).json().id;
  await post('/api/v1/indicators', w.cookies.admin, populationInput(w.opd.dinsos.id));
  // Stunting rises and poverty falls along the kelurahan list, so the two pull the ranking in opposite directions.
  const kel = w.allKelurahan.slice(0, 6);
  await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.admin, { values: kel.map((kode, i) => ({ wilayahKode: kode, period: '2024', numerator: 10 + i * 10, denominator: 400 })) });
  await post(`/api/v1/indicators/${povertyId}/values`, w.cookies.admin, { values: kel.slice(0, 5).map((kode, i) => ({ wilayahKode: kode, period: '2024', numerator: 50 - i * 10, denominator: 1000 })) });
});
afterAll(async () => t?.close());

describe('vulnerability index', () => {
  it('is set up by the walidata only, with exact messages', async () => {
    const body = { name: 'Indeks Uji', components: [{ indicatorId: stuntingId, weight: 60 }, { indicatorId: povertyId, weight: 40 }], priorityCount: 2 };
    expect((await post('/api/v1/vulnerability/indexes', undefined, body)).statusCode).toBe(401);
    expect((await post('/api/v1/vulnerability/indexes', w.cookies.dinkes, body)).statusCode).toBe(403);
    const notWalidata = await post('/api/v1/vulnerability/indexes', w.cookies.kepalaDinsos, body);
    expect(notWalidata.statusCode).toBe(403);
    expect(notWalidata.json().code).toBe('INDICATOR_NOT_WALIDATA');
    const bad = await post('/api/v1/vulnerability/indexes', w.cookies.walidata, { ...body, components: [{ indicatorId: stuntingId, weight: 1 }, { indicatorId: stuntingId, weight: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('Komponen indeks harus indikator tingkat kelurahan yang berbeda-beda.');
    const foreign = await post('/api/v1/vulnerability/indexes', other.cookies.admin, body);
    expect(foreign.statusCode).toBe(400);
    expect(await tableCount(t, 'vulnerability_index')).toBe(0);
    const res = await post('/api/v1/vulnerability/indexes', w.cookies.walidata, body);
    expect(res.statusCode).toBe(201);
    expect(await auditCount(t, w.pemda.id, 'vulnerability_index.created')).toBe(1);
  });

  it('ranks kelurahan and explains each rank by the points of each indicator', async () => {
    const res = await get(`/api/v1/vulnerability/ranking?year=${year}`, w.cookies.pegawai);
    expect(res.statusCode).toBe(200);
    const { rows, index } = res.json();
    expect(index.components.map((c: { code: string; share: number }) => [c.code, c.share])).toEqual([['STUNTING', 0.6], ['MISKIN', 0.4]]);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const sum = row.contributions.reduce((s: number, c: { points: number | null }) => s + (c.points ?? 0), 0);
      expect(sum).toBeCloseTo(row.index, 6);
    }
    // Kelurahan 6 has the worst stunting and no poverty value: its stunting share is scaled to the whole index.
    const sixth = rows.find((r: { kode: string }) => r.kode === w.allKelurahan[5]);
    expect(sixth).toMatchObject({ index: 100, missing: ['MISKIN'], rank: 1, priority: true });
    // Kelurahan 1: best stunting (0 points) and worst poverty (40 points).
    const first = rows.find((r: { kode: string }) => r.kode === w.allKelurahan[0]);
    expect(first.contributions).toEqual([
      expect.objectContaining({ code: 'STUNTING', value: 2.5, normalised: 0, points: 0, share: 0.6 }),
      expect.objectContaining({ code: 'MISKIN', value: 5, normalised: 1, points: 40, share: 0.4 }),
    ]);
    expect(rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await get('/api/v1/vulnerability/ranking', other.cookies.admin)).statusCode).toBe(404);
  });
});

describe('interventions and coverage', () => {
  it('are recorded by the responsible OPD, audited, and another OPD or Pemda sees 404', async () => {
    const body = { title: 'PMT balita', kind: 'program', opdId: w.opd.dinkes.id, startDate: `${year}-02-01`, endDate: `${year}-11-30`, budget: 50_000_000, subKegiatanCode: '1.02.02.2.02.0031', targetGroup: 'Balita stunting', targetCount: 40, reachCount: 30, wilayahKodes: [w.allKelurahan[5]] };
    expect((await post('/api/v1/interventions', undefined, body)).statusCode).toBe(401);
    expect((await post('/api/v1/interventions', w.cookies.pegawai, body)).statusCode).toBe(403);
    expect((await post('/api/v1/interventions', w.cookies.dinsos, body)).statusCode).toBe(404);
    const wrongPlace = await post('/api/v1/interventions', w.cookies.dinkes, { ...body, wilayahKodes: [w.firstKec] });
    expect(wrongPlace.statusCode).toBe(400);
    expect(wrongPlace.json().detail).toBe(`Wilayah ${w.firstKec} bukan kelurahan/desa Pemda ini.`);
    const dates = await post('/api/v1/interventions', w.cookies.dinkes, { ...body, endDate: `${year}-01-01` });
    expect(dates.json().detail).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai.');
    expect(await tableCount(t, 'intervention')).toBe(0);
    const created = await post('/api/v1/interventions', w.cookies.dinkes, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ title: 'PMT balita', opd: { code: 'DINKES' }, wilayah: [{ kode: w.allKelurahan[5] }] });
    expect(await auditCount(t, w.pemda.id, 'intervention.created')).toBe(1);
    const id = created.json().id;
    expect((await get(`/api/v1/interventions/${id}`, other.cookies.admin)).statusCode).toBe(404);
    const foreignPut = await t.request({ method: 'PUT', url: `/api/v1/interventions/${id}`, cookie: other.cookies.admin, payload: { ...body, opdId: other.opd.dinkes.id, wilayahKodes: [other.allKelurahan[0]] } });
    expect(foreignPut.statusCode).toBe(404);
    const updated = await t.request({ method: 'PUT', url: `/api/v1/interventions/${id}`, cookie: w.cookies.dinkes, payload: { ...body, reachCount: 38 } });
    expect(updated.json().reachCount).toBe(38);
    expect(await auditCount(t, w.pemda.id, 'intervention.updated')).toBe(1);
  });

  it('lists the priority kelurahan without intervention', async () => {
    const res = await get(`/api/v1/interventions/coverage?year=${year}`, w.cookies.pegawai);
    expect(res.statusCode).toBe(200);
    expect(res.json().priority.map((p: { kode: string; interventions: number }) => [p.kode, p.interventions])).toEqual([
      [w.allKelurahan[5], 1],
      [expect.any(String), 0],
    ]);
    expect(res.json().uncovered).toHaveLength(1);
  });
});

describe('territory page', () => {
  it('shows the lurah their kelurahan: indicators and trend, rank, interventions', async () => {
    const mine = await get('/api/v1/territory/mine', w.cookies.lurah);
    expect(mine.json()).toEqual({ kode: w.kelurahanOfFirst[0] });
    const page = await get(`/api/v1/territory/${w.kelurahanOfFirst[0]}`, w.cookies.lurah);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.wilayah).toMatchObject({ kode: w.kelurahanOfFirst[0], level: 'kelurahan', parent: { kode: w.firstKec } });
    expect(body.indicators.find((i: { code: string }) => i.code === 'STUNTING')).toMatchObject({ aggregated: false, trend: [{ period: '2024', value: 2.5 }] });
    expect(body.rank).toMatchObject({ of: 6 });
    expect(body.related).toEqual([expect.objectContaining({ module: 'org', link: `/opd/${w.opd.kelurahanOpd.id}` })]);
    const kec = await get(`/api/v1/territory/${w.firstKec}`, w.cookies.lurah);
    expect(kec.json().indicators.find((i: { code: string }) => i.code === 'STUNTING')).toMatchObject({ aggregated: true });
    expect((await get(`/api/v1/territory/${w.firstKec}`, other.cookies.admin)).statusCode).toBe(404);
    expect((await get('/api/v1/territory/mine', w.cookies.dinkes)).statusCode).toBe(404);
  });
});

describe('metrics and flags', () => {
  it('reports completeness and timeliness per producing OPD with links, and the flags', async () => {
    // Yearly 2024 values are due 30 days after 31 December: in January 2025.
    const res = await get('/api/v1/metrics?month=2025-01', w.cookies.sekda);
    expect(res.statusCode).toBe(200);
    const rows = res.json().metrics.filter((m: { key: string }) => m.key.startsWith('indicators.'));
    const dinkes = rows.find((m: { key: string; opdId: string }) => m.key === 'indicators.data_completeness' && m.opdId === w.opd.dinkes.id);
    expect(dinkes).toMatchObject({ numerator: 6, denominator: w.allKelurahan.length, link: `/indikator?opd=${w.opd.dinkes.id}&bulan=2025-01` });
    const timely = rows.find((m: { key: string; opdId: string }) => m.key === 'indicators.data_timeliness' && m.opdId === w.opd.dinkes.id);
    // Entered today, long after the January 2025 deadline.
    expect(timely).toMatchObject({ numerator: 0, denominator: w.allKelurahan.length });
    await post(`/api/v1/indicators/${stuntingId}/approval`, w.cookies.admin, { decision: 'approved' });
    const flags = await get('/api/v1/flags', w.cookies.sekda);
    expect(flags.statusCode).toBe(200);
    const kinds = flags.json().flags.map((f: { kind: string }) => f.kind);
    expect(kinds).toContain('indicators.overdue');
    expect(kinds).toContain('indicators.priority_without_intervention');
    const overdue = flags.json().flags.find((f: { kind: string }) => f.kind === 'indicators.overdue');
    expect(overdue).toMatchObject({ opdId: w.opd.dinkes.id, link: expect.stringMatching(new RegExp(`^/indikator/${stuntingId}\\?periode=`)) });
    const uncovered = flags.json().flags.find((f: { kind: string }) => f.kind === 'indicators.priority_without_intervention');
    expect(uncovered.link).toMatch(/^\/wilayah\/19\.71\./);
  });
});
