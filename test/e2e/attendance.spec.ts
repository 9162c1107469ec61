import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAdmin, signInDemo } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser } from './support/browser';

/**
 * Attendance journey (issue 5 §8, §9) at phone width (360x740) with the demo accounts (same password as the admin):
 * the pegawai of Dinkes opens My attendance and files a sick-leave request with a letter; the head of Dinkes
 * approves it and the days turn into leave; BKPSDM uploads a small ZKTeco attlog and reads the summary, opens the
 * OPD recap, one pegawai's TPP breakdown, the discipline cases and sanction registry, and the shift roster of the
 * RSUD; the admin adds a local holiday in the calendar editor. Every screen: screenshot and axe.
 */
const PEGAWAI = 'pegawai@pangkalpinang.demo';
const KADINKES = 'kadinkes@pangkalpinang.demo';
const BKPSDM = 'bkpsdm@pangkalpinang.demo';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function previousMonth(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
const MONTH = previousMonth();

/** The first two weekdays of the previous month (the demo puts its own leave mid-month). */
function leaveDays(): [string, string] {
  const [y, m] = MONTH.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let day = 1; out.length < 2; day += 1) {
    const d = new Date(Date.UTC(y, m - 1, day));
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out as [string, string];
}

async function check(page: Page, name: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, `attendance-${name}-phone`);
  await checkA11y(page, { label: `${name} phone` });
}

describe('attendance', () => {
  let pegawai: OpenBrowser;
  let head: OpenBrowser;
  let bkpsdm: OpenBrowser;
  const [from, to] = leaveDays();

  beforeAll(async () => {
    e2eEnv();
    pegawai = await openBrowser({ viewport: 'phone' });
    head = await openBrowser({ viewport: 'phone' });
    bkpsdm = await openBrowser({ viewport: 'phone' });
    await signInDemo(pegawai.context, PEGAWAI);
    await signInDemo(head.context, KADINKES);
    await signInDemo(bkpsdm.context, BKPSDM);
  });
  afterAll(async () => {
    await pegawai?.close();
    await head?.close();
    await bkpsdm?.close();
  });

  test('the pegawai sees each day with its reason and files a sick-leave request with a letter', async () => {
    const { page } = pegawai;
    await page.goto(`/absensi?bulan=${MONTH}`);
    const day = page.locator('button.at-day').filter({ hasText: String(Number(from.slice(8))) }).first();
    await day.click();
    await expect.poll(async () => page.locator('#at-day-h').textContent()).toContain('Rincian');
    expect(await page.locator('.at-dl').textContent()).toContain('Alasan');
    await check(page, 'my-month');

    await page.goto('/absensi/cuti');
    await page.getByLabel('Jenis').selectOption('cuti_sakit');
    await page.getByLabel('Mulai tanggal').fill(from);
    await page.getByLabel('Sampai tanggal').fill(to);
    await page.getByLabel('Keterangan').fill('Demam tinggi, surat dokter terlampir');
    await page.getByLabel(/^Lampiran/).setInputFiles({ name: 'surat-dokter.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Kirim pengajuan' }).click();
    await expect.poll(async () => page.getByText('Pengajuan terkirim').count()).toBe(1);
    await expect.poll(async () => page.getByText('Menunggu persetujuan').count()).toBeGreaterThan(0);
    await check(page, 'leave-request');
    expect(pegawai.errors).toEqual([]);
  });

  test('the head of the OPD approves it and the days become leave on My attendance', async () => {
    const { page } = head;
    await page.goto('/absensi/persetujuan');
    const card = page.locator('li.at-card').filter({ hasText: 'Demam tinggi' });
    await expect.poll(async () => card.count()).toBe(1);
    expect(await card.getByRole('link', { name: 'Lihat lampiran' }).count()).toBe(1);
    await check(page, 'leave-queue');
    await card.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(async () => page.getByText('Tidak ada pengajuan yang menunggu').count()).toBe(1);

    await pegawai.page.goto(`/absensi?bulan=${MONTH}`);
    const cell = pegawai.page.locator('button.at-day').filter({ hasText: String(Number(from.slice(8))) }).first();
    await expect.poll(async () => cell.textContent()).toContain('Cuti');
    await cell.click();
    expect(await pegawai.page.locator('.at-dl').textContent()).toMatch(/cuti sakit/i);
    await expect.poll(async () => pegawai.page.locator('#at-myleave-h').locator('..').textContent()).toContain('Disetujui');
    await screenshot(pegawai.page, 'attendance-my-month-after-approval-phone');
    expect(head.errors).toEqual([]);
  });

  test('BKPSDM uploads a ZKTeco attlog and reads the summary with the rejected line numbers', async () => {
    const { page } = bkpsdm;
    const day = `${MONTH}-15`;
    const line = (pin: number, time: string) => `${String(pin).padStart(9, ' ')}\t${day} ${time}\t1\t255\t1\t0`;
    const file = [line(2, '07:12:00'), line(2, '16:31:00'), line(3, '07:58:00'), 'baris rusak', line(2, '07:12:00'), line(9999, '07:00:00')].join('\r\n');
    await page.goto('/absensi/perangkat');
    await page.getByLabel(/^Berkas/).setInputFiles({ name: '1_attlog.dat', mimeType: 'text/plain', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Unggah' }).click();
    const summary = page.locator('section.at-result');
    await expect.poll(async () => summary.count()).toBe(1);
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('Dibaca6');
    expect(text).toContain('Ditolak1');
    expect(text).toContain('Baris 4');
    await check(page, 'devices-upload');

    // A bigger file over a slow uplink (Chromium's network emulation): the progress bar follows the upload.
    const rows: string[] = [];
    for (let pin = 1; pin <= 400; pin += 1) for (const time of ['07:05:00', '07:06:00', '12:00:00', '12:55:00', '16:10:00', '16:11:00']) rows.push(line(pin, time));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 24 * 1024 });
    await page.getByLabel(/^Berkas/).setInputFiles({ name: '1_attlog_besar.dat', mimeType: 'text/plain', buffer: Buffer.from(rows.join('\r\n')) });
    await page.getByRole('button', { name: 'Unggah' }).click();
    const bar = page.locator('.at-progress progress');
    await expect.poll(async () => Number((await bar.getAttribute('value').catch(() => null)) ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(page, 'attendance-upload-progress-phone');
    await expect.poll(async () => (await summary.textContent()) ?? '', { timeout: 60_000 }).toContain(`Dibaca${rows.length.toLocaleString('id-ID')}`);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await bar.count()).toBe(0);
    expect(bkpsdm.errors).toEqual([]);
  });

  test('BKPSDM sees the OPD recap, one TPP breakdown, the cases, the sanction registry and a roster', async () => {
    const { page } = bkpsdm;
    const opds = ((await (await page.context().request.get('/api/v1/opd')).json()) as { items: Array<{ id: string; code: string }> }).items;
    const dinkes = opds.find((o) => o.code === 'DINKES')?.id ?? '';
    const rsud = opds.find((o) => o.code === 'RSUD')?.id ?? '';
    expect(dinkes).not.toBe('');

    await page.goto(`/absensi/rekap?bulan=${MONTH}&opd=${dinkes}`);
    await expect.poll(async () => page.locator('table, .data-table').count()).toBeGreaterThan(0);
    await check(page, 'recap-dinkes');

    await page.goto(`/tpp?bulan=${MONTH}&opd=${dinkes}`);
    const toggle = page.getByRole('button', { name: /^Lihat rincian/ }).first();
    await toggle.waitFor();
    await toggle.click();
    await expect.poll(async () => page.locator('td[data-label="Rincian"] .at-lines li').count()).toBeGreaterThan(1);
    expect(await page.getByText(/Impor nilai kinerja/).count()).toBe(1);
    await check(page, 'tpp-breakdown');

    await page.goto('/disiplin');
    await check(page, 'cases');
    await page.goto('/disiplin/sanksi');
    await check(page, 'sanctions');

    // The demo rosters the RSUD: nurses rotate Pagi/Siang/Malam, so the week already has night shifts.
    await page.goto(`/absensi/jadwal-shift?opd=${rsud}`);
    const cell = page.locator('button.at-cell:not(.night)').first();
    await cell.waitFor();
    await screenshot(page, 'attendance-roster-rsud-demo-phone');
    const nights = await page.locator('button.at-cell.night').count();
    expect(nights).toBeGreaterThan(0);
    await cell.click();
    await page.getByRole('button', { name: /^Malam/ }).click();
    await screenshot(page, 'attendance-roster-editor-phone');
    await page.getByRole('button', { name: 'Simpan shift' }).click();
    await expect.poll(async () => page.locator('button.at-cell.night').count()).toBe(nights + 1);
    await check(page, 'roster-rsud');
    expect(bkpsdm.errors).toEqual([]);
  });

  test('the admin adds a local holiday in the calendar editor and sees the schedule in force', async () => {
    const admin = await openBrowser({ viewport: 'phone' });
    try {
      await signInAdmin(admin.context);
      const { page } = admin;
      const year = new Date().getFullYear();
      await page.goto(`/absensi/kalender?tahun=${year}`);
      await expect.poll(async () => page.getByText('Berlaku hari ini').count()).toBeGreaterThan(0);
      await page.getByLabel('Tanggal', { exact: true }).fill(`${year}-12-30`);
      await page.getByLabel('Jenis').selectOption('local');
      await page.getByLabel('Nama hari libur').fill('Hari Jadi Kota (uji e2e)');
      await page.getByLabel('Sumber / dasar hukum').fill('Perwako Pangkalpinang 1/2026');
      await page.getByRole('button', { name: 'Tambah hari libur' }).click();
      await expect.poll(async () => page.getByText('Hari Jadi Kota (uji e2e)').count()).toBeGreaterThan(0);
      await check(page, 'calendar-editor');
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
