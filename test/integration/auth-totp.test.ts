import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/modules/auth/totp';
import { buildPemda, buildUser, TEST_PASSWORD } from '../factories';
import { createTestApp, sessionCookieOf, type TestApp } from '../support/app';

/** Moving the authenticator to another phone (its own app: the login rate limit counts per process and IP). */
let t: TestApp;
let pemda: { id: string; kode: string };

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
});
afterAll(async () => t?.close());

const cookieOf = sessionCookieOf;

describe('TOTP re-enrolment', () => {
  it('keeps the authenticator in use until a new one is confirmed (moving to another phone)', async () => {
    const user = await buildUser(t.database.db, pemda.id, 'sekda');
    const first = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    let cookie = cookieOf(first.headers);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json().totpEnabled).toBe(false);
    const oldSecret = (await t.request({ method: 'POST', url: '/api/v1/auth/totp/setup', cookie })).json().secret as string;
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/totp/activate', cookie, payload: { code: currentTotp(oldSecret) } })).json().stage).toBe('full');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json().totpEnabled).toBe(true);

    // A set-up started and abandoned: the old phone still signs in, the new secret does not.
    const newSecret = (await t.request({ method: 'POST', url: '/api/v1/auth/totp/setup', cookie })).json().secret as string;
    expect(newSecret).not.toBe(oldSecret);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json().totpEnabled).toBe(true);
    const withOld = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD, totp: currentTotp(oldSecret) } });
    expect(withOld.json().stage).toBe('full');
    cookie = cookieOf(withOld.headers);
    if (currentTotp(newSecret) !== currentTotp(oldSecret)) {
      const withNew = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD, totp: currentTotp(newSecret) } });
      expect(withNew.statusCode).toBe(401);
    }

    // Confirmed: the new phone replaces the old one.
    const again = (await t.request({ method: 'POST', url: '/api/v1/auth/totp/setup', cookie })).json().secret as string;
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/totp/activate', cookie, payload: { code: currentTotp(again) } })).statusCode).toBe(200);
    const viaNew = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD, totp: currentTotp(again) } });
    expect(viaNew.json().stage).toBe('full');
    if (currentTotp(again) !== currentTotp(oldSecret)) {
      const viaOld = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD, totp: currentTotp(oldSecret) } });
      expect(viaOld.statusCode).toBe(401);
    }
    const row = await t.database.db.selectFrom('app_user').select(['totp_pending_secret']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_pending_secret).toBeNull();
    // Activating with nothing pending is refused.
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/totp/activate', cookie, payload: { code: currentTotp(again) } })).json().code).toBe('AUTH_TOTP_NOT_STARTED');
  });
});
