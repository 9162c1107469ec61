-- Attendance, discipline and TPP (issue 5). Rules in ../shared/docs/BRIEF.md §4.1–4.4.
-- Every rule table is configuration per Pemda, versioned by validity date with its legal basis (att_rule_set);
-- the national defaults live in src/server/modules/attendance/rules.ts and apply when a Pemda has no row.

CREATE TABLE att_rule_set (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('schedule', 'lateness', 'discipline', 'tpp')),
  -- Only schedules may be per OPD (schools, hospitals, Satpol PP); null = the whole Pemda.
  opd_id uuid,
  valid_from date NOT NULL,
  legal_basis text NOT NULL,
  body jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  CHECK (opd_id IS NULL OR kind = 'schedule')
);
CREATE UNIQUE INDEX att_rule_set_key ON att_rule_set (pemda_id, kind, coalesce(opd_id, '00000000-0000-0000-0000-000000000000'::uuid), valid_from);

-- Shift rosters (hospital, Satpol PP, fire brigade): one shift per pegawai per date; end <= start crosses midnight.
CREATE TABLE att_roster (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  pegawai_id uuid NOT NULL,
  date date NOT NULL,
  shift_name text NOT NULL,
  start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  PRIMARY KEY (pemda_id, pegawai_id, date),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);

-- Office polygons for web check-in (WFO); opd_id null = any pegawai of the Pemda may check in there.
CREATE TABLE att_office (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opd_id uuid,
  name text NOT NULL,
  geometry jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

CREATE TABLE att_device (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('zkteco', 'adms', 'csv', 'web')),
  opd_id uuid,
  serial_number text,
  -- CSV/XLSX sources: which column holds the PIN, the date-time (or date and time), the state.
  column_map jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

CREATE TABLE att_pin_map (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  device_id uuid NOT NULL,
  pin text NOT NULL,
  pegawai_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, device_id, pin),
  FOREIGN KEY (pemda_id, device_id) REFERENCES att_device (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);
CREATE INDEX att_pin_map_pegawai_idx ON att_pin_map (pemda_id, pegawai_id);

CREATE TABLE att_import (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  device_id uuid NOT NULL,
  filename text NOT NULL,
  format text NOT NULL,
  read_lines integer NOT NULL,
  added integer NOT NULL,
  duplicates integer NOT NULL,
  unmapped integer NOT NULL,
  rejected_count integer NOT NULL,
  rejected jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, device_id) REFERENCES att_device (pemda_id, id)
);

-- Presence events. `at` is the wall-clock time of the Pemda's zone (WIB/WITA/WIT), as fingerprint machines record
-- it. The primary key is the idempotency key: importing a file again adds nothing. pegawai_id is derived from
-- att_pin_map (null while the PIN is unmapped; filled when the mapping is added), so it carries no FK of its own.
CREATE TABLE att_event (
  pemda_id uuid NOT NULL,
  device_id uuid NOT NULL,
  pin text NOT NULL,
  at timestamp NOT NULL,
  state smallint,
  verify smallint,
  workcode text,
  pegawai_id uuid,
  import_id uuid,
  mode text,
  lat double precision,
  lng double precision,
  accuracy_m real,
  PRIMARY KEY (pemda_id, device_id, pin, at),
  FOREIGN KEY (pemda_id, device_id) REFERENCES att_device (pemda_id, id)
);
CREATE INDEX att_event_pegawai_idx ON att_event (pemda_id, pegawai_id, at);

CREATE TABLE att_leave (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  kind text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dibatalkan')),
  attachment_sha256 text,
  requested_by uuid,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id),
  CHECK (end_date >= start_date)
);
CREATE INDEX att_leave_pegawai_idx ON att_leave (pemda_id, pegawai_id, start_date);
CREATE INDEX att_leave_opd_idx ON att_leave (pemda_id, opd_id, status);

-- The daily status of every pegawai (derived; recomputed when events, schedules, rosters, holidays or leave change).
CREATE TABLE att_day (
  pemda_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  date date NOT NULL,
  opd_id uuid NOT NULL,
  status text NOT NULL,
  scheduled boolean NOT NULL,
  sched_start text,
  sched_end text,
  check_in text,
  check_out text,
  late_minutes integer NOT NULL DEFAULT 0,
  early_minutes integer NOT NULL DEFAULT 0,
  tl smallint NOT NULL DEFAULT 0,
  psw smallint NOT NULL DEFAULT 0,
  cut_percent numeric(7, 2) NOT NULL DEFAULT 0,
  reason text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, pegawai_id, date),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);
CREATE INDEX att_day_opd_idx ON att_day (pemda_id, opd_id, date);

-- Days whose inputs changed (late imports, mappings, rosters): the recomputation consumes them.
CREATE TABLE att_dirty (
  pemda_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  date date NOT NULL,
  PRIMARY KEY (pemda_id, pegawai_id, date)
);

-- Discipline cases (PP 94/2021): opened when the yearly ledger crosses a bracket; never a sanction by itself.
CREATE TABLE disc_case (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  year integer NOT NULL,
  bracket text NOT NULL,
  level text NOT NULL CHECK (level IN ('ringan', 'sedang', 'berat')),
  proposed_sanction text NOT NULL,
  days_at_open numeric(8, 2) NOT NULL,
  consecutive_tk integer NOT NULL,
  status text NOT NULL DEFAULT 'panggilan_1' CHECK (status IN ('panggilan_1', 'panggilan_2', 'pemeriksaan', 'diputus', 'ditutup')),
  opened_on date NOT NULL,
  summons1_on date NOT NULL,
  summons2_on date,
  examined_on date,
  bap_notes text,
  decided_sanction text,
  decision_number text,
  decided_on date,
  decided_by uuid,
  appeal_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, pegawai_id, year, bracket),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);
CREATE INDEX disc_case_status_idx ON disc_case (pemda_id, status);

-- Sanction registry: recorded by the discipline service (discipline cases, and later neutrality); TPP reads it.
CREATE TABLE disc_sanction (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  case_id uuid,
  source text NOT NULL,
  sanction text NOT NULL,
  level text NOT NULL,
  tpp_cut_percent numeric(5, 2) NOT NULL DEFAULT 0,
  start_month text NOT NULL CHECK (start_month ~ '^[0-9]{4}-[0-9]{2}$'),
  months integer NOT NULL DEFAULT 0,
  decision_number text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id),
  FOREIGN KEY (pemda_id, case_id) REFERENCES disc_case (pemda_id, id)
);
CREATE INDEX disc_sanction_pegawai_idx ON disc_sanction (pemda_id, pegawai_id);

-- Monthly kinerja (SKP predikat or score), imported from CSV/XLSX.
CREATE TABLE tpp_kinerja (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  pegawai_id uuid NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  predikat text,
  score numeric(5, 2),
  source text NOT NULL,
  PRIMARY KEY (pemda_id, pegawai_id, month),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);

-- The monthly TPP sheet with its breakdown (explained line by line).
CREATE TABLE tpp_sheet (
  pemda_id uuid NOT NULL,
  month text NOT NULL,
  pegawai_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  kelas integer,
  basic numeric(14, 2) NOT NULL,
  kinerja_percent numeric(6, 2) NOT NULL,
  disiplin_percent numeric(6, 2) NOT NULL,
  cut_percent numeric(7, 2) NOT NULL,
  sanction_percent numeric(5, 2) NOT NULL,
  paid numeric(14, 2) NOT NULL,
  breakdown jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, month, pegawai_id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);
CREATE INDEX tpp_sheet_opd_idx ON tpp_sheet (pemda_id, month, opd_id);
