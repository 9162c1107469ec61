import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { e2eEnv } from './browser';
import { freshTotpCode } from './totp';

/**
 * Sign-ins through the API (the session cookie is shared with the context's pages). Admin, Sekda and Kepala
 * Daerah must enrol TOTP at first sign-in: the secret is kept in the specs' temp directory, one file per account,
 * so every later sign-in of the run (another spec, another viewport) computes codes from it.
 */
export const ADMIN_TOTP_FILE = path.join(os.tmpdir(), 'pamong-e2e-admin-totp.txt');
export const SEKDA_EMAIL = 'sekda@pangkalpinang.demo';
export const SEKDA_TOTP_FILE = path.join(os.tmpdir(), 'pamong-e2e-sekda-totp.txt');

const apiOf = (target: BrowserContext | APIRequestContext): APIRequestContext => ('request' in target ? target.request : target);

/** An account that needs TOTP: enrols on first sign-in (writing the secret to `totpFile`), then uses codes. */
export async function signInWithTotp(target: BrowserContext | APIRequestContext, email: string, password: string, totpFile: string): Promise<void> {
  const api = apiOf(target);
  let login = await api.post('/api/v1/auth/login', { data: { email, password } });
  if (login.status() === 401 && existsSync(totpFile)) {
    login = await api.post('/api/v1/auth/login', { data: { email, password, totp: await freshTotpCode(readFileSync(totpFile, 'utf8')) } });
  }
  expect(login.status(), await login.text()).toBe(200);
  if (((await login.json()) as { stage: string }).stage === 'totp_enroll') {
    const setup = (await (await api.post('/api/v1/auth/totp/setup')).json()) as { secret: string };
    writeFileSync(totpFile, setup.secret);
    expect((await api.post('/api/v1/auth/totp/activate', { data: { code: await freshTotpCode(setup.secret) } })).status()).toBe(200);
  }
}

/** The run's admin (PAMONG_E2E_EMAIL / PAMONG_E2E_PASSWORD). */
export async function signInAdmin(target: BrowserContext | APIRequestContext): Promise<void> {
  const { email, password } = e2eEnv();
  await signInWithTotp(target, email, password, ADMIN_TOTP_FILE);
}

/** The demo Sekda (same password as the admin). */
export async function signInSekda(target: BrowserContext | APIRequestContext): Promise<void> {
  await signInWithTotp(target, SEKDA_EMAIL, e2eEnv().password, SEKDA_TOTP_FILE);
}

/** A demo account without TOTP (pegawai, OPD roles, BKPSDM, Inspektorat). */
export async function signInDemo(target: BrowserContext | APIRequestContext, email: string): Promise<void> {
  const login = await apiOf(target).post('/api/v1/auth/login', { data: { email, password: e2eEnv().password } });
  expect(login.status(), await login.text()).toBe(200);
  expect(((await login.json()) as { stage: string }).stage).toBe('full');
}
