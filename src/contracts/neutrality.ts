import { z } from 'zod';
import { ZDate, ZPlainText } from './common';

/**
 * ASN neutrality (issue 7; BRIEF §4.6): election calendar and derived periods, the neutrality pledge,
 * confidential reports and the cases they become. Nothing here carries the reporter's identity except the
 * one response a case handler (or an approved recipient) gets from GET /neutrality/cases/:id/reporter.
 */

export const ELECTION_KINDS = ['pemilu', 'pilkada', 'pilkada_ulang'] as const;
export const STAGE_KINDS = ['penetapan_calon', 'kampanye', 'masa_tenang', 'pemungutan', 'penetapan_hasil'] as const;
export const CASE_STAGES = ['verifikasi', 'investigasi', 'keputusan', 'monitoring', 'selesai', 'ditolak'] as const;
export const OPEN_CASE_STAGES = ['verifikasi', 'investigasi', 'keputusan'] as const;
export const CHANNELS = ['publik', 'internal', 'surat', 'telepon', 'bawaslu'] as const;
export const STAFF_CHANNELS = ['surat', 'telepon', 'bawaslu'] as const;
export const TRACKS = ['etik', 'disiplin'] as const;
export const PP94_LEVELS = ['ringan', 'sedang', 'berat'] as const;
export const HANDLER_UNITS = ['inspektorat', 'bkpsdm'] as const;

export type TCaseStage = (typeof CASE_STAGES)[number];
export type TChannel = (typeof CHANNELS)[number];

/**
 * Violation categories of the joint decree of 5 agencies (SKB MenPANRB, Mendagri, BKN, KASN, Bawaslu, 22 Sep 2022)
 * with the track and PP 94/2021 level the decree points to (BRIEF §4.6). The recommendation may differ.
 */
export const CATEGORIES = [
  { code: 'media_sosial', track: 'disiplin', level: 'berat', label: { id: 'Memposting, menyukai, mengomentari atau membagikan konten calon/partai di media sosial', en: 'Posting, liking, commenting on or sharing a candidate’s or party’s content on social media' } },
  { code: 'kampanye', track: 'disiplin', level: 'berat', label: { id: 'Menghadiri atau ikut kampanye dengan dukungan/atribut', en: 'Attending or joining a campaign with support or attributes' } },
  { code: 'foto_simbol', track: 'disiplin', level: 'berat', label: { id: 'Berfoto dengan calon atau simbol/gestur dukungan', en: 'Photos with a candidate or candidate symbols/gestures' } },
  { code: 'fasilitas_jabatan', track: 'disiplin', level: 'berat', label: { id: 'Menggunakan fasilitas atau kewenangan jabatan untuk calon', en: 'Using office facilities or authority for a candidate' } },
  { code: 'keputusan_berpihak', track: 'disiplin', level: 'berat', label: { id: 'Membuat keputusan/tindakan yang menguntungkan atau merugikan calon', en: 'Decisions or acts favouring or harming a candidate' } },
  { code: 'mendekati_parpol', track: 'disiplin', level: 'sedang', label: { id: 'Mendekati partai politik sebagai bakal calon', en: 'Approaching a political party as a would-be candidate' } },
  { code: 'anggota_parpol', track: 'disiplin', level: 'berat', label: { id: 'Menjadi anggota atau pengurus partai politik', en: 'Party membership or party office' } },
  { code: 'lainnya', track: 'etik', level: null, label: { id: 'Pelanggaran netralitas lainnya', en: 'Other neutrality violation' } },
] as const;
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];
export const ZCategory = z.enum(CATEGORY_CODES);

export const ZLocalizedText = z.object({ id: z.string(), en: z.string() });

// ---- Election calendar ----
export const ZElectionStage = z.object({ kind: z.enum(STAGE_KINDS), startDate: ZDate, endDate: ZDate });
export const ZPeriod = z.object({ start: ZDate, end: ZDate });
export const ZElection = z.object({
  id: z.string(),
  kind: z.enum(ELECTION_KINDS),
  name: z.string(),
  votingDate: ZDate,
  freezeEnd: ZDate.nullable(),
  legalBasis: z.string(),
  stages: z.array(ZElectionStage),
  /** Derived: staffing freeze (UU 10/2016 art. 71(2)) and neutrality watch. */
  freeze: ZPeriod.nullable(),
  watch: ZPeriod.nullable(),
});
export type TElection = z.infer<typeof ZElection>;
export const ZElectionCreate = z.object({
  kind: z.enum(ELECTION_KINDS),
  name: ZPlainText(200),
  votingDate: ZDate,
  freezeEnd: ZDate.nullable().optional(),
  legalBasis: ZPlainText(500),
  stages: z.array(ZElectionStage).min(1).max(5),
});
/** An edit replaces the whole election (KPU moved stage dates, a typo in the name); the periods are re-derived. */
export const ZElectionUpdate = ZElectionCreate;

export const ZBanners = z.object({
  today: ZDate,
  headStatus: z.enum(['definitif', 'pj', 'plt', 'plh']).nullable(),
  freeze: z.object({ electionName: z.string(), start: ZDate, end: ZDate }).nullable(),
  watch: z.object({ electionName: z.string(), start: ZDate, end: ZDate, votingDate: ZDate }).nullable(),
  lastFreeze: z.object({ electionName: z.string(), start: ZDate, end: ZDate }).nullable(),
});
export type TBanners = z.infer<typeof ZBanners>;

// ---- Pledge ----
export const ZCampaign = z.object({
  id: z.string(),
  electionId: z.string().nullable(),
  title: z.string(),
  statement: z.string(),
  startsOn: ZDate,
  endsOn: ZDate,
  /** Signatures so far: once there is one, the text and the election are fixed and the campaign can only be cancelled. */
  signed: z.number(),
  cancelledOn: ZDate.nullable(),
  cancelReason: z.string().nullable(),
});
export type TCampaign = z.infer<typeof ZCampaign>;
export const ZCampaignCreate = z.object({
  electionId: z.uuid().nullable().optional(),
  title: ZPlainText(200),
  statement: ZPlainText(4000, 20),
  startsOn: ZDate,
  endsOn: ZDate,
});
/**
 * An edit sends the whole campaign. The title and the end date may always change; once anyone has signed, the
 * pledge text and the election may not, the start may not move after the first signature nor the end before the last.
 */
export const ZCampaignUpdate = ZCampaignCreate;
export const ZCampaignCancel = z.object({ reason: ZPlainText(500, 5) });
export const ZReminderResult = z.object({ sent: z.number() });
export const ZMyPledge = z.object({ campaign: ZCampaign.nullable(), signedAt: z.string().nullable(), canSign: z.boolean() });
export const ZPledgeProgressRow = z.object({ opdId: z.string(), opdName: z.string(), signed: z.number(), total: z.number(), ratio: z.number().nullable() });
export const ZPledgeProgress = z.object({ campaign: ZCampaign.nullable(), rows: z.array(ZPledgeProgressRow), signed: z.number(), total: z.number() });
export type TPledgeProgress = z.infer<typeof ZPledgeProgress>;

// ---- Reports ----
/** The reported person: a pegawai, a NIP, or a name with an OPD (checked by the service with its own message). */
const ZReported = z.object({
    pegawaiId: z.uuid().nullable().optional(),
    nip: z.string().regex(/^\d{18}$/, 'NIP_INVALID').nullable().optional(),
    name: ZPlainText(200).nullable().optional(),
    opdId: z.uuid().nullable().optional(),
  });
const ZReporter = z.object({ name: ZPlainText(200), contact: ZPlainText(200), nik: z.string().regex(/^\d{16}$/).nullable().optional() });

const reportFields = {
  reported: ZReported,
  category: ZCategory,
  occurredOn: ZDate,
  place: ZPlainText(300),
  description: ZPlainText(5000, 20),
  links: z.array(z.url({ protocol: /^https?$/ }).max(500)).max(10).default([]),
  files: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10).default([]),
};
export const ZPublicReport = z.object({ ...reportFields, anonymous: z.boolean(), reporter: ZReporter.nullable().optional() });
export const ZInternalReport = z.object({ ...reportFields, anonymous: z.boolean() });
export const ZStaffReport = z.object({ ...reportFields, channel: z.enum(STAFF_CHANNELS), anonymous: z.boolean(), reporter: ZReporter.nullable().optional() });
export type TPublicReport = z.infer<typeof ZPublicReport>;
export type TStaffReport = z.infer<typeof ZStaffReport>;

/** Shown once: the secret is stored only as a hash. */
export const ZReceipt = z.object({ number: z.string(), receiptCode: z.string(), secret: z.string() });
export type TReceipt = z.infer<typeof ZReceipt>;

export const ZPublicOptions = z.object({
  pemda: z.object({ kode: z.string(), name: z.string() }),
  opds: z.array(z.object({ id: z.string(), name: z.string() })),
  banners: ZBanners,
});
export const ZUploaded = z.object({ sha256: z.string(), mime: z.string(), size: z.number(), name: z.string() });

export const ZReceiptCredentials = z.object({ code: z.string().trim().toUpperCase().max(40).min(5), secret: z.string().trim().toUpperCase().max(40).min(5) });
export const ZReceiptAnswer = ZReceiptCredentials.extend({ questionId: z.uuid(), text: ZPlainText(3000) });
export const ZReceiptEvent = z.object({ id: z.string(), at: z.string(), kind: z.enum(['stage', 'question', 'answer']), stage: z.string().nullable(), text: z.string().nullable(), answered: z.boolean() });
export const ZReceiptView = z.object({ number: z.string(), stage: z.enum(CASE_STAGES), createdAt: z.string(), category: z.string(), events: z.array(ZReceiptEvent) });
export type TReceiptView = z.infer<typeof ZReceiptView>;

// ---- Cases ----
export const ZCaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.enum(CHANNELS),
  anonymous: z.boolean(),
  category: z.string(),
  stage: z.enum(CASE_STAGES),
  stageDueOn: ZDate.nullable(),
  overdueDays: z.number(),
  handlerUnit: z.enum(HANDLER_UNITS),
  reportedOpdName: z.string().nullable(),
  createdAt: z.string(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;
export const ZCaseList = z.object({ items: z.array(ZCaseSummary) });
export const ZCaseListQuery = z.object({ stage: z.enum(CASE_STAGES).optional(), open: z.enum(['true', 'false']).optional() });

export const ZCaseEvent = z.object({ id: z.string(), at: z.string(), kind: z.string(), stage: z.string().nullable(), text: z.string().nullable(), forReporter: z.boolean(), actorName: z.string().nullable() });
export const ZReferral = z.object({ id: z.string(), body: z.string(), legalBasis: z.string(), sentOn: ZDate, letterNumber: z.string(), replyOn: ZDate.nullable(), replySummary: z.string().nullable() });
export const ZSanction = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  pegawaiId: z.string(),
  pegawaiName: z.string(),
  opdName: z.string().nullable(),
  track: z.enum(TRACKS),
  level: z.enum(PP94_LEVELS).nullable(),
  sanction: z.string(),
  decisionNumber: z.string(),
  decidedOn: ZDate,
  startsOn: ZDate,
  endsOn: ZDate.nullable(),
  disciplineRef: z.string().nullable(),
  status: z.enum(['berjalan', 'selesai']),
  /** The TPP effect recorded in the discipline registry (PP 94/2021 art. 8(3)): null for ethics-track sanctions. */
  tpp: z.object({ cutPercent: z.number(), fromMonth: z.string(), untilMonth: z.string().nullable() }).nullable(),
});
export const ZSanctionQuery = z.object({ status: z.enum(['berjalan', 'selesai']).optional() });
export const ZSanctionList = z.object({ items: z.array(ZSanction), counts: z.object({ berjalan: z.number(), selesai: z.number() }) });
export const ZCaseDetail = ZCaseSummary.extend({
  reported: z.object({ pegawaiId: z.string().nullable(), name: z.string(), nip: z.string().nullable(), opdId: z.string().nullable(), opdName: z.string().nullable() }),
  occurredOn: ZDate,
  place: z.string(),
  description: z.string(),
  links: z.array(z.string()),
  files: z.array(z.object({ sha256: z.string(), mime: z.string(), size: z.number(), name: z.string() })),
  track: z.enum(TRACKS).nullable(),
  pp94Level: z.enum(PP94_LEVELS).nullable(),
  recommendation: z.string().nullable(),
  outcome: z.enum(['terbukti', 'tidak_terbukti']).nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: ZDate.nullable(),
  hasIdentity: z.boolean(),
  events: z.array(ZCaseEvent),
  referrals: z.array(ZReferral),
  sanction: ZSanction.nullable(),
  /** What the caller may do on this case (the UI shows only these buttons). */
  abilities: z.array(z.string()),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

export const ZVerifyRequest = z.object({ decision: z.enum(['terima', 'tolak']), note: ZPlainText(3000), handlerUnit: z.enum(HANDLER_UNITS).default('inspektorat') });
export const ZRecommendRequest = z.object({ track: z.enum(TRACKS), level: z.enum(PP94_LEVELS).nullable().optional(), recommendation: ZPlainText(3000) });
export const ZDecideRequest = z.object({
  outcome: z.enum(['terbukti', 'tidak_terbukti']),
  decisionNumber: ZPlainText(100),
  decidedOn: ZDate,
  note: ZPlainText(3000),
  sanction: z.object({ text: ZPlainText(500), startsOn: ZDate, endsOn: ZDate.nullable().optional() }).nullable().optional(),
});
export const ZNoteRequest = z.object({ text: ZPlainText(3000) });
export const ZReferralCreate = z.object({ sentOn: ZDate, letterNumber: ZPlainText(100), note: ZPlainText(1000).nullable().optional() });
export const ZReferralReply = z.object({ replyOn: ZDate, replySummary: ZPlainText(3000) });
export const ZCloseRequest = z.object({ note: ZPlainText(3000) });

export const ZReporterIdentity = z.object({ name: z.string(), contact: z.string(), nik: z.string().nullable(), userId: z.string().nullable(), until: z.string().nullable() });
export const ZRevealCreate = z.object({ recipientId: z.uuid(), reason: ZPlainText(1000, 10) });
export const ZRevealDecision = z.object({ approve: z.boolean(), hours: z.number().int().min(1).max(72).default(24) });
export const ZReveal = z.object({
  id: z.string(),
  requestedBy: z.string(),
  recipientId: z.string(),
  recipientName: z.string(),
  reason: z.string(),
  status: z.enum(['diminta', 'disetujui', 'ditolak']),
  decidedBy: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export const ZRevealList = z.object({ items: z.array(ZReveal) });
/** Who may receive a revealed identity: active accounts of the Pemda with a leadership, BKPSDM or Inspectorate role. */
export const ZRevealRecipient = z.object({ id: z.string(), name: z.string(), role: z.string() });
export const ZRevealRecipients = z.object({ items: z.array(ZRevealRecipient) });
export type TRevealRecipient = z.infer<typeof ZRevealRecipient>;

// ---- Statistics (aggregates only; cells under 3 suppressed) ----
export const ZStatCell = z.object({ key: z.string(), label: z.string(), count: z.number().nullable() });
export const ZStats = z.object({
  year: z.number(),
  total: z.number().nullable(),
  threshold: z.number(),
  byOpd: z.array(ZStatCell),
  byCategory: z.array(ZStatCell),
  byStage: z.array(ZStatCell),
});
export type TStats = z.infer<typeof ZStats>;

export const ZNeutralitySettings = z.object({
  handlerRoles: z.array(z.enum(HANDLER_UNITS)).min(1),
  referralBody: z.object({ name: ZPlainText(100), legalBasis: ZPlainText(500) }),
  stageDays: z.object({ verifikasi: z.number().int().min(1).max(60), investigasi: z.number().int().min(1).max(120), keputusan: z.number().int().min(1).max(60) }),
});
export type TNeutralitySettings = z.infer<typeof ZNeutralitySettings>;
