import { describe, expect, it } from 'vitest';
import { freezePeriod, kodeOfReceipt, monthsBefore, newReceiptCode, newReceiptSecret, suppress, watchPeriod } from './rules';

const PILKADA_2024 = [
  { kind: 'penetapan_calon' as const, startDate: '2024-09-22', endDate: '2024-09-22' },
  { kind: 'kampanye' as const, startDate: '2024-09-25', endDate: '2024-11-23' },
  { kind: 'masa_tenang' as const, startDate: '2024-11-24', endDate: '2024-11-26' },
  { kind: 'pemungutan' as const, startDate: '2024-11-27', endDate: '2024-11-27' },
  { kind: 'penetapan_hasil' as const, startDate: '2024-12-09', endDate: '2024-12-16' },
];

describe('neutrality rules', () => {
  it('starts the Pilkada 2024 freeze on 22 March 2024 (BRIEF §4.9)', () => {
    expect(monthsBefore('2024-09-22', 6)).toBe('2024-03-22');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
    expect(freezePeriod('pilkada', PILKADA_2024, '2025-02-20')).toEqual({ start: '2024-03-22', end: '2025-02-20' });
    expect(freezePeriod('pilkada', PILKADA_2024, null)).toEqual({ start: '2024-03-22', end: '2024-12-16' });
  });

  it('does not freeze regional staffing for a national Pemilu', () => {
    expect(freezePeriod('pemilu', PILKADA_2024, null)).toBeNull();
    expect(watchPeriod(PILKADA_2024)).toEqual({ start: '2024-09-22', end: '2024-12-16' });
  });

  it('makes receipt codes that name their Pemda', () => {
    const code = newReceiptCode('19.71');
    expect(code).toMatch(/^NTR-1971-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(kodeOfReceipt(code)).toBe('19.71');
    expect(kodeOfReceipt('XYZ')).toBeNull();
    expect(newReceiptSecret()).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
  });

  it('suppresses cells under 3 and one more when only one is hidden', () => {
    const cells = suppress([{ key: 'a', count: 1 }, { key: 'b', count: 5 }, { key: 'c', count: 9 }, { key: 'd', count: 0 }]);
    expect(cells.map((c) => c.count)).toEqual([null, null, 9, 0]);
    expect(suppress([{ key: 'a', count: 2 }, { key: 'b', count: 1 }, { key: 'c', count: 4 }]).map((c) => c.count)).toEqual([null, null, 4]);
  });
});
