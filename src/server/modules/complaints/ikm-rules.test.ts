import { describe, expect, it } from 'vitest';
import { computeIkm, convertIkm, IKM_BANDS_2004, IKM_BANDS_2017, ikmCategory, ikmIndex, krejcieMorgan, nrr, roundHalfUp } from './ikm-rules';

describe('IKM (PermenPANRB 14/2017, BRIEF 4.7)', () => {
  it('converts the worked example 3.059 to 76.48', () => {
    expect(convertIkm(3.059)).toBe(76.48);
    expect(roundHalfUp(3.059 * 25, 2)).toBe(76.48);
  });

  it('worked example category: C under the 2017 table (76.48 < 76.61), B only under the superseded 2004 bands', () => {
    // BRIEF 4.7 says "3.059 -> 76.48 -> B" but also lists 65.00-76.60 as C; the B is the 2004 band (62.51-81.25).
    expect(ikmCategory(76.48, IKM_BANDS_2017).category).toBe('C');
    expect(ikmCategory(76.48, IKM_BANDS_2004).category).toBe('B');
  });

  it.each([
    [25.0, 'D'],
    [64.99, 'D'],
    [65.0, 'C'],
    [76.6, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.31, 'A'],
    [100, 'A'],
  ] as const)('category boundary %s -> %s', (value, category) => {
    expect(ikmCategory(value).category).toBe(category);
  });

  it('labels the categories in Indonesian and English', () => {
    expect(ikmCategory(90).label).toEqual({ id: 'Sangat Baik', en: 'Very good' });
    expect(ikmCategory(80).label.id).toBe('Baik');
    expect(ikmCategory(70).label.id).toBe('Kurang Baik');
    expect(ikmCategory(50).label.id).toBe('Tidak Baik');
  });

  it.each([
    [100, 80],
    [1000, 278],
    [10000, 370],
  ])('Krejcie-Morgan minimum sample for N=%i is %i', (population, sample) => {
    expect(krejcieMorgan(population)).toBe(sample);
  });

  it('NRR is the mean of the answers and IKM the mean of the nine NRR', () => {
    expect(nrr([4, 3, 3, 2])).toBe(3);
    expect(() => nrr([5])).toThrow();
    expect(ikmIndex([3, 3, 3, 3, 3, 3, 3, 3, 3.531])).toBeCloseTo(3.059, 3);
  });

  it('computes a unit from element sums with sample progress', () => {
    const sums = { u1: 310, u2: 300, u3: 280, u4: 390, u5: 300, u6: 310, u7: 320, u8: 290, u9: 253.1 };
    const result = computeIkm({ respondents: 100, sums, population: 1000 });
    expect(result.index).toBeCloseTo(3.059, 3);
    expect(result.converted).toBe(76.48);
    expect(result.category).toBe('C');
    expect(result.minimumSample).toBe(278);
    expect(result.sampleProgress).toBeCloseTo(100 / 278, 6);
    expect(computeIkm({ respondents: 0, sums, population: 100 }).converted).toBeNull();
  });
});
