import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAdmin } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser } from './support/browser';
import { freshTotpCode } from './support/totp';

/**
 * The coordination journey (issue 4): the sekda issues a signed directive to three OPDs, an OPD operator reports
 * completion with a photo from a phone, the sekda accepts, and the public verification page shows the signature
 * valid to anyone. Screenshots of every coordination screen at 1280x800 and 360x740.
 */
const PASSWORD = 'Koordinasi-Betason-2026';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Signs a new account in: replaces the temporary password and enrols TOTP when the role requires it. */
async function firstSignIn(context: BrowserContext, email: string, temporary: string): Promise<void> {
  const api = context.request;
  const login = await api.post('/api/v1/auth/login', { data: { email, password: temporary } });
  expect(login.status(), await login.text()).toBe(200);
  let stage = ((await login.json()) as { stage: string }).stage;
  if (stage === 'totp_enroll') {
    const setup = (await (await api.post('/api/v1/auth/totp/setup')).json()) as { secret: string };
    const activated = await api.post('/api/v1/auth/totp/activate', { data: { code: await freshTotpCode(setup.secret) } });
    stage = ((await activated.json()) as { stage: string }).stage;
  }
  if (stage === 'password_change') {
    const changed = await api.post('/api/v1/auth/password', { data: { currentPassword: temporary, newPassword: PASSWORD } });
    expect(changed.status(), await changed.text()).toBe(200);
  }
}

interface Opd {
  id: string;
  name: string;
  kind: string;
}

describe('coordination', () => {
  let admin: OpenBrowser;
  let sekda: OpenBrowser;
  let operator: OpenBrowser;
  let opds: Opd[];
  let directive: { id: string; code: string };

  beforeAll(async () => {
    e2eEnv();
    admin = await openBrowser({ viewport: 'desktop' });
    await signInAdmin(admin.context);
    opds = ((await (await admin.context.request.get('/api/v1/opd')).json()) as { items: Opd[] }).items;
    const chosen = ['Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial'].map((name) => opds.find((o) => o.name === name) as Opd);
    expect(chosen.every(Boolean)).toBe(true);
    opds = chosen;
    const suffix = Date.now().toString(36);
    const create = async (role: string, opdId: string | null) => {
      const res = await admin.context.request.post('/api/v1/users', { data: { email: `${role}.${suffix}@pangkalpinang.demo`, name: role === 'sekda' ? 'Sekretaris Daerah (demo)' : 'Operator Dinkes (demo)', role, opdId } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { user: { email: string }; temporaryPassword: string };
    };
    const sekdaAccount = await create('sekda', null);
    const operatorAccount = await create('operator_opd', chosen[0]?.id ?? null);
    sekda = await openBrowser({ viewport: 'desktop' });
    await firstSignIn(sekda.context, sekdaAccount.user.email, sekdaAccount.temporaryPassword);
    operator = await openBrowser({ viewport: 'phone' });
    await firstSignIn(operator.context, operatorAccount.user.email, operatorAccount.temporaryPassword);
  });

  afterAll(async () => {
    await Promise.all([admin?.close(), sekda?.close(), operator?.close()]);
  });

  test('the sekda issues a signed directive to three OPDs', async () => {
    const { page } = sekda;
    await page.goto('/koordinasi/pimpinan', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Kotak masuk pimpinan' }).waitFor();
    await screenshot(page, 'coordination-leader-inbox-desktop');
    await page.goto('/koordinasi/arahan/baru', { waitUntil: 'networkidle' });
    await page.getByLabel('Isi arahan', { exact: true }).fill('Petakan kelurahan rawan stunting dan laporkan rencana intervensi terukur per kelurahan.');
    await page.getByLabel('Kategori (pisahkan dengan koma)').fill('stunting, kemiskinan');
    await page.getByLabel('Tenggat (hari kerja dari hari ini)').fill('10');
    for (const opd of opds) await page.getByRole('checkbox', { name: opd.name, exact: true }).check();
    await screenshot(page, 'coordination-issue-form-desktop');
    await page.getByRole('button', { name: 'Terbitkan arahan' }).click();
    await page.waitForURL(/\/koordinasi\/arahan\/[0-9a-f-]{36}$/);
    await page.getByText('Tanda tangan elektronik sah').waitFor();
    const id = page.url().split('/').pop() as string;
    const detail = (await (await sekda.context.request.get(`/api/v1/coordination/directives/${id}`)).json()) as { code: string; opdCount: number };
    expect(detail.opdCount).toBe(3);
    directive = { id, code: detail.code };
    await screenshot(page, 'coordination-directive-issued-desktop');
  });

  test('an OPD operator reports completion with a photo from a phone', async () => {
    const { page } = operator;
    await page.goto('/koordinasi/opd-saya', { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: /Petakan kelurahan rawan stunting/ }).first().click();
    await page.waitForURL(`**/koordinasi/arahan/${directive.id}`);
    await page.getByLabel('Status baru').selectOption('selesai');
    await page.getByLabel('Uraian').fill('Pemetaan selesai: 7 kelurahan rawan, rencana intervensi terlampir.');
    const photo = path.join(mkdtempSync(path.join(os.tmpdir(), 'pamong-photo-')), 'posyandu.png');
    writeFileSync(photo, PNG);
    await page.setInputFiles('#co-fu-files', photo);
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.getByRole('status').filter({ hasText: 'Terkirim.' }).waitFor();
    await page.locator('.co-files img').first().waitFor();
    await screenshot(page, 'coordination-followup-phone');
    await checkA11y(page, { label: 'directive page (phone)' });
  });

  test('the sekda accepts, and the public page verifies the signature', async () => {
    const { page } = sekda;
    await page.goto(`/koordinasi/arahan/${directive.id}`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Terima' }).click();
    await page.locator('.co-status.diterima').first().waitFor();
    await screenshot(page, 'coordination-directive-accepted-desktop');
    await checkA11y(page, { label: 'directive page' });

    const visitor = await openBrowser({ viewport: 'phone' });
    try {
      await visitor.page.goto(`/v/${directive.code}`, { waitUntil: 'networkidle' });
      await visitor.page.getByText('Tanda tangan elektronik sah').waitFor();
      expect(await visitor.page.textContent('body')).toContain('Petakan kelurahan rawan stunting');
      await screenshot(visitor.page, 'coordination-verify-public-phone');
      await checkA11y(visitor.page, { label: 'public verification' });
      await visitor.page.goto('/v/1971-0000000000', { waitUntil: 'networkidle' });
      await visitor.page.getByText('Kode verifikasi tidak dikenal').waitFor();
    } finally {
      await visitor.close();
    }
  });

  test('the other coordination screens render at desktop and phone widths', async () => {
    const { page } = sekda;
    const meetings = (await (await sekda.context.request.get('/api/v1/coordination/meetings')).json()) as { items: Array<{ id: string; title: string }> };
    const coffee = meetings.items.find((m) => m.title.startsWith('Coffee morning: rapat')) ?? meetings.items[0];
    expect(coffee).toBeTruthy();
    await page.goto('/koordinasi/arahan?status=overdue', { waitUntil: 'networkidle' });
    await screenshot(page, 'coordination-directives-overdue-desktop');
    await page.goto(`/koordinasi/rapat/${coffee?.id}`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Tampilkan QR presensi' }).click();
    await page.locator('.co-qr svg').waitFor();
    await screenshot(page, 'coordination-meeting-qr-desktop');
    await page.goto('/koordinasi/laporan', { waitUntil: 'networkidle' });
    await screenshot(page, 'coordination-reports-desktop');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/koordinasi/pimpinan', { waitUntil: 'networkidle' });
    await screenshot(page, 'coordination-leader-inbox-phone');
    await checkA11y(page, { label: 'leader inbox (phone)' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
