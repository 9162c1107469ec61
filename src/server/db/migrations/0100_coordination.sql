-- Coordination: meetings, signed directives, follow-ups per OPD, OPD periodic reports, silent-OPD notices.

-- Ed25519 keys of a Pemda. One is active; retired keys keep their public half so old signatures still verify.
-- private_key_sealed is AES-GCM sealed with the server key (SecretBox); null when the private half was destroyed.
CREATE TABLE coord_signing_key (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id text NOT NULL,
  public_key text NOT NULL,
  private_key_sealed text,
  active boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  note text,
  PRIMARY KEY (pemda_id, id)
);
CREATE UNIQUE INDEX coord_signing_key_active_key ON coord_signing_key (pemda_id) WHERE active;

CREATE TABLE coord_meeting (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('rakor', 'apel', 'coffee_morning', 'dprd', 'lainnya')),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  place text NOT NULL,
  chair_name text NOT NULL,
  chair_user_id uuid,
  agenda text NOT NULL DEFAULT '',
  minutes text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);
CREATE INDEX coord_meeting_starts_idx ON coord_meeting (pemda_id, starts_at DESC);

-- Attendance of each invited OPD (its head, or who represented them).
CREATE TABLE coord_meeting_invite (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  meeting_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  attendance text NOT NULL DEFAULT 'unknown' CHECK (attendance IN ('unknown', 'present', 'represented', 'absent')),
  represented_by text,
  absence_reason text,
  recorded_at timestamptz,
  PRIMARY KEY (pemda_id, meeting_id, opd_id),
  FOREIGN KEY (pemda_id, meeting_id) REFERENCES coord_meeting (pemda_id, id) ON DELETE CASCADE,
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);
CREATE INDEX coord_meeting_invite_opd_idx ON coord_meeting_invite (pemda_id, opd_id);

-- One QR check-in per person and meeting.
CREATE TABLE coord_meeting_checkin (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  meeting_id uuid NOT NULL,
  user_id uuid NOT NULL,
  opd_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, meeting_id, user_id),
  FOREIGN KEY (pemda_id, meeting_id) REFERENCES coord_meeting (pemda_id, id) ON DELETE CASCADE,
  FOREIGN KEY (pemda_id, user_id) REFERENCES app_user (pemda_id, id)
);

-- Directives are immutable once issued (no UPDATE path in the code): a correction is a new row that supersedes.
-- assigned_opds is the snapshot [{id, code, name}] that was signed, so renaming an OPD never breaks a signature.
CREATE TABLE coord_directive (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  number text NOT NULL,
  meeting_id uuid,
  issuer_user_id uuid,
  issuer_name text NOT NULL,
  issuer_role text NOT NULL,
  delegation_id uuid,
  issued_at timestamptz NOT NULL,
  text text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  priority text NOT NULL CHECK (priority IN ('biasa', 'penting', 'segera')),
  due_date date NOT NULL,
  target text NOT NULL CHECK (target IN ('opds', 'all', 'all_kecamatan', 'all_kelurahan')),
  assigned_opds jsonb NOT NULL,
  supersedes_id uuid,
  supersedes_number text,
  content_hash text NOT NULL,
  signature text NOT NULL,
  key_id text NOT NULL,
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, meeting_id) REFERENCES coord_meeting (pemda_id, id),
  FOREIGN KEY (pemda_id, supersedes_id) REFERENCES coord_directive (pemda_id, id),
  FOREIGN KEY (pemda_id, key_id) REFERENCES coord_signing_key (pemda_id, id)
);
CREATE UNIQUE INDEX coord_directive_code_key ON coord_directive (pemda_id, code);
CREATE UNIQUE INDEX coord_directive_number_key ON coord_directive (pemda_id, number);
CREATE UNIQUE INDEX coord_directive_supersedes_key ON coord_directive (pemda_id, supersedes_id) WHERE supersedes_id IS NOT NULL;
CREATE INDEX coord_directive_issued_idx ON coord_directive (pemda_id, issued_at DESC);
CREATE INDEX coord_directive_meeting_idx ON coord_directive (pemda_id, meeting_id) WHERE meeting_id IS NOT NULL;

-- The follow-up state of one directive at one OPD.
-- belum -> proses -> selesai (reported done) -> diterima (accepted by the issuer), or back to proses when returned;
-- terkendala = blocked by an obstacle that needs the leader's decision; dibatalkan = superseded.
CREATE TABLE coord_assignment (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  directive_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai', 'terkendala', 'diterima', 'dibatalkan')),
  due_date date NOT NULL,
  issued_on date NOT NULL,
  first_activity_at timestamptz,
  last_activity_at timestamptz,
  completed_on date,
  accepted_at timestamptz,
  obstacle text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, directive_id, opd_id),
  FOREIGN KEY (pemda_id, directive_id) REFERENCES coord_directive (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);
-- Open work (not accepted, not cancelled): positive IN list so the planner proves `status IN (...)` queries use it.
CREATE INDEX coord_assignment_open_idx ON coord_assignment (pemda_id, due_date) WHERE status IN ('belum', 'proses', 'selesai', 'terkendala');
CREATE INDEX coord_assignment_opd_idx ON coord_assignment (pemda_id, opd_id, due_date);

-- Full history: every report, status change, acceptance or return is a row; nothing is updated or deleted.
CREATE TABLE coord_followup (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  directive_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('progress', 'accepted', 'returned', 'decision')),
  status_to text NOT NULL,
  note text NOT NULL,
  obstacle text,
  internal boolean NOT NULL DEFAULT false,
  author_user_id uuid,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, directive_id, opd_id) REFERENCES coord_assignment (pemda_id, directive_id, opd_id)
);
CREATE INDEX coord_followup_assignment_idx ON coord_followup (pemda_id, directive_id, opd_id, created_at);
CREATE INDEX coord_followup_opd_idx ON coord_followup (pemda_id, opd_id, created_at DESC);

CREATE TABLE coord_followup_file (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  followup_id uuid NOT NULL,
  sha256 text NOT NULL,
  PRIMARY KEY (pemda_id, followup_id, sha256),
  FOREIGN KEY (pemda_id, followup_id) REFERENCES coord_followup (pemda_id, id),
  FOREIGN KEY (pemda_id, sha256) REFERENCES stored_file (pemda_id, sha256)
);

-- OPD periodic report (weekly by default): achievements, problems, needs.
CREATE TABLE coord_report (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opd_id uuid NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  due_date date NOT NULL,
  achievements text NOT NULL,
  problems text NOT NULL DEFAULT '',
  needs text NOT NULL DEFAULT '',
  submitted_by uuid,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  late boolean NOT NULL,
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);
CREATE UNIQUE INDEX coord_report_period_key ON coord_report (pemda_id, opd_id, period_start);
CREATE INDEX coord_report_submitted_idx ON coord_report (pemda_id, opd_id, submitted_at DESC);

-- A recorded delegation of the power to issue directives (kepala daerah or sekda to a named official).
CREATE TABLE coord_delegation (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  delegate_user_id uuid NOT NULL,
  granted_by_user_id uuid NOT NULL,
  granted_by_role text NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  basis text NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, delegate_user_id) REFERENCES app_user (pemda_id, id),
  FOREIGN KEY (pemda_id, granted_by_user_id) REFERENCES app_user (pemda_id, id),
  CHECK (valid_until >= valid_from)
);
CREATE INDEX coord_delegation_delegate_idx ON coord_delegation (pemda_id, delegate_user_id);

-- The head of a silent OPD is notified once per silence spell (spell_start = the last activity before it).
CREATE TABLE coord_silence_notice (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  opd_id uuid NOT NULL,
  spell_start timestamptz NOT NULL,
  notified_at timestamptz NOT NULL DEFAULT now(),
  days_silent integer NOT NULL,
  PRIMARY KEY (pemda_id, opd_id, spell_start),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);

-- Reminders already sent (due soon, overdue), so the scheduled job sends each once.
CREATE TABLE coord_reminder (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  directive_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, directive_id, opd_id, kind),
  FOREIGN KEY (pemda_id, directive_id, opd_id) REFERENCES coord_assignment (pemda_id, directive_id, opd_id)
);
