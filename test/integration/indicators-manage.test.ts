import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { auditCount, indicatorWorld, populationInput, type World } from './indicators-support';

/** Interventions linked to APBD sub-kegiatan records; dataset metadata by the walidata; the walidata OPD setting. */
let t: TestApp;
let w: World;
let other: World;
const year = new Date().getUTCFullYear();
const sub: Record<string, string> = {};

const post = (url: string, cookie: string | undefined, payload: unknown) => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
const put = (url: string, cookie: string | undefined, payload: unknown) => t.request({ method: 'PUT', url, cookie, payload: payload as Record<string, unknown> });
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

async function buildSubKegiatan(world: World, opdId: string, kode: string, nama: string, pagu: number, realised: number[]): Promise<string> {
  const db = t.database.db;
  const program = await db.insertInto('budget_program').values({ pemda_id: world.pemda.id, tahun: year, opd_id: opdId, kode: kode.slice(0, 7), nama: 'Program uji' }).returning('id').executeTakeFirstOrThrow();
  const kegiatan = await db.insertInto('budget_kegiatan').values({ pemda_id: world.pemda.id, program_id: program.id, kode: kode.slice(0, 12), nama: 'Kegiatan uji' }).returning('id').executeTakeFirstOrThrow();
  const row = await db.insertInto('budget_sub_kegiatan').values({ pemda_id: world.pemda.id, tahun: year, opd_id: opdId, kegiatan_id: kegiatan.id, kode, nama, pagu }).returning('id').executeTakeFirstOrThrow();
  if (realised.length > 0) {
    await db.insertInto('budget_bulanan').values(realised.map((amount, i) => ({ pemda_id: world.pemda.id, sub_kegiatan_id: row.id, bulan: i + 1, rencana_keuangan: amount, realisasi_keuangan: amount }))).execute();
  }
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await indicatorWorld(t, '19.71');
  other = await indicatorWorld(t, '53.71');
  sub.gizi = await buildSubKegiatan(w, w.opd.dinkes.id, '1.02.02.2.02.0016', 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat', 200_000_000, [30_000_000, 20_000_000]);
  sub.bansos = await buildSubKegiatan(w, w.opd.dinsos.id, '1.06.06.2.01.0001', 'Bantuan sosial pangan', 100_000_000, []);
  sub.foreign = await buildSubKegiatan(other, other.opd.dinkes.id, '1.02.02.2.02.0016', 'Gizi Pemda lain', 1, []);
});
afterAll(async () => t?.close());

describe('intervention linked to a budget sub-kegiatan', () => {
  const body = (subKegiatanId: string | null) => ({ title: 'PMT balita', kind: 'program', opdId: w.opd.dinkes.id, startDate: `${year}-02-01`, endDate: `${year}-11-30`, budget: 50_000_000, subKegiatanId, targetGroup: 'Balita stunting', targetCount: 40, reachCount: 10, wilayahKodes: [w.allKelurahan[0]] });

  it('the picker offers OPD staff their own OPD only, the admin every OPD, by code or name', async () => {
    const own = await get(`/api/v1/interventions/budget-options?year=${year}`, w.cookies.dinkes);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((o: { id: string }) => o.id)).toEqual([sub.gizi]);
    expect(own.json().items[0]).toMatchObject({ kode: '1.02.02.2.02.0016', pagu: 200_000_000, opd: { id: w.opd.dinkes.id } });
    const admin = await get(`/api/v1/interventions/budget-options?q=bantuan`, w.cookies.admin);
    expect(admin.json().items.map((o: { id: string }) => o.id)).toEqual([sub.bansos]);
    const byCode = await get(`/api/v1/interventions/budget-options?q=1.06`, w.cookies.admin);
    expect(byCode.json().items.map((o: { id: string }) => o.id)).toEqual([sub.bansos]);
    expect((await get('/api/v1/interventions/budget-options', w.cookies.pegawai)).statusCode).toBe(403);
    expect((await get('/api/v1/interventions/budget-options?year=abc', w.cookies.admin)).statusCode).toBe(400);
  });

  it('links on create, takes the code from the record, and shows pagu and realisation to budget readers only', async () => {
    const foreign = await post('/api/v1/interventions', w.cookies.dinkes, body(sub.foreign as string));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('INTERVENTION_SUB_KEGIATAN_UNKNOWN');
    const othersBudget = await post('/api/v1/interventions', w.cookies.dinkes, body(sub.bansos as string));
    expect(othersBudget.json().code).toBe('INTERVENTION_SUB_KEGIATAN_UNKNOWN');
    const res = await post('/api/v1/interventions', w.cookies.dinkes, { ...body(sub.gizi as string), subKegiatanCode: '9.99' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      subKegiatanCode: '1.02.02.2.02.0016',
      subKegiatan: { id: sub.gizi, kode: '1.02.02.2.02.0016', pagu: 200_000_000, realisasi: 50_000_000, realisasiPersen: 25, link: `/anggaran/sub/${sub.gizi}`, opd: { id: w.opd.dinkes.id } },
    });
    const id = res.json().id;
    // Dinsos staff may read the intervention but not Dinkes's budget: the name without the figures.
    const dinsos = (await get(`/api/v1/interventions/${id}`, w.cookies.dinsos)).json();
    expect(dinsos.subKegiatan).toMatchObject({ kode: '1.02.02.2.02.0016', pagu: null, realisasi: null, link: null });
    const sekda = (await get(`/api/v1/interventions/${id}`, w.cookies.sekda)).json();
    expect(sekda.subKegiatan.pagu).toBe(200_000_000);
    // Unlinking keeps the code typed by hand.
    const unlinked = await put(`/api/v1/interventions/${id}`, w.cookies.dinkes, { ...body(null), subKegiatanCode: '1.02.02.2.02.0031' });
    expect(unlinked.json()).toMatchObject({ subKegiatan: null, subKegiatanCode: '1.02.02.2.02.0031' });
    expect(await auditCount(t, w.pemda.id, 'intervention.updated')).toBe(1);
  });
});

describe('dataset management and the walidata setting', () => {
  let datasetId: string;

  beforeAll(async () => {
    const popId = (await post('/api/v1/indicators', w.cookies.admin, populationInput(w.opd.dinsos.id))).json().id;
    await post(`/api/v1/indicators/${popId}/approval`, w.cookies.walidata, { decision: 'approved' });
    const res = await post('/api/v1/datasets', w.cookies.walidata, { indicatorId: popId, title: 'Jumlah Penduduk', notes: 'Penduduk per kelurahan.', slug: 'penduduk', tags: ['kependudukan'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organization: { id: w.opd.dinsos.id }, organizationIsProducer: true });
    datasetId = res.json().id;
  });

  it('the walidata changes metadata, licence, tags and organisation; CKAN shows the change', async () => {
    const update = { title: 'Penduduk per Kelurahan', notes: 'Jumlah penduduk hasil registrasi.', tags: ['kependudukan', 'Penduduk '], licenseId: 'odc-by', organizationOpdId: w.opd.bapperida.id };
    expect((await put(`/api/v1/datasets/${datasetId}`, undefined, update)).statusCode).toBe(401);
    expect((await put(`/api/v1/datasets/${datasetId}`, w.cookies.dinsos, update)).statusCode).toBe(403);
    expect((await put(`/api/v1/datasets/${datasetId}`, w.cookies.kepalaDinsos, update)).json().code).toBe('INDICATOR_NOT_WALIDATA');
    expect((await put(`/api/v1/datasets/${datasetId}`, other.cookies.admin, update)).statusCode).toBe(404);
    const badOrg = await put(`/api/v1/datasets/${datasetId}`, w.cookies.walidata, { ...update, organizationOpdId: other.opd.bapperida.id });
    expect(badOrg.statusCode).toBe(400);
    expect(badOrg.json().detail).toBe('Organisasi (OPD) dataset tidak ditemukan di Pemda ini.');
    const badLicence = await put(`/api/v1/datasets/${datasetId}`, w.cookies.walidata, { ...update, licenseId: 'proprietary' });
    expect(badLicence.statusCode).toBe(400);
    const res = await put(`/api/v1/datasets/${datasetId}`, w.cookies.walidata, update);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Penduduk per Kelurahan', tags: ['kependudukan', 'penduduk'], licenseId: 'odc-by', organization: { id: w.opd.bapperida.id, title: 'Bapperida' }, organizationIsProducer: false });
    expect(await auditCount(t, w.pemda.id, 'dataset.updated')).toBe(1);
    const ckan = (await get(`/api/3/action/package_show?id=${res.json().name}`)).json();
    expect(ckan.result).toMatchObject({ title: 'Penduduk per Kelurahan', license_id: 'odc-by', owner_org: w.opd.bapperida.id });
    expect(ckan.result.tags.map((tag: { name: string }) => tag.name).sort()).toEqual(['kependudukan', 'penduduk']);
  });

  it('publishes under a chosen organisation of the same Pemda only', async () => {
    const stuntingId = (await post('/api/v1/indicators', w.cookies.admin, { ...populationInput(w.opd.dinkes.id), code: 'BALITA', nameId: 'Jumlah balita', nameEn: 'Children under five' })).json().id;
    await post(`/api/v1/indicators/${stuntingId}/approval`, w.cookies.walidata, { decision: 'approved' });
    const body = { indicatorId: stuntingId, title: 'Jumlah Balita', notes: 'Balita per kelurahan.', slug: 'balita', organizationOpdId: other.opd.bapperida.id };
    expect((await post('/api/v1/datasets', w.cookies.walidata, body)).json().code).toBe('DATASET_ORGANIZATION_UNKNOWN');
    const res = await post('/api/v1/datasets', w.cookies.walidata, { ...body, organizationOpdId: w.opd.bapperida.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organization: { id: w.opd.bapperida.id }, organizationIsProducer: false });
  });

  it('the admin names the walidata OPD; the previous walidata loses the role', async () => {
    const seen = await get('/api/v1/indicator-settings', w.cookies.walidata);
    expect(seen.json()).toEqual({ walidataOpd: { id: w.opd.bapperida.id, name: 'Bapperida' }, mayEdit: false, isWalidata: true });
    expect((await put('/api/v1/indicator-settings', w.cookies.walidata, { walidataOpdId: w.opd.dinsos.id })).statusCode).toBe(403);
    const foreign = await put('/api/v1/indicator-settings', w.cookies.admin, { walidataOpdId: other.opd.dinsos.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('WALIDATA_OPD_UNKNOWN');
    const res = await put('/api/v1/indicator-settings', w.cookies.admin, { walidataOpdId: w.opd.dinsos.id });
    expect(res.json()).toEqual({ walidataOpd: { id: w.opd.dinsos.id, name: 'Dinas Sosial' }, mayEdit: true, isWalidata: true });
    expect(await auditCount(t, w.pemda.id, 'indicators.walidata_changed')).toBe(1);
    expect((await get('/api/v1/indicator-settings', w.cookies.kepalaDinsos)).json().isWalidata).toBe(true);
    const former = await post(`/api/v1/datasets/${datasetId}/status`, w.cookies.walidata, { status: 'withdrawn' });
    expect(former.json().code).toBe('INDICATOR_NOT_WALIDATA');
    expect((await post(`/api/v1/datasets/${datasetId}/status`, w.cookies.kepalaDinsos, { status: 'withdrawn' })).json().status).toBe('withdrawn');
    // The other Pemda's setting is untouched.
    expect((await get('/api/v1/indicator-settings', other.cookies.walidata)).json().walidataOpd.id).toBe(other.opd.bapperida.id);
    const cleared = await put('/api/v1/indicator-settings', w.cookies.admin, { walidataOpdId: null });
    expect(cleared.json().walidataOpd).toBeNull();
  });
});
