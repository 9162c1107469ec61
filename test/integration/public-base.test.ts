import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPemda } from '../factories';
import { createTestApp, type TestApp } from '../support/app';
import { complaintFixture } from './complaints-support';

/**
 * Links that leave the app use PAMONG_PUBLIC_URL when it is set, not the host of the request: a QR code printed
 * from an internal address would not open for the public (open311.test.ts covers the fallback to the host). The IKM counter QR code is built from the same function..
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PAMONG_PUBLIC_URL: 'https://lapor.pangkalpinang.go.id/' });
  const pemda = await buildPemda(t.database.db, '19.71');
  await complaintFixture(t.database.db, pemda);
});
afterAll(async () => t?.close());

describe('public base URL', () => {
  it('the Open311 discovery names the configured public address', async () => {
    const res = await t.request({ method: 'GET', url: '/open311/v2/discovery.json', headers: { host: 'pamong-internal:3000' } });
    expect(res.json().endpoints[0].url).toBe('https://lapor.pangkalpinang.go.id/open311/v2');
  });
});
