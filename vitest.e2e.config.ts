import { defineConfig } from 'vitest/config';

/**
 * End-to-end specs: real server (started by scripts/e2e.mjs) driven through Chromium by playwright-core.
 * One spec file at a time: they share one server and one database, and a browser per worker is plenty
 * on 2 cores. Run them with `npm run test:e2e` (or `node scripts/e2e.mjs`), not with plain vitest.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    sequence: { concurrent: false },
  },
});
