import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests (Node, no browser). `npm test` (scripts/test.mjs) runs this config twice:
 * PAMONG_TEST_DB=pglite, then PAMONG_TEST_DB=postgres when TEST_DATABASE_URL is set.
 * End-to-end specs live in test/e2e and run through vitest.e2e.config.ts instead.
 *
 * PGlite instances take ~100 MB each and the machines have 2 cores: at most 2 worker processes.
 */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    exclude: ['**/node_modules/**', '**/dist/**', 'test/e2e/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'test/e2e/**', 'src/web/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['src/web/**/*.test.ts'],
        },
      },
    ],
  },
});
