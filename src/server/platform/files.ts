import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { TxCtx } from '../http/context';
import { AppError, defineErrors } from '../http/errors';
import { writeAudit } from './audit';
import type { StoredMime } from './service-tables';

/**
 * Evidence files (photos, scanned letters) stored content-addressed on disk: the name is the SHA-256 of the
 * bytes, under two levels of fan-out directories (files/ab/cd/abcd...), so the same photo uploaded twice is kept
 * once and a file can never be swapped behind its record. The type is sniffed from the first bytes, never taken
 * from the client's name or header. The database holds only which Pemda owns which hash.
 *
 * Nothing here serves a file: a module serves evidence through its own route after its own policy check, and
 * reads the bytes with `unsafeOpenStoredFile` (named so because it checks nothing).
 */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const FileErrors = defineErrors({
  FILE_EMPTY: { status: 400, id: 'Berkas kosong.', en: 'The file is empty.' },
  FILE_TOO_LARGE: { status: 413, id: 'Berkas terlalu besar (maksimal {limit} MB).', en: 'The file is too large (limit {limit} MB).' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, id: 'Jenis berkas tidak diizinkan. Unggah foto JPEG, PNG, WebP atau dokumen PDF.', en: 'File type not allowed. Upload a JPEG, PNG or WebP photo or a PDF document.' },
  FILE_NOT_FOUND: { status: 404, id: 'Berkas tidak ditemukan.', en: 'File not found.' },
});

/** The magic bytes of the four types evidence may have. */
export function sniffMime(data: Uint8Array): StoredMime | null {
  const starts = (bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export function storedPath(filesDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a SHA-256 hex digest');
  return path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export interface StoredFile {
  sha256: string;
  mime: StoredMime;
  size: number;
  originalName: string;
}

export interface StoreFileInput {
  filesDir: string;
  pemdaId: string;
  data: Buffer;
  originalName: string;
  uploadedBy: string | null;
  maxBytes?: number;
}

/** A name safe to show and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters are exactly what must go (header injection), so the rule against them does not apply.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>]/g, '').trim().slice(0, 200);
  return cleaned || 'berkas';
}

/**
 * Checks and stores one file, records it for the Pemda in the caller's transaction and audits it. The bytes are
 * written before the row (temp file, then rename: atomic), so a committed row always has its file; a rolled-back
 * transaction leaves at most an unreferenced file, harmless because it is addressed by content.
 */
export async function storeFile(tx: TxCtx, input: StoreFileInput): Promise<StoredFile> {
  const limit = input.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (input.data.length === 0) throw new AppError(FileErrors.FILE_EMPTY);
  if (input.data.length > limit) throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: Math.round(limit / (1024 * 1024)) });
  const mime = sniffMime(input.data);
  if (!mime) throw new AppError(FileErrors.FILE_TYPE_NOT_ALLOWED);
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const target = storedPath(input.filesDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(temp, input.data, { mode: 0o640 });
    fs.renameSync(temp, target);
  }
  const originalName = cleanFileName(input.originalName);
  const inserted = await tx.db
    .insertInto('stored_file')
    .values({ pemda_id: input.pemdaId, sha256, mime, size: input.data.length, original_name: originalName, uploaded_by: input.uploadedBy })
    .onConflict((oc) => oc.columns(['pemda_id', 'sha256']).doNothing())
    .returning('sha256')
    .executeTakeFirst();
  if (inserted) {
    await writeAudit(tx, { pemdaId: input.pemdaId, action: 'file.stored', entityType: 'stored_file', entityId: sha256, detail: { mime, size: input.data.length } });
  }
  return { sha256, mime, size: input.data.length, originalName };
}

export interface StoredFileRecord {
  sha256: string;
  mime: StoredMime;
  size: number;
  originalName: string;
}

/** The record of a file held by this Pemda, or null. */
export async function findStoredFile(db: Kysely<DB>, pemdaId: string, sha256: string): Promise<StoredFileRecord | null> {
  const row = await db.selectFrom('stored_file').select(['sha256', 'mime', 'size', 'original_name']).where('pemda_id', '=', pemdaId).where('sha256', '=', sha256).executeTakeFirst();
  return row ? { sha256: row.sha256, mime: row.mime, size: row.size, originalName: row.original_name } : null;
}

/** Opens the bytes of a stored file. Checks no policy: call it only after the module's own check. */
export function unsafeOpenStoredFile(filesDir: string, sha256: string): fs.ReadStream {
  const file = storedPath(filesDir, sha256);
  if (!fs.existsSync(file)) throw new AppError(FileErrors.FILE_NOT_FOUND);
  return fs.createReadStream(file);
}
