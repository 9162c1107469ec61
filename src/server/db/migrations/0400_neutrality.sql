-- ASN neutrality (issue 7): election calendar, pledge campaigns, confidential reports and cases, sanctions,
-- referral to the external body, two-person reveal of reporter identities. Rules: docs BRIEF §4.3, §4.6, §4.9.
-- pemda_id leads every primary and foreign key.

-- Elections that concern the Pemda (Pemilu, Pilkada, a repeat Pilkada) and their stages.
CREATE TABLE ntr_election (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('pemilu', 'pilkada', 'pilkada_ulang')),
  name text NOT NULL,
  voting_date date NOT NULL,
  -- UU 10/2016 art. 71(2): the staffing freeze runs to the end of the term of the head in office.
  freeze_end date,
  legal_basis text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);

CREATE TABLE ntr_election_stage (
  pemda_id uuid NOT NULL,
  election_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('penetapan_calon', 'kampanye', 'masa_tenang', 'pemungutan', 'penetapan_hasil')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  PRIMARY KEY (pemda_id, election_id, kind),
  FOREIGN KEY (pemda_id, election_id) REFERENCES ntr_election (pemda_id, id) ON DELETE CASCADE,
  CHECK (end_date >= start_date)
);

CREATE TABLE ntr_pledge_campaign (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  election_id uuid,
  title text NOT NULL,
  statement text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, election_id) REFERENCES ntr_election (pemda_id, id),
  CHECK (ends_on >= starts_on)
);

CREATE TABLE ntr_pledge (
  pemda_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now(),
  statement_sha256 text NOT NULL,
  PRIMARY KEY (pemda_id, campaign_id, pegawai_id),
  FOREIGN KEY (pemda_id, campaign_id) REFERENCES ntr_pledge_campaign (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id)
);
CREATE INDEX ntr_pledge_opd_idx ON ntr_pledge (pemda_id, campaign_id, opd_id);

CREATE TABLE ntr_pledge_reminder (
  pemda_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  user_id uuid NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, campaign_id, user_id),
  FOREIGN KEY (pemda_id, campaign_id) REFERENCES ntr_pledge_campaign (pemda_id, id),
  FOREIGN KEY (pemda_id, user_id) REFERENCES app_user (pemda_id, id)
);

-- A report and the case it becomes. The reporter's identity is only ever stored sealed (AES-256-GCM, key file
-- outside the database); the receipt secret only as an argon2id hash.
CREATE TABLE ntr_case (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('publik', 'internal', 'surat', 'telepon', 'bawaslu')),
  anonymous boolean NOT NULL,
  receipt_code text NOT NULL,
  receipt_secret_hash text NOT NULL,
  reporter_sealed text,
  reported_pegawai_id uuid,
  reported_name text,
  reported_opd_id uuid,
  category text NOT NULL,
  occurred_on date NOT NULL,
  place text NOT NULL,
  description text NOT NULL,
  links jsonb NOT NULL DEFAULT '[]',
  election_id uuid,
  stage text NOT NULL DEFAULT 'verifikasi' CHECK (stage IN ('verifikasi', 'investigasi', 'keputusan', 'monitoring', 'selesai', 'ditolak')),
  stage_since timestamptz NOT NULL DEFAULT now(),
  stage_due_on date,
  handler_unit text NOT NULL DEFAULT 'inspektorat' CHECK (handler_unit IN ('inspektorat', 'bkpsdm')),
  track text CHECK (track IN ('etik', 'disiplin')),
  pp94_level text CHECK (pp94_level IN ('ringan', 'sedang', 'berat')),
  recommendation text,
  outcome text CHECK (outcome IN ('terbukti', 'tidak_terbukti')),
  decision_number text,
  decided_on date,
  decided_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, number),
  UNIQUE (pemda_id, receipt_code),
  FOREIGN KEY (pemda_id, reported_pegawai_id) REFERENCES pegawai (pemda_id, id),
  FOREIGN KEY (pemda_id, reported_opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, election_id) REFERENCES ntr_election (pemda_id, id),
  CHECK (reported_pegawai_id IS NOT NULL OR reported_name IS NOT NULL)
);
CREATE INDEX ntr_case_stage_idx ON ntr_case (pemda_id, stage, stage_due_on);

CREATE TABLE ntr_case_file (
  pemda_id uuid NOT NULL,
  case_id uuid NOT NULL,
  sha256 text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, case_id, sha256),
  FOREIGN KEY (pemda_id, case_id) REFERENCES ntr_case (pemda_id, id),
  FOREIGN KEY (pemda_id, sha256) REFERENCES stored_file (pemda_id, sha256)
);

-- The case timeline. `for_reporter` rows are what the reporter sees through the receipt page.
CREATE TABLE ntr_case_event (
  pemda_id uuid NOT NULL,
  case_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('stage', 'note', 'question', 'answer', 'referral', 'reminder')),
  stage text,
  text text,
  actor_user_id uuid,
  for_reporter boolean NOT NULL DEFAULT false,
  -- An answer names the question it answers.
  reply_to uuid,
  PRIMARY KEY (pemda_id, case_id, id),
  FOREIGN KEY (pemda_id, case_id) REFERENCES ntr_case (pemda_id, id)
);

CREATE TABLE ntr_referral (
  pemda_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  body text NOT NULL,
  legal_basis text NOT NULL,
  sent_on date NOT NULL,
  letter_number text NOT NULL,
  reply_on date,
  reply_summary text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, case_id) REFERENCES ntr_case (pemda_id, id)
);

-- The sanction registry of neutrality cases; a discipline sanction is also recorded in the discipline service.
CREATE TABLE ntr_sanction (
  pemda_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  track text NOT NULL CHECK (track IN ('etik', 'disiplin')),
  level text CHECK (level IN ('ringan', 'sedang', 'berat')),
  sanction text NOT NULL,
  decision_number text NOT NULL,
  decided_on date NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  discipline_ref text,
  monitoring_note text,
  status text NOT NULL DEFAULT 'berjalan' CHECK (status IN ('berjalan', 'selesai')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, case_id),
  FOREIGN KEY (pemda_id, case_id) REFERENCES ntr_case (pemda_id, id),
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);

-- Two-person reveal: a handler asks to show the identity to someone, another handler approves, for a while.
CREATE TABLE ntr_reveal (
  pemda_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  requested_by uuid NOT NULL,
  recipient_id uuid NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'diminta' CHECK (status IN ('diminta', 'disetujui', 'ditolak')),
  decided_by uuid,
  decided_at timestamptz,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, case_id) REFERENCES ntr_case (pemda_id, id),
  FOREIGN KEY (pemda_id, requested_by) REFERENCES app_user (pemda_id, id),
  FOREIGN KEY (pemda_id, recipient_id) REFERENCES app_user (pemda_id, id),
  FOREIGN KEY (pemda_id, decided_by) REFERENCES app_user (pemda_id, id),
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);

-- Wrong receipt secrets, to slow down guessing per receipt and per address (the address only as a keyed hash).
CREATE TABLE ntr_receipt_failure (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  receipt_code text NOT NULL,
  ip_hash text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);
CREATE INDEX ntr_receipt_failure_code_idx ON ntr_receipt_failure (pemda_id, receipt_code, at);
CREATE INDEX ntr_receipt_failure_ip_idx ON ntr_receipt_failure (pemda_id, ip_hash, at);

-- Stage-deadline reminders, each sent once per case and stage.
CREATE TABLE ntr_case_reminder (
  pemda_id uuid NOT NULL,
  case_id uuid NOT NULL,
  stage text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, case_id, stage, kind),
  FOREIGN KEY (pemda_id, case_id) REFERENCES ntr_case (pemda_id, id)
);
