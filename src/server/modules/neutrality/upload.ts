import type { FastifyRequest } from 'fastify';
import { inTransaction, type Ctx } from '../../http/context';
import { readOneFile } from '../../http/multipart';
import { storeFile, type StoredFile } from '../../platform/files';
import { NeutralityErrors } from './errors';

/** Reads one multipart file and stores it content-addressed (hashed at upload; platform/files.ts). */
export async function receiveEvidence(request: FastifyRequest, ctx: Ctx, input: { pemdaId: string; filesDir: string; uploadedBy: string | null }): Promise<StoredFile> {
  const { data, name } = await readOneFile(request, NeutralityErrors.NTR_UPLOAD_MISSING);
  return inTransaction(ctx, (tx) => storeFile(tx, { filesDir: input.filesDir, pemdaId: input.pemdaId, data, originalName: name, uploadedBy: input.uploadedBy }));
}
