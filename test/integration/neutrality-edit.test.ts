import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit';
import { buildJabatan, buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * Issue 7 leftover: correcting the election calendar and pledge campaigns. An edit re-derives the freeze and watch
 * periods (and the banners); an election is deleted only while nothing refers to it; signatures fix a campaign's
 * text and election, and a signed campaign is cancelled, never deleted. Each: 403 by role, 404 across Pemdas,
 * messages in Indonesian and English, the audit row with its diff.
 */
let t: TestApp;
let pemda: { id: string };
let opd: { id: string };
type Who = 'bkpsdm' | 'admin' | 'pegawai' | 'pegawai2' | 'foreignBkpsdm';
const users = {} as Record<Who, { id: string; cookie: string }>;

const send = (method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, cookie: string | undefined, payload?: unknown, lang?: 'en') =>
  t.request({ method, url, cookie, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }), headers: lang ? { 'accept-language': 'en' } : {} });
async function auditRows(action: string, entityId: string) {
  const rows = await t.database.db.selectFrom('audit_log').select('diff').where('pemda_id', '=', pemda.id).where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.diff as { changes?: Record<string, { from: unknown; to: unknown }>; before?: Record<string, unknown>; after?: Record<string, unknown>; detail?: Record<string, unknown> });
}
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const year = new Date().getUTCFullYear();

const pilkada2029 = {
  kind: 'pilkada',
  name: 'Pilkada Serentak 2029',
  votingDate: '2029-11-28',
  legalBasis: 'UU 10/2016; PKPU tahapan Pilkada 2029',
  stages: [
    { kind: 'penetapan_calon', startDate: '2029-09-22', endDate: '2029-09-22' },
    { kind: 'pemungutan', startDate: '2029-11-28', endDate: '2029-11-28' },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  const other = await buildPemda(t.database.db, '53.71');
  opd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Pendidikan' });
  const p1 = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'ASN Satu' });
  const p2 = await buildPegawai(t.database.db, pemda.id, opd.id, { name: 'ASN Dua' });
  users.bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
  users.admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  users.pegawai = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id, pegawaiId: p1.id });
  users.pegawai2 = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id, pegawaiId: p2.id });
  users.foreignBkpsdm = await buildUser(t.database.db, other.id, 'bkpsdm');
});
afterAll(async () => t?.close());

describe('editing an election', () => {
  let id = '';
  it('moves the candidate designation and re-derives the freeze, with the diff in the audit', async () => {
    const created = await send('POST', '/api/v1/neutrality/elections', users.bkpsdm.cookie, pilkada2029);
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json().freeze.start).toBe('2029-03-22');
    const moved = { ...pilkada2029, stages: [{ kind: 'penetapan_calon', startDate: '2029-10-01', endDate: '2029-10-02' }, pilkada2029.stages[1]] };
    const res = await send('PUT', `/api/v1/neutrality/elections/${id}`, users.admin.cookie, moved);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: 'Pilkada Serentak 2029', freeze: { start: '2029-04-01' }, watch: { start: '2029-10-01', end: '2029-11-28' } });
    const listed = (await send('GET', '/api/v1/neutrality/elections', users.pegawai.cookie)).json().items.find((e: { id: string }) => e.id === id);
    expect(listed.stages[0]).toEqual({ kind: 'penetapan_calon', startDate: '2029-10-01', endDate: '2029-10-02' });
    const [audit, ...more] = await auditRows('neutrality.election.updated', id);
    expect(more).toHaveLength(0);
    // Only what changed: the stages and the periods derived from them, not the name or the legal basis.
    expect(Object.keys(audit?.changes ?? {}).sort()).toEqual(['freeze', 'stages', 'watch']);
    expect(audit?.changes?.freeze).toEqual({ from: { start: '2029-03-22', end: '2029-09-22' }, to: { start: '2029-04-01', end: '2029-10-02' } });
  });

  it('refuses bad stages in both languages, other roles and another Pemda', async () => {
    const reversed = { ...pilkada2029, stages: [{ kind: 'pemungutan', startDate: '2029-11-28', endDate: '2029-11-01' }] };
    const bad = await send('PUT', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie, reversed);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('Tanggal tahapan pemungutan suara tidak urut: selesai sebelum mulai.');
    expect((await send('PUT', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie, reversed, 'en')).json().detail).toBe('The voting stage ends before it starts.');
    expect((await send('PUT', `/api/v1/neutrality/elections/${id}`, users.pegawai.cookie, pilkada2029)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.pegawai.cookie)).statusCode).toBe(403);
    const foreign = await send('PUT', `/api/v1/neutrality/elections/${id}`, users.foreignBkpsdm.cookie, pilkada2029);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe('Pemilihan tidak ditemukan.');
    expect((await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.foreignBkpsdm.cookie)).statusCode).toBe(404);
    expect((await send('PUT', '/api/v1/neutrality/elections/not-a-uuid', users.bkpsdm.cookie, pilkada2029)).statusCode).toBe(400);
    const unchanged = (await send('GET', '/api/v1/neutrality/elections', users.bkpsdm.cookie)).json().items.find((e: { id: string }) => e.id === id);
    expect(unchanged.freeze.start).toBe('2029-04-01');
  });

  it('moves the neutrality watch banner with the stages', async () => {
    const now = {
      kind: 'pemilu',
      name: 'Pemilu Uji Berjalan',
      votingDate: isoDay(5),
      legalBasis: 'UU 7/2017',
      stages: [{ kind: 'kampanye', startDate: isoDay(-10), endDate: isoDay(5) }],
    };
    const created = await send('POST', '/api/v1/neutrality/elections', users.bkpsdm.cookie, now);
    const running = created.json().id as string;
    expect((await send('GET', '/api/v1/neutrality/banners', users.pegawai.cookie)).json().watch).toMatchObject({ electionName: 'Pemilu Uji Berjalan' });
    const postponed = { ...now, votingDate: `${year + 2}-02-14`, stages: [{ kind: 'kampanye', startDate: `${year + 2}-01-01`, endDate: `${year + 2}-02-10` }] };
    expect((await send('PUT', `/api/v1/neutrality/elections/${running}`, users.bkpsdm.cookie, postponed)).statusCode).toBe(200);
    expect((await send('GET', '/api/v1/neutrality/banners', users.pegawai.cookie)).json().watch).toBeNull();
    expect((await send('DELETE', `/api/v1/neutrality/elections/${running}`, users.bkpsdm.cookie)).statusCode).toBe(204);
  });
});

describe('deleting an election', () => {
  it('deletes one recorded by mistake, with its stages, and audits what it was', async () => {
    const created = await send('POST', '/api/v1/neutrality/elections', users.bkpsdm.cookie, { ...pilkada2029, name: 'Salah ketik' });
    const id = created.json().id as string;
    const res = await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.admin.cookie);
    expect(res.statusCode).toBe(204);
    expect(await t.database.db.selectFrom('ntr_election_stage').select('kind').where('pemda_id', '=', pemda.id).where('election_id', '=', id).execute()).toEqual([]);
    const [audit] = await auditRows('neutrality.election.deleted', id);
    expect(audit?.before).toMatchObject({ name: 'Salah ketik', freeze: { start: '2029-03-22' } });
    expect((await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.admin.cookie)).statusCode).toBe(404);
  });

  it('refuses while a campaign refers to it, and says so in both languages', async () => {
    const id = (await send('POST', '/api/v1/neutrality/elections', users.bkpsdm.cookie, { ...pilkada2029, name: 'Dengan kampanye' })).json().id as string;
    const campaign = await send('POST', '/api/v1/neutrality/campaigns', users.bkpsdm.cookie, { electionId: id, title: 'Ikrar 2029', statement: 'Saya menyatakan menjaga netralitas ASN pada Pilkada 2029.', startsOn: '2029-01-01', endsOn: '2029-02-01' });
    expect(campaign.statusCode).toBe(201);
    const res = await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('Pemilihan ini tidak dapat dihapus karena masih dirujuk oleh 1 kampanye ikrar. Catatan itu bergantung pada pemilihan ini; bila KPU menggeser jadwal, ubah tanggal tahapannya.');
    expect((await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie, undefined, 'en')).json().detail).toBe(
      'This election cannot be deleted: 1 pledge campaign refer to it. Those records depend on it; if the KPU moved the schedule, edit the stage dates instead.',
    );
    expect(await auditRows('neutrality.election.deleted', id)).toEqual([]);
    // Once the campaign is gone (nobody signed it), the election can go too.
    expect((await send('DELETE', `/api/v1/neutrality/campaigns/${campaign.json().id}`, users.bkpsdm.cookie)).statusCode).toBe(204);
    expect((await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie)).statusCode).toBe(204);
  });

  it('refuses while a case and a staffing decision in its freeze refer to it', async () => {
    const today = isoDay(0);
    const id = (
      await send('POST', '/api/v1/neutrality/elections', users.bkpsdm.cookie, {
        kind: 'pilkada',
        name: 'Pilkada Berjalan',
        votingDate: isoDay(30),
        freezeEnd: isoDay(60),
        legalBasis: 'UU 10/2016',
        stages: [
          { kind: 'penetapan_calon', startDate: isoDay(-20), endDate: isoDay(-20) },
          { kind: 'pemungutan', startDate: isoDay(30), endDate: isoDay(30) },
        ],
      })
    ).json().id as string;
    const report = await send('POST', '/api/v1/neutrality/reports', users.pegawai.cookie, {
      reported: { name: 'Terlapor Uji', opdId: opd.id },
      category: 'media_sosial',
      occurredOn: today,
      place: 'Facebook',
      description: 'Terlapor membagikan poster pasangan calon di akun pribadinya.',
      anonymous: true,
    });
    expect(report.statusCode).toBe(201);
    const jabatan = await buildJabatan(t.database.db, pemda.id, opd.id);
    await t.database.db
      .insertInto('stf_proposal')
      .values({ pemda_id: pemda.id, number: 'USL-UJI-1', kind: 'mutasi', jabatan_id: jabatan.id, status: 'dilaksanakan', proposed_on: isoDay(-10), reason: 'Uji', executed_on: isoDay(-5), sk_number: '821/1' })
      .execute();
    const res = await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('1 kasus netralitas dan 1 usulan kepegawaian dalam masa larangan mutasinya');
    expect((await send('DELETE', `/api/v1/neutrality/elections/${id}`, users.bkpsdm.cookie, undefined, 'en')).json().detail).toContain('1 neutrality case and 1 staffing proposal within its freeze refer to it');
  });
});

describe('editing and ending a pledge campaign', () => {
  const statement = 'Saya, ASN, berikrar menjaga netralitas dalam setiap tahapan pemilihan.';
  let id = '';
  let unsigned = '';
  it('changes anything while nobody has signed, auditing only what changed', async () => {
    const created = await send('POST', '/api/v1/neutrality/campaigns', users.bkpsdm.cookie, { title: 'Ikrar berjalan', statement, startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-06-30` });
    id = created.json().id;
    expect(created.json()).toMatchObject({ signed: 0, cancelledOn: null });
    const edited = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.admin.cookie, { title: 'Ikrar berjalan', statement: `${statement} Sungguh-sungguh.`, startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-06-30` });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().statement).toBe(`${statement} Sungguh-sungguh.`);
    const [audit] = await auditRows('neutrality.campaign.updated', id);
    expect(audit?.changes).toEqual({ statement: { from: statement, to: `${statement} Sungguh-sungguh.` } });
    expect(audit?.detail).toEqual({ signed: 0 });
  });

  it('once signed, keeps the text and the election and the dates around every signature', async () => {
    expect((await send('POST', '/api/v1/neutrality/pledge/sign', users.pegawai.cookie, {})).statusCode).toBe(201);
    const signedText = `${statement} Sungguh-sungguh.`;
    const base = { title: 'Ikrar berjalan', statement: signedText, startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-06-30` };
    const text = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { ...base, statement });
    expect(text.statusCode).toBe(409);
    expect(text.json().detail).toBe('Teks ikrar tidak dapat diubah: 1 ASN sudah menandatangani teks ini. Bila teksnya harus diganti, batalkan kampanye ini dan buat kampanye baru.');
    expect((await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { ...base, statement }, 'en')).json().detail).toBe(
      'The pledge text cannot change: 1 ASN have signed this text. If the text must change, cancel this campaign and start a new one.',
    );
    const election = (await send('POST', '/api/v1/neutrality/elections', users.bkpsdm.cookie, { ...pilkada2029, name: 'Untuk kampanye' })).json().id as string;
    const moved = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { ...base, electionId: election });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('NTR_CAMPAIGN_ELECTION_SIGNED');
    const late = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { ...base, startsOn: isoDay(2), endsOn: isoDay(30) });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('NTR_CAMPAIGN_START_AFTER_SIGNED');
    const early = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { ...base, endsOn: isoDay(-2) });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('NTR_CAMPAIGN_END_BEFORE_SIGNED');
    // The deadline is extended and the title corrected: allowed, and the text signed is untouched.
    const extended = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { ...base, title: 'Ikrar Netralitas ASN', endsOn: `${year + 1}-12-31` });
    expect(extended.statusCode).toBe(200);
    expect(extended.json()).toMatchObject({ title: 'Ikrar Netralitas ASN', endsOn: `${year + 1}-12-31`, statement: signedText, signed: 1 });
    const audits = await auditRows('neutrality.campaign.updated', id);
    expect(audits).toHaveLength(2);
    expect(audits[1]?.changes).toEqual({ title: { from: 'Ikrar berjalan', to: 'Ikrar Netralitas ASN' }, endsOn: { from: `${year + 1}-06-30`, to: `${year + 1}-12-31` } });
    expect(audits[1]?.detail).toEqual({ signed: 1 });
    const pledge = await t.database.db.selectFrom('ntr_pledge').select('statement_sha256').where('pemda_id', '=', pemda.id).where('campaign_id', '=', id).executeTakeFirstOrThrow();
    expect(pledge.statement_sha256).toBe(createHash('sha256').update(signedText).digest('hex'));
  });

  it('refuses to delete a signed campaign; cancelling keeps the signatures and stops signing and reminders', async () => {
    const del = await send('DELETE', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie);
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toBe('Kampanye ini tidak dapat dihapus: 1 ASN sudah menandatanganinya dan tanda tangan itu adalah catatan resmi. Batalkan kampanye ini; tanda tangannya tetap tersimpan.');
    expect((await send('POST', `/api/v1/neutrality/campaigns/${id}/cancel`, users.bkpsdm.cookie, { reason: 'x' })).statusCode).toBe(400);
    expect((await send('POST', `/api/v1/neutrality/campaigns/${id}/cancel`, users.pegawai.cookie, { reason: 'Dibuat ganda' })).statusCode).toBe(403);
    const cancelled = await send('POST', `/api/v1/neutrality/campaigns/${id}/cancel`, users.bkpsdm.cookie, { reason: 'Diganti kampanye Pilkada ulang' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ signed: 1, cancelReason: 'Diganti kampanye Pilkada ulang' });
    const cancelledOn = cancelled.json().cancelledOn as string;
    expect(cancelledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [audit] = await auditRows('neutrality.campaign.cancelled', id);
    expect(audit?.changes).toEqual({ cancelledOn: { from: null, to: cancelledOn }, cancelReason: { from: null, to: 'Diganti kampanye Pilkada ulang' } });
    expect((await send('GET', '/api/v1/neutrality/pledge/me', users.pegawai2.cookie)).json()).toMatchObject({ campaign: null, canSign: false });
    expect((await send('POST', '/api/v1/neutrality/pledge/sign', users.pegawai2.cookie, {})).json().code).toBe('NTR_NO_CAMPAIGN');
    const again = await send('PUT', `/api/v1/neutrality/campaigns/${id}`, users.bkpsdm.cookie, { title: 'Lagi', statement: `${statement} Sungguh-sungguh.`, startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31` }, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(`This pledge campaign was cancelled on ${cancelledOn} and can no longer be changed.`);
    expect((await send('POST', `/api/v1/neutrality/campaigns/${id}/reminders`, users.bkpsdm.cookie, {})).statusCode).toBe(409);
    expect((await send('POST', `/api/v1/neutrality/campaigns/${id}/cancel`, users.bkpsdm.cookie, { reason: 'Sekali lagi' })).statusCode).toBe(409);
    const progress = await send('GET', `/api/v1/neutrality/pledge/progress?campaign=${id}`, users.bkpsdm.cookie);
    expect(progress.json()).toMatchObject({ signed: 1, campaign: { id, cancelledOn } });
  });

  it('deletes a campaign nobody signed, with its reminder marks, and audits it', async () => {
    unsigned = (await send('POST', '/api/v1/neutrality/campaigns', users.bkpsdm.cookie, { title: 'Keliru dibuat', statement, startsOn: isoDay(0), endsOn: isoDay(10) })).json().id as string;
    expect((await send('POST', `/api/v1/neutrality/campaigns/${unsigned}/reminders`, users.bkpsdm.cookie, {})).json().sent).toBeGreaterThan(0);
    expect((await send('DELETE', `/api/v1/neutrality/campaigns/${unsigned}`, users.pegawai.cookie)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/v1/neutrality/campaigns/${unsigned}`, users.foreignBkpsdm.cookie)).statusCode).toBe(404);
    const foreignPut = await send('PUT', `/api/v1/neutrality/campaigns/${unsigned}`, users.foreignBkpsdm.cookie, { title: 'x', statement, startsOn: isoDay(0), endsOn: isoDay(10) });
    expect(foreignPut.statusCode).toBe(404);
    expect(foreignPut.json().detail).toBe('Kampanye ikrar tidak ditemukan.');
    expect((await send('POST', `/api/v1/neutrality/campaigns/${unsigned}/cancel`, users.foreignBkpsdm.cookie, { reason: 'Dibuat keliru' })).statusCode).toBe(404);
    expect((await send('DELETE', `/api/v1/neutrality/campaigns/${unsigned}`, users.bkpsdm.cookie)).statusCode).toBe(204);
    const items = (await send('GET', '/api/v1/neutrality/campaigns', users.bkpsdm.cookie)).json().items as { id: string }[];
    expect(items.map((c) => c.id)).not.toContain(unsigned);
    expect(await t.database.db.selectFrom('ntr_pledge_reminder').select('user_id').where('pemda_id', '=', pemda.id).where('campaign_id', '=', unsigned).execute()).toEqual([]);
    const [audit] = await auditRows('neutrality.campaign.deleted', unsigned);
    expect(audit?.before).toMatchObject({ title: 'Keliru dibuat', statement });
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(t.database.db, pemda.id)).toMatchObject({ ok: true });
  });
});
