import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { HolidayKind } from './service-tables';

/**
 * Working days of a Pemda. Perpres 21/2023: ASN work Monday to Friday; national holidays and cuti bersama come
 * from the yearly joint decree (SKB 3 Menteri), election days from the Keppres declaring them holidays; a Pemda
 * adds its own local days. Dates are 'YYYY-MM-DD' strings in the Pemda's time zone (WIB, WITA or WIT), never
 * JavaScript Dates, so nothing shifts by the server's time zone.
 *
 * The national list (assets/calendar/libur-nasional.json) is copied into the `holiday` table per Pemda the first
 * time its calendar is used, with the decree as `source`; the admin may then add or remove days. Years missing
 * from the national file have weekends only until the admin adds their holidays.
 */
export const CALENDAR_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/calendar/libur-nasional.json');

export const PEMDA_TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type PemdaTimezone = (typeof PEMDA_TIMEZONES)[number];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function toUtcMs(date: string): number {
  if (!isIsoDate(date)) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Calendar days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Perpres 21/2023: five working days, Monday to Friday. */
export function isWeekend(date: string): boolean {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 || day === 6;
}

/** The local date of an instant in a time zone (en-CA formats as YYYY-MM-DD). */
export function dateIn(timezone: string, instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export interface WorkingCalendar {
  timezone: string;
  /** Today's date in the Pemda's time zone. */
  today(now?: Date): string;
  isWorkingDay(date: string): boolean;
  /** Name of the day off on this date, if it is one (weekends are not named). */
  holidayName(date: string): string | null;
  /** The n-th working day after `date` (before it when n < 0); n = 0 returns `date` itself. */
  addWorkingDays(date: string, n: number): string;
  /** Working days d with a < d <= b; negative when b is before a. Overdue by k days = workingDaysBetween(due, today). */
  workingDaysBetween(a: string, b: string): number;
}

/** A calendar from a set of days off; pure, so rules can be tested with the decree's own dates. */
export function buildCalendar(timezone: string, holidays: Iterable<readonly [string, string]>): WorkingCalendar {
  const off = new Map<string, string>();
  for (const [date, name] of holidays) off.set(date, off.has(date) ? `${off.get(date)}; ${name}` : name);
  const isWorkingDay = (date: string) => !isWeekend(date) && !off.has(date);
  return {
    timezone,
    today: (now = new Date()) => dateIn(timezone, now),
    isWorkingDay,
    holidayName: (date) => off.get(date) ?? null,
    addWorkingDays(date, n) {
      let current = date;
      let left = Math.abs(n);
      const step = n < 0 ? -1 : 1;
      while (left > 0) {
        current = addDays(current, step);
        if (isWorkingDay(current)) left -= 1;
      }
      return current;
    },
    workingDaysBetween(a, b) {
      if (a === b) return 0;
      const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1];
      const span = daysBetween(from, to);
      // Whole weeks hold 5 weekdays each; only the remainder is walked day by day.
      const weeks = Math.floor(span / 7);
      let count = weeks * 5;
      let current = addDays(from, weeks * 7);
      while (current < to) {
        current = addDays(current, 1);
        if (!isWeekend(current)) count += 1;
      }
      for (const date of off.keys()) if (date > from && date <= to && !isWeekend(date)) count -= 1;
      return sign * count;
    },
  };
}

interface NationalYear {
  basis: string;
  libur_nasional: Array<[string, string]>;
  cuti_bersama: Array<[string, string]>;
  election_days: Array<[string, string]>;
}

let nationalCache: Record<string, NationalYear> | undefined;

export function nationalCalendar(): Record<string, NationalYear> {
  if (!nationalCache) {
    const raw = JSON.parse(fs.readFileSync(CALENDAR_FILE, 'utf8')) as { years: Record<string, NationalYear> };
    nationalCache = raw.years;
  }
  return nationalCache;
}

export interface NationalHoliday {
  date: string;
  kind: HolidayKind;
  name: string;
  source: string;
}

export function nationalHolidaysOf(year: number): { basis: string; days: NationalHoliday[] } | null {
  const entry = nationalCalendar()[String(year)];
  if (!entry) return null;
  const days: NationalHoliday[] = [
    ...entry.libur_nasional.map(([date, name]) => ({ date, kind: 'libur_nasional' as const, name, source: entry.basis })),
    ...entry.cuti_bersama.map(([date, name]) => ({ date, kind: 'cuti_bersama' as const, name, source: entry.basis })),
    ...entry.election_days.map(([date, name]) => ({ date, kind: 'election' as const, name, source: entry.basis })),
  ];
  return { basis: entry.basis, days };
}

/**
 * Copies the national days of every year in the national file that this Pemda has not received yet. Runs on
 * first use; a year is recorded in holiday_year so a day the admin removed is never copied back. The winner of
 * a concurrent first use (primary key of holiday_year) does the copy.
 */
export async function ensureNationalHolidays(db: Kysely<DB>, pemdaId: string): Promise<void> {
  const years = Object.keys(nationalCalendar()).map(Number);
  const loaded = await db.selectFrom('holiday_year').select('year').where('pemda_id', '=', pemdaId).execute();
  const have = new Set(loaded.map((row) => row.year));
  for (const year of years) {
    if (have.has(year)) continue;
    const national = nationalHolidaysOf(year);
    if (!national) continue;
    const claimed = await db
      .insertInto('holiday_year')
      .values({ pemda_id: pemdaId, year, basis: national.basis })
      .onConflict((oc) => oc.columns(['pemda_id', 'year']).doNothing())
      .returning('year')
      .executeTakeFirst();
    if (!claimed || national.days.length === 0) continue;
    await db
      .insertInto('holiday')
      .values(national.days.map((day) => ({ pemda_id: pemdaId, date: day.date, kind: day.kind, name: day.name, source: day.source, created_by: null })))
      .onConflict((oc) => oc.columns(['pemda_id', 'date', 'name']).doNothing())
      .execute();
  }
}

/** The working calendar of one Pemda, with its time zone and every day off it has recorded. */
export async function loadCalendar(db: Kysely<DB>, pemdaId: string): Promise<WorkingCalendar> {
  await ensureNationalHolidays(db, pemdaId);
  const pemda = await db.selectFrom('pemda').select('timezone').where('id', '=', pemdaId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('holiday').select(['date', 'name']).where('pemda_id', '=', pemdaId).execute();
  return buildCalendar(pemda.timezone, rows.map((row) => [row.date, row.name] as const));
}

/** UTC offsets of Indonesia's three zones (no daylight saving): WIB, WITA, WIT. */
/** Indonesia's three time zones (WIB, WITA, WIT) and their offsets from UTC; a Pemda's time zone is one of them. */
export const UTC_OFFSET_HOURS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

/** The instant a local date begins in the Pemda's time zone. */
export function startOfLocalDay(date: string, timezone: string): Date {
  const offset = UTC_OFFSET_HOURS[timezone] ?? 7;
  return new Date(Date.parse(`${date}T00:00:00Z`) - offset * 3_600_000);
}
