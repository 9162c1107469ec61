-- Merit staffing within the election-period rules (issue 7; BRIEF §4.9: PP 49/2008 art. 132A; UU 10/2016 art. 71(2)).

-- Quota guidance per Pemda and period, e.g. at most 3 eselon II and 15 eselon III/IV proposals (seed 002).
CREATE TABLE stf_quota_rule (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  eselon_group text NOT NULL CHECK (eselon_group IN ('eselon_ii', 'eselon_iii_iv')),
  max_proposals integer NOT NULL CHECK (max_proposals >= 0),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  legal_basis text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  CHECK (valid_to >= valid_from)
);

CREATE TABLE stf_proposal (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('mutasi', 'promosi', 'pelantikan')),
  jabatan_id uuid NOT NULL,
  eselon_group text CHECK (eselon_group IN ('eselon_ii', 'eselon_iii_iv')),
  status text NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dilaksanakan', 'dibatalkan')),
  proposed_on date NOT NULL,
  reason text NOT NULL,
  chosen_pegawai_id uuid,
  decision_note text,
  decided_by uuid,
  decided_on date,
  minister_letter_number text,
  minister_letter_date date,
  minister_letter_sha256 text,
  executed_on date,
  executed_by uuid,
  sk_number text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, number),
  FOREIGN KEY (pemda_id, jabatan_id) REFERENCES jabatan (pemda_id, id),
  FOREIGN KEY (pemda_id, chosen_pegawai_id) REFERENCES pegawai (pemda_id, id),
  FOREIGN KEY (pemda_id, minister_letter_sha256) REFERENCES stored_file (pemda_id, sha256)
);
CREATE INDEX stf_proposal_status_idx ON stf_proposal (pemda_id, status, proposed_on);

-- Candidates with their merit evidence.
CREATE TABLE stf_candidate (
  pemda_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  skp_predikat text NOT NULL CHECK (skp_predikat IN ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
  discipline_note text,
  competency_note text,
  rank integer NOT NULL,
  PRIMARY KEY (pemda_id, proposal_id, pegawai_id),
  FOREIGN KEY (pemda_id, proposal_id) REFERENCES stf_proposal (pemda_id, id) ON DELETE CASCADE,
  FOREIGN KEY (pemda_id, pegawai_id) REFERENCES pegawai (pemda_id, id)
);
