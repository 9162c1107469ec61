#!/usr/bin/env node
// Builds the web app (`npx vite build` -> dist/web) only when dist/web/index.html is missing or older than
// the newest file under src/web, index.html or vite.config.ts. Used by `npm start` and scripts/e2e.mjs.
// `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest mtime (ms) among a file or everything under a directory; 0 when it does not exist. */
function newestMtime(target) {
  let st;
  try {
    st = statSync(target);
  } catch {
    return { mtime: 0, file: null };
  }
  if (!st.isDirectory()) return { mtime: st.mtimeMs, file: target };
  let best = { mtime: 0, file: null };
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const found = newestMtime(path.join(target, entry.name));
    if (found.mtime > best.mtime) best = found;
  }
  return best;
}

/** Why the bundle must be rebuilt, or null when it is up to date. */
export function webBuildStaleReason() {
  const output = path.join(root, 'dist', 'web', 'index.html');
  if (!existsSync(output)) return 'dist/web/index.html is missing';
  const built = statSync(output).mtimeMs;
  const inputs = ['src/web', 'index.html', 'vite.config.ts'].map((p) => newestMtime(path.join(root, p)));
  const newest = inputs.reduce((a, b) => (b.mtime > a.mtime ? b : a), { mtime: 0, file: null });
  if (newest.mtime > built) return `${path.relative(root, newest.file)} is newer than dist/web/index.html`;
  return null;
}

/** Runs `npx vite build` when needed; returns true when the bundle is (now) up to date. */
export function buildWebIfStale({ force = false, log = (m) => console.log(m) } = {}) {
  const reason = force ? 'forced' : webBuildStaleReason();
  if (!reason) {
    log('web bundle is up to date (dist/web); not rebuilding');
    return true;
  }
  log(`building web bundle: ${reason}: npx vite build`);
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    log(`vite build failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    return false;
  }
  log(`web bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const ok = buildWebIfStale({ force: process.argv.includes('--force') });
  process.exitCode = ok ? 0 : 1;
}
