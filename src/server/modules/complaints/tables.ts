import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema';

/** Tables of complaints and IKM (migration 0300). */
export type ComplaintStatus = 'received' | 'verified' | 'in_progress' | 'followed_up' | 'closed' | 'invalid' | 'archived' | 'transferred' | 'merged';
export type ComplaintChannel = 'web' | 'open311' | 'counter';
export type EventKind = 'received' | 'verified' | 'status' | 'reply' | 'note' | 'rerouted' | 'merged' | 'escalated' | 'closed' | 'invalid';
export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
export type DeadlineStage = 'verify' | 'respond' | 'resolve';

export interface ComplaintSlaClassTable {
  pemda_id: string;
  code: string;
  name: string;
  verify_days: number;
  respond_days: number;
  resolve_days: number;
  legal_basis: string;
}

export interface ComplaintServiceTable {
  pemda_id: string;
  code: string;
  name: string;
  description: Generated<string>;
  group_name: string;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  opd_id: string | null;
  territorial: Generated<boolean>;
  sla_class: Generated<string>;
  service_notice: string | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface ComplaintServiceAttributeTable {
  pemda_id: string;
  service_code: string;
  code: string;
  variable: Generated<boolean>;
  datatype: AttributeDatatype;
  required: Generated<boolean>;
  datatype_description: Generated<string>;
  sort_order: Generated<number>;
  description: string;
  values: Json<Array<{ key: string; name: string }>>;
}

export interface Open311ClientTable {
  pemda_id: string;
  id: Generated<string>;
  name: string;
  key_hash: string;
  key_prefix: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ComplaintTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  service_code: string;
  channel: ComplaintChannel;
  client_id: string | null;
  status: Generated<ComplaintStatus>;
  status_notes: string | null;
  description: string;
  attributes: Json<Record<string, string | string[]>>;
  lat: number | null;
  lng: number | null;
  address: string | null;
  address_id: string | null;
  kelurahan_kode: string | null;
  kecamatan_kode: string | null;
  media_url: string | null;
  opd_id: string;
  reporter_name: string | null;
  reporter_contact: string | null;
  reporter_email: string | null;
  device_id: string | null;
  account_id: string | null;
  anonymous: Generated<boolean>;
  received_on: string;
  sla_class: string;
  verify_due: string;
  respond_due: string;
  resolve_due: string;
  verified_at: Timestamp | null;
  first_response_at: Timestamp | null;
  closed_at: Timestamp | null;
  merged_into: string | null;
  escalated_stage: DeadlineStage | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: Generated<Timestamp>;
}

export interface ComplaintEventTable {
  pemda_id: string;
  id: Generated<number>;
  complaint_id: string;
  kind: EventKind;
  public: boolean;
  status: ComplaintStatus;
  body: string | null;
  opd_from: string | null;
  opd_to: string | null;
  actor_user_id: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ComplaintMediaTable {
  pemda_id: string;
  complaint_id: string;
  sha256: string;
  sort_order: Generated<number>;
}

export interface IkmUnitTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  opd_id: string;
  population: number;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface IkmResponseTable {
  pemda_id: string;
  id: Generated<string>;
  unit_id: string;
  answered_on: string;
  u1: number;
  u2: number;
  u3: number;
  u4: number;
  u5: number;
  u6: number;
  u7: number;
  u8: number;
  u9: number;
  sex: 'L' | 'P' | null;
  age_group: string | null;
  education: string | null;
  occupation: string | null;
  complaint_id: string | null;
  suggestion: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ComplaintTables {
  complaint_sla_class: ComplaintSlaClassTable;
  complaint_service: ComplaintServiceTable;
  complaint_service_attribute: ComplaintServiceAttributeTable;
  open311_client: Open311ClientTable;
  complaint: ComplaintTable;
  complaint_event: ComplaintEventTable;
  complaint_media: ComplaintMediaTable;
  ikm_unit: IkmUnitTable;
  ikm_response: IkmResponseTable;
}
