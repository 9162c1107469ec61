import { z } from 'zod';
import { ZLocalized, ZPlainText } from './common';

/** Public complaints (SP4N-LAPOR!, PermenPANRB 62/2018), Open311 catalogue and IKM (PermenPANRB 14/2017). */
export const COMPLAINT_STATUSES = ['received', 'verified', 'in_progress', 'followed_up', 'closed', 'invalid', 'archived', 'transferred', 'merged'] as const;
export const ZComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type TComplaintStatus = z.infer<typeof ZComplaintStatus>;
export const OPEN_STATUSES: readonly TComplaintStatus[] = ['received', 'verified', 'in_progress', 'followed_up'];

export const COMPLAINT_STATUS_LABELS: Record<TComplaintStatus, { id: string; en: string }> = {
  received: { id: 'Diterima', en: 'Received' },
  verified: { id: 'Diverifikasi', en: 'Verified' },
  in_progress: { id: 'Diproses', en: 'In progress' },
  followed_up: { id: 'Ditindaklanjuti', en: 'Followed up' },
  closed: { id: 'Selesai', en: 'Closed' },
  invalid: { id: 'Tidak valid', en: 'Invalid' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
  transferred: { id: 'Dialihkan ke instansi lain', en: 'Transferred to another body' },
  merged: { id: 'Digabung (duplikat)', en: 'Merged (duplicate)' },
};

export const DESCRIPTION_MAX = 4000;

export const ZAttributeValue = z.object({ key: z.string().min(1).max(60), name: z.string().min(1).max(200) });
export const ZServiceAttribute = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  variable: z.boolean().default(true),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean().default(false),
  datatypeDescription: z.string().max(300).default(''),
  order: z.number().int().min(1).max(999),
  description: ZPlainText(500),
  values: z.array(ZAttributeValue).max(50).default([]),
});
export type TServiceAttribute = z.infer<typeof ZServiceAttribute>;

export const ZService = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  group: z.string(),
  keywords: z.array(z.string()),
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  territorial: z.boolean(),
  slaClass: z.string(),
  serviceNotice: z.string().nullable(),
  active: z.boolean(),
  attributes: z.array(ZServiceAttribute),
});
export type TService = z.infer<typeof ZService>;

export const ZServiceUpsert = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
  name: ZPlainText(150),
  description: ZPlainText(1000, 0).default(''),
  group: ZPlainText(80),
  keywords: z.array(ZPlainText(60)).max(30).default([]),
  opdId: z.uuid().nullable(),
  territorial: z.boolean().default(false),
  slaClass: z.string().regex(/^[a-z0-9_]{1,30}$/).default('standar'),
  serviceNotice: ZPlainText(500).nullable().default(null),
  active: z.boolean().default(true),
  attributes: z.array(ZServiceAttribute).max(30).default([]),
});
export type TServiceUpsert = z.infer<typeof ZServiceUpsert>;

export const ZSlaClass = z.object({ code: z.string(), name: z.string(), verifyDays: z.number(), respondDays: z.number(), resolveDays: z.number(), legalBasis: z.string() });
export type TSlaClass = z.infer<typeof ZSlaClass>;

/** Working days allowed for one step; SP4N-LAPOR! defaults are 3 / 5 / 60 (BRIEF 4.8). */
const ZSlaDays = z.number().int().min(1).max(365);
export const ZSlaClassUpsert = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,30}$/),
  name: ZPlainText(120),
  verifyDays: ZSlaDays,
  respondDays: ZSlaDays,
  resolveDays: ZSlaDays,
  legalBasis: ZPlainText(300),
});
export type TSlaClassUpsert = z.infer<typeof ZSlaClassUpsert>;

/** An Open311 client application; the key itself is never listed, only its first characters. */
export const ZOpen311Client = z.object({ id: z.string(), name: z.string(), keyPrefix: z.string(), active: z.boolean(), createdAt: z.string() });
export type TOpen311Client = z.infer<typeof ZOpen311Client>;
export const ZOpen311ClientCreate = z.object({ name: ZPlainText(200) });
/** The answer to a creation: the only time the full key is shown. */
export const ZOpen311ClientCreated = ZOpen311Client.extend({ key: z.string() });

export const ZPublicMeta = z.object({
  pemda: z.object({ kode: z.string(), name: z.string() }),
  services: z.array(z.object({ code: z.string(), name: z.string(), group: z.string(), description: z.string(), attributes: z.array(ZServiceAttribute) })),
  /** [minLng, minLat, maxLng, maxLat] of the Pemda's kelurahan. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  limits: z.object({ descriptionMax: z.number(), photoMaxBytes: z.number(), photosMax: z.number() }),
});
export type TPublicMeta = z.infer<typeof ZPublicMeta>;

export const ZPublicFiled = z.object({
  code: z.string(),
  kelurahan: z.string().nullable(),
  opdName: z.string(),
  verifyDue: z.string(),
  respondDue: z.string(),
  resolveDue: z.string(),
});
export type TPublicFiled = z.infer<typeof ZPublicFiled>;

export const ZTimelineEntry = z.object({ at: z.string(), kind: z.string(), status: ZComplaintStatus, body: z.string().nullable(), public: z.boolean(), opdFrom: z.string().nullable(), opdTo: z.string().nullable(), actor: z.string().nullable() });
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZTracking = z.object({
  code: z.string(),
  status: ZComplaintStatus,
  serviceName: z.string(),
  description: z.string(),
  kelurahan: z.string().nullable(),
  opdName: z.string(),
  receivedAt: z.string(),
  verifyDue: z.string(),
  respondDue: z.string(),
  resolveDue: z.string(),
  mergedInto: z.string().nullable(),
  photos: z.number(),
  timeline: z.array(ZTimelineEntry),
  surveyUnitId: z.string().nullable(),
});
export type TTracking = z.infer<typeof ZTracking>;

export const ZDeadlineState = z.enum(['on_time', 'due_soon', 'overdue', 'met', 'late']);
export const ZComplaintItem = z.object({
  id: z.string(),
  code: z.string(),
  status: ZComplaintStatus,
  serviceCode: z.string(),
  serviceName: z.string(),
  description: z.string(),
  opdId: z.string(),
  opdName: z.string(),
  kelurahan: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  verifyDue: z.string(),
  respondDue: z.string(),
  resolveDue: z.string(),
  /** The stage whose clock runs now and how it stands. */
  stage: z.enum(['verify', 'respond', 'resolve', 'done']),
  deadline: ZDeadlineState,
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type TComplaintItem = z.infer<typeof ZComplaintItem>;

export const ZComplaintDetail = ZComplaintItem.extend({
  address: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  reporter: z.object({ name: z.string().nullable(), contact: z.string().nullable(), email: z.string().nullable(), anonymous: z.boolean() }).nullable(),
  mediaUrl: z.string().nullable(),
  photos: z.array(z.object({ sha256: z.string(), url: z.string() })),
  mergedInto: z.object({ id: z.string(), code: z.string() }).nullable(),
  timeline: z.array(ZTimelineEntry),
  abilities: z.array(z.string()),
});
export type TComplaintDetail = z.infer<typeof ZComplaintDetail>;

export const ZComplaintQuery = z.object({
  status: z.enum(['open', 'closed', 'overdue', ...COMPLAINT_STATUSES]).optional(),
  opd: z.uuid().optional(),
  service: z.string().max(40).optional(),
  kelurahan: z.string().max(20).optional(),
  kecamatan: z.string().max(20).optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type TComplaintQuery = z.infer<typeof ZComplaintQuery>;
export const ZComplaintList = z.object({ items: z.array(ZComplaintItem), total: z.number() });
export type TComplaintList = z.infer<typeof ZComplaintList>;

export const ZReplyRequest = z.object({ body: ZPlainText(4000), public: z.boolean() });
export const ZVerifyRequest = z.object({ note: ZPlainText(2000).optional() });
export const ZResolveRequest = z.object({ body: ZPlainText(4000) });
export const ZRerouteRequest = z.object({ opdId: z.uuid(), reason: ZPlainText(1000) });
export const ZMergeRequest = z.object({ intoId: z.uuid() });
export const ZInvalidRequest = z.object({ reason: ZPlainText(1000), outcome: z.enum(['invalid', 'archived', 'transferred']) });
export type TReplyRequest = z.infer<typeof ZReplyRequest>;

export const ZDuplicate = z.object({ id: z.string(), code: z.string(), status: ZComplaintStatus, description: z.string(), distanceM: z.number(), receivedAt: z.string() });
export type TDuplicate = z.infer<typeof ZDuplicate>;

export const ZDashboard = z.object({
  month: z.string(),
  totals: z.object({ received: z.number(), open: z.number(), closed: z.number(), overdue: z.number() }),
  points: z.array(z.object({ lat: z.number(), lng: z.number(), status: ZComplaintStatus, code: z.string() })),
  density: z.record(z.string(), z.number()),
  perOpd: z.array(z.object({ opdId: z.string(), opdName: z.string(), received: z.number(), closed: z.number(), overdue: z.number(), compliance: z.number().nullable(), medianFirstResponseDays: z.number().nullable() })),
  ikm: z.array(z.object({ unitId: z.string(), unitName: z.string(), opdName: z.string(), respondents: z.number(), converted: z.number().nullable(), category: z.string().nullable(), minimumSample: z.number() })),
});
export type TDashboard = z.infer<typeof ZDashboard>;

// IKM
export const IKM_ELEMENT_CODES = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
const ZAnswer = z.number().int().min(1).max(4);
export const ZIkmSurveyRequest = z.object({
  u1: ZAnswer, u2: ZAnswer, u3: ZAnswer, u4: ZAnswer, u5: ZAnswer, u6: ZAnswer, u7: ZAnswer, u8: ZAnswer, u9: ZAnswer,
  sex: z.enum(['L', 'P']).nullable().default(null),
  ageGroup: z.enum(['<20', '20-29', '30-39', '40-49', '50+']).nullable().default(null),
  education: z.enum(['sd', 'smp', 'sma', 'd3', 's1', 's2']).nullable().default(null),
  occupation: z.enum(['pns', 'swasta', 'wirausaha', 'pelajar', 'lainnya']).nullable().default(null),
  complaintCode: z.string().max(20).nullable().default(null),
  suggestion: ZPlainText(1000).nullable().default(null),
});
export type TIkmSurveyRequest = z.infer<typeof ZIkmSurveyRequest>;

export const ZIkmUnitPublic = z.object({ id: z.string(), name: z.string(), opdName: z.string(), pemdaName: z.string(), elements: z.array(z.object({ code: z.string(), label: ZLocalized })) });
export type TIkmUnitPublic = z.infer<typeof ZIkmUnitPublic>;

export const ZIkmUnit = z.object({ id: z.string(), code: z.string(), name: z.string(), opdId: z.string(), opdName: z.string(), population: z.number(), active: z.boolean() });
export type TIkmUnit = z.infer<typeof ZIkmUnit>;
export const ZIkmUnitCreate = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), name: ZPlainText(200), opdId: z.uuid(), population: z.number().int().min(1).max(100_000_000) });

export const ZIkmPeriod = z.string().regex(/^\d{4}(-\d{2}|-Q[1-4]|-S[12])?$/);
export const ZIkmReport = z.object({
  unit: ZIkmUnit,
  period: z.string(),
  from: z.string(),
  to: z.string(),
  respondents: z.number(),
  nrr: z.record(z.string(), z.number().nullable()),
  elements: z.array(z.object({ code: z.string(), label: ZLocalized, nrr: z.number().nullable(), converted: z.number().nullable() })),
  index: z.number().nullable(),
  converted: z.number().nullable(),
  category: z.string().nullable(),
  categoryLabel: ZLocalized.nullable(),
  minimumSample: z.number(),
  sampleProgress: z.number(),
  basis: z.string(),
  profile: z.record(z.string(), z.record(z.string(), z.number())),
});
export type TIkmReport = z.infer<typeof ZIkmReport>;
