import { sql } from 'kysely';
import type { TIgnoredValue, TImportSummary } from '../../../contracts/indicators';
import { copyLine, type Database } from '../../db/connect';
import type { Ctx, TxCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { requireUser } from '../../platform/tenant';
import { loadResolutionContext, outOfRange, resolveItems, type RawItem, type ResolvedValue } from './values-resolve';
import type { ValueSource } from './tables';

/**
 * Writes data values in ONE transaction, whatever their number: COPY into a temporary staging table on the
 * transaction's connection, then set-based statements (as the org importer). Stored parts are merged in (a DHIS2
 * file may send a numerator today and its denominator tomorrow), rates recomputed, unchanged values left alone,
 * outliers against earlier periods flagged for the walidata, replaced versions copied to the history table. A dry
 * run is the same transaction rolled back, so its summary is exactly what a real run would do.
 */
class DryRunRollback extends Error {
  constructor(readonly summary: WriteOutcome) {
    super('dry run');
  }
}

interface WriteOutcome {
  statusOfKey: Map<number, 'imported' | 'updated' | 'unchanged' | 'out_of_range'>;
  flaggedKeys: Set<number>;
}

export interface WriteOptions {
  source: ValueSource;
  dryRun: boolean;
  /** File name or a label for the audit row. */
  label: string;
}

const STAGE_COLUMNS = ['k', 'indicator_id', 'wilayah_kode', 'period', 'period_start', 'period_end', 'value', 'numerator', 'denominator', 'has_value', 'has_num', 'has_den', 'is_rate', 'factor', 'min_value', 'max_value'] as const;

export async function writeResolved(ctx: Ctx, database: Database, pemdaId: string, values: readonly ResolvedValue[], options: WriteOptions): Promise<WriteOutcome> {
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const run = async (): Promise<WriteOutcome> =>
    database.transactionWithCopy(async (trx, copy) => {
      const tx: TxCtx = { ...ctx, db: trx };
      await sql`CREATE TEMP TABLE stage_ival (
          k int, indicator_id uuid, wilayah_kode text, period text, period_start date, period_end date,
          value numeric, numerator numeric, denominator numeric, has_value boolean, has_num boolean, has_den boolean,
          is_rate boolean, factor numeric, min_value numeric, max_value numeric,
          existing boolean NOT NULL DEFAULT false, changed boolean NOT NULL DEFAULT false, out_of_range boolean NOT NULL DEFAULT false,
          review text NOT NULL DEFAULT 'ok', review_note text) ON COMMIT DROP`.execute(trx);
      await copy(
        'stage_ival',
        STAGE_COLUMNS,
        values.map((v, k) =>
          copyLine([k, v.indicator.id, v.wilayahKode, v.period.period, v.period.start, v.period.end, v.value, v.numerator, v.denominator, v.hasValue, v.hasNumerator, v.hasDenominator, v.indicator.kind === 'rate', v.indicator.factor, v.indicator.min_value, v.indicator.max_value]),
        ),
      );
      // A temporary table has no statistics until analysed; without them the planner guesses badly on big loads.
      await sql`ANALYZE stage_ival`.execute(trx);
      const key = sql`v.pemda_id = ${pemdaId} AND v.indicator_id = s.indicator_id AND v.wilayah_kode = s.wilayah_kode AND v.period = s.period`;
      await sql`UPDATE stage_ival s SET existing = true,
          value = CASE WHEN s.has_value THEN s.value ELSE v.value END,
          numerator = CASE WHEN s.has_num THEN s.numerator ELSE v.numerator END,
          denominator = CASE WHEN s.has_den THEN s.denominator ELSE v.denominator END
        FROM indicator_value v WHERE ${key}`.execute(trx);
      await sql`UPDATE stage_ival SET value = CASE WHEN denominator > 0 THEN round(numerator / denominator * factor, 4) END
        WHERE is_rate AND numerator IS NOT NULL AND denominator IS NOT NULL`.execute(trx);
      await sql`UPDATE stage_ival SET out_of_range = true
        WHERE value IS NOT NULL AND ((min_value IS NOT NULL AND value < min_value) OR (max_value IS NOT NULL AND value > max_value))`.execute(trx);
      await sql`UPDATE stage_ival s SET changed = NOT s.existing OR EXISTS (
          SELECT 1 FROM indicator_value v WHERE ${key}
            AND (v.value, v.numerator, v.denominator) IS DISTINCT FROM (s.value, s.numerator, s.denominator))
        WHERE NOT s.out_of_range`.execute(trx);
      // Outliers: at least three earlier values in the last three years, and the new value further from their
      // mean than three standard deviations and than half the mean. Stored, but flagged for the walidata.
      await sql`UPDATE stage_ival s SET review = 'flagged',
          review_note = 'mean=' || round(st.mean, 4) || ';sd=' || round(coalesce(st.sd, 0), 4) || ';n=' || st.n
        FROM (SELECT s2.k, avg(v.value) AS mean, stddev_samp(v.value) AS sd, count(*) AS n
              FROM stage_ival s2 JOIN indicator_value v
                ON v.pemda_id = ${pemdaId} AND v.indicator_id = s2.indicator_id AND v.wilayah_kode = s2.wilayah_kode
               AND v.period_start < s2.period_start AND v.period_start >= s2.period_start - interval '3 years'
               AND v.review <> 'rejected' AND v.value IS NOT NULL
              WHERE s2.changed AND s2.value IS NOT NULL
              GROUP BY s2.k) st
        WHERE s.k = st.k AND st.n >= 3 AND abs(s.value - st.mean) > greatest(3 * coalesce(st.sd, 0), 0.5 * abs(st.mean))`.execute(trx);
      await sql`INSERT INTO indicator_value_history (pemda_id, indicator_id, wilayah_kode, period, value, numerator, denominator, review, source, entered_by, entered_at, version)
        SELECT v.pemda_id, v.indicator_id, v.wilayah_kode, v.period, v.value, v.numerator, v.denominator, v.review, v.source, v.entered_by, v.entered_at, v.version
        FROM indicator_value v JOIN stage_ival s ON ${key} WHERE s.changed AND s.existing`.execute(trx);
      await sql`UPDATE indicator_value v SET value = s.value, numerator = s.numerator, denominator = s.denominator, review = s.review,
          review_note = s.review_note, source = ${options.source}, entered_by = ${userId}, entered_at = now(), version = v.version + 1
        FROM stage_ival s WHERE ${key} AND s.changed AND s.existing`.execute(trx);
      await sql`INSERT INTO indicator_value (pemda_id, indicator_id, wilayah_kode, period, period_start, period_end, value, numerator, denominator, review, review_note, source, entered_by)
        SELECT ${pemdaId}, s.indicator_id, s.wilayah_kode, s.period, s.period_start, s.period_end, s.value, s.numerator, s.denominator, s.review, s.review_note, ${options.source}, ${userId}
        FROM stage_ival s WHERE s.changed AND NOT s.existing`.execute(trx);
      const status = await sql<{ k: number; existing: boolean; changed: boolean; out_of_range: boolean; review: string }>`
        SELECT k, existing, changed, out_of_range, review FROM stage_ival`.execute(trx);
      const outcome: WriteOutcome = { statusOfKey: new Map(), flaggedKeys: new Set() };
      let imported = 0;
      let updated = 0;
      for (const row of status.rows) {
        const state = row.out_of_range ? 'out_of_range' : !row.changed ? 'unchanged' : row.existing ? 'updated' : 'imported';
        if (state === 'imported') imported += 1;
        if (state === 'updated') updated += 1;
        outcome.statusOfKey.set(Number(row.k), state);
        if (row.changed && row.review === 'flagged') outcome.flaggedKeys.add(Number(row.k));
      }
      if (options.dryRun) throw new DryRunRollback(outcome);
      if (imported + updated > 0) {
        await writeAudit(tx, {
          pemdaId,
          action: 'indicator_values.written',
          entityType: 'indicator_value',
          entityId: null,
          detail: { source: options.source, label: options.label, imported, updated, flagged: outcome.flaggedKeys.size, indicators: [...new Set(values.map((v) => v.indicator.code))] },
        });
      }
      return outcome;
    });
  try {
    return await run();
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

/** Resolve, write and summarise: one call for the form, the file importer and the DHIS2 importer. */
export async function importItems(ctx: Ctx, database: Database, items: RawItem[], options: WriteOptions): Promise<TImportSummary> {
  const actor = requireUser(ctx.actor);
  const context = await loadResolutionContext(ctx.db, actor.pemdaId);
  const resolved = resolveItems(actor, items, context);
  const outcome = await writeResolved(ctx, database, actor.pemdaId, resolved.values, options);
  return summarise(items, resolved.values, resolved.ignored, outcome, options.dryRun);
}

function summarise(items: readonly RawItem[], values: readonly ResolvedValue[], ignoredEarly: TIgnoredValue[], outcome: WriteOutcome, dryRun: boolean): TImportSummary {
  const ignored = [...ignoredEarly];
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  let flagged = 0;
  values.forEach((value, k) => {
    const state = outcome.statusOfKey.get(k) ?? 'unchanged';
    if (outcome.flaggedKeys.has(k)) flagged += 1;
    for (const index of value.items) {
      const item = items[index] as RawItem;
      if (state === 'out_of_range') {
        const reason = outOfRange(null, value.indicator) ?? {
          id: `nilai hasil gabungan dengan data tersimpan di luar rentang wajar ${value.indicator.min_value ?? '−∞'}–${value.indicator.max_value ?? '∞'}`,
          en: `the value combined with stored data is outside the plausible range ${value.indicator.min_value ?? '−∞'}–${value.indicator.max_value ?? '∞'}`,
        };
        ignored.push({ index, row: item.row, dataElement: item.code, orgUnit: item.orgUnit, period: item.period, value: item.value === null ? null : String(item.value), reason });
      } else if (state === 'imported') imported += 1;
      else if (state === 'updated') updated += 1;
      else unchanged += 1;
    }
  });
  ignored.sort((a, b) => a.index - b.index);
  return { dryRun, total: items.length, imported, updated, unchanged, ignored: ignored.length, flagged, ignoredValues: ignored.slice(0, 1000) };
}
