import type { TIndexResult } from '../../../contracts/indicators';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { requireUser } from '../../platform/tenant';
import { requireWalidata } from './access';
import { classOf, computeIndex, quantileBreaks, type IndexComponentInput } from './compute';
import { IndicatorErrors } from './errors';
import { latestValuesUpTo, wilayahOfPemda } from './repository';
import type { IndexComponent } from './tables';

async function loadIndex(ctx: Ctx, pemdaId: string, indexId?: string) {
  let query = ctx.db.selectFrom('vulnerability_index').selectAll().where('pemda_id', '=', pemdaId);
  query = indexId ? query.where('id', '=', indexId) : query.orderBy('is_default', 'desc').orderBy('created_at');
  const row = await query.limit(1).executeTakeFirst();
  if (!row) throw new AppError(indexId ? IndicatorErrors.INDEX_NOT_FOUND : IndicatorErrors.INDEX_NOT_CONFIGURED);
  return row;
}

export async function listIndexes(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const rows = await ctx.db.selectFrom('vulnerability_index').select(['id', 'name', 'is_default', 'priority_count']).where('pemda_id', '=', actor.pemdaId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, isDefault: r.is_default, priorityCount: r.priority_count }));
}

async function describe(ctx: Ctx, pemdaId: string, components: IndexComponent[]) {
  const ids = components.map((c) => c.indicatorId);
  const indicators = ids.length === 0 ? [] : await ctx.db.selectFrom('indicator').select(['id', 'code', 'name_id', 'name_en', 'polarity', 'lowest_level']).where('pemda_id', '=', pemdaId).where('id', 'in', ids).execute();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  return components
    .filter((c) => byId.has(c.indicatorId))
    .map((c) => {
      const i = byId.get(c.indicatorId) as (typeof indicators)[number];
      return { indicatorId: c.indicatorId, code: i.code, name: { id: i.name_id, en: i.name_en }, weight: c.weight, share: total > 0 ? Math.round((c.weight / total) * 10000) / 10000 : 0, polarity: i.polarity, level: i.lowest_level };
    });
}

/** The ranking of kelurahan for a year (each component at its latest period up to the end of that year). */
export async function computeRanking(ctx: Ctx, pemdaId: string, options: { indexId?: string; year: string }): Promise<TIndexResult> {
  const index = await loadIndex(ctx, pemdaId, options.indexId);
  const components = await describe(ctx, pemdaId, index.components);
  const wilayah = await wilayahOfPemda(ctx.db, pemdaId);
  const kelurahan = wilayah.filter((w) => w.level === 'kelurahan' || w.level === 'desa');
  const nameOf = new Map(wilayah.map((w) => [w.kode, w.name]));
  const end = `${options.year}-12-31`;
  const inputs: IndexComponentInput[] = [];
  for (const component of components) {
    const rows = await latestValuesUpTo(ctx.db, pemdaId, component.indicatorId, end);
    inputs.push({ indicatorId: component.indicatorId, code: component.code, weight: component.weight, polarity: component.polarity, values: new Map(rows.map((r) => [r.wilayah_kode, { value: Number(r.value), period: r.period }])) });
  }
  const interventionCounts = await interventionsPerKode(ctx, pemdaId, `${options.year}-01-01`, end);
  const computed = computeIndex(
    kelurahan.map((k) => k.kode),
    inputs,
  ).filter((row) => row.missing.length < inputs.length);
  computed.sort((a, b) => b.index - a.index || a.kode.localeCompare(b.kode));
  const breaks = quantileBreaks(computed.map((r) => r.index), 5);
  const rows = computed.map((row, i) => {
    const w = kelurahan.find((k) => k.kode === row.kode);
    return {
      rank: i + 1,
      kode: row.kode,
      name: nameOf.get(row.kode) ?? row.kode,
      kecamatan: w?.parent_kode ? (nameOf.get(w.parent_kode) ?? null) : null,
      index: row.index,
      class: classOf(row.index, breaks),
      priority: i < index.priority_count,
      interventions: interventionCounts.get(row.kode) ?? 0,
      contributions: row.contributions,
      missing: row.missing,
    };
  });
  return {
    index: { id: index.id, name: index.name, priorityCount: index.priority_count, isDefault: index.is_default, components: components.map(({ level: _level, ...c }) => c) },
    year: options.year,
    breaks,
    rows,
  };
}

export async function interventionsPerKode(ctx: Ctx, pemdaId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await ctx.db
    .selectFrom('intervention_wilayah as iw')
    .innerJoin('intervention as i', (join) => join.onRef('i.pemda_id', '=', 'iw.pemda_id').onRef('i.id', '=', 'iw.intervention_id'))
    .select(['iw.wilayah_kode'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('iw.pemda_id', '=', pemdaId)
    .where('i.start_date', '<=', to)
    .where('i.end_date', '>=', from)
    .groupBy('iw.wilayah_kode')
    .execute();
  return new Map(rows.map((r) => [r.wilayah_kode, Number(r.n)]));
}

export async function ranking(ctx: Ctx, query: { indexId?: string; year?: string }) {
  const actor = requireUser(ctx.actor);
  return computeRanking(ctx, actor.pemdaId, { indexId: query.indexId, year: query.year ?? String(new Date().getUTCFullYear()) });
}

export async function saveIndex(ctx: Ctx, indexId: string | null, input: { name: string; components: IndexComponent[]; priorityCount: number; isDefault: boolean }) {
  // An index of another Pemda does not exist for the caller: 404 before anything about the body is said.
  const before = indexId ? await loadIndex(ctx, requireUser(ctx.actor).pemdaId, indexId) : null;
  const actor = await requireWalidata(ctx);
  const ids = input.components.map((c) => c.indicatorId);
  const found = await ctx.db.selectFrom('indicator').select(['id', 'lowest_level']).where('pemda_id', '=', actor.pemdaId).where('id', 'in', ids).execute();
  if (new Set(ids).size !== ids.length || found.length !== ids.length || found.some((f) => f.lowest_level !== 'kelurahan')) {
    throw new AppError(IndicatorErrors.INDEX_COMPONENT_INVALID);
  }
  const id = await inTransaction(ctx, async (tx) => {
    if (input.isDefault) await tx.db.updateTable('vulnerability_index').set({ is_default: false }).where('pemda_id', '=', actor.pemdaId).execute();
    const values = { name: input.name, components: JSON.stringify(input.components), priority_count: input.priorityCount, is_default: input.isDefault, updated_at: new Date() };
    const saved = before
      ? await tx.db.updateTable('vulnerability_index').set(values).where('pemda_id', '=', actor.pemdaId).where('id', '=', before.id).returning('id').executeTakeFirstOrThrow()
      : await tx.db.insertInto('vulnerability_index').values({ pemda_id: actor.pemdaId, ...values }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, {
      pemdaId: actor.pemdaId,
      action: before ? 'vulnerability_index.updated' : 'vulnerability_index.created',
      entityType: 'vulnerability_index',
      entityId: saved.id,
      before: before ? { name: before.name, components: before.components, priority_count: before.priority_count, is_default: before.is_default } : null,
      after: { name: input.name, components: input.components, priority_count: input.priorityCount, is_default: input.isDefault },
    });
    return saved.id;
  });
  return computeRanking(ctx, actor.pemdaId, { indexId: id, year: String(new Date().getUTCFullYear()) });
}
