import type { FastifyRequest } from 'fastify';
import { DEFAULT_MAX_FILE_BYTES, FileErrors } from '../platform/files';
import { AppError, type ErrorDef } from './errors';

export interface UploadedPart {
  data: Buffer;
  /** The name the client gave; platform/files.ts cleans it before storing. */
  name: string;
}

/**
 * Reads the one file of a multipart/form-data request into memory, at most `maxBytes` (10 MB by default).
 * A missing file or a body that is not multipart answers `missing` (each module names its own 400); a file over
 * the limit answers FILE_TOO_LARGE (413). Storing and type sniffing stay with the caller (platform/files.ts).
 */
export async function readOneFile(request: FastifyRequest, missing: ErrorDef, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<UploadedPart> {
  try {
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!file) throw new AppError(missing);
    return { data: await file.toBuffer(), name: file.filename };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: Math.round(maxBytes / (1024 * 1024)) });
    throw new AppError(missing);
  }
}
