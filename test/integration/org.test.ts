import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZPemda, ZPlatformPemda, ZWilayahFeatureCollection } from '../../src/contracts/org';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { auditActions, lastAudit, multipartFile, orgSnapshot, square, superadminCookie } from './org-support';

/** The Pemda profile, the platform's Pemda list and the regions (wilayah) with their boundaries. */
let t: TestApp;
let pemda: { id: string; kode: string };
let other: { id: string; kode: string };
let admin: string;
let bkpsdm: string;
let pegawaiRole: string;
let root: string;

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  other = await buildPemda(t.database.db, '53.71');
  admin = (await buildUser(t.database.db, pemda.id, 'admin_pemda')).cookie;
  bkpsdm = (await buildUser(t.database.db, pemda.id, 'bkpsdm')).cookie;
  const opd = await buildOpd(t.database.db, pemda.id);
  pegawaiRole = (await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id })).cookie;
  root = await superadminCookie(t);
});
afterAll(async () => t?.close());

describe('GET /pemda', () => {
  it('answers 401 without a session and 403 to the platform superadmin (no Pemda of their own)', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/pemda' })).statusCode).toBe(401);
    const res = await t.request({ method: 'GET', url: '/api/v1/pemda', cookie: root });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', detail: 'Anda tidak berwenang melakukan tindakan ini.' });
  });

  it("describes the caller's Pemda with region counts from the Kemendagri registry", async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/pemda', cookie: pegawaiRole });
    expect(res.statusCode).toBe(200);
    const body = ZPemda.parse(res.json());
    const kecamatan = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemda.id).where('level', '=', 'kecamatan').execute();
    expect(body).toMatchObject({ id: pemda.id, kodeWilayah: '19.71', kind: 'kota', synthetic: false });
    expect(body.counts.kecamatan).toBe(kecamatan.length);
    expect(body.counts.kecamatan).toBeGreaterThan(3);
    expect(body.counts.kelurahan).toBeGreaterThan(body.counts.kecamatan);
    expect(body.counts.opd).toBe(1);
  });
});

describe('POST /pemda/heads', () => {
  const head = { name: 'Budi Santoso', title: 'Wali Kota', status: 'definitif', termStart: '2025-02-20', termEnd: '2030-02-20', legalBasis: 'Keppres 12/P/2025' };

  it('answers 401 without a session and 403 to roles other than admin_pemda', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/pemda/heads', payload: head })).statusCode).toBe(401);
    const res = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: bkpsdm, payload: head });
    expect(res.statusCode).toBe(403);
  });

  it('refuses markup, a term that ends before it starts, and a Pj without a term end, in Indonesian', async () => {
    const before = await orgSnapshot(t);
    const markup = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: admin, payload: { ...head, name: '<script>alert(1)</script>' } });
    expect(markup.statusCode).toBe(400);
    expect(markup.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'name', message: 'name tidak boleh berisi tanda < atau > (HTML)' }] });
    const backwards = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: admin, payload: { ...head, termEnd: '2020-01-01' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toBe('Akhir masa jabatan (2020-01-01) tidak boleh sebelum awal masa jabatan (2025-02-20).');
    const pj = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: admin, payload: { ...head, status: 'pj', termEnd: null } });
    expect(pj.statusCode).toBe(400);
    expect(pj.json()).toMatchObject({ code: 'PEMDA_HEAD_TERM_END_REQUIRED', detail: 'Penjabat (Pj) kepala daerah wajib memiliki tanggal akhir masa jabatan (Permendagri 4/2023).' });
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('adds heads with an audit row; the head serving today is the latest term covering today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: admin, payload: { ...head, termStart: '2024-01-01', termEnd: '2099-01-01' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Budi Santoso', status: 'definitif', termEnd: '2099-01-01' });
    expect((await lastAudit(t, pemda.id)).action).toBe('pemda.head_added');

    // A Pj may not overlap an elected head; a Plt (campaign leave) may, and then serves.
    const pj = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: admin, payload: { ...head, name: 'Pj Uji', status: 'pj', termStart: today, termEnd: '2099-06-01' } });
    expect(pj.statusCode).toBe(409);
    expect(pj.json().detail).toBe('Masa jabatan bertumpang tindih dengan Budi Santoso (2024-01-01 s.d. 2099-01-01). Hanya Plt/Plh yang boleh bersamaan dengan kepala daerah definitif atau Pj.');
    const plt = await t.request({ method: 'POST', url: '/api/v1/pemda/heads', cookie: admin, payload: { ...head, name: 'Siti Aminah', title: 'Plt. Wali Kota', status: 'plt', termStart: today, termEnd: '2099-01-01' } });
    expect(plt.statusCode).toBe(201);

    const pemdaNow = ZPemda.parse((await t.request({ method: 'GET', url: '/api/v1/pemda', cookie: pegawaiRole })).json());
    expect(pemdaNow.head?.name).toBe('Siti Aminah');
    expect(pemdaNow.heads.map((h) => h.name).sort()).toEqual(['Budi Santoso', 'Siti Aminah']);
    // Another Pemda sees none of it.
    const otherAdmin = (await buildUser(t.database.db, other.id, 'admin_pemda')).cookie;
    const otherPemda = ZPemda.parse((await t.request({ method: 'GET', url: '/api/v1/pemda', cookie: otherAdmin })).json());
    expect(otherPemda.heads).toEqual([]);
    expect(otherPemda.head).toBeNull();
  });
});

describe('platform: /platform/pemda', () => {
  it('answers 401 without a session and 403 to tenant accounts', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/platform/pemda' })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/platform/pemda', payload: { kodeWilayah: '61.72' } })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/platform/pemda', cookie: admin })).statusCode).toBe(403);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'POST', url: '/api/v1/platform/pemda', cookie: admin, payload: { kodeWilayah: '61.72' } })).statusCode).toBe(403);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('lists every Pemda for the superadmin', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/platform/pemda', cookie: root });
    expect(res.statusCode).toBe(200);
    const items = res.json().items.map((item: unknown) => ZPlatformPemda.parse(item));
    expect(items.map((p: { kodeWilayah: string }) => p.kodeWilayah)).toEqual(expect.arrayContaining(['19.71', '53.71']));
    expect(items.find((p: { kodeWilayah: string }) => p.kodeWilayah === '19.71')?.counts.opd).toBe(1);
  });

  it('refuses an unknown or malformed kode wilayah with nothing created', async () => {
    const before = await orgSnapshot(t);
    const unknown = await t.request({ method: 'POST', url: '/api/v1/platform/pemda', cookie: root, payload: { kodeWilayah: '99.99' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'KODE_WILAYAH_UNKNOWN', detail: 'Kode wilayah 99.99 tidak dikenal (Kepmendagri 300.2.2-2138/2025).' });
    const english = await t.request({ method: 'POST', url: '/api/v1/platform/pemda', cookie: root, headers: { 'accept-language': 'en' }, payload: { kodeWilayah: '99.99' } });
    expect(english.json().detail).toBe('Unknown region code 99.99 (Kepmendagri 300.2.2-2138/2025).');
    const malformed = await t.request({ method: 'POST', url: '/api/v1/platform/pemda', cookie: root, payload: { kodeWilayah: '<b>61</b>' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'kodeWilayah' }] });
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('creates a Pemda from the registry, audited in its own chain, and refuses it twice', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/platform/pemda', cookie: root, payload: { kodeWilayah: '61.72' } });
    expect(res.statusCode).toBe(201);
    const created = ZPlatformPemda.parse(res.json());
    expect(created).toMatchObject({ kodeWilayah: '61.72', name: 'Kota Singkawang', kind: 'kota', provinceName: 'Kalimantan Barat', counts: { opd: 0, pegawai: 0, users: 0 } });
    const audit = await lastAudit(t, created.id);
    expect(audit).toMatchObject({ action: 'pemda.created', actor_kind: 'platform' });
    const again = await t.request({ method: 'POST', url: '/api/v1/platform/pemda', cookie: root, payload: { kodeWilayah: '61.72' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Pemda dengan kode 61.72 sudah ada.');
  });

  it("gives a new Pemda its first admin, who must change the password and enrol TOTP at first sign-in", async () => {
    const pemdaId = (ZPlatformPemda.parse((await t.request({ method: 'GET', url: '/api/v1/platform/pemda', cookie: root })).json().items.find((p: { kodeWilayah: string }) => p.kodeWilayah === '61.72'))).id;
    const url = `/api/v1/platform/pemda/${pemdaId}/admins`;
    expect((await t.request({ method: 'POST', url, cookie: admin, payload: { email: 'x@singkawang.go.id', name: 'X' } })).statusCode).toBe(403);
    const bad = await t.request({ method: 'POST', url, cookie: root, payload: { email: 'bukan-email', name: 'Admin' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'email' }] });
    const unknown = await t.request({ method: 'POST', url: '/api/v1/platform/pemda/00000000-0000-4000-8000-000000000000/admins', cookie: root, payload: { email: 'a@b.go.id', name: 'A' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PEMDA_NOT_FOUND');
    const res = await t.request({ method: 'POST', url, cookie: root, payload: { email: 'Admin@Singkawang.go.id', name: 'Admin Singkawang' } });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json() as { user: { email: string; role: string }; temporaryPassword: string };
    expect(user).toMatchObject({ email: 'admin@singkawang.go.id', role: 'admin_pemda' });
    expect(await lastAudit(t, pemdaId)).toMatchObject({ action: 'user.created', actor_kind: 'platform' });
    expect((await t.request({ method: 'POST', url, cookie: root, payload: { email: 'admin@singkawang.go.id', name: 'Lagi' } })).json().code).toBe('USER_EMAIL_TAKEN');
    const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@singkawang.go.id', password: temporaryPassword, pemda: '61.72' } });
    expect(login.statusCode).toBe(200);
    expect(login.json().stage).toBe('totp_enroll');
  });
});

describe('GET /wilayah and /wilayah/geojson', () => {
  it('answers 401 without a session', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/wilayah' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/wilayah/geojson' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/wilayah', cookie: root })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/wilayah/geojson', cookie: root })).statusCode).toBe(403);
  });

  it('lists the regions of my Pemda by level and parent, never those of another', async () => {
    const kecamatan = await t.request({ method: 'GET', url: '/api/v1/wilayah?level=kecamatan', cookie: pegawaiRole });
    expect(kecamatan.statusCode).toBe(200);
    const items: Array<{ kode: string; level: string; parentKode: string | null }> = kecamatan.json().items;
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((w) => w.level === 'kecamatan' && w.kode.startsWith('19.71.') && w.parentKode === '19.71')).toBe(true);
    const first = items[0]?.kode ?? '';
    const children = await t.request({ method: 'GET', url: `/api/v1/wilayah?parent=${first}`, cookie: pegawaiRole });
    expect(children.json().items.length).toBeGreaterThan(0);
    expect(children.json().items.every((w: { parentKode: string }) => w.parentKode === first)).toBe(true);
    const foreignKecamatan = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', other.id).where('level', '=', 'kecamatan').executeTakeFirstOrThrow();
    const foreign = await t.request({ method: 'GET', url: `/api/v1/wilayah?parent=${foreignKecamatan.kode}`, cookie: pegawaiRole });
    expect(foreign.json().items).toEqual([]);
  });

  it('serves the boundaries of one level as a GeoJSON FeatureCollection', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/wilayah/geojson?level=kelurahan', cookie: pegawaiRole });
    expect(res.statusCode).toBe(200);
    const collection = ZWilayahFeatureCollection.parse(res.json());
    expect(collection.features.length).toBeGreaterThan(10);
    expect(collection.features.every((f) => f.properties.code.startsWith('19.71.') && f.properties.level === 'kelurahan')).toBe(true);
    const bad = await t.request({ method: 'GET', url: '/api/v1/wilayah/geojson?level=provinsi', cookie: pegawaiRole });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('querystring.level harus salah satu dari: kecamatan, kelurahan, pemda');
  });
});

describe('POST /wilayah/boundaries', () => {
  const url = '/api/v1/wilayah/boundaries';

  async function kecamatanOf(pemdaId: string): Promise<string> {
    const row = await t.database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemdaId).where('level', '=', 'kecamatan').orderBy('kode').executeTakeFirstOrThrow();
    return row.kode;
  }

  it('answers 401 without a session and 403 to roles other than admin_pemda', async () => {
    const file = multipartFile('{}');
    expect((await t.request({ method: 'POST', url, ...file })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url, cookie: bkpsdm, ...multipartFile('{}') })).statusCode).toBe(403);
  });

  it('asks for a file, and refuses a file that is not JSON or not a FeatureCollection', async () => {
    const none = await t.request({ method: 'POST', url, cookie: admin, payload: { type: 'FeatureCollection' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('Unggah satu berkas GeoJSON (multipart/form-data, kolom "file").');
    const notJson = await t.request({ method: 'POST', url, cookie: admin, ...multipartFile('bukan json') });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().detail).toBe('Berkas GeoJSON tidak valid: berkas bukan JSON yang valid');
    const notCollection = await t.request({ method: 'POST', url, cookie: admin, ...multipartFile(JSON.stringify({ type: 'Feature' })) });
    expect(notCollection.json().detail).toBe('Berkas GeoJSON tidak valid: bukan GeoJSON FeatureCollection');
  });

  it("lists every wrong feature (another Pemda's code, bad geometry) and writes nothing", async () => {
    const mine = await kecamatanOf(pemda.id);
    const theirs = await kecamatanOf(other.id);
    const before = await orgSnapshot(t);
    const geometryBefore = await t.database.db.selectFrom('wilayah').select('geometry').where('pemda_id', '=', pemda.id).where('kode', '=', mine).executeTakeFirstOrThrow();
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: mine }, geometry: square(106.1, -2.1) },
        { type: 'Feature', properties: { code: theirs }, geometry: square(123.6, -10.2) },
        { type: 'Feature', properties: { code: mine.replace(/\d$/, '9') + '9' }, geometry: { type: 'Point', coordinates: [106, -2] } },
      ],
    };
    const res = await t.request({ method: 'POST', url, cookie: admin, ...multipartFile(JSON.stringify(collection)) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'WILAYAH_BOUNDARIES_REJECTED', detail: '2 feature GeoJSON ditolak; tidak ada batas wilayah yang disimpan.' });
    expect(res.json().errors).toEqual([
      { path: 'features.1', message: `${theirs}: kode ${theirs} bukan wilayah 19.71` },
      { path: 'features.2', message: expect.stringContaining('geometri harus Polygon atau MultiPolygon') },
    ]);
    expect(await orgSnapshot(t)).toEqual(before);
    const geometryAfter = await t.database.db.selectFrom('wilayah').select('geometry').where('pemda_id', '=', pemda.id).where('kode', '=', mine).executeTakeFirstOrThrow();
    expect(geometryAfter.geometry).toEqual(geometryBefore.geometry);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const huge = Buffer.alloc(21 * 1024 * 1024, 0x20);
    const res = await t.request({ method: 'POST', url, cookie: admin, ...multipartFile(huge) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', detail: 'Data yang dikirim terlalu besar (maksimal 20 MB).' });
  });

  it('stores the boundaries of a valid file, with its centroid, and audits the upload', async () => {
    const mine = await kecamatanOf(pemda.id);
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: mine, name: 'Uji' }, geometry: square(106.1, -2.1, 0.02) }] };
    const res = await t.request({ method: 'POST', url, cookie: admin, ...multipartFile(JSON.stringify(collection)) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 1, errors: [] });
    const row = await t.database.db.selectFrom('wilayah').select(['geometry', 'centroid_lng', 'centroid_lat']).where('pemda_id', '=', pemda.id).where('kode', '=', mine).executeTakeFirstOrThrow();
    expect(row.geometry).toEqual(square(106.1, -2.1, 0.02));
    expect(row.centroid_lng).toBeCloseTo(106.11, 5);
    expect(row.centroid_lat).toBeCloseTo(-2.09, 5);
    expect((await auditActions(t, pemda.id))[0]).toBe('wilayah.boundaries_uploaded');
  });
});
