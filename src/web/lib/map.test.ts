import { describe, expect, test } from 'vitest';
import { DISTINCT_PALETTE, distinctColours, escapeHtml, readCollection, sumByWilayah, tableRows, valueRange } from './map';

const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

const kelurahan = readCollection({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '19.71.01.1004', name: 'Semabung Lama', parent: '19.71.01' }, geometry: square },
    { type: 'Feature', properties: { code: '19.71.01.1006', name: 'Bacang', parent: '19.71.01' }, geometry: square },
    { type: 'Feature', properties: { code: '19.71.02.1001', name: 'Kejaksaan' }, geometry: square },
    { type: 'Feature', properties: { name: 'no code' }, geometry: square },
    { type: 'Feature', properties: { code: '19.71.03' }, geometry: null },
  ],
});

describe('readCollection', () => {
  test('keeps features with a code and a geometry', () => {
    expect(kelurahan.features.map((f) => f.properties.code)).toEqual(['19.71.01.1004', '19.71.01.1006', '19.71.02.1001']);
  });

  test('anything else is an empty collection', () => {
    expect(readCollection(null).features).toEqual([]);
    expect(readCollection({ features: 'x' }).features).toEqual([]);
  });
});

describe('distinctColours', () => {
  test('kelurahan share their kecamatan colour (parent, or the code prefix)', () => {
    const colours = distinctColours(kelurahan.features, 'kelurahan');
    expect(colours['19.71.01.1004']).toBe(colours['19.71.01.1006']);
    expect(colours['19.71.02.1001']).not.toBe(colours['19.71.01.1004']);
    expect(colours['19.71.01.1004']).toBe(DISTINCT_PALETTE[0]);
  });
});

describe('valueRange', () => {
  test('min and max, widened when flat', () => {
    expect(valueRange({ a: 3, b: 10, c: 7 })).toEqual({ min: 3, max: 10 });
    expect(valueRange({ a: 5, b: 5 })).toEqual({ min: 0, max: 5 });
    expect(valueRange({ a: 0 })).toEqual({ min: 0, max: 1 });
    expect(valueRange({})).toBeNull();
    expect(valueRange(undefined)).toBeNull();
  });
});

describe('tableRows', () => {
  test('sorted by name, with values when given', () => {
    expect(tableRows(kelurahan.features, { '19.71.01.1006': 4 })).toEqual([
      { code: '19.71.01.1006', name: 'Bacang', value: 4 },
      { code: '19.71.02.1001', name: 'Kejaksaan', value: null },
      { code: '19.71.01.1004', name: 'Semabung Lama', value: null },
    ]);
  });
});

describe('sumByWilayah', () => {
  const opds = [
    { wilayahKode: '19.71.01', pegawai: 10 },
    { wilayahKode: '19.71.01.1004', pegawai: 4 },
    { wilayahKode: '19.71.02.1001', pegawai: 3 },
    { wilayahKode: null, pegawai: 300 },
  ];

  test('kecamatan level adds the kelurahan offices under it', () => {
    expect(sumByWilayah(opds, ['19.71.01', '19.71.02', '19.71.03'], 'kecamatan', (o) => o.pegawai)).toEqual({ '19.71.01': 14, '19.71.02': 3, '19.71.03': 0 });
  });

  test('kelurahan level counts the office itself', () => {
    expect(sumByWilayah(opds, ['19.71.01.1004', '19.71.01.1006'], 'kelurahan', (o) => o.pegawai)).toEqual({ '19.71.01.1004': 4, '19.71.01.1006': 0 });
  });
});

test('escapeHtml for the tooltip', () => {
  expect(escapeHtml(`<b>"Bukit" & 'Intan'</b>`)).toBe('&lt;b&gt;&quot;Bukit&quot; &amp; &#39;Intan&#39;&lt;/b&gt;');
});
