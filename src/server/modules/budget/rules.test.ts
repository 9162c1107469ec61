import { describe, expect, it } from 'vitest';
import {
  band,
  deviation,
  financialPercent,
  ikuAchievement,
  isCritical,
  isPostponable,
  projectYearEnd,
  proposePostponement,
  protectedReason,
  weightedPhysical,
  KODE_SUB_KEGIATAN,
  type PostponeCandidate,
} from './rules';

describe('BRIEF §4.10 worked examples', () => {
  it('%keuangan = Σ realisation / pagu', () => {
    // Pagu Rp 2 M, SP2D Rp 300 jt + Rp 450 jt: 37.5 %.
    expect(financialPercent(300_000_000 + 450_000_000, 2_000_000_000)).toBe(37.5);
    expect(financialPercent(10, 0)).toBeNull();
  });

  it('%fisik of an OPD is the pagu-weighted mean, not the plain mean', () => {
    // A Rp 9 M road at 20 % and a Rp 1 M study at 100 %: weighted 28 %, the plain mean would say 60 %.
    expect(weightedPhysical([{ pagu: 9_000_000_000, fisik: 20 }, { pagu: 1_000_000_000, fisik: 100 }])).toBe(28);
    expect(weightedPhysical([])).toBeNull();
  });

  it('deviation = plan(t) − realisation(t), cumulative', () => {
    expect(deviation(45, 32.5)).toBe(12.5);
    expect(deviation(30, 35)).toBe(-5);
  });

  it('critical: plan ≤ 70 and lag > 10, or plan > 70 and lag > 5', () => {
    expect(isCritical(60, 49)).toBe(true); // lag 11 at plan 60
    expect(isCritical(60, 50)).toBe(false); // lag exactly 10 is not "more than 10"
    expect(isCritical(70, 59.9)).toBe(true); // plan 70 still uses the 10-point rule: lag 10.1
    expect(isCritical(70, 64)).toBe(false); // lag 6 at plan 70: only the 10-point rule applies
    expect(isCritical(80, 74)).toBe(true); // lag 6 above 70
    expect(isCritical(80, 75)).toBe(false); // lag exactly 5
    expect(isCritical(100, 94.5)).toBe(true);
  });

  it('achievement bands: ≥ 91, 76–90, 66–75, 51–65, ≤ 50', () => {
    expect(band(100)).toBe('sangat_tinggi');
    expect(band(91)).toBe('sangat_tinggi');
    expect(band(90.5)).toBe('tinggi');
    expect(band(76)).toBe('tinggi');
    expect(band(75)).toBe('sedang');
    expect(band(66)).toBe('sedang');
    expect(band(65)).toBe('rendah');
    expect(band(51)).toBe('rendah');
    expect(band(50.5)).toBe('sangat_rendah');
    expect(band(50)).toBe('sangat_rendah');
    expect(band(null)).toBeNull();
  });

  it('IKU achievement: higher-is-better and lower-is-better indicators', () => {
    expect(ikuAchievement(72, 72.9, 'naik')).toBe(101.25);
    expect(ikuAchievement(10, 8, 'turun')).toBe(125);
    expect(ikuAchievement(10, 12.5, 'turun')).toBe(80);
  });
});

describe('revenue projection', () => {
  const flat = Array.from({ length: 12 }, () => 10);
  it('is linear without earlier years: ytd × 12 / months', () => {
    const p = projectYearEnd({ ytdMonthly: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10], asOfMonth: 10, history: [] });
    expect(p).toMatchObject({ method: 'linear', value: 120, years: [] });
  });

  it('is seasonal with earlier years: ytd / average share collected by the month', () => {
    // Earlier years collect half of the year in August (PBB-P2 due date): 40 by July, 50 in August, 10 later.
    const seasonalYear = [5, 5, 5, 5, 5, 5, 10, 50, 4, 3, 2, 1];
    const history = [
      { year: 2024, monthly: seasonalYear },
      { year: 2025, monthly: seasonalYear.map((v) => v * 2) },
    ];
    // By October earlier years had collected 97 of 100 (97 %); this year 145.5 so far -> 145.5 / 0.97 = 150.
    const ytd = seasonalYear.map((v) => v * 1.5);
    const p = projectYearEnd({ ytdMonthly: ytd, asOfMonth: 10, history });
    expect(p.method).toBe('musiman');
    expect(p.share).toBe(0.97);
    expect(p.value).toBe(150);
    expect(p.years).toEqual([2024, 2025]);
    // The linear rule would have said 174.6: too optimistic after the August peak.
    expect(projectYearEnd({ ytdMonthly: ytd, asOfMonth: 10, history: [] }).value).toBe(174.6);
  });

  it('ignores incomplete earlier years', () => {
    const p = projectYearEnd({ ytdMonthly: flat, asOfMonth: 6, history: [{ year: 2025, monthly: [1, 2, 3] }] });
    expect(p.method).toBe('linear');
  });
});

describe('shortfall postponement', () => {
  const base: Omit<PostponeCandidate, 'id' | 'sisa'> = {
    keterkaitan: 1,
    realisasiFisik: 0,
    jenis: 'fisik',
    mendesak: false,
    dilindungi: false,
    statusKontrak: 'belum',
    status: 'aktif',
  };
  const c = (id: string, sisa: number, extra: Partial<PostponeCandidate> = {}): PostponeCandidate => ({ ...base, id, sisa, ...extra });

  it('covers the gap, weakest link first, and never proposes a protected, urgent, contracted or non-physical activity', () => {
    const candidates = [
      c('a', 400, { keterkaitan: 2 }),
      c('b', 300, { keterkaitan: 0 }),
      c('c', 500, { dilindungi: true, keterkaitan: 0 }),
      c('d', 200, { keterkaitan: 1, realisasiFisik: 5 }),
      c('e', 250, { keterkaitan: 1, realisasiFisik: 0 }),
      c('f', 900, { mendesak: true, keterkaitan: 0 }),
      c('g', 900, { statusKontrak: 'kontrak', keterkaitan: 0 }),
      c('h', 900, { jenis: 'non_fisik', keterkaitan: 0 }),
    ];
    const result = proposePostponement(candidates, 700, ['keterkaitan_prioritas', 'progres_terendah', 'sisa_terbesar']);
    expect(result.items.map((i) => i.id)).toEqual(['b', 'e', 'd']);
    expect(result.covered).toBe(750);
    expect(result.enough).toBe(true);
    for (const item of result.items) expect(isPostponable(item)).toBe(true);
  });

  it('says so when every eligible activity together cannot cover the gap', () => {
    const result = proposePostponement([c('a', 100), c('b', 50, { dilindungi: true })], 1000, ['sisa_terbesar']);
    expect(result.items.map((i) => i.id)).toEqual(['a']);
    expect(result.enough).toBe(false);
  });

  it('protects social aid, poverty and stunting by name and urusan sosial by code', () => {
    expect(protectedReason('1.02.02.2.02.0003', 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat (penurunan stunting)')?.id).toBe('stunting dan gizi');
    expect(protectedReason('1.06.06.2.01.0001', 'Pengelolaan Data Fakir Miskin')).not.toBeNull();
    expect(protectedReason('7.01.02.2.01.0001', 'Penyaluran Bantuan Sosial bagi Keluarga Miskin Ekstrem')).not.toBeNull();
    expect(protectedReason('1.03.10.2.01.0001', 'Pembangunan Jalan')).toBeNull();
  });

  it('recognises national nomenclature codes', () => {
    expect(KODE_SUB_KEGIATAN.test('1.03.10.2.01.0001')).toBe(true);
    expect(KODE_SUB_KEGIATAN.test('1.03.10.2.01.01')).toBe(true);
    expect(KODE_SUB_KEGIATAN.test('1.3.10.2.01.0001')).toBe(false);
  });
});
