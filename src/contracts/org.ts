import { z } from 'zod';
import { ZDate, ZLocalized, ZPlainText } from './common';

export const OPD_KINDS = ['sekretariat', 'sekretariat_dprd', 'inspektorat', 'dinas', 'badan', 'satpol_pp', 'rsud', 'kecamatan', 'kelurahan', 'uptd', 'lainnya'] as const;
export const ZOpdKind = z.enum(OPD_KINDS);
export const JABATAN_KINDS = ['jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export const ZJabatanKind = z.enum(JABATAN_KINDS);
export const ZPegawaiStatus = z.enum(['PNS', 'PPPK', 'NON_ASN']);
export const ZHeadStatus = z.enum(['definitif', 'pj', 'plt', 'plh']);
export const ZWilayahLevel = z.enum(['pemda', 'kecamatan', 'kelurahan', 'desa']);

export const OPD_KIND_LABELS: Record<(typeof OPD_KINDS)[number], { id: string; en: string }> = {
  sekretariat: { id: 'Sekretariat Daerah', en: 'Regional secretariat' },
  sekretariat_dprd: { id: 'Sekretariat DPRD', en: 'Council secretariat' },
  inspektorat: { id: 'Inspektorat', en: 'Inspectorate' },
  dinas: { id: 'Dinas', en: 'Agency (dinas)' },
  badan: { id: 'Badan', en: 'Board (badan)' },
  satpol_pp: { id: 'Satpol PP', en: 'Civil police unit' },
  rsud: { id: 'RSUD', en: 'Regional hospital' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  kelurahan: { id: 'Kelurahan', en: 'Village office (kelurahan)' },
  uptd: { id: 'UPTD', en: 'Technical unit (UPTD)' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const JABATAN_KIND_LABELS: Record<(typeof JABATAN_KINDS)[number], { id: string; en: string }> = {
  jpt_pratama: { id: 'JPT Pratama (Eselon II)', en: 'Senior executive (echelon II)' },
  administrator: { id: 'Administrator (Eselon III)', en: 'Administrator (echelon III)' },
  pengawas: { id: 'Pengawas (Eselon IV)', en: 'Supervisor (echelon IV)' },
  fungsional: { id: 'Fungsional', en: 'Functional' },
  pelaksana: { id: 'Pelaksana', en: 'Staff' },
};

// ---- Pemda ----
export const ZPemdaHead = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  status: ZHeadStatus,
  termStart: ZDate,
  termEnd: ZDate.nullable(),
  legalBasis: z.string(),
});
export const ZPemda = z.object({
  id: z.string(),
  kodeWilayah: z.string(),
  name: z.string(),
  kind: z.enum(['kota', 'kabupaten']),
  provinceName: z.string(),
  synthetic: z.boolean(),
  head: ZPemdaHead.nullable(),
  heads: z.array(ZPemdaHead),
  counts: z.object({ opd: z.number(), pegawai: z.number(), jabatan: z.number(), vacancies: z.number(), kecamatan: z.number(), kelurahan: z.number() }),
});
export type TPemda = z.infer<typeof ZPemda>;
export const ZPemdaHeadCreate = z.object({
  name: ZPlainText(200),
  title: ZPlainText(100),
  status: ZHeadStatus,
  termStart: ZDate,
  termEnd: ZDate.nullable().optional(),
  legalBasis: ZPlainText(500),
});
/** Superadmin creates a Pemda by its kode wilayah; name and kind come from idn-area-data. */
export const ZPemdaCreate = z.object({ kodeWilayah: z.string().regex(/^\d{2}\.\d{2}$/) });
/** A Pemda as the platform superadmin sees it (GET/POST /platform/pemda). */
export const ZPlatformPemda = z.object({
  id: z.string(),
  kodeWilayah: z.string(),
  name: z.string(),
  kind: z.enum(['kota', 'kabupaten']),
  provinceName: z.string(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  counts: z.object({ opd: z.number(), pegawai: z.number(), users: z.number() }),
});
export type TPlatformPemda = z.infer<typeof ZPlatformPemda>;

// ---- Wilayah ----
export const ZWilayah = z.object({
  kode: z.string(),
  level: ZWilayahLevel,
  name: z.string(),
  parentKode: z.string().nullable(),
  hasBoundary: z.boolean(),
  centroid: z.tuple([z.number(), z.number()]).nullable(),
});
export type TWilayah = z.infer<typeof ZWilayah>;
/** GeoJSON FeatureCollection for the map: features carry properties.code, name, level. */
export const ZGeoJsonQuery = z.object({ level: z.enum(['kecamatan', 'kelurahan', 'pemda']).default('kelurahan') });
/** GET /wilayah: `parent` lists the children of one region (e.g. the kelurahan of a kecamatan). */
export const ZWilayahQuery = z.object({ level: ZWilayahLevel.optional(), parent: z.string().max(20).optional() });
/** The FeatureCollection served by GET /wilayah/geojson (geometry is GeoJSON Polygon or MultiPolygon). */
export const ZWilayahFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        code: z.string(),
        name: z.string(),
        level: ZWilayahLevel,
        parent: z.string().nullable(),
        centroid: z.array(z.number().nullable()).nullable(),
      }),
      geometry: z.unknown(),
    }),
  ),
});
export const ZWilayahUploadResult = z.object({
  updated: z.number(),
  errors: z.array(z.object({ feature: z.number(), code: z.string().nullable(), reason: ZLocalized })),
});

// ---- OPD ----
export const ZOpd = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: ZOpdKind,
  parentId: z.string().nullable(),
  wilayahKode: z.string().nullable(),
  wilayahName: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  headName: z.string().nullable(),
  pegawaiCount: z.number(),
  jabatanCount: z.number(),
  vacancyCount: z.number(),
});
export type TOpd = z.infer<typeof ZOpd>;
export const ZOpdCreate = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'CODE_FORMAT'),
  name: ZPlainText(200),
  shortName: ZPlainText(60).nullable().optional(),
  kind: ZOpdKind,
  parentId: z.uuid().nullable().optional(),
  wilayahKode: z.string().max(20).nullable().optional(),
  address: ZPlainText(300).nullable().optional(),
});
export const ZOpdUpdate = ZOpdCreate.partial().extend({ active: z.boolean().optional() });
export const ZOpdQuery = z.object({ kind: ZOpdKind.optional(), q: z.string().trim().max(100).optional() });

export const ZUnit = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable() });
export const ZUnitCreate = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9_.-]{1,59}$/, 'CODE_FORMAT'),
  name: ZPlainText(200),
  kind: z.enum(['sekretariat', 'bagian', 'bidang', 'subbagian', 'seksi', 'subbidang', 'uptd', 'lainnya']),
  parentId: z.uuid().nullable().optional(),
});
export const ZUnitUpdate = ZUnitCreate.partial();

export const ZHolder = z.object({
  id: z.string(),
  pegawaiId: z.string(),
  pegawaiName: z.string(),
  nip: z.string().nullable(),
  kind: z.enum(['definitif', 'plt', 'plh']),
  startDate: ZDate,
  endDate: ZDate.nullable(),
  skNumber: z.string().nullable(),
});

export const ZJabatan = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ZJabatanKind,
  kelasJabatan: z.number(),
  opdId: z.string(),
  unitId: z.string().nullable(),
  isOpdHead: z.boolean(),
  holder: ZHolder.nullable(),
  vacant: z.boolean(),
  active: z.boolean(),
});
export type TJabatan = z.infer<typeof ZJabatan>;
export const ZJabatanCreate = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9_.-]{1,59}$/, 'CODE_FORMAT'),
  name: ZPlainText(200),
  kind: ZJabatanKind,
  kelasJabatan: z.number().int().min(1).max(17),
  opdId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  isOpdHead: z.boolean().optional(),
});
export const ZJabatanUpdate = ZJabatanCreate.partial().extend({ active: z.boolean().optional() });
/** GET /jabatan: `vacant=true` lists positions without an active definitif holder (the vacancies). */
export const ZJabatanQuery = z.object({
  opd: z.uuid().optional(),
  kind: ZJabatanKind.optional(),
  vacant: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(500).optional(),
});

export const ZOpdDetail = z.object({
  opd: ZOpd,
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  children: z.array(ZOpd),
  units: z.array(ZUnit),
  jabatan: z.array(ZJabatan),
});
export type TOpdDetail = z.infer<typeof ZOpdDetail>;

// ---- Pegawai ----
export const ZPegawaiSummary = z.object({
  id: z.string(),
  nip: z.string().nullable(),
  name: z.string(),
  fullName: z.string(),
  status: ZPegawaiStatus,
  golongan: z.string().nullable(),
  opdId: z.string(),
  opdName: z.string(),
  jabatanName: z.string().nullable(),
});
export type TPegawaiSummary = z.infer<typeof ZPegawaiSummary>;
export const ZPegawai = ZPegawaiSummary.extend({
  gelarDepan: z.string().nullable(),
  gelarBelakang: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  birthDate: ZDate.nullable(),
  /** Contact data only for roles that need it; null otherwise. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  office: z.string().nullable(),
  active: z.boolean(),
  synthetic: z.boolean(),
  history: z.array(ZHolder.extend({ jabatanId: z.string(), jabatanName: z.string(), opdName: z.string() })),
});
export type TPegawai = z.infer<typeof ZPegawai>;
export const ZPegawaiSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  opd: z.uuid().optional(),
  status: ZPegawaiStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
  /** Inactive (retired, moved out) pegawai are left out unless asked for. */
  includeInactive: z.enum(['true', 'false']).optional(),
});
export const ZPegawaiCreate = z.object({
  nip: z.string().trim().max(30).nullable().optional(),
  name: ZPlainText(200),
  gelarDepan: ZPlainText(50).nullable().optional(),
  gelarBelakang: ZPlainText(80).nullable().optional(),
  status: ZPegawaiStatus,
  golongan: z.string().trim().max(10).nullable().optional(),
  sex: z.enum(['L', 'P']).nullable().optional(),
  birthDate: ZDate.nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  opdId: z.uuid(),
  office: ZPlainText(200).nullable().optional(),
});
export const ZPegawaiUpdate = ZPegawaiCreate.partial().extend({ active: z.boolean().optional() });
export const ZAssignJabatan = z.object({
  jabatanId: z.uuid(),
  kind: z.enum(['definitif', 'plt', 'plh']).default('definitif'),
  startDate: ZDate,
  skNumber: ZPlainText(100).nullable().optional(),
});
export const ZHolderEnd = z.object({ endDate: ZDate });

// ---- Import ----
export const ZImportKind = z.enum(['pegawai', 'jabatan']);
export const ZImportResult = z.object({
  kind: ZImportKind,
  dryRun: z.boolean(),
  totalRows: z.number(),
  valid: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().optional(), reason: ZLocalized })),
  fatal: ZLocalized.nullable(),
  preview: z.array(z.record(z.string(), z.unknown())),
});
export type TImportResult = z.infer<typeof ZImportResult>;
