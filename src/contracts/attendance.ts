import { z } from 'zod';
import { ZLocalized, ZPlainText } from './common';

/** Attendance, discipline and TPP (issue 5): requests and responses shared by server and web. */
// Refinements carry their Indonesian message (the shared message table knows only the platform's own keys).
export const ZMonth = z.string().refine((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { message: 'harus berformat YYYY-MM' });
export const ZTime = z.string().refine((v) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), { message: 'harus berformat JJ:MM' });

export const LEAVE_KIND_VALUES = ['cuti_tahunan', 'cuti_sakit', 'cuti_besar', 'cuti_melahirkan', 'cuti_alasan_penting', 'cltn', 'izin', 'dinas_luar', 'tugas_belajar', 'wfa'] as const;
export const DAY_STATUS_VALUES = ['hadir', 'tk', 'libur', 'cuti', 'izin', 'dinas_luar', 'tugas_belajar'] as const;

export const ZDay = z.object({
  date: z.string(),
  status: z.enum(DAY_STATUS_VALUES),
  scheduled: z.boolean(),
  schedStart: z.string().nullable(),
  schedEnd: z.string().nullable(),
  checkIn: z.string().nullable(),
  checkOut: z.string().nullable(),
  lateMinutes: z.number(),
  earlyMinutes: z.number(),
  tl: z.number(),
  psw: z.number(),
  cutPercent: z.number(),
  /** Why, in words: the rule applied and the figures behind it. */
  why: ZLocalized,
});
export type TDay = z.infer<typeof ZDay>;

export const ZEventItem = z.object({ at: z.string(), device: z.string(), state: z.number().nullable(), mode: z.string().nullable() });

export const ZPegawaiMonth = z.object({
  pegawai: z.object({ id: z.string(), name: z.string(), nip: z.string().nullable(), opdId: z.string(), opdName: z.string() }),
  month: z.string(),
  days: z.array(ZDay),
  /** Events of today and of days not computed yet (shown as they come). */
  pendingEvents: z.array(ZEventItem),
  totals: z.object({ scheduled: z.number(), hadir: z.number(), tk: z.number(), excused: z.number(), lateMinutes: z.number(), earlyMinutes: z.number(), cutPercent: z.number() }),
  rules: z.array(z.object({ kind: z.string(), validFrom: z.string(), legalBasis: z.string(), isDefault: z.boolean() })),
});
export type TPegawaiMonth = z.infer<typeof ZPegawaiMonth>;

export const ZRecapRow = z.object({
  pegawaiId: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  opdId: z.string(),
  opdName: z.string(),
  scheduled: z.number(),
  hadir: z.number(),
  tk: z.number(),
  excused: z.number(),
  onTime: z.number(),
  lateMinutes: z.number(),
  earlyMinutes: z.number(),
  tl: z.number(),
  psw: z.number(),
  cutPercent: z.number(),
  attendanceRate: z.number().nullable(),
});
export type TRecapRow = z.infer<typeof ZRecapRow>;
export const ZRecapOpdRow = ZRecapRow.omit({ pegawaiId: true, name: true, nip: true }).extend({ pegawai: z.number(), punctuality: z.number().nullable() });
export const ZRecap = z.object({ month: z.string(), opdId: z.string().nullable(), opds: z.array(ZRecapOpdRow), pegawai: z.array(ZRecapRow) });
export type TRecap = z.infer<typeof ZRecap>;
export const ZRecapQuery = z.object({ month: ZMonth, opd: z.uuid().optional() });

export const ZImportSummary = z.object({
  importId: z.string(),
  read: z.number(),
  added: z.number(),
  duplicates: z.number(),
  unmapped: z.number(),
  rejectedCount: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: ZLocalized })),
  recomputedDays: z.number(),
  casesOpened: z.number(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

export const ZDeviceCreate = z.object({
  code: z.string().trim().refine((v) => /^[A-Za-z0-9_-]{1,32}$/.test(v), { message: 'hanya huruf, angka, - dan _ (1–32 karakter)' }),
  name: ZPlainText(120),
  kind: z.enum(['zkteco', 'adms', 'csv']),
  opdId: z.uuid().nullable().optional(),
  serialNumber: ZPlainText(60).nullable().optional(),
  columnMap: z.object({ pin: z.string().min(1).max(60), datetime: z.string().max(60).optional(), date: z.string().max(60).optional(), time: z.string().max(60).optional(), state: z.string().max(60).optional() }).nullable().optional(),
});
export type TDeviceCreate = z.infer<typeof ZDeviceCreate>;
export const ZDevice = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  opdId: z.string().nullable(),
  mapped: z.number(),
  unmappedPins: z.number(),
  events: z.number(),
  lastImport: z.string().nullable(),
});
export const ZDeviceList = z.object({ items: z.array(ZDevice) });
export const ZImportItem = z.object({ id: z.string(), deviceCode: z.string(), filename: z.string(), format: z.string(), read: z.number(), added: z.number(), duplicates: z.number(), unmapped: z.number(), rejectedCount: z.number(), createdAt: z.string() });
export const ZImportList = z.object({ items: z.array(ZImportItem) });

export const ZPinMapRequest = z.object({ mappings: z.array(z.object({ pin: z.string().trim().refine((v) => /^[0-9A-Za-z]{1,24}$/.test(v), { message: 'PIN hanya huruf/angka (1–24 karakter)' }), pegawaiId: z.uuid() })).min(1).max(5000) });
export const ZPinMapResult = z.object({ mapped: z.number(), attributed: z.number(), recomputedDays: z.number() });

export const ZLeaveCreate = z
  .object({ kind: z.enum(LEAVE_KIND_VALUES), startDate: z.iso.date(), endDate: z.iso.date(), reason: ZPlainText(500) })
  .refine((v) => v.endDate >= v.startDate, { message: 'tidak boleh sebelum tanggal mulai', path: ['endDate'] });
export const ZLeaveDecision = z.object({ decision: z.enum(['disetujui', 'ditolak']), note: ZPlainText(500).optional() });
export const ZLeave = z.object({
  id: z.string(),
  pegawaiId: z.string(),
  pegawaiName: z.string(),
  opdId: z.string(),
  kind: z.enum(LEAVE_KIND_VALUES),
  startDate: z.string(),
  endDate: z.string(),
  reason: z.string(),
  status: z.enum(['diajukan', 'disetujui', 'ditolak', 'dibatalkan']),
  hasAttachment: z.boolean(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type TLeave = z.infer<typeof ZLeave>;
export const ZLeaveList = z.object({ items: z.array(ZLeave) });
export const ZLeaveQuery = z.object({ status: z.enum(['diajukan', 'disetujui', 'ditolak', 'dibatalkan']).optional(), mine: z.enum(['true', 'false']).optional() });

export const ZCheckinRequest = z.object({
  mode: z.enum(['wfo', 'wfa', 'dinas_luar']),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
});
export const ZCheckinResult = z.object({ at: z.string(), mode: z.string(), office: z.string().nullable(), message: ZLocalized });

export const ZRuleKind = z.enum(['schedule', 'lateness', 'discipline', 'tpp']);
export const ZRuleCreate = z.object({ kind: ZRuleKind, opdId: z.uuid().nullable().optional(), validFrom: z.iso.date(), legalBasis: ZPlainText(300), body: z.record(z.string(), z.unknown()) });
export const ZRuleItem = z.object({ id: z.string().nullable(), kind: ZRuleKind, opdId: z.string().nullable(), validFrom: z.string(), legalBasis: z.string(), isDefault: z.boolean(), body: z.unknown() });
export const ZRuleList = z.object({ items: z.array(ZRuleItem) });

export const ZRosterRequest = z.object({ entries: z.array(z.object({ pegawaiId: z.uuid(), date: z.iso.date(), shiftName: ZPlainText(40), start: ZTime, end: ZTime })).min(1).max(5000) });
export const ZOfficeCreate = z.object({ name: ZPlainText(120), opdId: z.uuid().nullable().optional(), geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }) });

export const CASE_STATUS_VALUES = ['panggilan_1', 'panggilan_2', 'pemeriksaan', 'diputus', 'ditutup'] as const;
export const ZCase = z.object({
  id: z.string(),
  pegawaiId: z.string(),
  pegawaiName: z.string(),
  nip: z.string().nullable(),
  opdId: z.string(),
  opdName: z.string(),
  year: z.number(),
  bracket: z.string(),
  level: z.enum(['ringan', 'sedang', 'berat']),
  proposedSanction: z.string(),
  daysAtOpen: z.number(),
  consecutiveTk: z.number(),
  status: z.enum(CASE_STATUS_VALUES),
  openedOn: z.string(),
  summons1On: z.string(),
  summons2On: z.string().nullable(),
  examinedOn: z.string().nullable(),
  bapNotes: z.string().nullable(),
  decidedSanction: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  appealUntil: z.string().nullable(),
  /** Who may decide this level (authority matrix). */
  deciders: z.array(z.string()),
});
export type TCase = z.infer<typeof ZCase>;
export const ZCaseList = z.object({ items: z.array(ZCase) });
export const ZCaseQuery = z.object({ status: z.enum(CASE_STATUS_VALUES).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ZCaseLedger = z.object({ case: ZCase, ledger: z.object({ tkDays: z.number(), lateEarlyMinutes: z.number(), days: z.number(), exact: z.number(), consecutiveTk: z.number() }) });
export const ZSummonsRequest = z.object({ date: z.iso.date() });
export const ZExaminationRequest = z.object({ date: z.iso.date(), notes: ZPlainText(4000) });
export const ZDecisionRequest = z.object({
  sanction: z.enum(['teguran_lisan', 'teguran_tertulis', 'pernyataan_tidak_puas', 'potong_tpp_6', 'potong_tpp_9', 'potong_tpp_12', 'penurunan_jabatan', 'pembebasan_jabatan', 'pdhtaps', 'tidak_terbukti']),
  decisionNumber: ZPlainText(120),
  date: z.iso.date(),
});

export const ZTppLine = z.object({ label: ZLocalized, amount: z.number().nullable(), note: ZLocalized.nullable() });
export const ZTppRow = z.object({
  pegawaiId: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  opdId: z.string(),
  opdName: z.string(),
  kelas: z.number().nullable(),
  basic: z.number(),
  kinerjaPercent: z.number(),
  disiplinPercent: z.number(),
  cutPercent: z.number(),
  sanctionPercent: z.number(),
  paid: z.number(),
  breakdown: z.array(ZTppLine),
});
export type TTppRow = z.infer<typeof ZTppRow>;
export const ZTppSheet = z.object({ month: z.string(), computedAt: z.string().nullable(), total: z.number(), items: z.array(ZTppRow), legalBasis: z.string() });
export type TTppSheet = z.infer<typeof ZTppSheet>;
export const ZTppQuery = z.object({ opd: z.uuid().optional() });
export const ZTppComputeResult = z.object({ month: z.string(), pegawai: z.number(), total: z.number(), recomputedDays: z.number() });
export const ZKinerjaImportResult = z.object({ read: z.number(), saved: z.number(), rejected: z.array(z.object({ line: z.number(), reason: ZLocalized })) });
