import type { Kysely, Selectable } from 'kysely';
import type { TPublicDirective } from '../../../contracts/coordination';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';
import { ISSUER_ROLE_LABELS, pemdaKodeOfCode } from './common';
import { CoordinationErrors } from './errors';
import { canonicalDirective, publicKeyOf, verifySignature, type VerifyReason } from './signing';
import type { AssignedOpd, CoordDirectiveTable } from './tables';

/**
 * Verification of a directive, recomputed from the stored row on every request (never cached): anyone holding
 * the code printed under the QR can check that the instruction is really the head's or the sekda's (seed 004).
 */
export interface VerificationResult {
  valid: boolean;
  reason: VerifyReason;
  contentHash: string;
  keyId: string;
}

export async function verifyDirectiveRow(db: Kysely<DB>, row: Selectable<CoordDirectiveTable>): Promise<VerificationResult> {
  const pemda = await db.selectFrom('pemda').select('kode_wilayah').where('id', '=', row.pemda_id).executeTakeFirstOrThrow();
  const canonical = canonicalDirective({
    pemdaKode: pemda.kode_wilayah,
    number: row.number,
    issuerName: row.issuer_name,
    issuerRole: row.issuer_role,
    issuedAt: row.issued_at,
    text: row.text,
    tags: row.tags,
    priority: row.priority,
    dueDate: row.due_date,
    assignedOpds: row.assigned_opds as AssignedOpd[],
    supersedesNumber: row.supersedes_number,
  });
  const publicKey = await publicKeyOf(db, row.pemda_id, row.key_id);
  const result = verifySignature({ canonical, contentHash: row.content_hash, signature: row.signature, publicKey });
  return { ...result, contentHash: row.content_hash, keyId: row.key_id };
}

export async function publicVerification(db: Kysely<DB>, code: string): Promise<TPublicDirective> {
  const kode = pemdaKodeOfCode(code);
  if (!kode) throw new AppError(CoordinationErrors.DIRECTIVE_NOT_FOUND);
  const pemda = await db.selectFrom('pemda').select(['id', 'kode_wilayah', 'name']).where('kode_wilayah', '=', kode).executeTakeFirst();
  if (!pemda) throw new AppError(CoordinationErrors.DIRECTIVE_NOT_FOUND);
  const row = await db.selectFrom('coord_directive').selectAll().where('pemda_id', '=', pemda.id).where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError(CoordinationErrors.DIRECTIVE_NOT_FOUND);
  const verification = await verifyDirectiveRow(db, row);
  const next = await db.selectFrom('coord_directive').select(['code', 'number', 'issued_at']).where('pemda_id', '=', pemda.id).where('supersedes_id', '=', row.id).executeTakeFirst();
  const previous = row.supersedes_id
    ? await db.selectFrom('coord_directive').select(['code', 'number']).where('pemda_id', '=', pemda.id).where('id', '=', row.supersedes_id).executeTakeFirst()
    : undefined;
  const publicKey = await publicKeyOf(db, pemda.id, row.key_id);
  return {
    code: row.code,
    pemda: { kode: pemda.kode_wilayah, name: pemda.name },
    number: row.number,
    issuer: { name: row.issuer_name, role: row.issuer_role, roleLabel: ISSUER_ROLE_LABELS[row.issuer_role] ?? { id: row.issuer_role, en: row.issuer_role } },
    issuedAt: row.issued_at.toISOString(),
    text: row.text,
    tags: row.tags,
    priority: row.priority,
    dueDate: row.due_date,
    assignedOpds: (row.assigned_opds as AssignedOpd[]).map((opd) => opd.name),
    contentHash: row.content_hash,
    keyId: row.key_id,
    publicKey,
    signature: row.signature,
    verification,
    supersedes: previous ? { code: previous.code, number: previous.number } : null,
    supersededBy: next ? { code: next.code, number: next.number, issuedAt: next.issued_at.toISOString() } : null,
    checkedAt: new Date().toISOString(),
  };
}
