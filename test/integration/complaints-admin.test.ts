import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedCalendar } from '../../src/server/modules/complaints/cache';
import { verifyAuditChain } from '../../src/server/platform/audit';
import { buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { TINY_PDF, TINY_PNG } from '../fixtures/evidence';
import { complaintFixture, countRows, form, multipart, SEMABUNG_LAMA, type ComplaintFixture } from './complaints-support';

/** Issue 6 admin: deadline classes and Open311 api_keys through the staff API (the screens use these routes). */
let t: TestApp;
let f: ComplaintFixture;
let other: ComplaintFixture;
let admin: string;
let otherAdmin: string;
let sekda: string;

beforeAll(async () => {
  process.env.PAMONG_OPEN311_RATE_PER_MINUTE = '1000';
  t = await createTestApp();
  f = await complaintFixture(t.database.db, await buildPemda(t.database.db, '19.71'));
  other = await complaintFixture(t.database.db, await buildPemda(t.database.db));
  admin = (await buildUser(t.database.db, f.pemdaId, 'admin_pemda')).cookie;
  otherAdmin = (await buildUser(t.database.db, other.pemdaId, 'admin_pemda')).cookie;
  sekda = (await buildUser(t.database.db, f.pemdaId, 'sekda')).cookie;
});
afterAll(async () => t?.close());

const postOpen311 = (apiKey: string) =>
  t.request({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ api_key: apiKey, jurisdiction_id: '19.71', service_code: 'SAMPAH', lat: String(SEMABUNG_LAMA.lat), long: String(SEMABUNG_LAMA.lng), description: 'Sampah menumpuk' }),
  });

describe('deadline classes', () => {
  it('lists the SP4N-LAPOR! defaults 3/5/60 and lets the admin change and add classes, audited', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/complaints/sla-classes', cookie: sekda });
    expect(list.statusCode).toBe(200);
    const standar = (list.json() as { items: Array<Record<string, unknown>> }).items.find((c) => c.code === 'standar');
    expect(standar).toMatchObject({ verifyDays: 3, respondDays: 5, resolveDays: 60 });

    const forbidden = await t.request({ method: 'PUT', url: '/api/v1/complaints/sla-classes/standar', cookie: sekda, payload: { name: 'X', verifyDays: 1, respondDays: 2, resolveDays: 3, legalBasis: 'x' } });
    expect(forbidden.statusCode).toBe(403);

    const changed = await t.request({ method: 'PUT', url: '/api/v1/complaints/sla-classes/segera', cookie: admin, payload: { name: 'Segera', verifyDays: 1, respondDays: 1, resolveDays: 7, legalBasis: 'Perkada 1/2026' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ code: 'segera', resolveDays: 7 });

    const disorder = await t.request({ method: 'PUT', url: '/api/v1/complaints/sla-classes/segera', cookie: admin, headers: { 'accept-language': 'en' }, payload: { name: 'Segera', verifyDays: 5, respondDays: 2, resolveDays: 7, legalBasis: 'x' } });
    expect(disorder.statusCode).toBe(400);
    expect((disorder.json() as { code: string }).code).toBe('COMPLAINT_SLA_ORDER');

    const created = await t.request({ method: 'POST', url: '/api/v1/complaints/sla-classes', cookie: admin, payload: { code: 'kilat', name: 'Kilat', verifyDays: 1, respondDays: 1, resolveDays: 3, legalBasis: 'Perkada 1/2026' } });
    expect(created.statusCode).toBe(201);
    const again = await t.request({ method: 'POST', url: '/api/v1/complaints/sla-classes', cookie: admin, payload: { code: 'kilat', name: 'Kilat', verifyDays: 1, respondDays: 1, resolveDays: 3, legalBasis: 'x' } });
    expect(again.statusCode).toBe(409);
    const bad = await t.request({ method: 'POST', url: '/api/v1/complaints/sla-classes', cookie: admin, payload: { code: 'Bad Code', name: 'x', verifyDays: 0, respondDays: 1, resolveDays: 3, legalBasis: 'x' } });
    expect(bad.statusCode).toBe(400);

    // Another Pemda's classes are its own: its 'segera' is unchanged.
    const theirs = await t.request({ method: 'GET', url: '/api/v1/complaints/sla-classes', cookie: otherAdmin });
    expect((theirs.json() as { items: Array<Record<string, unknown>> }).items.find((c) => c.code === 'segera')).toMatchObject({ resolveDays: 14 });
    expect((theirs.json() as { items: Array<Record<string, unknown>> }).items.some((c) => c.code === 'kilat')).toBe(false);

    const audit = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', f.pemdaId).where('entity_type', '=', 'complaint_sla_class').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['complaints.sla_class.updated', 'complaints.sla_class.created']);
  });

  it('a service moved to a changed class gives new complaints its deadlines', async () => {
    const services = await t.request({ method: 'GET', url: '/api/v1/complaints/services', cookie: admin });
    const sampah = (services.json() as { items: Array<Record<string, unknown>> }).items.find((s) => s.code === 'SAMPAH') as Record<string, unknown>;
    const { code: _code, opdName: _opdName, ...body } = sampah;
    const put = await t.request({ method: 'PUT', url: '/api/v1/complaints/services/SAMPAH', cookie: admin, payload: { ...body, slaClass: 'kilat' } });
    expect(put.statusCode).toBe(200);
    const res = await postOpen311(f.apiKey);
    expect(res.statusCode).toBe(200);
    const code = (res.json() as Array<{ service_request_id: string }>)[0]?.service_request_id as string;
    const row = await t.database.db.selectFrom('complaint').select(['sla_class', 'received_on', 'resolve_due']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.sla_class).toBe('kilat');
    const calendar = await cachedCalendar(t.database.db, f.pemdaId);
    expect(String(row.resolve_due)).toBe(calendar.addWorkingDays(String(row.received_on), 3));

    // The class itself changed afterwards: the very next complaint gets the new deadline (the catalogue is cached).
    const changed = await t.request({ method: 'PUT', url: '/api/v1/complaints/sla-classes/kilat', cookie: admin, payload: { name: 'Kilat', verifyDays: 1, respondDays: 1, resolveDays: 4, legalBasis: 'Perkada 1/2026' } });
    expect(changed.statusCode).toBe(200);
    const next = await postOpen311(f.apiKey);
    const nextCode = (next.json() as Array<{ service_request_id: string }>)[0]?.service_request_id as string;
    const nextRow = await t.database.db.selectFrom('complaint').select(['received_on', 'resolve_due']).where('code', '=', nextCode).executeTakeFirstOrThrow();
    expect(String(nextRow.resolve_due)).toBe(calendar.addWorkingDays(String(nextRow.received_on), 4));
  });
});

describe('Open311 api_keys', () => {
  it('creates a key shown once, lists without it, revokes it so POSTs are refused; other Pemdas see 404', async () => {
    const denied = await t.request({ method: 'POST', url: '/api/v1/complaints/open311-clients', cookie: sekda, payload: { name: 'Aplikasi X' } });
    expect(denied.statusCode).toBe(403);

    const created = await t.request({ method: 'POST', url: '/api/v1/complaints/open311-clients', cookie: admin, payload: { name: 'Aplikasi Warga' } });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const client = created.json() as { id: string; key: string; keyPrefix: string; active: boolean };
    expect(client.key).toMatch(/^p311_[A-Za-z0-9_-]{32}$/);
    expect(client.key.startsWith(client.keyPrefix)).toBe(true);
    expect((await postOpen311(client.key)).statusCode).toBe(200);

    const list = await t.request({ method: 'GET', url: '/api/v1/complaints/open311-clients', cookie: admin });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(client.key);
    expect(list.body).not.toContain('hash');
    const items = (list.json() as { items: Array<{ id: string; name: string; active: boolean }> }).items;
    expect(items.map((i) => i.name).sort()).toEqual(['Aplikasi Uji', 'Aplikasi Warga']);

    const foreign = await t.request({ method: 'POST', url: `/api/v1/complaints/open311-clients/${client.id}/revoke`, cookie: otherAdmin, payload: {} });
    expect(foreign.statusCode).toBe(404);
    expect((await postOpen311(client.key)).statusCode).toBe(200);

    const revoked = await t.request({ method: 'POST', url: `/api/v1/complaints/open311-clients/${client.id}/revoke`, cookie: admin, payload: {} });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: client.id, active: false });
    const refused = await postOpen311(client.key);
    expect(refused.statusCode).toBe(403);
    // The fixture's own key still works.
    expect((await postOpen311(f.apiKey)).statusCode).toBe(200);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'diff']).where('pemda_id', '=', f.pemdaId).where('entity_type', '=', 'open311_client').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['open311.client.created', 'open311.client.created', 'open311.client.revoked']);
    expect(JSON.stringify(audit)).not.toContain(client.key);
    expect(await verifyAuditChain(t.database.db, f.pemdaId)).toMatchObject({ ok: true });
  });
});

describe('Open311 media upload (multipart/form-data, file field media)', () => {
  const fields = () => ({ api_key: f.apiKey, jurisdiction_id: '19.71', service_code: 'JLN-RUSAK', lat: String(SEMABUNG_LAMA.lat), long: String(SEMABUNG_LAMA.lng), description: 'Lubang dengan foto', 'attribute[TINGKAT]': 'berat', 'attribute[MASALAH][]': 'lubang' });

  it('stores the photo, answers with a media_url that serves it, and GET requests shows the same media_url', async () => {
    const body = multipart(fields(), [{ name: 'media', filename: 'lubang.png', data: TINY_PNG, type: 'image/png' }]);
    const res = await t.request({ method: 'POST', url: '/open311/v2/requests.json', headers: body.headers, payload: body.payload });
    expect(res.statusCode).toBe(200);
    const [answer] = res.json() as Array<{ service_request_id: string; media_url: string }>;
    const sha = createHash('sha256').update(TINY_PNG).digest('hex');
    expect(answer?.media_url).toBe(`http://localhost:80/open311/v2/media/${sha}.png?jurisdiction_id=19.71`);
    const row = await t.database.db.selectFrom('complaint').select(['id', 'attributes', 'channel']).where('code', '=', answer?.service_request_id as string).executeTakeFirstOrThrow();
    expect(row.attributes).toEqual({ TINGKAT: 'berat', MASALAH: ['lubang'] });
    const media = await t.database.db.selectFrom('complaint_media').select('sha256').where('complaint_id', '=', row.id).execute();
    expect(media.map((m) => m.sha256)).toEqual([sha]);

    const served = await t.request({ method: 'GET', url: (answer?.media_url as string).replace('http://localhost:80', '') });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(TINY_PNG)).toBe(true);

    const listed = await t.request({ method: 'GET', url: `/open311/v2/requests/${answer?.service_request_id}.xml?jurisdiction_id=19.71` });
    expect(listed.body).toContain(`<media_url>http://localhost:80/open311/v2/media/${sha}.png?jurisdiction_id=19.71</media_url>`);
    // Staff see it on the complaint like a public-form photo.
    const staff = await t.request({ method: 'GET', url: `/api/v1/complaints/${row.id}`, cookie: admin });
    expect((staff.json() as { photos: Array<{ sha256: string }> }).photos.map((p) => p.sha256)).toEqual([sha]);
  });

  it('refuses a fake image (a script named .jpg) and a second file with the spec error list; nothing stored', async () => {
    const before = await countRows(t.database.db, f.pemdaId);
    const fake = multipart(fields(), [{ name: 'media', filename: 'foto.jpg', data: Buffer.from('#!/bin/sh\nrm -rf /\n'), type: 'image/jpeg' }]);
    const res = await t.request({ method: 'POST', url: '/open311/v2/requests.xml', headers: { ...fake.headers, 'accept-language': 'en' }, payload: fake.payload });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<errors>');
    expect(res.body).toContain('<code>400</code>');
    expect(res.body).toContain('File type not allowed');
    const pdf = multipart(fields(), [{ name: 'media', filename: 'foto.png', data: TINY_PDF, type: 'image/png' }]);
    expect((await t.request({ method: 'POST', url: '/open311/v2/requests.json', headers: pdf.headers, payload: pdf.payload })).statusCode).toBe(400);
    const two = multipart(fields(), [{ name: 'media', filename: 'a.png', data: TINY_PNG }, { name: 'media', filename: 'b.png', data: TINY_PNG }]);
    expect((await t.request({ method: 'POST', url: '/open311/v2/requests.json', headers: two.headers, payload: two.payload })).statusCode).toBe(400);
    const badKey = multipart({ ...fields(), api_key: 'p311_notavalidkeyatallxxxxxxxxx' }, [{ name: 'media', filename: 'a.png', data: TINY_PNG }]);
    expect((await t.request({ method: 'POST', url: '/open311/v2/requests.json', headers: badKey.headers, payload: badKey.payload })).statusCode).toBe(403);
    expect(await countRows(t.database.db, f.pemdaId)).toBe(before);
  });

  it('serves no public-form photo and nothing of another Pemda through the Open311 media path', async () => {
    const sha = createHash('sha256').update(TINY_PDF).digest('hex');
    expect((await t.request({ method: 'GET', url: `/open311/v2/media/${sha}.png?jurisdiction_id=19.71` })).statusCode).toBe(404);
    const png = createHash('sha256').update(TINY_PNG).digest('hex');
    const otherKode = (await t.database.db.selectFrom('pemda').select('kode_wilayah').where('id', '=', other.pemdaId).executeTakeFirstOrThrow()).kode_wilayah;
    expect((await t.request({ method: 'GET', url: `/open311/v2/media/${png}.png?jurisdiction_id=${otherKode}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/open311/v2/media/${png}.jpg?jurisdiction_id=19.71` })).statusCode).toBe(404);
  });
});

describe('group commit of Open311 intake', () => {
  it('writes complaints arriving together in a few transactions, each with its own audit row and request id', async () => {
    const before = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).where('pemda_id', '=', f.pemdaId).executeTakeFirstOrThrow();
    const responses = await Promise.all(Array.from({ length: 30 }, () => postOpen311(f.apiKey)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 30 }, () => 200));
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['at', 'request_id', 'entity_id'])
      .where('pemda_id', '=', f.pemdaId)
      .where('action', '=', 'complaints.filed')
      .where('seq', '>', Number(before.seq ?? 0))
      .execute();
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(30);
    // One writeAuditMany per transaction stamps its rows with one time: 30 times would mean 30 transactions (on
    // PGlite every batch held one complaint before batches started on the next event-loop turn).
    const transactions = new Set(rows.map((r) => new Date(r.at).getTime())).size;
    expect(transactions).toBeLessThanOrEqual(6);
    expect(await verifyAuditChain(t.database.db, f.pemdaId)).toMatchObject({ ok: true });
  });
});
