import { sql } from 'kysely';
import type { Ctx } from '../../http/context';
import { addDays, daysBetween, loadCalendar, startOfLocalDay } from '../../platform/calendar';
import type { MetricDef, MetricRow } from '../../platform/metrics';
import { coordinationSettings, localDate, monthRange, periodOf, reportDueDate, type Period } from './common';

/**
 * Monthly per-OPD measures for the scorecard (docs/DESIGN.md, the metrics contract). Each row links to the records
 * behind it, so a figure can be explained down to the directive, the report or the meeting.
 */
async function activeOpds(ctx: Ctx, pemdaId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('sort_order').orderBy('code').execute();
  return rows.map((row) => row.id);
}

/** The month's last day that has already happened (a running month is measured up to today). */
function measuredEnd(month: Period, today: string): string {
  return month.end < today ? month.end : today;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export const directivesOnTime: MetricDef = {
  key: 'coordination.directives_on_time',
  label: { id: 'Arahan selesai tepat waktu', en: 'Directives completed on time' },
  description: { id: 'Arahan yang jatuh tempo pada bulan ini dan dilaporkan selesai paling lambat pada tenggatnya, dibagi seluruh arahan yang jatuh tempo.', en: 'Directives due this month that were reported done by their due date, over all directives due.' },
  unit: 'ratio',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const range = monthRange(month);
    const end = measuredEnd(range, calendar.today());
    const rows = end < range.start ? [] : await ctx.db
      .selectFrom('coord_assignment')
      .select(['opd_id', sql<number>`count(*)::int`.as('due'), sql<number>`count(*) FILTER (WHERE status IN ('selesai', 'diterima') AND completed_on <= due_date)::int`.as('on_time')])
      .where('pemda_id', '=', pemdaId)
      .where('due_date', '>=', range.start)
      .where('due_date', '<=', end)
      .where('status', '<>', 'dibatalkan')
      .groupBy('opd_id')
      .execute();
    const byOpd = new Map(rows.map((row) => [row.opd_id, row]));
    return (await activeOpds(ctx, pemdaId)).map((opdId): MetricRow => {
      const row = byOpd.get(opdId);
      return { opdId, value: ratio(row?.on_time ?? 0, row?.due ?? 0), numerator: row?.on_time ?? 0, denominator: row?.due ?? 0, link: `/koordinasi/arahan?opd=${opdId}&dueMonth=${month}` };
    });
  },
};

export const firstFollowUpDays: MetricDef = {
  key: 'coordination.first_followup_days',
  label: { id: 'Median hari kerja hingga tindak lanjut pertama', en: 'Median working days to first follow-up' },
  description: { id: 'Untuk arahan yang diterima OPD pada bulan ini: median hari kerja dari penerbitan sampai laporan tindak lanjut pertama (Perpres 21/2023, kalender Pemda).', en: 'For directives received this month: median working days from issuance to the first follow-up report (Pemda calendar).' },
  unit: 'days',
  better: 'lower',
  async compute(ctx, pemdaId, month) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const range = monthRange(month);
    const rows = await ctx.db
      .selectFrom('coord_assignment')
      .select(['opd_id', 'issued_on', 'first_activity_at'])
      .where('pemda_id', '=', pemdaId)
      .where('issued_on', '>=', range.start)
      .where('issued_on', '<=', range.end)
      .where('status', '<>', 'dibatalkan')
      .execute();
    const days = new Map<string, number[]>();
    const issued = new Map<string, number>();
    for (const row of rows) {
      issued.set(row.opd_id, (issued.get(row.opd_id) ?? 0) + 1);
      const first = localDate(calendar.timezone, row.first_activity_at);
      if (!first) continue;
      const list = days.get(row.opd_id) ?? [];
      list.push(Math.max(0, calendar.workingDaysBetween(row.issued_on, first)));
      days.set(row.opd_id, list);
    }
    return (await activeOpds(ctx, pemdaId)).map((opdId) => ({
      opdId,
      value: median(days.get(opdId) ?? []),
      numerator: days.get(opdId)?.length ?? 0,
      denominator: issued.get(opdId) ?? 0,
      link: `/koordinasi/arahan?opd=${opdId}&issuedMonth=${month}`,
    }));
  },
};

export const longestSilence: MetricDef = {
  key: 'coordination.longest_silence',
  label: { id: 'Masa diam terpanjang (hari)', en: 'Longest silence (days)' },
  description: { id: 'Jumlah hari terpanjang dalam bulan ini tanpa laporan berkala maupun laporan tindak lanjut dari OPD.', en: 'The longest run of days this month without a periodic report or a follow-up report from the OPD.' },
  unit: 'days',
  better: 'lower',
  async compute(ctx, pemdaId, month) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const range = monthRange(month);
    const today = calendar.today();
    const end = measuredEnd(range, today);
    const opds = await activeOpds(ctx, pemdaId);
    if (end < range.start) return opds.map((opdId) => ({ opdId, value: null, numerator: null, denominator: null, link: `/koordinasi/opd/${opdId}` }));
    const from = startOfLocalDay(range.start, calendar.timezone);
    const until = startOfLocalDay(addDays(end, 1), calendar.timezone);
    const activity = await sql<{ opd_id: string; at: Date }>`
      SELECT opd_id, created_at AS at FROM coord_followup WHERE pemda_id = ${pemdaId} AND kind = 'progress' AND created_at >= ${from} AND created_at < ${until}
      UNION ALL
      SELECT opd_id, submitted_at AS at FROM coord_report WHERE pemda_id = ${pemdaId} AND submitted_at >= ${from} AND submitted_at < ${until}`.execute(ctx.db);
    const dates = new Map<string, string[]>();
    for (const row of activity.rows) {
      const list = dates.get(row.opd_id) ?? [];
      list.push(localDate(calendar.timezone, new Date(row.at)) as string);
      dates.set(row.opd_id, list);
    }
    return opds.map((opdId) => {
      const points = [...new Set(dates.get(opdId) ?? [])].sort();
      let previous = addDays(range.start, -1);
      let longest = 0;
      for (const date of [...points, addDays(end, 1)]) {
        longest = Math.max(longest, daysBetween(previous, date) - 1);
        previous = date;
      }
      return { opdId, value: longest, numerator: points.length, denominator: daysBetween(range.start, end) + 1, link: `/koordinasi/opd/${opdId}?bulan=${month}` };
    });
  },
};

export const reportCadence: MetricDef = {
  key: 'coordination.report_cadence',
  label: { id: 'Ketepatan laporan berkala', en: 'Periodic reports on time' },
  description: { id: 'Laporan berkala OPD yang jatuh tempo pada bulan ini dan dikirim tepat waktu, dibagi jumlah laporan yang jatuh tempo.', en: 'Periodic reports due this month and sent on time, over the reports due.' },
  unit: 'ratio',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const settings = await coordinationSettings(ctx.db, pemdaId);
    const range = monthRange(month);
    const today = calendar.today();
    // Periods whose due date falls in this month and has passed.
    const periods: Period[] = [];
    let period = periodOf(settings.reportCadence, addDays(range.start, -31));
    for (let i = 0; i < 12; i += 1) {
      const due = reportDueDate(calendar, period);
      if (due > range.end) break;
      if (due >= range.start && due < today) periods.push(period);
      period = periodOf(settings.reportCadence, addDays(period.end, 1));
    }
    const starts = periods.map((p) => p.start);
    const rows = starts.length
      ? await ctx.db
          .selectFrom('coord_report')
          .select(['opd_id', sql<number>`count(*) FILTER (WHERE NOT late)::int`.as('on_time')])
          .where('pemda_id', '=', pemdaId)
          .where('period_start', 'in', starts)
          .groupBy('opd_id')
          .execute()
      : [];
    const byOpd = new Map(rows.map((row) => [row.opd_id, row.on_time]));
    return (await activeOpds(ctx, pemdaId)).map((opdId) => {
      const onTime = byOpd.get(opdId) ?? 0;
      return { opdId, value: ratio(onTime, periods.length), numerator: onTime, denominator: periods.length, link: `/koordinasi/laporan?opd=${opdId}&bulan=${month}` };
    });
  },
};

export const meetingAttendance: MetricDef = {
  key: 'coordination.meeting_attendance',
  label: { id: 'Kehadiran rapat (kekompakan)', en: 'Meeting attendance (cohesion)' },
  description: { id: 'Undangan rapat koordinasi, apel dan sidang DPRD pada bulan ini yang dihadiri atau diwakili, dibagi jumlah undangan (seed 001, 004).', en: 'Invitations to coordination meetings, apel and DPRD sessions this month attended in person or by a representative, over all invitations.' },
  unit: 'ratio',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const range = monthRange(month);
    const from = startOfLocalDay(range.start, calendar.timezone);
    const until = new Date(Math.min(startOfLocalDay(addDays(range.end, 1), calendar.timezone).getTime(), Date.now()));
    const rows = await ctx.db
      .selectFrom('coord_meeting_invite as i')
      .innerJoin('coord_meeting as m', (join) => join.onRef('m.pemda_id', '=', 'i.pemda_id').onRef('m.id', '=', 'i.meeting_id'))
      .select(['i.opd_id', sql<number>`count(*)::int`.as('invited'), sql<number>`count(*) FILTER (WHERE i.attendance IN ('present', 'represented'))::int`.as('attended')])
      .where('i.pemda_id', '=', pemdaId)
      .where('m.starts_at', '>=', from)
      .where('m.starts_at', '<', until)
      .groupBy('i.opd_id')
      .execute();
    const byOpd = new Map(rows.map((row) => [row.opd_id, row]));
    return (await activeOpds(ctx, pemdaId)).map((opdId) => {
      const row = byOpd.get(opdId);
      return { opdId, value: ratio(row?.attended ?? 0, row?.invited ?? 0), numerator: row?.attended ?? 0, denominator: row?.invited ?? 0, link: `/koordinasi/rapat?opd=${opdId}&bulan=${month}` };
    });
  },
};

export const COORDINATION_METRICS: MetricDef[] = [directivesOnTime, firstFollowUpDays, longestSilence, reportCadence, meetingAttendance];
