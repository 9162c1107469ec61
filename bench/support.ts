import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrate';

/** A fresh, migrated database for one benchmark: in-memory PGlite or a new database on the PostgreSQL server. */
export async function benchDatabase(kind: 'pglite' | 'postgres', serverUrl?: string): Promise<Database & { drop(): Promise<void>; url?: string }> {
  if (kind === 'pglite') {
    const database = await connectDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await migrate(database);
    return { ...database, drop: () => database.close() };
  }
  if (!serverUrl) throw new Error('postgres bench needs a server URL');
  const name = `pamong_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await connectDatabase({ kind: 'postgres', databaseUrl: url.toString() });
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
