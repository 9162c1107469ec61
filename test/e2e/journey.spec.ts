import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser, type ViewportName } from './support/browser';
import { freshTotpCode } from './support/totp';

/**
 * The first journey of an administrator, through the screens only: sign in (enrolling TOTP the first time), the
 * dashboard, the OPD list, one OPD (Dinas Kesehatan when the Pemda has one), a pegawai search, the region map.
 * Every screen on a 1280x800 desktop and a 360x740 phone: screenshot, axe (no serious or critical violation), and
 * on the phone no sideways scrolling.
 *
 * The admin's TOTP secret is shared with the other specs of the run through the temp directory (the first spec
 * that signs the admin in enrols; the others compute codes from the file).
 */
const TOTP_FILE = path.join(os.tmpdir(), 'pamong-e2e-admin-totp.txt');
const VIEWPORTS: ViewportName[] = ['desktop', 'phone'];

/** Widest the page may be: no horizontal scrolling of the page on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth));
  expect(scrollWidth, 'page wider than the screen').toBeLessThanOrEqual(width + 1);
}

/** Screenshot, axe and layout checks for the current screen. */
async function record(page: Page, viewport: ViewportName, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `journey-${name}-${viewport}`);
  await checkA11y(page, { label: `${name} (${viewport})` });
  await expectNoSidewaysScroll(page);
}

/** Follows a menu entry the way a person would: on a phone the menu opens from the Menu button first. */
async function openFromMenu(page: Page, viewport: ViewportName, label: RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: /Menu utama/ });
  if (viewport === 'phone') await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await nav.getByRole('link', { name: label }).click();
}

async function waitForPage(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
}

for (const viewport of VIEWPORTS) {
  describe(`administrator journey (${viewport})`, () => {
    let browser: OpenBrowser;
    let page: Page;

    beforeAll(async () => {
      e2eEnv();
      browser = await openBrowser({ viewport });
      page = browser.page;
    });

    afterAll(async () => {
      await browser?.close();
    });

    test('signs in, enrolling TOTP the first time', async () => {
      const { email, password } = e2eEnv();
      await page.goto('/');
      await page.waitForURL('**/masuk');
      await page.getByRole('heading', { name: 'Masuk ke Pamong' }).waitFor();
      await record(page, viewport, 'login');

      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Kata sandi').fill(password);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();

      // Either the enrolment screen (first sign-in of the run) or the code field (another spec enrolled already).
      const enrolSecret = page.getByTestId('totp-secret');
      const codeField = page.getByLabel('Kode autentikator (6 digit)');
      await enrolSecret.or(codeField).first().waitFor();

      if (await enrolSecret.isVisible()) {
        expect(new URL(page.url()).pathname).toBe('/aktifkan-totp');
        await expect.poll(() => page.locator('.totp-qr img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
        await record(page, viewport, 'totp-enrol');
        const secret = await enrolSecret.getAttribute('data-secret');
        expect(secret, 'the secret is shown next to the QR code').toMatch(/^[A-Z2-7]+=*$/);
        writeFileSync(TOTP_FILE, secret as string);
        await page.getByLabel('Kode 6 digit dari aplikasi').fill(await freshTotpCode(secret as string));
        await page.getByRole('button', { name: 'Aktifkan' }).click();
      } else {
        expect(existsSync(TOTP_FILE), `the admin already has TOTP but ${TOTP_FILE} is missing`).toBe(true);
        await record(page, viewport, 'login-totp');
        await codeField.fill(await freshTotpCode(readFileSync(TOTP_FILE, 'utf8')));
        await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      }
      await page.waitForURL((url) => url.pathname === '/');
    });

    test('sees the dashboard: Pemda, head, counts and the map', async () => {
      await waitForPage(page);
      await expect.poll(() => page.locator('.stat-grid .stat').count()).toBe(6);
      await page.getByRole('heading', { name: 'Kepala daerah' }).waitFor();
      await page.locator('.map-box canvas').first().waitFor();
      const opdCount = await page.locator('.stat-grid .stat').first().locator('.stat-value').textContent();
      expect(Number((opdCount ?? '0').replace(/\D/g, ''))).toBeGreaterThan(0);
      await record(page, viewport, 'dashboard');
    });

    test('opens the OPD list, as a list and as a tree', async () => {
      await openFromMenu(page, viewport, /Perangkat Daerah/);
      await page.waitForURL('**/opd');
      await waitForPage(page);
      await page.locator('table.data-table tbody tr').first().waitFor();
      await record(page, viewport, 'opd-list');

      await page.getByRole('button', { name: /Pohon/ }).click();
      await page.getByRole('list', { name: 'Struktur perangkat daerah' }).waitFor();
      await record(page, viewport, 'opd-tree');
      await page.getByRole('button', { name: /Daftar/ }).click();
    });

    test('opens an OPD page (Dinas Kesehatan when present)', async () => {
      const search = page.getByRole('searchbox', { name: 'Cari OPD' });
      await search.fill('Dinas Kesehatan');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Dinas Kesehatan');
      let target = page.getByRole('link', { name: 'Dinas Kesehatan', exact: true });
      if ((await target.count()) === 0) {
        await search.fill('');
        await page.waitForURL((url) => !url.searchParams.has('q'));
        target = page.locator('table.data-table tbody tr a[href^="/opd/"]');
      }
      await target.first().click();
      await page.waitForURL(/\/opd\/[^/]+$/);
      await waitForPage(page);
      await page.getByRole('heading', { name: 'Jabatan dan pejabat' }).waitFor();
      await record(page, viewport, 'opd-page');
    });

    test('searches a pegawai by name and opens the result', async () => {
      const sample = (await (await browser.context.request.get('/api/v1/pegawai?limit=1')).json()) as { items: Array<{ name: string }> };
      const word = sample.items[0]?.name.split(/\s+/)[0] ?? 'a';

      await openFromMenu(page, viewport, /^Pegawai$/);
      await page.waitForURL('**/pegawai');
      await waitForPage(page);
      await page.getByRole('searchbox', { name: 'Cari nama atau NIP' }).fill(word);
      await page.waitForURL((url) => url.searchParams.get('q') === word);
      const first = page.locator('table.data-table tbody tr a[href^="/pegawai/"]').first();
      await expect.poll(async () => ((await first.textContent()) ?? '').toLowerCase()).toContain(word.toLowerCase());
      await record(page, viewport, 'pegawai-search');

      await first.click();
      await page.waitForURL(/\/pegawai\/[^/]+$/);
      await waitForPage(page);
      await page.getByRole('heading', { name: 'Riwayat jabatan' }).waitFor();
      await record(page, viewport, 'pegawai-page');
    });

    test('opens the region map, kecamatan and kelurahan, with its table', async () => {
      await openFromMenu(page, viewport, /Peta wilayah/);
      await page.waitForURL('**/peta');
      await waitForPage(page);
      await page.locator('.map-box canvas').first().waitFor();
      await record(page, viewport, 'map-kecamatan');

      await page.getByRole('button', { name: 'Kelurahan/desa', exact: true }).click();
      await page.waitForURL(/level=kelurahan/);
      await page.locator('.map-box canvas').first().waitFor();
      await page.getByRole('button', { name: 'Lihat sebagai tabel' }).click();
      const regions = page.locator('.simple-table tbody tr');
      await expect.poll(() => regions.count()).toBeGreaterThan(0);
      // Choosing a region in the table (the keyboard path) shows its offices.
      await regions.first().getByRole('button').click();
      await expect.poll(() => page.locator('#wilayah-terpilih').textContent()).not.toBe('Pilih wilayah');
      await record(page, viewport, 'map-kelurahan');
    });

    test('raised no uncaught page error', () => {
      // The one expected console error is the 401 of /auth/me before signing in.
      expect(browser.errors.filter((line) => line.startsWith('pageerror:'))).toEqual([]);
    });
  });
}
