import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { multipartFile, TINY_PNG } from '../fixtures/evidence';
import { createTestApp, type TestApp } from '../support/app';

/**
 * Issue 7, the management routes behind the screens: pledge reminders sent from the campaign screen, the sanction
 * registry by status with its TPP effect, the reveal recipient picker, and the shared multipart reader's errors.
 * Each: 401/403 by role, 404 across tenants, 400 in Indonesian and English, success with its audit row.
 */
let t: TestApp;
let pemda: { id: string; kode: string };
let opd: { id: string };
let reported: { id: string; nip: string | null };
type Who = 'inspektorat' | 'bkpsdm' | 'kepala' | 'sekda' | 'admin' | 'headOpd' | 'pegawai' | 'pegawai2' | 'foreignHandler' | 'foreignBkpsdm';
const users = {} as Record<Who, { id: string; cookie: string }>;
let caseId = '';

const post = (url: string, cookie: string | undefined, payload: unknown, lang?: 'en') =>
  t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown>, headers: lang ? { 'accept-language': 'en' } : {} });
const get = (url: string, cookie?: string, lang?: 'en') => t.request({ method: 'GET', url, cookie, headers: lang ? { 'accept-language': 'en' } : {} });
async function auditCount(action: string, entityId: string): Promise<number> {
  const row = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  const other = await buildPemda(t.database.db, '53.71');
  opd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Pendidikan' });
  reported = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'Terlapor Registri' });
  const p1 = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'ASN Satu' });
  const p2 = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'ASN Dua' });
  users.inspektorat = await buildUser(t.database.db, pemda.id, 'inspektorat');
  users.bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
  users.kepala = await buildUser(t.database.db, pemda.id, 'kepala_daerah');
  users.sekda = await buildUser(t.database.db, pemda.id, 'sekda');
  users.admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  users.headOpd = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: opd.id });
  users.pegawai = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id, pegawaiId: p1.id });
  users.pegawai2 = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id, pegawaiId: p2.id });
  users.foreignHandler = await buildUser(t.database.db, other.id, 'inspektorat');
  users.foreignBkpsdm = await buildUser(t.database.db, other.id, 'bkpsdm');
});
afterAll(async () => t?.close());

describe('pledge reminders from the campaign screen', () => {
  let running = '';
  let ended = '';
  it('creates campaigns and refuses reversed dates in both languages', async () => {
    const year = new Date().getUTCFullYear();
    const statement = 'Saya menyatakan akan menjaga netralitas ASN dalam setiap tahapan pemilihan.';
    const bad = await post('/api/v1/neutrality/campaigns', users.bkpsdm.cookie, { title: 'Terbalik', statement, startsOn: `${year}-12-31`, endsOn: `${year}-01-01` }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toBe('The pledge campaign cannot end before it starts.');
    const res = await post('/api/v1/neutrality/campaigns', users.bkpsdm.cookie, { title: 'Ikrar berjalan', statement, startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31` });
    expect(res.statusCode).toBe(201);
    running = res.json().id;
    const old = await post('/api/v1/neutrality/campaigns', users.admin.cookie, { title: 'Ikrar lama', statement, startsOn: '2023-01-01', endsOn: '2023-02-01' });
    expect(old.statusCode).toBe(201);
    ended = old.json().id;
  });

  it('reminds each unsigned ASN once, then nobody again the same day', async () => {
    const url = `/api/v1/neutrality/campaigns/${running}/reminders`;
    expect((await post(url, undefined, {})).statusCode).toBe(401);
    expect((await post(url, users.pegawai.cookie, {})).statusCode).toBe(403);
    expect((await post(url, users.sekda.cookie, {})).statusCode).toBe(403);
    expect((await post('/api/v1/neutrality/pledge/sign', users.pegawai.cookie, {})).statusCode).toBe(201);
    const first = await post(url, users.bkpsdm.cookie, {});
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ sent: 1 });
    const inbox = await t.database.db.selectFrom('notification').select('user_id').where('pemda_id', '=', pemda.id).where('kind', '=', 'neutrality.pledge_reminder').execute();
    expect(inbox.map((n) => n.user_id)).toEqual([users.pegawai2.id]);
    expect((await post(url, users.bkpsdm.cookie, {})).json()).toEqual({ sent: 0 });
    expect(await auditCount('neutrality.pledge_reminders_sent', running)).toBe(2);
  });

  it('refuses an ended campaign, a bad id and another Pemda’s campaign', async () => {
    const ended409 = await post(`/api/v1/neutrality/campaigns/${ended}/reminders`, users.bkpsdm.cookie, {});
    expect(ended409.statusCode).toBe(409);
    expect(ended409.json().detail).toBe('Pengingat hanya dapat dikirim selama kampanye ikrar berjalan (2023-01-01 s.d. 2023-02-01).');
    const en = await post(`/api/v1/neutrality/campaigns/${ended}/reminders`, users.bkpsdm.cookie, {}, 'en');
    expect(en.json().detail).toBe('Reminders can only be sent while the pledge campaign runs (2023-01-01 to 2023-02-01).');
    const badId = await post('/api/v1/neutrality/campaigns/not-a-uuid/reminders', users.bkpsdm.cookie, {});
    expect(badId.statusCode).toBe(400);
    const foreign = await post(`/api/v1/neutrality/campaigns/${running}/reminders`, users.foreignBkpsdm.cookie, {});
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe('Kampanye ikrar tidak ditemukan.');
  });
});

describe('a case with an identified reporter, decided on the discipline track', () => {
  it('runs to a sedang sanction', async () => {
    const report = await post(`/api/v1/neutrality/public/${pemda.kode}/reports`, undefined, {
      reported: { nip: reported.nip },
      category: 'mendekati_parpol',
      occurredOn: '2024-10-01',
      place: 'Kantor DPC partai',
      description: 'Terlapor mendaftar sebagai bakal calon di kantor partai politik.',
      anonymous: false,
      reporter: { name: 'Pelapor Terbuka', contact: '081200002222' },
    });
    expect(report.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('ntr_case').select('id').where('receipt_code', '=', report.json().receiptCode).executeTakeFirstOrThrow();
    caseId = row.id;
    const handler = users.inspektorat.cookie;
    expect((await post(`/api/v1/neutrality/cases/${caseId}/verify`, handler, { decision: 'terima', note: 'Cukup bukti.' })).statusCode).toBe(200);
    expect((await post(`/api/v1/neutrality/cases/${caseId}/recommend`, handler, { track: 'disiplin', level: 'sedang', recommendation: 'Hukuman disiplin sedang.' })).statusCode).toBe(200);
    const decided = await post(`/api/v1/neutrality/cases/${caseId}/decide`, users.kepala.cookie, {
      outcome: 'terbukti',
      decisionNumber: '800/7/2024',
      decidedOn: '2024-11-01',
      note: 'Terbukti.',
      sanction: { text: 'Pemotongan tunjangan kinerja 25% selama 6 bulan', startsOn: '2024-12-01', endsOn: '2025-05-31' },
    });
    expect(decided.statusCode).toBe(200);
  });
});

describe('referral to the receiving body and its reply', () => {
  it('records the reply, refuses a date before the letter and an unknown referral', async () => {
    const handler = users.inspektorat.cookie;
    const sent = await post(`/api/v1/neutrality/cases/${caseId}/referrals`, handler, { sentOn: '2024-11-05', letterNumber: '800/9/INSP/2024' });
    expect(sent.statusCode).toBe(201);
    const referralId = sent.json().id as string;
    const url = `/api/v1/neutrality/cases/${caseId}/referrals/${referralId}/reply`;
    expect((await post(url, users.pegawai.cookie, { replyOn: '2024-11-20', replySummary: 'x' })).statusCode).toBe(403);
    const early = await post(url, handler, { replyOn: '2024-11-01', replySummary: 'BKN menerima penerusan.' });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toBe('Tanggal balasan tidak boleh sebelum surat penerusan dikirim (2024-11-05).');
    const earlyEn = await post(url, handler, { replyOn: '2024-11-01', replySummary: 'BKN menerima penerusan.' }, 'en');
    expect(earlyEn.json().detail).toBe('The reply date cannot be before the referral letter was sent (2024-11-05).');
    const unknown = await post(`/api/v1/neutrality/cases/${caseId}/referrals/00000000-0000-4000-8000-000000000000/reply`, handler, { replyOn: '2024-11-20', replySummary: 'BKN menerima penerusan.' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('Penerusan tidak ditemukan.');
    expect((await post(url, users.foreignHandler.cookie, { replyOn: '2024-11-20', replySummary: 'BKN menerima penerusan.' })).statusCode).toBe(404);
    const ok = await post(url, handler, { replyOn: '2024-11-20', replySummary: 'BKN menerima penerusan dan menyetujui sanksi.' });
    expect(ok.statusCode).toBe(200);
    expect(await auditCount('neutrality.referral.replied', referralId)).toBe(1);
    const detail = await get(`/api/v1/neutrality/cases/${caseId}`, handler);
    expect(detail.json().referrals[0]).toMatchObject({ replyOn: '2024-11-20', replySummary: 'BKN menerima penerusan dan menyetujui sanksi.' });
  });
});

describe('sanction registry', () => {
  it('lists by status with the TPP effect and counts', async () => {
    expect((await get('/api/v1/neutrality/sanctions', users.pegawai.cookie)).statusCode).toBe(403);
    expect((await get('/api/v1/neutrality/sanctions', users.headOpd.cookie)).statusCode).toBe(403);
    const all = await get('/api/v1/neutrality/sanctions', users.sekda.cookie);
    expect(all.statusCode).toBe(200);
    expect(all.json().counts).toEqual({ berjalan: 1, selesai: 0 });
    expect(all.json().items[0]).toMatchObject({ caseId, level: 'sedang', status: 'berjalan', tpp: { cutPercent: 25, fromMonth: '2024-12', untilMonth: '2025-05' } });
    expect((await get('/api/v1/neutrality/sanctions?status=selesai', users.bkpsdm.cookie)).json().items).toEqual([]);
    expect((await get('/api/v1/neutrality/sanctions?status=berjalan', users.bkpsdm.cookie)).json().items).toHaveLength(1);
    const bad = await get('/api/v1/neutrality/sanctions?status=lama', users.bkpsdm.cookie, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toBe('The request is not valid.');
    expect(JSON.stringify(bad.json().errors)).toContain('must be one of: berjalan, selesai');
    const badId = await get('/api/v1/neutrality/sanctions?status=lama', users.bkpsdm.cookie);
    expect(JSON.stringify(badId.json().errors)).toContain('harus salah satu dari: berjalan, selesai');
    // Another Pemda's registry is its own (empty), never this one.
    expect((await get('/api/v1/neutrality/sanctions', users.foreignHandler.cookie)).json()).toEqual({ items: [], counts: { berjalan: 0, selesai: 0 } });
  });
});

describe('reveal recipient picker', () => {
  it('lists the accounts that may receive an identity, for a handler of the case only', async () => {
    const url = `/api/v1/neutrality/cases/${caseId}/reveal-recipients`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, users.sekda.cookie)).statusCode).toBe(403);
    expect((await get(url, users.pegawai.cookie)).statusCode).toBe(403);
    // BKPSDM has the role but is not a handler of this Pemda (default settings: Inspektorat only).
    expect((await get(url, users.bkpsdm.cookie)).statusCode).toBe(404);
    expect((await get(url, users.foreignHandler.cookie)).statusCode).toBe(404);
    const res = await get(url, users.inspektorat.cookie);
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as Array<{ id: string; role: string }>).map((r) => r.id).sort();
    expect(ids).toEqual([users.admin.id, users.bkpsdm.id, users.kepala.id, users.sekda.id].sort());
    expect(JSON.stringify(res.json())).not.toContain('@');
    // Each one listed is accepted by the reveal request.
    const asked = await post(`/api/v1/neutrality/cases/${caseId}/reveals`, users.inspektorat.cookie, { recipientId: users.sekda.id, reason: 'Sekda perlu menghubungi pelapor langsung.' });
    expect(asked.statusCode).toBe(201);
    const notListed = await post(`/api/v1/neutrality/cases/${caseId}/reveals`, users.inspektorat.cookie, { recipientId: users.headOpd.id, reason: 'Kepala OPD ingin tahu pelapornya.' }, 'en');
    expect(notListed.statusCode).toBe(400);
    expect(notListed.json().detail).toBe('The recipient must be an active account of this Pemda with a leadership, BKPSDM or Inspectorate role.');
  });
});

describe('evidence upload through the shared multipart reader', () => {
  it('stores one file, refuses a missing file and a file over 10 MB in both languages', async () => {
    const ok = await t.request({ method: 'POST', url: '/api/v1/neutrality/files', cookie: users.pegawai.cookie, ...multipartFile('file', 'bukti.png', 'image/png', TINY_PNG) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const missing = await post('/api/v1/neutrality/files', users.pegawai.cookie, { file: 'nope' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Tidak ada berkas yang diunggah.');
    const missingEn = await post('/api/v1/neutrality/files', users.pegawai.cookie, { file: 'nope' }, 'en');
    expect(missingEn.json().detail).toBe('No file was uploaded.');
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 1);
    const tooBig = await t.request({ method: 'POST', url: '/api/v1/neutrality/public/19.71/files', ...multipartFile('file', 'besar.png', 'image/png', big) });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toBe('Berkas terlalu besar (maksimal 10 MB).');
  });
});
