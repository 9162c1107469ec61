import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAdmin, signInSekda } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser, type ViewportName } from './support/browser';

/**
 * The complaints journey (issue 6): a citizen files from a phone with a photo and a map point, the Dinas Kesehatan
 * operator replies, the citizen sees the reply on the tracking page; then the staff screens (queue, complaint,
 * dashboard with map, IKM report) and the public IKM questionnaire, at 1280x800 and 360x740, axe-clean.
 */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const OPERATOR = 'operator.dinkes@pangkalpinang.demo';

/** Width of the whole document: more than the window means the page scrolls sideways. */
const pageWidth = (page: OpenBrowser['page']) => page.evaluate(() => ({ document: document.documentElement.scrollWidth, window: window.innerWidth }));

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
    // The tracking code box stacks its lines on a phone (it laid them side by side, 3 px wider than the screen).
    const filedWidth = await pageWidth(page);
    expect(filedWidth.document).toBeLessThanOrEqual(filedWidth.window);
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
    const width = await pageWidth(page);
    expect(width.window).toBe(1280);
    expect(width.document).toBeLessThanOrEqual(width.window);
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
        await signInSekda(context);
        // Every OPD's complaints, with the longest agency names: the table fits the window (it was 32 px wider
        // than 1280) and the page never scrolls sideways.
        await page.goto('/pengaduan?status=');
        await page.locator('table.data-table tbody tr').first().waitFor();
        const width = await pageWidth(page);
        expect(width.window).toBe(viewport === 'desktop' ? 1280 : 360);
        expect(width.document).toBeLessThanOrEqual(width.window);
        await checkA11y(page, { label: `queue all ${viewport}` });
        await screenshot(page, `complaints-queue-all-${viewport}`);
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
        await screenshot(page, `complaints-survey-thanks-${viewport}`);
        await page.goto('/lapor');
        await page.locator('svg.cmp-map').waitFor();
        await screenshot(page, `complaints-form-${viewport}`);
      } finally {
        await browser.close();
      }
    });
  }

  test('the administrator changes a deadline class, adds a service with an attribute, creates and revokes an Open311 key, deletes what nothing uses', async () => {
    const browser = await openBrowser({ viewport: 'desktop' });
    try {
      const { page, context } = browser;
      await signInAdmin(context);
      await page.goto('/pengaduan/pengaturan');
      await page.getByRole('heading', { name: 'Pengaturan pengaduan' }).waitFor();
      await page.getByText('Standar SP4N-LAPOR!', { exact: true }).waitFor();
      await checkA11y(page, { label: 'complaint settings sla' });
      await screenshot(page, 'complaints-admin-sla-desktop');
      await page.getByRole('button', { name: 'Ubah Segera (darurat/keselamatan)' }).click();
      await page.getByLabel('Selesai (hari kerja)').fill('10');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Tersimpan.').waitFor();
      await page.getByText('10 hari').waitFor();

      await page.getByRole('button', { name: 'Katalog layanan' }).click();
      await page.getByRole('button', { name: 'Tambah layanan' }).click();
      await page.getByLabel('Kode layanan (service_code)').fill('E2E-LAMPU');
      await page.getByLabel('Nama layanan').fill('Lampu jalan padam (uji e2e)');
      await page.getByLabel('Kelompok').fill('Infrastruktur');
      await page.getByLabel('Perangkat daerah penanggung jawab').selectOption({ index: 1 });
      await page.getByLabel('Kelas tenggat').selectOption('segera');
      await page.getByRole('button', { name: 'Tambah isian' }).click();
      await page.getByLabel('Kode', { exact: true }).fill('KONDISI');
      await page.getByLabel('Pertanyaan').fill('Kondisi lampu');
      await page.getByLabel('Jenis').selectOption('singlevaluelist');
      await page.getByLabel('Pilihan: satu per baris, "kunci = nama"').fill('padam = Padam\nberkedip = Berkedip');
      await page.getByLabel('Wajib diisi').check();
      await checkA11y(page, { label: 'complaint settings service form' });
      await screenshot(page, 'complaints-admin-service-form-desktop');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Tersimpan.').waitFor();
      await page.getByText('Lampu jalan padam (uji e2e)').waitFor();
      await screenshot(page, 'complaints-admin-catalogue-desktop');

      await page.getByRole('button', { name: 'Kunci API Open311' }).click();
      await page.getByLabel('Nama aplikasi klien').fill('Aplikasi Warga e2e');
      await page.getByRole('button', { name: 'Buat kunci API' }).click();
      const key = ((await page.getByTestId('temporary-password').textContent()) ?? '').trim();
      expect(key).toMatch(/^p311_/);
      await checkA11y(page, { label: 'complaint settings keys' });
      await screenshot(page, 'complaints-admin-keys-desktop');
      // The new key files a complaint for the new service over Open311, with its required attribute.
      const form = new URLSearchParams({ api_key: key, service_code: 'E2E-LAMPU', address_string: 'Jl. Jenderal Sudirman', description: 'Tiga lampu jalan padam', 'attribute[KONDISI]': 'padam' }).toString();
      const filed = await context.request.post('/open311/v2/requests.json', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: form });
      expect(filed.status(), await filed.text()).toBe(200);
      await page.getByRole('button', { name: 'Cabut Aplikasi Warga e2e' }).click();
      await page.getByRole('button', { name: 'Ya, cabut kunci Aplikasi Warga e2e' }).click();
      await page.getByText('Dicabut').waitFor();
      // Revocation is final: no way back, and the screen says so beside the key.
      await page.getByText('Pencabutan bersifat final: kunci ini tidak dapat diaktifkan lagi.').first().waitFor();
      await screenshot(page, 'complaints-admin-keys-revoked-desktop');
      const refused = await context.request.post('/open311/v2/requests.json', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: form });
      expect(refused.status()).toBe(403);

      // The service now has a complaint: deleting it is refused with the reason and the way out (deactivate).
      await page.getByRole('button', { name: 'Katalog layanan' }).click();
      await page.getByRole('button', { name: 'Hapus Lampu jalan padam (uji e2e)' }).click();
      await page.getByRole('button', { name: 'Ya, hapus layanan Lampu jalan padam (uji e2e)' }).click();
      await page.getByText('Layanan E2E-LAMPU tidak dapat dihapus karena masih dirujuk oleh 1 pengaduan. Nonaktifkan layanan ini').waitFor();
      await checkA11y(page, { label: 'complaint settings delete refused' });
      await screenshot(page, 'complaints-admin-delete-refused-desktop');
      await expect.poll(() => page.getByText('Lampu jalan padam (uji e2e)').count()).toBeGreaterThan(0);

      // A class nothing uses is deleted after the confirmation.
      await page.getByRole('button', { name: 'Kelas tenggat' }).click();
      await page.getByRole('button', { name: 'Tambah kelas tenggat' }).click();
      await page.getByLabel('Kode', { exact: true }).fill('e2e_hapus');
      await page.getByLabel('Nama kelas').fill('Kelas uji hapus');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Kelas uji hapus').waitFor();
      await page.getByRole('button', { name: 'Hapus Kelas uji hapus' }).click();
      await page.getByText('Hanya kelas yang belum dipakai layanan atau pengaduan mana pun yang dapat dihapus.').waitFor();
      await checkA11y(page, { label: 'complaint settings delete confirm' });
      await screenshot(page, 'complaints-admin-delete-confirm-desktop');
      await page.getByRole('button', { name: 'Ya, hapus kelas Kelas uji hapus' }).click();
      await page.getByText('Dihapus.').waitFor();
      await expect.poll(() => page.getByText('Kelas uji hapus').count()).toBe(0);
      // Gone for good: after a reload it does not come back.
      await page.reload();
      await page.getByText('Standar SP4N-LAPOR!', { exact: true }).waitFor();
      expect(await page.getByText('Kelas uji hapus').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  test('the settings screens on a phone', async () => {
    const browser = await openBrowser({ viewport: 'phone' });
    try {
      const { page, context } = browser;
      await signInAdmin(context);
      for (const [tab, name] of [['sla', 'Standar SP4N-LAPOR!'], ['katalog', 'Tambah layanan'], ['kunci', 'Buat kunci API']] as const) {
        await page.goto(`/pengaduan/pengaturan?tab=${tab}`);
        await page.getByText(name).first().waitFor();
        await checkA11y(page, { label: `complaint settings ${tab} phone` });
        await screenshot(page, `complaints-admin-${tab}-phone`);
      }
    } finally {
      await browser.close();
    }
  });
});
