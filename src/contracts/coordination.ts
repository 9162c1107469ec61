import { z } from 'zod';
import { ZLocalized, ZPlainText } from './common';

/** Coordination: meetings, signed directives (arahan/instruksi), follow-ups per OPD, OPD reports, silent OPDs. */
export const MEETING_KINDS = ['rakor', 'apel', 'coffee_morning', 'dprd', 'lainnya'] as const;
export const ATTENDANCE = ['unknown', 'present', 'represented', 'absent'] as const;
export const PRIORITIES = ['biasa', 'penting', 'segera'] as const;
export const TARGETS = ['opds', 'all', 'all_kecamatan', 'all_kelurahan'] as const;
export const ASSIGNMENT_STATUSES = ['belum', 'proses', 'selesai', 'terkendala', 'diterima', 'dibatalkan'] as const;
export const REPORT_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
/** Suggested category tags; any lowercase tag is accepted. */
export const DIRECTIVE_TAGS = ['netralitas', 'pelayanan_publik', 'anggaran', 'pad', 'stunting', 'kemiskinan', 'disiplin', 'kinerja', 'inovasi', 'koordinasi', 'kewilayahan', 'kepegawaian'] as const;

export const ZMeetingKind = z.enum(MEETING_KINDS);
export const ZAttendance = z.enum(ATTENDANCE);
export const ZPriority = z.enum(PRIORITIES);
export const ZTarget = z.enum(TARGETS);
export const ZAssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export const ZReportCadence = z.enum(REPORT_CADENCES);
export type TAssignmentStatus = z.infer<typeof ZAssignmentStatus>;

const ZTag = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'tag: huruf kecil, angka atau _');
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

// ---------------------------------------------------------------- directives
export const ZDirectivePoint = z
  .object({
    text: ZPlainText(4000, 5),
    tags: z.array(ZTag).max(10).default([]),
    priority: ZPriority.default('biasa'),
    /** Either a due date, or a number of working days from today (Pemda calendar). */
    dueDate: z.iso.date().optional(),
    dueInWorkingDays: z.number().int().min(0).max(365).optional(),
    target: ZTarget.default('opds'),
    opdIds: z.array(z.uuid()).max(500).default([]),
  })
  .strict();
export type TDirectivePoint = z.infer<typeof ZDirectivePoint>;

export const ZDirectiveIssueRequest = ZDirectivePoint.extend({
  meetingId: z.uuid().optional(),
  /** A correction: the new directive replaces this one, which stays as it was, marked superseded. */
  supersedesId: z.uuid().optional(),
}).strict();
export type TDirectiveIssueRequest = z.infer<typeof ZDirectiveIssueRequest>;

export const ZMeetingDirectivesRequest = z.object({ points: z.array(ZDirectivePoint).min(1).max(50) }).strict();
export type TMeetingDirectivesRequest = z.infer<typeof ZMeetingDirectivesRequest>;

export const ZStatusCounts = z.object({
  belum: z.number(),
  proses: z.number(),
  selesai: z.number(),
  terkendala: z.number(),
  diterima: z.number(),
  dibatalkan: z.number(),
});

export const ZDirectiveRef = z.object({ id: z.string(), code: z.string(), number: z.string() });

export const ZDirectiveSummary = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  priority: ZPriority,
  dueDate: z.string(),
  issuedAt: z.string(),
  issuerName: z.string(),
  issuerRole: z.string(),
  target: ZTarget,
  meetingId: z.string().nullable(),
  opdCount: z.number(),
  counts: ZStatusCounts,
  overdueOpds: z.number(),
  supersedes: ZDirectiveRef.nullable(),
  supersededBy: ZDirectiveRef.nullable(),
});
export type TDirectiveSummary = z.infer<typeof ZDirectiveSummary>;

export const ZDirectiveListQuery = z.object({
  status: z.enum(['all', 'open', 'overdue', 'done']).default('all'),
  tag: ZTag.optional(),
  priority: ZPriority.optional(),
  opd: z.uuid().optional(),
  meeting: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  /** Due in this month (YYYY-MM): the records behind a monthly metric. */
  dueMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  issuedMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(300).optional(),
});
export type TDirectiveListQuery = z.infer<typeof ZDirectiveListQuery>;

export const ZDirectivePage = z.object({ items: z.array(ZDirectiveSummary), nextCursor: z.string().nullable() });

export const ZFileRef = z.object({ sha256: z.string(), mime: z.string(), size: z.number(), name: z.string(), url: z.string() });

export const ZFollowUp = z.object({
  id: z.string(),
  opdId: z.string(),
  opdName: z.string(),
  kind: z.enum(['progress', 'accepted', 'returned', 'decision']),
  statusTo: ZAssignmentStatus,
  note: z.string(),
  obstacle: z.string().nullable(),
  internal: z.boolean(),
  authorName: z.string(),
  createdAt: z.string(),
  files: z.array(ZFileRef),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;

export const ZAssignment = z.object({
  opdId: z.string(),
  opdCode: z.string(),
  opdName: z.string(),
  status: ZAssignmentStatus,
  dueDate: z.string(),
  overdueDays: z.number(),
  firstActivityAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  completedOn: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  obstacle: z.string().nullable(),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZVerification = z.object({
  valid: z.boolean(),
  reason: z.enum(['ok', 'content_changed', 'bad_signature', 'unknown_key']),
  contentHash: z.string(),
  keyId: z.string(),
});

export const ZDirectiveDetail = ZDirectiveSummary.extend({
  fullText: z.string(),
  assignments: z.array(ZAssignment),
  followUps: z.array(ZFollowUp),
  verification: ZVerification,
  verifyUrl: z.string(),
  /** What the caller may do here, so the UI shows only buttons that work. */
  abilities: z.object({ followUpOpdIds: z.array(z.string()), review: z.boolean(), supersede: z.boolean() }),
});
export type TDirectiveDetail = z.infer<typeof ZDirectiveDetail>;

export const ZFollowUpRequest = z
  .object({
    status: z.enum(['proses', 'selesai', 'terkendala']),
    note: ZPlainText(4000, 3),
    obstacle: ZPlainText(2000).optional(),
    /** Visible only to this OPD and the Pemda leadership. */
    internal: z.boolean().default(false),
    files: z.array(ZSha256).max(10).default([]),
  })
  .strict();
export type TFollowUpRequest = z.infer<typeof ZFollowUpRequest>;

export const ZReviewRequest = z.object({ decision: z.enum(['accept', 'return']), comment: ZPlainText(2000, 0).default('') }).strict();
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

export const ZDecisionRequest = z.object({ note: ZPlainText(2000, 3) }).strict();

export const ZUploadedFile = z.object({ sha256: z.string(), mime: z.string(), size: z.number(), name: z.string() });

// ---------------------------------------------------------------- inboxes
export const ZInboxItem = z.object({
  directiveId: z.string(),
  code: z.string(),
  number: z.string(),
  text: z.string(),
  priority: ZPriority,
  dueDate: z.string(),
  opdId: z.string(),
  opdName: z.string(),
  status: ZAssignmentStatus,
  overdueDays: z.number(),
  obstacle: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZSilentOpd = z.object({
  opdId: z.string(),
  opdName: z.string(),
  daysSilent: z.number(),
  lastActivityAt: z.string().nullable(),
  overdueCount: z.number(),
  silent: z.boolean(),
});
export type TSilentOpd = z.infer<typeof ZSilentOpd>;

export const ZLeaderInbox = z.object({
  today: z.string(),
  silenceDays: z.number(),
  overdue: z.array(ZInboxItem),
  obstacles: z.array(ZInboxItem),
  awaitingAcceptance: z.array(ZInboxItem),
  silentOpds: z.array(ZSilentOpd),
  totals: z.object({ open: z.number(), overdue: z.number(), obstacles: z.number(), awaitingAcceptance: z.number(), silentOpds: z.number() }),
});
export type TLeaderInbox = z.infer<typeof ZLeaderInbox>;

export const ZReportPeriod = z.object({ start: z.string(), end: z.string(), due: z.string(), submitted: z.boolean(), late: z.boolean() });

export const ZOpdInbox = z.object({
  opd: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  open: z.array(ZInboxItem),
  recentlyClosed: z.array(ZInboxItem),
  daysSilent: z.number(),
  cadence: ZReportCadence,
  currentPeriod: ZReportPeriod,
  previousPeriod: ZReportPeriod,
});
export type TOpdInbox = z.infer<typeof ZOpdInbox>;

// ---------------------------------------------------------------- meetings
export const ZMeetingCreateRequest = z
  .object({
    kind: ZMeetingKind,
    title: ZPlainText(200, 3),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    place: ZPlainText(200, 2),
    chairName: ZPlainText(200, 2),
    agenda: ZPlainText(8000, 0).default(''),
    invite: z.enum(['opds', 'all', 'all_kecamatan', 'all_kelurahan']).default('opds'),
    opdIds: z.array(z.uuid()).max(500).default([]),
  })
  .strict();
export type TMeetingCreateRequest = z.infer<typeof ZMeetingCreateRequest>;

export const ZMeetingUpdateRequest = z.object({ agenda: ZPlainText(8000, 0).optional(), minutes: ZPlainText(20000, 0).optional() }).strict();

export const ZAttendanceRequest = z
  .object({
    items: z
      .array(
        z.object({
          opdId: z.uuid(),
          attendance: z.enum(['present', 'represented', 'absent']),
          representedBy: ZPlainText(200).optional(),
          absenceReason: ZPlainText(500).optional(),
        }),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type TAttendanceRequest = z.infer<typeof ZAttendanceRequest>;

export const ZInvite = z.object({
  opdId: z.string(),
  opdName: z.string(),
  attendance: ZAttendance,
  representedBy: z.string().nullable(),
  absenceReason: z.string().nullable(),
  checkins: z.number(),
});

export const ZMeetingSummary = z.object({
  id: z.string(),
  kind: ZMeetingKind,
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  chairName: z.string(),
  invited: z.number(),
  attended: z.number(),
  directives: z.number(),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;

export const ZMeeting = z.object({
  id: z.string(),
  kind: ZMeetingKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  chairName: z.string(),
  agenda: z.string(),
  minutes: z.string(),
  invites: z.array(ZInvite),
  attendanceRate: z.number().nullable(),
  directives: z.array(ZDirectiveRef.extend({ text: z.string() })),
  checkins: z.array(z.object({ name: z.string(), opdName: z.string().nullable(), at: z.string() })),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingListQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  opd: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const ZCheckinTokenRequest = z.object({ validMinutes: z.number().int().min(5).max(720).default(120) }).strict();
export const ZCheckinToken = z.object({ token: z.string(), url: z.string(), qrSvg: z.string(), expiresAt: z.string() });
export const ZCheckinRequest = z.object({ token: z.string().min(20).max(1000) }).strict();
export const ZCheckinResult = z.object({ meetingId: z.string(), title: z.string(), at: z.string(), attendance: ZAttendance.nullable() });

// ---------------------------------------------------------------- reports
export const ZReportRequest = z
  .object({
    /** First day of the period reported on; defaults to the current period. */
    periodStart: z.iso.date().optional(),
    achievements: ZPlainText(8000, 3),
    problems: ZPlainText(8000, 0).default(''),
    needs: ZPlainText(8000, 0).default(''),
  })
  .strict();
export type TReportRequest = z.infer<typeof ZReportRequest>;

export const ZReport = z.object({
  id: z.string(),
  opdId: z.string(),
  opdName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  achievements: z.string(),
  problems: z.string(),
  needs: z.string(),
  submittedAt: z.string(),
  late: z.boolean(),
});
export type TReport = z.infer<typeof ZReport>;

export const ZReportListQuery = z.object({
  opd: z.uuid().optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZReportStatusRow = z.object({ opdId: z.string(), opdName: z.string(), lastSubmittedAt: z.string().nullable(), currentPeriod: ZReportPeriod, previousPeriod: ZReportPeriod });

// ---------------------------------------------------------------- delegations, keys, settings
export const ZDelegationRequest = z
  .object({ delegateUserId: z.uuid(), validFrom: z.iso.date(), validUntil: z.iso.date(), basis: ZPlainText(300, 3) })
  .strict();
export type TDelegationRequest = z.infer<typeof ZDelegationRequest>;

export const ZDelegation = z.object({
  id: z.string(),
  delegateUserId: z.string(),
  delegateName: z.string(),
  grantedByName: z.string(),
  grantedByRole: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  basis: z.string(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});
export type TDelegation = z.infer<typeof ZDelegation>;

export const ZSigningKey = z.object({ id: z.string(), publicKey: z.string(), active: z.boolean(), createdAt: z.string(), retiredAt: z.string().nullable(), note: z.string().nullable() });

export const ZCoordinationSettings = z.object({
  silenceDays: z.number().int().min(1).max(90),
  reportCadence: ZReportCadence,
});
export type TCoordinationSettings = z.infer<typeof ZCoordinationSettings>;
export const ZCoordinationSettingsUpdate = ZCoordinationSettings.partial().strict();

// ---------------------------------------------------------------- public verification
export const ZPublicDirective = z.object({
  code: z.string(),
  pemda: z.object({ kode: z.string(), name: z.string() }),
  number: z.string(),
  issuer: z.object({ name: z.string(), role: z.string(), roleLabel: ZLocalized }),
  issuedAt: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  priority: ZPriority,
  dueDate: z.string(),
  assignedOpds: z.array(z.string()),
  contentHash: z.string(),
  keyId: z.string(),
  publicKey: z.string().nullable(),
  signature: z.string(),
  verification: ZVerification,
  supersedes: z.object({ code: z.string(), number: z.string() }).nullable(),
  supersededBy: z.object({ code: z.string(), number: z.string(), issuedAt: z.string() }).nullable(),
  checkedAt: z.string(),
});
export type TPublicDirective = z.infer<typeof ZPublicDirective>;
