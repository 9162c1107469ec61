import { sql } from 'kysely';
import { loadCalendar } from '../../platform/calendar';
import type { Flag, FlagSource } from '../../platform/metrics';
import { coordinationSettings, localDate } from './common';
import { computeSilence } from './inbox';

/**
 * What the leader must see now (docs/DESIGN.md, the flags contract): silent OPDs (seed 000), OPDs with overdue
 * directives, and obstacles waiting for the leader's decision.
 */
export const silentOpdFlags: FlagSource = {
  kind: 'coordination.silent_opd',
  async list(ctx, pemdaId) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const settings = await coordinationSettings(ctx.db, pemdaId);
    const rows = await computeSilence(ctx.db, pemdaId, calendar, { silenceDays: settings.silenceDays });
    const flags: Flag[] = [];
    for (const row of rows) {
      const since = localDate(calendar.timezone, row.spellStart) as string;
      if (row.silent) {
        const overdue = row.overdueCount > 0 ? { id: `, ${row.overdueCount} arahan lewat tenggat`, en: `, ${row.overdueCount} directives overdue` } : { id: '', en: '' };
        flags.push({
          kind: 'coordination.silent_opd',
          severity: 'critical',
          opdId: row.opdId,
          since,
          title: { id: `${row.opdName} tidak melapor selama ${row.daysSilent} hari${overdue.id}`, en: `${row.opdName} has been silent for ${row.daysSilent} days${overdue.en}` },
          link: `/koordinasi/opd/${row.opdId}`,
        });
      } else if (row.overdueCount > 0) {
        flags.push({
          kind: 'coordination.overdue',
          severity: 'warning',
          opdId: row.opdId,
          since,
          title: { id: `${row.opdName}: ${row.overdueCount} arahan lewat tenggat`, en: `${row.opdName}: ${row.overdueCount} directives overdue` },
          link: `/koordinasi/arahan?opd=${row.opdId}&status=overdue`,
        });
      }
    }
    return flags;
  },
};

export const obstacleFlags: FlagSource = {
  kind: 'coordination.obstacle',
  async list(ctx, pemdaId) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const rows = await ctx.db
      .selectFrom('coord_assignment as a')
      .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'a.pemda_id').onRef('o.id', '=', 'a.opd_id'))
      .select(['a.opd_id', 'o.name', sql<number>`count(*)::int`.as('n'), sql<Date>`min(a.updated_at)`.as('since')])
      .where('a.pemda_id', '=', pemdaId)
      .where('a.status', '=', 'terkendala')
      .groupBy(['a.opd_id', 'o.name'])
      .execute();
    return rows.map((row): Flag => ({
      kind: 'coordination.obstacle',
      severity: 'warning',
      opdId: row.opd_id,
      since: localDate(calendar.timezone, new Date(row.since)) as string,
      title: { id: `${row.name}: ${row.n} kendala menunggu keputusan pimpinan`, en: `${row.name}: ${row.n} obstacles waiting for the leader's decision` },
      link: `/koordinasi/opd/${row.opd_id}`,
    }));
  },
};

export const COORDINATION_FLAGS: FlagSource[] = [silentOpdFlags, obstacleFlags];
