import type { TTerritory } from '../../../contracts/indicators';
import type { Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireUser } from '../../platform/tenant';
import { aggregate } from './compute';
import { IndicatorErrors } from './errors';
import { findIndicators, storedLevels, wilayahOfPemda } from './repository';
import { computeRanking } from './service-index';
import { listInterventions } from './service-interventions';
import { complaintsOfWilayah } from '../complaints/territory';
import { directivesOfWilayah } from '../coordination/territory';

const TREND_PERIODS = 12;

/**
 * The page of one kecamatan or kelurahan for its camat or lurah: its indicators with their trend (a kecamatan's
 * aggregated from its kelurahan), its rank in the vulnerability index, its interventions, the complaints located in
 * it and the directives that concern it (each read by its own module under that module's read policy: a caller who
 * may not read complaints or directives gets no section), and links to what other modules hold about it.
 */
export async function territory(ctx: Ctx, kode: string): Promise<TTerritory> {
  const actor = requireUser(ctx.actor);
  const wilayah = await wilayahOfPemda(ctx.db, actor.pemdaId);
  const self = wilayah.find((w) => w.kode === kode && w.level !== 'pemda');
  if (!self) throw new AppError(IndicatorErrors.INDICATOR_WILAYAH_NOT_FOUND);
  const level = self.level === 'kecamatan' ? 'kecamatan' : 'kelurahan';
  const parent = self.parent_kode ? wilayah.find((w) => w.kode === self.parent_kode) : undefined;
  const children = wilayah.filter((w) => w.parent_kode === kode);
  const indicators = (await findIndicators(ctx.db, actor.pemdaId)).filter((i) => i.lowest_level === 'kelurahan' || (i.lowest_level === 'kecamatan' && level === 'kecamatan'));
  const leavesAll = wilayah.filter((w) => storedLevels('kelurahan').includes(w.level)).map((w) => w.kode);

  const out: TTerritory['indicators'] = [];
  for (const indicator of indicators) {
    const leaves = indicator.lowest_level === level ? [kode] : children.map((c) => c.kode);
    const aggregated = indicator.lowest_level !== level;
    if (aggregated && indicator.kind === 'value') continue;
    const rows = leaves.length === 0 ? [] : await ctx.db
      .selectFrom('indicator_value')
      .select(['wilayah_kode', 'period', 'period_start', 'value', 'numerator', 'denominator'])
      .where('pemda_id', '=', actor.pemdaId)
      .where('indicator_id', '=', indicator.id)
      .where('wilayah_kode', 'in', leaves)
      .where('review', '<>', 'rejected')
      .orderBy('period_start')
      .execute();
    const periods = [...new Set(rows.map((r) => r.period))].slice(-TREND_PERIODS);
    const trend = periods.map((period) => {
      const of = rows.filter((r) => r.period === period);
      const value = aggregated ? (aggregate(indicator.kind, Number(indicator.factor), of)?.value ?? null) : (of[0]?.value ?? null);
      return { period, value };
    });
    const latestPeriod = periods[periods.length - 1];
    let pemdaLatest: number | null = null;
    if (latestPeriod && indicator.lowest_level === 'kelurahan' && indicator.kind !== 'value') {
      const all = await ctx.db
        .selectFrom('indicator_value')
        .select(['value', 'numerator', 'denominator'])
        .where('pemda_id', '=', actor.pemdaId)
        .where('indicator_id', '=', indicator.id)
        .where('period', '=', latestPeriod)
        .where('wilayah_kode', 'in', leavesAll)
        .where('review', '<>', 'rejected')
        .execute();
      pemdaLatest = aggregate(indicator.kind, Number(indicator.factor), all)?.value ?? null;
    }
    out.push({ id: indicator.id, code: indicator.code, name: { id: indicator.name_id, en: indicator.name_en }, unit: indicator.unit, polarity: indicator.polarity, aggregated, trend, latest: trend[trend.length - 1]?.value ?? null, pemdaLatest });
  }

  let rank: TTerritory['rank'] = null;
  if (level === 'kelurahan') {
    const ranking = await computeRanking(ctx, actor.pemdaId, { year: String(new Date().getUTCFullYear()) }).catch((error: unknown) => {
      if (error instanceof AppError && error.def.status === 404) return null;
      throw error;
    });
    const row = ranking?.rows.find((r) => r.kode === kode);
    if (ranking && row) rank = { rank: row.rank, of: ranking.rows.length, index: row.index, priority: row.priority, contributions: row.contributions };
  }
  const interventions = await listInterventions(ctx, { wilayahKode: kode });
  // The office of the territory (kantor camat/lurah) from the org module: every module may read OPDs.
  const offices = await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', actor.pemdaId).where('wilayah_kode', '=', kode).execute();
  const ref = { kode: self.kode, name: self.name, level } as const;
  const [complaints, directives] = [await complaintsOfWilayah(ctx, actor, ref), await directivesOfWilayah(ctx, actor, ref)];
  return {
    wilayah: { kode: self.kode, name: self.name, level: self.level, parent: parent ? { kode: parent.kode, name: parent.name } : null },
    children: children.map((c) => ({ kode: c.kode, name: c.name })),
    indicators: out,
    rank,
    interventions,
    related: offices.map((o) => ({ module: 'org', title: o.name, link: `/opd/${o.id}` })),
    complaints,
    directives,
  };
}

/** The territory of the caller's own OPD (camat, lurah). */
export async function myTerritoryKode(ctx: Ctx): Promise<string> {
  const actor = requireUser(ctx.actor);
  if (!actor.opdId) throw new AppError(IndicatorErrors.INDICATOR_WILAYAH_NOT_FOUND);
  const opd = await ctx.db.selectFrom('opd').select('wilayah_kode').where('pemda_id', '=', actor.pemdaId).where('id', '=', actor.opdId).executeTakeFirst();
  if (!opd?.wilayah_kode) throw new AppError(IndicatorErrors.INDICATOR_WILAYAH_NOT_FOUND);
  return opd.wilayah_kode;
}
