import type { TIntervention } from '../../../contracts/indicators';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
import { IndicatorErrors } from './errors';
import { IndicatorActions } from './policy';
import { budgetOfSubKegiatan, checkSubKegiatan } from './service-budget-link';
import { computeRanking, interventionsPerKode } from './service-index';
import type { InterventionKind } from './tables';

export interface InterventionInput {
  title: string;
  kind: InterventionKind;
  opdId: string;
  indicatorId: string | null;
  startDate: string;
  endDate: string;
  budget: number | null;
  subKegiatanCode: string | null;
  subKegiatanId: string | null;
  targetGroup: string;
  targetCount: number | null;
  reachCount: number | null;
  wilayahKodes: string[];
}

export async function listInterventions(ctx: Ctx, filter: { wilayahKode?: string; year?: string; id?: string }): Promise<TIntervention[]> {
  const actor = requireUser(ctx.actor);
  let query = ctx.db
    .selectFrom('intervention as i')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'i.pemda_id').onRef('o.id', '=', 'i.opd_id'))
    .selectAll('i')
    .select(['o.code as opd_code', 'o.name as opd_name'])
    .where('i.pemda_id', '=', actor.pemdaId);
  if (filter.id) query = query.where('i.id', '=', filter.id);
  if (filter.year) query = query.where('i.start_date', '<=', `${filter.year}-12-31`).where('i.end_date', '>=', `${filter.year}-01-01`);
  if (filter.wilayahKode) {
    const kode = filter.wilayahKode;
    // A kecamatan's interventions are those in any of its kelurahan.
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('intervention_wilayah as iw')
          .innerJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'iw.pemda_id').onRef('w.kode', '=', 'iw.wilayah_kode'))
          .select('iw.wilayah_kode')
          .whereRef('iw.pemda_id', '=', 'i.pemda_id')
          .whereRef('iw.intervention_id', '=', 'i.id')
          .where((inner) => inner.or([inner('iw.wilayah_kode', '=', kode), inner('w.parent_kode', '=', kode)])),
      ),
    );
  }
  const rows = await query.orderBy('i.start_date', 'desc').limit(500).execute();
  const ids = rows.map((r) => r.id);
  const places = ids.length === 0 ? [] : await ctx.db
    .selectFrom('intervention_wilayah as iw')
    .innerJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'iw.pemda_id').onRef('w.kode', '=', 'iw.wilayah_kode'))
    .select(['iw.intervention_id', 'w.kode', 'w.name'])
    .where('iw.pemda_id', '=', actor.pemdaId)
    .where('iw.intervention_id', 'in', ids)
    .orderBy('w.kode')
    .execute();
  const budgets = await budgetOfSubKegiatan(ctx, actor, rows.map((r) => r.sub_kegiatan_id).filter((id): id is string => id !== null));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    opd: { id: r.opd_id, code: r.opd_code, name: r.opd_name },
    indicatorId: r.indicator_id,
    startDate: r.start_date,
    endDate: r.end_date,
    budget: r.budget,
    subKegiatanCode: r.sub_kegiatan_code,
    subKegiatan: r.sub_kegiatan_id ? (budgets.get(r.sub_kegiatan_id) ?? null) : null,
    targetGroup: r.target_group,
    targetCount: r.target_count,
    reachCount: r.reach_count,
    wilayah: places.filter((p) => p.intervention_id === r.id).map((p) => ({ kode: p.kode, name: p.name })),
    synthetic: r.synthetic,
  }));
}

/** Checks the input; returns it with the sub-kegiatan code taken from the linked budget record. */
async function checkInput(ctx: Ctx, actor: UserActor, input: InterventionInput): Promise<InterventionInput> {
  const pemdaId = actor.pemdaId;
  if (input.endDate < input.startDate) throw new AppError(IndicatorErrors.INTERVENTION_DATES_INVALID);
  const opd = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', input.opdId).executeTakeFirst();
  if (!opd) throw new AppError(IndicatorErrors.INTERVENTION_OPD_UNKNOWN);
  if (input.indicatorId) {
    const indicator = await ctx.db.selectFrom('indicator').select('id').where('pemda_id', '=', pemdaId).where('id', '=', input.indicatorId).executeTakeFirst();
    if (!indicator) throw new AppError(IndicatorErrors.INDICATOR_NOT_FOUND);
  }
  const kodes = [...new Set(input.wilayahKodes)];
  const found = await ctx.db.selectFrom('wilayah').select(['kode', 'level']).where('pemda_id', '=', pemdaId).where('kode', 'in', kodes).execute();
  const ok = new Set(found.filter((f) => f.level === 'kelurahan' || f.level === 'desa').map((f) => f.kode));
  const bad = kodes.find((k) => !ok.has(k));
  if (bad) throw new AppError(IndicatorErrors.INTERVENTION_WILAYAH_INVALID, { kode: bad });
  if (input.subKegiatanId) return { ...input, subKegiatanCode: (await checkSubKegiatan(ctx, actor, input.subKegiatanId)).kode };
  return input;
}

function columns(input: InterventionInput) {
  return {
    title: input.title,
    kind: input.kind,
    opd_id: input.opdId,
    indicator_id: input.indicatorId,
    start_date: input.startDate,
    end_date: input.endDate,
    budget: input.budget,
    sub_kegiatan_code: input.subKegiatanCode,
    sub_kegiatan_id: input.subKegiatanId,
    target_group: input.targetGroup,
    target_count: input.targetCount,
    reach_count: input.reachCount,
  };
}

export async function createIntervention(ctx: Ctx, raw: InterventionInput): Promise<TIntervention> {
  const actor = requireUser(ctx.actor);
  const input = await checkInput(ctx, actor, raw);
  authorize(actor, IndicatorActions['interventions.manage'], { pemdaId: actor.pemdaId, opdId: input.opdId });
  const id = await inTransaction(ctx, async (tx) => {
    const row = await tx.db.insertInto('intervention').values({ pemda_id: actor.pemdaId, ...columns(input), created_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
    await tx.db.insertInto('intervention_wilayah').values([...new Set(input.wilayahKodes)].map((kode) => ({ pemda_id: actor.pemdaId, intervention_id: row.id, wilayah_kode: kode }))).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'intervention.created', entityType: 'intervention', entityId: row.id, after: { ...input } });
    return row.id;
  });
  return (await listInterventions(ctx, { id }))[0] as TIntervention;
}

export async function updateIntervention(ctx: Ctx, id: string, raw: InterventionInput): Promise<TIntervention> {
  const actor = requireUser(ctx.actor);
  const before = (await listInterventions(ctx, { id }))[0];
  if (!before) throw new AppError(IndicatorErrors.INTERVENTION_NOT_FOUND);
  authorize(actor, IndicatorActions['interventions.manage'], { pemdaId: actor.pemdaId, opdId: before.opd.id });
  const input = await checkInput(ctx, actor, raw);
  authorize(actor, IndicatorActions['interventions.manage'], { pemdaId: actor.pemdaId, opdId: input.opdId });
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('intervention').set({ ...columns(input), updated_at: new Date() }).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).execute();
    await tx.db.deleteFrom('intervention_wilayah').where('pemda_id', '=', actor.pemdaId).where('intervention_id', '=', id).execute();
    await tx.db.insertInto('intervention_wilayah').values([...new Set(input.wilayahKodes)].map((kode) => ({ pemda_id: actor.pemdaId, intervention_id: id, wilayah_kode: kode }))).execute();
    await writeAudit(tx, {
      pemdaId: actor.pemdaId,
      action: 'intervention.updated',
      entityType: 'intervention',
      entityId: id,
      before: { ...before, opd: before.opd.id, subKegiatan: before.subKegiatan?.id ?? null, wilayah: before.wilayah.map((w) => w.kode) },
      after: { ...before, ...input, opd: input.opdId, subKegiatan: input.subKegiatanId, wilayah: input.wilayahKodes },
    });
  });
  return (await listInterventions(ctx, { id }))[0] as TIntervention;
}

/** Priority kelurahan (top of the default index) and those of them with no intervention in the year. */
export async function coverage(ctx: Ctx, year: string) {
  const actor = requireUser(ctx.actor);
  const ranking = await computeRanking(ctx, actor.pemdaId, { year });
  const counts = await interventionsPerKode(ctx, actor.pemdaId, `${year}-01-01`, `${year}-12-31`);
  const priority = ranking.rows.filter((r) => r.priority).map((r) => ({ kode: r.kode, name: r.name, rank: r.rank, index: r.index, interventions: counts.get(r.kode) ?? 0 }));
  return {
    year,
    priority,
    uncovered: priority.filter((p) => p.interventions === 0).map(({ interventions: _n, ...rest }) => rest),
    interventionsByKode: Object.fromEntries(counts),
  };
}
