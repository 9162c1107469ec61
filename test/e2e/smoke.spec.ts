import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnv, openBrowser, screenshot, type OpenBrowser } from './support/browser';

describe('smoke', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    e2eEnv(); // fails early with a clear message when not started through scripts/e2e.mjs
    browser = await openBrowser({ viewport: 'desktop' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the home page answers with a Pamong title', async () => {
    const { page } = browser;
    const response = await page.goto('/', { waitUntil: 'load' });
    expect(response?.status()).toBeLessThan(400);
    expect(await page.title()).toContain('Pamong');
    await screenshot(page, 'smoke-home-desktop');
  });
});
