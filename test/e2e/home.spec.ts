import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAdmin } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser } from './support/browser';

/**
 * The home page on a phone: the leader's flags grouped by domain, worst first, each group showing its first three
 * until "show all" is pressed.
 */
describe('home flags (phone)', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    e2eEnv();
    browser = await openBrowser({ viewport: 'phone' });
    await signInAdmin(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('flags come grouped, worst group first, three per group until asked', async () => {
    const { page, context } = browser;
    const api = (await (await context.request.get('/api/v1/flags')).json()) as { flags: Array<{ kind: string; severity: string }> };
    expect(api.flags.length, 'the demo raises flags').toBeGreaterThan(0);
    const domains = new Set(api.flags.map((f) => f.kind.split('.')[0]));

    await page.goto('/', { waitUntil: 'load' });
    const groups = page.locator('.flag-group');
    await groups.first().waitFor();
    expect(await groups.count()).toBe(domains.size);
    const first = groups.first();
    const severities = (await first.locator('.flag').evaluateAll((items) => items.map((el) => el.className))).join(' ');
    if (api.flags.some((f) => f.severity === 'critical')) expect(severities).toContain('flag-critical');

    for (const group of await groups.all()) expect(await group.locator('.flag').count()).toBeLessThanOrEqual(3);
    await checkA11y(page, { label: 'home (phone)' });
    await screenshot(page, 'home-flags-phone');
    const biggest = [...domains].map((d) => api.flags.filter((f) => f.kind.startsWith(`${d}.`)).length).reduce((a, b) => Math.max(a, b), 0);
    if (biggest > 3) {
      const expand = page.getByRole('button', { name: /Tampilkan semua|Lihat semua/ }).first();
      await expand.click();
      await expect.poll(async () => (await page.locator('.flag-group').evaluateAll((els) => els.map((el) => el.querySelectorAll('.flag').length))).some((n) => n > 3)).toBe(true);
    }
  });
});
