import type { Insertable, Kysely, QueryCreator } from 'kysely';
import type { DB } from '../../db/schema';
import { inTransaction, type Actor, type Ctx } from '../../http/context';
import { writeAuditMany } from '../../platform/audit';

/**
 * Group commit for complaint intake (issue 6 §10: thousands of Open311 POSTs a second). Every audit row of a Pemda
 * goes through one lock (audit_head), so one transaction per complaint serialises on it. Under load the intakes
 * that arrive while a batch is being written wait for the next batch: one transaction inserts them all, each with
 * its own timeline entry and its own audit row (same request id, IP and actor as writeAudit would record), and
 * each caller hears back only after that transaction commits. A batch that fails is retried one complaint per
 * transaction, so one bad row never fails the others. At low load a batch holds one complaint.
 */
export interface PendingIntake {
  complaint: Insertable<DB['complaint']> & { id: string; code: string };
  event: Insertable<DB['complaint_event']>;
  audit: { detail: Record<string, unknown>; actor: Actor; requestId: string; ip: string | null };
}

interface Waiting extends PendingIntake {
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 250;

async function writeBatch(ctx: Ctx, pemdaId: string, items: readonly PendingIntake[]): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    // One audit row per complaint, with that request's own actor, request id and IP (platform/audit.ts). The
    // complaints and their first timeline entries ride along with the chain-head lock as CTEs (written before the
    // lock is taken), so a batch costs four round trips: BEGIN, complaints + events + head lock, audit rows + head
    // move, COMMIT; the head is held only for the last two.
    await writeAuditMany(
      tx,
      items.map((item) => ({ pemdaId, action: 'complaints.filed', entityType: 'complaint', entityId: item.complaint.id, detail: item.audit.detail, actor: item.audit.actor, requestId: item.audit.requestId, ip: item.audit.ip })),
      {
        alongWith: {
          names: ['filed', 'timeline'],
          // The CTE names widen the builder's table map; the head lock only needs audit_head from it.
          build: (db) =>
            db
              .with('filed', (qb) => qb.insertInto('complaint').values(items.map((i) => i.complaint)).returning('id'))
              .with('timeline', (qb) => qb.insertInto('complaint_event').values(items.map((i) => i.event)).returning('complaint_id')) as unknown as QueryCreator<DB>,
        },
      },
    );
  });
}

/**
 * Transactions of one Pemda in flight at once: while one holds the audit chain head (its last statement and the
 * commit), the next sends its BEGIN. More would only queue on the head lock and split the waiting requests into
 * smaller batches.
 */
const MAX_IN_FLIGHT = 2;

class IntakeBatcher {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly inFlight = new Map<string, number>();
  private readonly scheduled = new Set<string>();

  constructor(private readonly db: Kysely<DB>) {}

  submit(pemdaId: string, item: PendingIntake): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues.get(pemdaId) ?? [];
      queue.push({ ...item, resolve, reject });
      this.queues.set(pemdaId, queue);
      this.schedule(pemdaId);
    });
  }

  /**
   * Starts a batch on the next turn of the event loop, not now: the requests read in this same turn join it.
   * PGlite runs each statement synchronously, so a batch started at once would be written before the next request
   * is even parsed, and every batch would hold one complaint (that was the 33 req/s on PGlite).
   */
  private schedule(pemdaId: string): void {
    if (this.scheduled.has(pemdaId) || (this.inFlight.get(pemdaId) ?? 0) >= MAX_IN_FLIGHT) return;
    if ((this.queues.get(pemdaId)?.length ?? 0) === 0) return;
    this.scheduled.add(pemdaId);
    setImmediate(() => {
      this.scheduled.delete(pemdaId);
      this.launch(pemdaId);
    });
  }

  private launch(pemdaId: string): void {
    const queue = this.queues.get(pemdaId) ?? [];
    const running = this.inFlight.get(pemdaId) ?? 0;
    if (queue.length === 0 || running >= MAX_IN_FLIGHT) return;
    const batch = queue.splice(0, MAX_BATCH);
    this.inFlight.set(pemdaId, running + 1);
    void this.write(pemdaId, batch).finally(() => {
      this.inFlight.set(pemdaId, (this.inFlight.get(pemdaId) ?? 1) - 1);
      this.schedule(pemdaId);
    });
    this.schedule(pemdaId);
  }

  private async write(pemdaId: string, batch: Waiting[]): Promise<void> {
    const ctx: Ctx = { db: this.db, actor: batch[0]?.audit.actor ?? { kind: 'anonymous', role: 'public' }, requestId: 'intake-batch', ip: null, lang: 'id' };
    try {
      await writeBatch(ctx, pemdaId, batch);
      for (const item of batch) item.resolve();
    } catch (batchError) {
      if (batch.length === 1) {
        batch[0]?.reject(batchError);
        return;
      }
      // One bad row (a code collision, say) must not fail the others: retry each on its own.
      for (const item of batch) {
        try {
          await writeBatch(ctx, pemdaId, [item]);
          item.resolve();
        } catch (error) {
          item.reject(error);
        }
      }
    }
  }
}

const batchers = new WeakMap<Kysely<DB>, IntakeBatcher>();

/** Files one complaint through the group commit of its database; resolves once it is committed. */
export function submitIntake(db: Kysely<DB>, pemdaId: string, item: PendingIntake): Promise<void> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new IntakeBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.submit(pemdaId, item);
}
