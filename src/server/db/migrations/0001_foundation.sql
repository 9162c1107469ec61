-- Foundation: tenants, organisation, accounts, audit, jobs.
-- Every tenant table leads its primary key and its foreign keys with pemda_id so the schema can be distributed
-- by Pemda (Citus) without change. Global tables (pemda, platform_*, job tables) are listed in
-- src/server/db/global-tables.ts and checked by the schema test.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE pemda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode_wilayah text NOT NULL UNIQUE CHECK (kode_wilayah ~ '^[0-9]{2}\.[0-9]{2}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kota', 'kabupaten')),
  province_name text NOT NULL,
  timezone text NOT NULL DEFAULT 'Asia/Jakarta',
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The regional head: elected (definitif) or acting (pj, plt, plh), with term and legal basis.
CREATE TABLE pemda_head (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('definitif', 'pj', 'plt', 'plh')),
  term_start date NOT NULL,
  term_end date,
  legal_basis text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);

CREATE TABLE pemda_setting (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, key)
);

-- The Pemda itself (level 'pemda'), its kecamatan and its kelurahan/desa, with boundaries as GeoJSON geometry.
CREATE TABLE wilayah (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  kode text NOT NULL,
  level text NOT NULL CHECK (level IN ('pemda', 'kecamatan', 'kelurahan', 'desa')),
  name text NOT NULL,
  parent_kode text,
  geometry jsonb,
  centroid_lng double precision,
  centroid_lat double precision,
  PRIMARY KEY (pemda_id, kode),
  FOREIGN KEY (pemda_id, parent_kode) REFERENCES wilayah (pemda_id, kode)
);

CREATE TABLE opd (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name text NOT NULL,
  short_name text,
  kind text NOT NULL,
  parent_id uuid,
  wilayah_kode text,
  address text,
  sort_order integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, parent_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, wilayah_kode) REFERENCES wilayah (pemda_id, kode)
);

-- Units inside an OPD (bidang, bagian, seksi, subbagian, UPTD ...), a tree.
CREATE TABLE opd_unit (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opd_id uuid NOT NULL,
  parent_id uuid,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, parent_id) REFERENCES opd_unit (pemda_id, id)
);

CREATE TABLE jabatan (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana')),
  kelas_jabatan integer NOT NULL CHECK (kelas_jabatan BETWEEN 1 AND 17),
  opd_id uuid NOT NULL,
  unit_id uuid,
  is_opd_head boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, unit_id) REFERENCES opd_unit (pemda_id, id)
);
CREATE INDEX jabatan_opd_idx ON jabatan (pemda_id, opd_id);

CREATE TABLE pegawai (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  nip text CHECK (nip ~ '^[0-9]{18}$'),
  name text NOT NULL,
  gelar_depan text,
  gelar_belakang text,
  status text NOT NULL CHECK (status IN ('PNS', 'PPPK', 'NON_ASN')),
  golongan text,
  sex text CHECK (sex IN ('L', 'P')),
  birth_date date,
  phone text,
  email text,
  opd_id uuid NOT NULL,
  office text,
  active boolean NOT NULL DEFAULT true,
  synthetic boolean NOT NULL DEFAULT false,
  search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(nip, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  CHECK (status = 'NON_ASN' OR nip IS NOT NULL)
);
CREATE UNIQUE INDEX pegawai_nip_key ON pegawai (pemda_id, nip);
CREATE INDEX pegawai_opd_idx ON pegawai (pemda_id, opd_id);
CREATE INDEX pegawai_search_trgm ON pegawai USING gin (search_text gin_trgm_ops);
CREATE INDEX pegawai_name_idx ON pegawai (pemda_id, name, id);

-- Who held which position when. An open row (end_date null) is the active holder; a position without one is vacant.
CREATE TABLE jabatan_holder (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  jabatan_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'definitif' CHECK (kind IN ('definitif', 'plt', 'plh')),
  start_date date NOT NULL,
  end_date date,
  sk_number text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id),
  FOREIGN KEY (pemda_id, jabatan_id) REFERENCES jabatan (pemda_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX jabatan_holder_active_key ON jabatan_holder (pemda_id, jabatan_id)
  WHERE end_date IS NULL AND kind = 'definitif';
CREATE INDEX jabatan_holder_pegawai_idx ON jabatan_holder (pemda_id, pegawai_id);

CREATE TABLE app_user (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  opd_id uuid,
  pegawai_id uuid,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (pemda_id, lower(email));
CREATE INDEX app_user_email_lookup ON app_user (lower(email));

-- Sessions live in the database so several server processes share them. id is the SHA-256 of the cookie token.
CREATE TABLE user_session (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id text NOT NULL,
  user_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('full', 'totp_enroll', 'password_change')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, user_id) REFERENCES app_user (pemda_id, id) ON DELETE CASCADE
);

CREATE TABLE platform_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX platform_user_email_key ON platform_user (lower(email));

CREATE TABLE platform_session (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES platform_user (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('full', 'totp_enroll', 'password_change')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

-- Audit trail: one hash chain per Pemda. audit_head holds the tip so writers serialise on one row per Pemda.
CREATE TABLE audit_log (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'platform', 'system', 'public')),
  actor_id uuid,
  actor_role text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  diff jsonb NOT NULL,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (pemda_id, seq)
);
CREATE INDEX audit_log_entity_idx ON audit_log (pemda_id, entity_type, entity_id);

CREATE TABLE audit_head (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (pemda_id)
);

-- Scheduled jobs: a run is claimed by an atomic UPDATE of next_run_at, so several processes never run one twice.
CREATE TABLE scheduled_job (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text,
  last_error text,
  run_count bigint NOT NULL DEFAULT 0
);

-- Background jobs claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE job_queue (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  pemda_id uuid,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  locked_at timestamptz,
  locked_by text,
  done_at timestamptz,
  error text
);
CREATE INDEX job_queue_ready_idx ON job_queue (run_at) WHERE done_at IS NULL;
