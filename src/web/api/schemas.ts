/**
 * Response shapes of the endpoints the web app reads, built from the shared contracts. Where a contract does not
 * (yet) say how a list is wrapped, the schema accepts both `{ items: [...] }` and a bare array; screens read such
 * lists through `toList`. Shapes that have no contract yet (audit rows) are declared here, mirroring the server.
 */
import { z } from 'zod';
import { ZUser, ZUserCreatedResponse, ZTotpSetupResponse, ZMe, ZLoginResponse } from '../../contracts/auth';
import { ZAuditPage, ZAuditVerify } from '../../contracts/audit';
import { ZPage } from '../../contracts/common';
import { ZJabatan, ZOpd, ZOpdDetail, ZPegawai, ZPegawaiSummary, ZPemda, ZWilayah, ZImportResult, ZWilayahFeatureCollection, ZWilayahUploadResult } from '../../contracts/org';
import { ZFlag } from '../../contracts/system';

/** `{ items: T[] }` or `T[]`; screens read it through `toList` (api/client.ts). */
export function ZListOf<T extends z.ZodType>(item: T) {
  return z.union([z.object({ items: z.array(item) }), z.array(item)]);
}

function buildSchemas() {
  return {
    me: ZMe,
    login: ZLoginResponse,
    totpSetup: ZTotpSetupResponse,
    stage: z.object({ stage: z.string() }),
    ok: z.object({ ok: z.literal(true) }),
    pemda: ZPemda,
    wilayahList: ZListOf(ZWilayah),
    opdList: ZListOf(ZOpd),
    opd: ZOpd,
    opdDetail: ZOpdDetail,
    jabatanPage: ZPage(ZJabatan),
    pegawaiPage: ZPage(ZPegawaiSummary),
    pegawai: ZPegawai,
    users: z.object({ items: z.array(ZUser) }),
    user: ZUser,
    userCreated: ZUserCreatedResponse,
    temporaryPassword: z.object({ temporaryPassword: z.string() }),
    flags: z.object({ flags: z.array(ZFlag) }),
    importResult: ZImportResult,
    boundaryUpload: ZWilayahUploadResult,
    geojson: ZWilayahFeatureCollection,
    auditPage: ZAuditPage,
    auditVerify: ZAuditVerify,
  };
}

type SchemaMap = ReturnType<typeof buildSchemas>;

/**
 * In development every response is validated against these. In production the map is empty (each entry
 * `undefined`, which the client reads as "do not validate"), so zod and the schemas stay out of the bundle.
 */
export const Schemas: SchemaMap = import.meta.env.DEV ? buildSchemas() : ({} as SchemaMap);

export type { TAuditRow, TAuditVerify } from '../../contracts/audit';
export type TBoundaryUpload = z.infer<SchemaMap['boundaryUpload']>;
export type TTotpSetup = z.infer<SchemaMap['totpSetup']>;
