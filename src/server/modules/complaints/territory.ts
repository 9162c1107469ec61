import { sql } from 'kysely';
import type { Ctx, UserActor } from '../../http/context';
import { canAtAll, PEMDA_WIDE } from '../../platform/policy';
import { cachedCalendar } from './cache';
import { catalogue } from './catalogue';
import { OPEN, overdueSql } from './deadlines';
import { ComplaintActions } from './policy';
import type { ComplaintStatus } from './tables';

/**
 * The complaints that concern one kecamatan or kelurahan (its kelurahan is set from the reporter's point by
 * point-in-polygon), for the territory page of the camat or lurah. Read under the complaints read policy: Pemda-wide
 * roles see every complaint of the wilayah, OPD staff only those routed to their own OPD, and a caller who may not
 * read complaints at all gets `null` (no section) rather than an error.
 */
export interface TerritoryComplaints {
  /** 'pemda': every complaint of the wilayah; 'opd': only those routed to the caller's OPD. */
  scope: 'pemda' | 'opd';
  total: number;
  open: number;
  overdue: number;
  byStatus: Array<{ status: ComplaintStatus; count: number }>;
  latest: Array<{ id: string; code: string; status: ComplaintStatus; serviceName: string; opdName: string; kelurahan: string | null; receivedOn: string; overdue: boolean; link: string }>;
}

export interface WilayahRef {
  kode: string;
  level: 'kecamatan' | 'kelurahan';
}

export async function complaintsOfWilayah(ctx: Ctx, actor: UserActor, wilayah: WilayahRef, options: { latest?: number } = {}): Promise<TerritoryComplaints | null> {
  if (!canAtAll(actor, ComplaintActions['complaints.read'])) return null;
  const pemdaWide = (PEMDA_WIDE as readonly string[]).includes(actor.role);
  if (!pemdaWide && !actor.opdId) return null;
  const pemdaId = actor.pemdaId;
  const today = (await cachedCalendar(ctx.db, pemdaId)).today();
  const column = wilayah.level === 'kecamatan' ? 'c.kecamatan_kode' : 'c.kelurahan_kode';
  let base = ctx.db.selectFrom('complaint as c').where('c.pemda_id', '=', pemdaId).where(column, '=', wilayah.kode);
  if (!pemdaWide) base = base.where('c.opd_id', '=', actor.opdId as string);

  const counts = await base
    .select(['c.status', sql<number>`count(*)::int`.as('n'), sql<number>`count(*) FILTER (WHERE ${overdueSql(today)})::int`.as('overdue')])
    .groupBy('c.status')
    .execute();
  const rows = await base
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .leftJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'c.pemda_id').onRef('w.kode', '=', 'c.kelurahan_kode'))
    .select(['c.id', 'c.code', 'c.status', 'c.service_code', 'c.received_on', 'o.name as opd_name', 'w.name as kelurahan_name', sql<boolean>`${overdueSql(today)}`.as('is_overdue')])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(options.latest ?? 5)
    .execute();
  const names = new Map((await catalogue(ctx.db, pemdaId)).map((s) => [s.code, s.name]));
  const byStatus = counts.map((c) => ({ status: c.status, count: Number(c.n) })).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  return {
    scope: pemdaWide ? 'pemda' : 'opd',
    total: byStatus.reduce((s, c) => s + c.count, 0),
    open: byStatus.filter((c) => OPEN.includes(c.status)).reduce((s, c) => s + c.count, 0),
    overdue: counts.reduce((s, c) => s + Number(c.overdue), 0),
    byStatus,
    latest: rows.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      serviceName: names.get(r.service_code) ?? r.service_code,
      opdName: r.opd_name,
      kelurahan: r.kelurahan_name,
      receivedOn: r.received_on,
      overdue: Boolean(r.is_overdue),
      link: `/pengaduan/${r.id}`,
    })),
  };
}
