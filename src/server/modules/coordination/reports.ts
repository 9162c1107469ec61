import { sql, type Kysely } from 'kysely';
import type { TReport, TReportRequest } from '../../../contracts/coordination';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { authorize } from '../../platform/policy';
import { coordinationSettings, monthRange, periodOf, previousPeriod, reportDueDate, type Period } from './common';
import { CoordinationErrors } from './errors';
import { CoordinationActions } from './policy';

/**
 * OPD periodic reports (seed 000: "if you never come or report, I assume it is done; reality differs"): a short
 * report per period (weekly by default) of achievements, problems and needs. A report is late when it arrives
 * after the first working day following its period.
 */
export async function submitReport(ctx: Ctx, actor: UserActor, input: TReportRequest): Promise<TReport> {
  const pemdaId = actor.pemdaId;
  if (!actor.opdId) throw new AppError(CoordinationErrors.REPORT_NO_OPD);
  const opdId = actor.opdId;
  const settings = await coordinationSettings(ctx.db, pemdaId);
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const now = new Date();
  const today = calendar.today(now);
  const period = periodOf(settings.reportCadence, input.periodStart ?? today);
  if (input.periodStart && input.periodStart !== period.start) throw new AppError(CoordinationErrors.REPORT_PERIOD_INVALID, { expected: period.start });
  if (period.start > today) throw new AppError(CoordinationErrors.REPORT_PERIOD_FUTURE, { periodStart: period.start });
  const due = reportDueDate(calendar, period);
  const id = await inTransaction(ctx, async (tx) => {
    const exists = await tx.db.selectFrom('coord_report').select('id').where('pemda_id', '=', pemdaId).where('opd_id', '=', opdId).where('period_start', '=', period.start).executeTakeFirst();
    if (exists) throw new AppError(CoordinationErrors.REPORT_EXISTS, { periodStart: period.start, periodEnd: period.end });
    const late = today > due;
    const row = await tx.db
      .insertInto('coord_report')
      .values({ pemda_id: pemdaId, opd_id: opdId, period_start: period.start, period_end: period.end, due_date: due, achievements: input.achievements, problems: input.problems, needs: input.needs, submitted_by: actor.userId, submitted_at: now, late })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId, action: 'coordination.report_submitted', entityType: 'coord_report', entityId: row.id, after: { opd_id: opdId, period_start: period.start, period_end: period.end, late } });
    return row.id;
  });
  const [report] = await listReports(ctx, actor, { limit: 1, id });
  return report as TReport;
}

export async function listReports(ctx: Ctx, actor: UserActor, query: { opd?: string | undefined; month?: string | undefined; limit: number; id?: string }): Promise<TReport[]> {
  const pemdaId = actor.pemdaId;
  const opdScope = actor.role === 'kepala_opd' || actor.role === 'operator_opd' ? actor.opdId : (query.opd ?? null);
  if (query.opd && opdScope !== query.opd) authorize(actor, CoordinationActions['coordination.read'], { pemdaId, opdId: query.opd });
  let q = ctx.db
    .selectFrom('coord_report as r')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'r.pemda_id').onRef('o.id', '=', 'r.opd_id'))
    .select(['r.id', 'r.opd_id', 'o.name', 'r.period_start', 'r.period_end', 'r.due_date', 'r.achievements', 'r.problems', 'r.needs', 'r.submitted_at', 'r.late'])
    .where('r.pemda_id', '=', pemdaId)
    .orderBy('r.period_start', 'desc')
    .orderBy('o.name')
    .limit(query.limit);
  if (opdScope) q = q.where('r.opd_id', '=', opdScope);
  if (query.id) q = q.where('r.id', '=', query.id);
  if (query.month) {
    const month = monthRange(query.month);
    q = q.where('r.period_end', '>=', month.start).where('r.period_start', '<=', month.end);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, opdId: r.opd_id, opdName: r.name, periodStart: r.period_start, periodEnd: r.period_end, dueDate: r.due_date, achievements: r.achievements, problems: r.problems, needs: r.needs, submittedAt: r.submitted_at.toISOString(), late: r.late }));
}

export interface PeriodStatus {
  start: string;
  end: string;
  due: string;
  submitted: boolean;
  late: boolean;
}

/** The current and previous period of each OPD: sent, sent late, or missing and past due (late). */
export async function reportStatuses(db: Kysely<DB>, pemdaId: string, calendar: WorkingCalendar, opdIds: readonly string[] | null) {
  const settings = await coordinationSettings(db, pemdaId);
  const today = calendar.today();
  const current = periodOf(settings.reportCadence, today);
  const previous = previousPeriod(settings.reportCadence, current);
  let q = db
    .selectFrom('opd as o')
    .leftJoin('coord_report as rc', (join) => join.onRef('rc.pemda_id', '=', 'o.pemda_id').onRef('rc.opd_id', '=', 'o.id').on('rc.period_start', '=', current.start))
    .leftJoin('coord_report as rp', (join) => join.onRef('rp.pemda_id', '=', 'o.pemda_id').onRef('rp.opd_id', '=', 'o.id').on('rp.period_start', '=', previous.start))
    .select([
      'o.id',
      'o.name',
      'rc.late as current_late',
      'rc.id as current_id',
      'rp.late as previous_late',
      'rp.id as previous_id',
      sql<Date | null>`(SELECT max(r.submitted_at) FROM coord_report r WHERE r.pemda_id = o.pemda_id AND r.opd_id = o.id)`.as('last_submitted'),
    ])
    .where('o.pemda_id', '=', pemdaId)
    .where('o.active', '=', true)
    .orderBy('o.sort_order')
    .orderBy('o.code');
  if (opdIds) q = q.where('o.id', 'in', opdIds.length ? opdIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.execute();
  const status = (period: Period, id: string | null, late: boolean | null): PeriodStatus => {
    const due = reportDueDate(calendar, period);
    return { start: period.start, end: period.end, due, submitted: id !== null, late: id !== null ? late === true : today > due };
  };
  return {
    cadence: settings.reportCadence,
    rows: rows.map((r) => ({
      opdId: r.id,
      opdName: r.name,
      lastSubmittedAt: r.last_submitted ? new Date(r.last_submitted).toISOString() : null,
      currentPeriod: status(current, r.current_id, r.current_late),
      previousPeriod: status(previous, r.previous_id, r.previous_late),
    })),
  };
}
