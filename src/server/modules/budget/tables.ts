import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema';

/** Kysely types of migrations 0500_budget_plan.sql. numeric columns come back as numbers (see db/connect.ts). */

export interface BudgetRpjmdTable {
  pemda_id: string;
  id: Generated<string>;
  period_start: number;
  period_end: number;
  visi: string;
  legal_basis: string | null;
  created_at: CreatedAt;
}

export interface BudgetMisiTable {
  pemda_id: string;
  id: Generated<string>;
  rpjmd_id: string;
  nomor: number;
  uraian: string;
}

export interface BudgetTujuanTable {
  pemda_id: string;
  id: Generated<string>;
  misi_id: string;
  kode: string;
  uraian: string;
}

export interface BudgetSasaranTable {
  pemda_id: string;
  id: Generated<string>;
  tujuan_id: string;
  kode: string;
  uraian: string;
  prioritas: Generated<boolean>;
}

export interface BudgetIkuTable {
  pemda_id: string;
  id: Generated<string>;
  sasaran_id: string;
  kode: string;
  nama: string;
  satuan: string;
  arah: 'naik' | 'turun';
  opd_id: string | null;
  /** Kondisi awal (migration 0502). */
  baseline: Generated<number | null>;
}

export interface BudgetIkuTargetTable {
  pemda_id: string;
  iku_id: string;
  tahun: number;
  target: number;
}

export interface BudgetIkuRealisasiTable {
  pemda_id: string;
  iku_id: string;
  tahun: number;
  triwulan: number;
  nilai: number;
  bukti: string;
  bukti_url: string | null;
  /** sha256 of a stored_file (migration 0501). */
  bukti_file: Generated<string | null>;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
}

export interface BudgetProgramTable {
  pemda_id: string;
  id: Generated<string>;
  tahun: number;
  opd_id: string;
  kode: string;
  nama: string;
}

export interface BudgetKegiatanTable {
  pemda_id: string;
  id: Generated<string>;
  program_id: string;
  kode: string;
  nama: string;
}

export type Jenis = 'fisik' | 'non_fisik';
export type StatusKontrak = 'belum' | 'proses' | 'kontrak' | 'swakelola';

export interface BudgetSubKegiatanTable {
  pemda_id: string;
  id: Generated<string>;
  tahun: number;
  opd_id: string;
  kegiatan_id: string;
  kode: string;
  nama: string;
  pagu: number;
  pagu_perubahan: number | null;
  pagu_ditunda: Generated<number>;
  wilayah_kode: string | null;
  unit_id: string | null;
  sasaran_id: string | null;
  jenis: Generated<Jenis>;
  mendesak: Generated<boolean>;
  dilindungi: Generated<boolean>;
  dilindungi_alasan: string | null;
  status_kontrak: Generated<StatusKontrak>;
  status: Generated<'aktif' | 'ditunda'>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface BudgetBulananTable {
  pemda_id: string;
  sub_kegiatan_id: string;
  bulan: number;
  rencana_keuangan: Generated<number>;
  rencana_fisik: Generated<number>;
  realisasi_keuangan: number | null;
  realisasi_fisik: number | null;
  sp2d_ref: string | null;
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
}

export interface BudgetOpdBulananTable {
  pemda_id: string;
  tahun: number;
  opd_id: string;
  bulan: number;
  jumlah_sub: number;
  pagu: number;
  rencana_keuangan: number;
  realisasi_keuangan: number;
  rencana_fisik_bobot: number;
  realisasi_fisik_bobot: number;
  jumlah_kritis: number;
  ada_laporan: boolean;
}

export type PadKelompok = 'pajak' | 'retribusi' | 'kekayaan_dipisahkan' | 'lain_lain';

export interface BudgetPadSumberTable {
  pemda_id: string;
  id: Generated<string>;
  kode: string;
  nama: string;
  kelompok: PadKelompok;
  opd_id: string | null;
}

export interface BudgetPadTargetTable {
  pemda_id: string;
  sumber_id: string;
  tahun: number;
  target_murni: number;
  target_perubahan: number | null;
}

export interface BudgetPadRealisasiTable {
  pemda_id: string;
  sumber_id: string;
  tahun: number;
  bulan: number;
  jumlah: number;
  updated_at: Generated<Timestamp>;
}

export type PenundaanStatus = 'diusulkan' | 'disetujui' | 'ditolak';

export interface BudgetPenundaanTable {
  pemda_id: string;
  id: Generated<string>;
  tahun: number;
  bulan_dasar: number;
  target_pad: number;
  proyeksi_pad: number;
  selisih: number;
  ambang_persen: number;
  kriteria: Json<string[]>;
  status: Generated<PenundaanStatus>;
  dibuat_oleh: string | null;
  dibuat_pada: Generated<Timestamp>;
  diputuskan_oleh: string | null;
  diputuskan_peran: string | null;
  diputuskan_pada: Timestamp | null;
  catatan_keputusan: string | null;
}

export interface BudgetPenundaanItemTable {
  pemda_id: string;
  penundaan_id: string;
  sub_kegiatan_id: string;
  urutan: number;
  jumlah: number;
  alasan: Json<{ id: string; en: string }>;
  termasuk: Generated<boolean>;
  ditambah_kepala: Generated<boolean>;
}

export interface BudgetTables {
  budget_rpjmd: BudgetRpjmdTable;
  budget_misi: BudgetMisiTable;
  budget_tujuan: BudgetTujuanTable;
  budget_sasaran: BudgetSasaranTable;
  budget_iku: BudgetIkuTable;
  budget_iku_target: BudgetIkuTargetTable;
  budget_iku_realisasi: BudgetIkuRealisasiTable;
  budget_program: BudgetProgramTable;
  budget_kegiatan: BudgetKegiatanTable;
  budget_sub_kegiatan: BudgetSubKegiatanTable;
  budget_bulanan: BudgetBulananTable;
  budget_opd_bulanan: BudgetOpdBulananTable;
  budget_pad_sumber: BudgetPadSumberTable;
  budget_pad_target: BudgetPadTargetTable;
  budget_pad_realisasi: BudgetPadRealisasiTable;
  budget_penundaan: BudgetPenundaanTable;
  budget_penundaan_item: BudgetPenundaanItemTable;
}
