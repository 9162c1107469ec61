import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * PGlite has no autovacuum worker, so nothing ever refreshes the planner's statistics: tables that started empty
 * keep plans made for empty tables (measured on complaint intake: 30 ms per batch of 20 before one ANALYZE, 8 ms
 * after). PostgreSQL's autovacuum does this itself, so there the job does nothing.
 */
export async function analyzeIfEmbedded(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ version: string }>`SELECT version() AS version`.execute(db);
  if (!rows[0]?.version.includes('PGlite')) return false;
  await sql`ANALYZE`.execute(db);
  return true;
}
