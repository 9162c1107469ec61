-- Platform services shared by every domain module: the working-day calendar, evidence files and notifications.

-- Days off of one Pemda (Perpres 21/2023: Mon-Fri are working days unless declared off). National holidays and
-- cuti bersama are copied per year from assets/calendar/libur-nasional.json (SKB 3 Menteri) on first use, with
-- their basis; the admin adds local days (election days, local holidays) and may remove copied ones.
CREATE TABLE holiday (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'election', 'local')),
  name text NOT NULL,
  source text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);
CREATE UNIQUE INDEX holiday_date_name_key ON holiday (pemda_id, date, name);
CREATE INDEX holiday_date_idx ON holiday (pemda_id, date);

-- Which years were copied from the national list, so a removed national day is not copied back.
CREATE TABLE holiday_year (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  year integer NOT NULL,
  basis text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, year)
);

-- Evidence files: the bytes live on disk under files/<aa>/<bb>/<sha256>; this row says which Pemda holds them.
CREATE TABLE stored_file (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size integer NOT NULL CHECK (size > 0),
  original_name text NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, sha256)
);

-- In-app inbox. Title and body are { id, en }.
CREATE TABLE notification (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  kind text NOT NULL,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  link text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz,
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, user_id) REFERENCES app_user (pemda_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_inbox_idx ON notification (pemda_id, user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (pemda_id, user_id) WHERE read_at IS NULL;

-- Per-user e-mail preference per notification kind (absent = e-mail on).
CREATE TABLE notification_preference (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  user_id uuid NOT NULL,
  kind text NOT NULL,
  email boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, user_id, kind),
  FOREIGN KEY (pemda_id, user_id) REFERENCES app_user (pemda_id, id) ON DELETE CASCADE
);

CREATE INDEX job_queue_kind_ready_idx ON job_queue (kind, run_at) WHERE done_at IS NULL;
