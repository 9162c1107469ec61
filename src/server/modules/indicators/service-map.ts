import type { TMapResponse } from '../../../contracts/indicators';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireUser } from '../../platform/tenant';
import { aggregate, classOf, quantileBreaks, type LeafValue } from './compute';
import { IndicatorErrors } from './errors';
import { periodFor } from './periods';
import { periodsOf, storedLevels, valuesOfPeriod, wilayahOfPemda, type IndicatorRow, type WilayahRow } from './repository';
import { loadIndicator } from './service-catalog';
import type { IndicatorLevel } from './tables';

const LEVEL_RANK: Record<IndicatorLevel, number> = { pemda: 0, kecamatan: 1, kelurahan: 2 };

export interface RegionValue {
  kode: string;
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number | null;
  expected: number | null;
  review: 'ok' | 'flagged' | 'accepted' | 'rejected' | null;
}

/**
 * Values of one indicator and period at one level: stored values at the indicator's own level, aggregated from
 * the level below otherwise (sums of counts; rates from summed numerators and denominators).
 */
export async function valuesAtLevel(
  db: Kysely<DB>,
  pemdaId: string,
  indicator: IndicatorRow,
  period: string,
  level: IndicatorLevel,
  preloaded: { wilayah?: WilayahRow[]; stored?: Awaited<ReturnType<typeof valuesOfPeriod>> } = {},
): Promise<{ regions: RegionValue[]; aggregated: boolean }> {
  const all = preloaded.wilayah ?? (await wilayahOfPemda(db, pemdaId));
  const stored = preloaded.stored ?? (await valuesOfPeriod(db, pemdaId, indicator.id, period));
  const byKode = new Map(stored.map((row) => [row.wilayah_kode, row]));
  const targets = all.filter((w) => storedLevels(level).includes(w.level));
  if (level === indicator.lowest_level) {
    return {
      aggregated: false,
      regions: targets.map((w) => {
        const row = byKode.get(w.kode);
        return { kode: w.kode, name: w.name, value: row?.value ?? null, numerator: row?.numerator ?? null, denominator: row?.denominator ?? null, reporting: null, expected: null, review: row?.review ?? null };
      }),
    };
  }
  const leaves = all.filter((w) => storedLevels(indicator.lowest_level).includes(w.level));
  const byCode = new Map(all.map((w) => [w.kode, w]));
  const ancestorAt = (kode: string): string | null => {
    let current: string | null = kode;
    for (let step = 0; step < 3 && current; step += 1) {
      const found = byCode.get(current);
      if (found && storedLevels(level).includes(found.level)) return current;
      current = found?.parent_kode ?? null;
    }
    return null;
  };
  const groups = new Map<string, { leaves: LeafValue[]; expected: number }>();
  for (const leaf of leaves) {
    const parent = ancestorAt(leaf.kode);
    if (!parent) continue;
    const group = groups.get(parent) ?? { leaves: [], expected: 0 };
    group.expected += 1;
    const row = byKode.get(leaf.kode);
    if (row) group.leaves.push({ value: row.value, numerator: row.numerator, denominator: row.denominator });
    groups.set(parent, group);
  }
  return {
    aggregated: true,
    regions: targets.map((w) => {
      const group = groups.get(w.kode);
      const result = group ? aggregate(indicator.kind, Number(indicator.factor), group.leaves) : null;
      return { kode: w.kode, name: w.name, value: result?.value ?? null, numerator: result?.numerator ?? null, denominator: result?.denominator ?? null, reporting: result?.reporting ?? 0, expected: group?.expected ?? 0, review: null };
    }),
  };
}

export async function choropleth(ctx: Ctx, indicatorId: string, query: { period?: string; level?: IndicatorLevel }): Promise<TMapResponse> {
  const actor = requireUser(ctx.actor);
  // Independent reads in parallel, one round trip (PostgreSQL serves them on separate pooled connections). Every
  // read is scoped by the caller's Pemda, so an id of another Pemda finds nothing and loadIndicator answers 404.
  const [indicator, periods, wilayah, storedForQuery] = await Promise.all([
    loadIndicator(ctx, indicatorId),
    periodsOf(ctx.db, actor.pemdaId, indicatorId),
    wilayahOfPemda(ctx.db, actor.pemdaId),
    query.period ? valuesOfPeriod(ctx.db, actor.pemdaId, indicatorId, query.period) : Promise.resolve(undefined),
  ]);
  const period = query.period ?? periods[0] ?? null;
  const level = query.level ?? indicator.lowest_level;
  if (period !== null && !periodFor(period, indicator.periodicity)) {
    throw new AppError(IndicatorErrors.INDICATOR_PERIOD_INVALID, { period, periodicity: indicator.periodicity });
  }
  const base = { indicator: { id: indicator.id, code: indicator.code, name: { id: indicator.name_id, en: indicator.name_en }, unit: indicator.unit, kind: indicator.kind }, level, periods };
  // A level finer than the indicator is reported at has no values; nor does a plain value above its own level.
  if (period === null || LEVEL_RANK[level] > LEVEL_RANK[indicator.lowest_level]) {
    return { ...base, period: period ?? '', aggregated: false, breaks: [], classes: [], regions: [] };
  }
  const { regions, aggregated } = await valuesAtLevel(ctx.db, actor.pemdaId, indicator, period, level, { wilayah, stored: storedForQuery });
  const numbers = regions.map((r) => r.value).filter((v): v is number => v !== null);
  const breaks = quantileBreaks(numbers, 5);
  const classes = breaks.slice(1).map((to, i) => ({ class: i + 1, from: breaks[i] as number, to, count: 0 }));
  const withClass = regions.map((r) => {
    const cls = r.value === null ? null : classOf(r.value, breaks);
    if (cls !== null && classes[cls - 1]) (classes[cls - 1] as { count: number }).count += 1;
    return { ...r, class: cls };
  });
  return { ...base, period, aggregated, breaks, classes, regions: withClass };
}
