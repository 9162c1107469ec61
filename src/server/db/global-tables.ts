/**
 * Tables that are not per-Pemda: the tenant table itself and platform plumbing. Every other table must lead its
 * primary key and foreign keys with pemda_id (checked by src/server/db/schema.test.ts).
 */
export const GLOBAL_TABLES = new Set([
  'schema_migration',
  'pemda',
  'platform_user',
  'platform_session',
  'scheduled_job',
  'job_queue',
]);
