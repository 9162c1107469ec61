import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connect';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Ordered SQL files `NNNN_name.sql`. Modules take number ranges (see docs/ARCHITECTURE.md) to avoid collisions. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sqlText = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql: sqlText, checksum: createHash('sha256').update(sqlText).digest('hex') };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations, each in its own transaction. On PostgreSQL an advisory lock makes a second process
 * wait and then find nothing left to do, so several servers may start at once.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<MigrateResult> {
  const applied: string[] = [];
  await database.rawTransaction(async (raw) => {
    await raw.exec(
      `CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  });
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const done = await database.rawTransaction(async (raw) => {
      if (database.kind === 'postgres') await raw.query(`SELECT pg_advisory_xact_lock(7263001)`);
      const rows = await raw.query<{ checksum: string }>(`SELECT checksum FROM schema_migration WHERE name = $1`, [
        migration.name,
      ]);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        return true;
      }
      await raw.exec(migration.sql);
      await raw.query(`INSERT INTO schema_migration (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
      return false;
    });
    if (done) alreadyApplied += 1;
    else applied.push(migration.name);
  }
  return { applied, alreadyApplied };
}
