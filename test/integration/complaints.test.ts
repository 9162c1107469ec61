import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/http/context';
import { clearComplaintCaches } from '../../src/server/modules/complaints/cache';
import { escalateOverdue } from '../../src/server/modules/complaints/deadlines';
import { buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { complaintFixture, countRows, multipart, SEMABUNG_LAMA, type ComplaintFixture } from './complaints-support';

/** The public form and tracking page, OPD handling, re-routing, duplicates, deadlines and escalation (BRIEF 4.8). */
let t: TestApp;
let f: ComplaintFixture;
let other: ComplaintFixture;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.alloc(2000, 7)]);

beforeAll(async () => {
  process.env.PAMONG_LAPOR_RATE_PER_MINUTE = '1000';
  t = await createTestApp();
  f = await complaintFixture(t.database.db, await buildPemda(t.database.db, '19.71'));
  other = await complaintFixture(t.database.db, await buildPemda(t.database.db, '53.71'));
  clearComplaintCaches();
});
afterAll(async () => t?.close());

const file = (fields: Record<string, string>, files: Parameters<typeof multipart>[1] = []) => {
  const body = multipart(fields, files);
  return t.request({ method: 'POST', url: '/api/v1/public/lapor?pemda=19.71', payload: body.payload, headers: body.headers });
};
const base = { serviceCode: 'JLN-RUSAK', description: 'Jalan berlubang dalam di depan sekolah', lat: String(SEMABUNG_LAMA.lat), lng: String(SEMABUNG_LAMA.lng), 'attribute[TINGKAT]': 'berat' };

describe('public form and tracking page', () => {
  it('serves the form metadata: services with attributes, map extent, limits', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/public/lapor/meta?pemda=19.71' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { pemda: { name: string }; services: Array<{ code: string; attributes: Array<{ code: string }> }>; bbox: number[]; limits: { descriptionMax: number } };
    expect(body.pemda.name).toBe('Kota Pangkal Pinang');
    expect(body.services.map((s) => s.code)).toEqual(['FASUM', 'JLN-RUSAK', 'SAMPAH']);
    expect(body.services.find((s) => s.code === 'JLN-RUSAK')?.attributes.map((a) => a.code)).toEqual(['TINGKAT', 'MASALAH']);
    expect(body.bbox[0]).toBeLessThan(SEMABUNG_LAMA.lng);
    expect(body.limits.descriptionMax).toBe(4000);
    const geo = await t.request({ method: 'GET', url: '/api/v1/public/lapor/wilayah?pemda=19.71' });
    expect((geo.json() as { features: unknown[] }).features).toHaveLength(42);
  });

  it('files with a photo and a map point: kelurahan by point-in-polygon, deadlines on working days, tracking code', async () => {
    const res = await file({ ...base, name: 'Warga Uji', contact: '081234567890' }, [{ name: 'photo', filename: 'lubang.jpg', data: JPEG }]);
    expect(res.statusCode).toBe(201);
    const body = res.json() as { code: string; kelurahan: string; opdName: string; verifyDue: string; respondDue: string; resolveDue: string };
    expect(body.code).toMatch(/^LPR-/);
    expect(body.kelurahan).toBe('Semabung Lama');
    expect(body.opdName).toBe(f.dpupr.name);
    expect(body.verifyDue < body.respondDue && body.respondDue < body.resolveDue).toBe(true);
    for (const due of [body.verifyDue, body.respondDue, body.resolveDue]) expect([0, 6]).not.toContain(new Date(`${due}T00:00:00Z`).getUTCDay());
    const media = await t.database.db.selectFrom('complaint_media').innerJoin('complaint', 'complaint.id', 'complaint_media.complaint_id').select('complaint_media.sha256').where('complaint.code', '=', body.code).execute();
    expect(media).toHaveLength(1);
    const tracking = await t.request({ method: 'GET', url: `/api/v1/public/lapor/${body.code.toLowerCase()}` });
    expect(tracking.statusCode).toBe(200);
    const track = tracking.json() as { status: string; kelurahan: string; photos: number; timeline: Array<{ kind: string }> };
    expect(track).toMatchObject({ status: 'received', kelurahan: 'Semabung Lama', photos: 1 });
    expect(track.timeline.map((e) => e.kind)).toEqual(['received']);
    expect(tracking.body).not.toMatch(/Warga Uji|081234567890/);
  });

  it('routes territorial matters to the kelurahan office of the point', async () => {
    const res = await file({ serviceCode: 'FASUM', description: 'Pos ronda roboh', lat: base.lat, lng: base.lng, anonymous: 'true', name: 'Tidak Disimpan' });
    expect(res.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('complaint').select(['opd_id', 'reporter_name', 'anonymous']).where('code', '=', (res.json() as { code: string }).code).executeTakeFirstOrThrow();
    expect(row).toEqual({ opd_id: f.kelurahanOffice.id, reporter_name: null, anonymous: true });
  });

  it('refuses fake and oversized images, long text with a clear message, and strips HTML; nothing stored on refusal', async () => {
    const before = await countRows(t.database.db, f.pemdaId);
    const fake = await file(base, [{ name: 'photo', filename: 'foto.jpg', data: Buffer.from('<?php echo "not an image"; ?>') }]);
    expect(fake.statusCode).toBe(415);
    expect((fake.json() as { detail: string }).detail).toBe('Jenis berkas tidak diizinkan. Unggah foto JPEG, PNG, WebP atau dokumen PDF.');
    const pdf = await file(base, [{ name: 'photo', filename: 'foto.jpg', data: Buffer.from('%PDF-1.4 fake') }]);
    expect(pdf.statusCode).toBe(415);
    const big = await file(base, [{ name: 'photo', filename: 'besar.jpg', data: Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024, 1)]) }]);
    expect(big.statusCode).toBe(413);
    expect((big.json() as { detail: string }).detail).toBe('Berkas terlalu besar (maksimal 5 MB).');
    const long = await file({ ...base, description: 'x'.repeat(4100) });
    expect(long.statusCode).toBe(400);
    expect((long.json() as { detail: string }).detail).toBe('Uraian pengaduan terlalu panjang: 4.100 karakter, maksimal 4.000 karakter. Persingkat uraian Anda.');
    const empty = await file({ ...base, description: '<p></p>' });
    expect((empty.json() as { detail: string }).detail).toBe('Uraian pengaduan wajib diisi.');
    const outside = await file({ ...base, lat: '-6.2', lng: '106.8' });
    expect((outside.json() as { detail: string }).detail).toBe('Titik lokasi berada di luar wilayah Kota Pangkal Pinang.');
    const badContact = await file({ ...base, contact: 'hubungi saya' });
    expect((badContact.json() as { detail: string }).detail).toBe('Kontak harus berupa nomor telepon atau alamat e-mail yang valid.');
    expect(await countRows(t.database.db, f.pemdaId)).toBe(before);
    const html = await file({ ...base, description: '<img src=x onerror=alert(1)>Got <b>mampet</b> di RT 03' });
    const row = await t.database.db.selectFrom('complaint').select('description').where('code', '=', (html.json() as { code: string }).code).executeTakeFirstOrThrow();
    expect(row.description).toBe('Got mampet di RT 03');
  });

  it('404 for an unknown tracking code', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/public/lapor/LPR-TIDAKADA' });
    expect(res.statusCode).toBe(404);
    expect((res.json() as { detail: string }).detail).toBe('Pengaduan tidak ditemukan.');
  });
});

describe('handling by the OPD and the coordinator', () => {
  async function fresh(serviceCode = 'JLN-RUSAK'): Promise<{ id: string; code: string }> {
    const res = await file({ ...base, serviceCode });
    const code = (res.json() as { code: string }).code;
    return t.database.db.selectFrom('complaint').select(['id', 'code']).where('code', '=', code).executeTakeFirstOrThrow();
  }

  it('401 anonymous, 403 for roles that may not handle, 404 for another OPD or Pemda with the DB unchanged', async () => {
    const c = await fresh();
    expect((await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/verify`, payload: {} })).statusCode).toBe(401);
    const pegawai = await buildUser(t.database.db, f.pemdaId, 'pegawai', { opdId: f.dpupr.id });
    const forbidden = await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/verify`, payload: {}, cookie: pegawai.cookie });
    expect(forbidden.statusCode).toBe(403);
    expect((forbidden.json() as { detail: string }).detail).toBe('Anda tidak berwenang melakukan tindakan ini.');
    const before = await countRows(t.database.db, f.pemdaId);
    const otherOpd = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dlh.id });
    expect((await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/verify`, payload: {}, cookie: otherOpd.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/complaints/${c.id}`, cookie: otherOpd.cookie })).statusCode).toBe(404);
    const foreign = await buildUser(t.database.db, other.pemdaId, 'sekda');
    expect((await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/reroute`, payload: { opdId: other.dlh.id, reason: 'coba' }, cookie: foreign.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/complaints/${c.id}`, cookie: foreign.cookie })).statusCode).toBe(404);
    expect(await countRows(t.database.db, f.pemdaId)).toBe(before);
    const bad = await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/reply`, payload: { body: '<b>x</b>', public: true }, cookie: (await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dpupr.id })).cookie });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: Array<{ message: string }> }).errors[0]?.message).toBe('body tidak boleh berisi tanda < atau > (HTML)');
  });

  it('verify, reply in public, note internally, resolve: the citizen sees the public timeline only; each step audited', async () => {
    const c = await fresh();
    const op = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dpupr.id });
    const call = (path: string, payload: unknown) => t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/${path}`, payload: payload as object, cookie: op.cookie });
    expect((await call('verify', {})).statusCode).toBe(200);
    expect((await call('verify', {})).statusCode).toBe(409);
    expect((await call('reply', { body: 'Catatan internal: cek anggaran', public: false })).statusCode).toBe(200);
    expect((await call('reply', { body: 'Tim akan menambal lubang besok pagi.', public: true })).statusCode).toBe(200);
    expect((await call('resolve', { body: 'Lubang sudah ditambal.' })).statusCode).toBe(200);
    const tracking = (await t.request({ method: 'GET', url: `/api/v1/public/lapor/${c.code}` })).json() as { status: string; timeline: Array<{ kind: string; body: string | null }> };
    expect(tracking.status).toBe('closed');
    expect(tracking.timeline.map((e) => e.kind)).toEqual(['received', 'verified', 'reply', 'closed']);
    expect(JSON.stringify(tracking)).not.toContain('Catatan internal');
    const detail = (await t.request({ method: 'GET', url: `/api/v1/complaints/${c.id}`, cookie: op.cookie })).json() as { timeline: Array<{ kind: string }>; reporter: unknown; stage: string; deadline: string };
    expect(detail.timeline.map((e) => e.kind)).toEqual(['received', 'verified', 'note', 'reply', 'closed']);
    expect(detail.stage).toBe('done');
    expect(detail.deadline).toBe('met');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['complaints.filed', 'complaints.verified', 'complaints.noted', 'complaints.replied', 'complaints.closed']);
    const row = await t.database.db.selectFrom('complaint').select(['first_response_at', 'closed_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.first_response_at).not.toBeNull();
    // The reporter's identity is not shown to a Pemda-wide reader who does not handle complaints.
    const inspektorat = await buildUser(t.database.db, f.pemdaId, 'inspektorat');
    expect(((await t.request({ method: 'GET', url: `/api/v1/complaints/${c.id}`, cookie: inspektorat.cookie })).json() as { reporter: unknown }).reporter).toBeNull();
  });

  it('the coordinator re-routes (no wrong door) and the new OPD is notified; the old OPD then sees 404', async () => {
    const c = await fresh();
    const sekda = await buildUser(t.database.db, f.pemdaId, 'sekda');
    const dlhHead = await buildUser(t.database.db, f.pemdaId, 'kepala_opd', { opdId: f.dlh.id });
    const same = await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/reroute`, payload: { opdId: f.dpupr.id, reason: 'x' }, cookie: sekda.cookie });
    expect((same.json() as { detail: string }).detail).toBe('Pengaduan sudah ditangani perangkat daerah tersebut.');
    const res = await t.request({ method: 'POST', url: `/api/v1/complaints/${c.id}/reroute`, payload: { opdId: f.dlh.id, reason: 'Tumpukan sampah, bukan jalan' }, cookie: sekda.cookie });
    expect(res.statusCode).toBe(200);
    const row = await t.database.db.selectFrom('complaint').select('opd_id').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.opd_id).toBe(f.dlh.id);
    const inbox = await t.database.db.selectFrom('notification').select('kind').where('user_id', '=', dlhHead.id).execute();
    expect(inbox.map((n) => n.kind)).toContain('complaints.rerouted');
    const dpuprOp = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dpupr.id });
    expect((await t.request({ method: 'GET', url: `/api/v1/complaints/${c.id}`, cookie: dpuprOp.cookie })).statusCode).toBe(404);
  });

  it('suggests duplicates nearby and merges one into the other', async () => {
    const a = await fresh();
    const b = await fresh();
    const op = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dpupr.id });
    const dups = (await t.request({ method: 'GET', url: `/api/v1/complaints/${b.id}/duplicates`, cookie: op.cookie })).json() as { items: Array<{ id: string; distanceM: number }> };
    expect(dups.items.map((d) => d.id)).toContain(a.id);
    expect(dups.items[0]?.distanceM).toBe(0);
    const self = await t.request({ method: 'POST', url: `/api/v1/complaints/${b.id}/merge`, payload: { intoId: b.id }, cookie: op.cookie });
    expect(self.statusCode).toBe(400);
    const merged = await t.request({ method: 'POST', url: `/api/v1/complaints/${b.id}/merge`, payload: { intoId: a.id }, cookie: op.cookie });
    expect(merged.statusCode).toBe(200);
    const tracking = (await t.request({ method: 'GET', url: `/api/v1/public/lapor/${b.code}` })).json() as { status: string; mergedInto: string };
    expect(tracking).toMatchObject({ status: 'merged', mergedInto: a.code });
    const open311 = (await t.request({ method: 'GET', url: `/open311/v2/requests/${b.code}.json?jurisdiction_id=19.71` })).json() as Array<{ status: string; status_notes: string }>;
    expect(open311[0]).toMatchObject({ status: 'closed', status_notes: `Duplikat dari ${a.code}` });
  });

  it('lists the OPD queue scoped to the OPD, and all for Pemda-wide roles; filters by status', async () => {
    const op = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dpupr.id });
    const mine = (await t.request({ method: 'GET', url: '/api/v1/complaints?status=open', cookie: op.cookie })).json() as { items: Array<{ opdId: string; deadline: string }>; total: number };
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.opdId === f.dpupr.id)).toBe(true);
    const head = await buildUser(t.database.db, f.pemdaId, 'kepala_daerah');
    const all = (await t.request({ method: 'GET', url: '/api/v1/complaints', cookie: head.cookie })).json() as { items: Array<{ opdId: string }> };
    expect(new Set(all.items.map((i) => i.opdId)).size).toBeGreaterThan(1);
    const dashboard = await t.request({ method: 'GET', url: `/api/v1/complaints/dashboard?month=${new Date().toISOString().slice(0, 7)}`, cookie: head.cookie });
    expect(dashboard.statusCode).toBe(200);
    const d = dashboard.json() as { totals: { received: number }; density: Record<string, number>; points: unknown[]; perOpd: Array<{ opdId: string }> };
    expect(d.totals.received).toBeGreaterThan(0);
    expect(d.density[SEMABUNG_LAMA.kode]).toBeGreaterThan(0);
    expect(d.perOpd.length).toBeGreaterThan(0);
  });
});

describe('deadlines, escalation, flags and metrics', () => {
  it('an overdue complaint escalates once to the leaders and shows as a flag; metrics rows link to the records', async () => {
    const res = await file({ ...base, serviceCode: 'SAMPAH' });
    const code = (res.json() as { code: string }).code;
    await t.database.db.updateTable('complaint').set({ verify_due: '2020-01-06', respond_due: '2020-01-08', resolve_due: '2020-03-30' }).where('code', '=', code).execute();
    const sekda = await buildUser(t.database.db, f.pemdaId, 'sekda');
    const flags = (await t.request({ method: 'GET', url: '/api/v1/flags', cookie: sekda.cookie })).json() as { flags: Array<{ kind: string; opdId: string; severity: string; link: string }> };
    const flag = flags.flags.find((x) => x.kind === 'complaints.overdue' && x.opdId === f.dlh.id);
    expect(flag).toMatchObject({ severity: 'critical', link: `/pengaduan?opd=${f.dlh.id}&status=overdue` });
    const ctx = systemCtx(t.database.db);
    expect(await escalateOverdue(ctx, f.pemdaId)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdue(ctx, f.pemdaId)).toBe(0);
    const row = await t.database.db.selectFrom('complaint').select(['escalated_stage', 'id']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.escalated_stage).toBe('resolve');
    const inbox = await t.database.db.selectFrom('notification').select('kind').where('user_id', '=', sekda.id).execute();
    expect(inbox.map((n) => n.kind)).toContain('complaints.escalated');
    const month = new Date().toISOString().slice(0, 7);
    const metrics = (await t.request({ method: 'GET', url: `/api/v1/metrics?month=${month}&opd=${f.dpupr.id}`, cookie: sekda.cookie })).json() as { metrics: Array<{ key: string; value: number | null; link: string }> };
    const keys = metrics.metrics.filter((m) => m.key.startsWith('complaints.')).map((m) => m.key);
    expect(keys).toEqual(['complaints.received', 'complaints.resolved', 'complaints.deadline_compliance', 'complaints.first_response_days', 'complaints.ikm']);
    const receivedRow = metrics.metrics.find((m) => m.key === 'complaints.received');
    expect(receivedRow?.value).toBeGreaterThan(3);
    expect(receivedRow?.link).toBe(`/pengaduan?opd=${f.dpupr.id}&month=${month}`);
    const compliance = metrics.metrics.find((m) => m.key === 'complaints.deadline_compliance');
    expect(compliance?.value).toBe(1);
  });

  it('catalogue: admin adds a service (audited), others 403, duplicates 409', async () => {
    const admin = await buildUser(t.database.db, f.pemdaId, 'admin_pemda');
    const payload = { code: 'PARKIR', name: 'Parkir liar', group: 'Ketertiban', opdId: f.dlh.id };
    const op = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dlh.id });
    expect((await t.request({ method: 'POST', url: '/api/v1/complaints/services', payload, cookie: op.cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/v1/complaints/services', payload, cookie: admin.cookie })).statusCode).toBe(201);
    const again = await t.request({ method: 'POST', url: '/api/v1/complaints/services', payload, cookie: admin.cookie });
    expect((again.json() as { detail: string }).detail).toBe('Kode layanan PARKIR sudah dipakai.');
    const services = (await t.request({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=19.71' })).json() as Array<{ service_code: string }>;
    expect(services.map((s) => s.service_code)).toContain('PARKIR');
    const noOpd = await t.request({ method: 'POST', url: '/api/v1/complaints/services', payload: { ...payload, code: 'X2', opdId: other.dlh.id }, cookie: admin.cookie });
    expect((noOpd.json() as { detail: string }).detail).toBe('Perangkat daerah tidak dikenal.');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', f.pemdaId).where('entity_id', '=', 'PARKIR').execute();
    expect(audit.map((a) => a.action)).toEqual(['complaints.service.created']);
  });
});

