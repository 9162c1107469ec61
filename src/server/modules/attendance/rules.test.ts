import { describe, expect, it } from 'vitest';
import { computeDay, fixedShift, type DayEvent } from './day';
import { bracketFor, computeTpp, DEFAULT_DISCIPLINE, DEFAULT_LATENESS, DEFAULT_SCHEDULE, DEFAULT_TPP, disciplineDays } from './rules';

const rules = DEFAULT_LATENESS.body;
const at = (hhmm: string, state: number | null = 255, nextDay = false): DayEvent => ({ t: (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60 + (nextDay ? 86_400 : 0), state });
const normal = (date: string) => fixedShift(DEFAULT_SCHEDULE.body, date);

describe('BRIEF §4.1–4.2 worked examples', () => {
  it('31 minutes late = TL2 = 1 %', () => {
    const day = computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [at('08:01'), at('16:05')], rules });
    expect(day).toMatchObject({ status: 'hadir', lateMinutes: 31, tl: 2, psw: 0, cutPercent: 1, checkIn: '08:01', checkOut: '16:05' });
  });

  it('30 minutes late is still TL1 (0.5 %), 07:30:59 is on time', () => {
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [at('08:00'), at('16:00')], rules })).toMatchObject({ tl: 1, cutPercent: 0.5 });
    const onTime = computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [{ t: 7.5 * 3600 + 59, state: 0 }, at('16:00', 1)], rules });
    expect(onTime).toMatchObject({ tl: 0, psw: 0, cutPercent: 0 });
  });

  it('no check-out = PSW4 (1.5 %); no check-in = TL4', () => {
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [at('07:20')], rules })).toMatchObject({ status: 'hadir', tl: 0, psw: 4, cutPercent: 1.5, checkOut: null });
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [at('16:10')], rules })).toMatchObject({ tl: 4, psw: 0, cutPercent: 1.5, checkIn: null });
  });

  it('explicit states win over the window; state 255 pairs first in, last out', () => {
    const day = computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [at('07:10', 0), at('12:00', 2), at('13:00', 3), at('15:40', 1)], rules });
    expect(day).toMatchObject({ checkIn: '07:10', checkOut: '15:40', earlyMinutes: 20, psw: 1 });
    const undefinedStates = computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [at('07:45'), at('12:00'), at('16:00')], rules });
    expect(undefinedStates).toMatchObject({ checkIn: '07:45', checkOut: '16:00', tl: 1 });
  });

  it('Friday ends at 16.30; the Ramadan schedule starts at 08.00 and ends at 15.00 (Friday 15.30)', () => {
    expect(normal('2025-01-10')).toEqual({ start: '07:30', end: '16:30', name: 'jadwal_normal' });
    expect(normal('2025-03-10')).toEqual({ start: '08:00', end: '15:00', name: 'jadwal_ramadan' });
    expect(normal('2025-03-14')).toEqual({ start: '08:00', end: '15:30', name: 'jadwal_ramadan' });
    // 08:10 in Ramadan is 10 minutes late, not 40.
    const day = computeDay({ shift: normal('2025-03-10'), offReason: '', leave: null, events: [at('08:10'), at('15:00')], rules });
    expect(day).toMatchObject({ lateMinutes: 10, tl: 1, psw: 0 });
    expect(normal('2025-01-11')).toBeNull();
  });

  it('a night shift across midnight: 22.00–07.00, check-out the next morning', () => {
    const shift = { start: '22:00', end: '07:00', name: 'Malam' };
    const day = computeDay({ shift, offReason: '', leave: null, events: [at('21:55'), at('07:05', 255, true)], rules });
    expect(day).toMatchObject({ status: 'hadir', checkIn: '21:55', checkOut: '07:05+1', tl: 0, psw: 0, cutPercent: 0 });
    const early = computeDay({ shift, offReason: '', leave: null, events: [at('22:40', 0), at('05:00', 1, true)], rules });
    expect(early).toMatchObject({ lateMinutes: 40, tl: 2, earlyMinutes: 120, psw: 4, cutPercent: 2.5 });
  });

  it('holidays and approved cuti do not count; absence without reason is TK (3 %)', () => {
    expect(computeDay({ shift: null, offReason: 'Hari Raya Idul Fitri', leave: null, events: [], rules })).toMatchObject({ status: 'libur', cutPercent: 0, reason: 'Hari Raya Idul Fitri' });
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: 'cuti_tahunan', events: [], rules })).toMatchObject({ status: 'cuti', cutPercent: 0 });
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: 'dinas_luar', events: [], rules })).toMatchObject({ status: 'dinas_luar', cutPercent: 0 });
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: 'wfa', events: [], rules })).toMatchObject({ status: 'tk', cutPercent: 3 });
    expect(computeDay({ shift: normal('2025-01-06'), offReason: '', leave: null, events: [], rules })).toMatchObject({ status: 'tk', cutPercent: 3 });
  });
});

describe('BRIEF §4.3 discipline (PP 94/2021)', () => {
  const d = DEFAULT_DISCIPLINE.body;
  it('3 TK days reach teguran lisan; 2 reach nothing', () => {
    expect(bracketFor(d, 2, 2)).toBeNull();
    expect(bracketFor(d, 3, 1)).toMatchObject({ level: 'ringan', sanction: 'teguran_lisan' });
    expect(bracketFor(d, 12, 0)).toMatchObject({ level: 'sedang', sanction: 'potong_tpp_6', tppCutPercent: 25, months: 6 });
    expect(bracketFor(d, 28, 0)).toMatchObject({ level: 'berat', sanction: 'pdhtaps' });
  });
  it('450 minutes of lateness count as one day; 449 do not', () => {
    expect(disciplineDays(d, 2, 450)).toEqual({ days: 3, exact: 3 });
    expect(disciplineDays(d, 2, 449).days).toBe(2);
  });
  it('10 consecutive TK days reach dismissal whatever the total', () => {
    expect(bracketFor(d, 10, 10)).toMatchObject({ level: 'berat', sanction: 'pdhtaps', key: 'berat_berturut_10' });
  });
});

describe('BRIEF §4.4 TPP', () => {
  const t = DEFAULT_TPP.body;
  it('60/40 split, disiplin 100 % − cuts, cap at 100 %', () => {
    const full = computeTpp({ basic: 4_000_000, kinerjaPercent: 100, cutPercent: 0, capPercent: 100, sanctionPercent: 0, rules: t });
    expect(full).toMatchObject({ kinerjaAmount: 2_400_000, disiplinAmount: 1_600_000, paid: 4_000_000 });
    const cut = computeTpp({ basic: 4_000_000, kinerjaPercent: 100, cutPercent: 4.5, capPercent: 100, sanctionPercent: 0, rules: t });
    expect(cut).toMatchObject({ disiplinPercent: 95.5, disiplinAmount: 1_528_000, paid: 3_928_000 });
    const capped = computeTpp({ basic: 4_000_000, kinerjaPercent: 100, cutPercent: 130, capPercent: 100, sanctionPercent: 0, rules: t });
    expect(capped).toMatchObject({ cappedCutPercent: 100, disiplinPercent: 0, disiplinAmount: 0, paid: 2_400_000 });
  });
  it('a sedang sanction cuts 25 % on top', () => {
    const result = computeTpp({ basic: 4_000_000, kinerjaPercent: 100, cutPercent: 0, capPercent: 100, sanctionPercent: 25, rules: t });
    expect(result).toMatchObject({ sanctionAmount: 1_000_000, paid: 3_000_000 });
  });
});
