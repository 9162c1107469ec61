-- Budget and revenue (issue 8, BRIEF §4.10). Every tenant table leads its primary key and foreign keys with
-- pemda_id (shardable by Pemda). Money is numeric(18,2) rupiah; percentages numeric(6,2).

-- RPJMD cascade: vision -> missions -> goals (tujuan) -> targets (sasaran) -> key indicators (IKU).
CREATE TABLE budget_rpjmd (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  period_start integer NOT NULL,
  period_end integer NOT NULL,
  visi text NOT NULL,
  legal_basis text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, period_start),
  CHECK (period_end >= period_start AND period_end - period_start <= 5)
);

CREATE TABLE budget_misi (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  rpjmd_id uuid NOT NULL,
  nomor integer NOT NULL,
  uraian text NOT NULL,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, rpjmd_id, nomor),
  FOREIGN KEY (pemda_id, rpjmd_id) REFERENCES budget_rpjmd (pemda_id, id)
);

CREATE TABLE budget_tujuan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  misi_id uuid NOT NULL,
  kode text NOT NULL,
  uraian text NOT NULL,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, misi_id, kode),
  FOREIGN KEY (pemda_id, misi_id) REFERENCES budget_misi (pemda_id, id)
);

CREATE TABLE budget_sasaran (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tujuan_id uuid NOT NULL,
  kode text NOT NULL,
  uraian text NOT NULL,
  -- A regional priority (prioritas daerah): activities linked here are the last to be postponed.
  prioritas boolean NOT NULL DEFAULT false,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, kode),
  FOREIGN KEY (pemda_id, tujuan_id) REFERENCES budget_tujuan (pemda_id, id)
);

CREATE TABLE budget_iku (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  sasaran_id uuid NOT NULL,
  kode text NOT NULL,
  nama text NOT NULL,
  satuan text NOT NULL,
  -- 'naik': higher is better (IPM); 'turun': lower is better (poverty rate, stunting prevalence).
  arah text NOT NULL CHECK (arah IN ('naik', 'turun')),
  opd_id uuid,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, kode),
  FOREIGN KEY (pemda_id, sasaran_id) REFERENCES budget_sasaran (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

CREATE TABLE budget_iku_target (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  iku_id uuid NOT NULL,
  tahun integer NOT NULL,
  target numeric(18,4) NOT NULL,
  PRIMARY KEY (pemda_id, iku_id, tahun),
  FOREIGN KEY (pemda_id, iku_id) REFERENCES budget_iku (pemda_id, id)
);

-- Quarterly IKU realisation with its evidence (document reference and link).
CREATE TABLE budget_iku_realisasi (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  iku_id uuid NOT NULL,
  tahun integer NOT NULL,
  triwulan smallint NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
  nilai numeric(18,4) NOT NULL,
  bukti text NOT NULL,
  bukti_url text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, iku_id, tahun, triwulan),
  FOREIGN KEY (pemda_id, iku_id) REFERENCES budget_iku (pemda_id, id)
);

-- APBD structure per year with the national nomenclature codes (Kepmendagri 050-5889/2021).
CREATE TABLE budget_program (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tahun integer NOT NULL,
  opd_id uuid NOT NULL,
  kode text NOT NULL,
  nama text NOT NULL,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, tahun, opd_id, kode),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

CREATE TABLE budget_kegiatan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  program_id uuid NOT NULL,
  kode text NOT NULL,
  nama text NOT NULL,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, program_id, kode),
  FOREIGN KEY (pemda_id, program_id) REFERENCES budget_program (pemda_id, id)
);

CREATE TABLE budget_sub_kegiatan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tahun integer NOT NULL,
  opd_id uuid NOT NULL,
  kegiatan_id uuid NOT NULL,
  kode text NOT NULL,
  nama text NOT NULL,
  pagu numeric(18,2) NOT NULL CHECK (pagu >= 0),
  pagu_perubahan numeric(18,2) CHECK (pagu_perubahan >= 0),
  -- Postponed by the head's decision: the unspent part no longer counts in the effective pagu.
  pagu_ditunda numeric(18,2) NOT NULL DEFAULT 0 CHECK (pagu_ditunda >= 0),
  wilayah_kode text,
  unit_id uuid,
  sasaran_id uuid,
  jenis text NOT NULL DEFAULT 'non_fisik' CHECK (jenis IN ('fisik', 'non_fisik')),
  mendesak boolean NOT NULL DEFAULT false,
  -- Social aid, extreme poverty, stunting ...: never proposed for postponement (seed 004).
  dilindungi boolean NOT NULL DEFAULT false,
  dilindungi_alasan text,
  status_kontrak text NOT NULL DEFAULT 'belum' CHECK (status_kontrak IN ('belum', 'proses', 'kontrak', 'swakelola')),
  status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'ditunda')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, tahun, opd_id, kode),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, kegiatan_id) REFERENCES budget_kegiatan (pemda_id, id),
  FOREIGN KEY (pemda_id, wilayah_kode) REFERENCES wilayah (pemda_id, kode),
  FOREIGN KEY (pemda_id, unit_id) REFERENCES opd_unit (pemda_id, id),
  FOREIGN KEY (pemda_id, sasaran_id) REFERENCES budget_sasaran (pemda_id, id)
);
CREATE INDEX budget_sub_kegiatan_opd_idx ON budget_sub_kegiatan (pemda_id, tahun, opd_id);
CREATE INDEX budget_sub_kegiatan_sasaran_idx ON budget_sub_kegiatan (pemda_id, sasaran_id);

-- One row per sub-kegiatan and month: the cash plan (anggaran kas) for the month, the physical plan (cumulative %,
-- the S-curve), the financial realisation (SP2D paid in the month) and the physical progress (cumulative %).
CREATE TABLE budget_bulanan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  sub_kegiatan_id uuid NOT NULL,
  bulan smallint NOT NULL CHECK (bulan BETWEEN 1 AND 12),
  rencana_keuangan numeric(18,2) NOT NULL DEFAULT 0 CHECK (rencana_keuangan >= 0),
  rencana_fisik numeric(6,2) NOT NULL DEFAULT 0 CHECK (rencana_fisik BETWEEN 0 AND 100),
  realisasi_keuangan numeric(18,2) CHECK (realisasi_keuangan >= 0),
  realisasi_fisik numeric(6,2) CHECK (realisasi_fisik BETWEEN 0 AND 100),
  sp2d_ref text,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, sub_kegiatan_id, bulan),
  FOREIGN KEY (pemda_id, sub_kegiatan_id) REFERENCES budget_sub_kegiatan (pemda_id, id) ON DELETE CASCADE
);

-- Per-OPD monthly roll-up, refreshed in the same transaction as every write to the rows above, so the Pemda
-- overview reads 40 x 12 rows instead of aggregating every sub-kegiatan on each request (bench/budget.bench.ts).
CREATE TABLE budget_opd_bulanan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  tahun integer NOT NULL,
  opd_id uuid NOT NULL,
  bulan smallint NOT NULL CHECK (bulan BETWEEN 1 AND 12),
  jumlah_sub integer NOT NULL,
  pagu numeric(18,2) NOT NULL,
  rencana_keuangan numeric(18,2) NOT NULL,
  realisasi_keuangan numeric(18,2) NOT NULL,
  -- Sums of pagu x cumulative %: divided by pagu they give the pagu-weighted %fisik (BRIEF §4.10).
  rencana_fisik_bobot numeric(24,4) NOT NULL,
  realisasi_fisik_bobot numeric(24,4) NOT NULL,
  jumlah_kritis integer NOT NULL,
  ada_laporan boolean NOT NULL,
  PRIMARY KEY (pemda_id, tahun, opd_id, bulan),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

-- Own-source revenue (PAD): sources grouped as UU 1/2022 and Permendagri 77/2020 group them (4.1.01-4.1.04).
CREATE TABLE budget_pad_sumber (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kode text NOT NULL,
  nama text NOT NULL,
  kelompok text NOT NULL CHECK (kelompok IN ('pajak', 'retribusi', 'kekayaan_dipisahkan', 'lain_lain')),
  opd_id uuid,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, kode),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

CREATE TABLE budget_pad_target (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  sumber_id uuid NOT NULL,
  tahun integer NOT NULL,
  target_murni numeric(18,2) NOT NULL CHECK (target_murni >= 0),
  target_perubahan numeric(18,2) CHECK (target_perubahan >= 0),
  PRIMARY KEY (pemda_id, sumber_id, tahun),
  FOREIGN KEY (pemda_id, sumber_id) REFERENCES budget_pad_sumber (pemda_id, id)
);

CREATE TABLE budget_pad_realisasi (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  sumber_id uuid NOT NULL,
  tahun integer NOT NULL,
  bulan smallint NOT NULL CHECK (bulan BETWEEN 1 AND 12),
  jumlah numeric(18,2) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, sumber_id, tahun, bulan),
  FOREIGN KEY (pemda_id, sumber_id) REFERENCES budget_pad_sumber (pemda_id, id)
);

-- Shortfall rule: a proposal to postpone non-urgent physical activities, decided by the head.
CREATE TABLE budget_penundaan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tahun integer NOT NULL,
  bulan_dasar smallint NOT NULL,
  target_pad numeric(18,2) NOT NULL,
  proyeksi_pad numeric(18,2) NOT NULL,
  selisih numeric(18,2) NOT NULL,
  ambang_persen numeric(6,2) NOT NULL,
  kriteria jsonb NOT NULL,
  status text NOT NULL DEFAULT 'diusulkan' CHECK (status IN ('diusulkan', 'disetujui', 'ditolak')),
  dibuat_oleh uuid,
  dibuat_pada timestamptz NOT NULL DEFAULT now(),
  diputuskan_oleh uuid,
  diputuskan_peran text,
  diputuskan_pada timestamptz,
  catatan_keputusan text,
  PRIMARY KEY (pemda_id, id)
);
CREATE INDEX budget_penundaan_tahun_idx ON budget_penundaan (pemda_id, tahun);

CREATE TABLE budget_penundaan_item (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  penundaan_id uuid NOT NULL,
  sub_kegiatan_id uuid NOT NULL,
  urutan integer NOT NULL,
  jumlah numeric(18,2) NOT NULL,
  alasan jsonb NOT NULL,
  -- false: proposed by Pamong but taken out by the head; true: in the list (proposed, or added by the head).
  termasuk boolean NOT NULL DEFAULT true,
  ditambah_kepala boolean NOT NULL DEFAULT false,
  PRIMARY KEY (pemda_id, penundaan_id, sub_kegiatan_id),
  FOREIGN KEY (pemda_id, penundaan_id) REFERENCES budget_penundaan (pemda_id, id),
  FOREIGN KEY (pemda_id, sub_kegiatan_id) REFERENCES budget_sub_kegiatan (pemda_id, id)
);
