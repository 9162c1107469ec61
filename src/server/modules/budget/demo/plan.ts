import type { TRpjmdInput } from '../../../../contracts/budget';
import type { PadKelompok } from '../tables';

/** RPJMD 2025–2029 of the demo city (invented, on the pattern of a kota RPJMD) with yearly IKU targets. */
export const DEMO_RPJMD: TRpjmdInput = {
  periodStart: 2025,
  periodEnd: 2029,
  visi: 'Pangkalpinang Kota Maju, Sejahtera, Berbudaya dan Berkelanjutan (data demo)',
  legalBasis: 'Perda Kota Pangkalpinang tentang RPJMD 2025–2029 (contoh data demo)',
  misi: [
    {
      nomor: 1,
      uraian: 'Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berdaya saing',
      tujuan: [
        {
          kode: 'T.1.1',
          uraian: 'Meningkatkan kualitas pendidikan dan derajat kesehatan masyarakat',
          sasaran: [
            { kode: 'S.1.1.1', uraian: 'Meningkatnya kualitas dan pemerataan pendidikan', prioritas: true, iku: [{ kode: 'IKU-01', nama: 'Rata-rata lama sekolah', satuan: 'tahun', arah: 'naik', opdCode: 'DISDIK', target: { '2025': 11.2, '2026': 11.3 } }] },
            {
              kode: 'S.1.1.2',
              uraian: 'Meningkatnya derajat kesehatan masyarakat dan turunnya stunting',
              prioritas: true,
              iku: [
                { kode: 'IKU-02', nama: 'Prevalensi stunting balita', satuan: '%', arah: 'turun', opdCode: 'DINKES', target: { '2025': 14.5, '2026': 12 } },
                { kode: 'IKU-03', nama: 'Usia harapan hidup', satuan: 'tahun', arah: 'naik', opdCode: 'DINKES', target: { '2025': 72.6, '2026': 72.8 } },
              ],
            },
          ],
        },
      ],
    },
    {
      nomor: 2,
      uraian: 'Mewujudkan pertumbuhan ekonomi yang inklusif dan menurunkan kemiskinan',
      tujuan: [
        {
          kode: 'T.2.1',
          uraian: 'Meningkatkan kesejahteraan masyarakat',
          sasaran: [
            {
              kode: 'S.2.1.1',
              uraian: 'Meningkatnya pertumbuhan ekonomi dan kesempatan kerja',
              prioritas: false,
              iku: [
                { kode: 'IKU-04', nama: 'Laju pertumbuhan ekonomi', satuan: '%', arah: 'naik', opdCode: 'BAPPERIDA', target: { '2025': 5.1, '2026': 5.3 } },
                { kode: 'IKU-05', nama: 'Tingkat pengangguran terbuka', satuan: '%', arah: 'turun', opdCode: 'DISNAKER', target: { '2025': 5.8, '2026': 5.5 } },
              ],
            },
            {
              kode: 'S.2.1.2',
              uraian: 'Menurunnya kemiskinan dan kemiskinan ekstrem',
              prioritas: true,
              iku: [
                { kode: 'IKU-06', nama: 'Persentase penduduk miskin', satuan: '%', arah: 'turun', opdCode: 'DINSOS', target: { '2025': 4.3, '2026': 4.1 } },
                { kode: 'IKU-07', nama: 'Persentase penduduk miskin ekstrem', satuan: '%', arah: 'turun', opdCode: 'DINSOS', target: { '2025': 0.2, '2026': 0.1 } },
              ],
            },
            { kode: 'S.2.1.3', uraian: 'Meningkatnya kunjungan wisatawan', prioritas: false, iku: [{ kode: 'IKU-08', nama: 'Jumlah kunjungan wisatawan', satuan: 'orang', arah: 'naik', opdCode: 'DISPAR' }] },
          ],
        },
      ],
    },
    {
      nomor: 3,
      uraian: 'Membangun infrastruktur kota yang merata, tangguh bencana dan berwawasan lingkungan',
      tujuan: [
        {
          kode: 'T.3.1',
          uraian: 'Meningkatkan kualitas infrastruktur dan lingkungan hidup',
          sasaran: [
            { kode: 'S.3.1.1', uraian: 'Meningkatnya kualitas infrastruktur kota', prioritas: true, iku: [{ kode: 'IKU-09', nama: 'Persentase panjang jalan kota kondisi mantap', satuan: '%', arah: 'naik', opdCode: 'DPUPR', target: { '2025': 84, '2026': 86 } }] },
            { kode: 'S.3.1.2', uraian: 'Berkurangnya kawasan rawan banjir', prioritas: true, iku: [{ kode: 'IKU-10', nama: 'Luas genangan banjir', satuan: 'ha', arah: 'turun', opdCode: 'DPUPR', target: { '2025': 48, '2026': 42 } }] },
            { kode: 'S.3.1.3', uraian: 'Meningkatnya kualitas lingkungan hidup', prioritas: false, iku: [{ kode: 'IKU-11', nama: 'Persentase sampah tertangani', satuan: '%', arah: 'naik', opdCode: 'DLH', target: { '2025': 85, '2026': 88 } }] },
          ],
        },
      ],
    },
    {
      nomor: 4,
      uraian: 'Mewujudkan tata kelola pemerintahan yang bersih, efektif dan melayani',
      tujuan: [
        {
          kode: 'T.4.1',
          uraian: 'Meningkatkan akuntabilitas dan kualitas pelayanan publik',
          sasaran: [
            { kode: 'S.4.1.1', uraian: 'Meningkatnya akuntabilitas kinerja dan keuangan', prioritas: false, iku: [{ kode: 'IKU-12', nama: 'Nilai SAKIP', satuan: 'nilai', arah: 'naik', opdCode: 'BAPPERIDA', target: { '2025': 70, '2026': 72 } }] },
            {
              kode: 'S.4.1.2',
              uraian: 'Meningkatnya kualitas pelayanan publik dan kemandirian fiskal',
              prioritas: false,
              iku: [
                { kode: 'IKU-13', nama: 'Indeks kepuasan masyarakat', satuan: 'nilai', arah: 'naik', opdCode: 'DPMPTSP', target: { '2025': 82, '2026': 84 } },
                { kode: 'IKU-14', nama: 'Rasio PAD terhadap pendapatan daerah', satuan: '%', arah: 'naik', opdCode: 'BAPENDA', target: { '2025': 22, '2026': 24 } },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/**
 * The demo RPJMD with a target for every year of its period and a starting condition (kondisi awal), as a real
 * RPJMD has: the plan above writes 2025 and 2026; later years continue the same yearly step, and the starting
 * condition is one step before 2025. Percentages stay within 0–100 and nothing goes below zero.
 */
export function demoRpjmdFullPeriod(): TRpjmdInput {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    ...DEMO_RPJMD,
    misi: DEMO_RPJMD.misi.map((misi) => ({
      ...misi,
      tujuan: misi.tujuan.map((tujuan) => ({
        ...tujuan,
        sasaran: tujuan.sasaran.map((sasaran) => ({
          ...sasaran,
          iku: sasaran.iku.map((iku) => {
            const first = iku.target?.[String(DEMO_RPJMD.periodStart)];
            const second = iku.target?.[String(DEMO_RPJMD.periodStart + 1)];
            if (first === undefined || second === undefined) return iku;
            const step = second - first;
            const bound = (n: number) => round(Math.max(0, iku.satuan === '%' ? Math.min(100, n) : n));
            const target: Record<string, number> = { ...iku.target };
            for (let year = DEMO_RPJMD.periodStart + 2; year <= DEMO_RPJMD.periodEnd; year += 1) target[String(year)] ??= bound(second + step * (year - DEMO_RPJMD.periodStart - 1));
            return { ...iku, baseline: iku.baseline ?? bound(first - step), target };
          }),
        })),
      })),
    })),
  };
}

/** How far below or above target the demo puts each IKU in 2025 and 2026 (1 = on target). */
export const IKU_PERFORMANCE: Record<string, number> = {
  'IKU-01': 0.99, 'IKU-02': 0.93, 'IKU-03': 1.0, 'IKU-04': 0.92, 'IKU-05': 0.9, 'IKU-06': 0.97, 'IKU-07': 0.55, 'IKU-09': 0.98, 'IKU-10': 0.8, 'IKU-11': 0.95, 'IKU-12': 1.01, 'IKU-13': 1.0, 'IKU-14': 0.86,
};

export type Season = 'rata' | 'pbb' | 'bphtb' | 'dividen';
export const SEASONS: Record<Season, number[]> = {
  rata: [0.075, 0.078, 0.082, 0.08, 0.083, 0.083, 0.085, 0.085, 0.083, 0.085, 0.085, 0.096],
  // PBB-P2 falls due on 31 August in most kota: the bulk is paid in August and September.
  pbb: [0.01, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.3, 0.25, 0.08, 0.06, 0.07],
  bphtb: [0.06, 0.07, 0.08, 0.08, 0.08, 0.09, 0.09, 0.09, 0.08, 0.09, 0.09, 0.1],
  // BUMD dividends follow the shareholders' meeting in April–May.
  dividen: [0, 0, 0, 0.6, 0.4, 0, 0, 0, 0, 0, 0, 0],
};

export interface PadSpec {
  kode: string;
  nama: string;
  kelompok: PadKelompok;
  /** 2026 target, billions of rupiah. */
  targetMiliar: number;
  season: Season;
  /** 2026 collection against the seasonal path (the demo's shortfall comes from here). */
  kinerja2026: number;
  /** First year the source exists (opsen PKB/BBNKB start in 2025 under UU 1/2022). */
  sejak?: number;
}

export const PAD_SOURCES: PadSpec[] = [
  { kode: '4.1.01.06', nama: 'PBJT atas Makanan dan/atau Minuman', kelompok: 'pajak', targetMiliar: 42, season: 'rata', kinerja2026: 0.97 },
  { kode: '4.1.01.07', nama: 'PBJT atas Tenaga Listrik', kelompok: 'pajak', targetMiliar: 28, season: 'rata', kinerja2026: 1.0 },
  { kode: '4.1.01.08', nama: 'PBJT atas Jasa Perhotelan', kelompok: 'pajak', targetMiliar: 9, season: 'rata', kinerja2026: 0.9 },
  { kode: '4.1.01.09', nama: 'PBJT atas Jasa Parkir', kelompok: 'pajak', targetMiliar: 3.5, season: 'rata', kinerja2026: 0.88 },
  { kode: '4.1.01.10', nama: 'PBJT atas Jasa Kesenian dan Hiburan', kelompok: 'pajak', targetMiliar: 2.5, season: 'rata', kinerja2026: 0.92 },
  { kode: '4.1.01.11', nama: 'Pajak Reklame', kelompok: 'pajak', targetMiliar: 4, season: 'rata', kinerja2026: 0.95 },
  { kode: '4.1.01.12', nama: 'Pajak Air Tanah', kelompok: 'pajak', targetMiliar: 1.2, season: 'rata', kinerja2026: 1.02 },
  { kode: '4.1.01.15', nama: 'Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2)', kelompok: 'pajak', targetMiliar: 26, season: 'pbb', kinerja2026: 0.92 },
  { kode: '4.1.01.16', nama: 'Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)', kelompok: 'pajak', targetMiliar: 24, season: 'bphtb', kinerja2026: 0.74 },
  { kode: '4.1.01.18', nama: 'Opsen Pajak Kendaraan Bermotor (PKB)', kelompok: 'pajak', targetMiliar: 30, season: 'rata', kinerja2026: 0.96, sejak: 2025 },
  { kode: '4.1.01.19', nama: 'Opsen Bea Balik Nama Kendaraan Bermotor (BBNKB)', kelompok: 'pajak', targetMiliar: 14, season: 'rata', kinerja2026: 0.85, sejak: 2025 },
  { kode: '4.1.02.01', nama: 'Retribusi Jasa Umum', kelompok: 'retribusi', targetMiliar: 6, season: 'rata', kinerja2026: 0.94 },
  { kode: '4.1.02.02', nama: 'Retribusi Jasa Usaha (pasar dan tempat usaha)', kelompok: 'retribusi', targetMiliar: 5.5, season: 'rata', kinerja2026: 0.9 },
  { kode: '4.1.02.03', nama: 'Retribusi Perizinan Tertentu (PBG)', kelompok: 'retribusi', targetMiliar: 3, season: 'bphtb', kinerja2026: 0.8 },
  { kode: '4.1.03.01', nama: 'Bagian Laba atas Penyertaan Modal pada BUMD', kelompok: 'kekayaan_dipisahkan', targetMiliar: 7, season: 'dividen', kinerja2026: 1.0 },
  { kode: '4.1.04.16', nama: 'Pendapatan BLUD RSUD Depati Hamzah', kelompok: 'lain_lain', targetMiliar: 45, season: 'rata', kinerja2026: 0.97 },
  { kode: '4.1.04.03', nama: 'Jasa Giro dan Pendapatan Bunga Deposito', kelompok: 'lain_lain', targetMiliar: 3, season: 'rata', kinerja2026: 1.05 },
];
