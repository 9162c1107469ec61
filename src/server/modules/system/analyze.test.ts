import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../../../test/support/db';
import { buildPemda } from '../../../../test/factories';
import { analyzeIfEmbedded } from './analyze';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('analyzeIfEmbedded', () => {
  it('refreshes planner statistics on PGlite and leaves PostgreSQL to its autovacuum', async () => {
    await buildPemda(database.db);
    const stats = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'pemda'`.execute(database.db)).rows[0]?.n);
    const before = await stats();
    const ran = await analyzeIfEmbedded(database.db);
    expect(ran).toBe(testDbKind() === 'pglite');
    if (ran) expect(await stats()).toBeGreaterThan(before);
  });
});
