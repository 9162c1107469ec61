import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Browser helpers for the end-to-end specs. scripts/e2e.mjs starts the server and passes
 * PAMONG_E2E_URL / PAMONG_E2E_EMAIL / PAMONG_E2E_PASSWORD; Chromium is Debian's (CHROMIUM_PATH).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOT_DIR = path.join(root, 'artifacts', 'screenshots');

/** Flags the machines need: running as root, closed network, no GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface E2eEnv {
  baseURL: string;
  email: string;
  password: string;
  dataDir: string | undefined;
}

export function e2eEnv(): E2eEnv {
  const baseURL = process.env.PAMONG_E2E_URL;
  const email = process.env.PAMONG_E2E_EMAIL;
  const password = process.env.PAMONG_E2E_PASSWORD;
  if (!baseURL || !email || !password) {
    throw new Error(
      'PAMONG_E2E_URL, PAMONG_E2E_EMAIL and PAMONG_E2E_PASSWORD are not set: run the specs with `npm run test:e2e`',
    );
  }
  return { baseURL, email, password, dataDir: process.env.PAMONG_E2E_DATA_DIR || undefined };
}

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenBrowserOptions {
  viewport?: ViewportName;
  /** Defaults to PAMONG_E2E_URL, so page.goto('/') works. */
  baseURL?: string;
  locale?: string;
  timezoneId?: string;
}

/**
 * Starts Chromium with a fresh, empty profile (one browser process per call) and opens one page.
 * Always `await close()` (e.g. in afterAll / afterEach): it also removes the profile directory.
 */
export async function openBrowser(options: OpenBrowserOptions = {}): Promise<OpenBrowser> {
  const preset = VIEWPORTS[options.viewport ?? 'desktop'];
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'pamong-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS],
      baseURL: options.baseURL ?? process.env.PAMONG_E2E_URL,
      locale: options.locale ?? 'id-ID',
      timezoneId: options.timezoneId ?? 'Asia/Jakarta',
      ...preset,
      viewport: { ...preset.viewport },
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page PNG to artifacts/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
}

export interface CheckA11yOptions {
  /** CSS selectors to leave out (e.g. a third-party widget). */
  exclude?: string[];
  /** axe rule ids to switch off, each with a reason in the calling spec. */
  disableRules?: string[];
  /** Throw when a serious or critical violation is found (default true). */
  fail?: boolean;
  /** Label for the printed report, e.g. the page name. */
  label?: string;
}

const requireFromHere = createRequire(import.meta.url);
const AXE_PATH = requireFromHere.resolve('axe-core/axe.min.js');

interface AxeWindow {
  axe?: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[]; html: string; failureSummary?: string }[];
      }[];
    }>;
  };
}

/**
 * Runs axe-core on the current page and returns the violations of impact serious or critical; prints
 * each (id, help, target nodes) and, unless `fail: false`, throws when there is any.
 */
export async function checkA11y(page: Page, options: CheckA11yOptions = {}): Promise<A11yViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as AxeWindow).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const rules = Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }]));
  const raw = await page.evaluate(
    async ({ exclude, rules }) => {
      const axe = (window as unknown as AxeWindow).axe;
      if (!axe) throw new Error('axe-core did not load');
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const result = await axe.run(context, { resultTypes: ['violations'], rules });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))),
          html: n.html,
          failureSummary: n.failureSummary ?? '',
        })),
      }));
    },
    { exclude: options.exclude ?? [], rules },
  );
  const violations = raw.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (violations.length) {
    const where = options.label ?? page.url();
    const lines = [`axe: ${violations.length} serious/critical violation(s) on ${where}`];
    for (const v of violations) {
      lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
      for (const node of v.nodes.slice(0, 10)) lines.push(`      ${node.target.join(' ')}  ${node.html.slice(0, 160)}`);
      if (v.nodes.length > 10) lines.push(`      … and ${v.nodes.length - 10} more`);
    }
    const report = lines.join('\n');
    console.error(report);
    if (options.fail ?? true) throw new Error(report);
  }
  return violations;
}
