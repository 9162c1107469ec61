import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { IndicatorLevel } from './tables';

/** Every Kysely query of the indicator catalogue and values; the Pemda id always comes first. */
export async function findIndicators(db: Kysely<DB>, pemdaId: string, filter: { id?: string; code?: string; opdId?: string; q?: string } = {}) {
  let query = db
    .selectFrom('indicator as i')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'i.pemda_id').onRef('o.id', '=', 'i.producer_opd_id'))
    .selectAll('i')
    .select(['o.code as producer_code', 'o.name as producer_name'])
    .select((eb) =>
      eb
        .selectFrom('indicator_value as v')
        .select('v.period')
        .whereRef('v.pemda_id', '=', 'i.pemda_id')
        .whereRef('v.indicator_id', '=', 'i.id')
        .orderBy('v.period_start', 'desc')
        .limit(1)
        .as('latest_period'),
    )
    .where('i.pemda_id', '=', pemdaId);
  if (filter.id) query = query.where('i.id', '=', filter.id);
  if (filter.code) query = query.where('i.code', '=', filter.code);
  if (filter.opdId) query = query.where('i.producer_opd_id', '=', filter.opdId);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(i.name_id)`, 'like', like), eb(sql`lower(i.code)`, 'like', like), eb(sql`lower(i.name_en)`, 'like', like)]));
  }
  return query.orderBy('i.code').execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof findIndicators>>[number];

export async function findIndicator(db: Kysely<DB>, pemdaId: string, id: string): Promise<IndicatorRow | undefined> {
  return (await findIndicators(db, pemdaId, { id }))[0];
}

export interface WilayahRow {
  kode: string;
  name: string;
  level: 'pemda' | 'kecamatan' | 'kelurahan' | 'desa';
  parent_kode: string | null;
}

/** Levels as stored: 'kelurahan' covers desa too (both are the lowest tier, BRIEF §4.11). */
export function storedLevels(level: IndicatorLevel): Array<WilayahRow['level']> {
  return level === 'kelurahan' ? ['kelurahan', 'desa'] : [level];
}

export async function wilayahOfPemda(db: Kysely<DB>, pemdaId: string): Promise<WilayahRow[]> {
  return db.selectFrom('wilayah').select(['kode', 'name', 'level', 'parent_kode']).where('pemda_id', '=', pemdaId).orderBy('kode').execute();
}

export async function valuesOfPeriod(db: Kysely<DB>, pemdaId: string, indicatorId: string, period: string) {
  return db
    .selectFrom('indicator_value')
    .select(['wilayah_kode', 'value', 'numerator', 'denominator', 'review', 'entered_at'])
    .where('pemda_id', '=', pemdaId)
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .where('review', '<>', 'rejected')
    .execute();
}

/**
 * The periods of an indicator, newest first. A loose index scan (one probe of indicator_value_start_idx per
 * period, via a recursive CTE) instead of grouping every stored value: 60 probes rather than 60 x kelurahan rows.
 */
export async function periodsOf(db: Kysely<DB>, pemdaId: string, indicatorId: string): Promise<string[]> {
  const result = await sql<{ period: string }>`
    WITH RECURSIVE p AS (
      (SELECT period_start, period FROM indicator_value WHERE pemda_id = ${pemdaId} AND indicator_id = ${indicatorId} ORDER BY period_start DESC LIMIT 1)
      UNION ALL
      SELECT n.period_start, n.period FROM p CROSS JOIN LATERAL (
        SELECT period_start, period FROM indicator_value
        WHERE pemda_id = ${pemdaId} AND indicator_id = ${indicatorId} AND period_start < p.period_start
        ORDER BY period_start DESC LIMIT 1) n
    )
    SELECT period FROM p`.execute(db);
  return result.rows.map((r) => r.period);
}

/** The latest value per wilayah at or before a date (the index uses each indicator's freshest figure). */
export async function latestValuesUpTo(db: Kysely<DB>, pemdaId: string, indicatorId: string, endDate: string) {
  const result = await sql<{ wilayah_kode: string; period: string; value: number | null; numerator: number | null; denominator: number | null }>`
    SELECT DISTINCT ON (wilayah_kode) wilayah_kode, period, value, numerator, denominator
    FROM indicator_value
    WHERE pemda_id = ${pemdaId} AND indicator_id = ${indicatorId} AND period_end <= ${endDate} AND review <> 'rejected' AND value IS NOT NULL
    ORDER BY wilayah_kode, period_start DESC`.execute(db);
  return result.rows;
}
