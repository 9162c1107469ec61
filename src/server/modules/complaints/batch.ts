import type { Insertable, Kysely } from 'kysely';
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
    await tx.db.insertInto('complaint').values(items.map((i) => i.complaint)).execute();
    await tx.db.insertInto('complaint_event').values(items.map((i) => i.event)).execute();
    // One audit row per complaint, with that request's own actor, request id and IP (platform/audit.ts).
    await writeAuditMany(
      tx,
      items.map((item) => ({ pemdaId, action: 'complaints.filed', entityType: 'complaint', entityId: item.complaint.id, detail: item.audit.detail, actor: item.audit.actor, requestId: item.audit.requestId, ip: item.audit.ip })),
    );
  });
}

class IntakeBatcher {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly busy = new Set<string>();

  constructor(private readonly db: Kysely<DB>) {}

  submit(pemdaId: string, item: PendingIntake): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues.get(pemdaId) ?? [];
      queue.push({ ...item, resolve, reject });
      this.queues.set(pemdaId, queue);
      if (!this.busy.has(pemdaId)) void this.drain(pemdaId);
    });
  }

  private async drain(pemdaId: string): Promise<void> {
    this.busy.add(pemdaId);
    try {
      for (;;) {
        const queue = this.queues.get(pemdaId) ?? [];
        if (queue.length === 0) break;
        const batch = queue.splice(0, MAX_BATCH);
        const ctx: Ctx = { db: this.db, actor: batch[0]?.audit.actor ?? { kind: 'anonymous', role: 'public' }, requestId: 'intake-batch', ip: null, lang: 'id' };
        try {
          await writeBatch(ctx, pemdaId, batch);
          for (const item of batch) item.resolve();
        } catch (batchError) {
          if (batch.length === 1) {
            batch[0]?.reject(batchError);
            continue;
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
    } finally {
      this.busy.delete(pemdaId);
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
