import type { FastifyRequest } from 'fastify';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { DEFAULT_MAX_FILE_BYTES, FileErrors, storeFile, type StoredFile } from '../../platform/files';
import { NeutralityErrors } from './errors';

/** Reads one multipart file and stores it content-addressed (hashed at upload; platform/files.ts). */
export async function receiveEvidence(request: FastifyRequest, ctx: Ctx, input: { pemdaId: string; filesDir: string; uploadedBy: string | null }): Promise<StoredFile> {
  let data: Buffer;
  let name: string;
  try {
    const file = await request.file({ limits: { fileSize: DEFAULT_MAX_FILE_BYTES, files: 1 } });
    if (!file) throw new AppError(NeutralityErrors.NTR_UPLOAD_MISSING);
    data = await file.toBuffer();
    name = file.filename;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: DEFAULT_MAX_FILE_BYTES / (1024 * 1024) });
    throw new AppError(NeutralityErrors.NTR_UPLOAD_MISSING);
  }
  return inTransaction(ctx, (tx) => storeFile(tx, { filesDir: input.filesDir, pemdaId: input.pemdaId, data, originalName: name, uploadedBy: input.uploadedBy }));
}
