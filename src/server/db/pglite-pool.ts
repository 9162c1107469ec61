import type { PGlite } from '@electric-sql/pglite';

/**
 * Makes one PGlite instance look like a `pg` pool to Kysely's PostgresDialect.
 *
 * PGlite is a single connection. Kysely holds a connection for the whole of a transaction, so a connection here
 * is a lease on the instance: a second caller waits until the first releases. Without it, two concurrent requests
 * would interleave statements inside each other's transactions. Written here rather than taken from
 * kysely-pglite-dialect, which pins PGlite 0.4 and does not serialise leases.
 */
interface QueryResultLike {
  command: string;
  rowCount: number;
  rows: unknown[];
}

export class PGlitePool {
  private queue: Array<() => void> = [];
  private busy = false;

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PGliteLease> {
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.busy = true;
    return new PGliteLease(this);
  }

  /** Runs `fn` with exclusive use of the instance (COPY, raw exec). */
  async withExclusive<T>(fn: (pglite: PGlite) => Promise<T>): Promise<T> {
    const lease = await this.connect();
    try {
      return await fn(this.pglite);
    } finally {
      lease.release();
    }
  }

  releaseLease(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.busy = false;
  }

  async end(): Promise<void> {
    await this.pglite.close();
  }
}

export class PGliteLease {
  private released = false;
  constructor(private readonly pool: PGlitePool) {}

  async query(sql: string, parameters?: readonly unknown[]): Promise<QueryResultLike> {
    const result = await this.pool.pglite.query(sql, parameters ? [...parameters] : [], { rowMode: 'object' });
    const command = sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? '';
    return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.pool.releaseLease();
  }
}
