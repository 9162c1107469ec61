import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema';

export type MeetingKind = 'rakor' | 'apel' | 'coffee_morning' | 'dprd' | 'lainnya';
export type Attendance = 'unknown' | 'present' | 'represented' | 'absent';
export type Priority = 'biasa' | 'penting' | 'segera';
export type DirectiveTarget = 'opds' | 'all' | 'all_kecamatan' | 'all_kelurahan';
export type AssignmentStatus = 'belum' | 'proses' | 'selesai' | 'terkendala' | 'diterima' | 'dibatalkan';
export type FollowUpKind = 'progress' | 'accepted' | 'returned' | 'decision';

export interface AssignedOpd {
  id: string;
  code: string;
  name: string;
}

export interface CoordSigningKeyTable {
  pemda_id: string;
  id: string;
  public_key: string;
  private_key_sealed: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
  note: string | null;
}

export interface CoordMeetingTable {
  pemda_id: string;
  id: Generated<string>;
  kind: MeetingKind;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  place: string;
  chair_name: string;
  chair_user_id: string | null;
  agenda: Generated<string>;
  minutes: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface CoordMeetingInviteTable {
  pemda_id: string;
  meeting_id: string;
  opd_id: string;
  attendance: Generated<Attendance>;
  represented_by: string | null;
  absence_reason: string | null;
  recorded_at: Timestamp | null;
}

export interface CoordMeetingCheckinTable {
  pemda_id: string;
  meeting_id: string;
  user_id: string;
  opd_id: string | null;
  at: Generated<Timestamp>;
}

export interface CoordDirectiveTable {
  pemda_id: string;
  id: Generated<string>;
  code: string;
  number: string;
  meeting_id: string | null;
  issuer_user_id: string | null;
  issuer_name: string;
  issuer_role: string;
  delegation_id: string | null;
  issued_at: Timestamp;
  text: string;
  tags: string[];
  priority: Priority;
  due_date: string;
  target: DirectiveTarget;
  assigned_opds: Json<AssignedOpd[]>;
  supersedes_id: string | null;
  supersedes_number: string | null;
  content_hash: string;
  signature: string;
  key_id: string;
}

export interface CoordAssignmentTable {
  pemda_id: string;
  directive_id: string;
  opd_id: string;
  status: Generated<AssignmentStatus>;
  due_date: string;
  issued_on: string;
  first_activity_at: Timestamp | null;
  last_activity_at: Timestamp | null;
  completed_on: string | null;
  accepted_at: Timestamp | null;
  obstacle: string | null;
  updated_at: Generated<Timestamp>;
}

export interface CoordFollowupTable {
  pemda_id: string;
  id: Generated<string>;
  directive_id: string;
  opd_id: string;
  kind: FollowUpKind;
  status_to: AssignmentStatus;
  note: string;
  obstacle: string | null;
  internal: Generated<boolean>;
  author_user_id: string | null;
  author_name: string;
  created_at: Generated<Timestamp>;
}

export interface CoordFollowupFileTable {
  pemda_id: string;
  followup_id: string;
  sha256: string;
}

export interface CoordReportTable {
  pemda_id: string;
  id: Generated<string>;
  opd_id: string;
  period_start: string;
  period_end: string;
  due_date: string;
  achievements: string;
  problems: Generated<string>;
  needs: Generated<string>;
  submitted_by: string | null;
  submitted_at: Generated<Timestamp>;
  late: boolean;
}

export interface CoordDelegationTable {
  pemda_id: string;
  id: Generated<string>;
  delegate_user_id: string;
  granted_by_user_id: string;
  granted_by_role: string;
  valid_from: string;
  valid_until: string;
  basis: string;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CoordSilenceNoticeTable {
  pemda_id: string;
  opd_id: string;
  spell_start: Timestamp;
  notified_at: Generated<Timestamp>;
  days_silent: number;
}

export interface CoordReminderTable {
  pemda_id: string;
  directive_id: string;
  opd_id: string;
  kind: 'due_soon' | 'overdue';
  sent_at: Generated<Timestamp>;
}

export interface CoordinationTables {
  coord_signing_key: CoordSigningKeyTable;
  coord_meeting: CoordMeetingTable;
  coord_meeting_invite: CoordMeetingInviteTable;
  coord_meeting_checkin: CoordMeetingCheckinTable;
  coord_directive: CoordDirectiveTable;
  coord_assignment: CoordAssignmentTable;
  coord_followup: CoordFollowupTable;
  coord_followup_file: CoordFollowupFileTable;
  coord_report: CoordReportTable;
  coord_delegation: CoordDelegationTable;
  coord_silence_notice: CoordSilenceNoticeTable;
  coord_reminder: CoordReminderTable;
}
