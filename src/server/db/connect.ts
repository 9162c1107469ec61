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
  copyRows(table: string, columns: readonly string[], rows: CopySource): Promise<number>;
  /**
   * A Kysely transaction that can also COPY rows on its own connection, so a bulk load commits or rolls back
   * together with the rest (audit row included).
   */
  transactionWithCopy<T>(fn: (trx: Transaction<DB>, copy: CopyFn) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script and follow-up statements in one raw transaction (migrations). */
  rawTransaction<T>(fn: (raw: RawExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * What COPY takes: lines of COPY text (each ending in a newline), or those lines already encoded as one UTF-8
 * byte range (a caller that reuses its buffer between batches; it may reuse it once the promise settles).
 */
export type CopySource = AsyncIterable<string> | Iterable<string> | Uint8Array;

export type CopyFn = (table: string, columns: readonly string[], rows: CopySource) => Promise<number>;

/** The COPY text of a source as one Blob (PGlite reads it from /dev/blob); null when there is nothing to copy. */
async function copyBlob(rows: CopySource): Promise<{ blob: Blob; lines: number } | null> {
  if (rows instanceof Uint8Array) {
    if (rows.byteLength === 0) return null;
    let lines = 0;
    for (let at = rows.indexOf(0x0a); at !== -1; at = rows.indexOf(0x0a, at + 1)) lines += 1;
    return { blob: new Blob([rows as Uint8Array<ArrayBuffer>]), lines };
  }
  const chunks: string[] = [];
  for await (const line of rows as AsyncIterable<string>) chunks.push(line);
  return chunks.length === 0 ? null : { blob: new Blob([chunks.join('')]), lines: chunks.length };
}

/** The temporary files of PGlite's COPY in its data directory. */
const COPY_FILE = /^pamong-copy-\d+-\d+\.tmp$/;

/** Writes all of `bytes` (fs.writeSync may write fewer than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.byteLength; ) offset += fs.writeSync(fd, bytes, offset, bytes.byteLength - offset);
}

/** Writes a COPY source to a file, in pieces of about 1 MB; returns the number of lines. */
async function writeCopyFile(file: string, rows: CopySource): Promise<number> {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    if (rows instanceof Uint8Array) {
      writeAll(fd, rows);
      let lines = 0;
      for (let at = rows.indexOf(0x0a); at !== -1; at = rows.indexOf(0x0a, at + 1)) lines += 1;
      return lines;
    }
    let lines = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    for await (const line of rows as AsyncIterable<string>) {
      pending.push(line);
      pendingChars += line.length;
      lines += 1;
      if (pendingChars >= 1 << 20) {
        writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
        pending = [];
        pendingChars = 0;
      }
    }
    if (pending.length > 0) writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
    return lines;
  } finally {
    fs.closeSync(fd);
  }
}

/** The source as a stream for pg-copy-streams: one chunk for bytes, the lines as they come otherwise. */
function copyStream(rows: CopySource): Readable {
  return rows instanceof Uint8Array ? Readable.from([Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)]) : Readable.from(rows);
}

export interface RawExecutor {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface ConnectOptions {
  kind: DatabaseKind;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  /** PGlite's buffer pool in MB (PGLITE_SHARED_BUFFERS_MB by default). */
  sharedBuffersMb?: number;
  databaseUrl?: string;
  poolSize?: number;
  /** Called when an idle PostgreSQL connection fails (the pool recovers by itself). */
  onIdleError?: (error: Error) => void;
}

/**
 * PGlite's buffer pool lives in this process (its WASM memory) and is resident from the start. PostgreSQL's
 * default of 128 MB put a 1,000,000-line attlog import at about 500 MB peak, on the 512 MB limit of issue 5 §10;
 * 96 MB gives it room (about 440 MB) for an import some 10 % slower. PostgreSQL proper keeps its own setting.
 */
export const PGLITE_SHARED_BUFFERS_MB = 96;

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  return options.kind === 'postgres' ? connectPostgres(options) : connectPGlite(options);
}

async function connectPGlite(options: ConnectOptions): Promise<Database> {
  const target = options.dataDir ?? 'memory://';
  const onDisk = !target.startsWith('memory://');
  if (onDisk) {
    fs.mkdirSync(target, { recursive: true });
    // Files of a COPY that a crash interrupted.
    for (const name of fs.readdirSync(target)) if (COPY_FILE.test(name)) fs.rmSync(path.join(target, name), { force: true });
  }
  const pglite = await PGlite.create(target, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffersMb ?? PGLITE_SHARED_BUFFERS_MB}MB`],
    extensions: { pg_trgm },
    parsers: { [OID.int8]: parseNumber, [OID.numeric]: parseNumber, [OID.date]: keepString },
  });
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
  // Where PGlite sees the data directory inside its own file system (it is the host directory, mounted).
  const innerDataDir = onDisk ? ((await pglite.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory ?? null) : null;
  let copyFiles = 0;
  /**
   * COPY on a PGlite instance. On disk the rows go through a file in the data directory that PostgreSQL reads
   * itself: its bytes never become a JavaScript ArrayBuffer (through /dev/blob every batch was copied twice on
   * the JS side, and that garbage was most of a large import's peak memory). In memory, through /dev/blob.
   */
  const copyInto = async (instance: Pick<PGlite, 'query'>, table: string, columns: readonly string[], rows: CopySource): Promise<number> => {
    const statement = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM`;
    if (!innerDataDir) {
      const source = await copyBlob(rows);
      if (!source) return 0;
      const result = await instance.query(`${statement} '/dev/blob' WITH (FORMAT text)`, [], { blob: source.blob });
      return result.affectedRows ?? source.lines;
    }
    copyFiles += 1;
    const name = `pamong-copy-${process.pid}-${copyFiles}.tmp`;
    const file = path.join(target, name);
    try {
      const lines = await writeCopyFile(file, rows);
      if (lines === 0) return 0;
      const result = await instance.query(`${statement} '${innerDataDir}/${name}' WITH (FORMAT text)`);
      return result.affectedRows ?? lines;
    } finally {
      fs.rmSync(file, { force: true });
    }
  };
  return {
    kind: 'pglite',
    db,
    async copyRows(table, columns, rows) {
      return pool.withExclusive((instance) => copyInto(instance, table, columns, rows));
    },
    async transactionWithCopy(fn) {
      return db.transaction().execute((trx) =>
        // Inside the transaction this caller holds the only connection, so COPY goes straight to the instance.
        fn(trx, (table, columns, rows) => copyInto(pglite, table, columns, rows)),
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
        await pipeline(copyStream(rows), stream);
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
            await pipeline(copyStream(rows), stream);
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
