import { z } from 'zod';

/** One row of the audit trail as the viewer receives it (GET /api/v1/audit). */
export const ZAuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  diff: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;

export const ZAuditPage = z.object({ items: z.array(ZAuditRow), nextCursor: z.string().nullable() });

/** The result of walking a Pemda's hash chain (GET /api/v1/audit/verify). */
export const ZAuditVerify = z.object({
  rows: z.number(),
  ok: z.boolean(),
  problems: z.array(z.object({ seq: z.number(), kind: z.string(), message: z.string() })),
});
export type TAuditVerify = z.infer<typeof ZAuditVerify>;
