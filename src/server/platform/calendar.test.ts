import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPemda } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db';
import { addDays, buildCalendar, dateIn, isWeekend, loadCalendar, nationalHolidaysOf, startOfLocalDay } from './calendar';

// Perpres 21/2023 (Mon-Fri) with the 2025 decree: Nyepi 29 Mar, Idul Fitri 31 Mar-1 Apr, cuti bersama 28 Mar, 2-4 and 7 Apr.
const national2025 = nationalHolidaysOf(2025);
const calendar2025 = buildCalendar('Asia/Jakarta', (national2025?.days ?? []).map((d) => [d.date, d.name] as const));

describe('working days (pure)', () => {
  it('knows weekends and the decree of the year', () => {
    expect(isWeekend('2025-03-29')).toBe(true);
    expect(calendar2025.isWorkingDay('2025-03-27')).toBe(true);
    expect(calendar2025.isWorkingDay('2025-03-28')).toBe(false);
    expect(calendar2025.holidayName('2025-03-31')).toBe('Hari Raya Idul Fitri 1446 H');
    // SKB 3 Menteri 2025 amended: cuti bersama on 18 Aug 2025.
    expect(calendar2025.isWorkingDay('2025-08-18')).toBe(false);
    expect(calendar2025.isWorkingDay('2025-08-19')).toBe(true);
  });

  it('skips the Lebaran week: one working day after Thursday 27 March 2025 is Tuesday 8 April', () => {
    expect(calendar2025.addWorkingDays('2025-03-27', 1)).toBe('2025-04-08');
    expect(calendar2025.workingDaysBetween('2025-03-27', '2025-04-08')).toBe(1);
    expect(calendar2025.workingDaysBetween('2025-04-08', '2025-03-27')).toBe(-1);
    expect(calendar2025.addWorkingDays('2025-04-08', -1)).toBe('2025-03-27');
  });

  it('counts across weekends', () => {
    const plain = buildCalendar('Asia/Jakarta', []);
    expect(plain.workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1); // Fri -> Mon
    expect(plain.workingDaysBetween('2026-11-20', '2026-11-22')).toBe(0); // Fri -> Sun
    expect(plain.addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(plain.addWorkingDays('2026-11-21', 0)).toBe('2026-11-21');
    expect(plain.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(260);
  });

  it('agrees with itself: workingDaysBetween(a, addWorkingDays(a, n)) = n', () => {
    let date = '2024-01-03';
    for (let i = 0; i < 300; i += 1) {
      const n = (i * 7) % 40;
      expect(calendar2025.workingDaysBetween(date, calendar2025.addWorkingDays(date, n))).toBe(n);
      date = addDays(date, 3);
    }
  });

  it('reads dates in the Pemda time zone (WIB, WITA, WIT)', () => {
    const instant = new Date('2026-11-22T16:30:00Z');
    expect(dateIn('Asia/Jakarta', instant)).toBe('2026-11-22');
    expect(dateIn('Asia/Makassar', instant)).toBe('2026-11-23');
    expect(dateIn('Asia/Jayapura', instant)).toBe('2026-11-23');
    expect(startOfLocalDay('2026-11-23', 'Asia/Jayapura').toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });
});

describe('working days of a Pemda (database)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('copies the national list once, with its basis, and a removed day stays removed', async () => {
    const pemda = await buildPemda(database.db);
    const first = await loadCalendar(database.db, pemda.id);
    expect(first.isWorkingDay('2025-03-31')).toBe(false);
    const rows = await database.db.selectFrom('holiday').select(['id', 'date', 'source']).where('pemda_id', '=', pemda.id).execute();
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.find((r) => r.date === '2025-03-31')?.source).toMatch(/SKB/);
    await loadCalendar(database.db, pemda.id);
    expect(await database.db.selectFrom('holiday').select('id').where('pemda_id', '=', pemda.id).execute()).toHaveLength(rows.length);
    const lebaran = rows.find((r) => r.date === '2025-04-07');
    await database.db.deleteFrom('holiday').where('pemda_id', '=', pemda.id).where('id', '=', lebaran?.id ?? '').execute();
    const after = await loadCalendar(database.db, pemda.id);
    expect(after.isWorkingDay('2025-04-07')).toBe(true);
  });
});
