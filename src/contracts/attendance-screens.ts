import { z } from 'zod';
import { ZPlainText } from './common';

/**
 * Attendance screens added for issue 5 §8: the shift roster week, the sanction registry and leave cancellation.
 * Kept apart from contracts/attendance.ts so the computation and the screens can change independently.
 */

/** A week of the roster of one OPD, from a Monday (the address keeps it as ?minggu=YYYY-MM-DD). */
export const ZRosterQuery = z.object({ opd: z.uuid(), from: z.iso.date() });

export const ZRosterShift = z.object({ date: z.string(), shiftName: z.string(), start: z.string(), end: z.string(), crossesMidnight: z.boolean() });
export const ZRosterWeek = z.object({
  opdId: z.string(),
  opdName: z.string(),
  from: z.string(),
  to: z.string(),
  /** 'roster' when the OPD's schedule in force on `from` makes its pegawai work only their rostered shifts. */
  mode: z.enum(['fixed', 'roster']),
  scheduleBasis: z.string(),
  /** The pegawai shown (at most `limit`, by name) and how many the OPD has in all. */
  total: z.number(),
  pegawai: z.array(z.object({ id: z.string(), name: z.string(), nip: z.string().nullable(), shifts: z.array(ZRosterShift) })),
});
export type TRosterWeek = z.infer<typeof ZRosterWeek>;

export const ZRosterClear = z.object({ entries: z.array(z.object({ pegawaiId: z.uuid(), date: z.iso.date() })).min(1).max(5000) });
export const ZRosterSaved = z.object({ saved: z.number(), recomputedDays: z.number() });

export const ZSanctionQuery = z.object({ active: z.enum(['true', 'false']).optional() });
export const ZSanctionItem = z.object({
  id: z.string(),
  pegawaiId: z.string(),
  pegawaiName: z.string(),
  nip: z.string().nullable(),
  opdName: z.string(),
  caseId: z.string().nullable(),
  source: z.string(),
  sanction: z.string(),
  level: z.string(),
  tppCutPercent: z.number(),
  startMonth: z.string(),
  months: z.number(),
  /** The first month no longer cut (null when the sanction has no duration). */
  endMonth: z.string().nullable(),
  decisionNumber: z.string(),
  /** Cutting TPP in the current month. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type TSanctionItem = z.infer<typeof ZSanctionItem>;
export const ZSanctionList = z.object({ month: z.string(), items: z.array(ZSanctionItem) });

/** Withdraws a request: the pegawai their own pending one; the decider an approved one (its days count again). */
export const ZLeaveCancel = z.object({ note: ZPlainText(500).optional() });
