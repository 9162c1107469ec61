import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/** IKM (PermenPANRB 14/2017, BRIEF 4.7): units, the public questionnaire, the report and its PDF. */
let t: TestApp;
let pemda: { id: string };
let opd: { id: string };
let unitId: string;
let admin: { cookie: string };

beforeAll(async () => {
  process.env.PAMONG_SURVEI_RATE_PER_MINUTE = '1000';
  t = await createTestApp();
  pemda = await buildPemda(t.database.db, '19.71');
  opd = await buildOpd(t.database.db, pemda.id, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
  admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
});
afterAll(async () => t?.close());

const answers = (values: number[]) => Object.fromEntries(values.map((v, i) => [`u${i + 1}`, v]));

describe('IKM', () => {
  it('admin adds a unit (audited); others 403; 400 with the exact message', async () => {
    const op = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opd.id });
    const payload = { code: 'LOKET', name: 'Loket Pelayanan', opdId: opd.id, population: 100 };
    expect((await t.request({ method: 'POST', url: '/api/v1/ikm/units', payload, cookie: op.cookie })).statusCode).toBe(403);
    const bad = await t.request({ method: 'POST', url: '/api/v1/ikm/units', payload: { ...payload, population: 0 }, cookie: admin.cookie });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: Array<{ message: string }> }).errors[0]?.message).toBe('population minimal 1');
    const res = await t.request({ method: 'POST', url: '/api/v1/ikm/units', payload, cookie: admin.cookie });
    expect(res.statusCode).toBe(201);
    unitId = (res.json() as { id: string }).id;
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', unitId).execute();
    expect(audit.map((a) => a.action)).toEqual(['ikm.unit.created']);
  });

  it('the public answers the nine elements 1-4 without an account; out-of-range answers are refused', async () => {
    const unit = await t.request({ method: 'GET', url: `/api/v1/public/survei/${unitId}` });
    expect((unit.json() as { elements: Array<{ code: string }> }).elements.map((e) => e.code)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    const bad = await t.request({ method: 'POST', url: `/api/v1/public/survei/${unitId}`, payload: answers([5, 3, 3, 3, 3, 3, 3, 3, 3]) });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: Array<{ message: string }> }).errors[0]?.message).toBe('u1 maksimal 4');
    expect((await t.request({ method: 'GET', url: '/api/v1/public/survei/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    // 1,000 answers whose element means give IKM 3.059: eight elements at 3, U9 at 3.531 (531 fours, 469 threes).
    const rows = [];
    for (let i = 0; i < 1000; i += 1) rows.push({ pemda_id: pemda.id, unit_id: unitId, answered_on: '2026-02-10', u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: i < 531 ? 4 : 3, sex: i % 2 ? ('L' as const) : ('P' as const), age_group: null, education: null, occupation: null, complaint_id: null, suggestion: null });
    for (let i = 0; i < rows.length; i += 250) await t.database.db.insertInto('ikm_response').values(rows.slice(i, i + 250)).execute();
    const ok = await t.request({ method: 'POST', url: `/api/v1/public/survei/${unitId}`, payload: { ...answers([4, 4, 4, 4, 4, 4, 4, 4, 4]), sex: 'P', ageGroup: '30-39' } });
    expect(ok.statusCode).toBe(201);
  });

  it('reports NRR, IKM 3.059, converted 76.48, category by the 2017 table, and Krejcie-Morgan progress', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report?period=2026-02`, cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    const report = res.json() as { respondents: number; index: number; converted: number; category: string; categoryLabel: { id: string }; minimumSample: number; sampleProgress: number; elements: Array<{ code: string; nrr: number }>; profile: { sex: Record<string, number> } };
    expect(report.respondents).toBe(1000);
    expect(report.elements.find((e) => e.code === 'u9')?.nrr).toBe(3.531);
    expect(report.index).toBe(3.059);
    expect(report.converted).toBe(76.48);
    expect(report.category).toBe('C');
    expect(report.categoryLabel.id).toBe('Kurang Baik');
    // N = 100 a year, 28/365 of it in February: 8 -> minimum sample 8; reached.
    expect(report.minimumSample).toBe(8);
    expect(report.sampleProgress).toBe(1);
    expect(report.profile.sex).toEqual({ L: 500, P: 500 });
    const year = (await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report?period=2026`, cookie: admin.cookie })).json() as { minimumSample: number; respondents: number };
    expect(year.minimumSample).toBe(80);
    const bad = await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report?period=2026-13`, cookie: admin.cookie });
    expect((bad.json() as { detail: string }).detail).toBe('Periode tidak valid: gunakan YYYY, YYYY-MM, YYYY-Q1..Q4 atau YYYY-S1/S2.');
  });

  it('serves the report as PDF; another Pemda or another OPD gets 404', async () => {
    const pdf = await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report.pdf?period=2026-Q1`, cookie: admin.cookie });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const otherPemda = await buildPemda(t.database.db, '53.71');
    const foreign = await buildUser(t.database.db, otherPemda.id, 'admin_pemda');
    expect((await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report?period=2026`, cookie: foreign.cookie })).statusCode).toBe(404);
    const otherOpd = await buildOpd(t.database.db, pemda.id);
    const op = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: otherOpd.id });
    expect((await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report?period=2026`, cookie: op.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/ikm/units/${unitId}/report?period=2026` })).statusCode).toBe(401);
  });
});
