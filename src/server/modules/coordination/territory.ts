import { sql } from 'kysely';
import type { Ctx, UserActor } from '../../http/context';
import { loadCalendar } from '../../platform/calendar';
import { canAtAll, PEMDA_WIDE } from '../../platform/policy';
import { excerpt, OPEN_STATUSES, overdueCutoff, overdueDays } from './common';
import { CoordinationActions } from './policy';
import type { AssignmentStatus, Priority } from './tables';

/**
 * The directives that concern one kecamatan or kelurahan, for the territory page of the camat or lurah.
 *
 * A directive reaches a place through the OPDs it is assigned to: the kantor camat/lurah is an OPD whose
 * `wilayah_kode` is the kecamatan/kelurahan (for a kecamatan, the kantor lurah of its kelurahan count too), so
 * "addressed to the unit" is an assignment to one of those OPDs. A directive also concerns the place when its text
 * or a tag names it (word match on the wilayah name). Read under the coordination read policy: Pemda-wide roles
 * see all of these; OPD staff only the directives assigned to their own OPD; anyone else gets `null` (no section).
 * Directives with an open task of the territory's offices are listed first.
 */
export interface TerritoryDirectives {
  scope: 'pemda' | 'opd';
  /** The territory's offices the caller may open (their directive inbox shows every directive, not just the first few). */
  offices: Array<{ id: string; name: string; link: string }>;
  total: number;
  /** Assignments of the territory's own offices still open (belum, proses, terkendala), and those past due. */
  openAssignments: number;
  overdueAssignments: number;
  items: Array<{
    id: string;
    number: string;
    text: string;
    priority: Priority;
    issuedAt: string;
    dueDate: string;
    /** 'assigned': given to the territory's office; 'mentioned': the text or a tag names the place. */
    reason: 'assigned' | 'mentioned';
    superseded: boolean;
    assignments: Array<{ opdId: string; opdName: string; status: AssignmentStatus; overdueDays: number }>;
    link: string;
  }>;
}

export interface DirectiveWilayahRef {
  kode: string;
  name: string;
  level: 'kecamatan' | 'kelurahan';
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function directivesOfWilayah(ctx: Ctx, actor: UserActor, wilayah: DirectiveWilayahRef, options: { limit?: number } = {}): Promise<TerritoryDirectives | null> {
  if (!canAtAll(actor, CoordinationActions['coordination.read'])) return null;
  const pemdaWide = (PEMDA_WIDE as readonly string[]).includes(actor.role);
  if (!pemdaWide && !actor.opdId) return null;
  const pemdaId = actor.pemdaId;
  const limit = options.limit ?? 8;

  // The territory's offices: kantor camat/lurah of this wilayah, and for a kecamatan the kantor lurah under it.
  const offices = await ctx.db
    .selectFrom('opd as o')
    .leftJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'o.pemda_id').onRef('w.kode', '=', 'o.wilayah_kode'))
    .select(['o.id', 'o.name'])
    .where('o.pemda_id', '=', pemdaId)
    .where((eb) => (wilayah.level === 'kecamatan' ? eb.or([eb('o.wilayah_kode', '=', wilayah.kode), eb('w.parent_kode', '=', wilayah.kode)]) : eb('o.wilayah_kode', '=', wilayah.kode)))
    .execute();
  const officeIds = offices.map((o) => o.id);
  const nameRegex = `\\m${escapeRegex(wilayah.name.trim())}\\M`;

  let q = ctx.db
    .selectFrom('coord_directive as d')
    .select([
      'd.id',
      'd.number',
      'd.text',
      'd.priority',
      'd.issued_at',
      'd.due_date',
      officeIds.length === 0
        ? sql<boolean>`false`.as('assigned')
        : sql<boolean>`EXISTS (SELECT 1 FROM coord_assignment a WHERE a.pemda_id = d.pemda_id AND a.directive_id = d.id AND a.opd_id IN (${sql.join(officeIds)}))`.as('assigned'),
      sql<boolean>`EXISTS (SELECT 1 FROM coord_directive s WHERE s.pemda_id = d.pemda_id AND s.supersedes_id = d.id)`.as('superseded'),
    ])
    .where('d.pemda_id', '=', pemdaId)
    .where((eb) => {
      const concerns = [
        eb('d.text', '~*', nameRegex),
        eb(sql<string>`array_to_string(d.tags, ' ')`, '~*', nameRegex),
      ];
      if (officeIds.length > 0) {
        concerns.push(
          eb.exists(eb.selectFrom('coord_assignment as a').select(sql<number>`1`.as('one')).whereRef('a.pemda_id', '=', 'd.pemda_id').whereRef('a.directive_id', '=', 'd.id').where('a.opd_id', 'in', officeIds)),
        );
      }
      return eb.or(concerns);
    });
  // OPD roles see the directives given to their own OPD (coordination.read), scoped in SQL.
  if (!pemdaWide) {
    q = q.where((eb) => eb.exists(eb.selectFrom('coord_assignment as mine').select(sql<number>`1`.as('one')).whereRef('mine.pemda_id', '=', 'd.pemda_id').whereRef('mine.directive_id', '=', 'd.id').where('mine.opd_id', '=', actor.opdId as string)));
  }
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  // Directives with a task of the territory's offices still open come first, then the newest.
  let ordered = q;
  if (officeIds.length > 0) {
    ordered = ordered.orderBy(sql<number>`(CASE WHEN EXISTS (SELECT 1 FROM coord_assignment o WHERE o.pemda_id = d.pemda_id AND o.directive_id = d.id AND o.opd_id IN (${sql.join(officeIds)}) AND o.status IN (${sql.join(OPEN_STATUSES)})) THEN 0 ELSE 1 END)`);
  }
  const rows = await ordered.orderBy('d.issued_at', 'desc').orderBy('d.id', 'desc').limit(limit).execute();

  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const cutoff = overdueCutoff(calendar, today);
  const ids = rows.map((r) => r.id);
  // Assignments shown: the territory's offices; for a directive that only mentions the place, every assigned OPD.
  const assignments = ids.length === 0 ? [] : await ctx.db
    .selectFrom('coord_assignment as a')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'a.pemda_id').onRef('o.id', '=', 'a.opd_id'))
    .select(['a.directive_id', 'a.opd_id', 'o.name as opd_name', 'a.status', 'a.due_date'])
    .where('a.pemda_id', '=', pemdaId)
    .where('a.directive_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  let openQuery = ctx.db
    .selectFrom('coord_assignment as a')
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`count(*) FILTER (WHERE a.due_date < ${cutoff})::int`.as('overdue')])
    .where('a.pemda_id', '=', pemdaId)
    .where('a.opd_id', 'in', officeIds.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : officeIds)
    .where('a.status', 'in', OPEN_STATUSES);
  if (!pemdaWide) {
    openQuery = openQuery.where((eb) => eb.exists(eb.selectFrom('coord_assignment as mine').select(sql<number>`1`.as('one')).whereRef('mine.pemda_id', '=', 'a.pemda_id').whereRef('mine.directive_id', '=', 'a.directive_id').where('mine.opd_id', '=', actor.opdId as string)));
  }
  const open = await openQuery.executeTakeFirstOrThrow();

  const officeSet = new Set(officeIds);
  return {
    scope: pemdaWide ? 'pemda' : 'opd',
    offices: offices.filter((o) => pemdaWide || o.id === actor.opdId).map((o) => ({ id: o.id, name: o.name, link: `/koordinasi/opd/${o.id}` })),
    total: Number(total.n),
    openAssignments: Number(open.n),
    overdueAssignments: Number(open.overdue),
    items: rows.map((r) => {
      const all = assignments.filter((a) => a.directive_id === r.id);
      const own = all.filter((a) => officeSet.has(a.opd_id));
      return {
        id: r.id,
        number: r.number,
        text: excerpt(r.text, 200),
        priority: r.priority,
        issuedAt: new Date(r.issued_at).toISOString(),
        dueDate: r.due_date,
        reason: r.assigned ? 'assigned' : 'mentioned',
        superseded: Boolean(r.superseded),
        assignments: (own.length > 0 ? own : all).map((a) => ({ opdId: a.opd_id, opdName: a.opd_name, status: a.status, overdueDays: overdueDays(calendar, a.status, a.due_date, today) })),
        link: `/koordinasi/arahan/${r.id}`,
      };
    }),
  };
}
