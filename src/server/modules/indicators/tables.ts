import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema';

export type IndicatorKind = 'count' | 'rate' | 'value';
export type Periodicity = 'monthly' | 'quarterly' | 'yearly';
export type IndicatorLevel = 'pemda' | 'kecamatan' | 'kelurahan';
export type Polarity = 'higher_is_worse' | 'higher_is_better' | 'neutral';
export type Approval = 'draft' | 'approved' | 'rejected';
export type Review = 'ok' | 'flagged' | 'accepted' | 'rejected';
export type ValueSource = 'form' | 'file' | 'dhis2' | 'seed';
export type InterventionKind = 'program' | 'bantuan' | 'posyandu' | 'job_fair' | 'pelatihan' | 'lainnya';

export interface IndicatorTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  name_id: string;
  name_en: string;
  definition: string;
  unit: string;
  kind: IndicatorKind;
  factor: Generated<number>;
  numerator_code: string | null;
  denominator_code: string | null;
  numerator_label: string | null;
  denominator_label: string | null;
  periodicity: Periodicity;
  lowest_level: IndicatorLevel;
  producer_opd_id: string;
  source: string;
  method: string;
  polarity: Generated<Polarity>;
  min_value: number | null;
  max_value: number | null;
  due_days: Generated<number>;
  tags: ColumnType<string[], string | undefined, string>;
  approval: Generated<Approval>;
  approval_note: string | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  synthetic: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface IndicatorValueTable {
  pemda_id: string;
  indicator_id: string;
  wilayah_kode: string;
  period: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  review: Generated<Review>;
  review_note: string | null;
  source: ValueSource;
  entered_by: string | null;
  entered_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface IndicatorValueHistoryTable {
  pemda_id: string;
  id: Generated<string>;
  indicator_id: string;
  wilayah_kode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  review: string;
  source: string;
  entered_by: string | null;
  entered_at: Timestamp;
  version: number;
  replaced_at: Generated<Timestamp>;
}

export interface IndexComponent {
  indicatorId: string;
  weight: number;
}

export interface VulnerabilityIndexTable {
  pemda_id: string;
  id: Generated<string>;
  name: string;
  components: Json<IndexComponent[]>;
  priority_count: Generated<number>;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface InterventionTable {
  pemda_id: string;
  id: Generated<string>;
  title: string;
  kind: InterventionKind;
  opd_id: string;
  indicator_id: string | null;
  start_date: string;
  end_date: string;
  budget: number | null;
  sub_kegiatan_code: string | null;
  sub_kegiatan_id: string | null;
  target_group: string;
  target_count: number | null;
  reach_count: number | null;
  synthetic: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface InterventionWilayahTable {
  pemda_id: string;
  intervention_id: string;
  wilayah_kode: string;
}

export interface OpenDatasetTable {
  pemda_id: string;
  id: Generated<string>;
  name: string;
  title: string;
  notes: string;
  indicator_id: string;
  tags: ColumnType<string[], string | undefined, string>;
  license_id: Generated<string>;
  organization_opd_id: string | null;
  status: Generated<'published' | 'withdrawn'>;
  csv_resource_id: Generated<string>;
  json_resource_id: Generated<string>;
  published_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface IndicatorTables {
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  indicator_value_history: IndicatorValueHistoryTable;
  vulnerability_index: VulnerabilityIndexTable;
  intervention: InterventionTable;
  intervention_wilayah: InterventionWilayahTable;
  open_dataset: OpenDatasetTable;
}
