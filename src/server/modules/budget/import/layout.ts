/**
 * Columns of the APBD import (docs/budget-import.md). The layout follows the sub-kegiatan listing of the national
 * planning and budgeting system (SIPD RI: "Rincian Belanja per Sub Kegiatan" with its "Anggaran Kas" by month):
 * one row per sub-kegiatan with its programme and kegiatan, pagu, location, the monthly cash plan, and optionally
 * the physical plan and the realisation. One definition feeds the parser, the template and the docs test.
 */
export interface BudgetColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  required: boolean;
  description: { id: string; en: string };
  example: string;
}

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;
export const MONTH_LONG = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

export const BASE_COLUMNS: readonly BudgetColumn[] = [
  { key: 'tahun', header: 'Tahun', aliases: ['Tahun Anggaran', 'TA'], required: true, description: { id: 'Tahun anggaran (4 digit).', en: 'Budget year (4 digits).' }, example: '2026' },
  { key: 'opdCode', header: 'Kode OPD', aliases: ['Kode SKPD', 'Kode Perangkat Daerah'], required: true, description: { id: 'Kode OPD seperti di menu Perangkat Daerah Pamong.', en: 'OPD code as in the Pamong agency list.' }, example: 'DPUPR' },
  { key: 'programKode', header: 'Kode Program', aliases: [], required: true, description: { id: 'Kode program nomenklatur Kepmendagri 050-5889/2021, format U.BB.PP.', en: 'Programme code (Kepmendagri 050-5889/2021), U.BB.PP.' }, example: '1.03.10' },
  { key: 'programNama', header: 'Nama Program', aliases: ['Program'], required: true, description: { id: 'Nama program.', en: 'Programme name.' }, example: 'PROGRAM PENYELENGGARAAN JALAN' },
  { key: 'kegiatanKode', header: 'Kode Kegiatan', aliases: [], required: true, description: { id: 'Kode kegiatan, diawali kode program: U.BB.PP.K.KK.', en: 'Activity code starting with the programme code: U.BB.PP.K.KK.' }, example: '1.03.10.2.01' },
  { key: 'kegiatanNama', header: 'Nama Kegiatan', aliases: ['Kegiatan'], required: true, description: { id: 'Nama kegiatan.', en: 'Activity name.' }, example: 'Penyelenggaraan Jalan Kabupaten/Kota' },
  { key: 'kode', header: 'Kode Sub Kegiatan', aliases: ['Kode Sub-Kegiatan', 'Kode Subkegiatan'], required: true, description: { id: 'Kode sub kegiatan, diawali kode kegiatan: U.BB.PP.K.KK.SSSS (atau 2 digit terakhir gaya 050-3708/2020).', en: 'Sub-activity code starting with the activity code: U.BB.PP.K.KK.SSSS (or the 2-digit 050-3708/2020 style).' }, example: '1.03.10.2.01.0001' },
  { key: 'nama', header: 'Nama Sub Kegiatan', aliases: ['Sub Kegiatan', 'Nama Sub-Kegiatan'], required: true, description: { id: 'Nama sub kegiatan.', en: 'Sub-activity name.' }, example: 'Pembangunan Jalan' },
  { key: 'pagu', header: 'Pagu', aliases: ['Pagu Murni', 'Pagu Indikatif', 'Anggaran', 'Nilai'], required: true, description: { id: 'Pagu APBD murni dalam rupiah (angka; pemisah ribuan titik boleh).', en: 'Original APBD ceiling in rupiah (digits; dots as thousands separators allowed).' }, example: '4250000000' },
  { key: 'paguPerubahan', header: 'Pagu Perubahan', aliases: ['Pagu P-APBD'], required: false, description: { id: 'Pagu setelah APBD Perubahan; kosong bila belum ada.', en: 'Ceiling after the revised APBD; empty if none.' }, example: '' },
  { key: 'wilayahKode', header: 'Kode Kelurahan', aliases: ['Kode Lokasi', 'Lokasi'], required: false, description: { id: 'Kode wilayah kelurahan/desa lokasi kegiatan (Kepmendagri 300.2.2-2138/2025), misalnya 19.71.01.1001.', en: 'Region code of the kelurahan/desa where the work happens.' }, example: '19.71.01.1001' },
  { key: 'unitCode', header: 'Kode Unit', aliases: ['Unit Pelaksana'], required: false, description: { id: 'Kode unit kerja pelaksana (bidang) di Pamong.', en: 'Code of the responsible unit (bidang) in Pamong.' }, example: '' },
  { key: 'sasaranKode', header: 'Kode Sasaran', aliases: ['Sasaran RPJMD'], required: false, description: { id: 'Kode sasaran RPJMD yang didukung; kosong = belum selaras (muncul di laporan keselarasan).', en: 'RPJMD target code supported; empty = not aligned (listed in the alignment report).' }, example: 'S.3.1.1' },
  { key: 'jenis', header: 'Jenis', aliases: ['Fisik/Non Fisik'], required: false, description: { id: 'Fisik atau Non Fisik (bawaan Non Fisik).', en: 'Fisik (physical) or Non Fisik (default Non Fisik).' }, example: 'Fisik' },
  { key: 'mendesak', header: 'Mendesak', aliases: ['Urgent'], required: false, description: { id: 'Ya bila mendesak (tidak boleh diusulkan ditunda).', en: 'Ya if urgent (never proposed for postponement).' }, example: 'Tidak' },
  { key: 'dilindungi', header: 'Dilindungi', aliases: ['Prioritas Sosial'], required: false, description: { id: 'Ya untuk bantuan sosial, kemiskinan ekstrem, stunting dan sejenisnya. Nama yang memuat kata kunci tersebut dan urusan sosial 1.06 dilindungi otomatis.', en: 'Ya for social aid, extreme poverty, stunting and the like. Names with those keywords and social affairs 1.06 are protected automatically.' }, example: 'Tidak' },
  { key: 'statusKontrak', header: 'Status Kontrak', aliases: ['Kontrak'], required: false, description: { id: 'Belum, Proses, Kontrak atau Swakelola (bawaan Belum).', en: 'Belum, Proses, Kontrak or Swakelola (default Belum).' }, example: 'Belum' },
];

export type MonthGroup = 'kas' | 'fisik' | 'realisasi' | 'progres';
export const MONTH_GROUPS: ReadonlyArray<{ group: MonthGroup; prefix: string; aliases: readonly string[]; description: { id: string; en: string } }> = [
  { group: 'kas', prefix: 'Kas', aliases: ['Anggaran Kas', 'Rencana Kas'], description: { id: 'Anggaran kas bulan itu (rupiah). Jumlah 12 bulan harus sama dengan pagu (pagu perubahan bila ada).', en: 'Cash plan for the month (rupiah). The 12 months must add up to the ceiling.' } },
  { group: 'fisik', prefix: 'Fisik', aliases: ['Rencana Fisik', 'Target Fisik'], description: { id: 'Rencana progres fisik kumulatif akhir bulan (0–100, tidak boleh turun): kurva S.', en: 'Planned cumulative physical progress at month end (0–100, never decreasing): the S-curve.' } },
  { group: 'realisasi', prefix: 'Realisasi', aliases: ['SP2D', 'Realisasi Keuangan'], description: { id: 'Opsional: SP2D yang terbit bulan itu (rupiah). Sel kosong tidak mengubah data yang sudah ada.', en: 'Optional: SP2D paid in the month (rupiah). Empty cells leave existing data alone.' } },
  { group: 'progres', prefix: 'Progres', aliases: ['Realisasi Fisik', 'Progres Fisik'], description: { id: 'Opsional: progres fisik kumulatif akhir bulan (0–100, tidak boleh turun).', en: 'Optional: actual cumulative physical progress at month end (0–100, never decreasing).' } },
];

export function monthHeader(prefix: string, month: number): string {
  return `${prefix} ${MONTH_NAMES[month - 1]}`;
}

export function monthHeaderVariants(prefixes: readonly string[], month: number): string[] {
  const out: string[] = [];
  for (const prefix of prefixes) {
    out.push(`${prefix} ${MONTH_NAMES[month - 1]}`, `${prefix} ${MONTH_LONG[month - 1]}`, `${prefix} ${String(month).padStart(2, '0')}`, `${prefix} ${month}`);
  }
  return out;
}

/** Headers are compared without case, spaces, dots, dashes or slashes. */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[\s._\-/()]+/g, '');
}

export const SHEET_NAME = 'APBD';
export const GUIDE_SHEET = 'Petunjuk';
