import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { TxCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { TtlCache } from './cache';

/**
 * Open311 api_key per client application (GeoReport v2: POST requests need one). The key is shown once; only its
 * SHA-256 is stored (a 32-byte random key needs no slow hash).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export async function createOpen311Client(tx: TxCtx, pemdaId: string, name: string): Promise<{ id: string; key: string }> {
  const key = `p311_${randomBytes(24).toString('base64url')}`;
  const row = await tx.db
    .insertInto('open311_client')
    .values({ pemda_id: pemdaId, name: name.trim().slice(0, 200), key_hash: hashApiKey(key), key_prefix: key.slice(0, 9) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(tx, { pemdaId, action: 'open311.client.created', entityType: 'open311_client', entityId: row.id, after: { name, key_prefix: key.slice(0, 9) } });
  return { id: row.id, key };
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
