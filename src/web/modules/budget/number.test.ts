import { describe, expect, test } from 'vitest';
import { parseTypedNumber } from './number';

describe('parseTypedNumber', () => {
  test.each([
    ['1.250.000', 1250000],
    ['1,250,000', 1250000],
    ['Rp 1.250.000,50', 1250000.5],
    ['1,250,000.5', 1250000.5],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.000', 1000],
    ['-3.000.000', -3000000],
    ['0', 0],
  ])('%s -> %d', (text, value) => expect(parseTypedNumber(text)).toBe(value));

  test.each(['', 'abc', '1.2.3,4,5', '12a'])('%s is not a number', (text) => expect(parseTypedNumber(text)).toBeNull());
});
