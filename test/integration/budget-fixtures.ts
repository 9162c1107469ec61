import { randomBytes } from 'node:crypto';
import { templateHeaders } from '../../src/server/modules/budget/import/template';

/** The APBD fixture of the budget tests (tahun 2025, figures worked out in budget.test.ts). */
export const M = 1_000_000;

export interface FixtureRow {
  opd: string;
  program: [string, string];
  kegiatan: [string, string];
  kode: string;
  nama: string;
  pagu: number;
  kelurahan?: string;
  sasaran?: string;
  jenis: 'Fisik' | 'Non Fisik';
  mendesak?: 'Ya' | 'Tidak';
  dilindungi?: 'Ya' | 'Tidak';
  kontrak?: string;
  kas: number[];
  fisik: number[];
  realisasi?: Array<number | ''>;
  progres?: Array<number | ''>;
}

const six = (values: number[]): Array<number | ''> => [...values, '', '', '', '', '', ''].slice(0, 12) as Array<number | ''>;

export function fixtureRows(kelurahan: string): FixtureRow[] {
  return [
    {
      opd: 'DPUPR', program: ['1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'], kegiatan: ['1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'],
      kode: '1.03.10.2.01.0001', nama: 'Pembangunan Jalan', pagu: 1000 * M, kelurahan, jenis: 'Fisik', kontrak: 'Belum',
      kas: [0, 0, 0, 0, 100, 100, 200, 200, 200, 100, 100, 0].map((v) => v * M), fisik: [0, 0, 0, 5, 10, 20, 40, 60, 80, 90, 100, 100],
      realisasi: six([0, 0, 0, 0, 100 * M]), progres: six([0, 0, 0, 2, 5]),
    },
    {
      opd: 'DPUPR', program: ['1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'], kegiatan: ['1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'],
      kode: '1.03.10.2.01.0002', nama: 'Rehabilitasi Jalan', pagu: 500 * M, sasaran: 'S.1.1', jenis: 'Fisik', kontrak: 'Belum',
      kas: [0, 0, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50].map((v) => v * M), fisik: [0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      realisasi: six([0, 0, 50 * M, 50 * M, 50 * M, 0]), progres: six([0, 0, 10, 20, 30, 40]),
    },
    {
      opd: 'DPUPR', program: ['1.03.01', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA'], kegiatan: ['1.03.01.2.02', 'Administrasi Keuangan Perangkat Daerah'],
      kode: '1.03.01.2.02.0001', nama: 'Penyediaan Gaji dan Tunjangan ASN', pagu: 1200 * M, sasaran: 'S.1.1', jenis: 'Non Fisik',
      kas: Array.from({ length: 12 }, () => 100 * M), fisik: [8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100],
      realisasi: six([100, 100, 100, 100, 100, 100].map((v) => v * M)), progres: six([8, 17, 25, 33, 42, 50]),
    },
    {
      opd: 'DINSOS', program: ['1.06.06', 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL'], kegiatan: ['1.06.06.2.01', 'Pemeliharaan Anak-Anak Terlantar dan Fakir Miskin'],
      kode: '1.06.06.2.01.0001', nama: 'Pemberian Permakanan bagi Penduduk Miskin', pagu: 300 * M, jenis: 'Fisik', kontrak: 'Belum',
      kas: Array.from({ length: 12 }, () => 25 * M), fisik: [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100],
      realisasi: six([25, 25, 25, 25, 25, 25].map((v) => v * M)), progres: six([5, 10, 20, 30, 40, 50]),
    },
  ];
}

export function toCsv(rows: FixtureRow[], options: { tahun?: number; withRealisation?: boolean } = {}): string {
  const tahun = options.tahun ?? 2025;
  const withReal = options.withRealisation ?? true;
  const headers = templateHeaders(withReal);
  const lines = rows.map((r) => {
    const base = [tahun, r.opd, r.program[0], r.program[1], r.kegiatan[0], r.kegiatan[1], r.kode, r.nama, r.pagu, '', r.kelurahan ?? '', '', r.sasaran ?? '', r.jenis, r.mendesak ?? '', r.dilindungi ?? '', r.kontrak ?? ''];
    const months = [...r.kas, ...r.fisik, ...(withReal ? [...(r.realisasi ?? Array(12).fill('')), ...(r.progres ?? Array(12).fill(''))] : [])];
    return [...base, ...months].join(';');
  });
  return [headers.join(';'), ...lines].join('\n');
}

export function multipart(filename: string, content: Buffer | string) {
  const boundary = `----pamong${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const RPJMD = {
  periodStart: 2025,
  periodEnd: 2029,
  visi: 'Kota yang maju, sejahtera dan berkelanjutan',
  misi: [
    {
      nomor: 1,
      uraian: 'Membangun infrastruktur yang merata',
      tujuan: [
        {
          kode: 'T.1.1',
          uraian: 'Meningkatkan konektivitas kota',
          sasaran: [
            { kode: 'S.1.1', uraian: 'Meningkatnya kemantapan jalan kota', prioritas: true, iku: [{ kode: 'IKU-01', nama: 'Persentase jalan kota dalam kondisi mantap', satuan: '%', arah: 'naik' as const, opdCode: 'DPUPR', target: { '2025': 80 } }] },
            { kode: 'S.1.2', uraian: 'Menurunnya genangan banjir', prioritas: false, iku: [{ kode: 'IKU-02', nama: 'Luas genangan banjir', satuan: 'ha', arah: 'turun' as const, opdCode: 'DPUPR' }] },
          ],
        },
      ],
    },
  ],
};
