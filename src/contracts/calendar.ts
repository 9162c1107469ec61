import { z } from 'zod';
import { ZPlainText } from './common';

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama', 'election', 'local'] as const;
export const ZHolidayKind = z.enum(HOLIDAY_KINDS);

export const ZHoliday = z.object({
  id: z.string(),
  date: z.string(),
  kind: ZHolidayKind,
  name: z.string(),
  source: z.string(),
  weekday: z.boolean(),
});
export type THoliday = z.infer<typeof ZHoliday>;

export const ZHolidayQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZHolidayList = z.object({
  year: z.number(),
  timezone: z.string(),
  /** The decree the national days of this year were copied from, or null when none was. */
  basis: z.string().nullable(),
  workingDays: z.number(),
  items: z.array(ZHoliday),
});
export type THolidayList = z.infer<typeof ZHolidayList>;

export const ZHolidayCreateRequest = z.object({
  date: z.iso.date(),
  kind: ZHolidayKind.default('local'),
  name: ZPlainText(200),
  /** The legal basis: a Perkada, a Keppres declaring an election day off, an amended SKB. */
  source: ZPlainText(300),
});
export type THolidayCreateRequest = z.infer<typeof ZHolidayCreateRequest>;
