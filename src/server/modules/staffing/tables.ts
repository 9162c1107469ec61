import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../db/schema';

/** Tables of the staffing module (migration 0401). */
export type EselonGroup = 'eselon_ii' | 'eselon_iii_iv';
export type ProposalKind = 'mutasi' | 'promosi' | 'pelantikan';
export type ProposalStatus = 'diajukan' | 'disetujui' | 'ditolak' | 'dilaksanakan' | 'dibatalkan';
export type SkpPredikat = 'sangat_baik' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';

export interface StfQuotaRuleTable {
  pemda_id: string;
  id: Generated<string>;
  eselon_group: EselonGroup;
  max_proposals: number;
  valid_from: string;
  valid_to: string;
  legal_basis: string;
  created_at: CreatedAt;
}

export interface StfProposalTable {
  pemda_id: string;
  id: Generated<string>;
  number: string;
  kind: ProposalKind;
  jabatan_id: string;
  eselon_group: EselonGroup | null;
  status: Generated<ProposalStatus>;
  proposed_on: string;
  reason: string;
  chosen_pegawai_id: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_on: string | null;
  minister_letter_number: string | null;
  minister_letter_date: string | null;
  minister_letter_sha256: string | null;
  executed_on: string | null;
  executed_by: string | null;
  sk_number: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface StfCandidateTable {
  pemda_id: string;
  proposal_id: string;
  pegawai_id: string;
  skp_predikat: SkpPredikat;
  discipline_note: string | null;
  competency_note: string | null;
  rank: number;
}

export interface StaffingTables {
  stf_quota_rule: StfQuotaRuleTable;
  stf_proposal: StfProposalTable;
  stf_candidate: StfCandidateTable;
}
