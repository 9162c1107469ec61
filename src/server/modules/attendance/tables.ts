import type { Generated } from 'kysely';
import type { CreatedAt, Json, JsonNullable, Timestamp } from '../../db/schema';

/** Tables of attendance, discipline and TPP (migration 0200_attendance.sql). */
export type RuleKind = 'schedule' | 'lateness' | 'discipline' | 'tpp';

export interface AttRuleSetTable {
  pemda_id: string;
  id: Generated<string>;
  kind: RuleKind;
  opd_id: string | null;
  valid_from: string;
  legal_basis: string;
  body: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AttRosterTable {
  pemda_id: string;
  pegawai_id: string;
  date: string;
  shift_name: string;
  start_time: string;
  end_time: string;
}

export interface AttOfficeTable {
  pemda_id: string;
  id: Generated<string>;
  opd_id: string | null;
  name: string;
  geometry: Json<unknown>;
  created_at: CreatedAt;
}

export type DeviceKind = 'zkteco' | 'adms' | 'csv' | 'web';

export interface AttDeviceTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  kind: DeviceKind;
  opd_id: string | null;
  serial_number: string | null;
  column_map: JsonNullable<Record<string, string>>;
  created_at: CreatedAt;
}

export interface AttPinMapTable {
  pemda_id: string;
  device_id: string;
  pin: string;
  pegawai_id: string;
  created_at: CreatedAt;
}

export interface AttImportTable {
  pemda_id: string;
  id: Generated<string>;
  device_id: string;
  filename: string;
  format: string;
  read_lines: number;
  added: number;
  duplicates: number;
  unmapped: number;
  rejected_count: number;
  rejected: Json<Array<{ line: number; reason: { id: string; en: string } }>>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AttEventTable {
  pemda_id: string;
  device_id: string;
  pin: string;
  /** Wall-clock time in the Pemda's zone (timestamp without time zone). */
  at: string;
  state: number | null;
  verify: number | null;
  workcode: string | null;
  pegawai_id: string | null;
  import_id: string | null;
  mode: string | null;
  lat: number | null;
  lng: number | null;
  accuracy_m: number | null;
}

export interface AttLeaveTable {
  pemda_id: string;
  id: Generated<string>;
  pegawai_id: string;
  opd_id: string;
  kind: string;
  start_date: string;
  end_date: string;
  reason: string;
  status: Generated<'diajukan' | 'disetujui' | 'ditolak' | 'dibatalkan'>;
  attachment_sha256: string | null;
  requested_by: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: CreatedAt;
}

export interface AttDayTable {
  pemda_id: string;
  pegawai_id: string;
  date: string;
  opd_id: string;
  status: string;
  scheduled: boolean;
  sched_start: string | null;
  sched_end: string | null;
  check_in: string | null;
  check_out: string | null;
  late_minutes: number;
  early_minutes: number;
  tl: number;
  psw: number;
  cut_percent: number;
  reason: string;
  computed_at: Generated<Timestamp>;
}

export interface AttDirtyTable {
  pemda_id: string;
  pegawai_id: string;
  date: string;
}

export type CaseStatus = 'panggilan_1' | 'panggilan_2' | 'pemeriksaan' | 'diputus' | 'ditutup';

export interface DiscCaseTable {
  pemda_id: string;
  id: Generated<string>;
  pegawai_id: string;
  opd_id: string;
  year: number;
  bracket: string;
  level: 'ringan' | 'sedang' | 'berat';
  proposed_sanction: string;
  days_at_open: number;
  consecutive_tk: number;
  status: Generated<CaseStatus>;
  opened_on: string;
  summons1_on: string;
  summons2_on: string | null;
  examined_on: string | null;
  bap_notes: string | null;
  decided_sanction: string | null;
  decision_number: string | null;
  decided_on: string | null;
  decided_by: string | null;
  appeal_until: string | null;
  created_at: CreatedAt;
}

export interface DiscSanctionTable {
  pemda_id: string;
  id: Generated<string>;
  pegawai_id: string;
  case_id: string | null;
  source: string;
  sanction: string;
  level: string;
  tpp_cut_percent: number;
  start_month: string;
  months: number;
  decision_number: string;
  created_at: CreatedAt;
}

export interface TppKinerjaTable {
  pemda_id: string;
  pegawai_id: string;
  month: string;
  predikat: string | null;
  score: number | null;
  source: string;
}

export interface TppSheetTable {
  pemda_id: string;
  month: string;
  pegawai_id: string;
  opd_id: string;
  kelas: number | null;
  basic: number;
  kinerja_percent: number;
  disiplin_percent: number;
  cut_percent: number;
  sanction_percent: number;
  paid: number;
  breakdown: Json<unknown>;
  computed_at: Generated<Timestamp>;
}

export interface AttendanceTables {
  att_rule_set: AttRuleSetTable;
  att_roster: AttRosterTable;
  att_office: AttOfficeTable;
  att_device: AttDeviceTable;
  att_pin_map: AttPinMapTable;
  att_import: AttImportTable;
  att_event: AttEventTable;
  att_leave: AttLeaveTable;
  att_day: AttDayTable;
  att_dirty: AttDirtyTable;
  disc_case: DiscCaseTable;
  disc_sanction: DiscSanctionTable;
  tpp_kinerja: TppKinerjaTable;
  tpp_sheet: TppSheetTable;
}
