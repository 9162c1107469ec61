import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseKind } from '../config';
import { PGlitePool } from './pglite-pool';
import type { DB } from './schema';

/** OIDs whose parsing we pin so both drivers return the same JavaScript values. */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

// `date` stays a 'YYYY-MM-DD' string: a JS Date would shift it by the server's time zone.
// int8 and numeric become numbers: counts and money in this domain stay far below 2^53.
const parseNumber = (value: string) => Number(value);
const keepString = (value: string) => value;

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Bulk load rows into a table with COPY (the fastest path on either driver). */
  copyRows(table: string, columns: readonly string[], rows: AsyncIterable<string> | Iterable<string>): Promise<number>;
  /**
   * A Kysely transaction that can also COPY rows on its own connection, so a bulk load commits or rolls back
   * together with the rest (audit row included).
   */
  transactionWithCopy<T>(fn: (trx: Transaction<DB>, copy: CopyFn) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script and follow-up statements in one raw transaction (migrations). */
  rawTransaction<T>(fn: (raw: RawExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type CopyFn = (table: string, columns: readonly string[], rows: AsyncIterable<string> | Iterable<string>) => Promise<number>;

export interface RawExecutor {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface ConnectOptions {
  kind: DatabaseKind;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  databaseUrl?: string;
  poolSize?: number;
  /** Called when an idle PostgreSQL connection fails (the pool recovers by itself). */
  onIdleError?: (error: Error) => void;
}

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  return options.kind === 'postgres' ? connectPostgres(options) : connectPGlite(options);
}

async function connectPGlite(options: ConnectOptions): Promise<Database> {
  const target = options.dataDir ?? 'memory://';
  if (!target.startsWith('memory://')) fs.mkdirSync(target, { recursive: true });
  const pglite = await PGlite.create(target, {
    extensions: { pg_trgm },
    parsers: { [OID.int8]: parseNumber, [OID.numeric]: parseNumber, [OID.date]: keepString },
  });
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return {
    kind: 'pglite',
    db,
    async copyRows(table, columns, rows) {
      const chunks: string[] = [];
      for await (const line of rows as AsyncIterable<string>) chunks.push(line);
      if (chunks.length === 0) return 0;
      const blob = new Blob([chunks.join('')]);
      return pool.withExclusive(async (instance) => {
        const result = await instance.query(
          `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT text)`,
          [],
          { blob },
        );
        return result.affectedRows ?? chunks.length;
      });
    },
    async transactionWithCopy(fn) {
      return db.transaction().execute((trx) =>
        // Inside the transaction this caller holds the only connection, so COPY goes straight to the instance.
        fn(trx, async (table, columns, rows) => {
          const chunks: string[] = [];
          for await (const line of rows as AsyncIterable<string>) chunks.push(line);
          if (chunks.length === 0) return 0;
          const result = await pglite.query(
            `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT text)`,
            [],
            { blob: new Blob([chunks.join('')]) },
          );
          return result.affectedRows ?? chunks.length;
        }),
      );
    },
    async rawTransaction(fn) {
      return pool.withExclusive((instance) =>
        instance.transaction((tx) =>
          fn({
            exec: async (script) => {
              await tx.exec(script);
            },
            query: async (text, params) => (await tx.query(text, params ?? [])).rows as never,
          }),
        ),
      );
    },
    async close() {
      await db.destroy();
    },
  };
}

async function connectPostgres(options: ConnectOptions): Promise<Database> {
  if (!options.databaseUrl) throw new Error('DATABASE_URL is required for PostgreSQL');
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === OID.int8 || oid === OID.numeric) return parseNumber;
      if (oid === OID.date) return keepString;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
  // An idle client can lose its connection (server restart, failover, a database dropped under it); node-postgres
  // then emits 'error' on the pool, which crashes the process without a listener. The pool replaces the client on
  // the next checkout, so noting it is enough; a query in flight still gets its own error.
  pool.on('error', (error) => {
    if (options.onIdleError) options.onIdleError(error);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT text)`),
        );
        await pipeline(Readable.from(rows), stream);
        return Number(stream.rowCount ?? 0);
      } finally {
        client.release();
      }
    },
    async transactionWithCopy(fn) {
      const client = await pool.connect();
      try {
        // A Kysely bound to this one client: its transaction and the COPY share the connection.
        const single = { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined };
        const bound = new Kysely<DB>({ dialect: new PostgresDialect({ pool: single as never }) });
        return await bound.transaction().execute((trx) =>
          fn(trx, async (table, columns, rows) => {
            const stream = client.query(
              copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT text)`),
            );
            await pipeline(Readable.from(rows), stream);
            return Number(stream.rowCount ?? 0);
          }),
        );
      } finally {
        client.release();
      }
    },
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async (text, params) => (await client.query(text, params ?? [])).rows as never,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing unusual identifier ${name}`);
  return `"${name}"`;
}

/** One value in PostgreSQL's COPY text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyLine(values: readonly unknown[]): string {
  return `${values.map(copyValue).join('\t')}\n`;
}

export function pgliteDataDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export { sql };
