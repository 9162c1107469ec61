#!/usr/bin/env node
// `npm test`: every test phase, one summary.
//
//   1. unit + integration on PGlite        npx vitest run            (PAMONG_TEST_DB=pglite)
//   2. unit + integration on PostgreSQL    npx vitest run            (PAMONG_TEST_DB=postgres; needs TEST_DATABASE_URL)
//   3. end-to-end in Chromium              node scripts/e2e.mjs      (needs CHROMIUM_PATH or /usr/bin/chromium)
//
// Arguments after `npm test --` are passed to both vitest phases (e.g. a file filter).
// PAMONG_TEST_PHASES=pglite,postgres,e2e (any subset) picks phases; a phase left out is reported as skipped.
// A throwaway PostgreSQL for phase 2: eval "$(scripts/pg-throwaway.sh start)".
//
// The last line printed is `N passed, N failed` over all phases that ran; a phase that failed without
// any failed test (a file that does not load, an unhandled error, a server that does not start) counts
// as one failure so the line never claims success for a failing run. The same numbers are written to
// .tmp/test-summary.json. Exit code: 0 only if every phase that ran passed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmpDir = path.join(root, '.tmp');
mkdirSync(tmpDir, { recursive: true });

const extraArgs = process.argv.slice(2);
const wanted = process.env.PAMONG_TEST_PHASES
  ? new Set(process.env.PAMONG_TEST_PHASES.split(',').map((s) => s.trim()).filter(Boolean))
  : null;

// Each phase runs in its own process group (npx -> sh -> vitest -> workers), so an interrupt reaches all of
// it; whatever is left in the group when the phase ends is killed too.
let current = null; // { pid, graceMs }
let interrupted = false;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`test: ${signal}: stopping`);
    if (!current) process.exit(130);
    const { pid, graceMs } = current;
    killGroup(pid, 'SIGTERM');
    setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs).unref();
  });
}

function run(command, args, env, { graceMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    current = { pid: child.pid, graceMs };
    child.on('error', (err) => {
      console.error(`test: could not start ${command}: ${err.message}`);
      current = null;
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      current = null;
      killGroup(child.pid, 'SIGKILL');
      resolve(code ?? 128 + ((signal && os.constants.signals[signal]) || 1));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Counts from vitest's JSON reporter. */
function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return null;
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  // A file that fails to load or errors outside a test has status "failed" and no failed assertion.
  for (const result of report.testResults ?? []) {
    const anyFailed = (result.assertionResults ?? []).some((a) => a.status === 'failed');
    if (result.status === 'failed' && !anyFailed) failed += 1;
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return { passed, failed, skipped };
}

function vitestArgs(jsonFile) {
  return [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
    ...extraArgs,
  ];
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

const phases = [
  {
    id: 'pglite',
    title: 'unit+integration on PGlite',
    skipReason: () => null,
    async run() {
      const out = path.join(tmpDir, 'vitest-pglite.json');
      rmSync(out, { force: true });
      const code = await run('npx', vitestArgs(out), { ...process.env, PAMONG_TEST_DB: 'pglite' });
      return { code, counts: vitestCounts(out) };
    },
  },
  {
    id: 'postgres',
    title: 'unit+integration on PostgreSQL',
    skipReason: () => (process.env.TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL not set'),
    async run() {
      const out = path.join(tmpDir, 'vitest-postgres.json');
      rmSync(out, { force: true });
      const code = await run('npx', vitestArgs(out), { ...process.env, PAMONG_TEST_DB: 'postgres' });
      return { code, counts: vitestCounts(out) };
    },
  },
  {
    id: 'e2e',
    title: 'end-to-end in Chromium',
    skipReason: () =>
      chromiumPath()
        ? null
        : process.env.CHROMIUM_PATH
          ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
          : 'no Chromium (set CHROMIUM_PATH or install Debian package chromium)',
    async run() {
      const out = path.join(tmpDir, 'e2e-result.json');
      rmSync(out, { force: true });
      const code = await run(
        process.execPath,
        [path.join(root, 'scripts', 'e2e.mjs')],
        { ...process.env, CHROMIUM_PATH: chromiumPath() ?? '' },
        { graceMs: 30_000 }, // e2e.mjs stops its server (up to 15 s) before it exits
      );
      const result = readJson(out);
      const counts = result
        ? { passed: result.passed ?? 0, failed: result.failed ?? 0, skipped: result.skipped ?? 0 }
        : null;
      return { code, counts };
    },
  },
];

const results = [];
for (const phase of phases) {
  const reason = wanted && !wanted.has(phase.id) ? 'not in PAMONG_TEST_PHASES' : phase.skipReason();
  if (interrupted) {
    results.push({ ...phase, skipped: 'interrupted' });
    continue;
  }
  if (reason) {
    console.log(`\n==> ${phase.title}: skipped (${reason})`);
    results.push({ ...phase, skipped: reason });
    continue;
  }
  console.log(`\n==> ${phase.title}`);
  const started = Date.now();
  const { code, counts } = await phase.run();
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && c.failed === 0) c.failed = 1;
  results.push({ ...phase, code, counts: c, seconds: (Date.now() - started) / 1000, noReport: !counts });
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n==> Test phases');
for (const r of results) {
  if (r.skipped) {
    console.log(`  ${r.title}: skipped (${r.skipped})`);
    continue;
  }
  total.passed += r.counts.passed;
  total.failed += r.counts.failed;
  total.skipped += r.counts.skipped;
  const status = r.code === 0 ? 'ok' : `FAILED (exit ${r.code}${r.noReport ? ', no report' : ''})`;
  const skipped = r.counts.skipped ? `, ${r.counts.skipped} skipped` : '';
  console.log(
    `  ${r.title}: ${status}: ${r.counts.passed} passed, ${r.counts.failed} failed${skipped} in ${r.seconds.toFixed(1)} s`,
  );
}
if (total.skipped) console.log(`  (${total.skipped} tests skipped or todo)`);

const ok = !interrupted && results.every((r) => r.skipped || r.code === 0);
writeFileSync(
  path.join(tmpDir, 'test-summary.json'),
  JSON.stringify(
    {
      ok,
      ...total,
      phases: results.map((r) => ({
        id: r.id,
        ran: !r.skipped,
        skipReason: r.skipped ?? null,
        exitCode: r.code ?? null,
        passed: r.counts?.passed ?? 0,
        failed: r.counts?.failed ?? 0,
        skipped: r.counts?.skipped ?? 0,
      })),
    },
    null,
    2,
  ) + '\n',
);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = ok ? 0 : 1;
