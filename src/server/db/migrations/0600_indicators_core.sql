-- Indicators by wilayah (Satu Data Indonesia, Perpres 39/2019), their values with history, the vulnerability
-- index, interventions and published open datasets. Every tenant table leads its keys with pemda_id.

-- The indicator catalogue: Satu Data metadata (definition, unit, periodicity, producing OPD = produsen data,
-- the walidata's approval, source, method, lowest wilayah level) and, for derived indicators, the DHIS2-style
-- formula numerator / denominator x factor with the data element codes of numerator and denominator.
CREATE TABLE indicator (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9_.-]{2,40}$'),
  name_id text NOT NULL,
  name_en text NOT NULL,
  definition text NOT NULL,
  unit text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('count', 'rate', 'value')),
  factor numeric NOT NULL DEFAULT 1 CHECK (factor > 0),
  numerator_code text,
  denominator_code text,
  numerator_label text,
  denominator_label text,
  periodicity text NOT NULL CHECK (periodicity IN ('monthly', 'quarterly', 'yearly')),
  lowest_level text NOT NULL CHECK (lowest_level IN ('pemda', 'kecamatan', 'kelurahan')),
  producer_opd_id uuid NOT NULL,
  source text NOT NULL,
  method text NOT NULL,
  polarity text NOT NULL DEFAULT 'higher_is_worse' CHECK (polarity IN ('higher_is_worse', 'higher_is_better', 'neutral')),
  min_value numeric,
  max_value numeric,
  due_days integer NOT NULL DEFAULT 30 CHECK (due_days BETWEEN 0 AND 366),
  tags jsonb NOT NULL DEFAULT '[]',
  approval text NOT NULL DEFAULT 'draft' CHECK (approval IN ('draft', 'approved', 'rejected')),
  approval_note text,
  approved_by uuid,
  approved_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  UNIQUE (pemda_id, code),
  FOREIGN KEY (pemda_id, producer_opd_id) REFERENCES opd (pemda_id, id),
  CHECK (kind <> 'rate' OR (numerator_code IS NOT NULL AND denominator_code IS NOT NULL)),
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);
CREATE INDEX indicator_producer_idx ON indicator (pemda_id, producer_opd_id);

-- One value per indicator, wilayah and period. period is canonical ('2024-01', '2024-Q1', '2024'); its start
-- and end dates order it and decide when it is due. For a rate, value = numerator / denominator x factor.
CREATE TABLE indicator_value (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  indicator_id uuid NOT NULL,
  wilayah_kode text NOT NULL,
  period text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  value numeric,
  numerator numeric,
  denominator numeric,
  review text NOT NULL DEFAULT 'ok' CHECK (review IN ('ok', 'flagged', 'accepted', 'rejected')),
  review_note text,
  source text NOT NULL CHECK (source IN ('form', 'file', 'dhis2', 'seed')),
  entered_by uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (pemda_id, indicator_id, wilayah_kode, period),
  FOREIGN KEY (pemda_id, indicator_id) REFERENCES indicator (pemda_id, id),
  FOREIGN KEY (pemda_id, wilayah_kode) REFERENCES wilayah (pemda_id, kode)
);
-- The choropleth reads one indicator and one period over every wilayah.
CREATE INDEX indicator_value_period_idx ON indicator_value (pemda_id, indicator_id, period) INCLUDE (wilayah_kode, value, numerator, denominator, review);
-- Periods of an indicator newest first, walked one index probe per period (see periodsOf).
CREATE INDEX indicator_value_start_idx ON indicator_value (pemda_id, indicator_id, period_start DESC) INCLUDE (period);
CREATE INDEX indicator_value_flagged_idx ON indicator_value (pemda_id, indicator_id) WHERE review = 'flagged';

-- Earlier versions of a value: every change copies the row it replaces here first.
CREATE TABLE indicator_value_history (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL,
  wilayah_kode text NOT NULL,
  period text NOT NULL,
  value numeric,
  numerator numeric,
  denominator numeric,
  review text NOT NULL,
  source text NOT NULL,
  entered_by uuid,
  entered_at timestamptz NOT NULL,
  version integer NOT NULL,
  replaced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, indicator_id) REFERENCES indicator (pemda_id, id)
);
CREATE INDEX indicator_value_history_key_idx ON indicator_value_history (pemda_id, indicator_id, wilayah_kode, period);

-- A vulnerability index: a weighted combination of normalised indicators (components: [{indicatorId, weight}]).
CREATE TABLE vulnerability_index (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  components jsonb NOT NULL,
  priority_count integer NOT NULL DEFAULT 10 CHECK (priority_count BETWEEN 1 AND 500),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id)
);
CREATE UNIQUE INDEX vulnerability_index_default_key ON vulnerability_index (pemda_id) WHERE is_default;

-- An intervention: programme activity, aid distribution, posyandu session, job fair ... in some kelurahan.
-- sub_kegiatan_code is the national nomenclature code (Kepmendagri 050-5889/2021) that the budget module keys on.
CREATE TABLE intervention (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('program', 'bantuan', 'posyandu', 'job_fair', 'pelatihan', 'lainnya')),
  opd_id uuid NOT NULL,
  indicator_id uuid,
  start_date date NOT NULL,
  end_date date NOT NULL,
  budget numeric CHECK (budget IS NULL OR budget >= 0),
  sub_kegiatan_code text,
  target_group text NOT NULL,
  target_count integer CHECK (target_count IS NULL OR target_count >= 0),
  reach_count integer CHECK (reach_count IS NULL OR reach_count >= 0),
  synthetic boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, opd_id) REFERENCES opd (pemda_id, id),
  FOREIGN KEY (pemda_id, indicator_id) REFERENCES indicator (pemda_id, id),
  CHECK (end_date >= start_date)
);

CREATE TABLE intervention_wilayah (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  intervention_id uuid NOT NULL,
  wilayah_kode text NOT NULL,
  PRIMARY KEY (pemda_id, intervention_id, wilayah_kode),
  FOREIGN KEY (pemda_id, intervention_id) REFERENCES intervention (pemda_id, id) ON DELETE CASCADE,
  FOREIGN KEY (pemda_id, wilayah_kode) REFERENCES wilayah (pemda_id, kode)
);
CREATE INDEX intervention_wilayah_kode_idx ON intervention_wilayah (pemda_id, wilayah_kode);

-- Datasets published by the walidata: an indicator's values with its metadata, read through the CKAN-compatible
-- API and the DCAT catalogue. The CKAN API is one namespace across Pemdas, so names carry the Pemda code and are
-- unique platform-wide.
CREATE TABLE open_dataset (
  pemda_id uuid NOT NULL REFERENCES pemda (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title text NOT NULL,
  notes text NOT NULL,
  indicator_id uuid NOT NULL,
  tags jsonb NOT NULL DEFAULT '[]',
  license_id text NOT NULL DEFAULT 'cc-by-4.0',
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
  csv_resource_id uuid NOT NULL DEFAULT gen_random_uuid(),
  json_resource_id uuid NOT NULL DEFAULT gen_random_uuid(),
  published_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemda_id, id),
  FOREIGN KEY (pemda_id, indicator_id) REFERENCES indicator (pemda_id, id)
);
CREATE UNIQUE INDEX open_dataset_name_key ON open_dataset (name);
CREATE UNIQUE INDEX open_dataset_csv_resource_key ON open_dataset (csv_resource_id);
CREATE UNIQUE INDEX open_dataset_json_resource_key ON open_dataset (json_resource_id);
