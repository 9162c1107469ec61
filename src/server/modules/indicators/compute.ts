/**
 * The arithmetic of indicators, free of the database so it can be tested with worked examples: aggregation up the
 * wilayah tree, class breaks for the choropleth, and the vulnerability index with its explanation.
 */
import type { IndicatorKind, Polarity } from './tables';

export interface LeafValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Aggregate {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
}

const round = (value: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * One parent's value from its children. Counts are summed. A rate is recomputed from the summed numerators and
 * denominators (sum(n) / sum(d) x factor), never averaged: averaging 10% of 1,000 children and 50% of 10 gives
 * 30%, the true rate is 10.4%. A plain value (an index, a price) cannot be aggregated.
 */
export function aggregate(kind: IndicatorKind, factor: number, children: readonly LeafValue[]): Aggregate | null {
  if (kind === 'value') return null;
  if (kind === 'count') {
    const present = children.filter((c) => c.value !== null);
    if (present.length === 0) return null;
    return { value: round(present.reduce((sum, c) => sum + (c.value as number), 0)), numerator: null, denominator: null, reporting: present.length };
  }
  const parts = children.filter((c) => c.numerator !== null && c.denominator !== null);
  if (parts.length === 0) return null;
  const numerator = parts.reduce((sum, c) => sum + (c.numerator as number), 0);
  const denominator = parts.reduce((sum, c) => sum + (c.denominator as number), 0);
  return { value: denominator > 0 ? round((numerator / denominator) * factor) : null, numerator, denominator, reporting: parts.length };
}

/** The value of a rate from its parts, as stored. */
export function rateValue(numerator: number, denominator: number, factor: number): number | null {
  return denominator > 0 ? round((numerator / denominator) * factor) : null;
}

/**
 * Class breaks by quantiles: `classes` classes, each holding about the same number of regions, so a map of a
 * skewed indicator still shows contrast. Returns the inner and outer breaks (classes + 1 numbers, ascending,
 * duplicates removed).
 */
export function quantileBreaks(values: readonly number[], classes = 5): number[] {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [sorted[0] as number];
  for (let i = 1; i < classes; i += 1) {
    const position = (i / classes) * (sorted.length - 1);
    const lower = Math.floor(position);
    const fraction = position - lower;
    const value = (sorted[lower] as number) + fraction * ((sorted[Math.min(lower + 1, sorted.length - 1)] as number) - (sorted[lower] as number));
    breaks.push(round(value));
  }
  breaks.push(sorted[sorted.length - 1] as number);
  return breaks.filter((value, index) => index === 0 || value > (breaks[index - 1] as number));
}

/** 1-based class of a value among breaks (the last class includes its upper bound). */
export function classOf(value: number, breaks: readonly number[]): number {
  if (breaks.length < 2) return 1;
  for (let i = 1; i < breaks.length; i += 1) if (value <= (breaks[i] as number)) return i;
  return breaks.length - 1;
}

export interface IndexComponentInput {
  indicatorId: string;
  code: string;
  weight: number;
  polarity: Polarity;
  /** Value per wilayah kode, with the period it came from. */
  values: ReadonlyMap<string, { value: number; period: string }>;
}

export interface Contribution {
  indicatorId: string;
  code: string;
  value: number | null;
  period: string | null;
  normalised: number | null;
  points: number | null;
  share: number;
}

export interface IndexRowResult {
  kode: string;
  index: number;
  contributions: Contribution[];
  missing: string[];
}

/**
 * The vulnerability index of each wilayah: every component is min-max normalised over the wilayah that have it
 * (0 = least, 1 = most vulnerable; reversed when a higher value is better), weighted by its share of the total
 * weight and scaled to 0–100. The points of each component add up exactly to the index, so a reader sees why a
 * kelurahan ranks where it does. A missing component gives no points and the shares of the others are scaled up
 * so that missing data neither raises nor lowers the index by itself.
 */
export function computeIndex(kodes: readonly string[], components: readonly IndexComponentInput[]): IndexRowResult[] {
  const totalWeight = components.reduce((sum, c) => sum + c.weight, 0);
  const ranges = components.map((c) => {
    const values = [...c.values.values()].map((v) => v.value);
    return { min: Math.min(...values), max: Math.max(...values) };
  });
  return kodes.map((kode) => {
    const present = components.filter((c) => c.values.has(kode));
    const presentWeight = present.reduce((sum, c) => sum + c.weight, 0);
    const contributions: Contribution[] = components.map((component, i) => {
      const share = totalWeight > 0 ? component.weight / totalWeight : 0;
      const entry = component.values.get(kode);
      if (!entry) return { indicatorId: component.indicatorId, code: component.code, value: null, period: null, normalised: null, points: null, share: round(share) };
      const { min, max } = ranges[i] as { min: number; max: number };
      let normalised = max > min ? (entry.value - min) / (max - min) : 0;
      if (component.polarity === 'higher_is_better') normalised = 1 - normalised;
      const points = presentWeight > 0 ? (component.weight / presentWeight) * normalised * 100 : 0;
      return { indicatorId: component.indicatorId, code: component.code, value: entry.value, period: entry.period, normalised: round(normalised), points: round(points, 2), share: round(share) };
    });
    const index = round(contributions.reduce((sum, c) => sum + (c.points ?? 0), 0), 2);
    return { kode, index, contributions, missing: contributions.filter((c) => c.points === null).map((c) => c.code) };
  });
}
