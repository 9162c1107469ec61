#!/usr/bin/env node
// End-to-end run: build the web bundle if stale, start Pamong on a free loopback port with a fresh data
// directory (PGlite, small demo), wait for /api/v1/health, run test/e2e/**/*.spec.ts with
// vitest.e2e.config.ts (one worker), stop the server's whole process group, remove the data directory.
//
//   node scripts/e2e.mjs [vitest args, e.g. a spec file filter]
//
// Environment:
//   CHROMIUM_PATH              browser binary (default /usr/bin/chromium)
//   PAMONG_E2E_URL             use an already running server instead of starting one
//                              (then PAMONG_E2E_EMAIL / PAMONG_E2E_PASSWORD must name its admin)
//   PAMONG_E2E_START_TIMEOUT   seconds to wait for the health check (default 180)
//   PAMONG_E2E_KEEP_DATA=1     keep the run's temp directory (server data, browser profiles; path printed)
//
// The specs get PAMONG_E2E_URL, PAMONG_E2E_EMAIL, PAMONG_E2E_PASSWORD, PAMONG_E2E_DATA_DIR and
// CHROMIUM_PATH; screenshots go to artifacts/screenshots/ (emptied at the start of a run).
// Server output: .tmp/e2e-server.log. Result counts: .tmp/e2e-result.json {passed, failed, skipped, ...}.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmpDir = path.join(root, '.tmp');
const resultFile = path.join(tmpDir, 'e2e-result.json');
const vitestJson = path.join(tmpDir, 'vitest-e2e.json');
const serverLogFile = path.join(tmpDir, 'e2e-server.log');
const screenshotDir = path.join(root, 'artifacts', 'screenshots');
const startTimeoutMs = Number(process.env.PAMONG_E2E_START_TIMEOUT ?? 180) * 1000;
const extraArgs = process.argv.slice(2);

const log = (msg) => console.log(`e2e: ${msg}`);

let server = null; // { child, exited: Promise<void> }
let runDir = null; // temp dir of this run: data/ (server) and tmp/ (TMPDIR of the specs: browser profiles)
let dataDir = null;
let vitestChild = null;
let interrupted = false;

function writeResult(result) {
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(resultFile, JSON.stringify(result, null, 2) + '\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function strongPassword() {
  // Upper, lower, digit and symbol whatever the random part holds.
  return `E2e-${randomBytes(18).toString('base64url')}-Zz9!`;
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function startServer({ port, password }) {
  mkdirSync(tmpDir, { recursive: true });
  const logStream = createWriteStream(serverLogFile);
  const env = { ...process.env };
  // The e2e server always gets its own fresh PGlite database and never mails anyone.
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.PAMONG_PUBLIC_URL;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PAMONG_DATA_DIR: dataDir,
    PAMONG_ADMIN_EMAIL: 'admin@pamong.test',
    PAMONG_ADMIN_PASSWORD: password,
    PAMONG_DEMO_PEGAWAI: '600',
    PAMONG_LOG_LEVEL: 'warn',
  });
  const child = spawn(process.execPath, [path.join(root, 'bin', 'pamong.mjs'), 'serve'], {
    cwd: root,
    env,
    detached: true, // own process group, so everything it starts is stopped with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      logStream.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stderr.write(`[server] ${line}\n`);
    });
  }
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      child.exitInfo = { code, signal };
      logStream.end();
      resolve();
    });
    child.on('error', (err) => {
      child.exitInfo = { code: null, signal: null, error: err.message };
      resolve();
    });
  });
  return { child, exited };
}

async function waitForHealth(url, srv) {
  const deadline = Date.now() + startTimeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (srv?.child.exitInfo) {
      throw new Error(`server exited before it was healthy (${JSON.stringify(srv.child.exitInfo)})`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no 200 from ${url}/api/v1/health within ${startTimeoutMs / 1000} s (last: ${lastError})`);
}

async function stopServer() {
  if (!server) return;
  const { child, exited } = server;
  server = null;
  if (child.pid === undefined) return;
  if (child.exitInfo) {
    killGroup(child.pid, 'SIGKILL'); // leftovers of a server that already exited
    return;
  }
  killGroup(child.pid, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise((r) => setTimeout(() => r(true), 15_000)),
  ]);
  if (timedOut) log('server did not stop within 15 s after SIGTERM; sending SIGKILL');
  killGroup(child.pid, 'SIGKILL'); // also ends anything left in the group after the main process exited
  await exited;
}

let cleanupPromise = null;
/** Stops the server and removes the data directory; every caller awaits the same run. */
function cleanup() {
  cleanupPromise ??= (async () => {
    await stopServer();
    if (runDir) {
      if (process.env.PAMONG_E2E_KEEP_DATA === '1') log(`run directory kept: ${runDir}`);
      else {
        // A browser that is still shutting down (after an interrupt) can write into its profile after the
        // first removal: remove again until the directory stays gone.
        for (let attempt = 0; attempt < 6; attempt += 1) {
          rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
          await new Promise((r) => setTimeout(r, attempt === 0 ? 200 : 1000));
          if (!existsSync(runDir)) break;
        }
      }
      runDir = null;
    }
  })();
  return cleanupPromise;
}

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
    log(`${signal}: stopping`);
    writeResult({ passed: 0, failed: 1, skipped: 0, error: `interrupted by ${signal}` });
    const stopVitest = new Promise((resolve) => {
      if (!vitestChild || vitestChild.exitCode !== null || vitestChild.signalCode !== null) return resolve();
      const pid = vitestChild.pid;
      vitestChild.once('exit', () => resolve());
      killGroup(pid, 'SIGTERM');
      setTimeout(() => {
        killGroup(pid, 'SIGKILL');
        resolve();
      }, 5000).unref();
    });
    stopVitest
      .then(() => cleanup())
      .finally(() => process.exit(130));
  });
}

function runVitest(env) {
  return new Promise((resolve) => {
    const args = [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
      ...extraArgs,
    ];
    // Own process group (npx -> sh -> vitest -> workers -> Chromium), so an interrupt stops all of it.
    const child = spawn('npx', args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    vitestChild = child;
    child.on('error', (err) => {
      log(`could not start vitest: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code) => {
      killGroup(child.pid, 'SIGKILL'); // a browser a spec forgot to close, a stuck worker
      resolve(code ?? 1);
    });
  });
}

function countsFromVitest() {
  let report;
  try {
    report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  } catch {
    return null;
  }
  let failed = report.numFailedTests ?? 0;
  for (const result of report.testResults ?? []) {
    const anyFailed = (result.assertionResults ?? []).some((a) => a.status === 'failed');
    if (result.status === 'failed' && !anyFailed) failed += 1; // spec file that did not load
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

async function main() {
  rmSync(resultFile, { force: true });
  rmSync(vitestJson, { force: true });

  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const error = `Chromium not found at ${chromium} (install Debian's chromium package or set CHROMIUM_PATH)`;
    log(error);
    writeResult({ passed: 0, failed: 1, skipped: 0, error });
    return 1;
  }

  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  runDir = mkdtempSync(path.join(os.tmpdir(), 'pamong-e2e-'));
  const specTmp = path.join(runDir, 'tmp');
  mkdirSync(specTmp);

  let baseUrl = process.env.PAMONG_E2E_URL?.replace(/\/+$/, '');
  let email = process.env.PAMONG_E2E_EMAIL;
  let password = process.env.PAMONG_E2E_PASSWORD;

  if (baseUrl) {
    if (!email || !password) {
      const error = 'PAMONG_E2E_URL is set: PAMONG_E2E_EMAIL and PAMONG_E2E_PASSWORD must be set too';
      log(error);
      writeResult({ passed: 0, failed: 1, skipped: 0, error });
      return 1;
    }
    log(`using the server at ${baseUrl}`);
    await waitForHealth(baseUrl, null);
  } else {
    if (!buildWebIfStale({ log })) {
      writeResult({ passed: 0, failed: 1, skipped: 0, error: 'vite build failed' });
      return 1;
    }
    const port = await freePort();
    dataDir = path.join(runDir, 'data');
    mkdirSync(dataDir);
    email = 'admin@pamong.test';
    password = strongPassword();
    baseUrl = `http://127.0.0.1:${port}`;
    log(`starting server on ${baseUrl} with data in ${dataDir}`);
    const started = Date.now();
    server = startServer({ port, password });
    try {
      await waitForHealth(baseUrl, server);
    } catch (err) {
      log(`${err.message}\n--- last lines of ${path.relative(root, serverLogFile)} ---\n${tail(serverLogFile)}`);
      writeResult({ passed: 0, failed: 1, skipped: 0, error: `server did not start: ${err.message}` });
      return 1;
    }
    log(`server healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  if (interrupted) return 130;
  const code = await runVitest({
    ...process.env,
    PAMONG_E2E_URL: baseUrl,
    PAMONG_E2E_EMAIL: email,
    PAMONG_E2E_PASSWORD: password,
    PAMONG_E2E_DATA_DIR: dataDir ?? '',
    CHROMIUM_PATH: chromium,
    TMPDIR: specTmp, // browser profiles land here and go with the run directory

  });
  vitestChild = null;

  const serverDied = server?.child.exitInfo;
  if (serverDied) log(`the server exited during the run (${JSON.stringify(serverDied)}); see ${serverLogFile}`);

  const counts = countsFromVitest() ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  writeResult({ ...counts, exitCode: code, baseUrl, serverLog: path.relative(root, serverLogFile) });
  return code === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  log(`error: ${err.stack ?? err}`);
  writeResult({ passed: 0, failed: 1, skipped: 0, error: String(err.message ?? err) });
  exitCode = 1;
} finally {
  await cleanup();
}
if (interrupted) await new Promise(() => {}); // the signal handler exits once it has cleaned up
process.exit(exitCode);
