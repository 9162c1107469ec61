import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db';
import { listMigrations, migrate } from './migrate';
import { GLOBAL_TABLES } from './global-tables';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

interface Constraint {
  table_name: string;
  constraint_name: string;
  constraint_type: string;
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
}

async function constraints(): Promise<Constraint[]> {
  const result = await sql<Constraint>`
    SELECT c.conrelid::regclass::text AS table_name, c.conname AS constraint_name,
           CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'f' THEN 'FOREIGN KEY' END AS constraint_type,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
           CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS ref_table,
           CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END AS ref_columns
    FROM pg_constraint c
    JOIN pg_namespace ns ON ns.oid = c.connamespace
    WHERE ns.nspname = 'public' AND c.contype IN ('p', 'f')`.execute(database.db);
  return result.rows;
}

describe('schema', () => {
  it('is shardable by Pemda: every tenant table leads its primary key and foreign keys with pemda_id', async () => {
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(database.db);
    const all = await constraints();
    const problems: string[] = [];
    for (const { table_name: table } of tables.rows) {
      if (GLOBAL_TABLES.has(table)) continue;
      const pk = all.find((c) => c.table_name === table && c.constraint_type === 'PRIMARY KEY');
      if (!pk) problems.push(`${table}: no primary key`);
      else if (pk.columns[0] !== 'pemda_id') problems.push(`${table}: primary key (${pk.columns.join(', ')}) does not start with pemda_id`);
      for (const fk of all.filter((c) => c.table_name === table && c.constraint_type === 'FOREIGN KEY')) {
        if (fk.ref_table === 'pemda') continue;
        if (fk.columns[0] !== 'pemda_id' || fk.ref_columns?.[0] !== 'pemda_id') {
          problems.push(`${table}: foreign key ${fk.constraint_name} (${fk.columns.join(', ')}) -> ${fk.ref_table} does not lead with pemda_id`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(tables.rows.length).toBeGreaterThan(GLOBAL_TABLES.size);
  });

  it('lists only global tables that really exist, so the exemption list cannot rot', async () => {
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`.execute(database.db);
    const names = new Set(tables.rows.map((r) => r.table_name));
    for (const table of GLOBAL_TABLES) expect(names.has(table), table).toBe(true);
  });

  it('applies migrations in order from empty, and a second run changes nothing', async () => {
    const names = listMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    const applied = await database.db.selectFrom('schema_migration' as never).select('name' as never).execute();
    expect(applied.length).toBe(names.length);
    const again = await migrate(database);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(names.length);
  });

  it('refuses a migration edited after it was applied', async () => {
    const [first, ...rest] = listMigrations();
    if (!first) throw new Error('no migrations');
    await expect(migrate(database, [{ ...first, checksum: 'edited' }, ...rest])).rejects.toThrow(/changed after it was applied/);
  });
});
