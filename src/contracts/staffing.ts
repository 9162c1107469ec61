import { z } from 'zod';
import { ZDate, ZPlainText } from './common';
import { ZBanners } from './neutrality';

/** Merit staffing within the election-period rules (issue 7 §6; BRIEF §4.9). */
export const ESELON_GROUPS = ['eselon_ii', 'eselon_iii_iv'] as const;
export const PROPOSAL_KINDS = ['mutasi', 'promosi', 'pelantikan'] as const;
export const PROPOSAL_STATUSES = ['diajukan', 'disetujui', 'ditolak', 'dilaksanakan', 'dibatalkan'] as const;
export const SKP_PREDIKAT = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;

export const ZVacancy = z.object({
  jabatanId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  eselonGroup: z.enum(ESELON_GROUPS).nullable(),
  opdId: z.string(),
  actingName: z.string().nullable(),
  openProposalId: z.string().nullable(),
});

export const ZQuotaRule = z.object({ id: z.string(), eselonGroup: z.enum(ESELON_GROUPS), maxProposals: z.number(), validFrom: ZDate, validTo: ZDate, legalBasis: z.string() });
export const ZQuotaCreate = z.object({ eselonGroup: z.enum(ESELON_GROUPS), maxProposals: z.number().int().min(0).max(1000), validFrom: ZDate, validTo: ZDate, legalBasis: ZPlainText(500, 5) });
export const ZQuotaUsage = ZQuotaRule.extend({ used: z.number(), remaining: z.number() });
export type TQuotaUsage = z.infer<typeof ZQuotaUsage>;

export const ZCandidateInput = z.object({
  pegawaiId: z.uuid(),
  skpPredikat: z.enum(SKP_PREDIKAT),
  disciplineNote: ZPlainText(1000).nullable().optional(),
  competencyNote: ZPlainText(1000).nullable().optional(),
});
export const ZProposalCreate = z.object({ kind: z.enum(PROPOSAL_KINDS), jabatanId: z.uuid(), reason: ZPlainText(2000, 10), candidates: z.array(ZCandidateInput).min(1).max(5) });

export const ZGuard = z.object({
  needsMinisterApproval: z.boolean(),
  reason: z.object({ id: z.string(), en: z.string() }).nullable(),
});
export const ZProposal = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  jabatanId: z.string(),
  jabatanName: z.string(),
  opdName: z.string(),
  eselonGroup: z.enum(ESELON_GROUPS).nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  proposedOn: ZDate,
  reason: z.string(),
  candidates: z.array(
    z.object({
      pegawaiId: z.string(),
      name: z.string(),
      nip: z.string().nullable(),
      skpPredikat: z.enum(SKP_PREDIKAT),
      disciplineNote: z.string().nullable(),
      competencyNote: z.string().nullable(),
      neutralitySanctions: z.number(),
      rank: z.number(),
    }),
  ),
  chosenPegawaiId: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedOn: ZDate.nullable(),
  ministerLetter: z.object({ number: z.string(), date: ZDate, sha256: z.string().nullable() }).nullable(),
  executedOn: ZDate.nullable(),
  skNumber: z.string().nullable(),
  guard: ZGuard,
  abilities: z.array(z.string()),
});
export type TProposal = z.infer<typeof ZProposal>;
export const ZProposalList = z.object({ items: z.array(ZProposal) });

export const ZProposalDecide = z.object({ approve: z.boolean(), chosenPegawaiId: z.uuid().nullable().optional(), note: ZPlainText(2000) });
export const ZMinisterApproval = z.object({ letterNumber: ZPlainText(100), letterDate: ZDate, fileSha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const ZExecute = z.object({ effectiveDate: ZDate, skNumber: ZPlainText(100) });

export const ZStaffingOverview = z.object({ banners: ZBanners, quotas: z.array(ZQuotaUsage), guardToday: ZGuard });
export type TStaffingOverview = z.infer<typeof ZStaffingOverview>;
