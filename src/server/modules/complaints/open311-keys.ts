import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { TOpen311Client } from '../../../contracts/complaints';
import type { TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { TtlCache } from './cache';
import { ComplaintErrors } from './errors';

/**
 * Open311 api_key per client application (GeoReport v2: POST requests need one). The key is shown once; only its
 * SHA-256 is stored (a 32-byte random key needs no slow hash).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export async function createOpen311Client(tx: TxCtx, pemdaId: string, name: string): Promise<TOpen311Client & { key: string }> {
  const key = `p311_${randomBytes(24).toString('base64url')}`;
  const row = await tx.db
    .insertInto('open311_client')
    .values({ pemda_id: pemdaId, name: name.trim().slice(0, 200), key_hash: hashApiKey(key), key_prefix: key.slice(0, 9) })
    .returning(['id', 'name', 'key_prefix', 'active', 'created_at'])
    .executeTakeFirstOrThrow();
  await writeAudit(tx, { pemdaId, action: 'open311.client.created', entityType: 'open311_client', entityId: row.id, after: { name, key_prefix: key.slice(0, 9) } });
  return { ...toClient(row), key };
}

function toClient(row: { id: string; name: string; key_prefix: string; active: boolean; created_at: Date | string }): TOpen311Client {
  return { id: row.id, name: row.name, keyPrefix: row.key_prefix, active: row.active, createdAt: new Date(row.created_at).toISOString() };
}

/** The client applications of a Pemda, newest first; never the key or its hash. */
export async function listOpen311Clients(db: Kysely<DB>, pemdaId: string): Promise<TOpen311Client[]> {
  const rows = await db.selectFrom('open311_client').select(['id', 'name', 'key_prefix', 'active', 'created_at']).where('pemda_id', '=', pemdaId).orderBy('active', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map(toClient);
}

/**
 * Revokes a key: POSTs with it are refused at once in this process and within a minute in the others (the key
 * cache's lifetime). A revoked key stays listed (its complaints keep their client); it cannot be re-activated.
 */
export async function revokeOpen311Client(tx: TxCtx, pemdaId: string, id: string): Promise<TOpen311Client> {
  const existing = await tx.db.selectFrom('open311_client').select(['id', 'name', 'key_prefix', 'active', 'created_at']).where('pemda_id', '=', pemdaId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!existing) throw new AppError(ComplaintErrors.OPEN311_CLIENT_NOT_FOUND);
  if (existing.active) {
    await tx.db.updateTable('open311_client').set({ active: false }).where('pemda_id', '=', pemdaId).where('id', '=', id).execute();
    await writeAudit(tx, { pemdaId, action: 'open311.client.revoked', entityType: 'open311_client', entityId: id, before: { active: true }, after: { active: false } });
  }
  clients.clear();
  return toClient({ ...existing, active: false });
}

export interface Open311Client {
  id: string;
  pemdaId: string;
  name: string;
}

const clients = new TtlCache<Open311Client | null>(60_000);

/** The active client holding this key, or null. Cached for a minute (revocation takes effect within it). */
export function findOpen311Client(db: Kysely<DB>, key: string): Promise<Open311Client | null> {
  if (!/^p311_[A-Za-z0-9_-]{20,60}$/.test(key)) return Promise.resolve(null);
  const hash = hashApiKey(key);
  return clients.get(hash, async () => {
    const row = await db.selectFrom('open311_client').select(['id', 'pemda_id', 'name']).where('key_hash', '=', hash).where('active', '=', true).executeTakeFirst();
    return row ? { id: row.id, pemdaId: row.pemda_id, name: row.name } : null;
  });
}
