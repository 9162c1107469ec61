import { describe, expect, it } from 'vitest';
import { aggregate, classOf, computeIndex, quantileBreaks } from '../../src/server/modules/indicators/compute';
import { parsePeriod, periodFor, periodsBetween } from '../../src/server/modules/indicators/periods';
import { normaliseKode, readNumber } from '../../src/server/modules/indicators/values-resolve';

describe('aggregation up the wilayah tree', () => {
  it('recomputes a rate from summed numerators and denominators, never averaging', () => {
    // Kelurahan A: 10 stunted of 1,000 measured (1%); kelurahan B: 5 of 10 (50%).
    const result = aggregate('rate', 100, [
      { value: 1, numerator: 10, denominator: 1000 },
      { value: 50, numerator: 5, denominator: 10 },
    ]);
    expect(result).toEqual({ value: 1.4851, numerator: 15, denominator: 1010, reporting: 2 });
    expect(result?.value).not.toBe(25.5); // the mean of the two rates, which would be wrong
  });

  it('sums counts, skips missing children and refuses to aggregate plain values', () => {
    expect(aggregate('count', 1, [{ value: 100, numerator: null, denominator: null }, { value: null, numerator: null, denominator: null }, { value: 50, numerator: null, denominator: null }])).toEqual({ value: 150, numerator: null, denominator: null, reporting: 2 });
    expect(aggregate('value', 1, [{ value: 3.1, numerator: null, denominator: null }])).toBeNull();
    expect(aggregate('rate', 100, [{ value: 3, numerator: null, denominator: null }])).toBeNull();
  });
});

describe('class breaks', () => {
  it('splits by quantiles and classifies values', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(breaks).toEqual([1, 2.8, 4.6, 6.4, 8.2, 10]);
    expect(classOf(1, breaks)).toBe(1);
    expect(classOf(5, breaks)).toBe(3);
    expect(classOf(10, breaks)).toBe(5);
    expect(quantileBreaks([4, 4, 4])).toEqual([4]);
  });
});

describe('vulnerability index', () => {
  const values = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([k, v]) => [k, { value: v, period: '2024' }]));

  it('adds up the points of each indicator to the index and explains the rank', () => {
    const rows = computeIndex(['A', 'B', 'C'], [
      { indicatorId: 's', code: 'STUNTING', weight: 60, polarity: 'higher_is_worse', values: values({ A: 30, B: 10, C: 20 }) },
      { indicatorId: 'p', code: 'MISKIN', weight: 40, polarity: 'higher_is_worse', values: values({ A: 2, B: 6, C: 4 }) },
    ]);
    const [a, b, c] = rows;
    // A: stunting is the worst (1.0 x 60) and poverty the best (0 x 40) -> 60 points, all from stunting.
    expect(a).toMatchObject({ kode: 'A', index: 60, missing: [] });
    expect(a?.contributions.map((x) => x.points)).toEqual([60, 0]);
    expect(b?.index).toBe(40);
    expect(c?.index).toBe(50);
    for (const row of rows) expect(row.contributions.reduce((s, x) => s + (x.points ?? 0), 0)).toBeCloseTo(row.index, 6);
  });

  it('reverses indicators where higher is better and rescales shares when a value is missing', () => {
    const rows = computeIndex(['A', 'B'], [
      { indicatorId: 'i', code: 'IMUNISASI', weight: 50, polarity: 'higher_is_better', values: values({ A: 90, B: 60 }) },
      { indicatorId: 'p', code: 'MISKIN', weight: 50, polarity: 'higher_is_worse', values: values({ A: 5 }) },
    ]);
    expect(rows[0]?.contributions[0]?.normalised).toBe(0);
    expect(rows[1]).toMatchObject({ kode: 'B', index: 100, missing: ['MISKIN'] });
  });
});

describe('periods and values', () => {
  it('reads canonical and DHIS2 periods', () => {
    expect(parsePeriod('202401')).toMatchObject({ period: '2024-01', start: '2024-01-01', end: '2024-01-31' });
    expect(parsePeriod('2024Q1')).toMatchObject({ period: '2024-Q1', end: '2024-03-31' });
    expect(parsePeriod('2024')).toMatchObject({ period: '2024', periodicity: 'yearly' });
    expect(parsePeriod('202413')).toBeNull();
    expect(periodFor('2024-02', 'quarterly')).toBeNull();
    expect(periodsBetween('quarterly', '2024-01-01', '2024-12-31').map((p) => p.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
  });

  it('reads numbers and region codes as people write them', () => {
    expect(readNumber('12,5')).toBe(12.5);
    expect(readNumber('1.234,5')).toBe('invalid');
    expect(readNumber('abc')).toBe('invalid');
    expect(normaliseKode('1971011001')).toBe('19.71.01.1001');
  });
});
