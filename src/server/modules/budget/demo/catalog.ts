/**
 * The demo APBD of Kota Pangkal Pinang (invented figures of a realistic order: about Rp 1 trillion of spending,
 * Rp 250 bn of own revenue), on the national nomenclature (Kepmendagri 050-5889/2021: urusan codes per OPD,
 * the supporting programme U.BB.01 in every OPD). Amounts are in millions of rupiah.
 */
export type Profile = 'gaji' | 'fisik' | 'lambat' | 'nonfisik' | 'bos';

export interface SubSpec {
  program: [string, string];
  kegiatan: [string, string];
  /** Last segment of the sub-kegiatan code. */
  nomor: string;
  nama: string;
  paguJuta: number;
  profile: Profile;
  /** Where the work happens: an index into the OPD's kelurahan list (kecamatan) or the Pemda's. */
  lokasi?: number;
  sasaran?: string | null;
  mendesak?: boolean;
  /** Physical progress in 2026 lags far behind (a critical activity in the demo). */
  terlambat?: boolean;
}

/** Urusan/bidang code of each OPD (Permendagri 90/2019 as updated by Kepmendagri 050-5889/2021). */
export const URUSAN: Record<string, string> = {
  SETDA: '4.01', SETWAN: '4.02', INSPEKTORAT: '6.01', BAPPERIDA: '5.01', BPKAD: '5.02', BAPENDA: '5.02', BKPSDM: '5.03', KESBANGPOL: '8.01',
  BPBD: '1.05', DISDIK: '1.01', DINKES: '1.02', RSUD: '1.02', DPUPR: '1.03', DISPERKIM: '1.04', SATPOLPP: '1.05', DINSOS: '1.06', DISNAKER: '2.07',
  DP3ACSKB: '2.08', DKPP: '2.09', DISKAN: '3.25', DLH: '2.11', DISDUKCAPIL: '2.12', DISHUB: '2.15', DISKOMINFO: '2.16', DKUMP: '2.17', DPMPTSP: '2.18',
  DISPORA: '2.19', DISPAR: '3.26', DISPUSIP: '2.23', DAMKAR: '1.05',
};

/** Salaries and allowances by OPD (millions); kecamatan get 6,200 each, the rest 5,400. */
export const GAJI: Record<string, number> = {
  DISDIK: 182_000, DINKES: 64_000, RSUD: 48_000, SETDA: 31_000, DPUPR: 14_500, SATPOLPP: 12_800, BPKAD: 9_800, BAPENDA: 8_200, DISPERKIM: 7_900,
  DLH: 11_200, DISHUB: 7_400, SETWAN: 8_600, INSPEKTORAT: 6_900, BKPSDM: 6_100, DAMKAR: 7_100, DINSOS: 5_900,
};

/** OPDs whose building maintenance the demo leaves unlinked to any RPJMD target (for the alignment report). */
export const UNLINKED_MAINTENANCE = new Set(['DISPORA', 'DISPAR', 'SETWAN', 'KESBANGPOL', 'DKUMP', 'RSUD', 'DISHUB']);

/** The supporting programme every OPD carries (U.BB.01). */
export function penunjang(urusan: string, sasaran: string, maintenanceLinked = true): SubSpec[] {
  const program: [string, string] = [`${urusan}.01`, 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA'];
  return [
    { program, kegiatan: [`${urusan}.01.2.01`, 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah'], nomor: '0001', nama: 'Penyusunan Dokumen Perencanaan Perangkat Daerah', paguJuta: 160, profile: 'nonfisik', sasaran },
    { program, kegiatan: [`${urusan}.01.2.02`, 'Administrasi Keuangan Perangkat Daerah'], nomor: '0001', nama: 'Penyediaan Gaji dan Tunjangan ASN', paguJuta: 0, profile: 'gaji', sasaran },
    { program, kegiatan: [`${urusan}.01.2.06`, 'Administrasi Umum Perangkat Daerah'], nomor: '0005', nama: 'Penyediaan Bahan Logistik Kantor', paguJuta: 420, profile: 'nonfisik', sasaran },
    { program, kegiatan: [`${urusan}.01.2.08`, 'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah'], nomor: '0002', nama: 'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik', paguJuta: 1_150, profile: 'nonfisik', sasaran },
    { program, kegiatan: [`${urusan}.01.2.09`, 'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah'], nomor: '0009', nama: 'Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya', paguJuta: 880, profile: 'lambat', sasaran: maintenanceLinked ? sasaran : null },
  ];
}

const p = (kode: string, nama: string): [string, string] => [kode, nama];
const S_DIDIK = 'S.1.1.1';
const S_SEHAT = 'S.1.1.2';
const S_EKONOMI = 'S.2.1.1';
const S_MISKIN = 'S.2.1.2';
const S_INFRA = 'S.3.1.1';
const S_BANJIR = 'S.3.1.2';
const S_LH = 'S.3.1.3';
const S_AKUNTABEL = 'S.4.1.1';
const S_LAYANAN = 'S.4.1.2';

export const SASARAN_OF: Record<string, string> = {
  DISDIK: S_DIDIK, DINKES: S_SEHAT, RSUD: S_SEHAT, DINSOS: S_MISKIN, DP3ACSKB: S_MISKIN, DISNAKER: S_EKONOMI, DKUMP: S_EKONOMI, DISKAN: S_EKONOMI,
  DKPP: S_EKONOMI, DISPAR: S_EKONOMI, DPUPR: S_INFRA, DISPERKIM: S_INFRA, DISHUB: S_INFRA, BPBD: S_BANJIR, DLH: S_LH, BAPENDA: S_LAYANAN,
  DPMPTSP: S_LAYANAN, DISDUKCAPIL: S_LAYANAN, DISKOMINFO: S_LAYANAN,
};

/** Technical programmes by OPD code; kecamatan use KECAMATAN. */
export const TEKNIS: Record<string, SubSpec[]> = {
  DISDIK: [
    { program: p('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN'), kegiatan: p('1.01.02.2.01', 'Pengelolaan Pendidikan Sekolah Dasar'), nomor: '0001', nama: 'Pembangunan Unit Sekolah Baru (USB)', paguJuta: 8_500, profile: 'fisik', lokasi: 11 },
    { program: p('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN'), kegiatan: p('1.01.02.2.01', 'Pengelolaan Pendidikan Sekolah Dasar'), nomor: '0004', nama: 'Rehabilitasi Sedang/Berat Ruang Kelas Sekolah', paguJuta: 6_200, profile: 'fisik', lokasi: 3 },
    { program: p('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN'), kegiatan: p('1.01.02.2.01', 'Pengelolaan Pendidikan Sekolah Dasar'), nomor: '0009', nama: 'Pengelolaan Dana BOS Sekolah Dasar', paguJuta: 28_000, profile: 'bos' },
    { program: p('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN'), kegiatan: p('1.01.02.2.02', 'Pengelolaan Pendidikan Sekolah Menengah Pertama'), nomor: '0002', nama: 'Pembangunan Ruang Kelas Baru', paguJuta: 5_400, profile: 'fisik', lokasi: 20 },
    { program: p('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN'), kegiatan: p('1.01.02.2.02', 'Pengelolaan Pendidikan Sekolah Menengah Pertama'), nomor: '0009', nama: 'Pengelolaan Dana BOS Sekolah Menengah Pertama', paguJuta: 19_000, profile: 'bos' },
    { program: p('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN'), kegiatan: p('1.01.02.2.03', 'Pengelolaan Pendidikan Anak Usia Dini (PAUD)'), nomor: '0007', nama: 'Penyelenggaraan Proses Belajar PAUD', paguJuta: 2_100, profile: 'nonfisik' },
  ],
  DINKES: [
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.01', 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota'), nomor: '0001', nama: 'Pembangunan Puskesmas', paguJuta: 9_800, profile: 'fisik', lokasi: 7, terlambat: true },
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.01', 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota'), nomor: '0014', nama: 'Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan', paguJuta: 4_500, profile: 'nonfisik' },
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota'), nomor: '0001', nama: 'Pengelolaan Pelayanan Kesehatan Ibu Hamil', paguJuta: 1_250, profile: 'nonfisik' },
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota'), nomor: '0004', nama: 'Pengelolaan Pelayanan Kesehatan Balita', paguJuta: 980, profile: 'nonfisik' },
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota'), nomor: '0016', nama: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat (percepatan penurunan stunting)', paguJuta: 1_800, profile: 'nonfisik' },
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota'), nomor: '0020', nama: 'Pengelolaan Jaminan Kesehatan Masyarakat', paguJuta: 21_000, profile: 'nonfisik' },
  ],
  RSUD: [
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota'), nomor: '0037', nama: 'Operasional Pelayanan Rumah Sakit (BLUD)', paguJuta: 38_000, profile: 'nonfisik' },
    { program: p('1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT'), kegiatan: p('1.02.02.2.01', 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota'), nomor: '0007', nama: 'Pembangunan Gedung Rawat Inap Kelas III', paguJuta: 12_500, profile: 'fisik', lokasi: 15, terlambat: true },
  ],
  DPUPR: [
    { program: p('1.03.02', 'PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)'), kegiatan: p('1.03.02.2.01', 'Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS) dalam 1 (satu) Daerah Kabupaten/Kota'), nomor: '0011', nama: 'Normalisasi/Restorasi Sungai Rangkui', paguJuta: 6_800, profile: 'fisik', lokasi: 5, sasaran: S_BANJIR, mendesak: true },
    { program: p('1.03.03', 'PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM'), kegiatan: p('1.03.03.2.01', 'Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah Kabupaten/Kota'), nomor: '0004', nama: 'Pembangunan SPAM Jaringan Perpipaan di Kawasan Perkotaan', paguJuta: 7_200, profile: 'fisik', lokasi: 30 },
    { program: p('1.03.05', 'PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM DRAINASE'), kegiatan: p('1.03.05.2.01', 'Pengelolaan dan Pengembangan Sistem Drainase yang Terhubung Langsung dengan Sungai dalam Daerah Kabupaten/Kota'), nomor: '0001', nama: 'Pembangunan Sistem Drainase Perkotaan', paguJuta: 11_400, profile: 'fisik', lokasi: 9, sasaran: S_BANJIR },
    { program: p('1.03.05', 'PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM DRAINASE'), kegiatan: p('1.03.05.2.01', 'Pengelolaan dan Pengembangan Sistem Drainase yang Terhubung Langsung dengan Sungai dalam Daerah Kabupaten/Kota'), nomor: '0003', nama: 'Rehabilitasi Sistem Drainase Perkotaan', paguJuta: 4_300, profile: 'lambat', lokasi: 18, sasaran: S_BANJIR },
    { program: p('1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'), kegiatan: p('1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'), nomor: '0001', nama: 'Pembangunan Jalan', paguJuta: 18_500, profile: 'fisik', lokasi: 25 },
    { program: p('1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'), kegiatan: p('1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'), nomor: '0004', nama: 'Rehabilitasi Jalan', paguJuta: 9_700, profile: 'fisik', lokasi: 2 },
    { program: p('1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'), kegiatan: p('1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'), nomor: '0005', nama: 'Pemeliharaan Berkala Jalan', paguJuta: 6_400, profile: 'fisik', lokasi: 33 },
    { program: p('1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'), kegiatan: p('1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'), nomor: '0011', nama: 'Pembangunan Jembatan', paguJuta: 8_900, profile: 'fisik', lokasi: 37, terlambat: true },
    { program: p('1.03.10', 'PROGRAM PENYELENGGARAAN JALAN'), kegiatan: p('1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'), nomor: '0024', nama: 'Pembangunan Trotoar', paguJuta: 2_600, profile: 'lambat', lokasi: 12, sasaran: null },
  ],
  DISPERKIM: [
    { program: p('1.04.02', 'PROGRAM PENGEMBANGAN PERUMAHAN'), kegiatan: p('1.04.02.2.03', 'Pembangunan dan Rehabilitasi Rumah Tidak Layak Huni'), nomor: '0001', nama: 'Peningkatan Kualitas Rumah Tidak Layak Huni bagi Keluarga Miskin', paguJuta: 3_600, profile: 'fisik', lokasi: 28, sasaran: S_MISKIN },
    { program: p('1.04.03', 'PROGRAM KAWASAN PERMUKIMAN'), kegiatan: p('1.04.03.2.02', 'Penataan dan Peningkatan Kualitas Kawasan Permukiman Kumuh dengan Luas di Bawah 10 (sepuluh) Ha'), nomor: '0002', nama: 'Peningkatan Kualitas Kawasan Permukiman Kumuh', paguJuta: 5_100, profile: 'fisik', lokasi: 35 },
    { program: p('1.04.05', 'PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)'), kegiatan: p('1.04.05.2.01', 'Urusan Penyelenggaraan PSU Perumahan'), nomor: '0003', nama: 'Penataan Ruang Terbuka Hijau Taman Kota', paguJuta: 3_300, profile: 'lambat', lokasi: 14, sasaran: null },
  ],
  DINSOS: [
    { program: p('1.06.04', 'PROGRAM REHABILITASI SOSIAL'), kegiatan: p('1.06.04.2.02', 'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar'), nomor: '0001', nama: 'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar', paguJuta: 850, profile: 'nonfisik' },
    { program: p('1.06.06', 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL'), kegiatan: p('1.06.06.2.01', 'Pemeliharaan Anak-Anak Terlantar dan Fakir Miskin'), nomor: '0003', nama: 'Pemberian Permakanan bagi Penduduk Miskin', paguJuta: 2_400, profile: 'nonfisik' },
    { program: p('1.06.06', 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL'), kegiatan: p('1.06.06.2.01', 'Pemeliharaan Anak-Anak Terlantar dan Fakir Miskin'), nomor: '0005', nama: 'Penyaluran Bantuan Sosial bagi Keluarga Miskin Ekstrem', paguJuta: 3_100, profile: 'nonfisik' },
    { program: p('1.06.06', 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL'), kegiatan: p('1.06.06.2.02', 'Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota'), nomor: '0001', nama: 'Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota', paguJuta: 450, profile: 'nonfisik' },
  ],
  BPBD: [{ program: p('1.05.03', 'PROGRAM PENANGGULANGAN BENCANA'), kegiatan: p('1.05.03.2.02', 'Pelayanan Pencegahan dan Kesiapsiagaan terhadap Bencana'), nomor: '0006', nama: 'Pembangunan Tanggul Penahan Banjir', paguJuta: 3_400, profile: 'fisik', lokasi: 6, mendesak: true }],
  DAMKAR: [{ program: p('1.05.04', 'PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON KEBAKARAN'), kegiatan: p('1.05.04.2.01', 'Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran'), nomor: '0008', nama: 'Pembangunan Pos Pemadam Kebakaran', paguJuta: 1_900, profile: 'lambat', lokasi: 21, sasaran: null }],
  SATPOLPP: [{ program: p('1.05.02', 'PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM'), kegiatan: p('1.05.02.2.01', 'Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (satu) Daerah Kabupaten/Kota'), nomor: '0001', nama: 'Penanganan Gangguan Ketenteraman dan Ketertiban Umum', paguJuta: 1_900, profile: 'nonfisik', sasaran: S_LAYANAN }],
  DISNAKER: [{ program: p('2.07.03', 'PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA'), kegiatan: p('2.07.03.2.01', 'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi'), nomor: '0001', nama: 'Pelatihan Berbasis Kompetensi bagi Pencari Kerja', paguJuta: 1_200, profile: 'nonfisik' }],
  DP3ACSKB: [{ program: p('2.14.04', 'PROGRAM PEMBERDAYAAN DAN PENINGKATAN KELUARGA SEJAHTERA (KS)'), kegiatan: p('2.14.04.2.02', 'Pelaksanaan Pembangunan Keluarga melalui Pembinaan Ketahanan dan Kesejahteraan Keluarga'), nomor: '0004', nama: 'Pendampingan Keluarga Berisiko Stunting', paguJuta: 780, profile: 'nonfisik' }],
  DKPP: [{ program: p('2.09.02', 'PROGRAM PENINGKATAN DIVERSIFIKASI DAN KETAHANAN PANGAN MASYARAKAT'), kegiatan: p('2.09.02.2.01', 'Penyediaan dan Penyaluran Pangan Pokok atau Pangan Lainnya sesuai dengan Kebutuhan Daerah Kabupaten/Kota'), nomor: '0002', nama: 'Penyediaan Cadangan Pangan Pemerintah Kabupaten/Kota', paguJuta: 1_400, profile: 'nonfisik' }],
  DISKAN: [{ program: p('3.25.03', 'PROGRAM PENGELOLAAN PERIKANAN TANGKAP'), kegiatan: p('3.25.03.2.02', 'Penyelenggaraan Tempat Pelelangan Ikan (TPI)'), nomor: '0002', nama: 'Pembangunan Tempat Pelelangan Ikan', paguJuta: 2_200, profile: 'lambat', lokasi: 39 }],
  DLH: [
    { program: p('2.11.09', 'PROGRAM PENGELOLAAN PERSAMPAHAN'), kegiatan: p('2.11.09.2.01', 'Pengelolaan Sampah'), nomor: '0004', nama: 'Penanganan Sampah di TPS/TPA', paguJuta: 7_400, profile: 'nonfisik' },
    { program: p('2.11.09', 'PROGRAM PENGELOLAAN PERSAMPAHAN'), kegiatan: p('2.11.09.2.01', 'Pengelolaan Sampah'), nomor: '0008', nama: 'Pembangunan Tempat Pengolahan Sampah Terpadu (TPST)', paguJuta: 4_800, profile: 'fisik', lokasi: 23, terlambat: true },
  ],
  DISDUKCAPIL: [{ program: p('2.12.02', 'PROGRAM PENDAFTARAN PENDUDUK'), kegiatan: p('2.12.02.2.01', 'Pelayanan Pendaftaran Penduduk'), nomor: '0001', nama: 'Penyelenggaraan Pendaftaran Penduduk', paguJuta: 1_100, profile: 'nonfisik' }],
  DISHUB: [
    { program: p('2.15.02', 'PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)'), kegiatan: p('2.15.02.2.02', 'Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota'), nomor: '0001', nama: 'Pengadaan dan Pemasangan Perlengkapan Jalan', paguJuta: 2_300, profile: 'fisik', lokasi: 10 },
    { program: p('2.15.02', 'PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)'), kegiatan: p('2.15.02.2.02', 'Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota'), nomor: '0005', nama: 'Pengadaan dan Pemasangan Penerangan Jalan Umum', paguJuta: 3_500, profile: 'fisik', lokasi: 16 },
  ],
  DISKOMINFO: [{ program: p('2.16.03', 'PROGRAM APLIKASI INFORMATIKA'), kegiatan: p('2.16.03.2.02', 'Pengelolaan Nama Domain dan Sub Domain serta Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik'), nomor: '0010', nama: 'Pengembangan Aplikasi dan Layanan Kota Cerdas (Smart City)', paguJuta: 1_400, profile: 'nonfisik' }],
  DKUMP: [
    { program: p('2.17.07', 'PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)'), kegiatan: p('2.17.07.2.01', 'Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan'), nomor: '0001', nama: 'Pemberdayaan Usaha Mikro', paguJuta: 800, profile: 'nonfisik' },
    { program: p('3.30.03', 'PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN'), kegiatan: p('3.30.03.2.01', 'Pembangunan dan Pengelolaan Sarana Distribusi Perdagangan'), nomor: '0002', nama: 'Revitalisasi Pasar Pagi Pangkalpinang', paguJuta: 6_500, profile: 'fisik', lokasi: 1, terlambat: true },
  ],
  DPMPTSP: [{ program: p('2.18.04', 'PROGRAM PELAYANAN PENANAMAN MODAL'), kegiatan: p('2.18.04.2.01', 'Pelayanan Perizinan dan Non Perizinan secara Terpadu Satu Pintu di Bidang Penanaman Modal'), nomor: '0001', nama: 'Penyediaan Pelayanan Terpadu Perizinan dan Nonperizinan', paguJuta: 900, profile: 'nonfisik' }],
  DISPORA: [
    { program: p('2.19.03', 'PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEOLAHRAGAAN'), kegiatan: p('2.19.03.2.03', 'Penyelenggaraan Kejuaraan Olahraga Tingkat Daerah Kabupaten/Kota'), nomor: '0001', nama: 'Penyelenggaraan Kejuaraan Olahraga', paguJuta: 800, profile: 'nonfisik', sasaran: null },
    { program: p('2.19.03', 'PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEOLAHRAGAAN'), kegiatan: p('2.19.03.2.07', 'Pengelolaan Sarana dan Prasarana Olahraga'), nomor: '0002', nama: 'Pembangunan Sarana dan Prasarana Olahraga Stadion Depati Amir', paguJuta: 4_100, profile: 'lambat', lokasi: 19, sasaran: null },
  ],
  DISPAR: [
    { program: p('3.26.02', 'PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA'), kegiatan: p('3.26.02.2.01', 'Pengelolaan Daya Tarik Wisata Kabupaten/Kota'), nomor: '0005', nama: 'Pengelolaan Daya Tarik Wisata Kabupaten/Kota', paguJuta: 1_300, profile: 'nonfisik' },
    { program: p('3.26.02', 'PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA'), kegiatan: p('3.26.02.2.02', 'Pengelolaan Kawasan Strategis Pariwisata Kabupaten/Kota'), nomor: '0003', nama: 'Pembangunan Kawasan Wisata Pantai Pasir Padi', paguJuta: 3_900, profile: 'lambat', lokasi: 41, sasaran: null },
  ],
  DISPUSIP: [{ program: p('2.23.02', 'PROGRAM PEMBINAAN PERPUSTAKAAN'), kegiatan: p('2.23.02.2.01', 'Pengelolaan Perpustakaan Tingkat Daerah Kabupaten/Kota'), nomor: '0008', nama: 'Pengembangan Perpustakaan Digital', paguJuta: 650, profile: 'nonfisik', sasaran: S_DIDIK }],
  BAPPERIDA: [{ program: p('5.01.02', 'PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH'), kegiatan: p('5.01.02.2.01', 'Penyusunan Perencanaan dan Pendanaan'), nomor: '0011', nama: 'Penyusunan Rencana Kerja Pemerintah Daerah (RKPD)', paguJuta: 700, profile: 'nonfisik' }],
  BPKAD: [{ program: p('5.02.02', 'PROGRAM PENGELOLAAN KEUANGAN DAERAH'), kegiatan: p('5.02.02.2.05', 'Akuntansi dan Pelaporan'), nomor: '0004', nama: 'Penyusunan Laporan Keuangan Pemerintah Daerah', paguJuta: 900, profile: 'nonfisik' }],
  BAPENDA: [
    { program: p('5.02.04', 'PROGRAM PENGELOLAAN PENDAPATAN DAERAH'), kegiatan: p('5.02.04.2.01', 'Pengelolaan Pendapatan Daerah'), nomor: '0002', nama: 'Pendataan dan Pendaftaran Objek Pajak Daerah', paguJuta: 1_300, profile: 'nonfisik' },
    { program: p('5.02.04', 'PROGRAM PENGELOLAAN PENDAPATAN DAERAH'), kegiatan: p('5.02.04.2.01', 'Pengelolaan Pendapatan Daerah'), nomor: '0005', nama: 'Penagihan Pajak dan Retribusi Daerah', paguJuta: 950, profile: 'nonfisik' },
  ],
  BKPSDM: [{ program: p('5.03.03', 'PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA'), kegiatan: p('5.03.03.2.01', 'Pengembangan Kompetensi Teknis'), nomor: '0001', nama: 'Pengembangan Kompetensi ASN', paguJuta: 1_400, profile: 'nonfisik', sasaran: S_AKUNTABEL }],
  INSPEKTORAT: [{ program: p('6.01.02', 'PROGRAM PENYELENGGARAAN PENGAWASAN'), kegiatan: p('6.01.02.2.01', 'Penyelenggaraan Pengawasan Internal'), nomor: '0001', nama: 'Pengawasan Kinerja dan Keuangan Perangkat Daerah', paguJuta: 1_600, profile: 'nonfisik', sasaran: S_AKUNTABEL }],
  SETDA: [{ program: p('4.01.03', 'PROGRAM PEREKONOMIAN DAN PEMBANGUNAN'), kegiatan: p('4.01.03.2.01', 'Pelaksanaan Kebijakan Perekonomian'), nomor: '0004', nama: 'Pengendalian Inflasi Daerah', paguJuta: 600, profile: 'nonfisik', sasaran: S_EKONOMI }],
  SETWAN: [{ program: p('4.02.02', 'PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD'), kegiatan: p('4.02.02.2.01', 'Penyelenggaraan Fungsi DPRD'), nomor: '0008', nama: 'Penyelenggaraan Reses DPRD', paguJuta: 2_300, profile: 'nonfisik', sasaran: null }],
  KESBANGPOL: [{ program: p('8.01.02', 'PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN'), kegiatan: p('8.01.02.2.01', 'Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter Kebangsaan'), nomor: '0001', nama: 'Pembinaan Wawasan Kebangsaan', paguJuta: 450, profile: 'nonfisik', sasaran: null }],
  KECAMATAN: [
    { program: p('7.01.02', 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK'), kegiatan: p('7.01.02.2.03', 'Pemberdayaan Masyarakat Kelurahan'), nomor: '0001', nama: 'Pembangunan Sarana dan Prasarana Kelurahan', paguJuta: 1_650, profile: 'fisik', lokasi: 0, sasaran: S_INFRA },
    { program: p('7.01.02', 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK'), kegiatan: p('7.01.02.2.03', 'Pemberdayaan Masyarakat Kelurahan'), nomor: '0002', nama: 'Pemberdayaan Masyarakat Kelurahan', paguJuta: 900, profile: 'nonfisik', sasaran: S_MISKIN },
  ],
};
