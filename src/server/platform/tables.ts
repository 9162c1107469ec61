import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../db/schema';

export interface PemdaTable {
  id: Generated<string>;
  kode_wilayah: string;
  name: string;
  kind: 'kota' | 'kabupaten';
  province_name: string;
  timezone: Generated<string>;
  synthetic: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface PemdaSettingTable {
  pemda_id: string;
  key: string;
  value: Json;
  updated_at: Generated<Timestamp>;
}

export interface AuditLogTable {
  pemda_id: string;
  seq: number;
  at: Timestamp;
  actor_kind: 'user' | 'platform' | 'system' | 'public';
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  diff: Json<Record<string, unknown>>;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  pemda_id: string;
  seq: number;
  hash: string;
}

export interface ScheduledJobTable {
  name: string;
  next_run_at: Timestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_status: string | null;
  last_error: string | null;
  run_count: Generated<number>;
}

export interface JobQueueTable {
  id: Generated<number>;
  kind: string;
  pemda_id: string | null;
  payload: Json<Record<string, unknown>>;
  run_at: Generated<Timestamp>;
  attempts: Generated<number>;
  locked_at: Timestamp | null;
  locked_by: string | null;
  done_at: Timestamp | null;
  error: string | null;
}

export interface PlatformTables {
  pemda: PemdaTable;
  pemda_setting: PemdaSettingTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  scheduled_job: ScheduledJobTable;
  job_queue: JobQueueTable;
}
