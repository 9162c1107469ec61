-- Public complaints (SP4N-LAPOR!, PermenPANRB 62/2018) over Open311 GeoReport v2, and the satisfaction survey
-- (IKM, PermenPANRB 14/2017). pemda_id leads every primary and foreign key.

-- Deadline classes in working days of the Pemda (BRIEF 4.8: verification 3, first follow-up 5, resolution 60).
CREATE TABLE complaint_sla_class (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,30}$'),
  name text NOT NULL,
  verify_days integer NOT NULL CHECK (verify_days BETWEEN 1 AND 365),
  respond_days integer NOT NULL CHECK (respond_days BETWEEN 1 AND 365),
  resolve_days integer NOT NULL CHECK (resolve_days BETWEEN 1 AND 365),
  legal_basis text NOT NULL,
  PRIMARY KEY (pemda_id, code)
);

-- The service catalogue: each row is also an Open311 service (service_code = code).
CREATE TABLE complaint_service (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  group_name text NOT NULL,
  keywords text[] NOT NULL DEFAULT '{}',
  -- Responsible OPD; territorial services go to the kelurahan (or kecamatan) office of the location instead.
  opd_id uuid,
  territorial boolean NOT NULL DEFAULT false,
  sla_class text NOT NULL DEFAULT 'standar',
  service_notice text,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, code),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, sla_class) REFERENCES complaint_sla_class (pemda_id, code),
  CHECK (territorial OR opd_id IS NOT NULL)
);

-- Open311 service definition attributes.
CREATE TABLE complaint_service_attribute (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  service_code text NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  variable boolean NOT NULL DEFAULT true,
  datatype text NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required boolean NOT NULL DEFAULT false,
  datatype_description text NOT NULL DEFAULT '',
  sort_order integer NOT NULL DEFAULT 1,
  description text NOT NULL,
  "values" jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (pemda_id, service_code, code),
  FOREIGN KEY (pemda_id, service_code) REFERENCES complaint_service (pemda_id, code)
);

-- Client applications of the Open311 API; only the SHA-256 of the key is stored.
CREATE TABLE open311_client (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  key_prefix text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);

CREATE TABLE complaint (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Public tracking code and Open311 service_request_id.
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{6,20}$'),
  service_code text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web', 'open311', 'counter')),
  client_id uuid,
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'verified', 'in_progress', 'followed_up', 'closed', 'invalid', 'archived', 'transferred', 'merged')),
  status_notes text,
  description text NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}',
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  address text,
  address_id text,
  kelurahan_kode text,
  kecamatan_kode text,
  media_url text,
  opd_id uuid NOT NULL,
  -- Personal data (UU PDP 27/2022): never logged, never in public responses.
  reporter_name text,
  reporter_contact text,
  reporter_email text,
  device_id text,
  account_id text,
  anonymous boolean NOT NULL DEFAULT false,
  received_on date NOT NULL,
  sla_class text NOT NULL,
  verify_due date NOT NULL,
  respond_due date NOT NULL,
  resolve_due date NOT NULL,
  verified_at timestamptz,
  first_response_at timestamptz,
  closed_at timestamptz,
  merged_into uuid,
  escalated_stage text CHECK (escalated_stage IN ('verify', 'respond', 'resolve')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, service_code) REFERENCES complaint_service (pemda_id, code),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, client_id) REFERENCES open311_client (pemda_id, id),
  FOREIGN KEY (pemda_id, kelurahan_kode) REFERENCES wilayah (pemda_id, kode),
  FOREIGN KEY (pemda_id, kecamatan_kode) REFERENCES wilayah (pemda_id, kode),
  FOREIGN KEY (pemda_id, merged_into) REFERENCES complaint (pemda_id, id)
);
CREATE INDEX complaint_code_idx ON complaint (code);
CREATE INDEX complaint_queue_idx ON complaint (pemda_id, opd_id, status, created_at DESC);
CREATE INDEX complaint_created_idx ON complaint (pemda_id, created_at DESC);
CREATE INDEX complaint_updated_idx ON complaint (pemda_id, updated_at);
CREATE INDEX complaint_near_idx ON complaint (pemda_id, service_code, lat, lng);

-- The timeline: status changes, public replies, internal notes, re-routing, merges, escalations.
CREATE TABLE complaint_event (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  complaint_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('received', 'verified', 'status', 'reply', 'note', 'rerouted', 'merged', 'escalated', 'closed', 'invalid')),
  public boolean NOT NULL,
  status text NOT NULL,
  body text,
  opd_from uuid,
  opd_to uuid,
  actor_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, complaint_id) REFERENCES complaint (pemda_id, id)
);
CREATE INDEX complaint_event_complaint_idx ON complaint_event (pemda_id, complaint_id, id);
CREATE INDEX complaint_event_time_idx ON complaint_event (pemda_id, created_at);

CREATE TABLE complaint_media (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  complaint_id uuid NOT NULL,
  sha256 text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (pemda_id, complaint_id, sha256),
  FOREIGN KEY (pemda_id, complaint_id) REFERENCES complaint (pemda_id, id),
  FOREIGN KEY (pemda_id, sha256) REFERENCES stored_file (pemda_id, sha256)
);

-- IKM service units (PermenPANRB 14/2017): a counter, a puskesmas, an office; population = yearly service users (N).
CREATE TABLE ikm_unit (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  name text NOT NULL,
  opd_id uuid NOT NULL,
  population integer NOT NULL CHECK (population > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

CREATE TABLE ikm_response (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  answered_on date NOT NULL,
  u1 smallint NOT NULL CHECK (u1 BETWEEN 1 AND 4),
  u2 smallint NOT NULL CHECK (u2 BETWEEN 1 AND 4),
  u3 smallint NOT NULL CHECK (u3 BETWEEN 1 AND 4),
  u4 smallint NOT NULL CHECK (u4 BETWEEN 1 AND 4),
  u5 smallint NOT NULL CHECK (u5 BETWEEN 1 AND 4),
  u6 smallint NOT NULL CHECK (u6 BETWEEN 1 AND 4),
  u7 smallint NOT NULL CHECK (u7 BETWEEN 1 AND 4),
  u8 smallint NOT NULL CHECK (u8 BETWEEN 1 AND 4),
  u9 smallint NOT NULL CHECK (u9 BETWEEN 1 AND 4),
  sex text CHECK (sex IN ('L', 'P')),
  age_group text CHECK (age_group IN ('<20', '20-29', '30-39', '40-49', '50+')),
  education text CHECK (education IN ('sd', 'smp', 'sma', 'd3', 's1', 's2')),
  occupation text CHECK (occupation IN ('pns', 'swasta', 'wirausaha', 'pelajar', 'lainnya')),
  complaint_id uuid,
  suggestion text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, unit_id) REFERENCES ikm_unit (pemda_id, id),
  FOREIGN KEY (pemda_id, complaint_id) REFERENCES complaint (pemda_id, id)
);
CREATE INDEX ikm_response_unit_idx ON ikm_response (pemda_id, unit_id, answered_on);
