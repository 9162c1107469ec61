import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAdmin } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser, type ViewportName } from './support/browser';

/**
 * The indicator journey (issue 9): import a DHIS2 dataValueSet, see the choropleth change, open a kelurahan page
 * with its complaints and directives; link an intervention to an APBD sub-kegiatan; manage a dataset as walidata;
 * then every indicator screen at 1280x800 and 360x740, each checked with axe.
 *
 * The demo admin must enrol TOTP at first sign-in; the secret is kept in the specs' temp directory so a later
 * sign-in in this run (another spec, or the phone pass) can compute codes.
 */

interface MapRegion {
  kode: string;
  name: string;
  value: number | null;
}

describe('indicators', () => {
  let browser: OpenBrowser;
  let stunting: { id: string };
  let kelurahan: Array<{ kode: string; name: string }>;

  beforeAll(async () => {
    e2eEnv();
    browser = await openBrowser({ viewport: 'desktop' });
    await signInAdmin(browser.context);
    const list = (await (await browser.context.request.get('/api/v1/indicators?q=STUNTING')).json()) as { items: Array<{ id: string; code: string }> };
    stunting = list.items.find((i) => i.code === 'STUNTING') as { id: string };
    expect(stunting, 'the demo seeds STUNTING').toBeTruthy();
    const map = (await (await browser.context.request.get(`/api/v1/indicators/${stunting.id}/map`)).json()) as { regions: MapRegion[] };
    kelurahan = map.regions.map((r) => ({ kode: r.kode, name: r.name }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('imports a DHIS2 dataValueSet, the choropleth changes, a kelurahan page opens', async () => {
    const { page, context } = browser;
    const before = (await (await context.request.get(`/api/v1/indicators/${stunting.id}/map?period=2026-Q4`)).json()) as { regions: MapRegion[] };
    expect(before.regions.every((r) => r.value === null)).toBe(true);

    const dataValues = kelurahan.flatMap((k, i) => [
      { dataElement: 'STUNTING_NUM', period: '2026Q4', orgUnit: k.kode.replace(/\./g, ''), value: String(5 + (i % 9) * 3) },
      { dataElement: 'STUNTING_DEN', period: '2026Q4', orgUnit: k.kode.replace(/\./g, ''), value: '200' },
    ]);
    dataValues.push({ dataElement: 'STUNTING_NUM', period: '2026Q5', orgUnit: '1971011001', value: '3' });
    dataValues.push({ dataElement: 'BALITA_GIZI_BURUK', period: '2026Q4', orgUnit: '1971011001', value: '2' });
    const file = path.join(os.tmpdir(), 'stunting-2026Q4.json');
    writeFileSync(file, JSON.stringify({ dataSet: 'STUNTING', dataValues }));

    await page.goto('/indikator/impor', { waitUntil: 'networkidle' });
    await page.setInputFiles('#ind-file', file);
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Uji coba: belum ada yang disimpan.');
    expect(await summary.textContent()).toContain('diabaikan 2');
    await checkA11y(page, { label: 'impor nilai (uji coba)' });
    await screenshot(page, 'indicators-import-dryrun-desktop');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Baru ${kelurahan.length * 2}`).waitFor();
    await screenshot(page, 'indicators-import-done-desktop');

    const after = (await (await context.request.get(`/api/v1/indicators/${stunting.id}/map?period=2026-Q4`)).json()) as { regions: MapRegion[]; classes: unknown[] };
    expect(after.regions.filter((r) => r.value !== null)).toHaveLength(kelurahan.length);
    expect(after.regions[0]?.value).toBe(2.5);
    expect(after.classes.length).toBeGreaterThan(1);

    await page.goto(`/indikator/${stunting.id}?periode=2026-Q4`, { waitUntil: 'networkidle' });
    await page.locator('.map-box canvas').first().waitFor();
    expect(await page.locator('#ind-period').inputValue()).toBe('2026-Q4');
    await page.getByText('Kelas 1:').waitFor();
    await checkA11y(page, { label: 'indikator' });
    await screenshot(page, 'indicators-map-desktop');

    const target = kelurahan[0] as { kode: string; name: string };
    await page.goto(`/wilayah/${target.kode}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    expect(await page.locator('main, body').first().textContent()).toContain('Peringkat');
    await checkA11y(page, { label: 'wilayah' });
    await screenshot(page, 'indicators-territory-desktop');
    expect(browser.errors).toEqual([]);
  });

  test('a kelurahan page shows its complaints and directives, each linking to its record', async () => {
    const { page, context } = browser;
    // The demo spreads complaints over the 42 kelurahan and assigns directives to every kantor lurah.
    let chosen: { kode: string; name: string } | undefined;
    for (const k of kelurahan) {
      const body = (await (await context.request.get(`/api/v1/territory/${k.kode}`)).json()) as { complaints: { total: number } | null; directives: { total: number } | null };
      if ((body.complaints?.total ?? 0) > 0 && (body.directives?.total ?? 0) > 0) {
        chosen = k;
        break;
      }
    }
    expect(chosen, 'a demo kelurahan with complaints and directives').toBeTruthy();
    const target = chosen as { kode: string; name: string };
    await page.goto(`/wilayah/${target.kode}`, { waitUntil: 'networkidle' });
    const complaints = page.getByTestId('territory-complaints');
    await complaints.getByRole('heading', { name: 'Pengaduan warga di wilayah ini' }).waitFor();
    expect(await complaints.textContent()).toMatch(/\d+ pengaduan · \d+ masih terbuka · \d+ lewat tenggat/);
    const directives = page.getByTestId('territory-directives');
    await directives.getByRole('heading', { name: 'Arahan pimpinan untuk wilayah ini' }).waitFor();
    expect(await directives.textContent()).toMatch(/\d+ arahan/);
    // Only the first few are listed; the kantor lurah's inbox has them all.
    expect(await directives.getByRole('link', { name: /^Semua arahan untuk / }).first().getAttribute('href')).toMatch(/^\/koordinasi\/opd\/[0-9a-f-]{36}$/);
    await checkA11y(page, { label: 'wilayah dengan pengaduan dan arahan' });
    await screenshot(page, 'indicators-territory-sections-desktop');
    // The first complaint opens its page in the complaints module.
    const first = complaints.getByRole('link').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/pengaduan\/[0-9a-f-]{36}$/);
    await first.click();
    await page.waitForURL(`**${href}`);
    await page.goBack({ waitUntil: 'networkidle' });
    const directiveHref = await page.getByTestId('territory-directives').getByRole('link').first().getAttribute('href');
    expect(directiveHref).toMatch(/^\/koordinasi\/arahan\/[0-9a-f-]{36}$/);
    // More complaints than the five listed: the link opens the queue filtered to this kelurahan, which can be cleared.
    const all = page.getByTestId('territory-complaints').getByRole('link', { name: /^Lihat semua \d+ pengaduan/ });
    if ((await all.count()) > 0) {
      await all.click();
      await page.getByText(`Hanya kelurahan ${target.name}.`).waitFor();
      await page.locator('table tbody tr').first().waitFor();
      await checkA11y(page, { label: 'antrean pengaduan satu kelurahan' });
      await screenshot(page, 'complaints-queue-kelurahan-desktop');
      await page.getByRole('button', { name: 'Semua wilayah' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('kelurahan')).toBeNull();
    }
    expect(browser.errors).toEqual([]);
  });

  test('an intervention links to an APBD sub-kegiatan and shows its pagu and realisation', async () => {
    const { page } = browser;
    await page.goto('/intervensi', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: /^Ubah: / }).first().click();
    await page.getByRole('heading', { name: /^Ubah intervensi: / }).waitFor();
    // The demo links its interventions to the APBD already: unlink first, then pick again.
    if (await page.getByTestId('budget-linked').isVisible()) await page.getByRole('button', { name: 'Lepas tautan' }).click();
    // An empty search lists the sub-kegiatan of the intervention's OPD for its year.
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const results = page.getByRole('list', { name: 'Sub-kegiatan yang cocok' });
    await results.getByRole('button').first().waitFor();
    await checkA11y(page, { label: 'pemilih sub-kegiatan' });
    await screenshot(page, 'indicators-budget-picker-desktop');
    await results.getByRole('button').first().click();
    await page.getByTestId('budget-linked').waitFor();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: /Pagu Rp[\d.]+ · realisasi Rp[\d.]+/ }).first().waitFor();
    await screenshot(page, 'indicators-interventions-linked-desktop');
    expect(browser.errors).toEqual([]);
  });

  test('the walidata manages a dataset: metadata, tags, licence; CKAN shows the change', async () => {
    const { page, context } = browser;
    await page.goto('/indikator/data-terbuka', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Kelola data terbuka' }).waitFor();
    await page.getByRole('heading', { name: 'Walidata' }).waitFor();
    await page.locator('#ind-wd-opd').waitFor();
    await page.getByRole('button', { name: /^Ubah: / }).first().click();
    await page.locator('#ind-dse-tags').fill('stunting, e2e uji');
    await page.locator('#ind-dse-license').selectOption('cc-zero');
    await checkA11y(page, { label: 'kelola dataset' });
    await screenshot(page, 'indicators-datasets-edit-desktop');
    await page.locator('section', { has: page.locator('#ind-dse-title') }).getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'tersimpan' }).waitFor();
    const mine = (await (await context.request.get('/api/v1/datasets')).json()) as { items: Array<{ name: string; tags: string[]; licenseId: string }> };
    const changed = mine.items.find((d) => d.tags.includes('e2e uji'));
    expect(changed?.licenseId).toBe('cc-zero');
    const ckan = (await (await context.request.get(`/api/3/action/package_show?id=${changed?.name}`)).json()) as { result: { license_id: string; tags: Array<{ name: string }> } };
    expect(ckan.result.license_id).toBe('cc-zero');
    expect(ckan.result.tags.map((t) => t.name)).toContain('e2e uji');
    expect(browser.errors).toEqual([]);
  });

  const screens: Array<[string, string, string]> = [
    ['catalogue', '/indikator', 'Katalog indikator'],
    ['vulnerability', '/kerentanan', 'Peta kerentanan'],
    ['interventions', '/intervensi', 'Intervensi dan cakupan'],
    ['import', '/indikator/impor', 'Impor nilai indikator'],
    ['datasets', '/indikator/data-terbuka', 'Kelola data terbuka'],
  ];

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    test(`every indicator screen at ${viewport}`, async () => {
      const session = viewport === 'desktop' ? browser : await openBrowser({ viewport });
      try {
        if (viewport !== 'desktop') await signInAdmin(session.context);
        const { page } = session;
        for (const [name, url, heading] of screens) {
          await page.goto(url, { waitUntil: 'networkidle' });
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await checkA11y(page, { label: `${name} ${viewport}` });
          await screenshot(page, `indicators-${name}-${viewport}`);
          if (viewport === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: no sideways scrolling at 360 px`).toBeLessThanOrEqual(360);
        }
        if (viewport === 'phone') {
          await page.goto(`/indikator/${stunting.id}`, { waitUntil: 'networkidle' });
          await checkA11y(page, { label: `indicator ${viewport}` });
          await screenshot(page, `indicators-map-${viewport}`);
          await page.goto(`/wilayah/${kelurahan[0]?.kode}`, { waitUntil: 'networkidle' });
          await page.getByTestId('territory-complaints').waitFor();
          await page.getByTestId('territory-directives').waitFor();
          await checkA11y(page, { label: `territory ${viewport}` });
          await screenshot(page, `indicators-territory-${viewport}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
        }
        // The public catalogue needs no sign-in.
        const anonymous = await openBrowser({ viewport });
        try {
          await anonymous.page.goto('/data-terbuka', { waitUntil: 'networkidle' });
          await anonymous.page.getByRole('heading', { level: 1, name: 'Data terbuka' }).waitFor();
          await anonymous.page.getByRole('link', { name: 'Unduh CSV' }).first().waitFor();
          await checkA11y(anonymous.page, { label: `open data ${viewport}` });
          await screenshot(anonymous.page, `indicators-opendata-${viewport}`);
          expect(anonymous.page.url()).toContain('/data-terbuka');
        } finally {
          await anonymous.close();
        }
      } finally {
        if (viewport !== 'desktop') await session.close();
      }
    });
  }
});
