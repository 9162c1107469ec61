import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemCtx, type UserActor } from '../../src/server/http/context';
import { clearComplaintCaches } from '../../src/server/modules/complaints/cache';
import { replyToComplaint, verifyComplaint } from '../../src/server/modules/complaints/handling';
import { createOpen311Client } from '../../src/server/modules/complaints/open311-keys';
import { verifyAuditChain } from '../../src/server/platform/audit';
import { buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { complaintFixture, countRows, form, SEMABUNG_LAMA, xmlChildNames, xmlTexts, type ComplaintFixture } from './complaints-support';

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2, both formats, field by field, errors as
 * the spec's error list; plus mySociety's servicerequestupdates.
 */
let t: TestApp;
let f: ComplaintFixture;
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const REQUEST_FIELDS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'];

beforeAll(async () => {
  process.env.PAMONG_OPEN311_RATE_PER_MINUTE = '1000';
  t = await createTestApp();
  f = await complaintFixture(t.database.db, await buildPemda(t.database.db, '19.71'));
});
afterAll(async () => t?.close());

const post = (format: 'xml' | 'json', values: Record<string, string | string[]>) =>
  t.request({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, payload: form(values) });
const valid = () => ({ api_key: f.apiKey, jurisdiction_id: '19.71', service_code: 'JLN-RUSAK', lat: String(SEMABUNG_LAMA.lat), long: String(SEMABUNG_LAMA.lng), description: 'Lubang besar di Jl. Semabung Lama', 'attribute[TINGKAT]': 'berat' });

describe('Open311 with one jurisdiction', () => {
  it('defaults jurisdiction_id to the only Pemda', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/services.json' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as unknown[]).length).toBe(3);
  });
});

describe('discovery', () => {
  it('JSON: changeset, contact, key_service, endpoints with specification, url, changeset, type, formats', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/discovery.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json() as { changeset: string; contact: string; key_service: string; endpoints: Array<Record<string, unknown>> };
    expect(Object.keys(body)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(body.changeset).toMatch(W3);
    expect(body.endpoints[0]).toEqual({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', changeset: body.changeset, type: 'production', formats: ['text/xml', 'application/json'] });
  });

  it('XML: the same with <formats><format>', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/discovery.xml' });
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<discovery>')).toBe(true);
    expect(xmlTexts(res.body, 'specification')).toEqual(['http://wiki.open311.org/GeoReport_v2']);
    expect(xmlTexts(res.body, 'format')).toEqual(['text/xml', 'application/json']);
    expect(xmlTexts(res.body, 'type')).toEqual(['production']);
  });
});

describe('services and service definitions', () => {
  it('JSON list: service_code, service_name, description, metadata, type, keywords, group; codes are strings', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=19.71' });
    const services = res.json() as Array<Record<string, unknown>>;
    const road = services.find((s) => s.service_code === 'JLN-RUSAK');
    expect(Object.keys(road ?? {})).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(road).toEqual({ service_code: 'JLN-RUSAK', service_name: 'Jalan rusak', description: 'Jalan berlubang', metadata: true, type: 'realtime', keywords: 'jalan, lubang', group: 'Infrastruktur' });
    expect(services.find((s) => s.service_code === 'SAMPAH')?.metadata).toBe(false);
  });

  it('XML list: <services><service> with the same fields', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=19.71' });
    expect(xmlChildNames(res.body, 'service')[0]).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(xmlTexts(res.body, 'metadata').sort()).toEqual(['false', 'false', 'true']);
  });

  it('JSON definition: service_code and attributes with variable, code, datatype, required, datatype_description, order, description, values', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/services/JLN-RUSAK.json?jurisdiction_id=19.71' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { service_code: string; attributes: Array<Record<string, unknown>> };
    expect(body.service_code).toBe('JLN-RUSAK');
    expect(body.attributes.map((a) => a.code)).toEqual(['TINGKAT', 'MASALAH', 'INFO']);
    expect(body.attributes[0]).toEqual({ variable: true, code: 'TINGKAT', datatype: 'singlevaluelist', required: true, datatype_description: '', order: 1, description: 'Tingkat kerusakan', values: [{ key: 'ringan', name: 'Ringan' }, { key: 'berat', name: 'Berat' }] });
    expect(body.attributes[2]).toMatchObject({ variable: false, datatype: 'text', values: [] });
  });

  it('XML definition: <service_definition><attributes><attribute><values><value><key/><name/>', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/services/JLN-RUSAK.xml?jurisdiction_id=19.71' });
    expect(res.body).toContain('<service_definition>\n  <service_code>JLN-RUSAK</service_code>\n  <attributes>\n    <attribute>\n      <variable>true</variable>\n      <code>TINGKAT</code>');
    expect(xmlTexts(res.body, 'key')).toEqual(['ringan', 'berat', 'lubang', 'retak', 'genangan']);
    expect(xmlTexts(res.body, 'datatype')).toEqual(['singlevaluelist', 'multivaluelist', 'text']);
  });

  it('404 for an unknown service and an unknown jurisdiction, in the spec error format of either suffix', async () => {
    const xml = await t.request({ method: 'GET', url: '/open311/v2/services/NOPE.xml?jurisdiction_id=19.71' });
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>404</code>\n    <description>service_code NOPE tidak ditemukan.</description>\n  </error>\n</errors>\n');
    const json = await t.request({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=99.99' });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([{ code: 404, description: 'jurisdiction_id 99.99 tidak ditemukan.' }]);
    const en = await t.request({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=99.99', headers: { 'accept-language': 'en' } });
    expect(en.json()).toEqual([{ code: 404, description: 'jurisdiction_id 99.99 was not found.' }]);
    const unknownPath = await t.request({ method: 'GET', url: '/open311/v2/services.csv' });
    expect(unknownPath.statusCode).toBe(404);
    expect(xmlTexts(unknownPath.body, 'code')).toEqual(['404']);
  });
});

describe('POST requests', () => {
  it('403 without, with a wrong, or with another Pemda\'s api_key; nothing stored', async () => {
    const before = await countRows(t.database.db, f.pemdaId);
    const { api_key: _key, ...noKey } = valid();
    const missing = await post('json', noKey);
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual([{ code: 403, description: 'api_key tidak ada atau tidak valid.' }]);
    const wrong = await post('xml', { ...valid(), api_key: 'p311_thisisnotavalidkeyatallxxxxxxxx' });
    expect(wrong.statusCode).toBe(403);
    expect(xmlTexts(wrong.body, 'code')).toEqual(['403']);
    expect(await countRows(t.database.db, f.pemdaId)).toBe(before);
  });

  it('400 for a missing service_code, 404 for an unknown one, 400 for a long description with the Indonesian message', async () => {
    const before = await countRows(t.database.db, f.pemdaId);
    const noService = await post('json', { ...valid(), service_code: '' });
    expect(noService.statusCode).toBe(400);
    expect(noService.json()).toEqual([{ code: 400, description: 'service_code wajib diisi.' }]);
    const unknown = await post('json', { ...valid(), service_code: 'XYZ' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'service_code XYZ tidak ditemukan.' }]);
    const long = await post('json', { ...valid(), description: 'a'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toEqual([{ code: 400, description: 'Uraian pengaduan terlalu panjang: 4.001 karakter, maksimal 4.000 karakter. Persingkat uraian Anda.' }]);
    const attribute = await post('json', { ...valid(), 'attribute[TINGKAT]': 'parah' });
    expect(attribute.json()).toEqual([{ code: 400, description: 'Isian TINGKAT tidak valid.' }]);
    const missingAttribute = await post('json', { ...valid(), 'attribute[TINGKAT]': '' });
    expect(missingAttribute.json()).toEqual([{ code: 400, description: 'Isian TINGKAT wajib diisi.' }]);
    const outside = await post('json', { ...valid(), lat: '-6.2', long: '106.8' });
    expect(outside.json()).toEqual([{ code: 400, description: 'Titik lokasi berada di luar wilayah Kota Pangkal Pinang.' }]);
    const noLocation = await post('json', { ...valid(), lat: '', long: '' });
    expect(noLocation.statusCode).toBe(400);
    expect(await countRows(t.database.db, f.pemdaId)).toBe(before);
  });

  it('creates a request (JSON): service_request_id, service_notice, account_id; HTML stripped; attributes parsed; audited', async () => {
    const res = await post('json', { ...valid(), description: 'Lubang <b>besar</b><script>alert(1)</script> di jalan', 'attribute[MASALAH][]': ['lubang', 'genangan'], account_id: 'acc-7', first_name: 'Rahasia', last_name: 'Pelapor', phone: '081234567890', email: 'pelapor@contoh.id' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Array<Record<string, unknown>>;
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0] ?? {})).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(body[0]?.service_request_id).toMatch(/^LPR-[A-Z2-9]{8}$/);
    expect(body[0]?.service_notice).toBe('Ditinjau dalam 3 hari kerja.');
    expect(body[0]?.account_id).toBe('acc-7');
    const row = await t.database.db.selectFrom('complaint').selectAll().where('code', '=', body[0]?.service_request_id as string).executeTakeFirstOrThrow();
    expect(row.description).toBe('Lubang besar di jalan');
    expect(row.attributes).toEqual({ TINGKAT: 'berat', MASALAH: ['lubang', 'genangan'] });
    expect(row.kelurahan_kode).toBe(SEMABUNG_LAMA.kode);
    expect(row.opd_id).toBe(f.dpupr.id);
    expect(row.channel).toBe('open311');
    expect(row.client_id).toBe(f.clientId);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'diff', 'actor_kind']).where('pemda_id', '=', f.pemdaId).where('entity_id', '=', row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['complaints.filed']);
    expect(JSON.stringify(audit[0]?.diff)).not.toMatch(/Rahasia|081234567890|pelapor@contoh/);
    // Never in a public response.
    const list = await t.request({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=19.71&service_request_id=${row.code}` });
    expect(list.body).not.toMatch(/Rahasia|081234567890|pelapor@contoh/);
  });

  it('creates a request (XML): <service_requests><request> with an empty <account_id/>', async () => {
    const res = await post('xml', valid());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xmlChildNames(res.body, 'request')[0]).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(res.body).toContain('<account_id/>');
  });
});

describe('group commit under load', () => {
  it('files 40 concurrent requests, each with its own timeline entry and audit row, and the audit chain stays valid', async () => {
    const before = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', f.pemdaId).where('action', '=', 'complaints.filed').executeTakeFirstOrThrow();
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i % 2 ? 'json' : 'xml', { ...valid(), description: `Laporan serentak ${i}` })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 40 }, () => 200));
    const after = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', f.pemdaId).where('action', '=', 'complaints.filed').executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(40);
    const events = await t.database.db.selectFrom('complaint_event as e').innerJoin('complaint as c', 'c.id', 'e.complaint_id').select((eb) => eb.fn.countAll<number>().as('n')).where('c.description', 'like', 'Laporan serentak %').executeTakeFirstOrThrow();
    expect(events.n).toBe(40);
    const chain = await verifyAuditChain(t.database.db, f.pemdaId);
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);
  });
});

describe('GET requests', () => {
  it('JSON: every field of the spec in order, open/closed, w3 dates with the Pemda offset, numbers for lat/long', async () => {
    const created = (await post('json', { ...valid(), address_string: 'Jl. Semabung Lama No. 5' })).json() as Array<{ service_request_id: string }>;
    const code = created[0]?.service_request_id as string;
    const res = await t.request({ method: 'GET', url: `/open311/v2/requests/${code}.json?jurisdiction_id=19.71` });
    expect(res.statusCode).toBe(200);
    const [request] = res.json() as Array<Record<string, unknown>>;
    expect(Object.keys(request ?? {})).toEqual(REQUEST_FIELDS);
    expect(request).toMatchObject({ service_request_id: code, status: 'open', status_notes: 'Diterima', service_name: 'Jalan rusak', service_code: 'JLN-RUSAK', description: 'Lubang besar di Jl. Semabung Lama', agency_responsible: f.dpupr.name, service_notice: 'Ditinjau dalam 3 hari kerja.', address: 'Jl. Semabung Lama No. 5', address_id: null, zipcode: null, lat: SEMABUNG_LAMA.lat, long: SEMABUNG_LAMA.lng, media_url: null });
    expect(request?.requested_datetime).toMatch(/\+07:00$/);
    expect(request?.updated_datetime).toMatch(W3);
    expect(request?.expected_datetime).toMatch(/T23:59:59\+07:00$/);
  });

  it('XML: <service_requests><request> with the same fields', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/requests.xml?jurisdiction_id=19.71' });
    const items = xmlChildNames(res.body, 'request');
    expect(items.length).toBeGreaterThan(0);
    for (const names of items) expect(names).toEqual(REQUEST_FIELDS);
    expect(xmlTexts(res.body, 'status').every((s) => s === 'open' || s === 'closed')).toBe(true);
  });

  it('filters: service_request_id list overrides the rest; service_code and status lists; 90-day window', async () => {
    const all = (await t.request({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=19.71' })).json() as Array<{ service_request_id: string }>;
    const ids = all.slice(0, 2).map((r) => r.service_request_id);
    const byId = (await t.request({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=19.71&service_request_id=${ids.join(',')}&status=closed&service_code=SAMPAH` })).json() as Array<{ service_request_id: string }>;
    expect(byId.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
    const closed = (await t.request({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=19.71&status=closed' })).json() as unknown[];
    expect(closed).toEqual([]);
    const open = (await t.request({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=19.71&status=open,closed&service_code=JLN-RUSAK,SAMPAH' })).json() as unknown[];
    expect(open.length).toBe(all.length);
    const old = (await t.request({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=19.71&start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00%2B07:00' })).json() as unknown[];
    expect(old).toEqual([]);
    const span = await t.request({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=19.71&start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z' });
    expect(span.statusCode).toBe(400);
    expect(span.json()).toEqual([{ code: 400, description: 'Rentang start_date sampai end_date paling lama 90 hari.' }]);
    const noZone = await t.request({ method: 'GET', url: '/open311/v2/requests.xml?jurisdiction_id=19.71&start_date=2020-01-01T00:00:00' });
    expect(noZone.statusCode).toBe(400);
    expect(xmlTexts(noZone.body, 'description')[0]).toContain('start_date harus tanggal-waktu w3 dengan zona waktu');
    const badStatus = await t.request({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=19.71&status=pending' });
    expect(badStatus.json()).toEqual([{ code: 400, description: 'status harus open atau closed.' }]);
  });

  it('404 for an unknown request id, in XML and JSON', async () => {
    const xml = await t.request({ method: 'GET', url: '/open311/v2/requests/LPR-NOTHERE.xml?jurisdiction_id=19.71' });
    expect(xml.statusCode).toBe(404);
    expect(xmlTexts(xml.body, 'description')).toEqual(['service_request_id LPR-NOTHERE tidak ditemukan.']);
    const json = await t.request({ method: 'GET', url: '/open311/v2/requests/LPR-NOTHERE.json' });
    expect(json.json()).toEqual([{ code: 404, description: 'service_request_id LPR-NOTHERE tidak ditemukan.' }]);
  });

  it('tokens: an internal id resolves to its service_request_id; unknown tokens 404', async () => {
    const row = await t.database.db.selectFrom('complaint').select(['id', 'code']).where('pemda_id', '=', f.pemdaId).limit(1).executeTakeFirstOrThrow();
    const json = (await t.request({ method: 'GET', url: `/open311/v2/tokens/${row.id}.json` })).json() as Array<Record<string, unknown>>;
    expect(json).toEqual([{ service_request_id: row.code, token: row.id }]);
    const xml = await t.request({ method: 'GET', url: '/open311/v2/tokens/12345.xml' });
    expect(xml.statusCode).toBe(404);
  });
});

describe('updates (mySociety servicerequestupdates) and status mapping', () => {
  it('lists public events with update_id, service_request_id, status, updated_datetime, description, media_url', async () => {
    const code = ((await post('json', valid())).json() as Array<{ service_request_id: string }>)[0]?.service_request_id as string;
    const row = await t.database.db.selectFrom('complaint').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const user = await buildUser(t.database.db, f.pemdaId, 'operator_opd', { opdId: f.dpupr.id });
    const actor: UserActor = { kind: 'user', pemdaId: f.pemdaId, userId: user.id, role: 'operator_opd', opdId: f.dpupr.id, pegawaiId: null, name: 'Op', email: user.email, stage: 'full', sessionId: 's' };
    const ctx = { ...systemCtx(t.database.db), actor };
    await verifyComplaint(ctx, actor, row.id);
    await replyToComplaint(ctx, actor, row.id, { body: 'Tim sudah meninjau lokasi.', public: true });
    await replyToComplaint(ctx, actor, row.id, { body: 'catatan internal', public: false });
    const json = (await t.request({ method: 'GET', url: '/open311/v2/servicerequestupdates.json?jurisdiction_id=19.71' })).json() as Array<Record<string, unknown>>;
    const mine = json.filter((u) => u.service_request_id === code);
    expect(mine.map((u) => u.status)).toEqual(['investigating', 'action_scheduled']);
    expect(Object.keys(mine[0] ?? {})).toEqual(['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url']);
    expect(typeof mine[0]?.update_id).toBe('string');
    expect(mine[1]?.description).toBe('Tim sudah meninjau lokasi.');
    expect(JSON.stringify(json)).not.toContain('catatan internal');
    const xml = await t.request({ method: 'GET', url: '/open311/v2/servicerequestupdates.xml?jurisdiction_id=19.71' });
    expect(xml.body).toContain('<service_request_updates>');
    expect(xmlChildNames(xml.body, 'request_update')[0]).toEqual(['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url']);
    const request = (await t.request({ method: 'GET', url: `/open311/v2/requests/${code}.json` })).json() as Array<Record<string, unknown>>;
    expect(request[0]).toMatchObject({ status: 'open', status_notes: 'Ditindaklanjuti' });
  });
});

describe('several jurisdictions', () => {
  it('400 when jurisdiction_id is omitted; a key only works for its own Pemda; requests of another Pemda are 404', async () => {
    const other = await buildPemda(t.database.db, '53.71');
    clearComplaintCaches();
    const omitted = await t.request({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(omitted.statusCode).toBe(400);
    expect(xmlTexts(omitted.body, 'description')).toEqual(['jurisdiction_id wajib diisi: layanan ini melayani lebih dari satu Pemda.']);
    const otherKey = await inTransaction(systemCtx(t.database.db), (tx) => createOpen311Client(tx, other.id, 'Aplikasi lain'));
    const before = await countRows(t.database.db, f.pemdaId);
    const crossKey = await post('json', { ...valid(), api_key: otherKey.key });
    expect(crossKey.statusCode).toBe(403);
    expect(await countRows(t.database.db, f.pemdaId)).toBe(before);
    const code = (await t.database.db.selectFrom('complaint').select('code').where('pemda_id', '=', f.pemdaId).limit(1).executeTakeFirstOrThrow()).code;
    const cross = await t.request({ method: 'GET', url: `/open311/v2/requests/${code}.json?jurisdiction_id=53.71` });
    expect(cross.statusCode).toBe(404);
    const services = (await t.request({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=53.71' })).json() as unknown[];
    expect(services).toEqual([]);
  });
});
