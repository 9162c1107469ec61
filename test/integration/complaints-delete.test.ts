import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit';
import { buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { complaintFixture, form, SEMABUNG_LAMA, type ComplaintFixture } from './complaints-support';

/**
 * Deleting deadline classes and services from the catalogue (issue 6 leftover): allowed while nothing refers to the
 * row, refused with problem+json (Indonesian and English, pointing to deactivation) once something does, 404 across
 * Pemdas, admin only, one audit row per deletion.
 */
let t: TestApp;
let f: ComplaintFixture;
let other: ComplaintFixture;
let admin: string;
let otherAdmin: string;
let sekda: string;

interface Problem {
  code: string;
  detail: string;
  status: number;
}

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

const fileComplaint = async (serviceCode: string) => {
  const res = await t.request({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ api_key: f.apiKey, jurisdiction_id: '19.71', service_code: serviceCode, lat: String(SEMABUNG_LAMA.lat), long: String(SEMABUNG_LAMA.lng), description: 'Sampah menumpuk' }),
  });
  expect(res.statusCode, res.body).toBe(200);
};

const service = (code: string, slaClass = 'standar') => ({
  code,
  name: `Layanan ${code}`,
  description: '',
  group: 'Uji',
  keywords: [],
  opdId: f.dlh.id,
  territorial: false,
  slaClass,
  serviceNotice: null,
  active: true,
  attributes: [{ code: 'JENIS', variable: true, datatype: 'singlevaluelist', required: false, datatypeDescription: '', order: 1, description: 'Jenis', values: [{ key: 'a', name: 'A' }] }],
});

const auditOf = (pemdaId: string, entityType: string, entityId: string) =>
  t.database.db.selectFrom('audit_log').select(['action', 'diff', 'actor_kind', 'actor_role']).where('pemda_id', '=', pemdaId).where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('seq').execute();

const serviceCodes = async (cookie: string) => ((await t.request({ method: 'GET', url: '/api/v1/complaints/services', cookie })).json() as { items: Array<{ code: string }> }).items.map((s) => s.code);
const classCodes = async (cookie: string) => ((await t.request({ method: 'GET', url: '/api/v1/complaints/sla-classes', cookie })).json() as { items: Array<{ code: string }> }).items.map((c) => c.code);

describe('deleting a service', () => {
  it('deletes an unused service with its attributes, audited; only the admin of its own Pemda may', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/complaints/services', cookie: admin, payload: service('BARU-HAPUS') });
    expect(created.statusCode, created.body).toBe(201);

    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/services/BARU-HAPUS', cookie: sekda })).statusCode).toBe(403);
    const foreign = await t.request({ method: 'DELETE', url: '/api/v1/complaints/services/BARU-HAPUS', cookie: otherAdmin });
    expect(foreign.statusCode).toBe(404);
    expect((foreign.json() as Problem).code).toBe('COMPLAINT_SERVICE_NOT_FOUND');
    expect(await serviceCodes(admin)).toContain('BARU-HAPUS');

    const res = await t.request({ method: 'DELETE', url: '/api/v1/complaints/services/BARU-HAPUS', cookie: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await serviceCodes(admin)).not.toContain('BARU-HAPUS');
    const attributes = await t.database.db.selectFrom('complaint_service_attribute').select('code').where('pemda_id', '=', f.pemdaId).where('service_code', '=', 'BARU-HAPUS').execute();
    expect(attributes).toEqual([]);
    // Open311 no longer knows it.
    expect((await t.request({ method: 'GET', url: '/open311/v2/services/BARU-HAPUS.json?jurisdiction_id=19.71' })).statusCode).toBe(404);

    const audit = await auditOf(f.pemdaId, 'complaint_service', 'BARU-HAPUS');
    expect(audit.map((a) => a.action)).toEqual(['complaints.service.created', 'complaints.service.deleted']);
    expect(audit[1]).toMatchObject({ actor_kind: 'user', actor_role: 'admin_pemda' });
    expect(JSON.stringify(audit[1]?.diff)).toContain('Layanan BARU-HAPUS');
    expect(await verifyAuditChain(t.database.db, f.pemdaId)).toMatchObject({ ok: true });

    const again = await t.request({ method: 'DELETE', url: '/api/v1/complaints/services/BARU-HAPUS', cookie: admin });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a service a complaint was filed under, in Indonesian and English, pointing to deactivation', async () => {
    await fileComplaint('SAMPAH');
    const auditBefore = (await auditOf(f.pemdaId, 'complaint_service', 'SAMPAH')).length;

    const id = await t.request({ method: 'DELETE', url: '/api/v1/complaints/services/SAMPAH', cookie: admin });
    expect(id.statusCode).toBe(409);
    expect(id.headers['content-type']).toContain('application/problem+json');
    const problem = id.json() as Problem;
    expect(problem.code).toBe('COMPLAINT_SERVICE_IN_USE');
    expect(problem.detail).toMatch(/^Layanan SAMPAH tidak dapat dihapus karena masih dirujuk oleh \d+ pengaduan\. Nonaktifkan layanan ini/);

    const en = await t.request({ method: 'DELETE', url: '/api/v1/complaints/services/SAMPAH', cookie: admin, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(409);
    expect((en.json() as Problem).detail).toMatch(/^Service SAMPAH cannot be deleted: it is still referred to by \d+ complaints?\. Deactivate it instead/);

    expect(await serviceCodes(admin)).toContain('SAMPAH');
    expect(await auditOf(f.pemdaId, 'complaint_service', 'SAMPAH')).toHaveLength(auditBefore);
  });
});

describe('deleting a deadline class', () => {
  it('deletes an unused class, audited, and it stays deleted (the defaults are not put back)', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/complaints/sla-classes', cookie: admin, payload: { code: 'kilat', name: 'Kilat', verifyDays: 1, respondDays: 1, resolveDays: 3, legalBasis: 'Perkada 1/2026' } });
    expect(created.statusCode).toBe(201);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/kilat', cookie: sekda })).statusCode).toBe(403);
    const foreign = await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/kilat', cookie: otherAdmin });
    expect(foreign.statusCode).toBe(404);
    expect((foreign.json() as Problem).code).toBe('COMPLAINT_SLA_NOT_FOUND');

    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/kilat', cookie: admin })).statusCode).toBe(200);
    // 'segera' is one of the defaults: deleted, it must not come back on the next read.
    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/segera', cookie: admin })).statusCode).toBe(200);
    expect(await classCodes(admin)).toEqual(['administrasi', 'standar']);
    expect(await classCodes(otherAdmin)).toEqual(['administrasi', 'segera', 'standar']);

    const audit = await auditOf(f.pemdaId, 'complaint_sla_class', 'segera');
    expect(audit.map((a) => a.action)).toEqual(['complaints.sla_class.deleted']);
    expect(JSON.stringify(audit[0]?.diff)).toContain('Segera (darurat/keselamatan)');
    expect(await verifyAuditChain(t.database.db, f.pemdaId)).toMatchObject({ ok: true });
  });

  it('refuses a class used by services, and one only complaints were filed under', async () => {
    const used = await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/standar', cookie: admin });
    expect(used.statusCode).toBe(409);
    expect((used.json() as Problem).code).toBe('COMPLAINT_SLA_IN_USE');
    expect((used.json() as Problem).detail).toMatch(/^Kelas tenggat standar tidak dapat dihapus karena masih dirujuk oleh 3 layanan dan \d+ pengaduan\./);

    // A class a complaint was filed under keeps it even after every service left it: its due dates came from it.
    const klass = await t.request({ method: 'POST', url: '/api/v1/complaints/sla-classes', cookie: admin, payload: { code: 'sementara', name: 'Sementara', verifyDays: 2, respondDays: 4, resolveDays: 30, legalBasis: 'Uji' } });
    expect(klass.statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: '/api/v1/complaints/services', cookie: admin, payload: service('PINDAH', 'sementara') })).statusCode).toBe(201);
    await fileComplaint('PINDAH');
    const { code: _code, ...moved } = service('PINDAH', 'standar');
    expect((await t.request({ method: 'PUT', url: '/api/v1/complaints/services/PINDAH', cookie: admin, payload: moved })).statusCode).toBe(200);

    const en = await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/sementara', cookie: admin, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(409);
    expect((en.json() as Problem).detail).toBe(
      'Deadline class sementara cannot be deleted: it is still referred to by 1 complaint. Move the services to another class or deactivate them; a class used by complaints stays as the basis of their deadlines.',
    );
    expect(await classCodes(admin)).toContain('sementara');
    expect(await auditOf(f.pemdaId, 'complaint_sla_class', 'sementara')).toHaveLength(1);

    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/tidakada', cookie: admin })).statusCode).toBe(404);
  });

  it('refuses the last class of a Pemda', async () => {
    const pemda = await buildPemda(t.database.db);
    const cookie = (await buildUser(t.database.db, pemda.id, 'admin_pemda')).cookie;
    expect(await classCodes(cookie)).toEqual(['administrasi', 'segera', 'standar']);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/segera', cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/administrasi', cookie })).statusCode).toBe(200);
    const last = await t.request({ method: 'DELETE', url: '/api/v1/complaints/sla-classes/standar', cookie });
    expect(last.statusCode).toBe(409);
    expect((last.json() as Problem).code).toBe('COMPLAINT_SLA_LAST');
    expect(await classCodes(cookie)).toEqual(['standar']);
  });
});

describe('OpenAPI', () => {
  it('documents both deletions with their 404 and 409 problems', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>> };
    for (const path of ['/api/v1/complaints/services/{code}', '/api/v1/complaints/sla-classes/{code}']) {
      const op = doc.paths[path]?.delete;
      expect(op?.summary, path).toBeTruthy();
      expect(Object.keys(op?.responses ?? {}).sort(), path).toEqual(['200', '404', '409']);
    }
  });
});
