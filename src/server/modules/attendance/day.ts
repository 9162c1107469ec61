import { bandFor, topBand, type LatenessRules, type ScheduleRules } from './rules';

/**
 * The daily status of one pegawai (pure): from the day's shift, approved leave and presence events, per BRIEF
 * §4.1 (working time) and §4.2 (TL/PSW codes and their cuts). Times are seconds from the local midnight of the
 * date, so a night shift's check-out after midnight is simply past 86,400.
 */
export const LEAVE_KINDS = [
  'cuti_tahunan',
  'cuti_sakit',
  'cuti_besar',
  'cuti_melahirkan',
  'cuti_alasan_penting',
  'cltn',
  'izin',
  'dinas_luar',
  'tugas_belajar',
  'wfa',
] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const DAY_STATUSES = ['hadir', 'tk', 'libur', 'cuti', 'izin', 'dinas_luar', 'tugas_belajar'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

/** Which status an approved leave gives a working day; WFA excuses nothing (the pegawai works and checks in). */
export function statusOfLeave(kind: LeaveKind): DayStatus | null {
  if (kind === 'wfa') return null;
  if (kind === 'izin' || kind === 'dinas_luar' || kind === 'tugas_belajar') return kind;
  return 'cuti';
}

export interface Shift {
  start: string;
  end: string;
  name: string;
}

export interface DayEvent {
  /** Seconds from local midnight of the date (negative: the day before; ≥ 86,400: the day after). */
  t: number;
  state: number | null;
}

export interface DayInput {
  shift: Shift | null;
  /** Why the day is off when there is no shift: a holiday's name, 'weekend' or 'no_shift'. */
  offReason: string;
  leave: LeaveKind | null;
  events: readonly DayEvent[];
  rules: LatenessRules;
}

export interface DayResult {
  status: DayStatus;
  scheduled: boolean;
  schedStart: string | null;
  schedEnd: string | null;
  checkIn: string | null;
  checkOut: string | null;
  lateMinutes: number;
  earlyMinutes: number;
  tl: number;
  psw: number;
  cutPercent: number;
  reason: string;
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 'HH:MM', with '+1' when the time falls on the next day (a night shift's check-out). */
export function clock(seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  const within = seconds - day * 86_400;
  const text = `${String(Math.floor(within / 3600)).padStart(2, '0')}:${String(Math.floor((within % 3600) / 60)).padStart(2, '0')}`;
  return day === 0 ? text : `${text}${day > 0 ? '+' : ''}${day}`;
}

/** Shift bounds in seconds; an end at or before the start is on the next day (a shift across midnight). */
export function shiftBounds(shift: Shift): { start: number; end: number } {
  const start = minutesOf(shift.start) * 60;
  let end = minutesOf(shift.end) * 60;
  if (end <= start) end += 86_400;
  return { start, end };
}

/** Events belonging to a shift: from 4 hours before its start to 6 hours after its end. */
export const WINDOW_BEFORE = 4 * 3600;
export const WINDOW_AFTER = 6 * 3600;

const IN_STATES = new Set([0, 4]);
const OUT_STATES = new Set([1, 5]);
const BREAK_STATES = new Set([2, 3]);

/**
 * Check-in and check-out from the events of the window. Explicit machine states win (0/4 in, 1/5 out, 2/3 breaks
 * are ignored); with undefined states (255 and others) the window is paired first in, last out, and a single
 * undefined event counts as a check-in before the middle of the shift and as a check-out after it.
 */
export function pairEvents(events: readonly DayEvent[], bounds: { start: number; end: number }): { checkIn: number | null; checkOut: number | null } {
  const inWindow = events.filter((e) => e.t >= bounds.start - WINDOW_BEFORE && e.t <= bounds.end + WINDOW_AFTER && !BREAK_STATES.has(e.state ?? -1)).sort((a, b) => a.t - b.t);
  const ins = inWindow.filter((e) => IN_STATES.has(e.state ?? -1));
  const outs = inWindow.filter((e) => OUT_STATES.has(e.state ?? -1));
  const unknown = inWindow.filter((e) => !IN_STATES.has(e.state ?? -1) && !OUT_STATES.has(e.state ?? -1));
  const middle = (bounds.start + bounds.end) / 2;
  let checkIn = ins[0]?.t ?? null;
  let checkOut = outs.length > 0 ? (outs[outs.length - 1] as DayEvent).t : null;
  const earliest = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));
  const latest = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));
  if (unknown.length >= 2) {
    checkIn = earliest(checkIn, (unknown[0] as DayEvent).t);
    checkOut = latest(checkOut, (unknown[unknown.length - 1] as DayEvent).t);
  } else if (unknown.length === 1) {
    const only = (unknown[0] as DayEvent).t;
    if (only < middle) checkIn = earliest(checkIn, only);
    else checkOut = latest(checkOut, only);
  }
  // Explicit check-ins after the last check-out (or the reverse) are kept as they are: the codes below show it.
  return { checkIn, checkOut };
}

export function computeDay(input: DayInput): DayResult {
  const base: DayResult = {
    status: 'libur',
    scheduled: false,
    schedStart: null,
    schedEnd: null,
    checkIn: null,
    checkOut: null,
    lateMinutes: 0,
    earlyMinutes: 0,
    tl: 0,
    psw: 0,
    cutPercent: 0,
    reason: input.offReason,
  };
  if (!input.shift) return base;
  const bounds = shiftBounds(input.shift);
  const paired = pairEvents(input.events, bounds);
  const scheduled: DayResult = {
    ...base,
    scheduled: true,
    schedStart: input.shift.start,
    schedEnd: input.shift.end,
    checkIn: paired.checkIn === null ? null : clock(paired.checkIn),
    checkOut: paired.checkOut === null ? null : clock(paired.checkOut),
    reason: input.shift.name,
  };
  // BRIEF §4.2: valid absences (cuti, sakit, dinas luar, tugas belajar, approved izin) cut nothing.
  const excused = input.leave ? statusOfLeave(input.leave) : null;
  if (excused) return { ...scheduled, status: excused, reason: input.leave as string };
  if (paired.checkIn === null && paired.checkOut === null) {
    return { ...scheduled, status: 'tk', cutPercent: input.rules.tkCutPercent };
  }
  // Late and early minutes count whole minutes (07:30:59 is on time, 07:31:00 is one minute late).
  const late = paired.checkIn === null ? null : Math.max(0, Math.floor((paired.checkIn - bounds.start) / 60));
  const early = paired.checkOut === null ? null : Math.max(0, Math.ceil((bounds.end - paired.checkOut) / 60));
  const tl = late === null ? topBand(input.rules.tl) : bandFor(input.rules.tl, late);
  const psw = early === null ? topBand(input.rules.psw) : bandFor(input.rules.psw, early);
  return {
    ...scheduled,
    status: 'hadir',
    lateMinutes: late ?? 0,
    earlyMinutes: early ?? 0,
    tl: tl.code,
    psw: psw.code,
    cutPercent: tl.cutPercent + psw.cutPercent,
  };
}

/** ISO weekday 1..7 of a 'YYYY-MM-DD' date. */
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function ramadanOf(rules: ScheduleRules, date: string): string | null {
  return rules.ramadan.find((period) => date >= period.from && date <= period.to)?.name ?? null;
}

/** The fixed schedule's hours on a date (Ramadan hours inside a Ramadan period), or null on a day off. */
export function fixedShift(rules: ScheduleRules, date: string): Shift | null {
  const ramadan = ramadanOf(rules, date);
  const hours = (ramadan ? rules.ramadanWeek : rules.week)[isoWeekday(date)];
  if (!hours) return null;
  return { start: hours.start, end: hours.end, name: ramadan ? `jadwal_ramadan` : 'jadwal_normal' };
}
