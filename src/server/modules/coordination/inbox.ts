import { sql, type Kysely } from 'kysely';
import type { TLeaderInbox, TOpdInbox, TSilentOpd } from '../../../contracts/coordination';
import type { DB } from '../../db/schema';
import type { Ctx, UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { daysBetween, loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { authorize } from '../../platform/policy';
import { CLOSED_STATUSES, coordinationSettings, localDate, OPEN_STATUSES, overdueCutoff, presentInboxItem, type InboxRow } from './common';
import { CoordinationErrors } from './errors';
import { CoordinationActions } from './policy';
import { reportStatuses } from './reports';
import type { AssignmentStatus } from './tables';

/**
 * The leader's inbox (overdue directives, obstacles waiting for a decision, completions waiting for acceptance,
 * silent OPDs) and an OPD's own inbox. Seed 000: an OPD that neither reports nor follows up for N days (default 7,
 * pemda_setting coordination.silence_days), or that has overdue directives, is flagged with its days of silence.
 */
export interface SilenceRow {
  opdId: string;
  opdName: string;
  lastActivityAt: Date | null;
  /** Start of the current silence: the last activity, or the OPD's creation when it never reported. */
  spellStart: Date;
  daysSilent: number;
  overdueCount: number;
  silent: boolean;
}

export async function computeSilence(db: Kysely<DB>, pemdaId: string, calendar: WorkingCalendar, options: { silenceDays: number; now?: Date; opdId?: string }): Promise<SilenceRow[]> {
  const now = options.now ?? new Date();
  const today = calendar.today(now);
  const cutoff = overdueCutoff(calendar, today);
  let q = db
    .selectFrom('opd as o')
    .select([
      'o.id',
      'o.name',
      'o.created_at',
      sql<Date | null>`(SELECT max(f.created_at) FROM coord_followup f WHERE f.pemda_id = o.pemda_id AND f.opd_id = o.id AND f.kind = 'progress')`.as('last_followup'),
      sql<Date | null>`(SELECT max(r.submitted_at) FROM coord_report r WHERE r.pemda_id = o.pemda_id AND r.opd_id = o.id)`.as('last_report'),
    ])
    .where('o.pemda_id', '=', pemdaId)
    .where('o.active', '=', true)
    .orderBy('o.sort_order')
    .orderBy('o.code');
  if (options.opdId) q = q.where('o.id', '=', options.opdId);
  const rows = await q.execute();
  let overdueQuery = db
    .selectFrom('coord_assignment')
    .select(['opd_id', sql<number>`count(*)::int`.as('n')])
    .where('pemda_id', '=', pemdaId)
    .where('status', 'in', OPEN_STATUSES)
    .where('due_date', '<', cutoff)
    .groupBy('opd_id');
  if (options.opdId) overdueQuery = overdueQuery.where('opd_id', '=', options.opdId);
  const overdue = new Map((await overdueQuery.execute()).map((row) => [row.opd_id, row.n]));
  return rows.map((row) => {
    const candidates = [row.last_followup, row.last_report].filter((d): d is Date => d !== null).map((d) => new Date(d));
    const lastActivityAt = candidates.length ? new Date(Math.max(...candidates.map((d) => d.getTime()))) : null;
    const spellStart = lastActivityAt ?? row.created_at;
    const daysSilent = Math.max(0, daysBetween(localDate(calendar.timezone, spellStart) as string, today));
    const overdueCount = overdue.get(row.id) ?? 0;
    return { opdId: row.id, opdName: row.name, lastActivityAt, spellStart, daysSilent, overdueCount, silent: daysSilent >= options.silenceDays };
  });
}

export function presentSilence(row: SilenceRow): TSilentOpd {
  return { opdId: row.opdId, opdName: row.opdName, daysSilent: row.daysSilent, lastActivityAt: row.lastActivityAt?.toISOString() ?? null, overdueCount: row.overdueCount, silent: row.silent };
}

function inboxQuery(db: Kysely<DB>, pemdaId: string) {
  return db
    .selectFrom('coord_assignment as a')
    .innerJoin('coord_directive as d', (join) => join.onRef('d.pemda_id', '=', 'a.pemda_id').onRef('d.id', '=', 'a.directive_id'))
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'a.pemda_id').onRef('o.id', '=', 'a.opd_id'))
    .select(['a.directive_id', 'd.code', 'd.number', sql<string>`left(d.text, 400)`.as('text'), 'd.priority', 'a.due_date', 'a.opd_id', 'o.name as opd_name', 'a.status', 'a.obstacle', 'a.last_activity_at'])
    .where('a.pemda_id', '=', pemdaId);
}

const LIST_LIMIT = 100;

export async function leaderInbox(ctx: Ctx, pemdaId: string): Promise<TLeaderInbox> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const settings = await coordinationSettings(ctx.db, pemdaId);
  const today = calendar.today();
  const cutoff = overdueCutoff(calendar, today);
  const [overdue, obstacles, awaiting, totals, silence] = await Promise.all([
    inboxQuery(ctx.db, pemdaId).where('a.status', 'in', OPEN_STATUSES).where('a.due_date', '<', cutoff).orderBy('a.due_date').orderBy('o.name').limit(LIST_LIMIT).execute(),
    inboxQuery(ctx.db, pemdaId).where('a.status', '=', 'terkendala').orderBy('a.updated_at').limit(LIST_LIMIT).execute(),
    inboxQuery(ctx.db, pemdaId).where('a.status', '=', 'selesai').orderBy('a.last_activity_at').limit(LIST_LIMIT).execute(),
    ctx.db
      .selectFrom('coord_assignment')
      .select([
        sql<number>`count(*)::int`.as('open'),
        sql<number>`count(*) FILTER (WHERE status IN ('belum', 'proses', 'terkendala') AND due_date < ${cutoff})::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE status = 'terkendala')::int`.as('obstacles'),
        sql<number>`count(*) FILTER (WHERE status = 'selesai')::int`.as('awaiting'),
      ])
      .where('pemda_id', '=', pemdaId)
      .where('status', 'in', [...OPEN_STATUSES, 'selesai'])
      .executeTakeFirstOrThrow(),
    computeSilence(ctx.db, pemdaId, calendar, { silenceDays: settings.silenceDays }),
  ]);
  const present = (rows: InboxRow[]) => rows.map((row) => presentInboxItem(row, calendar, today));
  const flagged = silence.filter((row) => row.silent || row.overdueCount > 0).sort((a, b) => Number(b.silent) - Number(a.silent) || b.daysSilent - a.daysSilent || b.overdueCount - a.overdueCount);
  return {
    today,
    silenceDays: settings.silenceDays,
    overdue: present(overdue).sort((a, b) => b.overdueDays - a.overdueDays),
    obstacles: present(obstacles),
    awaitingAcceptance: present(awaiting),
    silentOpds: flagged.map(presentSilence),
    totals: { open: totals.open, overdue: totals.overdue, obstacles: totals.obstacles, awaitingAcceptance: totals.awaiting, silentOpds: silence.filter((row) => row.silent).length },
  };
}

export async function opdInbox(ctx: Ctx, actor: UserActor, opdId: string): Promise<TOpdInbox> {
  const pemdaId = actor.pemdaId;
  const opd = await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', pemdaId).where('id', '=', opdId).executeTakeFirst();
  if (!opd) throw new AppError(CoordinationErrors.ASSIGNMENT_NOT_FOUND);
  authorize(actor, CoordinationActions['coordination.read'], { pemdaId, opdId });
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const settings = await coordinationSettings(ctx.db, pemdaId);
  const today = calendar.today();
  const open = await inboxQuery(ctx.db, pemdaId).where('a.opd_id', '=', opdId).where('a.status', 'in', [...OPEN_STATUSES, 'selesai']).orderBy('a.due_date').limit(200).execute();
  const closed = await inboxQuery(ctx.db, pemdaId).where('a.opd_id', '=', opdId).where('a.status', 'in', CLOSED_STATUSES).orderBy('a.updated_at', 'desc').limit(10).execute();
  const [silence] = await computeSilence(ctx.db, pemdaId, calendar, { silenceDays: settings.silenceDays, opdId });
  const reports = await reportStatuses(ctx.db, pemdaId, calendar, [opdId]);
  const status = reports.rows[0];
  if (!status) throw new AppError(CoordinationErrors.ASSIGNMENT_NOT_FOUND);
  const rank: Record<AssignmentStatus, number> = { terkendala: 0, belum: 1, proses: 2, selesai: 3, diterima: 4, dibatalkan: 5 };
  return {
    opd: { id: opd.id, name: opd.name },
    today,
    open: open.map((row) => presentInboxItem(row, calendar, today)).sort((a, b) => b.overdueDays - a.overdueDays || rank[a.status] - rank[b.status] || a.dueDate.localeCompare(b.dueDate)),
    recentlyClosed: closed.map((row) => presentInboxItem(row, calendar, today)),
    daysSilent: silence?.daysSilent ?? 0,
    cadence: reports.cadence,
    currentPeriod: status.currentPeriod,
    previousPeriod: status.previousPeriod,
  };
}
