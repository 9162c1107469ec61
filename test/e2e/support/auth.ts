import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { e2eEnv } from './browser';
import { freshTotpCode } from './totp';

/**
 * The demo admin must enrol TOTP at first sign-in; the secret is kept in the specs' temp directory so every later
 * sign-in of the run (another spec, another viewport) can compute codes.
 */
export const ADMIN_TOTP_FILE = path.join(os.tmpdir(), 'pamong-e2e-admin-totp.txt');

/** Signs the run's admin in through the API on this browser context (the session cookie is shared with its pages). */
export async function signInAdmin(context: BrowserContext): Promise<void> {
  const { email, password } = e2eEnv();
  const api = context.request;
  let login = await api.post('/api/v1/auth/login', { data: { email, password } });
  if (login.status() === 401 && existsSync(ADMIN_TOTP_FILE)) {
    login = await api.post('/api/v1/auth/login', { data: { email, password, totp: await freshTotpCode(readFileSync(ADMIN_TOTP_FILE, 'utf8')) } });
  }
  expect(login.status(), await login.text()).toBe(200);
  const stage = ((await login.json()) as { stage: string }).stage;
  if (stage === 'totp_enroll') {
    const setup = (await (await api.post('/api/v1/auth/totp/setup')).json()) as { secret: string };
    writeFileSync(ADMIN_TOTP_FILE, setup.secret);
    const activated = await api.post('/api/v1/auth/totp/activate', { data: { code: await freshTotpCode(setup.secret) } });
    expect(activated.status()).toBe(200);
  }
}
