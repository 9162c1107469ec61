import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZPegawai, ZPegawaiSummary } from '../../src/contracts/org';
import { buildHolder, buildJabatan, buildOpd, buildPegawai, buildPemda, buildUser, nextNip } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { auditActions, lastAudit, orgSnapshot, superadminCookie } from './org-support';

/** Pegawai: search, contact data by role, registration with NIP checks, appointments to positions. */
let t: TestApp;
let pemda: { id: string; kode: string };
let other: { id: string; kode: string };
let opd: { id: string };
let bkpsdm: string;
let operator: string;
let operatorElsewhere: string;
let root: string;
let foreign: { opdId: string; pegawaiId: string; jabatanId: string; holderId: string };

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  other = await buildPemda(t.database.db, '53.71');
  opd = await buildOpd(t.database.db, pemda.id, { name: 'Badan Kepegawaian dan Pengembangan SDM' });
  bkpsdm = (await buildUser(t.database.db, pemda.id, 'bkpsdm')).cookie;
  operator = (await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opd.id })).cookie;
  operatorElsewhere = (await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: (await buildOpd(t.database.db, pemda.id)).id })).cookie;
  root = await superadminCookie(t);
  const foreignOpd = await buildOpd(t.database.db, other.id);
  const foreignPegawai = await buildPegawai(t.database.db, other.id, foreignOpd.id, { name: 'Maria Goreti Asing' });
  const foreignJabatan = await buildJabatan(t.database.db, other.id, foreignOpd.id);
  const foreignHolder = await buildHolder(t.database.db, other.id, { pegawaiId: foreignPegawai.id, jabatanId: foreignJabatan.id });
  foreign = { opdId: foreignOpd.id, pegawaiId: foreignPegawai.id, jabatanId: foreignJabatan.id, holderId: foreignHolder.id };
});
afterAll(async () => t?.close());

// Born 12 March 1985, appointed January 2010, female (digit 15 = 2), sequence 001.
const FEMALE_NIP = '198503122010012001';
const pegawaiBody = (overrides: Record<string, unknown> = {}) => ({ nip: nextNip(), name: 'Andi Pratama', status: 'PNS', golongan: 'III/a', opdId: opd.id, ...overrides });

describe('GET /pegawai', () => {
  it('answers 401 without a session and 403 to the superadmin', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/pegawai' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/pegawai', cookie: root })).statusCode).toBe(403);
  });

  it('finds pegawai by words of the name in any order, or by NIP prefix, never in another Pemda', async () => {
    const searchOpd = await buildOpd(t.database.db, pemda.id);
    const budi = await buildPegawai(t.database.db, pemda.id, searchOpd.id, { name: 'Budi Hartono Siregar' });
    await buildPegawai(t.database.db, pemda.id, searchOpd.id, { name: 'Hartini Budiman' });
    await buildPegawai(t.database.db, pemda.id, searchOpd.id, { name: 'Siti 100% Nurhaliza', status: 'NON_ASN' });
    const words = await t.request({ method: 'GET', url: '/api/v1/pegawai?q=siregar%20BUDI', cookie: operator });
    expect(words.statusCode).toBe(200);
    expect(words.json().items.map((p: { id: string }) => p.id)).toEqual([budi.id]);
    const both = await t.request({ method: 'GET', url: `/api/v1/pegawai?q=budi&opd=${searchOpd.id}`, cookie: operator });
    expect(both.json().items.map((p: { name: string }) => p.name)).toEqual(['Budi Hartono Siregar', 'Hartini Budiman']);
    // LIKE wildcards typed by a person are literal characters.
    const percent = await t.request({ method: 'GET', url: `/api/v1/pegawai?q=${encodeURIComponent('0%')}&opd=${searchOpd.id}`, cookie: operator });
    expect(percent.json().items.map((p: { name: string }) => p.name)).toEqual(['Siti 100% Nurhaliza']);
    const nip = budi.nip ?? '';
    const byNip = await t.request({ method: 'GET', url: `/api/v1/pegawai?q=${nip.slice(0, 8)}%20${nip.slice(8, 14)}%20${nip.slice(14)}`, cookie: operator });
    expect(byNip.json().items.map((p: { id: string }) => p.id)).toEqual([budi.id]);
    const prefix = await t.request({ method: 'GET', url: `/api/v1/pegawai?q=${nip.slice(0, 6)}&opd=${searchOpd.id}`, cookie: operator });
    expect(prefix.json().items).toHaveLength(2);
    const foreignSearch = await t.request({ method: 'GET', url: '/api/v1/pegawai?q=goreti', cookie: operator });
    expect(foreignSearch.json().items).toEqual([]);
    const nonAsn = await t.request({ method: 'GET', url: `/api/v1/pegawai?status=NON_ASN&opd=${searchOpd.id}`, cookie: operator });
    expect(nonAsn.json().items.map((p: { status: string }) => p.status)).toEqual(['NON_ASN']);
  });

  it('pages through results by name with a cursor, without repeats', async () => {
    const pageOpd = await buildOpd(t.database.db, pemda.id);
    const names = ['Agus', 'Bambang', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gita'];
    for (const name of [...names].reverse()) await buildPegawai(t.database.db, pemda.id, pageOpd.id, { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/pegawai?opd=${pageOpd.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request({ method: 'GET', url, cookie: operator });
      const body: { items: unknown[]; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((item) => ZPegawaiSummary.parse(item).name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
    const bad = await t.request({ method: 'GET', url: '/api/v1/pegawai?cursor=xyz', cookie: operator });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_CURSOR');
  });
});

describe('GET /pegawai/:pegawaiId', () => {
  it('answers 401, 403 to the superadmin, and 404 for a pegawai of another Pemda', async () => {
    expect((await t.request({ method: 'GET', url: `/api/v1/pegawai/${foreign.pegawaiId}` })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: `/api/v1/pegawai/${foreign.pegawaiId}`, cookie: root })).statusCode).toBe(403);
    const res = await t.request({ method: 'GET', url: `/api/v1/pegawai/${foreign.pegawaiId}`, cookie: bkpsdm });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'PEGAWAI_NOT_FOUND', detail: 'Pegawai tidak ditemukan.' });
  });

  it('shows phone, e-mail and birth date only to Pemda-wide roles, their own OPD and themselves', async () => {
    const pegawai = await buildPegawai(t.database.db, pemda.id, opd.id);
    const colleague = (await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id })).cookie;
    const self = (await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id, pegawaiId: pegawai.id })).cookie;
    const view = async (cookie: string) => ZPegawai.parse((await t.request({ method: 'GET', url: `/api/v1/pegawai/${pegawai.id}`, cookie })).json());
    const nip = pegawai.nip ?? '';
    const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
    for (const cookie of [bkpsdm, operator, self]) expect(await view(cookie)).toMatchObject({ phone: '+6281234567890', birthDate });
    for (const cookie of [operatorElsewhere, colleague]) expect(await view(cookie)).toMatchObject({ phone: null, email: null, birthDate: null, name: pegawai.name });
  });
});

describe('POST /pegawai', () => {
  it('answers 401 without a session and 403 to roles that may not register pegawai', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/pegawai', payload: pegawaiBody() })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: operator, payload: pegawaiBody() })).statusCode).toBe(403);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('refuses a wrong NIP, a missing one, a NIP that disagrees with sex or birth date, and markup, in Indonesian', async () => {
    const before = await orgSnapshot(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nip: '12345' }, 'NIP tidak valid: NIP harus 18 digit angka (tertulis 5 karakter)'],
      [{ nip: '198502302010011001' }, 'NIP tidak valid: Tanggal lahir pada NIP (digit 1-8: 19850230) bukan tanggal yang valid'],
      [{ nip: null }, 'PNS dan PPPK wajib memiliki NIP.'],
      [{ nip: FEMALE_NIP, sex: 'L' }, 'Jenis kelamin (L) tidak sesuai dengan NIP (digit 15 menunjukkan P).'],
      [{ nip: FEMALE_NIP, birthDate: '1985-03-13' }, 'Tanggal lahir (1985-03-13) tidak sesuai dengan NIP (digit 1-8 menunjukkan 1985-03-12).'],
      [{ status: 'NON_ASN', nip: FEMALE_NIP }, 'Pegawai non-ASN tidak memiliki NIP; kosongkan NIP atau ubah status menjadi PNS/PPPK.'],
      [{ phone: 'telp kantor' }, 'Nomor telepon hanya boleh berisi angka, spasi, tanda hubung dan + di depan (8-15 digit).'],
    ];
    for (const [overrides, detail] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: bkpsdm, payload: pegawaiBody(overrides) });
      expect(res.statusCode, detail).toBe(400);
      expect(res.json().detail).toBe(detail);
    }
    const english = await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: bkpsdm, headers: { 'accept-language': 'en' }, payload: pegawaiBody({ nip: '12345' }) });
    expect(english.json().detail).toBe('Invalid NIP: NIP must be 18 digits (got 5 characters)');
    const markup = await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: bkpsdm, payload: pegawaiBody({ name: '<script>alert(1)</script>' }) });
    expect(markup.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'name', message: 'name tidak boleh berisi tanda < atau > (HTML)' }] });
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it("answers 404 for another Pemda's OPD and 409 for a NIP already registered, creating nothing", async () => {
    const existing = await buildPegawai(t.database.db, pemda.id, opd.id);
    const before = await orgSnapshot(t);
    const foreignOpd = await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: bkpsdm, payload: pegawaiBody({ opdId: foreign.opdId }) });
    expect(foreignOpd.statusCode).toBe(404);
    expect(foreignOpd.json().code).toBe('OPD_NOT_FOUND');
    const taken = await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: bkpsdm, payload: pegawaiBody({ nip: existing.nip }) });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toBe(`NIP ${existing.nip} sudah terdaftar.`);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('registers a pegawai, taking sex and birth date from the NIP; the audit keeps no contact values', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/pegawai',
      cookie: bkpsdm,
      payload: pegawaiBody({ nip: '19850312 201001 2 001', name: 'Rina Marlina', gelarBelakang: 'S.Kom.', phone: '+62 812-3456-7890', email: 'Rina@Contoh.go.id' }),
    });
    expect(res.statusCode).toBe(201);
    const created = ZPegawai.parse(res.json());
    expect(created).toMatchObject({ nip: FEMALE_NIP, sex: 'P', birthDate: '1985-03-12', fullName: 'Rina Marlina, S.Kom.', email: 'rina@contoh.go.id', opdId: opd.id, jabatanName: null, history: [] });
    const audit = await lastAudit(t, pemda.id);
    expect(audit).toMatchObject({ action: 'pegawai.created', entity_id: created.id });
    const diff = JSON.stringify(audit.diff);
    expect(diff).not.toContain('3456');
    expect(diff).not.toContain('contoh.go.id');
    expect(audit.diff).toMatchObject({ detail: { contactFieldsSet: ['phone', 'email', 'birth_date'] } });
    const nonAsn = await t.request({ method: 'POST', url: '/api/v1/pegawai', cookie: bkpsdm, payload: pegawaiBody({ status: 'NON_ASN', nip: '', name: 'Honorer Uji', golongan: null }) });
    expect(nonAsn.statusCode).toBe(201);
    expect(nonAsn.json()).toMatchObject({ nip: null, status: 'NON_ASN' });
  });
});

describe('PATCH /pegawai/:pegawaiId', () => {
  it('answers 401, 403, and 404 across tenants with nothing changed', async () => {
    expect((await t.request({ method: 'PATCH', url: `/api/v1/pegawai/${foreign.pegawaiId}`, payload: { name: 'X' } })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/pegawai/${foreign.pegawaiId}`, cookie: operator, payload: { name: 'X' } })).statusCode).toBe(403);
    const res = await t.request({ method: 'PATCH', url: `/api/v1/pegawai/${foreign.pegawaiId}`, cookie: bkpsdm, payload: { name: 'Diambil alih' } });
    expect(res.statusCode).toBe(404);
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('changes a pegawai, re-checks the NIP, and audits which contact fields changed without their values', async () => {
    const pegawai = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'Joko Susilo' });
    const wrong = await t.request({ method: 'PATCH', url: `/api/v1/pegawai/${pegawai.id}`, cookie: bkpsdm, payload: { nip: '1985' } });
    expect(wrong.json().detail).toBe('NIP tidak valid: NIP harus 18 digit angka (tertulis 4 karakter)');
    const res = await t.request({ method: 'PATCH', url: `/api/v1/pegawai/${pegawai.id}`, cookie: bkpsdm, payload: { name: 'Joko Susilo Wibowo', phone: '0717 123456' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Joko Susilo Wibowo', phone: '0717 123456' });
    const audit = await lastAudit(t, pemda.id);
    expect(audit).toMatchObject({ action: 'pegawai.updated', diff: { changes: { name: { from: 'Joko Susilo', to: 'Joko Susilo Wibowo' } }, detail: { contactFieldsChanged: ['phone'] } } });
    expect(JSON.stringify(audit.diff)).not.toContain('123456');
    // A new NIP brings its own sex and birth date.
    const renumbered = await t.request({ method: 'PATCH', url: `/api/v1/pegawai/${pegawai.id}`, cookie: bkpsdm, payload: { nip: '199001152015032002' } });
    expect(renumbered.json()).toMatchObject({ sex: 'P', birthDate: '1990-01-15' });
  });
});

describe('appointments', () => {
  it('answers 401, 403, and 404 across tenants with nothing changed', async () => {
    const mine = await buildPegawai(t.database.db, pemda.id, opd.id);
    const myJabatan = await buildJabatan(t.database.db, pemda.id, opd.id);
    const assignment = { jabatanId: myJabatan.id, startDate: '2025-01-02' };
    expect((await t.request({ method: 'POST', url: `/api/v1/pegawai/${mine.id}/jabatan`, payload: assignment })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: `/api/v1/jabatan-holders/${foreign.holderId}/end`, payload: { endDate: '2025-01-01' } })).statusCode).toBe(401);
    const before = await orgSnapshot(t);
    expect((await t.request({ method: 'POST', url: `/api/v1/pegawai/${mine.id}/jabatan`, cookie: operator, payload: assignment })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/v1/jabatan-holders/${foreign.holderId}/end`, cookie: operator, payload: { endDate: '2025-01-01' } })).statusCode).toBe(403);
    const foreignPegawai = await t.request({ method: 'POST', url: `/api/v1/pegawai/${foreign.pegawaiId}/jabatan`, cookie: bkpsdm, payload: assignment });
    expect(foreignPegawai.statusCode).toBe(404);
    const foreignJabatan = await t.request({ method: 'POST', url: `/api/v1/pegawai/${mine.id}/jabatan`, cookie: bkpsdm, payload: { ...assignment, jabatanId: foreign.jabatanId } });
    expect(foreignJabatan.statusCode).toBe(404);
    expect(foreignJabatan.json().code).toBe('JABATAN_NOT_FOUND');
    const foreignHolder = await t.request({ method: 'POST', url: `/api/v1/jabatan-holders/${foreign.holderId}/end`, cookie: bkpsdm, payload: { endDate: '2025-01-01' } });
    expect(foreignHolder.statusCode).toBe(404);
    expect(foreignHolder.json().detail).toBe('Riwayat jabatan tidak ditemukan.');
    expect(await orgSnapshot(t)).toEqual(before);
    const untouched = await t.database.db.selectFrom('jabatan_holder').select('end_date').where('id', '=', foreign.holderId).executeTakeFirstOrThrow();
    expect(untouched.end_date).toBeNull();
  });

  it('appoints definitively: ends the current post the day before, moves the pegawai to the new OPD, refuses an occupied post', async () => {
    const target = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Pariwisata' });
    const oldPost = await buildJabatan(t.database.db, pemda.id, opd.id, { name: 'Kepala Sub Bagian Umum' });
    const newPost = await buildJabatan(t.database.db, pemda.id, target.id, { name: 'Kepala Bidang Destinasi', kind: 'administrator', kelasJabatan: 11 });
    const pegawai = await buildPegawai(t.database.db, pemda.id, opd.id);
    const rival = await buildPegawai(t.database.db, pemda.id, opd.id);
    const current = await buildHolder(t.database.db, pemda.id, { pegawaiId: pegawai.id, jabatanId: oldPost.id }, { startDate: '2022-03-01' });

    const res = await t.request({ method: 'POST', url: `/api/v1/pegawai/${pegawai.id}/jabatan`, cookie: bkpsdm, payload: { jabatanId: newPost.id, startDate: '2025-01-02', skNumber: '800/123/BKPSDM/2024' } });
    expect(res.statusCode).toBe(201);
    const body = ZPegawai.parse(res.json());
    expect(body).toMatchObject({ opdId: target.id, opdName: 'Dinas Pariwisata', jabatanName: 'Kepala Bidang Destinasi' });
    expect(body.history.map((h) => [h.jabatanName, h.startDate, h.endDate])).toEqual([
      ['Kepala Bidang Destinasi', '2025-01-02', null],
      ['Kepala Sub Bagian Umum', '2022-03-01', '2025-01-01'],
    ]);
    expect((await auditActions(t, pemda.id)).slice(0, 2)).toEqual(['jabatan_holder.assigned', 'jabatan_holder.ended']);
    const ended = await t.database.db.selectFrom('jabatan_holder').select('end_date').where('id', '=', current.id).executeTakeFirstOrThrow();
    expect(ended.end_date).toBe('2025-01-01');

    const before = await orgSnapshot(t);
    const occupied = await t.request({ method: 'POST', url: `/api/v1/pegawai/${rival.id}/jabatan`, cookie: bkpsdm, payload: { jabatanId: newPost.id, startDate: '2025-06-01' } });
    expect(occupied.statusCode).toBe(409);
    expect(occupied.json().detail).toBe('Jabatan Kepala Bidang Destinasi sudah memiliki pejabat definitif; akhiri dulu masa jabatannya.');
    expect(await orgSnapshot(t)).toEqual(before);
  });

  it('lets one Plt stand in on a held or vacant post, and ends the Plt term when that person is appointed', async () => {
    const post = await buildJabatan(t.database.db, pemda.id, opd.id, { name: 'Sekretaris Badan', kind: 'administrator' });
    const plt = await buildPegawai(t.database.db, pemda.id, opd.id);
    const second = await buildPegawai(t.database.db, pemda.id, opd.id);
    const acting = await t.request({ method: 'POST', url: `/api/v1/pegawai/${plt.id}/jabatan`, cookie: bkpsdm, payload: { jabatanId: post.id, kind: 'plt', startDate: '2024-05-01' } });
    expect(acting.statusCode).toBe(201);
    expect(acting.json().jabatanName).toBe('Plt. Sekretaris Badan');
    const another = await t.request({ method: 'POST', url: `/api/v1/pegawai/${second.id}/jabatan`, cookie: bkpsdm, payload: { jabatanId: post.id, kind: 'plt', startDate: '2024-06-01' } });
    expect(another.statusCode).toBe(409);
    expect(another.json().detail).toBe('Jabatan Sekretaris Badan sudah memiliki Plt/Plh aktif; akhiri dulu penugasannya.');
    const appointed = await t.request({ method: 'POST', url: `/api/v1/pegawai/${plt.id}/jabatan`, cookie: bkpsdm, payload: { jabatanId: post.id, startDate: '2024-09-02' } });
    expect(appointed.statusCode).toBe(201);
    expect(appointed.json().history.map((h: { kind: string; endDate: string | null }) => [h.kind, h.endDate])).toEqual([
      ['definitif', null],
      ['plt', '2024-09-01'],
    ]);
  });

  it('ends an appointment on a date (the post becomes vacant), refusing an end before the start or a second end', async () => {
    const post = await buildJabatan(t.database.db, pemda.id, opd.id, { name: 'Analis Kepegawaian', kind: 'fungsional' });
    const pegawai = await buildPegawai(t.database.db, pemda.id, opd.id);
    const holder = await buildHolder(t.database.db, pemda.id, { pegawaiId: pegawai.id, jabatanId: post.id }, { startDate: '2023-01-02' });
    const url = `/api/v1/jabatan-holders/${holder.id}/end`;
    const early = await t.request({ method: 'POST', url, cookie: bkpsdm, payload: { endDate: '2022-12-31' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toBe('Tanggal akhir (2022-12-31) tidak boleh sebelum tanggal mulai (2023-01-02).');
    const badDate = await t.request({ method: 'POST', url, cookie: bkpsdm, payload: { endDate: '31-12-2024' } });
    expect(badDate.json().errors).toEqual([{ path: 'endDate', message: 'endDate format date tidak valid' }]);
    const res = await t.request({ method: 'POST', url, cookie: bkpsdm, payload: { endDate: '2024-12-31' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: holder.id, pegawaiId: pegawai.id, endDate: '2024-12-31', kind: 'definitif' });
    expect(await lastAudit(t, pemda.id)).toMatchObject({ action: 'jabatan_holder.ended', entity_id: holder.id });
    const again = await t.request({ method: 'POST', url, cookie: bkpsdm, payload: { endDate: '2025-01-31' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Masa jabatan ini sudah berakhir pada 2024-12-31.');
    const vacancies = await t.request({ method: 'GET', url: `/api/v1/jabatan?opd=${opd.id}&vacant=true&kind=fungsional`, cookie: operator });
    expect(vacancies.json().items.map((j: { id: string }) => j.id)).toContain(post.id);
  });
});
