import { describe, expect, it } from 'vitest';
import { describePath, fieldErrorsFor, readNumber, showNumber, toInput, withNode, type Cascade } from './rpjmd-edit';

const iku = { kode: 'IKU-01', nama: 'Rata-rata lama sekolah', satuan: 'tahun', arah: 'naik' as const, opdCode: 'DISDIK', baseline: null, target: { '2025': 11.2 }, jumlahRealisasi: 2 };
const cascade: Cascade = {
  exists: true,
  version: 'v1',
  periodStart: 2025,
  periodEnd: 2029,
  visi: 'Visi',
  legalBasis: null,
  opds: [{ code: 'DISDIK', name: 'Dinas Pendidikan' }],
  misi: [{ nomor: 1, uraian: 'Misi satu', tujuan: [{ kode: 'T.1', uraian: 'Tujuan', sasaran: [{ kode: 'S.1', uraian: 'Sasaran', prioritas: true, jumlahSub: 3, iku: [iku] }] }] }],
};

describe('RPJMD editor helpers', () => {
  it('replaces a node keeping its children, adds one past the end, removes one', () => {
    const edited = withNode(cascade, { m: 0, t: 0, s: 0 }, { kode: 'S.1', uraian: 'Sasaran baru', prioritas: false, jumlahSub: 3, iku: [] });
    expect(edited.misi[0]?.tujuan[0]?.sasaran[0]).toMatchObject({ uraian: 'Sasaran baru', prioritas: false, iku: [iku] });
    const added = withNode(cascade, { m: 0, t: 0, s: 0, i: 1 }, { ...iku, kode: 'IKU-02', jumlahRealisasi: 0 });
    expect(added.misi[0]?.tujuan[0]?.sasaran[0]?.iku.map((i) => i.kode)).toEqual(['IKU-01', 'IKU-02']);
    const removed = withNode(cascade, { m: 0, t: 0 }, null);
    expect(removed.misi[0]?.tujuan).toEqual([]);
    expect(cascade.misi[0]?.tujuan).toHaveLength(1);
  });

  it('sends the whole cascade with prune and without read-only facts', () => {
    const body = toInput(cascade);
    expect(body.prune).toBe(true);
    expect(body.expectedVersion).toBe('v1');
    expect(body.misi[0]?.tujuan[0]?.sasaran[0]).not.toHaveProperty('jumlahSub');
    expect(body.misi[0]?.tujuan[0]?.sasaran[0]?.iku[0]).not.toHaveProperty('jumlahRealisasi');
  });

  it("picks a node's own field errors, leaving its children's and others' for the alert", () => {
    const errors = [
      { path: 'misi.0.tujuan.0.sasaran.0.kode', message: 'dipakai' },
      { path: 'misi.0.tujuan.0.sasaran.0.iku.0.target.2031', message: 'di luar periode' },
      { path: 'misi.0.tujuan.0.sasaran.1.kode', message: 'dipakai' },
    ];
    const { fields, rest } = fieldErrorsFor(errors, 'misi.0.tujuan.0.sasaran.0');
    expect(fields).toEqual({ kode: 'dipakai' });
    expect(rest.map((e) => e.path)).toEqual(['misi.0.tujuan.0.sasaran.0.iku.0.target.2031', 'misi.0.tujuan.0.sasaran.1.kode']);
    expect(fieldErrorsFor(errors, 'misi.0.tujuan.0.sasaran.0.iku.0').fields).toEqual({ 'target.2031': 'di luar periode' });
    expect(fieldErrorsFor([{ path: 'visi', message: 'wajib diisi' }], '').fields).toEqual({ visi: 'wajib diisi' });
  });

  it('shows and reads numbers in the language of the form', () => {
    expect(showNumber(11.45, 'id')).toBe('11,45');
    expect(readNumber('11,45', 'id')).toBe(11.45);
    expect(showNumber(1.234, 'en')).toBe('1.234');
    expect(readNumber('1.234', 'en')).toBe(1.234);
    expect(readNumber('sebelas', 'id')).toBeNull();
  });
});

describe('describePath', () => {
  it("names the node of another form's error in the planner's words", () => {
    const words = { misi: 'Misi', tujuan: 'Tujuan', sasaran: 'Sasaran' };
    expect(describePath(cascade, 'misi.0.tujuan.0.sasaran.0.iku.0.target.2031', words)).toBe('IKU IKU-01 · target 2031');
    expect(describePath(cascade, 'misi.0.tujuan.0.sasaran.0.kode', words)).toBe('Sasaran S.1 · kode');
    expect(describePath(cascade, 'misi.0', words)).toBe('Misi 1');
    expect(describePath(cascade, 'visi', words)).toBe('visi');
  });
});
