import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJabatan, buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/** Issue 7 §6: quotas with their citation, the freeze and Pj guard on execution, the period report. */
let t: TestApp;
let pemda: { id: string };
let other: { id: string };
const u = {} as Record<'bkpsdm' | 'kepala' | 'admin' | 'pegawai' | 'foreign', { id: string; cookie: string }>;
let opdId: string;
const candidates: string[] = [];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function post(url: string, cookie: string | undefined, payload: unknown) {
  return t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
}
async function propose(jabatanId: string, cookie = u.bkpsdm.cookie) {
  return post('/api/v1/staffing/proposals', cookie, { kind: 'promosi', jabatanId, reason: 'Jabatan lowong sejak pensiun pejabat lama.', candidates: [{ pegawaiId: candidates[0], skpPredikat: 'sangat_baik' }, { pegawaiId: candidates[1], skpPredikat: 'baik', competencyNote: 'Lulus uji kompetensi 2024' }] });
}
async function upload(cookie: string): Promise<string> {
  const boundary = '----pamong';
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await t.request({ method: 'POST', url: '/api/v1/staffing/files', cookie, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json().sha256 as string;
}

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '61.72');
  other = await buildPemda(t.database.db, '73.10');
  opdId = (await buildOpd(t.database.db, pemda.id)).id;
  for (let i = 0; i < 2; i += 1) candidates.push((await buildPegawai(t.database.db, pemda.id, opdId)).id);
  u.bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
  u.kepala = await buildUser(t.database.db, pemda.id, 'kepala_daerah');
  u.admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  u.pegawai = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId });
  u.foreign = await buildUser(t.database.db, other.id, 'bkpsdm');
});
afterAll(async () => t?.close());

describe('staffing proposals', () => {
  it('refuses an exceeded quota with a clear Indonesian message', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    expect((await post('/api/v1/staffing/quotas', undefined, {})).statusCode).toBe(401);
    expect((await post('/api/v1/staffing/quotas', u.pegawai.cookie, {})).statusCode).toBe(403);
    const quota = await post('/api/v1/staffing/quotas', u.admin.cookie, { eselonGroup: 'eselon_ii', maxProposals: 1, validFrom: `${year}-01-01`, validTo: `${year}-12-31`, legalBasis: 'Arahan Plt. Sekjen Kemendagri (seed 002)' });
    expect(quota.statusCode).toBe(201);
    const j1 = await buildJabatan(t.database.db, pemda.id, opdId, { kind: 'jpt_pratama', name: 'Kepala Dinas A' });
    const j2 = await buildJabatan(t.database.db, pemda.id, opdId, { kind: 'jpt_pratama', name: 'Kepala Dinas B' });
    const first = await propose(j1.id);
    expect(first.statusCode).toBe(201);
    expect(first.json().candidates[0].neutralitySanctions).toBe(0);
    const second = await propose(j2.id);
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe(
      `Kuota usulan eselon II (JPT pratama) untuk periode ${year}-01-01 s.d. ${year}-12-31 sudah habis (1 dari 1 usulan). Dasar: Arahan Plt. Sekjen Kemendagri (seed 002). Usulan ini tidak dapat diajukan.`,
    );
    const overview = await t.request({ method: 'GET', url: '/api/v1/staffing/overview', cookie: u.kepala.cookie });
    expect(overview.json().quotas[0]).toMatchObject({ used: 1, remaining: 0 });
  });

  it('blocks execution under a Pj without the Minister’s letter, then executes with it', async () => {
    await t.database.db.insertInto('pemda_head').values({ pemda_id: pemda.id, name: 'Pj Uji', title: 'Penjabat Wali Kota', status: 'pj', term_start: '2020-01-01', term_end: null, legal_basis: 'Kepmendagri (uji)' }).execute();
    const jabatan = await buildJabatan(t.database.db, pemda.id, opdId, { kind: 'administrator', name: 'Kepala Bidang Uji' });
    const created = await propose(jabatan.id);
    const id = created.json().id as string;
    expect((await post(`/api/v1/staffing/proposals/${id}/decision`, u.bkpsdm.cookie, { approve: true, note: 'ok' })).statusCode).toBe(403);
    const noChoice = await post(`/api/v1/staffing/proposals/${id}/decision`, u.kepala.cookie, { approve: true, note: 'Setuju.' });
    expect(noChoice.json().detail).toBe('Pilih calon yang disetujui dari daftar calon usulan.');
    const approved = await post(`/api/v1/staffing/proposals/${id}/decision`, u.kepala.cookie, { approve: true, chosenPegawaiId: candidates[0], note: 'Setuju calon pertama.' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().guard.needsMinisterApproval).toBe(true);
    const flags = await t.request({ method: 'GET', url: '/api/v1/flags', cookie: u.kepala.cookie });
    expect(flags.json().flags.some((f: { kind: string }) => f.kind === 'staffing.blocked_by_freeze')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const blocked = await post(`/api/v1/staffing/proposals/${id}/execute`, u.bkpsdm.cookie, { effectiveDate: today, skNumber: '821/1/BKPSDM' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toBe(
      'Usulan tidak dapat dilaksanakan tanpa persetujuan tertulis Menteri Dalam Negeri: kepala daerah saat ini berstatus Penjabat (PP 49/2008 pasal 132A). Catat nomor, tanggal dan berkas surat persetujuan terlebih dahulu.',
    );
    const holders = await t.database.db.selectFrom('jabatan_holder').select('id').where('jabatan_id', '=', jabatan.id).execute();
    expect(holders).toHaveLength(0);
    // Cross-tenant: another Pemda's BKPSDM cannot see or touch it, and nothing changes.
    expect((await t.request({ method: 'GET', url: `/api/v1/staffing/proposals/${id}`, cookie: u.foreign.cookie })).statusCode).toBe(404);
    expect((await post(`/api/v1/staffing/proposals/${id}/execute`, u.foreign.cookie, { effectiveDate: today, skNumber: 'X' })).statusCode).toBe(404);
    const sha256 = await upload(u.bkpsdm.cookie);
    const letter = await post(`/api/v1/staffing/proposals/${id}/minister-approval`, u.bkpsdm.cookie, { letterNumber: '100.2.2.6/1234/OTDA', letterDate: today, fileSha256: sha256 });
    expect(letter.statusCode).toBe(200);
    const done = await post(`/api/v1/staffing/proposals/${id}/execute`, u.bkpsdm.cookie, { effectiveDate: today, skNumber: '821/1/BKPSDM' });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('dilaksanakan');
    const holder = await t.database.db.selectFrom('jabatan_holder').select(['pegawai_id', 'kind']).where('jabatan_id', '=', jabatan.id).executeTakeFirstOrThrow();
    expect(holder).toEqual({ pegawai_id: candidates[0], kind: 'definitif' });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['staffing.proposal.created', 'staffing.proposal.disetujui', 'staffing.proposal.minister_approval', 'staffing.proposal.executed']));
  });

  it('blocks execution during the election freeze even under an elected head', async () => {
    await t.database.db.updateTable('pemda_head').set({ term_end: '2020-06-01' }).where('pemda_id', '=', pemda.id).execute();
    const today = new Date().toISOString().slice(0, 10);
    const designation = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const election = await post('/api/v1/neutrality/elections', u.admin.cookie, {
      kind: 'pilkada_ulang',
      name: 'Pilkada Ulang (uji)',
      votingDate: designation,
      legalBasis: 'PKPU (uji)',
      stages: [{ kind: 'penetapan_calon', startDate: designation, endDate: designation }],
    });
    expect(election.statusCode).toBe(201);
    const jabatan = await buildJabatan(t.database.db, pemda.id, opdId, { kind: 'pengawas', name: 'Kepala Seksi Uji' });
    const id = (await propose(jabatan.id)).json().id as string;
    await post(`/api/v1/staffing/proposals/${id}/decision`, u.kepala.cookie, { approve: true, chosenPegawaiId: candidates[1], note: 'Setuju.' });
    const blocked = await post(`/api/v1/staffing/proposals/${id}/execute`, u.bkpsdm.cookie, { effectiveDate: today, skNumber: '821/2/BKPSDM' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('masa larangan penggantian pejabat Pilkada Ulang (uji)');
    const csv = await t.request({ method: 'GET', url: `/api/v1/staffing/report.csv?from=2000-01-01&to=2100-01-01`, cookie: u.kepala.cookie });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(4);
  });
});
