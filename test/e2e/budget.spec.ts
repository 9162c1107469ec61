import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAdmin } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser } from './support/browser';

/**
 * Budget journey (issue 8): BPKAD imports an APBD row from a SIPD-style CSV (dry run, then for real), enters a
 * month of realisation that lags the plan, and sees the activity flagged critical on the OPD page with its
 * deviation chart. Then every budget screen at 1280x800 and 360x740, screenshot and axe check.
 */
const NAME = 'Pembangunan Posyandu Terpadu (uji e2e)';
const year = new Date().getFullYear();
const month = Math.max(1, new Date().getMonth());

function apbdCsv(): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const header = ['Tahun', 'Kode OPD', 'Kode Program', 'Nama Program', 'Kode Kegiatan', 'Nama Kegiatan', 'Kode Sub Kegiatan', 'Nama Sub Kegiatan', 'Pagu', 'Jenis', ...months.map((m) => `Kas ${m}`), ...months.map((m) => `Fisik ${m}`)];
  const fisik = [8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100];
  const row = [year, 'DINKES', '1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT', '1.02.02.2.01', 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota', '1.02.02.2.01.0099', NAME, '1.200.000.000', 'Fisik', ...Array(12).fill('100.000.000'), ...fisik];
  return `${header.join(';')}\n${row.join(';')}\n`;
}

describe('budget', () => {
  let admin: OpenBrowser;
  let dinkesId: string;

  beforeAll(async () => {
    e2eEnv();
    admin = await openBrowser({ viewport: 'desktop' });
    await signInAdmin(admin.context);
    const opds = ((await (await admin.context.request.get('/api/v1/opd')).json()) as { items: Array<{ id: string; code: string }> }).items;
    dinkesId = opds.find((o) => o.code === 'DINKES')?.id ?? '';
    expect(dinkesId).not.toBe('');
  });

  afterAll(async () => {
    await admin?.close();
  });

  test('imports the APBD, enters realisation and sees the deviation chart', async () => {
    const { page } = admin;
    await page.goto('/anggaran/impor');
    await page.getByLabel('Berkas XLSX atau CSV').setInputFiles({ name: 'apbd.csv', mimeType: 'text/csv', buffer: Buffer.from(apbdCsv()) });
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await expect.poll(async () => page.getByRole('status').textContent()).toContain('Belum ada yang disimpan');
    expect(await page.getByRole('status').textContent()).toMatch(/1 baru|1 diubah|1 tetap/);
    await page.getByRole('button', { name: 'Impor sekarang' }).click();
    await expect.poll(async () => page.getByRole('status').textContent()).toContain('Tersimpan');
    await screenshot(page, 'budget-import-desktop');

    await page.goto(`/anggaran/opd/${dinkesId}?tahun=${year}`);
    await page.getByRole('link', { name: NAME }).click();
    await page.getByLabel('Bulan', { exact: true }).selectOption(String(month));
    await page.getByLabel('SP2D bulan ini (Rp)').fill('100000000');
    await page.getByLabel('Progres fisik kumulatif (%)').fill('3');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(async () => page.getByText('Tersimpan.').count()).toBe(1);
    await screenshot(page, 'budget-sub-kegiatan-desktop');

    await page.goto(`/anggaran/opd/${dinkesId}?tahun=${year}&bulan=${month}&kritis=1`);
    const row = page.getByRole('row').filter({ hasText: NAME });
    await expect.poll(async () => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Kritis');
    await expect.poll(async () => page.locator('figure.bud-chart canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('figcaption').first().textContent()).toContain('Deviasi fisik');
    await screenshot(page, 'budget-opd-deviation-desktop');
    expect(admin.errors).toEqual([]);
  });

  test('records a month of PAD and an IKU quarter through the forms, with a clear refusal of a bad number', async () => {
    const { page, context } = admin;
    await page.goto(`/anggaran/pendapatan?tahun=${year}`);
    const form = page.getByRole('form', { name: 'Catat realisasi PAD' });
    await form.waitFor();
    const sourceLabel = await page.getByLabel('Sumber').locator('option').first().textContent();
    await page.getByLabel('Bulan', { exact: true }).selectOption('1');
    await form.getByLabel('Jumlah (Rp)').fill('12,3,4');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Isi angka yang sah').waitFor();
    await form.getByLabel('Jumlah (Rp)').fill('1.234.567.890');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    const revenue = (await (await context.request.get(`/api/v1/budget/revenue?tahun=${year}&bulan=12`)).json()) as { sumber: Array<{ kode: string; nama: string; bulanan: Array<number | null> }> };
    const saved = revenue.sumber.find((x) => sourceLabel?.startsWith(`${x.kode} `));
    expect(saved?.bulanan[0]).toBe(1234567890);
    await screenshot(page, 'budget-pad-entry-desktop');

    // The monthly recap as a file: one good row, one unknown source; the trial says so, the import saves the good row.
    const kode = sourceLabel?.split(' ')[0] ?? '';
    const recap = `Kode Rekening;Tahun;Jan;Feb\n${kode};${year};1.111.111;\n4.1.09.99;${year};5;\n`;
    const importSection = page.getByRole('region', { name: 'Impor rekap PAD bulanan' });
    await importSection.getByLabel('Berkas XLSX atau CSV').setInputFiles({ name: 'rekap-pad.csv', mimeType: 'text/csv', buffer: Buffer.from(recap) });
    await importSection.getByRole('button', { name: 'Uji coba' }).click();
    await expect.poll(async () => importSection.getByRole('status').textContent()).toContain('1 diubah');
    expect(await importSection.getByRole('status').textContent()).toContain('1 salah');
    await importSection.getByText('sumber PAD 4.1.09.99 belum terdaftar').waitFor();
    await importSection.getByRole('button', { name: 'Impor sekarang' }).click();
    await expect.poll(async () => importSection.getByRole('status').textContent()).toContain('Tersimpan: 0 baru, 1 diubah');
    const after = (await (await context.request.get(`/api/v1/budget/revenue?tahun=${year}&bulan=12`)).json()) as { sumber: Array<{ kode: string; bulanan: Array<number | null> }> };
    expect(after.sumber.find((x) => x.kode === kode)?.bulanan[0]).toBe(1111111);
    await screenshot(page, 'budget-pad-import-desktop');

    await page.goto(`/anggaran/iku?tahun=${year}`);
    const iku = page.getByRole('region', { name: 'Catat capaian IKU' });
    await iku.waitFor();
    await iku.getByLabel('TW', { exact: true }).selectOption('1');
    await iku.getByLabel(/Nilai capaian/).fill('12,5');
    await iku.getByLabel(/Bukti \(uraian/).fill('Laporan triwulan I dari OPD (uji e2e)');
    await iku.getByLabel(/Berkas bukti/).setInputFiles({ name: 'laporan-tw1.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await iku.getByRole('button', { name: 'Simpan' }).click();
    await iku.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    const list = (await (await context.request.get(`/api/v1/budget/iku?tahun=${year}`)).json()) as { items: Array<{ triwulan: Array<{ nilai: number; bukti: string; buktiFile: { name: string } | null } | null> }> };
    const entered = list.items.find((r) => r.triwulan[0]?.bukti === 'Laporan triwulan I dari OPD (uji e2e)');
    expect(entered?.triwulan[0]).toMatchObject({ nilai: 12.5, buktiFile: { name: 'laporan-tw1.pdf' } });
    await page.getByRole('link', { name: 'Bukti TW1: laporan-tw1.pdf' }).first().waitFor();
    await screenshot(page, 'budget-iku-entry-desktop');
    expect(admin.errors).toEqual([]);
  });

  test('edits a sasaran and an IKU target in the RPJMD cascade, sees it on the IKU page, and cannot remove an IKU in use', async () => {
    const { page, context } = admin;
    await page.goto('/anggaran/rpjmd');
    await page.getByRole('heading', { name: 'Pohon kaskade RPJMD' }).waitFor();
    await screenshot(page, 'budget-rpjmd-tree-desktop');

    // A sasaran's text.
    await page.getByRole('button', { name: 'Ubah Sasaran S.1.1.1', exact: true }).click();
    const sasaran = page.locator('li.bud-node-sasaran').filter({ hasText: 'S.1.1.1' }).first();
    await sasaran.getByLabel('Uraian').fill('Meningkatnya kualitas, pemerataan dan kelulusan pendidikan (uji e2e)');
    await sasaran.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await page.getByText('Meningkatnya kualitas, pemerataan dan kelulusan pendidikan (uji e2e)').waitFor();

    // An IKU: a bad number is refused at the field, a code already used is refused by the server at the field.
    await page.getByRole('button', { name: 'Ubah IKU IKU-01', exact: true }).click();
    const iku = page.locator('li.bud-node-iku').filter({ hasText: 'IKU-01' }).first();
    await iku.getByLabel(`Target ${year}`).fill('sebelas');
    await iku.getByRole('button', { name: 'Simpan' }).click();
    await iku.getByText('bukan angka yang sah').waitFor();
    await iku.getByLabel(`Target ${year}`).fill('11,45');
    await iku.getByLabel('Kondisi awal').fill('10,9');
    await iku.getByLabel('Kode').fill('IKU-02');
    await iku.getByRole('button', { name: 'Simpan' }).click();
    await iku.getByText('kode ini sudah dipakai di bagian lain RPJMD').waitFor();
    expect(await iku.getByLabel('Kode').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'budget-rpjmd-iku-error-desktop');
    // The same refusal in English once the language is switched.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await iku.getByRole('button', { name: 'Save' }).click();
    await iku.getByText('this code is already used elsewhere in the RPJMD').waitFor();
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await iku.getByRole('button', { name: 'Simpan' }).waitFor();
    await iku.getByLabel('Kode').fill('IKU-01');
    await iku.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    const editable = (await (await context.request.get('/api/v1/budget/rpjmd/editable')).json()) as { misi: Array<{ tujuan: Array<{ sasaran: Array<{ iku: Array<{ kode: string; baseline: number | null; target: Record<string, number> }> }> }> }> };
    const saved = editable.misi.flatMap((m) => m.tujuan.flatMap((t) => t.sasaran.flatMap((x) => x.iku))).find((i) => i.kode === 'IKU-01');
    expect(saved).toMatchObject({ baseline: 10.9, target: { [String(year)]: 11.45 } });

    // Seen on the IKU page.
    await page.goto(`/anggaran/iku?tahun=${year}`);
    const row = page.getByRole('row').filter({ hasText: 'IKU-01' });
    await expect.poll(async () => row.count()).toBe(1);
    expect(await row.textContent()).toContain('11,45');
    expect(await row.textContent()).toContain('Kondisi awal 10,9');
    await screenshot(page, 'budget-rpjmd-iku-page-desktop');

    // IKU-01 has a recorded quarter (the test above): removing it is refused with the reason, nothing changes.
    await page.goto('/anggaran/rpjmd');
    await page.getByRole('button', { name: 'Hapus IKU IKU-01', exact: true }).click();
    await page.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tidak dapat dihapus karena sudah dipakai: IKU IKU-01' }).waitFor();
    await screenshot(page, 'budget-rpjmd-remove-refused-desktop');
    const still = (await (await context.request.get(`/api/v1/budget/iku?tahun=${year}`)).json()) as { items: Array<{ kode: string }> };
    expect(still.items.some((i) => i.kode === 'IKU-01')).toBe(true);
    // The refused saves above (400 twice for the code clash, 409 for the removal) are the only failed requests.
    expect(admin.errors.filter((e) => !/status of (400|409)/.test(e))).toEqual([]);
    expect(admin.errors.filter((e) => /status of (400|409)/.test(e))).toHaveLength(3);
    admin.errors.length = 0;

    // The cascade from a file: a row naming a new sasaran without its text is refused in the trial; the good row imports.
    const importSection = page.getByRole('region', { name: 'Impor kaskade dari berkas' });
    const csv = (lines: string[]) => ({ name: 'kaskade.csv', mimeType: 'text/csv', buffer: Buffer.from(['No Misi;Kode Tujuan;Kode Sasaran;Kode IKU;Target 2027', ...lines].join('\n')) });
    await importSection.getByLabel('Berkas XLSX atau CSV').setInputFiles(csv(['1;T.1.1;S.1.1.1;IKU-01;11,6', '1;T.1.1;S.1.1.9;;']));
    await importSection.getByRole('button', { name: 'Uji coba' }).click();
    await expect.poll(async () => importSection.getByRole('status').textContent()).toContain('1 salah');
    await importSection.getByText('sasaran S.1.1.9 belum ada; isi uraiannya').waitFor();
    await screenshot(page, 'budget-rpjmd-import-errors-desktop');
    await importSection.getByLabel('Berkas XLSX atau CSV').setInputFiles(csv(['1;T.1.1;S.1.1.1;IKU-01;11,6']));
    await importSection.getByRole('button', { name: 'Uji coba' }).click();
    await expect.poll(async () => importSection.getByRole('status').textContent()).toContain('1 diubah');
    await importSection.getByRole('button', { name: 'Impor sekarang' }).click();
    await expect.poll(async () => importSection.getByRole('status').textContent()).toContain('Tersimpan: 0 baru, 1 diubah');
    await expect.poll(async () => page.locator('li.bud-node-iku').filter({ hasText: 'IKU-01' }).first().textContent()).toContain('2027: 11,6');
    expect(admin.errors).toEqual([]);

    // The same form on a phone.
    const phone = await openBrowser({ viewport: 'phone' });
    try {
      await signInAdmin(phone.context);
      await phone.page.goto('/anggaran/rpjmd');
      await phone.page.getByRole('button', { name: 'Ubah IKU IKU-02', exact: true }).click();
      await phone.page.locator('li.bud-node-iku').filter({ hasText: 'IKU-02' }).first().getByLabel('Kondisi awal').waitFor();
      await screenshot(phone.page, 'budget-rpjmd-iku-form-phone');
      await checkA11y(phone.page, { label: 'rpjmd form phone' });
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  const SCREENS = ['/anggaran', '/anggaran/pendapatan', '/anggaran/penundaan', '/anggaran/keselarasan', '/anggaran/iku', '/anggaran/impor', '/anggaran/rpjmd'];
  for (const viewport of ['desktop', 'phone'] as const) {
    test(`every budget screen is axe-clean at ${viewport === 'desktop' ? '1280x800' : '360x740'}`, async () => {
      const browser = await openBrowser({ viewport });
      try {
        await signInAdmin(browser.context);
        for (const screen of [...SCREENS, `/anggaran/opd/${dinkesId}`]) {
          await browser.page.goto(screen, { waitUntil: 'networkidle' });
          await browser.page.locator('h1').first().waitFor();
          await screenshot(browser.page, `budget${screen.replace(/\//g, '-').replace(/-[0-9a-f-]{36}$/, '-dinkes')}-${viewport}`);
          await checkA11y(browser.page, { label: `${screen} ${viewport}` });
        }
        expect(browser.errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
