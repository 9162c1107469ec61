import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZJabatan, ZOpd, ZOpdDetail } from '../../src/contracts/org';
import { buildHolder, buildJabatan, buildOpd, buildPegawai, buildPemda, buildUnit, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { lastAudit, orgSnapshot, superadminCookie } from './org-support';

/** OPDs, their units and positions (jabatan), across roles and tenants. */
let t: TestApp;
let pemda: { id: string; kode: string };
let other: { id: string; kode: string };
let bkpsdm: string;
let kepalaOpd: string;
let root: string;
let foreign: { opdId: string; unitId: string; jabatanId: string; kecamatan: string };
let kecamatanKode: string;
let kelurahanKode: string;

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  other = await buildPemda(t.database.db, '53.71');
  bkpsdm = (await buildUser(t.database.db, pemda.id, 'bkpsdm')).cookie;
  const ownOpd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Komunikasi dan Informatika', code: 'DISKOMINFO' });
  kepalaOpd = (await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: ownOpd.id })).cookie;
  root = await superadminCookie(t);
  const foreignOpd = await buildOpd(t.database.db, other.id);
  const foreignUnit = await buildUnit(t.database.db, other.id, foreignOpd.id);
  const foreignJabatan = await buildJabatan(t.database.db, other.id, foreignOpd.id);
  const foreignKecamatan = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', other.id).where('level', '=', 'kecamatan').executeTakeFirstOrThrow();
  foreign = { opdId: foreignOpd.id, unitId: foreignUnit.id, jabatanId: foreignJabatan.id, kecamatan: foreignKecamatan.kode };
  const kecamatan = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('level', '=', 'kecamatan').orderBy('kode').executeTakeFirstOrThrow();
  kecamatanKode = kecamatan.kode;
  const kelurahan = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('level', '=', 'kelurahan').orderBy('kode').executeTakeFirstOrThrow();
  kelurahanKode = kelurahan.kode;
});
afterAll(async () => t?.close());

const opdBody = (overrides: Record<string, unknown> = {}) => ({ code: `DINAS-${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'Dinas Pendidikan', kind: 'dinas', ...overrides });

describe('GET /opd and GET /opd/:opdId', () => {
  it('answers 401 without a session, 403 to the superadmin, 400 for a malformed id', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/opd' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: `/api/v1/opd/${foreign.opdId}` })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/opd', cookie: root })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/opd/${foreign.opdId}`, cookie: root })).statusCode).toBe(403);
    const bad = await t.request({ method: 'GET', url: '/api/v1/opd/abc', cookie: kepalaOpd });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for an OPD of another Pemda', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/opd/${foreign.opdId}`, cookie: kepalaOpd });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'OPD_NOT_FOUND', detail: 'OPD tidak ditemukan.' });
  });

  it('lists OPDs with their head and counts of pegawai, positions and vacancies', async () => {
    const dinas = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Kesehatan Uji', code: 'DINKES-UJI' });
    const puskesmas = await buildOpd(t.database.db, pemda.id, { name: 'UPTD Puskesmas Uji', kind: 'uptd', parentId: dinas.id });
    const head = await buildJabatan(t.database.db, pemda.id, dinas.id, { name: 'Kepala Dinas Kesehatan', kind: 'jpt_pratama', kelasJabatan: 14, isOpdHead: true });
    const sekretaris = await buildJabatan(t.database.db, pemda.id, dinas.id, { name: 'Sekretaris Dinas', kind: 'administrator' });
    await buildJabatan(t.database.db, pemda.id, dinas.id, { name: 'Kepala Bidang P2P', kind: 'administrator' });
    const kadis = await buildPegawai(t.database.db, pemda.id, dinas.id, { name: 'Ratna Dewi' });
    const plt = await buildPegawai(t.database.db, pemda.id, dinas.id, { name: 'Yohanes Lado' });
    await buildPegawai(t.database.db, pemda.id, dinas.id);
    await t.database.db.updateTable('pegawai').set({ gelar_depan: 'dr.', gelar_belakang: 'M.Kes.' }).where('id', '=', kadis.id).execute();
    await buildHolder(t.database.db, pemda.id, { pegawaiId: kadis.id, jabatanId: head.id });
    // A Plt fills in but the position stays vacant until someone is appointed definitively.
    await buildHolder(t.database.db, pemda.id, { pegawaiId: plt.id, jabatanId: sekretaris.id }, { kind: 'plt' });

    const res = await t.request({ method: 'GET', url: '/api/v1/opd', cookie: kepalaOpd });
    expect(res.statusCode).toBe(200);
    const items = res.json().items.map((item: unknown) => ZOpd.parse(item));
    const row = items.find((o: { id: string }) => o.id === dinas.id);
    expect(row).toMatchObject({ headName: 'dr. Ratna Dewi, M.Kes.', pegawaiCount: 3, jabatanCount: 3, vacancyCount: 2, parentId: null });
    expect(items.find((o: { id: string }) => o.id === puskesmas.id)).toMatchObject({ parentId: dinas.id, pegawaiCount: 0 });
    expect(items.some((o: { id: string }) => o.id === foreign.opdId)).toBe(false);

    const filtered = await t.request({ method: 'GET', url: '/api/v1/opd?kind=uptd&q=puskesmas', cookie: kepalaOpd });
    expect(filtered.json().items.map((o: { id: string }) => o.id)).toEqual([puskesmas.id]);

    const detail = await t.request({ method: 'GET', url: `/api/v1/opd/${dinas.id}`, cookie: kepalaOpd });
    expect(detail.statusCode).toBe(200);
    const body = ZOpdDetail.parse(detail.json());
    expect(body.children.map((c) => c.id)).toEqual([puskesmas.id]);
    const headRow = body.jabatan.find((j) => j.id === head.id);
    expect(headRow).toMatchObject({ vacant: false, holder: { pegawaiName: 'dr. Ratna Dewi, M.Kes.', kind: 'definitif' } });
    expect(body.jabatan.find((j) => j.id === sekretaris.id)).toMatchObject({ vacant: true, holder: { pegawaiId: plt.id, kind: 'plt' } });
    const child = ZOpdDetail.parse((await t.request({ method: 'GET', url: `/api/v1/opd/${puskesmas.id}`, cookie: kepalaOpd })).json());
    expect(child.parent).toEqual({ id: dinas.id, name: 'Dinas Kesehatan Uji' });
  });
});

describe('POST /opd', () => {
  it('answers 401 without a session and 403 to roles that may not change the organisation', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/opd', payload: opdBody() })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    const res = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: kepalaOpd, payload: opdBody() });
    expect(res.statusCode).toBe(403);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('refuses markup, a kecamatan without its region or with a region of the wrong level, in Indonesian', async () => {
    const before = await orgSnapshot(t);
    const markup = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: opdBody({ name: 'Dinas <script>alert(1)</script>' }) });
    expect(markup.statusCode).toBe(400);
    expect(markup.json().errors).toEqual([{ path: 'name', message: 'name tidak boleh berisi tanda < atau > (HTML)' }]);
    const noRegion = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: opdBody({ name: 'Kecamatan Uji', kind: 'kecamatan' }) });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json()).toMatchObject({ code: 'OPD_WILAYAH_REQUIRED', detail: 'OPD kecamatan/kelurahan harus terhubung ke wilayahnya.' });
    const wrongLevel = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: opdBody({ name: 'Kecamatan Uji', kind: 'kecamatan', wilayahKode: kelurahanKode }) });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().detail).toBe(`OPD kecamatan harus terhubung ke wilayah tingkat kecamatan; ${kelurahanKode} adalah wilayah tingkat kelurahan.`);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it("answers 404 for another Pemda's region or parent OPD, and creates nothing", async () => {
    const before = await orgSnapshot(t);
    const region = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: opdBody({ kind: 'kecamatan', wilayahKode: foreign.kecamatan }) });
    expect(region.statusCode).toBe(404);
    expect(region.json().detail).toBe(`Wilayah ${foreign.kecamatan} tidak ditemukan di Pemda ini.`);
    const parent = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: opdBody({ parentId: foreign.opdId }) });
    expect(parent.statusCode).toBe(404);
    expect(parent.json().code).toBe('OPD_NOT_FOUND');
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('creates an OPD with an audit row, and refuses its code twice', async () => {
    const body = opdBody({ code: 'KEC-UJI', name: 'Kecamatan Uji', kind: 'kecamatan', wilayahKode: kecamatanKode, shortName: 'Kec. Uji' });
    const res = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: body });
    expect(res.statusCode).toBe(201);
    const created = ZOpd.parse(res.json());
    expect(created).toMatchObject({ code: 'KEC-UJI', kind: 'kecamatan', wilayahKode: kecamatanKode, pegawaiCount: 0, vacancyCount: 0, headName: null });
    expect(created.wilayahName).toBeTruthy();
    const audit = await lastAudit(t, pemda.id);
    expect(audit).toMatchObject({ action: 'opd.created', entity_type: 'opd', entity_id: created.id, actor_role: 'bkpsdm' });
    const twice = await t.request({ method: 'POST', url: '/api/v1/opd', cookie: bkpsdm, payload: body });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('Kode OPD KEC-UJI sudah dipakai.');
  });
});

describe('PATCH /opd/:opdId', () => {
  it('answers 401, 403, and 404 across tenants with nothing changed', async () => {
    expect((await t.request({ method: 'PATCH', url: `/api/v1/opd/${foreign.opdId}`, payload: { name: 'X' } })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/opd/${foreign.opdId}`, cookie: kepalaOpd, payload: { name: 'X' } })).statusCode).toBe(403);
    const res = await t.request({ method: 'PATCH', url: `/api/v1/opd/${foreign.opdId}`, cookie: bkpsdm, payload: { name: 'Diambil alih' } });
    expect(res.statusCode).toBe(404);
    expect(await orgSnapshot(t)).toEqual(before);
    const row = await t.database.db.selectFrom('opd').select('name').where('id', '=', foreign.opdId).executeTakeFirstOrThrow();
    expect(row.name).not.toBe('Diambil alih');
  });

  it('refuses a parent cycle and markup', async () => {
    const top = await buildOpd(t.database.db, pemda.id);
    const middle = await buildOpd(t.database.db, pemda.id, { parentId: top.id });
    const bottom = await buildOpd(t.database.db, pemda.id, { parentId: middle.id });
    const before = await orgSnapshot(t);
    for (const parentId of [bottom.id, top.id]) {
      const res = await t.request({ method: 'PATCH', url: `/api/v1/opd/${top.id}`, cookie: bkpsdm, payload: { parentId } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'OPD_PARENT_CYCLE', detail: 'Induk OPD tidak boleh OPD itu sendiri atau turunannya.' });
    }
    const markup = await t.request({ method: 'PATCH', url: `/api/v1/opd/${top.id}`, cookie: bkpsdm, payload: { address: 'Jl. <b>Merdeka</b>' } });
    expect(markup.json().errors).toEqual([{ path: 'address', message: 'address tidak boleh berisi tanda < atau > (HTML)' }]);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('changes an OPD and audits what changed', async () => {
    const opd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Lama' });
    const parent = await buildOpd(t.database.db, pemda.id);
    const res = await t.request({ method: 'PATCH', url: `/api/v1/opd/${opd.id}`, cookie: bkpsdm, payload: { name: 'Dinas Baru', parentId: parent.id } });
    expect(res.statusCode).toBe(200);
    expect(ZOpd.parse(res.json())).toMatchObject({ name: 'Dinas Baru', parentId: parent.id });
    const audit = await lastAudit(t, pemda.id);
    expect(audit).toMatchObject({ action: 'opd.updated', entity_id: opd.id });
    expect(audit.diff).toMatchObject({ changes: { name: { from: 'Dinas Lama', to: 'Dinas Baru' }, parent_id: { from: null, to: parent.id } } });
    // Saving the same values again is not a change: no write, no audit row.
    const before = await orgSnapshot(t);
    const same = await t.request({ method: 'PATCH', url: `/api/v1/opd/${opd.id}`, cookie: bkpsdm, payload: { name: 'Dinas Baru' } });
    expect(same.statusCode).toBe(200);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('refuses to deactivate an OPD that still has active pegawai, in Indonesian and English', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const person = await buildPegawai(t.database.db, pemda.id, opd.id);
    const before = await orgSnapshot(t);
    const refused = await t.request({ method: 'PATCH', url: `/api/v1/opd/${opd.id}`, cookie: bkpsdm, payload: { active: false } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'OPD_HAS_ACTIVE_PEGAWAI', detail: 'OPD masih memiliki 1 pegawai aktif: pindahkan mereka ke OPD lain dulu sebelum menonaktifkan OPD ini.' });
    const english = await t.request({ method: 'PATCH', url: `/api/v1/opd/${opd.id}`, cookie: bkpsdm, headers: { 'accept-language': 'en' }, payload: { active: false } });
    expect(english.json().detail).toBe('The OPD still has 1 active pegawai: move them to another OPD before deactivating it.');
    expect(await orgSnapshot(t)).toEqual(before);
    await t.database.db.updateTable('pegawai').set({ active: false }).where('id', '=', person.id).execute();
    const ok = await t.request({ method: 'PATCH', url: `/api/v1/opd/${opd.id}`, cookie: bkpsdm, payload: { active: false } });
    expect(ok.statusCode).toBe(200);
    expect((await lastAudit(t, pemda.id)).action).toBe('opd.updated');
  });
});

describe('units', () => {
  it('answers 401, 403 and 404 across tenants with nothing changed', async () => {
    const unit = { code: 'BID-UJI', name: 'Bidang Uji', kind: 'bidang' };
    expect((await t.request({ method: 'POST', url: `/api/v1/opd/${foreign.opdId}/units`, payload: unit })).statusCode).toBe(401);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/units/${foreign.unitId}`, payload: { name: 'X' } })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'POST', url: `/api/v1/opd/${foreign.opdId}/units`, cookie: kepalaOpd, payload: unit })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/units/${foreign.unitId}`, cookie: kepalaOpd, payload: { name: 'X' } })).statusCode).toBe(403);
    const create = await t.request({ method: 'POST', url: `/api/v1/opd/${foreign.opdId}/units`, cookie: bkpsdm, payload: unit });
    expect(create.statusCode).toBe(404);
    const patch = await t.request({ method: 'PATCH', url: `/api/v1/units/${foreign.unitId}`, cookie: bkpsdm, payload: { name: 'X' } });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().detail).toBe('Unit kerja tidak ditemukan.');
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('adds units inside one OPD, refuses markup, a parent from another OPD and cycles; audits each change', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const elsewhere = await buildUnit(t.database.db, pemda.id, (await buildOpd(t.database.db, pemda.id)).id);
    const markup = await t.request({ method: 'POST', url: `/api/v1/opd/${opd.id}/units`, cookie: bkpsdm, payload: { code: 'BID-A', name: '<i>Bidang</i>', kind: 'bidang' } });
    expect(markup.json().errors).toEqual([{ path: 'name', message: 'name tidak boleh berisi tanda < atau > (HTML)' }]);
    const crossOpd = await t.request({ method: 'POST', url: `/api/v1/opd/${opd.id}/units`, cookie: bkpsdm, payload: { code: 'BID-A', name: 'Bidang A', kind: 'bidang', parentId: elsewhere.id } });
    expect(crossOpd.statusCode).toBe(404);

    const bidang = await t.request({ method: 'POST', url: `/api/v1/opd/${opd.id}/units`, cookie: bkpsdm, payload: { code: 'BID-A', name: 'Bidang A', kind: 'bidang' } });
    expect(bidang.statusCode).toBe(201);
    expect((await lastAudit(t, pemda.id)).action).toBe('opd_unit.created');
    const seksi = await t.request({ method: 'POST', url: `/api/v1/opd/${opd.id}/units`, cookie: bkpsdm, payload: { code: 'BID-A.1', name: 'Seksi A1', kind: 'seksi', parentId: bidang.json().id } });
    expect(seksi.statusCode).toBe(201);

    const cycle = await t.request({ method: 'PATCH', url: `/api/v1/units/${bidang.json().id}`, cookie: bkpsdm, payload: { parentId: seksi.json().id } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().detail).toBe('Induk unit kerja tidak boleh unit itu sendiri atau turunannya.');
    const renamed = await t.request({ method: 'PATCH', url: `/api/v1/units/${seksi.json().id}`, cookie: bkpsdm, payload: { name: 'Seksi A-1' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Seksi A-1', parentId: bidang.json().id });
    expect((await lastAudit(t, pemda.id)).action).toBe('opd_unit.updated');
  });
});

describe('jabatan', () => {
  const jabatanBody = (opdId: string, overrides: Record<string, unknown> = {}) => ({
    code: `JAB-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    name: 'Kepala Seksi Uji',
    kind: 'pengawas',
    kelasJabatan: 9,
    opdId,
    ...overrides,
  });

  it('answers 401, 403 and 404 across tenants with nothing changed', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/jabatan' })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/jabatan', payload: jabatanBody(foreign.opdId) })).statusCode).toBe(401);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/jabatan/${foreign.jabatanId}`, payload: { name: 'X' } })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'GET', url: '/api/v1/jabatan', cookie: root })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: kepalaOpd, payload: jabatanBody(foreign.opdId) })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/jabatan/${foreign.jabatanId}`, cookie: kepalaOpd, payload: { name: 'X' } })).statusCode).toBe(403);
    const create = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(foreign.opdId) });
    expect(create.statusCode).toBe(404);
    expect(create.json().code).toBe('OPD_NOT_FOUND');
    const patch = await t.request({ method: 'PATCH', url: `/api/v1/jabatan/${foreign.jabatanId}`, cookie: bkpsdm, payload: { name: 'Diambil alih' } });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().detail).toBe('Jabatan tidak ditemukan.');
    const list = await t.request({ method: 'GET', url: `/api/v1/jabatan?opd=${foreign.opdId}`, cookie: kepalaOpd });
    expect(list.json().items).toEqual([]);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('refuses markup, a class outside 1-17, a unit of another OPD and a second head position', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const otherUnit = await buildUnit(t.database.db, pemda.id, (await buildOpd(t.database.db, pemda.id)).id);
    await buildJabatan(t.database.db, pemda.id, opd.id, { name: 'Kepala Badan', isOpdHead: true, kind: 'jpt_pratama' });
    const before = await orgSnapshot(t);
    const markup = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(opd.id, { name: '<script>x</script>' }) });
    expect(markup.json().errors).toEqual([{ path: 'name', message: 'name tidak boleh berisi tanda < atau > (HTML)' }]);
    const kelas = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(opd.id, { kelasJabatan: 18 }) });
    expect(kelas.json().errors).toEqual([{ path: 'kelasJabatan', message: 'kelasJabatan maksimal 17' }]);
    const unit = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(opd.id, { unitId: otherUnit.id }) });
    expect(unit.statusCode).toBe(404);
    expect(unit.json().code).toBe('UNIT_NOT_FOUND');
    const head = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(opd.id, { isOpdHead: true }) });
    expect(head.statusCode).toBe(409);
    expect(head.json().detail).toBe('OPD ini sudah memiliki jabatan kepala OPD (Kepala Badan).');
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('creates and changes positions with audit rows; deactivating a held position is refused', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const unit = await buildUnit(t.database.db, pemda.id, opd.id);
    const res = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(opd.id, { code: 'JAB-KASI-1', unitId: unit.id }) });
    expect(res.statusCode).toBe(201);
    const created = ZJabatan.parse(res.json());
    expect(created).toMatchObject({ code: 'JAB-KASI-1', unitId: unit.id, vacant: true, holder: null, active: true });
    expect((await lastAudit(t, pemda.id)).action).toBe('jabatan.created');
    const twice = await t.request({ method: 'POST', url: '/api/v1/jabatan', cookie: bkpsdm, payload: jabatanBody(opd.id, { code: 'JAB-KASI-1' }) });
    expect(twice.json().detail).toBe('Kode jabatan JAB-KASI-1 sudah dipakai.');

    const pegawai = await buildPegawai(t.database.db, pemda.id, opd.id);
    await buildHolder(t.database.db, pemda.id, { pegawaiId: pegawai.id, jabatanId: created.id });
    const held = await t.request({ method: 'PATCH', url: `/api/v1/jabatan/${created.id}`, cookie: bkpsdm, payload: { active: false } });
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('JABATAN_HAS_HOLDER');
    const renamed = await t.request({ method: 'PATCH', url: `/api/v1/jabatan/${created.id}`, cookie: bkpsdm, payload: { name: 'Kepala Seksi Pelayanan', kelasJabatan: 8 } });
    expect(renamed.statusCode).toBe(200);
    expect(ZJabatan.parse(renamed.json())).toMatchObject({ name: 'Kepala Seksi Pelayanan', kelasJabatan: 8, vacant: false, holder: { pegawaiId: pegawai.id } });
    const audit = await lastAudit(t, pemda.id);
    expect(audit).toMatchObject({ action: 'jabatan.updated', entity_id: created.id });
    expect(audit.diff).toMatchObject({ changes: { kelas_jabatan: { from: 9, to: 8 } } });
  });

  it('lists the vacancies of an OPD by kind, a page at a time', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const filled = await buildJabatan(t.database.db, pemda.id, opd.id, { code: 'V-001' });
    await buildJabatan(t.database.db, pemda.id, opd.id, { code: 'V-002' });
    await buildJabatan(t.database.db, pemda.id, opd.id, { code: 'V-003' });
    await buildJabatan(t.database.db, pemda.id, opd.id, { code: 'V-004', kind: 'pelaksana', kelasJabatan: 5 });
    const ended = await buildJabatan(t.database.db, pemda.id, opd.id, { code: 'V-005' });
    const pegawai = await buildPegawai(t.database.db, pemda.id, opd.id);
    const former = await buildPegawai(t.database.db, pemda.id, opd.id);
    await buildHolder(t.database.db, pemda.id, { pegawaiId: pegawai.id, jabatanId: filled.id });
    await buildHolder(t.database.db, pemda.id, { pegawaiId: former.id, jabatanId: ended.id }, { startDate: '2020-01-01', endDate: '2023-12-31' });

    const first = await t.request({ method: 'GET', url: `/api/v1/jabatan?opd=${opd.id}&vacant=true&kind=pengawas&limit=2`, cookie: kepalaOpd });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((j: { code: string }) => j.code)).toEqual(['V-002', 'V-003']);
    const second = await t.request({ method: 'GET', url: `/api/v1/jabatan?opd=${opd.id}&vacant=true&kind=pengawas&limit=2&cursor=${first.json().nextCursor}`, cookie: kepalaOpd });
    expect(second.json()).toMatchObject({ items: [{ code: 'V-005', vacant: true, holder: null }], nextCursor: null });
    const occupied = await t.request({ method: 'GET', url: `/api/v1/jabatan?opd=${opd.id}&vacant=false`, cookie: kepalaOpd });
    expect(occupied.json().items.map((j: { code: string }) => j.code)).toEqual(['V-001']);
    const badCursor = await t.request({ method: 'GET', url: '/api/v1/jabatan?cursor=rusak', cookie: kepalaOpd });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().detail).toBe('Penanda halaman (cursor) tidak valid.');
  });
});
