import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../db/schema';

/** Tables of the shared platform services: calendar, files, notifications (migration 0010). */
export type HolidayKind = 'libur_nasional' | 'cuti_bersama' | 'election' | 'local';

export interface HolidayTable {
  pemda_id: string;
  id: Generated<string>;
  date: string;
  kind: HolidayKind;
  name: string;
  source: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface HolidayYearTable {
  pemda_id: string;
  year: number;
  basis: string;
  loaded_at: Generated<Timestamp>;
}

export type StoredMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface StoredFileTable {
  pemda_id: string;
  sha256: string;
  mime: StoredMime;
  size: number;
  original_name: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Timestamp>;
}

export interface NotificationTable {
  pemda_id: string;
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: Json<{ id: string; en: string }>;
  body: Json<{ id: string; en: string }>;
  link: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
}

export interface NotificationPreferenceTable {
  pemda_id: string;
  user_id: string;
  kind: string;
  email: boolean;
  updated_at: Generated<Timestamp>;
}

export interface ServiceTables {
  holiday: HolidayTable;
  holiday_year: HolidayYearTable;
  stored_file: StoredFileTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
}
