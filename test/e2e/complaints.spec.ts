import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser, type ViewportName } from './support/browser';
import { freshTotpCode } from './support/totp';

/**
 * The complaints journey (issue 6): a citizen files from a phone with a photo and a map point, the Dinas Kesehatan
 * operator replies, the citizen sees the reply on the tracking page; then the staff screens (queue, complaint,
 * dashboard with map, IKM report) and the public IKM questionnaire, at 1280x800 and 360x740, axe-clean.
 */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const OPERATOR = 'operator.dinkes@pangkalpinang.demo';
const SEKDA = 'sekda@pangkalpinang.demo';
const SEKDA_TOTP_FILE = path.join(os.tmpdir(), 'pamong-e2e-sekda-totp.txt');

/** The sekda must use TOTP: enrol on first sign-in, reuse the secret afterwards. */
async function sekdaSignIn(api: APIRequestContext): Promise<void> {
  const { password } = e2eEnv();
  let login = await api.post('/api/v1/auth/login', { data: { email: SEKDA, password } });
  if (login.status() === 401 && existsSync(SEKDA_TOTP_FILE)) {
    login = await api.post('/api/v1/auth/login', { data: { email: SEKDA, password, totp: await freshTotpCode(readFileSync(SEKDA_TOTP_FILE, 'utf8')) } });
  }
  expect(login.status(), await login.text()).toBe(200);
  if (((await login.json()) as { stage: string }).stage === 'totp_enroll') {
    const setup = (await (await api.post('/api/v1/auth/totp/setup')).json()) as { secret: string };
    writeFileSync(SEKDA_TOTP_FILE, setup.secret);
    expect((await api.post('/api/v1/auth/totp/activate', { data: { code: await freshTotpCode(setup.secret) } })).status()).toBe(200);
  }
}

describe('complaints', () => {
  let citizen: OpenBrowser;
  let operator: OpenBrowser;
  let code = '';

  beforeAll(async () => {
    e2eEnv();
    citizen = await openBrowser({ viewport: 'phone' });
    operator = await openBrowser({ viewport: 'desktop' });
  });
  afterAll(async () => {
    await citizen?.close();
    await operator?.close();
  });

  test('a citizen files from a phone with a photo and a map point', async () => {
    const { page } = citizen;
    await page.goto('/lapor');
    await page.getByLabel('Jenis pengaduan').selectOption('KESEHATAN');
    await page.getByLabel('Uraian').fill('Obat hipertensi kosong di puskesmas sejak dua minggu. Mohon segera ditindaklanjuti.');
    const map = page.locator('svg.cmp-map');
    await map.waitFor();
    const box = await map.boundingBox();
    expect(box).not.toBeNull();
    // Tap the middle of the city: the kelurahan is found by point-in-polygon and named at once.
    await map.click({ position: { x: (box?.width ?? 0) * 0.5, y: (box?.height ?? 0) * 0.5 } });
    await expect.poll(() => page.getByText(/Kelurahan /).first().isVisible()).toBe(true);
    await page.getByLabel('Foto (opsional)').setInputFiles({ name: 'obat.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Nama', { exact: true }).fill('Warga Demo');
    await page.getByLabel('Nomor HP atau e-mail').fill('081200001111');
    await checkA11y(page, { label: 'lapor form phone' });
    await screenshot(page, 'complaints-form-phone');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    const codeNode = page.getByTestId('tracking-code');
    await codeNode.waitFor();
    code = (await codeNode.textContent())?.trim() ?? '';
    expect(code).toMatch(/^LPR-/);
    await checkA11y(page, { label: 'lapor filed phone' });
    await screenshot(page, 'complaints-filed-phone');
  });

  test('the OPD operator replies in public', async () => {
    const { page, context } = operator;
    const { password } = e2eEnv();
    const login = await context.request.post('/api/v1/auth/login', { data: { email: OPERATOR, password } });
    expect(login.status(), await login.text()).toBe(200);
    await page.goto('/pengaduan');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Pengaduan ${code}` }).waitFor();
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Tersimpan.').waitFor();
    await page.getByLabel('Tanggapan').fill('Stok obat hipertensi sudah dikirim dari gudang farmasi kota hari ini.');
    await page.getByRole('button', { name: 'Kirim tanggapan publik' }).click();
    await page.getByText('Stok obat hipertensi sudah dikirim').first().waitFor();
    await checkA11y(page, { label: 'complaint detail' });
    await screenshot(page, 'complaints-detail-desktop');
    await page.goto('/pengaduan');
    await page.locator('table.data-table').waitFor();
    await checkA11y(page, { label: 'queue' });
    await screenshot(page, 'complaints-queue-desktop');
  });

  test('the citizen sees the reply on the tracking page', async () => {
    const { page } = citizen;
    await page.goto(`/lapor/${code}`);
    await page.getByText('Stok obat hipertensi sudah dikirim dari gudang farmasi kota hari ini.').waitFor();
    await expect.poll(() => page.getByText('Ditindaklanjuti').first().isVisible()).toBe(true);
    await checkA11y(page, { label: 'tracking phone' });
    await screenshot(page, 'complaints-tracking-phone');
  });

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    test(`coordinator dashboard, IKM report and questionnaire (${viewport})`, async () => {
      const browser = await openBrowser({ viewport });
      try {
        const { page, context } = browser;
        await sekdaSignIn(context.request);
        await page.goto('/pengaduan/dasbor');
        await page.locator('svg.cmp-map').waitFor();
        await page.getByRole('heading', { name: 'Kepatuhan tenggat per perangkat daerah' }).waitFor();
        await checkA11y(page, { label: `dashboard ${viewport}` });
        await screenshot(page, `complaints-dashboard-${viewport}`);
        await page.goto('/ikm');
        await page.getByRole('link', { name: 'Unduh laporan PDF' }).waitFor();
        await checkA11y(page, { label: `ikm ${viewport}` });
        await screenshot(page, `complaints-ikm-${viewport}`);
        const surveyUrl = await page.getByRole('link', { name: /\/survei\// }).getAttribute('href');
        await page.goto(surveyUrl ?? '/');
        for (let i = 1; i <= 9; i += 1) await page.locator(`input[name="u${i}"][value="${i % 2 ? 3 : 4}"]`).check();
        await checkA11y(page, { label: `survey ${viewport}` });
        await screenshot(page, `complaints-survey-${viewport}`);
        await page.getByRole('button', { name: 'Kirim penilaian' }).click();
        await page.getByText('Terima kasih. Penilaian Anda sudah kami terima.').waitFor();
        await page.goto('/lapor');
        await page.locator('svg.cmp-map').waitFor();
        await screenshot(page, `complaints-form-${viewport}`);
      } finally {
        await browser.close();
      }
    });
  }
});
