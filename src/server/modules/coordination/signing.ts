import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { TxCtx } from '../../http/context';
import { canonicalJson, writeAudit } from '../../platform/audit';
import type { SecretBox } from '../../platform/secrets';
import type { AssignedOpd } from './tables';

/**
 * Directive signatures: Ed25519 (RFC 8032) over the canonical JSON of what was instructed, with one key per Pemda.
 * The private key is sealed with the server key (SecretBox); rotating makes a new key active and keeps the old
 * public keys, so every signature ever made still verifies. Verification is recomputed from the stored row on
 * every request: a changed word, date or OPD in the database no longer matches its hash and signature.
 */
export interface SignedContent {
  pemdaKode: string;
  number: string;
  issuerName: string;
  issuerRole: string;
  issuedAt: Date;
  text: string;
  tags: readonly string[];
  priority: string;
  dueDate: string;
  assignedOpds: readonly AssignedOpd[];
  supersedesNumber: string | null;
}

/** The exact bytes that are signed. OPDs by code and tags sorted, so order never matters. */
export function canonicalDirective(content: SignedContent): string {
  return canonicalJson({
    pemda: content.pemdaKode,
    number: content.number,
    issuer: { name: content.issuerName, role: content.issuerRole },
    issued_at: content.issuedAt.toISOString(),
    text: content.text,
    tags: [...content.tags].sort(),
    priority: content.priority,
    due_date: content.dueDate,
    assigned_opds: [...content.assignedOpds].sort((a, b) => a.code.localeCompare(b.code)).map((opd) => ({ code: opd.code, name: opd.name })),
    supersedes: content.supersedesNumber,
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return jwk.x;
}

export function keyIdOf(publicKeyB64url: string): string {
  return `ed25519-${createHash('sha256').update(Buffer.from(publicKeyB64url, 'base64url')).digest('hex').slice(0, 16)}`;
}

export function publicKeyFrom(publicKeyB64url: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKeyB64url }, format: 'jwk' });
}

/** An Ed25519 private key from a 32-byte seed (RFC 8410 PKCS#8 wrapping). */
export function privateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('Ed25519 seed must be 32 bytes');
  const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' });
}

export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

export type VerifyReason = 'ok' | 'content_changed' | 'bad_signature' | 'unknown_key';

export function verifySignature(input: { canonical: string; contentHash: string; signature: string; publicKey: string | null }): { valid: boolean; reason: VerifyReason } {
  if (sha256Hex(input.canonical) !== input.contentHash) return { valid: false, reason: 'content_changed' };
  if (!input.publicKey) return { valid: false, reason: 'unknown_key' };
  let ok = false;
  try {
    ok = verify(null, Buffer.from(input.canonical, 'utf8'), publicKeyFrom(input.publicKey), Buffer.from(input.signature, 'base64'));
  } catch {
    ok = false;
  }
  return ok ? { valid: true, reason: 'ok' } : { valid: false, reason: 'bad_signature' };
}

export interface ActiveKey {
  id: string;
  privateKey: KeyObject;
}

async function insertKey(tx: TxCtx, secrets: SecretBox, pemdaId: string, note: string): Promise<ActiveKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = rawPublicKey(publicKey);
  const id = keyIdOf(x);
  const sealed = secrets.seal(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
  await tx.db.insertInto('coord_signing_key').values({ pemda_id: pemdaId, id, public_key: x, private_key_sealed: sealed, active: true, note }).execute();
  await writeAudit(tx, { pemdaId, action: 'coordination.key_created', entityType: 'coord_signing_key', entityId: id, detail: { publicKey: x, note } });
  return { id, privateKey };
}

/** The Pemda's active signing key, created on first use. */
export async function activeSigningKey(tx: TxCtx, secrets: SecretBox, pemdaId: string): Promise<ActiveKey> {
  const row = await tx.db.selectFrom('coord_signing_key').select(['id', 'private_key_sealed']).where('pemda_id', '=', pemdaId).where('active', '=', true).executeTakeFirst();
  if (row?.private_key_sealed) {
    const der = Buffer.from(secrets.open(row.private_key_sealed), 'base64');
    return { id: row.id, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
  }
  if (row) await tx.db.updateTable('coord_signing_key').set({ active: false, retired_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', row.id).execute();
  return insertKey(tx, secrets, pemdaId, 'first key');
}

/** Retires the active key (its public half stays) and makes a new one active. */
export async function rotateSigningKey(tx: TxCtx, secrets: SecretBox, pemdaId: string): Promise<string> {
  const retired = await tx.db
    .updateTable('coord_signing_key')
    .set({ active: false, retired_at: new Date() })
    .where('pemda_id', '=', pemdaId)
    .where('active', '=', true)
    .returning('id')
    .execute();
  const key = await insertKey(tx, secrets, pemdaId, 'rotation');
  await writeAudit(tx, { pemdaId, action: 'coordination.key_rotated', entityType: 'coord_signing_key', entityId: key.id, detail: { retired: retired.map((r) => r.id) } });
  return key.id;
}

export async function publicKeyOf(db: Kysely<DB>, pemdaId: string, keyId: string): Promise<string | null> {
  const row = await db.selectFrom('coord_signing_key').select('public_key').where('pemda_id', '=', pemdaId).where('id', '=', keyId).executeTakeFirst();
  return row?.public_key ?? null;
}
