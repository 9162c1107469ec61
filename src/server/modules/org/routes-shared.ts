import { z } from 'zod';
import { ZProblem } from '../../../contracts/common';

/** Error answers every organisation route may give, documented once (RFC 9457 problem+json). */
export const PROBLEMS = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem } as const;

export const ZOpdParams = z.object({ opdId: z.uuid() });
export const ZUnitParams = z.object({ unitId: z.uuid() });
export const ZJabatanParams = z.object({ jabatanId: z.uuid() });
export const ZPegawaiParams = z.object({ pegawaiId: z.uuid() });
export const ZHolderParams = z.object({ holderId: z.uuid() });
