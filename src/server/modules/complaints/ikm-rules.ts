/**
 * Indeks Kepuasan Masyarakat (IKM / SKM), PermenPANRB 14/2017 (BRIEF 4.7). Pure functions: the regulation's own
 * numbers are the tests (ikm-rules.test.ts).
 */
export const IKM_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type IkmElement = (typeof IKM_ELEMENTS)[number];

/** PermenPANRB 14/2017, Lampiran: the nine elements of the survey. */
export const IKM_ELEMENT_LABELS: Record<IkmElement, { id: string; en: string }> = {
  u1: { id: 'Persyaratan', en: 'Requirements' },
  u2: { id: 'Sistem, mekanisme, dan prosedur', en: 'Procedure' },
  u3: { id: 'Waktu penyelesaian', en: 'Completion time' },
  u4: { id: 'Biaya/tarif', en: 'Cost/tariff' },
  u5: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product' },
  u6: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
  u7: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
  u8: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints and suggestions' },
  u9: { id: 'Sarana dan prasarana', en: 'Facilities' },
};

/** The conversion base: converted value = IKM x 25 (PermenPANRB 14/2017). */
export const IKM_CONVERSION_FACTOR = 25;

export type IkmCategory = 'A' | 'B' | 'C' | 'D';

export interface IkmBand {
  category: IkmCategory;
  /** Lowest converted value of the band (2 decimals, inclusive). */
  min: number;
  label: { id: string; en: string };
}

export interface IkmBandTable {
  basis: string;
  /** Highest band first. */
  bands: readonly IkmBand[];
}

/**
 * PermenPANRB 14/2017 (BRIEF 4.7): 88.31-100 A Sangat Baik; 76.61-88.30 B Baik; 65.00-76.60 C Kurang Baik;
 * 25.00-64.99 D Tidak Baik. This is the table Pamong applies.
 */
export const IKM_BANDS_2017: IkmBandTable = {
  basis: 'PermenPANRB 14/2017',
  bands: [
    { category: 'A', min: 88.31, label: { id: 'Sangat Baik', en: 'Very good' } },
    { category: 'B', min: 76.61, label: { id: 'Baik', en: 'Good' } },
    { category: 'C', min: 65.0, label: { id: 'Kurang Baik', en: 'Poor' } },
    { category: 'D', min: 25.0, label: { id: 'Tidak Baik', en: 'Bad' } },
  ],
};

/**
 * The superseded bands of KepMenPAN 25/2004 (81.26-100 A, 62.51-81.25 B, 43.76-62.50 C, 25-43.75 D). Kept only
 * to explain the worked example "3.059 -> 76.48 -> B", which is a B under these bands but a C under the 2017
 * table above (76.48 < 76.61).
 */
export const IKM_BANDS_2004: IkmBandTable = {
  basis: 'KepMenPAN 25/2004 (dicabut / superseded)',
  bands: [
    { category: 'A', min: 81.26, label: { id: 'Sangat Baik', en: 'Very good' } },
    { category: 'B', min: 62.51, label: { id: 'Baik', en: 'Good' } },
    { category: 'C', min: 43.76, label: { id: 'Kurang Baik', en: 'Poor' } },
    { category: 'D', min: 25.0, label: { id: 'Tidak Baik', en: 'Bad' } },
  ],
};

/** Half-up rounding to `digits` decimals, immune to binary representation (3.059 x 25 = 76.47499... in floats). */
export function roundHalfUp(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor * (1 + Number.EPSILON * 8)) / factor;
}

/** NRR per element: the mean of its answers (1-4). Null when nobody answered. */
export function nrr(answers: readonly number[]): number | null {
  if (answers.length === 0) return null;
  let sum = 0;
  for (const answer of answers) {
    if (!Number.isInteger(answer) || answer < 1 || answer > 4) throw new Error(`IKM answer out of range: ${answer}`);
    sum += answer;
  }
  return sum / answers.length;
}

/** IKM = sum of NRR_i / 9 (each element weighs 1/9 = 0.111, PermenPANRB 14/2017). */
export function ikmIndex(nrrs: readonly number[]): number {
  if (nrrs.length !== IKM_ELEMENTS.length) throw new Error('IKM needs the NRR of all nine elements');
  return nrrs.reduce((a, b) => a + b, 0) / IKM_ELEMENTS.length;
}

/** Converted value: IKM x 25, two decimals. */
export function convertIkm(index: number): number {
  return roundHalfUp(index * IKM_CONVERSION_FACTOR, 2);
}

export function ikmCategory(converted: number, table: IkmBandTable = IKM_BANDS_2017): IkmBand {
  const value = roundHalfUp(converted, 2);
  for (const band of table.bands) if (value >= band.min) return band;
  return table.bands[table.bands.length - 1] as IkmBand;
}

/**
 * Minimum respondents by Krejcie and Morgan (1970), as PermenPANRB 14/2017 prescribes:
 * n = X2 N P(1-P) / (d2 (N-1) + X2 P(1-P)) with X2 = 3.841 (95 %), P = 0.5, d = 0.05, rounded up.
 * N 100 -> 80, 1,000 -> 278, 10,000 -> 370.
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const chi = 3.841;
  const p = 0.25;
  const n = (chi * population * p) / (0.0025 * (population - 1) + chi * p);
  return Math.ceil(n - 1e-9);
}

export interface IkmResult {
  respondents: number;
  nrr: Record<IkmElement, number | null>;
  /** Unconverted index (1-4), 3 decimals; null without respondents. */
  index: number | null;
  converted: number | null;
  category: IkmCategory | null;
  categoryLabel: { id: string; en: string } | null;
  minimumSample: number;
  /** respondents / minimum sample, capped at 1. */
  sampleProgress: number;
}

/** The whole computation for one unit and period from element sums. */
export function computeIkm(input: { respondents: number; sums: Record<IkmElement, number>; population: number }): IkmResult {
  const minimumSample = krejcieMorgan(input.population);
  const nrrs = {} as Record<IkmElement, number | null>;
  for (const element of IKM_ELEMENTS) nrrs[element] = input.respondents > 0 ? input.sums[element] / input.respondents : null;
  if (input.respondents === 0) {
    return { respondents: 0, nrr: nrrs, index: null, converted: null, category: null, categoryLabel: null, minimumSample, sampleProgress: 0 };
  }
  const index = ikmIndex(IKM_ELEMENTS.map((e) => nrrs[e] as number));
  const converted = convertIkm(index);
  const band = ikmCategory(converted);
  return {
    respondents: input.respondents,
    nrr: Object.fromEntries(IKM_ELEMENTS.map((e) => [e, roundHalfUp(nrrs[e] as number, 3)])) as Record<IkmElement, number>,
    index: roundHalfUp(index, 3),
    converted,
    category: band.category,
    categoryLabel: band.label,
    minimumSample,
    sampleProgress: minimumSample > 0 ? Math.min(1, input.respondents / minimumSample) : 0,
  };
}
