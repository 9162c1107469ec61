import { describe, expect, test } from 'vitest';
import { isProblem, toList, withQuery } from './client';

describe('withQuery', () => {
  test('leaves out empty values', () => {
    expect(withQuery('/pegawai', { q: 'siti', opd: '', cursor: undefined, limit: 25 })).toBe('/pegawai?q=siti&limit=25');
    expect(withQuery('/opd', {})).toBe('/opd');
    expect(withQuery('/import/pegawai?x=1', { dryRun: 'true' })).toBe('/import/pegawai?x=1&dryRun=true');
  });
});

describe('toList', () => {
  test('wrapped or bare', () => {
    expect(toList({ items: [1, 2] })).toEqual([1, 2]);
    expect(toList([3])).toEqual([3]);
    expect(toList(undefined)).toEqual([]);
  });
});

describe('isProblem', () => {
  test('recognises problem+json with per-row errors', () => {
    expect(isProblem({ code: 'IMPORT_HAS_ERRORS', detail: '3 baris ditolak', status: 422, errors: [{ path: 'nip', message: 'x', row: 4 }] })).toBe(true);
    expect(isProblem({ code: 'X', detail: 'y' })).toBe(false);
    expect(isProblem({ code: 'X', detail: 'y', status: 400, errors: [{}] })).toBe(false);
    expect(isProblem('oops')).toBe(false);
  });
});
