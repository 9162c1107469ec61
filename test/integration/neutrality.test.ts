import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * Issue 7: reports, receipts, cases, confidentiality. Each endpoint: 401, 403, 400 with the exact message, 404
 * across tenants (database unchanged), success with its audit row.
 */
let t: TestApp;
let pemda: { id: string; kode: string };
let other: { id: string; kode: string };
let opd: { id: string };
let otherOpd: { id: string };
let reported: { id: string; nip: string | null; name: string };
type Who = 'inspektorat' | 'inspektorat2' | 'bkpsdm' | 'kepala' | 'sekda' | 'admin' | 'headReported' | 'headOther' | 'pegawai' | 'foreignHandler';
const users = {} as Record<Who, { id: string; cookie: string }>;

const REPORT = (overrides: Record<string, unknown> = {}) => ({
  reported: { nip: reported.nip },
  category: 'media_sosial',
  occurredOn: '2024-11-20',
  place: 'Instagram, akun pribadi',
  description: 'Terlapor membagikan poster salah satu pasangan calon dengan ajakan memilih.',
  links: ['https://instagram.com/p/contoh'],
  anonymous: true,
  ...overrides,
});

async function post(url: string, cookie: string | undefined, payload: unknown) {
  return t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
}
async function get(url: string, cookie?: string) {
  return t.request({ method: 'GET', url, cookie });
}
async function auditCount(action: string, entityId?: string): Promise<number> {
  let q = t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
async function counts(): Promise<string> {
  const r = await sql<{ c: number; e: number; a: number }>`SELECT (SELECT count(*)::int FROM ntr_case) c, (SELECT count(*)::int FROM ntr_case_event) e, (SELECT coalesce(sum(seq),0)::int FROM audit_head) a`.execute(t.database.db);
  return JSON.stringify(r.rows[0]);
}

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  other = await buildPemda(t.database.db, '53.71');
  opd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Pendidikan' });
  otherOpd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Kesehatan' });
  reported = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'Terlapor Uji' });
  const me = await buildPegawai(t.database.db, pemda.id, otherOpd.id, { name: 'Pelapor Internal' });
  users.inspektorat = await buildUser(t.database.db, pemda.id, 'inspektorat');
  users.inspektorat2 = await buildUser(t.database.db, pemda.id, 'inspektorat');
  users.bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
  users.kepala = await buildUser(t.database.db, pemda.id, 'kepala_daerah');
  users.sekda = await buildUser(t.database.db, pemda.id, 'sekda');
  users.admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  users.headReported = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: opd.id });
  users.headOther = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: otherOpd.id });
  users.pegawai = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: otherOpd.id, pegawaiId: me.id });
  users.foreignHandler = await buildUser(t.database.db, other.id, 'inspektorat');
});
afterAll(async () => t?.close());

describe('election calendar and banners', () => {
  it('derives the Pilkada 2024 freeze and refuses bad stages', async () => {
    expect((await post('/api/v1/neutrality/elections', undefined, {})).statusCode).toBe(401);
    expect((await post('/api/v1/neutrality/elections', users.pegawai.cookie, {})).statusCode).toBe(403);
    const body = {
      kind: 'pilkada',
      name: 'Pilkada Serentak 2024',
      votingDate: '2024-11-27',
      freezeEnd: '2025-02-20',
      legalBasis: 'PKPU 2/2024',
      stages: [
        { kind: 'penetapan_calon', startDate: '2024-09-22', endDate: '2024-09-22' },
        { kind: 'kampanye', startDate: '2024-09-25', endDate: '2024-11-23' },
        { kind: 'pemungutan', startDate: '2024-11-27', endDate: '2024-11-27' },
      ],
    };
    const bad = await post('/api/v1/neutrality/elections', users.admin.cookie, { ...body, stages: [{ kind: 'kampanye', startDate: '2024-11-23', endDate: '2024-09-25' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('Tanggal tahapan kampanye tidak urut: selesai sebelum mulai.');
    const res = await post('/api/v1/neutrality/elections', users.admin.cookie, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().freeze).toEqual({ start: '2024-03-22', end: '2025-02-20' });
    expect(await auditCount('neutrality.election.created', res.json().id)).toBe(1);
    const banners = await get('/api/v1/neutrality/banners', users.pegawai.cookie);
    expect(banners.statusCode).toBe(200);
    expect(banners.json().lastFreeze.start).toBe('2024-03-22');
  });
});

describe('anonymous public report and receipt', () => {
  let receipt: { number: string; receiptCode: string; secret: string };
  let caseId: string;

  it('refuses a report without a reported person, with the exact message', async () => {
    const res = await post(`/api/v1/neutrality/public/${pemda.kode}/reports`, undefined, REPORT({ reported: {} }));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Sebutkan terlapor: NIP, atau nama beserta OPD-nya.');
  });

  it('files an anonymous report: receipt shown once, secret hashed, no identity stored', async () => {
    const res = await post(`/api/v1/neutrality/public/${pemda.kode}/reports`, undefined, REPORT());
    expect(res.statusCode).toBe(201);
    receipt = res.json();
    expect(receipt.receiptCode).toMatch(/^NTR-1971-/);
    const row = await t.database.db.selectFrom('ntr_case').selectAll().where('receipt_code', '=', receipt.receiptCode).executeTakeFirstOrThrow();
    caseId = row.id;
    expect(row.receipt_secret_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.receipt_secret_hash).not.toContain(receipt.secret);
    expect(row.reporter_sealed).toBeNull();
    expect(row.stage).toBe('verifikasi');
    expect(await auditCount('neutrality.report.received', caseId)).toBe(1);
  });

  it('lets the reporter follow the case; a wrong secret is refused and then rate-limited', async () => {
    const ok = await post('/api/v1/neutrality/public/receipt', undefined, { code: receipt.receiptCode, secret: receipt.secret.toLowerCase() });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('verifikasi');
    expect(await auditCount('neutrality.case.viewed', caseId)).toBe(1);
    for (let i = 0; i < 5; i += 1) {
      const wrong = await post('/api/v1/neutrality/public/receipt', undefined, { code: receipt.receiptCode, secret: 'AAAA-BBBB-CCCC-DDDD' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().detail).toBe('Kode tanda terima atau kata sandi salah.');
    }
    const locked = await post('/api/v1/neutrality/public/receipt', undefined, { code: receipt.receiptCode, secret: receipt.secret });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/^Terlalu banyak percobaan yang salah\. Coba lagi dalam \d+ menit\.$/);
    // Unlock for the next steps (the window has "passed").
    await t.database.db.deleteFrom('ntr_receipt_failure').execute();
  });

  it('hides the case from everyone but the handlers before a decision', async () => {
    expect((await get(`/api/v1/neutrality/cases/${caseId}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/neutrality/cases/${caseId}`, users.pegawai.cookie)).statusCode).toBe(403);
    const before = await counts();
    for (const who of ['headReported', 'kepala', 'sekda', 'foreignHandler'] as const) {
      expect((await get(`/api/v1/neutrality/cases/${caseId}`, users[who]?.cookie)).statusCode, who).toBe(404);
    }
    expect((await post(`/api/v1/neutrality/cases/${caseId}/verify`, users.foreignHandler?.cookie, { decision: 'terima', note: 'lanjut' })).statusCode).toBe(404);
    expect(await counts()).toBe(before);
    const list = await get('/api/v1/neutrality/cases', users.headReported?.cookie);
    expect(list.json().items).toEqual([]);
    // BKPSDM is not a handler until the Pemda says so.
    expect((await get(`/api/v1/neutrality/cases/${caseId}`, users.bkpsdm?.cookie)).statusCode).toBe(404);
    const seen = await get(`/api/v1/neutrality/cases/${caseId}`, users.inspektorat?.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toContain('verify');
    expect(await auditCount('neutrality.case.viewed', caseId)).toBe(2);
  });

  it('runs the case: verify, question answered through the receipt, recommendation, decision, sanction', async () => {
    const inspektorat = users.inspektorat?.cookie;
    const v = await post(`/api/v1/neutrality/cases/${caseId}/verify`, inspektorat, { decision: 'terima', note: 'Bukti cukup untuk diperiksa.' });
    expect(v.statusCode).toBe(200);
    const q = await post(`/api/v1/neutrality/cases/${caseId}/questions`, inspektorat, { text: 'Kapan tepatnya unggahan itu Anda lihat?' });
    expect(q.statusCode).toBe(201);
    const view = await post('/api/v1/neutrality/public/receipt', undefined, { code: receipt.receiptCode, secret: receipt.secret });
    const question = view.json().events.find((e: { kind: string }) => e.kind === 'question');
    expect(question.text).toBe('Kapan tepatnya unggahan itu Anda lihat?');
    expect(view.json().events.filter((e: { kind: string }) => e.kind === 'stage').every((e: { text: string | null }) => e.text === null)).toBe(true);
    const answer = await post('/api/v1/neutrality/public/receipt/answer', undefined, { code: receipt.receiptCode, secret: receipt.secret, questionId: question.id, text: 'Tanggal 20 November sekitar pukul 19.00.' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().events.find((e: { id: string }) => e.id === question.id).answered).toBe(true);
    const again = await post('/api/v1/neutrality/public/receipt/answer', undefined, { code: receipt.receiptCode, secret: receipt.secret, questionId: question.id, text: 'Lagi.' });
    expect(again.json().detail).toBe('Pertanyaan ini sudah dijawab.');

    const noLevel = await post(`/api/v1/neutrality/cases/${caseId}/recommend`, inspektorat, { track: 'disiplin', recommendation: 'Hukuman disiplin.' });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.json().detail).toBe('Rekomendasi jalur disiplin harus menyebut tingkat hukuman PP 94/2021 (ringan, sedang atau berat).');
    expect((await post(`/api/v1/neutrality/cases/${caseId}/recommend`, inspektorat, { track: 'disiplin', level: 'berat', recommendation: 'Hukuman disiplin berat.' })).statusCode).toBe(200);
    expect((await post(`/api/v1/neutrality/cases/${caseId}/decide`, inspektorat, {})).statusCode).toBe(403);
    const noSanction = await post(`/api/v1/neutrality/cases/${caseId}/decide`, users.kepala?.cookie, { outcome: 'terbukti', decisionNumber: '800/12/2024', decidedOn: '2024-12-20', note: 'Terbukti.' });
    expect(noSanction.json().detail).toBe('Keputusan "terbukti" harus menyebut sanksi yang dijatuhkan.');
    const decided = await post(`/api/v1/neutrality/cases/${caseId}/decide`, users.kepala?.cookie, {
      outcome: 'terbukti',
      decisionNumber: '800/12/2024',
      decidedOn: '2024-12-20',
      note: 'Terbukti melanggar netralitas.',
      sanction: { text: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan', startsOn: '2025-01-02', endsOn: '2025-12-31' },
    });
    expect(decided.statusCode).toBe(200);
    expect(await auditCount('neutrality.sanction.recorded')).toBe(1);
    const sanctions = await get('/api/v1/neutrality/sanctions', users.bkpsdm?.cookie);
    expect(sanctions.json().items[0].pegawaiId).toBe(reported.id);
    // Recorded through the discipline service too, so TPP reads it.
    expect(sanctions.json().items[0].disciplineRef).not.toBeNull();
    const disc = await t.database.db.selectFrom('disc_sanction').select(['source', 'level', 'months']).where('pegawai_id', '=', reported.id).executeTakeFirstOrThrow();
    expect(disc).toMatchObject({ source: 'neutrality', level: 'berat', months: 12 });
    // After the decision the reported person's OPD head sees the case, without evidence or notes.
    const head = await get(`/api/v1/neutrality/cases/${caseId}`, users.headReported?.cookie);
    expect(head.statusCode).toBe(200);
    expect(head.json().links).toEqual([]);
    expect((await get(`/api/v1/neutrality/cases/${caseId}`, users.headOther?.cookie)).statusCode).toBe(404);
  });
});

describe('reporter identity', () => {
  let caseId: string;
  const NAME = 'Siti Pelapor Rahasia';

  it('seals an identified report outside the database and keeps it out of the audit trail', async () => {
    const res = await post(`/api/v1/neutrality/public/${pemda.kode}/reports`, undefined, REPORT({ anonymous: false, reporter: { name: NAME, contact: '+62812000111' } }));
    expect(res.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('ntr_case').select(['id', 'reporter_sealed']).where('receipt_code', '=', res.json().receiptCode).executeTakeFirstOrThrow();
    caseId = row.id;
    expect(row.reporter_sealed).toMatch(/^v1\./);
    expect(row.reporter_sealed).not.toContain('Siti');
    const dump = await sql<{ d: string }>`SELECT string_agg(diff::text, ' ') AS d FROM audit_log`.execute(t.database.db);
    expect(dump.rows[0]?.d ?? '').not.toContain('Siti');
    expect(dump.rows[0]?.d ?? '').not.toContain('62812000111');
  });

  it('shows it to the handler (audited) and to anyone else only after a second handler approves', async () => {
    const sekda = users.sekda?.cookie;
    const sekdaId = users.sekda?.id as string;
    const handler = await get(`/api/v1/neutrality/cases/${caseId}/reporter`, users.inspektorat?.cookie);
    expect(handler.statusCode).toBe(200);
    expect(handler.json().name).toBe(NAME);
    expect(await auditCount('neutrality.identity.viewed', caseId)).toBe(1);
    expect((await get(`/api/v1/neutrality/cases/${caseId}/reporter`, sekda)).statusCode).toBe(404);
    expect((await get(`/api/v1/neutrality/cases/${caseId}/reporter`, users.headReported?.cookie)).statusCode).toBe(403);

    const badReason = await post(`/api/v1/neutrality/cases/${caseId}/reveals`, users.inspektorat?.cookie, { recipientId: sekdaId, reason: 'x' });
    expect(badReason.statusCode).toBe(400);
    const asked = await post(`/api/v1/neutrality/cases/${caseId}/reveals`, users.inspektorat?.cookie, { recipientId: sekdaId, reason: 'Pelapor perlu dimintai keterangan langsung oleh Sekda.' });
    expect(asked.statusCode).toBe(201);
    const revealId = asked.json().id as string;
    const self = await post(`/api/v1/neutrality/cases/${caseId}/reveals/${revealId}/decision`, users.inspektorat?.cookie, { approve: true, hours: 2 });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toBe('Persetujuan harus diberikan oleh penangan lain, bukan oleh yang meminta.');
    expect((await get(`/api/v1/neutrality/cases/${caseId}/reporter`, sekda)).statusCode).toBe(404);
    const approved = await post(`/api/v1/neutrality/cases/${caseId}/reveals/${revealId}/decision`, users.inspektorat2?.cookie, { approve: true, hours: 2 });
    expect(approved.statusCode).toBe(200);
    expect(await auditCount('neutrality.identity.reveal_approved', revealId)).toBe(1);
    const shown = await get(`/api/v1/neutrality/cases/${caseId}/reporter`, sekda);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().name).toBe(NAME);
    expect(shown.json().until).not.toBeNull();
    // Expired: gone again.
    await t.database.db.updateTable('ntr_reveal').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', revealId).execute();
    expect((await get(`/api/v1/neutrality/cases/${caseId}/reporter`, sekda)).statusCode).toBe(404);
  });

  it('lets the Pemda make BKPSDM a handler', async () => {
    const res = await t.request({
      method: 'PUT',
      url: '/api/v1/neutrality/settings',
      cookie: users.admin?.cookie,
      payload: { handlerRoles: ['inspektorat', 'bkpsdm'], referralBody: { name: 'BKN', legalBasis: 'UU 20/2023; Perpres 92/2024' }, stageDays: { verifikasi: 5, investigasi: 20, keputusan: 14 } },
    });
    expect(res.statusCode).toBe(200);
    expect((await get(`/api/v1/neutrality/cases/${caseId}`, users.bkpsdm?.cookie)).statusCode).toBe(200);
    const ref = await post(`/api/v1/neutrality/cases/${caseId}/referrals`, users.bkpsdm?.cookie, { sentOn: '2024-11-25', letterNumber: '800/55/BKPSDM' });
    expect(ref.statusCode).toBe(201);
    const detail = await get(`/api/v1/neutrality/cases/${caseId}`, users.bkpsdm?.cookie);
    expect(detail.json().referrals[0].body).toBe('BKN');
  });
});

describe('internal and staff-entered reports, pledge, statistics', () => {
  it('takes an internal identified report from an ASN and a staff-entered Bawaslu finding', async () => {
    const internal = await post('/api/v1/neutrality/reports', users.pegawai?.cookie, REPORT({ anonymous: false }));
    expect(internal.statusCode).toBe(201);
    expect((await post('/api/v1/neutrality/reports/staff', users.pegawai?.cookie, {})).statusCode).toBe(403);
    const staff = await post('/api/v1/neutrality/reports/staff', users.inspektorat?.cookie, REPORT({ channel: 'bawaslu', reported: { name: 'Nama Saja', opdId: otherOpd.id } }));
    expect(staff.statusCode).toBe(201);
  });

  it('signs the pledge once during a campaign and counts it by OPD', async () => {
    const none = await post('/api/v1/neutrality/pledge/sign', users.pegawai?.cookie, {});
    expect(none.json().detail).toBe('Tidak ada kampanye ikrar netralitas yang sedang berjalan.');
    const today = new Date().toISOString().slice(0, 10);
    const campaign = await post('/api/v1/neutrality/campaigns', users.bkpsdm?.cookie, { title: 'Ikrar Netralitas ASN', statement: 'Saya menyatakan akan menjaga netralitas ASN dalam setiap tahapan pemilihan.', startsOn: '2020-01-01', endsOn: `${Number(today.slice(0, 4)) + 1}-12-31` });
    expect(campaign.statusCode).toBe(201);
    expect((await post('/api/v1/neutrality/pledge/sign', users.pegawai?.cookie, {})).statusCode).toBe(201);
    expect((await post('/api/v1/neutrality/pledge/sign', users.pegawai?.cookie, {})).json().detail).toBe('Anda sudah menandatangani ikrar netralitas kampanye ini.');
    const noPegawai = await post('/api/v1/neutrality/pledge/sign', users.admin?.cookie, {});
    expect(noPegawai.statusCode).toBe(400);
    const progress = await get('/api/v1/neutrality/pledge/progress', users.headOther?.cookie);
    expect(progress.json().rows).toHaveLength(1);
    expect(progress.json().rows[0]).toMatchObject({ opdId: otherOpd.id, signed: 1, total: 1 });
    const metrics = await get(`/api/v1/metrics?month=${today.slice(0, 7)}&key=neutrality.pledge_completion`, users.kepala?.cookie);
    expect(metrics.statusCode).toBe(200);
  });

  it('gives statistics as aggregates with small cells suppressed', async () => {
    const year = new Date().getUTCFullYear();
    const res = await get(`/api/v1/neutrality/stats?year=${year}`, users.kepala?.cookie);
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(JSON.stringify(stats)).not.toContain('Siti');
    expect(JSON.stringify(stats)).not.toContain('Terlapor Uji');
    for (const cell of [...stats.byOpd, ...stats.byCategory, ...stats.byStage]) expect(cell.count === null || cell.count === 0 || cell.count >= 3).toBe(true);
    expect((await get('/api/v1/neutrality/stats', users.pegawai?.cookie)).statusCode).toBe(403);
  });
});
