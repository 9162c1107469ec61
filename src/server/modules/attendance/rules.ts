import { z } from 'zod';

/**
 * The rule tables of attendance, discipline and TPP (../shared/docs/BRIEF.md §4.1–4.4). Each is configuration per
 * Pemda, stored in att_rule_set with a validity date and its legal basis; the national rules below are the
 * defaults a Pemda starts from, and each Perkada overrides them from its own date. Values tagged [U] in the brief
 * (TK cut, apel cut, 60/40 split, basic amounts) are representative and meant to be replaced.
 */
const ZTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
const ZDayTimes = z.object({ start: ZTime, end: ZTime }).nullable();
/** ISO weekday 1 (Monday) … 7 (Sunday) → working hours, or null for a day off. */
const ZWeek = z.object({ 1: ZDayTimes, 2: ZDayTimes, 3: ZDayTimes, 4: ZDayTimes, 5: ZDayTimes, 6: ZDayTimes, 7: ZDayTimes });

export const ZScheduleRules = z.object({
  /** 'roster': the pegawai of this OPD work only their rostered shifts (hospital, Satpol PP, fire brigade). */
  mode: z.enum(['fixed', 'roster']),
  week: ZWeek,
  ramadanWeek: ZWeek,
  ramadan: z.array(z.object({ from: z.iso.date(), to: z.iso.date(), name: z.string() })),
});
export type ScheduleRules = z.infer<typeof ZScheduleRules>;
export type Week = z.infer<typeof ZWeek>;

const ZBand = z.object({ code: z.number().int().min(1).max(4), fromMinutes: z.number().int().min(1), toMinutes: z.number().int().nullable(), cutPercent: z.number().min(0).max(100) });
export const ZLatenessRules = z.object({
  tl: z.array(ZBand).min(1),
  psw: z.array(ZBand).min(1),
  /** No check-in counts as the highest TL code, no check-out as the highest PSW code. */
  tkCutPercent: z.number().min(0).max(100),
  apelCutPercent: z.number().min(0).max(100),
  monthlyCapPercent: z.number().min(0).max(100),
});
export type LatenessRules = z.infer<typeof ZLatenessRules>;

export const SANCTIONS = [
  'teguran_lisan',
  'teguran_tertulis',
  'pernyataan_tidak_puas',
  'potong_tpp_6',
  'potong_tpp_9',
  'potong_tpp_12',
  'penurunan_jabatan',
  'pembebasan_jabatan',
  'pdhtaps',
] as const;
export type Sanction = (typeof SANCTIONS)[number];
export const LEVELS = ['ringan', 'sedang', 'berat'] as const;
export type Level = (typeof LEVELS)[number];

export const ZDisciplineRules = z.object({
  /** 7.5 hours (PP 53/2010 practice, carried over [M]). */
  minutesPerDay: z.number().int().min(1),
  brackets: z.array(z.object({ key: z.string(), minDays: z.number().int().min(1), level: z.enum(LEVELS), sanction: z.enum(SANCTIONS), tppCutPercent: z.number(), months: z.number().int() })),
  consecutiveTkDays: z.number().int().min(1),
  consecutiveSanction: z.enum(SANCTIONS),
  summonsWorkingDays: z.number().int().min(7),
  appealWorkingDays: z.number().int().min(1),
  /** Who may decide which level (authority matrix). */
  authority: z.object({ ringan: z.array(z.string()), sedang: z.array(z.string()), berat: z.array(z.string()) }),
});
export type DisciplineRules = z.infer<typeof ZDisciplineRules>;

export const PREDIKAT = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type Predikat = (typeof PREDIKAT)[number];

export const ZTppRules = z.object({
  basicByKelas: z.record(z.string(), z.number().min(0)),
  kinerjaWeightPercent: z.number().min(0).max(100),
  disiplinWeightPercent: z.number().min(0).max(100),
  kinerjaByPredikat: z.record(z.string(), z.number().min(0).max(100)),
  /** Kinerja factor when nothing was imported for the month. */
  missingKinerjaPercent: z.number().min(0).max(100),
  eligibleStatuses: z.array(z.enum(['PNS', 'PPPK', 'NON_ASN'])),
});
export type TppRules = z.infer<typeof ZTppRules>;

export interface RuleVersion<T> {
  validFrom: string;
  legalBasis: string;
  body: T;
  /** true when no Pemda row applies and the national default is used. */
  isDefault: boolean;
}

const workWeek = (start: string, end: string, fridayEnd: string): Week => ({
  1: { start, end },
  2: { start, end },
  3: { start, end },
  4: { start, end },
  5: { start, end: fridayEnd },
  6: null,
  7: null,
});

export const DEFAULT_SCHEDULE: RuleVersion<ScheduleRules> = {
  validFrom: '2000-01-01',
  legalBasis:
    'Perpres 21/2023 tentang Hari Kerja dan Jam Kerja Instansi Pemerintah dan Pegawai ASN (37,5 jam/minggu; Ramadan 32,5 jam); awal Ramadan menurut sidang isbat Kemenag [M]',
  isDefault: true,
  body: {
    mode: 'fixed',
    // BRIEF §4.1: 07.30–16.00, Friday until 16.30 (break 60 min Mon–Thu, 90 min Fri).
    week: workWeek('07:30', '16:00', '16:30'),
    // Ramadan: 08.00–15.00, Friday until 15.30.
    ramadanWeek: workWeek('08:00', '15:00', '15:30'),
    ramadan: [
      { from: '2024-03-12', to: '2024-04-09', name: 'Ramadan 1445 H' },
      { from: '2025-03-01', to: '2025-03-30', name: 'Ramadan 1446 H' },
      { from: '2026-02-19', to: '2026-03-19', name: 'Ramadan 1447 H' },
    ],
  },
};

const band = (code: number, fromMinutes: number, toMinutes: number | null, cutPercent: number) => ({ code, fromMinutes, toMinutes, cutPercent });

export const DEFAULT_LATENESS: RuleVersion<LatenessRules> = {
  validFrom: '2000-01-01',
  legalBasis: 'Pola Perkada TPP (nilai representatif, BRIEF §4.2): TL/PSW 0,5/1/1,25/1,5 %; TK 3 % [U]; apel 1 % [U]; batas 100 %',
  isDefault: true,
  body: {
    tl: [band(1, 1, 30, 0.5), band(2, 31, 60, 1), band(3, 61, 90, 1.25), band(4, 91, null, 1.5)],
    psw: [band(1, 1, 30, 0.5), band(2, 31, 60, 1), band(3, 61, 90, 1.25), band(4, 91, null, 1.5)],
    tkCutPercent: 3,
    apelCutPercent: 1,
    monthlyCapPercent: 100,
  },
};

export const DEFAULT_DISCIPLINE: RuleVersion<DisciplineRules> = {
  validFrom: '2021-08-31',
  legalBasis: 'PP 94/2021 tentang Disiplin PNS pasal 4 huruf f, 8–11; konversi 450 menit = 1 hari [M]; banding 14 hari kerja [U]',
  isDefault: true,
  body: {
    minutesPerDay: 450,
    brackets: [
      { key: 'ringan_3', minDays: 3, level: 'ringan', sanction: 'teguran_lisan', tppCutPercent: 0, months: 0 },
      { key: 'ringan_4', minDays: 4, level: 'ringan', sanction: 'teguran_tertulis', tppCutPercent: 0, months: 0 },
      { key: 'ringan_7', minDays: 7, level: 'ringan', sanction: 'pernyataan_tidak_puas', tppCutPercent: 0, months: 0 },
      { key: 'sedang_11', minDays: 11, level: 'sedang', sanction: 'potong_tpp_6', tppCutPercent: 25, months: 6 },
      { key: 'sedang_14', minDays: 14, level: 'sedang', sanction: 'potong_tpp_9', tppCutPercent: 25, months: 9 },
      { key: 'sedang_17', minDays: 17, level: 'sedang', sanction: 'potong_tpp_12', tppCutPercent: 25, months: 12 },
      { key: 'berat_21', minDays: 21, level: 'berat', sanction: 'penurunan_jabatan', tppCutPercent: 0, months: 12 },
      { key: 'berat_25', minDays: 25, level: 'berat', sanction: 'pembebasan_jabatan', tppCutPercent: 0, months: 12 },
      { key: 'berat_28', minDays: 28, level: 'berat', sanction: 'pdhtaps', tppCutPercent: 0, months: 0 },
    ],
    consecutiveTkDays: 10,
    consecutiveSanction: 'pdhtaps',
    summonsWorkingDays: 7,
    appealWorkingDays: 14,
    // PP 94/2021 art. 18–21 [M]: the direct superior up to the PPK; a Pj reports to Mendagri (SE 821/5492/SJ 2022).
    authority: { ringan: ['kepala_opd', 'sekda', 'kepala_daerah'], sedang: ['sekda', 'kepala_daerah'], berat: ['kepala_daerah'] },
  },
};

/** Representative basic TPP per kelas jabatan (rupiah per month) [U]: every Perkada sets its own. */
const BASIC: Record<string, number> = {
  1: 1_500_000, 2: 1_650_000, 3: 1_800_000, 4: 2_000_000, 5: 2_250_000, 6: 2_500_000, 7: 2_850_000, 8: 3_250_000, 9: 3_750_000,
  10: 4_400_000, 11: 5_200_000, 12: 6_500_000, 13: 8_000_000, 14: 10_000_000, 15: 13_000_000, 16: 17_000_000, 17: 22_000_000,
};

export const DEFAULT_TPP: RuleVersion<TppRules> = {
  validFrom: '2000-01-01',
  legalBasis: 'PP 12/2019 pasal 58; Kepmendagri 900-4700/2020; bobot kinerja 60 % / disiplin 40 % [U]; besaran per kelas contoh [U]',
  isDefault: true,
  body: {
    basicByKelas: BASIC,
    kinerjaWeightPercent: 60,
    disiplinWeightPercent: 40,
    kinerjaByPredikat: { sangat_baik: 100, baik: 100, butuh_perbaikan: 75, kurang: 50, sangat_kurang: 25 },
    missingKinerjaPercent: 0,
    eligibleStatuses: ['PNS', 'PPPK'],
  },
};

export const RULE_SCHEMAS = { schedule: ZScheduleRules, lateness: ZLatenessRules, discipline: ZDisciplineRules, tpp: ZTppRules } as const;
export const RULE_DEFAULTS = { schedule: DEFAULT_SCHEDULE, lateness: DEFAULT_LATENESS, discipline: DEFAULT_DISCIPLINE, tpp: DEFAULT_TPP } as const;

// ---------------------------------------------------------------------------------------------------------------
// Pure rule functions, tested with the brief's worked examples.

/** BRIEF §4.2: the TL/PSW code and cut for minutes late (or early); 0 minutes is on time. */
export function bandFor(bands: LatenessRules['tl'], minutes: number): { code: number; cutPercent: number } {
  if (minutes <= 0) return { code: 0, cutPercent: 0 };
  for (const item of bands) {
    if (minutes >= item.fromMinutes && (item.toMinutes === null || minutes <= item.toMinutes)) return { code: item.code, cutPercent: item.cutPercent };
  }
  const top = bands[bands.length - 1] as LatenessRules['tl'][number];
  return { code: top.code, cutPercent: top.cutPercent };
}

/** The highest band: what a missing check-in (TL4) or check-out (PSW4) counts as. */
export function topBand(bands: LatenessRules['tl']): { code: number; cutPercent: number } {
  const top = [...bands].sort((a, b) => b.code - a.code)[0] as LatenessRules['tl'][number];
  return { code: top.code, cutPercent: top.cutPercent };
}

/** PP 94/2021 art. 9–11: TK days plus (late + early minutes) / 450 — whole days only count toward a bracket. */
export function disciplineDays(rules: DisciplineRules, tkDays: number, lateEarlyMinutes: number): { days: number; exact: number } {
  const exact = tkDays + lateEarlyMinutes / rules.minutesPerDay;
  return { days: tkDays + Math.floor(lateEarlyMinutes / rules.minutesPerDay), exact: Math.round(exact * 100) / 100 };
}

export type Bracket = DisciplineRules['brackets'][number];

/** The highest bracket reached (10 consecutive TK days reach dismissal whatever the total). */
export function bracketFor(rules: DisciplineRules, days: number, consecutiveTk: number): Bracket | null {
  if (consecutiveTk >= rules.consecutiveTkDays) {
    return { key: `berat_berturut_${rules.consecutiveTkDays}`, minDays: rules.consecutiveTkDays, level: 'berat', sanction: rules.consecutiveSanction, tppCutPercent: 0, months: 0 };
  }
  let found: Bracket | null = null;
  for (const bracket of [...rules.brackets].sort((a, b) => a.minDays - b.minDays)) if (days >= bracket.minDays) found = bracket;
  return found;
}

export function bracketRank(rules: DisciplineRules, key: string): number {
  if (key.startsWith('berat_berturut_')) return 1000;
  return [...rules.brackets].sort((a, b) => a.minDays - b.minDays).findIndex((b) => b.key === key);
}

export interface TppInput {
  basic: number;
  kinerjaPercent: number;
  /** Σ cuts of §4.2 for the month, before the cap. */
  cutPercent: number;
  capPercent: number;
  sanctionPercent: number;
  rules: TppRules;
}

export interface TppResult {
  disiplinPercent: number;
  cappedCutPercent: number;
  kinerjaAmount: number;
  disiplinAmount: number;
  sanctionAmount: number;
  paid: number;
}

const rupiah = (value: number) => Math.round(value);

/**
 * BRIEF §4.4 (PP 12/2019 art. 58): paid = basic × (w_k × kinerja + w_d × disiplin) − sanction cut, with
 * disiplin = max(0, 100 % − Σ cuts) and the cuts capped at 100 % a month. The 25 % cut of a sedang sanction
 * (PP 94/2021 art. 8(3)) is taken from the amount so computed, for the months of the sanction.
 */
export function computeTpp(input: TppInput): TppResult {
  const cappedCutPercent = Math.min(input.capPercent, Math.max(0, input.cutPercent));
  const disiplinPercent = Math.max(0, 100 - cappedCutPercent);
  const kinerjaAmount = rupiah((input.basic * input.rules.kinerjaWeightPercent * input.kinerjaPercent) / 10_000);
  const disiplinAmount = rupiah((input.basic * input.rules.disiplinWeightPercent * disiplinPercent) / 10_000);
  const sanctionAmount = rupiah(((kinerjaAmount + disiplinAmount) * input.sanctionPercent) / 100);
  return { disiplinPercent, cappedCutPercent, kinerjaAmount, disiplinAmount, sanctionAmount, paid: kinerjaAmount + disiplinAmount - sanctionAmount };
}

/** Kinerja factor from the imported predikat or score. */
export function kinerjaPercentOf(rules: TppRules, entry: { predikat: string | null; score: number | null } | undefined): number {
  if (!entry) return rules.missingKinerjaPercent;
  if (entry.predikat && rules.kinerjaByPredikat[entry.predikat] !== undefined) return rules.kinerjaByPredikat[entry.predikat] as number;
  if (entry.score !== null) return Math.max(0, Math.min(100, entry.score));
  return rules.missingKinerjaPercent;
}
