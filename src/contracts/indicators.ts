import { z } from 'zod';
import { ZDate, ZLocalized, ZPlainText, ZUuid } from './common';

/** Indicators by wilayah, the vulnerability index, interventions and open data (issue 9). */
export const INDICATOR_KINDS = ['count', 'rate', 'value'] as const;
export const PERIODICITIES = ['monthly', 'quarterly', 'yearly'] as const;
export const INDICATOR_LEVELS = ['pemda', 'kecamatan', 'kelurahan'] as const;
export const POLARITIES = ['higher_is_worse', 'higher_is_better', 'neutral'] as const;
export const INTERVENTION_KINDS = ['program', 'bantuan', 'posyandu', 'job_fair', 'pelatihan', 'lainnya'] as const;

export const ZIndicatorKind = z.enum(INDICATOR_KINDS);
export const ZPeriodicity = z.enum(PERIODICITIES);
export const ZIndicatorLevel = z.enum(INDICATOR_LEVELS);
export const ZApproval = z.enum(['draft', 'approved', 'rejected']);
export const ZReview = z.enum(['ok', 'flagged', 'accepted', 'rejected']);

const ZCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9_.-]{2,40}$/, { message: 'kode: huruf besar, angka, _ . - (2–40)' });
/** Canonical periods: 2024-01 (monthly), 2024-Q1 (quarterly), 2024 (yearly). */
export const ZPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'periode: 2024, 2024-Q1 atau 2024-01' });

export const ZIndicatorInput = z.object({
  code: ZCode,
  nameId: ZPlainText(200),
  nameEn: ZPlainText(200),
  definition: ZPlainText(2000),
  unit: ZPlainText(40),
  kind: ZIndicatorKind,
  factor: z.number().positive().max(1_000_000).default(1),
  numeratorCode: ZCode.nullable().default(null),
  denominatorCode: ZCode.nullable().default(null),
  numeratorLabel: ZPlainText(200).nullable().default(null),
  denominatorLabel: ZPlainText(200).nullable().default(null),
  periodicity: ZPeriodicity,
  lowestLevel: ZIndicatorLevel,
  producerOpdId: ZUuid,
  source: ZPlainText(300),
  method: ZPlainText(1000),
  polarity: z.enum(POLARITIES).default('higher_is_worse'),
  minValue: z.number().nullable().default(null),
  maxValue: z.number().nullable().default(null),
  dueDays: z.number().int().min(0).max(366).default(30),
  tags: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9 _-]{1,40}$/)).max(20).default([]),
});
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

export const ZIndicator = z.object({
  id: ZUuid,
  code: z.string(),
  name: ZLocalized,
  definition: z.string(),
  unit: z.string(),
  kind: ZIndicatorKind,
  factor: z.number(),
  numeratorCode: z.string().nullable(),
  denominatorCode: z.string().nullable(),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  periodicity: ZPeriodicity,
  lowestLevel: ZIndicatorLevel,
  producer: z.object({ id: ZUuid, code: z.string(), name: z.string() }),
  source: z.string(),
  method: z.string(),
  polarity: z.enum(POLARITIES),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  dueDays: z.number(),
  tags: z.array(z.string()),
  approval: ZApproval,
  approvalNote: z.string().nullable(),
  approvedAt: z.string().nullable(),
  latestPeriod: z.string().nullable(),
  synthetic: z.boolean(),
  /** What the caller may do with this indicator (the UI shows only working buttons). */
  can: z.object({ edit: z.boolean(), enter: z.boolean(), approve: z.boolean(), publish: z.boolean() }),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZApprovalRequest = z.object({ decision: z.enum(['approved', 'rejected']), note: ZPlainText(500).nullable().default(null) });

export const ZValueInput = z.object({
  wilayahKode: z.string().regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/),
  period: ZPeriod,
  value: z.number().nullable().default(null),
  numerator: z.number().min(0).nullable().default(null),
  denominator: z.number().min(0).nullable().default(null),
});
export const ZValuesEntryRequest = z.object({ values: z.array(ZValueInput).min(1).max(2000) });

export const ZValue = z.object({
  wilayahKode: z.string(),
  wilayahName: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  review: ZReview,
  reviewNote: z.string().nullable(),
  source: z.string(),
  enteredAt: z.string(),
  version: z.number(),
});
export type TValue = z.infer<typeof ZValue>;

export const ZValueHistory = z.object({
  current: ZValue.nullable(),
  history: z.array(z.object({ value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable(), source: z.string(), enteredAt: z.string(), version: z.number(), replacedAt: z.string() })),
});

/** The summary of an entry, a file import or a DHIS2 dataValueSets import (DHIS2's importCount vocabulary). */
export const ZIgnoredValue = z.object({
  index: z.number(),
  row: z.number().nullable(),
  dataElement: z.string().nullable(),
  orgUnit: z.string().nullable(),
  period: z.string().nullable(),
  value: z.string().nullable(),
  reason: ZLocalized,
});
export const ZImportSummary = z.object({
  dryRun: z.boolean(),
  total: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  ignored: z.number(),
  flagged: z.number(),
  ignoredValues: z.array(ZIgnoredValue),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;
export type TIgnoredValue = z.infer<typeof ZIgnoredValue>;

export const ZDataValueSet = z.object({
  dataSet: z.string().optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  dataValues: z.array(z.record(z.string(), z.unknown())).max(200_000),
});

export const ZMapRegion = z.object({
  kode: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** 1..n class of the value; null without a value. */
  class: z.number().nullable(),
  /** Children reporting / children expected (aggregated levels). */
  reporting: z.number().nullable(),
  expected: z.number().nullable(),
  review: ZReview.nullable(),
});
export const ZMapResponse = z.object({
  indicator: z.object({ id: ZUuid, code: z.string(), name: ZLocalized, unit: z.string(), kind: ZIndicatorKind }),
  period: z.string(),
  level: ZIndicatorLevel,
  aggregated: z.boolean(),
  breaks: z.array(z.number()),
  classes: z.array(z.object({ class: z.number(), from: z.number(), to: z.number(), count: z.number() })),
  regions: z.array(ZMapRegion),
  periods: z.array(z.string()),
});
export type TMapResponse = z.infer<typeof ZMapResponse>;

export const ZCompleteness = z.object({
  indicatorId: ZUuid,
  period: z.string(),
  level: ZIndicatorLevel,
  expected: z.number(),
  present: z.number(),
  ratio: z.number(),
  dueDate: ZDate,
  onTime: z.number(),
  missing: z.array(z.object({ kode: z.string(), name: z.string() })),
});

export const ZFlaggedValue = z.object({
  indicatorId: ZUuid,
  indicatorCode: z.string(),
  indicatorName: ZLocalized,
  wilayahKode: z.string(),
  wilayahName: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  reviewNote: z.string().nullable(),
});
export const ZReviewRequest = z.object({
  wilayahKode: z.string().max(20),
  period: ZPeriod,
  decision: z.enum(['accepted', 'rejected']),
});

export const ZIndexComponentInput = z.object({ indicatorId: ZUuid, weight: z.number().positive().max(100) });
export const ZIndexInput = z.object({
  name: ZPlainText(200),
  components: z.array(ZIndexComponentInput).min(1).max(20),
  priorityCount: z.number().int().min(1).max(500).default(10),
  isDefault: z.boolean().default(true),
});
export const ZIndexDef = z.object({
  id: ZUuid,
  name: z.string(),
  priorityCount: z.number(),
  isDefault: z.boolean(),
  components: z.array(z.object({ indicatorId: ZUuid, code: z.string(), name: ZLocalized, weight: z.number(), share: z.number(), polarity: z.enum(POLARITIES) })),
});
export const ZIndexContribution = z.object({
  indicatorId: ZUuid,
  code: z.string(),
  /** The raw value used (latest period up to the requested year). */
  value: z.number().nullable(),
  period: z.string().nullable(),
  /** 0..1 after min-max normalisation and orientation (1 = most vulnerable). */
  normalised: z.number().nullable(),
  /** Points added to the index (0..100 in total). */
  points: z.number().nullable(),
  share: z.number(),
});
export const ZIndexRow = z.object({
  rank: z.number(),
  kode: z.string(),
  name: z.string(),
  kecamatan: z.string().nullable(),
  index: z.number(),
  class: z.number(),
  priority: z.boolean(),
  interventions: z.number(),
  contributions: z.array(ZIndexContribution),
  missing: z.array(z.string()),
});
export const ZIndexResult = z.object({
  index: ZIndexDef,
  year: z.string(),
  breaks: z.array(z.number()),
  rows: z.array(ZIndexRow),
});
export type TIndexResult = z.infer<typeof ZIndexResult>;
export type TIndexRow = z.infer<typeof ZIndexRow>;

export const ZInterventionBudget = z.object({
  id: ZUuid,
  tahun: z.number(),
  kode: z.string(),
  nama: z.string(),
  opd: z.object({ id: ZUuid, name: z.string() }),
  /** Effective pagu (after changes and postponement), realised spending (SP2D) and its share of the pagu. */
  pagu: z.number().nullable(),
  realisasi: z.number().nullable(),
  realisasiPersen: z.number().nullable(),
  /** The budget page of the sub-kegiatan, when the caller may read it. */
  link: z.string().nullable(),
});
export const ZBudgetOption = z.object({ id: ZUuid, tahun: z.number(), kode: z.string(), nama: z.string(), opd: z.object({ id: ZUuid, name: z.string() }), pagu: z.number() });
export type TBudgetOption = z.infer<typeof ZBudgetOption>;

export const ZInterventionInput = z.object({
  title: ZPlainText(300),
  kind: z.enum(INTERVENTION_KINDS),
  opdId: ZUuid,
  indicatorId: ZUuid.nullable().default(null),
  startDate: ZDate,
  endDate: ZDate,
  budget: z.number().min(0).nullable().default(null),
  subKegiatanCode: z.string().regex(/^[0-9X.]{1,40}$/).nullable().default(null),
  /** The budget module's sub-kegiatan record; when set, its nomenclature code replaces subKegiatanCode. */
  subKegiatanId: ZUuid.nullable().default(null),
  targetGroup: ZPlainText(300),
  targetCount: z.number().int().min(0).nullable().default(null),
  reachCount: z.number().int().min(0).nullable().default(null),
  wilayahKodes: z.array(z.string().max(20)).min(1).max(500),
});
export const ZIntervention = z.object({
  id: ZUuid,
  title: z.string(),
  kind: z.enum(INTERVENTION_KINDS),
  opd: z.object({ id: ZUuid, code: z.string(), name: z.string() }),
  indicatorId: ZUuid.nullable(),
  startDate: z.string(),
  endDate: z.string(),
  budget: z.number().nullable(),
  subKegiatanCode: z.string().nullable(),
  /** The linked sub-kegiatan; pagu and realisation are null for a caller who may not read that OPD's budget. */
  subKegiatan: ZInterventionBudget.nullable(),
  targetGroup: z.string(),
  targetCount: z.number().nullable(),
  reachCount: z.number().nullable(),
  wilayah: z.array(z.object({ kode: z.string(), name: z.string() })),
  synthetic: z.boolean(),
});
export type TIntervention = z.infer<typeof ZIntervention>;

export const ZCoverage = z.object({
  year: z.string(),
  priority: z.array(z.object({ kode: z.string(), name: z.string(), rank: z.number(), index: z.number(), interventions: z.number() })),
  uncovered: z.array(z.object({ kode: z.string(), name: z.string(), rank: z.number(), index: z.number() })),
  interventionsByKode: z.record(z.string(), z.number()),
});

const COMPLAINT_STATUSES = ['received', 'verified', 'in_progress', 'followed_up', 'closed', 'invalid', 'archived', 'transferred', 'merged'] as const;
const ASSIGNMENT_STATUSES = ['belum', 'proses', 'selesai', 'terkendala', 'diterima', 'dibatalkan'] as const;
export const ZTerritoryComplaints = z.object({
  scope: z.enum(['pemda', 'opd']),
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
  byStatus: z.array(z.object({ status: z.enum(COMPLAINT_STATUSES), count: z.number() })),
  latest: z.array(
    z.object({ id: ZUuid, code: z.string(), status: z.enum(COMPLAINT_STATUSES), serviceName: z.string(), opdName: z.string(), kelurahan: z.string().nullable(), receivedOn: z.string(), overdue: z.boolean(), link: z.string() }),
  ),
});
export const ZTerritoryDirectives = z.object({
  scope: z.enum(['pemda', 'opd']),
  offices: z.array(z.object({ id: ZUuid, name: z.string(), link: z.string() })),
  total: z.number(),
  openAssignments: z.number(),
  overdueAssignments: z.number(),
  items: z.array(
    z.object({
      id: ZUuid,
      number: z.string(),
      text: z.string(),
      priority: z.enum(['biasa', 'penting', 'segera']),
      issuedAt: z.string(),
      dueDate: z.string(),
      reason: z.enum(['assigned', 'mentioned']),
      superseded: z.boolean(),
      assignments: z.array(z.object({ opdId: ZUuid, opdName: z.string(), status: z.enum(ASSIGNMENT_STATUSES), overdueDays: z.number() })),
      link: z.string(),
    }),
  ),
});
export type TTerritoryComplaints = z.infer<typeof ZTerritoryComplaints>;
export type TTerritoryDirectives = z.infer<typeof ZTerritoryDirectives>;

export const ZTerritory = z.object({
  wilayah: z.object({ kode: z.string(), name: z.string(), level: z.string(), parent: z.object({ kode: z.string(), name: z.string() }).nullable() }),
  children: z.array(z.object({ kode: z.string(), name: z.string() })),
  indicators: z.array(
    z.object({
      id: ZUuid,
      code: z.string(),
      name: ZLocalized,
      unit: z.string(),
      polarity: z.enum(POLARITIES),
      aggregated: z.boolean(),
      trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
      latest: z.number().nullable(),
      pemdaLatest: z.number().nullable(),
    }),
  ),
  rank: z.object({ rank: z.number(), of: z.number(), index: z.number(), priority: z.boolean(), contributions: z.array(ZIndexContribution) }).nullable(),
  interventions: z.array(ZIntervention),
  /** Other modules' records about this wilayah, when those modules exist. */
  related: z.array(z.object({ module: z.string(), title: z.string(), link: z.string() })),
  /** Complaints located in the wilayah; null when the caller may not read complaints. */
  complaints: ZTerritoryComplaints.nullable(),
  /** Directives addressed to the territory's office or naming it; null when the caller may not read directives. */
  directives: ZTerritoryDirectives.nullable(),
});
export type TTerritory = z.infer<typeof ZTerritory>;

/** Licences a dataset may carry (CKAN license ids). */
export const DATASET_LICENSES = ['cc-by-4.0', 'odc-by', 'cc-zero'] as const;
export const ZDatasetInput = z.object({
  indicatorId: ZUuid,
  title: ZPlainText(300),
  notes: ZPlainText(4000),
  slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
  tags: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9 _-]{1,40}$/)).max(20).default([]),
  licenseId: z.enum(DATASET_LICENSES).default('cc-by-4.0'),
  /** The OPD the dataset is published under; null = the indicator's producing OPD. */
  organizationOpdId: ZUuid.nullable().default(null),
});
export const ZDatasetUpdate = z.object({
  title: ZPlainText(300),
  notes: ZPlainText(4000),
  tags: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9 _-]{1,40}$/)).max(20).default([]),
  licenseId: z.enum(DATASET_LICENSES),
  /** The OPD the dataset is published under; null = the indicator's producing OPD. */
  organizationOpdId: ZUuid.nullable().default(null),
});
export const ZWalidataSetting = z.object({
  walidataOpd: z.object({ id: ZUuid, name: z.string() }).nullable(),
  /** True for the Pemda admin, who may change it. */
  mayEdit: z.boolean(),
  /** True when the caller is the walidata (may approve, review, publish). */
  isWalidata: z.boolean(),
});
export const ZWalidataSettingInput = z.object({ walidataOpdId: ZUuid.nullable() });
export const ZDataset = z.object({
  id: ZUuid,
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  indicatorId: ZUuid,
  indicatorCode: z.string(),
  organization: z.object({ id: ZUuid, name: z.string(), title: z.string() }),
  /** False when the walidata published it under another OPD than the indicator's producer. */
  organizationIsProducer: z.boolean(),
  tags: z.array(z.string()),
  licenseId: z.string(),
  status: z.enum(['published', 'withdrawn']),
  csvUrl: z.string(),
  jsonUrl: z.string(),
  csvResourceId: ZUuid,
  jsonResourceId: ZUuid,
  modified: z.string(),
  pemda: z.object({ kode: z.string(), name: z.string() }),
});
export type TDataset = z.infer<typeof ZDataset>;
