import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/modules/auth/totp';
import { buildOpd, buildPemda, buildUser, TEST_PASSWORD } from '../factories';
import { createTestApp, sessionCookieOf, type TestApp } from '../support/app';

let t: TestApp;
let pemda: { id: string; kode: string };

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
});
afterAll(async () => t?.close());

const cookieOf = sessionCookieOf;

describe('health', () => {
  it('answers ok with the database kind', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});

describe('login', () => {
  it('refuses a wrong password with an Indonesian problem, English on request', async () => {
    const user = await buildUser(t.database.db, pemda.id, 'bkpsdm');
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'salah-sekali-123' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', detail: 'Email atau kata sandi salah.', status: 401 });
    const en = await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { email: user.email, password: 'wrong-again-123' } });
    expect(en.json().detail).toBe('Wrong e-mail or password.');
  });

  it('locks the account after five failures, even with the right password', async () => {
    const user = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: (await buildOpd(t.database.db, pemda.id)).id });
    for (let i = 0; i < 5; i += 1) {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: `wrong-${i}-password` } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('AUTH_LOCKED');
  });

  it('signs in, sets an httpOnly SameSite cookie, and logs out', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const user = await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opd.id });
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/);
    expect(res.json()).toMatchObject({ stage: 'full', me: { role: 'operator_opd', opdId: opd.id } });
    const cookie = cookieOf(res.headers);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('makes a sekda enrol TOTP before anything else, then requires the code', async () => {
    const user = await buildUser(t.database.db, pemda.id, 'sekda');
    const first = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(first.json().stage).toBe('totp_enroll');
    const cookie = cookieOf(first.headers);
    const blocked = await t.request({ method: 'GET', url: '/api/v1/users', cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('AUTH_STAGE_TOTP_ENROLL');
    const setup = await t.request({ method: 'POST', url: '/api/v1/auth/totp/setup', cookie });
    expect(setup.statusCode).toBe(200);
    const { secret, qrSvg } = setup.json();
    expect(qrSvg).toContain('<svg');
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/totp/activate', cookie, payload: { code: '000000' } })).statusCode).toBe(401);
    const ok = await t.request({ method: 'POST', url: '/api/v1/auth/totp/activate', cookie, payload: { code: currentTotp(secret) } });
    expect(ok.json().stage).toBe('full');
    const noCode = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(noCode.json().code).toBe('AUTH_TOTP_REQUIRED');
    const withCode = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD, totp: currentTotp(secret) } });
    expect(withCode.json().stage).toBe('full');
    const row = await t.database.db.selectFrom('app_user').select('totp_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(secret);
  });

  it('changes the password, refusing weak ones with a clear message', async () => {
    const user = await buildUser(t.database.db, pemda.id, 'inspektorat');
    const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    const cookie = cookieOf(login.headers);
    const weak = await t.request({ method: 'POST', url: '/api/v1/auth/password', cookie, payload: { currentPassword: TEST_PASSWORD, newPassword: 'password123' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('AUTH_WEAK_PASSWORD_TOO_COMMON');
    const ok = await t.request({ method: 'POST', url: '/api/v1/auth/password', cookie, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Kopi-Pagi-Betason-77' } });
    expect(ok.statusCode).toBe(200);
    const again = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'Kopi-Pagi-Betason-77' } });
    expect(again.statusCode).toBe(200);
  });

  it('answers validation errors field by field in Indonesian', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@y.z' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'password', message: 'password wajib diisi' }] });
  });

  it('refuses a huge body with 413 and a malformed one with 400', async () => {
    const huge = await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a'.repeat(2_000_000), password: 'x' }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('BODY_TOO_LARGE');
    const bad = await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MALFORMED_JSON');
  });
});
