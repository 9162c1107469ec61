import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrate';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the server of
 * TEST_DATABASE_URL when PAMONG_TEST_DB=postgres (dropped again by `drop`). Never a mock.
 */
export interface TestDatabase extends Database {
  /** PostgreSQL only: the URL of this test database, to open a second connection pool (a second "process"). */
  url?: string;
  drop(): Promise<void>;
}

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.PAMONG_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind() === 'postgres') {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('PAMONG_TEST_DB=postgres needs TEST_DATABASE_URL');
    const name = `pamong_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await connectDatabase({ kind: 'postgres', databaseUrl: url.toString(), poolSize: 5 });
    await migrate(database);
    return {
      ...database,
      url: url.toString(),
      async drop() {
        await database.close();
        const cleaner = new pg.Client({ connectionString: serverUrl });
        await cleaner.connect();
        await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleaner.end();
      },
    };
  }
  const database = await connectDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(database);
  return { ...database, drop: () => database.close() };
}
