import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context';
import { diffRecords, GENESIS_HASH, hashAuditRow } from '../../platform/audit';

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

function actorFields(actor: Actor): { kind: 'user' | 'platform' | 'system' | 'public'; id: string | null; role: string | null } {
  switch (actor.kind) {
    case 'user':
      return { kind: 'user', id: actor.userId, role: actor.role };
    case 'platform':
      return { kind: 'platform', id: actor.userId, role: actor.role };
    case 'system':
      return { kind: 'system', id: null, role: 'system' };
    default:
      return { kind: 'public', id: null, role: null };
  }
}

/**
 * The audit rows of several complaints in one round: the chain head is locked once, the rows are hashed in order
 * exactly as platform/audit.ts writeAudit hashes them (hashAuditRow over the same fields), inserted together, and
 * the head moves to the last one. verifyAuditChain checks them like any other row.
 */
export async function writeComplaintAudits(tx: TxCtx, pemdaId: string, items: readonly PendingIntake[]): Promise<void> {
  await tx.db.insertInto('audit_head').values({ pemda_id: pemdaId, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column('pemda_id').doNothing()).execute();
  const head = await tx.db.selectFrom('audit_head').select(['seq', 'hash']).where('pemda_id', '=', pemdaId).forUpdate().executeTakeFirstOrThrow();
  let seq = head.seq;
  let prev = head.hash;
  const at = new Date();
  const rows = items.map((item) => {
    const actor = actorFields(item.audit.actor);
    const diff = JSON.parse(JSON.stringify({ ...diffRecords(undefined, undefined), detail: item.audit.detail })) as Record<string, unknown>;
    seq += 1;
    const fields = {
      pemda_id: pemdaId,
      seq,
      at,
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_role: actor.role,
      action: 'complaints.filed',
      entity_type: 'complaint',
      entity_id: item.complaint.id,
      diff,
      request_id: item.audit.requestId,
      ip: item.audit.ip,
      prev_hash: prev,
    };
    const hash = hashAuditRow(fields);
    prev = hash;
    return { ...fields, diff: JSON.stringify(diff), hash };
  });
  for (let i = 0; i < rows.length; i += MAX_BATCH) await tx.db.insertInto('audit_log').values(rows.slice(i, i + MAX_BATCH)).execute();
  await tx.db.updateTable('audit_head').set({ seq, hash: prev }).where('pemda_id', '=', pemdaId).execute();
}

async function writeBatch(ctx: Ctx, pemdaId: string, items: readonly PendingIntake[]): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db.insertInto('complaint').values(items.map((i) => i.complaint)).execute();
    await tx.db.insertInto('complaint_event').values(items.map((i) => i.event)).execute();
    await writeComplaintAudits(tx, pemdaId, items);
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
