import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema';

/** Tables of the neutrality module (migration 0400). */
export type ElectionKind = 'pemilu' | 'pilkada' | 'pilkada_ulang';
export type StageKind = 'penetapan_calon' | 'kampanye' | 'masa_tenang' | 'pemungutan' | 'penetapan_hasil';
export type CaseStage = 'verifikasi' | 'investigasi' | 'keputusan' | 'monitoring' | 'selesai' | 'ditolak';
export type Channel = 'publik' | 'internal' | 'surat' | 'telepon' | 'bawaslu';
export type Track = 'etik' | 'disiplin';
export type Pp94Level = 'ringan' | 'sedang' | 'berat';
export type HandlerUnit = 'inspektorat' | 'bkpsdm';

export interface NtrElectionTable {
  pemda_id: string;
  id: Generated<string>;
  kind: ElectionKind;
  name: string;
  voting_date: string;
  freeze_end: string | null;
  legal_basis: string;
  created_at: CreatedAt;
}

export interface NtrElectionStageTable {
  pemda_id: string;
  election_id: string;
  kind: StageKind;
  start_date: string;
  end_date: string;
}

export interface NtrPledgeCampaignTable {
  pemda_id: string;
  id: Generated<string>;
  election_id: string | null;
  title: string;
  statement: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: CreatedAt;
  /** Migration 0402: a cancelled campaign keeps its signatures; cancel_reason is set exactly when cancelled_on is. */
  cancelled_on: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface NtrPledgeTable {
  pemda_id: string;
  campaign_id: string;
  pegawai_id: string;
  opd_id: string;
  signed_at: Generated<Timestamp>;
  statement_sha256: string;
}

export interface NtrPledgeReminderTable {
  pemda_id: string;
  campaign_id: string;
  user_id: string;
  sent_at: Generated<Timestamp>;
}

export interface NtrCaseTable {
  pemda_id: string;
  id: Generated<string>;
  number: string;
  channel: Channel;
  anonymous: boolean;
  receipt_code: string;
  receipt_secret_hash: string;
  reporter_sealed: string | null;
  reported_pegawai_id: string | null;
  reported_name: string | null;
  reported_opd_id: string | null;
  category: string;
  occurred_on: string;
  place: string;
  description: string;
  links: Json<string[]>;
  election_id: string | null;
  stage: Generated<CaseStage>;
  stage_since: Generated<Timestamp>;
  stage_due_on: string | null;
  handler_unit: Generated<HandlerUnit>;
  track: Track | null;
  pp94_level: Pp94Level | null;
  recommendation: string | null;
  outcome: 'terbukti' | 'tidak_terbukti' | null;
  decision_number: string | null;
  decided_on: string | null;
  decided_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface NtrCaseFileTable {
  pemda_id: string;
  case_id: string;
  sha256: string;
  added_at: Generated<Timestamp>;
}

export type CaseEventKind = 'stage' | 'note' | 'question' | 'answer' | 'referral' | 'reminder';

export interface NtrCaseEventTable {
  pemda_id: string;
  case_id: string;
  id: Generated<string>;
  at: Generated<Timestamp>;
  kind: CaseEventKind;
  stage: string | null;
  text: string | null;
  actor_user_id: string | null;
  for_reporter: Generated<boolean>;
  reply_to: string | null;
}

export interface NtrReferralTable {
  pemda_id: string;
  id: Generated<string>;
  case_id: string;
  body: string;
  legal_basis: string;
  sent_on: string;
  letter_number: string;
  reply_on: string | null;
  reply_summary: string | null;
  created_at: CreatedAt;
}

export interface NtrSanctionTable {
  pemda_id: string;
  id: Generated<string>;
  case_id: string;
  pegawai_id: string;
  track: Track;
  level: Pp94Level | null;
  sanction: string;
  decision_number: string;
  decided_on: string;
  starts_on: string;
  ends_on: string | null;
  discipline_ref: string | null;
  monitoring_note: string | null;
  status: Generated<'berjalan' | 'selesai'>;
  created_at: CreatedAt;
}

export interface NtrRevealTable {
  pemda_id: string;
  id: Generated<string>;
  case_id: string;
  requested_by: string;
  recipient_id: string;
  reason: string;
  status: Generated<'diminta' | 'disetujui' | 'ditolak'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  expires_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface NtrReceiptFailureTable {
  pemda_id: string;
  id: Generated<string>;
  receipt_code: string;
  ip_hash: string;
  at: Generated<Timestamp>;
}

export interface NtrCaseReminderTable {
  pemda_id: string;
  case_id: string;
  stage: string;
  kind: 'due_soon' | 'overdue';
  sent_at: Generated<Timestamp>;
}

export interface NeutralityTables {
  ntr_election: NtrElectionTable;
  ntr_election_stage: NtrElectionStageTable;
  ntr_pledge_campaign: NtrPledgeCampaignTable;
  ntr_pledge: NtrPledgeTable;
  ntr_pledge_reminder: NtrPledgeReminderTable;
  ntr_case: NtrCaseTable;
  ntr_case_file: NtrCaseFileTable;
  ntr_case_event: NtrCaseEventTable;
  ntr_referral: NtrReferralTable;
  ntr_sanction: NtrSanctionTable;
  ntr_reveal: NtrRevealTable;
  ntr_receipt_failure: NtrReceiptFailureTable;
  ntr_case_reminder: NtrCaseReminderTable;
}
