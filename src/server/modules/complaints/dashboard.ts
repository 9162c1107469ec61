import { sql } from 'kysely';
import type { TDashboard } from '../../../contracts/complaints';
import type { Ctx, UserActor } from '../../http/context';
import { cachedCalendar } from './cache';
import { overdueSql } from './deadlines';
import { computeIkm, IKM_ELEMENTS, type IkmElement } from './ikm-rules';
import { ikmSums } from './ikm';
import { deadlineCompliance, firstResponseDays, received, resolved } from './metrics';
import { seesWholePemda } from './queue';

/** The coordinator's dashboard: map points and density per kelurahan, deadline compliance per OPD, IKM per unit. */
export async function dashboard(ctx: Ctx, actor: UserActor, month: string): Promise<TDashboard> {
  const pemdaId = actor.pemdaId;
  const calendar = await cachedCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = `${month}-01`;
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const scoped = !seesWholePemda(actor);
  const opdFilter = actor.opdId ?? '00000000-0000-0000-0000-000000000000';
  let base = ctx.db.selectFrom('complaint as c').where('c.pemda_id', '=', pemdaId);
  if (scoped) base = base.where('c.opd_id', '=', opdFilter);
  const inMonth = base.where('c.received_on', '>=', start).where('c.received_on', '<=', end);
  const totals = await inMonth
    .select([
      sql<number>`count(*)::int`.as('received'),
      sql<number>`count(*) FILTER (WHERE c.status IN ('received', 'verified', 'in_progress', 'followed_up'))::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE c.status = 'closed')::int`.as('closed'),
    ])
    .executeTakeFirstOrThrow();
  const overdue = await base.select(sql<number>`count(*)::int`.as('n')).where(overdueSql(today)).executeTakeFirstOrThrow();
  const points = await inMonth.select(['c.lat', 'c.lng', 'c.status', 'c.code']).where('c.lat', 'is not', null).orderBy('c.created_at', 'desc').limit(3000).execute();
  const density = await inMonth.select(['c.kelurahan_kode', sql<number>`count(*)::int`.as('n')]).where('c.kelurahan_kode', 'is not', null).groupBy('c.kelurahan_kode').execute();
  const overdueByOpd = await base.select(['c.opd_id', sql<number>`count(*)::int`.as('n')]).where(overdueSql(today)).groupBy('c.opd_id').execute();

  const [rec, res, comp, first] = await Promise.all([received, resolved, deadlineCompliance, firstResponseDays].map((metric) => metric.compute(ctx, pemdaId, month)));
  const names = new Map((await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', pemdaId).execute()).map((o) => [o.id, o.name]));
  const over = new Map(overdueByOpd.map((r) => [r.opd_id, r.n]));
  const byOpd = (rows: typeof rec) => new Map((rows ?? []).map((r) => [r.opdId, r]));
  const [recBy, resBy, compBy, firstBy] = [byOpd(rec), byOpd(res), byOpd(comp), byOpd(first)];
  const perOpd = [...names.keys()]
    .filter((opdId) => (!scoped || opdId === opdFilter) && ((recBy.get(opdId)?.value ?? 0) > 0 || (over.get(opdId) ?? 0) > 0 || (resBy.get(opdId)?.value ?? 0) > 0))
    .map((opdId) => ({
      opdId,
      opdName: names.get(opdId) ?? opdId,
      received: recBy.get(opdId)?.value ?? 0,
      closed: resBy.get(opdId)?.value ?? 0,
      overdue: over.get(opdId) ?? 0,
      compliance: compBy.get(opdId)?.value ?? null,
      medianFirstResponseDays: firstBy.get(opdId)?.value ?? null,
    }))
    .sort((a, b) => (a.compliance ?? 2) - (b.compliance ?? 2) || b.received - a.received);

  // IKM per unit over the year to the end of the month (a month rarely reaches the minimum sample).
  let unitsQuery = ctx.db
    .selectFrom('ikm_unit as u')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'u.pemda_id').onRef('o.id', '=', 'u.opd_id'))
    .select(['u.id', 'u.name', 'o.name as opd_name', 'u.population'])
    .where('u.pemda_id', '=', pemdaId)
    .where('u.active', '=', true);
  if (scoped) unitsQuery = unitsQuery.where('u.opd_id', '=', opdFilter);
  const units = await unitsQuery.execute();
  const sums = await ikmSums(ctx.db, pemdaId, { from: `${y}-01-01`, to: end }, units.map((u) => u.id));
  const zero = Object.fromEntries(IKM_ELEMENTS.map((e) => [e, 0])) as Record<IkmElement, number>;
  const ikm = units
    .map((u) => {
      const s = sums.get(u.id);
      const result = computeIkm({ respondents: s?.respondents ?? 0, sums: s?.sums ?? zero, population: Math.max(1, Math.round((u.population * m) / 12)) });
      return { unitId: u.id, unitName: u.name, opdName: u.opd_name, respondents: result.respondents, converted: result.converted, category: result.category, minimumSample: result.minimumSample };
    })
    .sort((a, b) => (b.converted ?? 0) - (a.converted ?? 0));

  return {
    month,
    totals: { received: totals.received, open: totals.open, closed: totals.closed, overdue: overdue.n },
    points: points.map((p) => ({ lat: p.lat as number, lng: p.lng as number, status: p.status, code: p.code })),
    density: Object.fromEntries(density.map((d) => [d.kelurahan_kode as string, d.n])),
    perOpd,
    ikm,
  };
}
