import type { Generated } from 'kysely';
import type { CreatedAt, JsonNullable, Timestamp } from '../../db/schema';

export interface PemdaHeadTable {
  pemda_id: string;
  id: Generated<string>;
  name: string;
  title: string;
  status: 'definitif' | 'pj' | 'plt' | 'plh';
  term_start: string;
  term_end: string | null;
  legal_basis: string;
  created_at: CreatedAt;
}

export interface WilayahTable {
  pemda_id: string;
  kode: string;
  level: 'pemda' | 'kecamatan' | 'kelurahan' | 'desa';
  name: string;
  parent_kode: string | null;
  geometry: JsonNullable;
  centroid_lng: number | null;
  centroid_lat: number | null;
}

export interface OpdTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_id: string | null;
  wilayah_kode: string | null;
  address: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface OpdUnitTable {
  pemda_id: string;
  id: Generated<string>;
  opd_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  sort_order: Generated<number>;
}

export interface JabatanTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'jpt_pratama' | 'administrator' | 'pengawas' | 'fungsional' | 'pelaksana';
  kelas_jabatan: number;
  opd_id: string;
  unit_id: string | null;
  is_opd_head: Generated<boolean>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface PegawaiTable {
  pemda_id: string;
  id: Generated<string>;
  nip: string | null;
  name: string;
  gelar_depan: string | null;
  gelar_belakang: string | null;
  status: 'PNS' | 'PPPK' | 'NON_ASN';
  golongan: string | null;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  opd_id: string;
  office: string | null;
  active: Generated<boolean>;
  synthetic: Generated<boolean>;
  search_text: Generated<string>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface JabatanHolderTable {
  pemda_id: string;
  id: Generated<string>;
  pegawai_id: string;
  jabatan_id: string;
  kind: Generated<'definitif' | 'plt' | 'plh'>;
  start_date: string;
  end_date: string | null;
  sk_number: string | null;
  created_at: CreatedAt;
}

export interface OrgTables {
  pemda_head: PemdaHeadTable;
  wilayah: WilayahTable;
  opd: OpdTable;
  opd_unit: OpdUnitTable;
  jabatan: JabatanTable;
  pegawai: PegawaiTable;
  jabatan_holder: JabatanHolderTable;
}
