import type { THoliday, THolidayCreateRequest, THolidayList } from '../../../contracts/calendar';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { addDays, ensureNationalHolidays, isWeekend, loadCalendar } from '../../platform/calendar';
import { evaluateDiscipline } from '../attendance/discipline';
import { recomputeDays } from '../attendance/status';
import { CalendarErrors } from './errors';

/**
 * A day off added or removed changes the status of every pegawai on that date: when the date was already
 * computed (attendance, issue 5 §4) it is recomputed in the same transaction, with the discipline ledgers.
 */
async function recomputeDate(tx: TxCtx, pemdaId: string, date: string): Promise<number> {
  const computed = await tx.db.selectFrom('att_day').select('date').where('pemda_id', '=', pemdaId).where('date', '=', date).limit(1).executeTakeFirst();
  if (!computed) return 0;
  const result = await recomputeDays(tx.db, pemdaId, { from: date, to: date });
  await evaluateDiscipline(tx, pemdaId, result.touched);
  return result.days;
}

function present(row: { id: string; date: string; kind: THoliday['kind']; name: string; source: string }): THoliday {
  return { id: row.id, date: row.date, kind: row.kind, name: row.name, source: row.source, weekday: !isWeekend(row.date) };
}

export async function listHolidays(ctx: Ctx, pemdaId: string, year: number): Promise<THolidayList> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const rows = await ctx.db
    .selectFrom('holiday')
    .select(['id', 'date', 'kind', 'name', 'source'])
    .where('pemda_id', '=', pemdaId)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .orderBy('name')
    .execute();
  const loaded = await ctx.db.selectFrom('holiday_year').select('basis').where('pemda_id', '=', pemdaId).where('year', '=', year).executeTakeFirst();
  return {
    year,
    timezone: calendar.timezone,
    basis: loaded?.basis ?? null,
    workingDays: calendar.workingDaysBetween(addDays(`${year}-01-01`, -1), `${year}-12-31`),
    items: rows.map(present),
  };
}

export async function addHoliday(ctx: Ctx, pemdaId: string, userId: string | null, input: THolidayCreateRequest): Promise<THoliday> {
  const year = Number(input.date.slice(0, 4));
  if (year < 2000 || year > 2100) throw new AppError(CalendarErrors.HOLIDAY_YEAR, { year });
  return inTransaction(ctx, async (tx) => {
    // Copy the national list first, so a local day added before first use is not mistaken for a loaded year.
    await ensureNationalHolidays(tx.db, pemdaId);
    const exists = await tx.db.selectFrom('holiday').select('id').where('pemda_id', '=', pemdaId).where('date', '=', input.date).where('name', '=', input.name).executeTakeFirst();
    if (exists) throw new AppError(CalendarErrors.HOLIDAY_EXISTS, { name: input.name, date: input.date });
    const row = await tx.db
      .insertInto('holiday')
      .values({ pemda_id: pemdaId, date: input.date, kind: input.kind, name: input.name, source: input.source, created_by: userId })
      .returning(['id', 'date', 'kind', 'name', 'source'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId, action: 'calendar.holiday_added', entityType: 'holiday', entityId: row.id, after: { date: row.date, kind: row.kind, name: row.name, source: row.source } });
    await recomputeDate(tx, pemdaId, row.date);
    return present(row);
  });
}

export async function removeHoliday(ctx: Ctx, pemdaId: string, holidayId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('holiday').select(['id', 'date', 'kind', 'name', 'source']).where('pemda_id', '=', pemdaId).where('id', '=', holidayId).executeTakeFirst();
    if (!row) throw new AppError(CalendarErrors.HOLIDAY_NOT_FOUND);
    await tx.db.deleteFrom('holiday').where('pemda_id', '=', pemdaId).where('id', '=', holidayId).execute();
    await writeAudit(tx, { pemdaId, action: 'calendar.holiday_removed', entityType: 'holiday', entityId: row.id, before: { date: row.date, kind: row.kind, name: row.name, source: row.source } });
    await recomputeDate(tx, pemdaId, row.date);
  });
}
