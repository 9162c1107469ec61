import { sql, type Selectable } from 'kysely';
import type { TDirectiveDetail, TDirectiveListQuery, TDirectiveSummary, TFollowUp } from '../../../contracts/coordination';
import type { Ctx, UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { loadCalendar } from '../../platform/calendar';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { authorize, can } from '../../platform/policy';
import { excerpt, monthRange, OPEN_STATUSES, overdueCutoff, overdueDays } from './common';
import { CoordinationErrors } from './errors';
import { CoordinationActions, seesInternal } from './policy';
import { verifyDirectiveRow } from './verify';
import type { AssignmentStatus, CoordDirectiveTable } from './tables';

/** Reading directives: the filtered list, the page of one directive with its per-OPD matrix and history. */
const OPD_ROLES = new Set(['kepala_opd', 'operator_opd']);

type CountMap = Record<AssignmentStatus, number>;
const emptyCounts = (): CountMap => ({ belum: 0, proses: 0, selesai: 0, terkendala: 0, diterima: 0, dibatalkan: 0 });

export async function listDirectives(ctx: Ctx, actor: UserActor, query: TDirectiveListQuery): Promise<{ items: TDirectiveSummary[]; nextCursor: string | null }> {
  const pemdaId = actor.pemdaId;
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const cutoff = overdueCutoff(calendar, today);
  // OPD roles see what was given to their OPD (scoped in SQL, never filtered afterwards).
  const scopeOpd = OPD_ROLES.has(actor.role) ? actor.opdId : (query.opd ?? null);
  let q = ctx.db
    .selectFrom('coord_directive as d')
    .selectAll('d')
    .where('d.pemda_id', '=', pemdaId)
    .orderBy('d.issued_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(query.limit + 1);
  if (scopeOpd || query.status !== 'all') {
    q = q.where((eb) => {
      let sub = eb.selectFrom('coord_assignment as a').select(sql<number>`1`.as('one')).where('a.pemda_id', '=', pemdaId).whereRef('a.directive_id', '=', 'd.id');
      if (scopeOpd) sub = sub.where('a.opd_id', '=', scopeOpd);
      if (query.status === 'open') sub = sub.where('a.status', 'in', [...OPEN_STATUSES, 'selesai']);
      if (query.status === 'overdue') sub = sub.where('a.status', 'in', OPEN_STATUSES).where('a.due_date', '<', cutoff);
      if (query.status === 'done') sub = sub.where('a.status', '=', 'diterima');
      return eb.exists(sub);
    });
  }
  if (query.tag) q = q.where(sql<boolean>`${query.tag} = ANY(d.tags)`);
  if (query.priority) q = q.where('d.priority', '=', query.priority);
  if (query.meeting) q = q.where('d.meeting_id', '=', query.meeting);
  if (query.q) q = q.where('d.text', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.dueMonth) {
    const month = monthRange(query.dueMonth);
    q = q.where('d.due_date', '>=', month.start).where('d.due_date', '<=', month.end);
  }
  if (query.issuedMonth) {
    const month = monthRange(query.issuedMonth);
    q = q.where('d.issued_at', '>=', new Date(`${month.start}T00:00:00Z`)).where('d.issued_at', '<', sql<Date>`${new Date(`${month.end}T00:00:00Z`)}::timestamptz + interval '1 day'`);
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const when = new Date(String(at));
    q = q.where((eb) => eb.or([eb('d.issued_at', '<', when), eb.and([eb('d.issued_at', '=', when), eb('d.id', '<', String(id))])]));
  }
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const items = await summarise(ctx, pemdaId, page, cutoff);
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.issued_at.toISOString(), last.id]) : null };
}

export type DirectiveRow = Selectable<CoordDirectiveTable>;

async function summarise(ctx: Ctx, pemdaId: string, rows: ReadonlyArray<DirectiveRow>, cutoff: string): Promise<TDirectiveSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts = await ctx.db
    .selectFrom('coord_assignment')
    .select(['directive_id', 'status', sql<number>`count(*)::int`.as('n'), sql<number>`count(*) FILTER (WHERE due_date < ${cutoff} AND status IN ('belum', 'proses', 'terkendala'))::int`.as('overdue')])
    .where('pemda_id', '=', pemdaId)
    .where('directive_id', 'in', ids)
    .groupBy(['directive_id', 'status'])
    .execute();
  const successors = await ctx.db
    .selectFrom('coord_directive')
    .select(['id', 'code', 'number', 'supersedes_id'])
    .where('pemda_id', '=', pemdaId)
    .where('supersedes_id', 'in', ids)
    .execute();
  const predecessorIds = rows.map((row) => row.supersedes_id).filter((id): id is string => id !== null);
  const predecessors = predecessorIds.length
    ? await ctx.db.selectFrom('coord_directive').select(['id', 'code', 'number']).where('pemda_id', '=', pemdaId).where('id', 'in', predecessorIds).execute()
    : [];
  const byDirective = new Map<string, { counts: CountMap; overdue: number; total: number }>();
  for (const row of counts) {
    const entry = byDirective.get(row.directive_id) ?? { counts: emptyCounts(), overdue: 0, total: 0 };
    entry.counts[row.status] = row.n;
    entry.overdue += row.overdue;
    entry.total += row.n;
    byDirective.set(row.directive_id, entry);
  }
  return rows.map((row) => {
    const entry = byDirective.get(row.id) ?? { counts: emptyCounts(), overdue: 0, total: 0 };
    const next = successors.find((s) => s.supersedes_id === row.id);
    const previous = predecessors.find((p) => p.id === row.supersedes_id);
    return {
      id: row.id,
      code: row.code,
      number: row.number,
      text: excerpt(row.text),
      tags: row.tags,
      priority: row.priority,
      dueDate: row.due_date,
      issuedAt: row.issued_at.toISOString(),
      issuerName: row.issuer_name,
      issuerRole: row.issuer_role,
      target: row.target,
      meetingId: row.meeting_id,
      opdCount: entry.total,
      counts: entry.counts,
      overdueOpds: entry.overdue,
      supersedes: previous ? { id: previous.id, code: previous.code, number: previous.number } : null,
      supersededBy: next ? { id: next.id, code: next.code, number: next.number } : null,
    };
  });
}

export async function loadDirective(ctx: Ctx, pemdaId: string, directiveId: string): Promise<DirectiveRow> {
  const row = await ctx.db.selectFrom('coord_directive').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', directiveId).executeTakeFirst();
  if (!row) throw new AppError(CoordinationErrors.DIRECTIVE_NOT_FOUND);
  return row;
}

export async function assignedOpdIds(ctx: Ctx, pemdaId: string, directiveId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('coord_assignment').select('opd_id').where('pemda_id', '=', pemdaId).where('directive_id', '=', directiveId).execute();
  return rows.map((row) => row.opd_id);
}

export function fileUrl(followUpId: string, sha256: string): string {
  return `/api/v1/coordination/follow-ups/${followUpId}/files/${sha256}`;
}

export async function directiveDetail(ctx: Ctx, actor: UserActor, directiveId: string, verifyBase: string): Promise<TDirectiveDetail> {
  const pemdaId = actor.pemdaId;
  const row = await loadDirective(ctx, pemdaId, directiveId);
  const opdIds = await assignedOpdIds(ctx, pemdaId, directiveId);
  authorize(actor, CoordinationActions['coordination.read'], { pemdaId, opdIds });
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const [summary] = await summarise(ctx, pemdaId, [row], overdueCutoff(calendar, today));
  const assignments = await ctx.db
    .selectFrom('coord_assignment as a')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'a.pemda_id').onRef('o.id', '=', 'a.opd_id'))
    .select(['a.opd_id', 'o.code', 'o.name', 'a.status', 'a.due_date', 'a.first_activity_at', 'a.last_activity_at', 'a.completed_on', 'a.accepted_at', 'a.obstacle'])
    .where('a.pemda_id', '=', pemdaId)
    .where('a.directive_id', '=', directiveId)
    .orderBy('o.sort_order')
    .orderBy('o.code')
    .execute();
  let followQuery = ctx.db
    .selectFrom('coord_followup as f')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'f.pemda_id').onRef('o.id', '=', 'f.opd_id'))
    .select(['f.id', 'f.opd_id', 'o.name as opd_name', 'f.kind', 'f.status_to', 'f.note', 'f.obstacle', 'f.internal', 'f.author_name', 'f.created_at'])
    .where('f.pemda_id', '=', pemdaId)
    .where('f.directive_id', '=', directiveId)
    .orderBy('f.created_at')
    .orderBy('f.id');
  // Follow-ups marked internal stay inside their OPD and the Pemda leadership.
  if (OPD_ROLES.has(actor.role)) {
    followQuery = followQuery.where((eb) => eb.or([eb('f.internal', '=', false), eb('f.opd_id', '=', actor.opdId ?? '')]));
  }
  const follows = await followQuery.execute();
  const files = follows.length
    ? await ctx.db
        .selectFrom('coord_followup_file as ff')
        .innerJoin('stored_file as s', (join) => join.onRef('s.pemda_id', '=', 'ff.pemda_id').onRef('s.sha256', '=', 'ff.sha256'))
        .select(['ff.followup_id', 's.sha256', 's.mime', 's.size', 's.original_name'])
        .where('ff.pemda_id', '=', pemdaId)
        .where('ff.followup_id', 'in', follows.map((f) => f.id))
        .execute()
    : [];
  const followUps: TFollowUp[] = follows.map((f) => ({
    id: f.id,
    opdId: f.opd_id,
    opdName: f.opd_name,
    kind: f.kind,
    statusTo: f.status_to,
    note: f.note,
    obstacle: f.obstacle,
    internal: f.internal,
    authorName: f.author_name,
    createdAt: f.created_at.toISOString(),
    files: files.filter((file) => file.followup_id === f.id).map((file) => ({ sha256: file.sha256, mime: file.mime, size: file.size, name: file.original_name, url: fileUrl(f.id, file.sha256) })),
  }));
  const verification = await verifyDirectiveRow(ctx.db, row);
  const canReview = can(actor, CoordinationActions['coordination.directive.review'], { pemdaId, issuerUserId: row.issuer_user_id });
  return {
    ...(summary as TDirectiveSummary),
    fullText: row.text,
    assignments: assignments.map((a) => ({
      opdId: a.opd_id,
      opdCode: a.code,
      opdName: a.name,
      status: a.status,
      dueDate: a.due_date,
      overdueDays: overdueDays(calendar, a.status, a.due_date, today),
      firstActivityAt: a.first_activity_at?.toISOString() ?? null,
      lastActivityAt: a.last_activity_at?.toISOString() ?? null,
      completedOn: a.completed_on,
      acceptedAt: a.accepted_at?.toISOString() ?? null,
      obstacle: a.obstacle,
    })),
    followUps,
    verification,
    verifyUrl: `${verifyBase}/v/${row.code}`,
    abilities: {
      followUpOpdIds: assignments
        .filter((a) => !['diterima', 'dibatalkan'].includes(a.status) && can(actor, CoordinationActions['coordination.followup.write'], { pemdaId, opdId: a.opd_id }))
        .map((a) => a.opd_id),
      review: canReview,
      supersede: (actor.role === 'kepala_daerah' || actor.role === 'sekda') && !summary?.supersededBy,
    },
  };
}

export { seesInternal };
