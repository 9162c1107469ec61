import { createHash } from 'node:crypto';
import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor, TxCtx } from '../http/context';

/**
 * The audit trail: every mutation writes its row(s) in its own transaction. Rows form one SHA-256 hash chain per
 * Pemda (each row hashes its content and the previous row's hash); `audit_head` holds the tip and serialises
 * writers of one Pemda, so the chain has no forks. `verifyAuditChain` finds edited, inserted or deleted rows.
 */
export interface AuditEntry {
  pemdaId: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts (counts of an import, file hash ...) recorded as they are. */
  detail?: Record<string, unknown>;
}

const SECRET_KEY = /password|secret|token|hash|totp|otp/i;
export const GENESIS_HASH = '0'.repeat(64);

/** Key-sorted JSON so the same content always hashes the same, whatever order jsonb returns keys in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function redact(record: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = SECRET_KEY.test(key) ? '[redacted]' : value;
  return out;
}

/** Only what changed, secrets redacted. A creation records `after`, a deletion `before`. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  if (!before) return { after: redact(after) };
  if (!after) return { before: redact(before) };
  // Compare the real values, record redacted ones: the trail shows that a secret changed, never the secret.
  const b = redact(before) ?? {};
  const a = redact(after) ?? {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) changes[key] = { from: b[key] ?? null, to: a[key] ?? null };
  }
  return { changes };
}

interface ChainedFields {
  pemda_id: string;
  seq: number;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  diff: unknown;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
}

/** Hashes exactly the chained fields (a row read back carries more columns, such as its own hash). */
export function hashAuditRow(row: ChainedFields): string {
  const content = canonicalJson({
    pemda_id: row.pemda_id,
    seq: row.seq,
    at: row.at.toISOString(),
    actor_kind: row.actor_kind,
    actor_id: row.actor_id,
    actor_role: row.actor_role,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    diff: row.diff,
    request_id: row.request_id,
    ip: row.ip,
    prev_hash: row.prev_hash,
  });
  return createHash('sha256').update(content).digest('hex');
}

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

export async function writeAudit(ctx: TxCtx, entry: AuditEntry): Promise<void> {
  await writeAuditMany(ctx, [entry]);
}

/** An audit entry written on behalf of another request (group commit): its own actor, request id and IP. */
export interface AuditManyEntry extends AuditEntry {
  actor?: Actor;
  requestId?: string | null;
  ip?: string | null;
}

const AUDIT_INSERT_CHUNK = 250;

/**
 * Several audit rows in one round per Pemda: each chain head is locked once (heads in a fixed order, so two
 * writers never deadlock), the rows are hashed in order exactly as single rows are, inserted in multi-row
 * statements and the head moves to the last one. An entry may carry the actor, request id and IP of the request
 * it records (group-committed intake); otherwise the transaction's own are used. verifyAuditChain checks the rows
 * like any other.
 */
export interface AuditManyOptions {
  /**
   * Statements to run in the same round trip as the first chain-head lock, as CTEs with RETURNING
   * (`build: (db) => db.with(...)`, `names`: the CTE names): a batch's own inserts ride along instead of costing a
   * round trip of their own. The head row is locked only once they have run to completion, so they never
   * lengthen the time other writers of the Pemda wait on it.
   */
  alongWith?: { build: (db: Kysely<DB>) => QueryCreator<DB>; names: readonly string[] };
}

export async function writeAuditMany(ctx: TxCtx, entries: readonly AuditManyEntry[], options: AuditManyOptions = {}): Promise<void> {
  if (entries.length === 0) return;
  const { db } = ctx;
  const byPemda = new Map<string, AuditManyEntry[]>();
  for (const entry of entries) {
    const list = byPemda.get(entry.pemdaId);
    if (list) list.push(entry);
    else byPemda.set(entry.pemdaId, [entry]);
  }
  const at = new Date();
  let along = options.alongWith;
  for (const pemdaId of [...byPemda.keys()].sort()) {
    // Creates the head on first use and locks it in one statement (the no-op update takes the row lock).
    const insertHead = along
      ? along
          .build(db)
          .insertInto('audit_head')
          .columns(['pemda_id', 'seq', 'hash'])
          // Reading every CTE to the end first (count) orders the statement: their rows, then the head lock.
          .expression(sql<{ pemda_id: string; seq: number; hash: string }>`SELECT ${pemdaId}::uuid, 0, ${GENESIS_HASH} WHERE ${sql.join(along.names.map((name) => sql`(SELECT count(*) FROM ${sql.table(name)})`), sql` + `)} >= 0`)
      : db.insertInto('audit_head').values({ pemda_id: pemdaId, seq: 0, hash: GENESIS_HASH });
    along = undefined;
    const head = await insertHead
      .onConflict((oc) => oc.column('pemda_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_head.seq') })))
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    let seq = head.seq;
    let prev = head.hash;
    const rows = (byPemda.get(pemdaId) ?? []).map((entry) => {
      const actor = actorFields(entry.actor ?? ctx.actor);
      const diff = JSON.parse(
        JSON.stringify({ ...diffRecords(entry.before, entry.after), ...(entry.detail ? { detail: entry.detail } : {}) }),
      ) as Record<string, unknown>;
      seq += 1;
      const fields: ChainedFields = {
        pemda_id: pemdaId,
        seq,
        at,
        actor_kind: actor.kind,
        actor_id: actor.id,
        actor_role: actor.role,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId ?? null,
        diff,
        request_id: entry.requestId !== undefined ? entry.requestId : ctx.requestId,
        ip: entry.ip !== undefined ? entry.ip : ctx.ip,
        prev_hash: prev,
      };
      const hash = hashAuditRow(fields);
      prev = hash;
      return { ...fields, actor_kind: actor.kind, diff: JSON.stringify(diff), hash };
    });
    // The last chunk and the head move go in one statement: one round trip fewer while the head is locked.
    let i = 0;
    for (; i + AUDIT_INSERT_CHUNK < rows.length; i += AUDIT_INSERT_CHUNK) await db.insertInto('audit_log').values(rows.slice(i, i + AUDIT_INSERT_CHUNK)).execute();
    const last = rows.slice(i);
    await db
      .with('written', (qb) => qb.insertInto('audit_log').values(last))
      .updateTable('audit_head')
      .set({ seq, hash: prev })
      .where('pemda_id', '=', pemdaId)
      .execute();
  }
}

export interface AuditProblem {
  seq: number;
  kind: 'edited' | 'broken_link' | 'missing' | 'tail_mismatch';
  message: string;
}

export interface AuditVerifyResult {
  pemdaId: string;
  rows: number;
  ok: boolean;
  problems: AuditProblem[];
}

/**
 * Walks the chain of one Pemda. An edited row no longer matches its own hash; an inserted or deleted row breaks
 * the sequence or the link to the previous hash; a deleted tail no longer matches audit_head.
 */
export async function verifyAuditChain(db: Kysely<DB>, pemdaId: string): Promise<AuditVerifyResult> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let lastSeq = 0;
  const batch = 5000;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('pemda_id', '=', pemdaId)
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of page) {
      rows += 1;
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: row.seq,
          kind: 'missing',
          message: row.seq > expectedSeq ? `rows ${expectedSeq}..${row.seq - 1} are missing` : `sequence repeats at ${row.seq}`,
        });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({ seq: row.seq, kind: 'broken_link', message: `row ${row.seq} does not link to the row before it` });
      }
      const recomputed = hashAuditRow({ ...row, at: new Date(row.at), diff: row.diff });
      if (recomputed !== row.hash) {
        problems.push({ seq: row.seq, kind: 'edited', message: `row ${row.seq} was changed after it was written` });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      lastSeq = row.seq;
    }
    if (page.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('pemda_id', '=', pemdaId).executeTakeFirst();
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    problems.push({
      seq: lastSeq,
      kind: 'tail_mismatch',
      message: `the chain ends at row ${lastSeq} but ${head.seq} rows were written: rows at the end were deleted`,
    });
  }
  return { pemdaId, rows, ok: problems.length === 0, problems };
}
