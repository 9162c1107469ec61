import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPemda } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { complaintFixture, form, multipart, SEMABUNG_LAMA, type ComplaintFixture } from './complaints-support';

/** Abuse: per-IP rate limits on the public form and on Open311 POST requests (allowances lowered for the test). */
let t: TestApp;
let f: ComplaintFixture;

beforeAll(async () => {
  process.env.PAMONG_LAPOR_RATE_PER_MINUTE = '3';
  process.env.PAMONG_OPEN311_RATE_PER_MINUTE = '3';
  t = await createTestApp();
  f = await complaintFixture(t.database.db, await buildPemda(t.database.db, '19.71'));
});
afterAll(async () => {
  delete process.env.PAMONG_LAPOR_RATE_PER_MINUTE;
  delete process.env.PAMONG_OPEN311_RATE_PER_MINUTE;
  await t?.close();
});

describe('rate limits per IP', () => {
  it('the public form answers 429 problem+json after its allowance, per client IP', async () => {
    const body = multipart({ serviceCode: 'SAMPAH', description: 'Sampah menumpuk', lat: String(SEMABUNG_LAMA.lat), lng: String(SEMABUNG_LAMA.lng) });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await t.request({ method: 'POST', url: '/api/v1/public/lapor', payload: body.payload, headers: body.headers, remoteAddress: '10.1.1.1' })).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await t.request({ method: 'POST', url: '/api/v1/public/lapor', payload: body.payload, headers: body.headers, remoteAddress: '10.1.1.1' });
    expect((limited.json() as { code: string; detail: string }).code).toBe('RATE_LIMITED');
    expect((await t.request({ method: 'POST', url: '/api/v1/public/lapor', payload: body.payload, headers: body.headers, remoteAddress: '10.1.1.2' })).statusCode).toBe(201);
  });

  it('Open311 POST requests answer 429 in the spec error format', async () => {
    const payload = form({ api_key: f.apiKey, service_code: 'SAMPAH', description: 'Sampah', lat: String(SEMABUNG_LAMA.lat), long: String(SEMABUNG_LAMA.lng) });
    const statuses = [];
    let last = '';
    for (let i = 0; i < 4; i += 1) {
      const res = await t.request({ method: 'POST', url: '/open311/v2/requests.xml', payload, headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: '10.2.2.2' });
      statuses.push(res.statusCode);
      last = res.body;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>429</code>\n    <description>Terlalu banyak permintaan dari alamat ini. Coba lagi nanti.</description>\n  </error>\n</errors>\n');
  });
});
