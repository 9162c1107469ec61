import { describe, expect, test } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatNip, formatNumber, groupSecret, nameWithTitles, normalizeSearchQuery } from './format';

describe('formatDate', () => {
  test('Indonesian short month names', () => {
    expect(formatDate('2026-11-22')).toBe('22 Nov 2026');
    expect(formatDate('2025-05-01')).toBe('1 Mei 2025');
    expect(formatDate('2025-08-17')).toBe('17 Agu 2025');
    expect(formatDate('2025-10-03')).toBe('3 Okt 2025');
    expect(formatDate('2025-12-31')).toBe('31 Des 2025');
  });

  test('English month names', () => {
    expect(formatDate('2025-05-01', 'en')).toBe('1 May 2025');
    expect(formatDate('2025-10-03', 'en')).toBe('3 Oct 2025');
  });

  test('leaves what is not a date alone', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('kemarin')).toBe('kemarin');
    expect(formatDate('2025-13-01')).toBe('2025-13-01');
  });
});

describe('formatDateTime', () => {
  test('in a given time zone, with the Indonesian dot', () => {
    expect(formatDateTime('2026-11-22T07:05:00Z', 'id', 'Asia/Jakarta')).toBe('22 Nov 2026 14.05');
    expect(formatDateTime('2026-11-22T07:05:00Z', 'en', 'Asia/Jakarta')).toBe('22 Nov 2026 14:05');
    expect(formatDateTime('2026-11-22T17:30:00Z', 'id', 'Asia/Makassar')).toBe('23 Nov 2026 01.30');
  });
});

describe('formatDateRange', () => {
  test('closed and open terms', () => {
    expect(formatDateRange('2024-01-01', '2026-12-31')).toBe('1 Jan 2024 – 31 Des 2026');
    expect(formatDateRange('2025-02-20', null)).toBe('sejak 20 Feb 2025');
    expect(formatDateRange('2025-02-20', null, 'en')).toBe('since 20 Feb 2025');
  });
});

describe('formatNip', () => {
  test('groups an 18-digit NIP as BKN prints it', () => {
    expect(formatNip('198503122010011003')).toBe('19850312 201001 1 003');
  });

  test('accepts a NIP already typed with spaces', () => {
    expect(formatNip('19850312 201001 1 003')).toBe('19850312 201001 1 003');
    expect(formatNip('19850312  2010011003')).toBe('19850312 201001 1 003');
  });

  test('returns anything else unchanged', () => {
    expect(formatNip('12345')).toBe('12345');
    expect(formatNip('19850312201001100X')).toBe('19850312201001100X');
    expect(formatNip(null)).toBe('');
  });
});

describe('normalizeSearchQuery', () => {
  test('removes the group spaces of a pasted NIP', () => {
    expect(normalizeSearchQuery(' 19850312 201001 1 003 ')).toBe('198503122010011003');
  });

  test('keeps names as typed, with single spaces', () => {
    expect(normalizeSearchQuery('  Siti   Aminah ')).toBe('Siti Aminah');
  });
});

describe('small helpers', () => {
  test('numbers with the locale separators', () => {
    expect(formatNumber(12345.5, 'id')).toBe('12.345,5');
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(null)).toBe('–');
  });

  test('TOTP secret in groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  test('names with academic titles', () => {
    expect(nameWithTitles('Siti Aminah', 'dr.', 'M.Kes.')).toBe('dr. Siti Aminah, M.Kes.');
    expect(nameWithTitles('Budi', null, '')).toBe('Budi');
  });
});
