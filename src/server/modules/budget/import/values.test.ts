import { describe, expect, it } from 'vitest';
import { parseIndicatorValue } from './values';

const read = (cell: string | number | Date | null) => {
  const result = parseIndicatorValue(cell);
  return result.ok ? result.value : `error: ${result.reason.en}`;
};

describe('parseIndicatorValue (IKU baseline and targets)', () => {
  it('reads the comma as the decimal mark and a dot as thousands only in groups of three', () => {
    expect(read('0,125')).toBe(0.125);
    expect(read('2,500')).toBe(2.5);
    expect(read('11,1')).toBe(11.1);
    expect(read('1.250')).toBe(1250);
    expect(read('1.250,5')).toBe(1250.5);
    expect(read('1.250.000')).toBe(1250000);
  });

  it('reads the English form when it cannot be Indonesian', () => {
    expect(read('12.5')).toBe(12.5);
    expect(read('1.2345')).toBe(1.2345);
    expect(read('1,250,000')).toBe(1250000);
    expect(read('1,250.75')).toBe(1250.75);
  });

  it('keeps negatives and 4 decimals, within ±1e12', () => {
    expect(read('-1,5')).toBe(-1.5);
    expect(read('\u22122,5')).toBe(-2.5);
    expect(read('+3')).toBe(3);
    expect(read('85 %')).toBe(85);
    expect(read(0.1234)).toBe(0.1234);
    expect(read(12.34567)).toBe(12.3457);
    expect(read(-0.00001)).toBe(0);
    expect(read('-1.000.000.000.000')).toBe(-1e12);
    expect(read('1.000.000.000.001')).toBe('error: Value outside ±1,000,000,000,000');
    expect(read(-2e12)).toBe('error: Value outside ±1,000,000,000,000');
  });

  it('leaves empty cells empty and refuses what is not a number', () => {
    expect(read(null)).toBeNull();
    expect(read(' ')).toBeNull();
    expect(read('-')).toBeNull();
    expect(read('1,2,3')).toBe('error: "1,2,3" is not a number (e.g. 12,5 or -1,25)');
    expect(read('Rp 5')).toBe('error: "Rp 5" is not a number (e.g. 12,5 or -1,25)');
    expect(read('12,5%x')).toBe('error: "12,5%x" is not a number (e.g. 12,5 or -1,25)');
    expect(read(new Date('2025-01-01'))).toBe('error: Holds a date, not a number');
    expect(read(Number.NaN)).toBe('error: Invalid number');
  });
});
