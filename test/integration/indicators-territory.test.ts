import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type UserActor } from '../../src/server/http/context';
import { clearComplaintCaches } from '../../src/server/modules/complaints/cache';
import { complaintsOfWilayah } from '../../src/server/modules/complaints/territory';
import { directivesOfWilayah } from '../../src/server/modules/coordination/territory';
import { buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { complaintFixture, multipart, SEMABUNG_LAMA, type ComplaintFixture } from './complaints-support';

/**
 * The territory page's complaints and directives: what lies in kelurahan A shows on A's page (and its kecamatan's),
 * never on B's; each section follows its own module's read policy (OPD staff see their own OPD's records, a caller
 * who may not read the module gets no section).
 */
let t: TestApp;
let f: ComplaintFixture;
let pemda: { id: string; kode: string };
const A = SEMABUNG_LAMA.kode;
const KEC = '19.71.01';
let B: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });
const lapor = (fields: Record<string, string>) => {
  const body = multipart(fields);
  return t.request({ method: 'POST', url: '/api/v1/public/lapor?pemda=19.71', payload: body.payload, headers: body.headers });
};
const issue = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/v1/coordination/directives', cookie: cookies.sekda, payload });

beforeAll(async () => {
  process.env.PAMONG_LAPOR_RATE_PER_MINUTE = '1000';
  t = await createTestApp();
  const db = t.database.db;
  pemda = await buildPemda(db, '19.71');
  f = await complaintFixture(db, pemda);
  clearComplaintCaches();
  const other = await db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('parent_kode', '=', KEC).where('kode', '<>', A).orderBy('kode').executeTakeFirstOrThrow();
  B = other.kode;
  cookies.sekda = (await buildUser(db, pemda.id, 'sekda')).cookie;
  cookies.lurahA = (await buildUser(db, pemda.id, 'kepala_opd', { opdId: f.kelurahanOffice.id })).cookie;
  cookies.dpupr = (await buildUser(db, pemda.id, 'operator_opd', { opdId: f.dpupr.id })).cookie;
  cookies.dlh = (await buildUser(db, pemda.id, 'operator_opd', { opdId: f.dlh.id })).cookie;
  cookies.pegawai = (await buildUser(db, pemda.id, 'pegawai', { opdId: f.dpupr.id })).cookie;

  // Two complaints at a point inside kelurahan A: a road (routed to DPUPR) and a local facility (routed to A's office).
  const point = { lat: String(SEMABUNG_LAMA.lat), lng: String(SEMABUNG_LAMA.lng) };
  const road = await lapor({ serviceCode: 'JLN-RUSAK', description: 'Jalan berlubang di depan sekolah', 'attribute[TINGKAT]': 'berat', ...point });
  const fasum = await lapor({ serviceCode: 'FASUM', description: 'Lampu taman kelurahan mati', ...point });
  expect([road.statusCode, fasum.statusCode]).toEqual([201, 201]);
  for (const [key, res] of [['road', road], ['fasum', fasum]] as const) {
    const row = await db.selectFrom('complaint').select(['id', 'kelurahan_kode']).where('pemda_id', '=', pemda.id).where('code', '=', res.json().code).executeTakeFirstOrThrow();
    expect(row.kelurahan_kode).toBe(A);
    ids[key] = row.id;
  }

  // Directives: one to A's office, one to DPUPR naming A in its text, one to DLH about something else.
  const base = { tags: ['wilayah'], priority: 'penting', dueInWorkingDays: 5 };
  const toOffice = await issue({ ...base, text: 'Kerahkan kerja bakti membersihkan saluran air di seluruh RW.', opdIds: [f.kelurahanOffice.id] });
  const naming = await issue({ ...base, text: 'Perbaiki jalan rusak di Semabung Lama sebelum musim hujan.', opdIds: [f.dpupr.id] });
  const elsewhere = await issue({ ...base, text: 'Tambah armada pengangkut sampah di pasar induk.', opdIds: [f.dlh.id] });
  expect([toOffice.statusCode, naming.statusCode, elsewhere.statusCode]).toEqual([201, 201, 201]);
  ids.toOffice = toOffice.json().id;
  ids.naming = naming.json().id;
  ids.elsewhere = elsewhere.json().id;
});
afterAll(async () => {
  await t?.close();
  if (t) fs.rmSync(t.config.filesDir, { recursive: true, force: true });
});

describe('complaints on the territory page', () => {
  it('a complaint in kelurahan A shows on A and on its kecamatan, not on B', async () => {
    const a = (await get(`/api/v1/territory/${A}`, cookies.sekda)).json();
    expect(a.complaints).toMatchObject({ scope: 'pemda', total: 2, open: 2, overdue: 0 });
    expect(a.complaints.byStatus).toEqual([{ status: 'received', count: 2 }]);
    expect(a.complaints.latest.map((c: { link: string }) => c.link).sort()).toEqual([`/pengaduan/${ids.fasum}`, `/pengaduan/${ids.road}`].sort());
    expect(a.complaints.latest[0]).toMatchObject({ kelurahan: SEMABUNG_LAMA.name, status: 'received', overdue: false });
    const b = (await get(`/api/v1/territory/${B}`, cookies.sekda)).json();
    expect(b.complaints).toMatchObject({ total: 0, open: 0, latest: [] });
    const kec = (await get(`/api/v1/territory/${KEC}`, cookies.sekda)).json();
    expect(kec.complaints.total).toBe(2);
  });

  it('the complaints queue filters by the same kelurahan and kecamatan, for the "see all" link', async () => {
    const list = async (query: string) => ((await get(`/api/v1/complaints?${query}`, cookies.sekda)).json().items as Array<{ id: string }>).map((c) => c.id).sort();
    expect(await list(`kelurahan=${A}`)).toEqual([ids.fasum, ids.road].sort());
    expect(await list(`kecamatan=${KEC}`)).toEqual([ids.fasum, ids.road].sort());
    expect(await list(`kelurahan=${B}`)).toEqual([]);
  });

  it('OPD staff see only the complaints routed to their OPD; a caller without complaints read gets no section', async () => {
    const lurah = (await get(`/api/v1/territory/${A}`, cookies.lurahA)).json();
    expect(lurah.complaints).toMatchObject({ scope: 'opd', total: 1, latest: [{ id: ids.fasum }] });
    const dpupr = (await get(`/api/v1/territory/${A}`, cookies.dpupr)).json();
    expect(dpupr.complaints).toMatchObject({ scope: 'opd', total: 1, latest: [{ id: ids.road }] });
    const dlh = (await get(`/api/v1/territory/${A}`, cookies.dlh)).json();
    expect(dlh.complaints).toMatchObject({ total: 0 });
    const pegawai = await get(`/api/v1/territory/${A}`, cookies.pegawai);
    expect(pegawai.statusCode).toBe(200);
    expect(pegawai.json().complaints).toBeNull();
    expect(pegawai.json().directives).toBeNull();
  });

  it('counts overdue complaints once their deadline has passed', async () => {
    await t.database.db.updateTable('complaint').set({ verify_due: '2020-01-02', respond_due: '2020-01-03', resolve_due: '2020-01-10' }).where('pemda_id', '=', pemda.id).where('id', '=', ids.road as string).execute();
    const a = (await get(`/api/v1/territory/${A}`, cookies.sekda)).json();
    expect(a.complaints).toMatchObject({ total: 2, overdue: 1 });
    expect(a.complaints.latest.find((c: { id: string }) => c.id === ids.road).overdue).toBe(true);
  });
});

describe('directives on the territory page', () => {
  it('lists the directives given to the kelurahan office and those naming it, with each office follow-up status', async () => {
    const a = (await get(`/api/v1/territory/${A}`, cookies.sekda)).json();
    expect(a.directives).toMatchObject({ scope: 'pemda', total: 2, openAssignments: 1, overdueAssignments: 0 });
    const byId = new Map(a.directives.items.map((d: { id: string }) => [d.id, d]));
    expect(byId.get(ids.toOffice)).toMatchObject({ reason: 'assigned', link: `/koordinasi/arahan/${ids.toOffice}`, assignments: [{ opdId: f.kelurahanOffice.id, status: 'belum', overdueDays: 0 }] });
    expect(byId.get(ids.naming)).toMatchObject({ reason: 'mentioned', assignments: [{ opdId: f.dpupr.id, status: 'belum' }] });
    expect(byId.has(ids.elsewhere)).toBe(false);
    // The office's open task comes before the newer directive that only names the place.
    expect(a.directives.items.map((d: { id: string }) => d.id)).toEqual([ids.toOffice, ids.naming]);
    expect(a.directives.offices).toEqual([{ id: f.kelurahanOffice.id, name: f.kelurahanOffice.name, link: `/koordinasi/opd/${f.kelurahanOffice.id}` }]);
    const b = (await get(`/api/v1/territory/${B}`, cookies.sekda)).json();
    expect(b.directives).toMatchObject({ total: 0, items: [] });
    // The kecamatan sees its kelurahan offices' directives too.
    const kec = (await get(`/api/v1/territory/${KEC}`, cookies.sekda)).json();
    expect(kec.directives.items.map((d: { id: string }) => d.id)).toContain(ids.toOffice);
  });

  it('OPD staff see only the directives given to their own OPD', async () => {
    const lurah = (await get(`/api/v1/territory/${A}`, cookies.lurahA)).json();
    expect(lurah.directives).toMatchObject({ scope: 'opd', total: 1, openAssignments: 1, items: [{ id: ids.toOffice }] });
    const dlh = (await get(`/api/v1/territory/${A}`, cookies.dlh)).json();
    expect(dlh.directives).toMatchObject({ total: 0, openAssignments: 0, offices: [] });
  });

  it('the module functions answer null for a role outside the read policy and scope by Pemda', async () => {
    const ctx = systemCtx(t.database.db, 'test');
    const user = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: f.dpupr.id });
    const actor = { kind: 'user', userId: user.id, pemdaId: pemda.id, role: 'pegawai', opdId: f.dpupr.id } as unknown as UserActor;
    expect(await complaintsOfWilayah(ctx, actor, { kode: A, level: 'kelurahan' })).toBeNull();
    expect(await directivesOfWilayah(ctx, actor, { kode: A, name: SEMABUNG_LAMA.name, level: 'kelurahan' })).toBeNull();
    const foreign = await buildPemda(t.database.db, '53.71');
    const outsider = { ...actor, pemdaId: foreign.id, role: 'sekda', opdId: null } as unknown as UserActor;
    expect(await complaintsOfWilayah(ctx, outsider, { kode: A, level: 'kelurahan' })).toMatchObject({ total: 0 });
    expect(await directivesOfWilayah(ctx, outsider, { kode: A, name: SEMABUNG_LAMA.name, level: 'kelurahan' })).toMatchObject({ total: 0 });
  });
});
