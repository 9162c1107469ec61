/**
 * The computing rules of budget and revenue (BRIEF §4.10), pure so they are tested with worked examples
 * (rules.test.ts) and shared by the service, the roll-up SQL's twin, the seed and the benchmark.
 */

/** %keuangan = Σ realisation / pagu (BRIEF §4.10), in percent; null when there is no pagu. */
export function financialPercent(realised: number, pagu: number): number | null {
  if (pagu <= 0) return null;
  return round2((realised / pagu) * 100);
}

/** %fisik of an OPD = pagu-weighted mean of its activities' progress (BRIEF §4.10). */
export function weightedPhysical(items: ReadonlyArray<{ pagu: number; fisik: number }>): number | null {
  let weight = 0;
  let sum = 0;
  for (const item of items) {
    if (item.pagu <= 0) continue;
    weight += item.pagu;
    sum += item.pagu * item.fisik;
  }
  return weight > 0 ? round2(sum / weight) : null;
}

/** Deviation = plan(t) − realisation(t), both cumulative (BRIEF §4.10). Positive means behind plan. */
export function deviation(planCumulative: number, realisedCumulative: number): number {
  return round2(planCumulative - realisedCumulative);
}

/**
 * Critical activity (BRIEF §4.10): planned progress ≤ 70 % and lagging more than 10 points, or planned progress
 * above 70 % and lagging more than 5 points. "Lagging" is the physical deviation plan − realisation.
 */
export const CRITICAL_RULE = { planSplit: 70, lagLow: 10, lagHigh: 5 } as const;

export function isCritical(planFisik: number, realFisik: number): boolean {
  const lag = planFisik - realFisik;
  return planFisik <= CRITICAL_RULE.planSplit ? lag > CRITICAL_RULE.lagLow : lag > CRITICAL_RULE.lagHigh;
}

export const BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;
export type Band = (typeof BANDS)[number];

/**
 * Achievement bands (BRIEF §4.10; the scale of Permendagri 86/2017 for evaluating plans): ≥ 91 very high,
 * 76–90 high, 66–75 medium, 51–65 low, ≤ 50 very low. The regulation writes integers; a value between two
 * brackets (90.5) belongs to the lower one, because it has not reached the next bracket's floor.
 */
export function band(achievementPercent: number | null): Band | null {
  if (achievementPercent === null || !Number.isFinite(achievementPercent)) return null;
  if (achievementPercent >= 91) return 'sangat_tinggi';
  if (achievementPercent >= 76) return 'tinggi';
  if (achievementPercent >= 66) return 'sedang';
  if (achievementPercent >= 51) return 'rendah';
  return 'sangat_rendah';
}

export const BAND_LABELS: Record<Band, { id: string; en: string }> = {
  sangat_tinggi: { id: 'Sangat tinggi', en: 'Very high' },
  tinggi: { id: 'Tinggi', en: 'High' },
  sedang: { id: 'Sedang', en: 'Medium' },
  rendah: { id: 'Rendah', en: 'Low' },
  sangat_rendah: { id: 'Sangat rendah', en: 'Very low' },
};

/**
 * IKU achievement in percent of the target. For an indicator where lower is better (poverty rate), achievement
 * is target / realisation: reaching 8 % poverty against a 10 % target is 125 %.
 */
export function ikuAchievement(target: number, realisation: number, arah: 'naik' | 'turun'): number | null {
  if (arah === 'naik') return target === 0 ? null : round2((realisation / target) * 100);
  if (realisation === 0) return target === 0 ? 100 : null;
  return round2((target / realisation) * 100);
}

export interface Projection {
  method: 'musiman' | 'linear';
  /** Year-end projection. */
  value: number;
  /** Share of the year's revenue normally collected by the as-of month (1 for linear at December). */
  share: number;
  /** Earlier years used for the seasonal profile. */
  years: number[];
}

/**
 * Year-end revenue projection. Seasonal when earlier complete years exist: the average share of the yearly total
 * collected by the end of the as-of month in those years; the year-to-date figure divided by that share.
 * Otherwise linear: year-to-date × 12 / months elapsed. Property tax (PBB-P2) falls due in August and dividends
 * arrive in April–May, so a linear projection misjudges most months; the seasonal one corrects that.
 */
export function projectYearEnd(input: { ytdMonthly: readonly number[]; asOfMonth: number; history: ReadonlyArray<{ year: number; monthly: readonly number[] }> }): Projection {
  const { asOfMonth } = input;
  const ytd = sum(input.ytdMonthly.slice(0, asOfMonth));
  const complete = input.history.filter((h) => h.monthly.length === 12 && sum(h.monthly) > 0);
  const shares = complete.map((h) => sum(h.monthly.slice(0, asOfMonth)) / sum(h.monthly)).filter((s) => s > 0);
  if (shares.length > 0) {
    const share = shares.reduce((a, b) => a + b, 0) / shares.length;
    return { method: 'musiman', value: round2(ytd / share), share: round4(share), years: complete.map((h) => h.year).sort() };
  }
  if (asOfMonth <= 0) return { method: 'linear', value: 0, share: 0, years: [] };
  return { method: 'linear', value: round2((ytd * 12) / asOfMonth), share: round4(asOfMonth / 12), years: [] };
}

/** Criteria to order postponement candidates, applied in the configured order. */
export const POSTPONE_CRITERIA = ['keterkaitan_prioritas', 'progres_terendah', 'sisa_terbesar'] as const;
export type PostponeCriterion = (typeof POSTPONE_CRITERIA)[number];

export interface PostponeCandidate {
  id: string;
  /** Unspent effective pagu: what postponing frees. */
  sisa: number;
  /** 0 not linked to any sasaran, 1 linked to a sasaran, 2 linked to a priority sasaran. */
  keterkaitan: 0 | 1 | 2;
  realisasiFisik: number;
  jenis: 'fisik' | 'non_fisik';
  mendesak: boolean;
  dilindungi: boolean;
  statusKontrak: 'belum' | 'proses' | 'kontrak' | 'swakelola';
  status: 'aktif' | 'ditunda';
}

/**
 * Who may be postponed at all (seed 000/002: "kegiatan fisik yang tidak mendesak"; seed 004: no cut to aid for
 * the poor): physical, not urgent, not contracted (no legal obligation yet), still active, with money left, and
 * never a protected activity (social aid, extreme poverty, stunting ...).
 */
export function isPostponable(c: PostponeCandidate): boolean {
  return c.jenis === 'fisik' && !c.mendesak && !c.dilindungi && c.statusKontrak === 'belum' && c.status === 'aktif' && c.sisa > 0;
}

function compareBy(criterion: PostponeCriterion, a: PostponeCandidate, b: PostponeCandidate): number {
  switch (criterion) {
    case 'keterkaitan_prioritas':
      return a.keterkaitan - b.keterkaitan;
    case 'progres_terendah':
      return a.realisasiFisik - b.realisasiFisik;
    case 'sisa_terbesar':
      return b.sisa - a.sisa;
  }
}

/**
 * The postponement list: eligible candidates ordered by the configured criteria (ties by id, so the list is
 * deterministic), taken until their unspent amounts cover the gap. Protected activities are filtered out
 * here whatever the caller passes.
 */
export function proposePostponement(candidates: readonly PostponeCandidate[], gap: number, criteria: readonly PostponeCriterion[]): { items: PostponeCandidate[]; covered: number; enough: boolean } {
  const ordered = candidates.filter(isPostponable).sort((a, b) => {
    for (const criterion of criteria) {
      const order = compareBy(criterion, a, b);
      if (order !== 0) return order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const items: PostponeCandidate[] = [];
  let covered = 0;
  for (const candidate of ordered) {
    if (covered >= gap) break;
    items.push(candidate);
    covered += candidate.sisa;
  }
  return { items, covered: round2(covered), enough: covered >= gap };
}

/**
 * Protected by name (seed 004: "Tidak boleh ada pemotongan anggaran untuk bantuan-bantuan khususnya untuk
 * masyarakat miskin"; seed 002: stunting and extreme poverty are priorities). Matched case-insensitively on the
 * sub-kegiatan name; urusan sosial (kode 1.06) is protected whole. The list is deliberately broad: a false
 * positive only keeps an activity off the postponement list, a false negative could cut aid.
 */
export const PROTECTED_KEYWORDS: ReadonlyArray<{ pattern: RegExp; reason: { id: string; en: string } }> = [
  { pattern: /bantuan sosial|bansos|\bbantuan\b.*\b(miskin|sosial|pangan|langsung)/i, reason: { id: 'bantuan sosial', en: 'social aid' } },
  { pattern: /miskin|kemiskinan|fakir/i, reason: { id: 'penanganan kemiskinan', en: 'poverty relief' } },
  { pattern: /stunting|gizi/i, reason: { id: 'stunting dan gizi', en: 'stunting and nutrition' } },
  { pattern: /permakanan|jaminan kesehatan|jaminan sosial|penerima bantuan iuran|\bPBI\b/i, reason: { id: 'jaminan sosial', en: 'social security' } },
  { pattern: /disabilitas|lanjut usia|lansia terlantar|anak terlantar|rehabilitasi sosial|korban bencana/i, reason: { id: 'perlindungan kelompok rentan', en: 'protection of vulnerable groups' } },
];

export function protectedReason(kode: string, nama: string): { id: string; en: string } | null {
  if (/^1\.06\./.test(kode)) return { id: 'urusan sosial (1.06)', en: 'social affairs (1.06)' };
  for (const entry of PROTECTED_KEYWORDS) if (entry.pattern.test(nama)) return entry.reason;
  return null;
}

/**
 * National nomenclature codes (Kepmendagri 050-5889/2021): program `U.BB.PP`, kegiatan `U.BB.PP.K.KK`, sub-kegiatan
 * `U.BB.PP.K.KK.SSSS` (four digits since 050-5889/2021; two digits in the 050-3708/2020 style are accepted).
 * The supporting programme of every OPD keeps its urusan code (e.g. 1.02.01 in a Dinas Kesehatan).
 */
export const KODE_PROGRAM = /^\d\.\d{2}\.\d{2}$/;
export const KODE_KEGIATAN = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}$/;
export const KODE_SUB_KEGIATAN = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(\d{2}|\d{4})$/;

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Cumulative series: [1, 2, 3] -> [1, 3, 6]. */
export function cumulative(values: readonly number[]): number[] {
  const out: number[] = [];
  let running = 0;
  for (const value of values) {
    running += value;
    out.push(round2(running));
  }
  return out;
}
