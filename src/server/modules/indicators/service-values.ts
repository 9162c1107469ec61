import { sql } from 'kysely';
import type { TImportSummary, TValue } from '../../../contracts/indicators';
import type { Database } from '../../db/connect';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
import { requireWalidata } from './access';
import { IndicatorErrors } from './errors';
import { parseDataValueSet, parseSheetFile } from './import-parse';
import { dueDate, periodFor } from './periods';
import { IndicatorActions } from './policy';
import { storedLevels, wilayahOfPemda } from './repository';
import { loadIndicator } from './service-catalog';
import { importItems } from './values-write';
import type { RawItem } from './values-resolve';

const iso = (value: Date | string) => new Date(value).toISOString();

export async function listValues(ctx: Ctx, indicatorId: string, query: { period?: string; wilayahKode?: string }): Promise<TValue[]> {
  const actor = requireUser(ctx.actor);
  const indicator = await loadIndicator(ctx, indicatorId);
  let q = ctx.db
    .selectFrom('indicator_value as v')
    .innerJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'v.pemda_id').onRef('w.kode', '=', 'v.wilayah_kode'))
    .select(['v.wilayah_kode', 'w.name', 'v.period', 'v.value', 'v.numerator', 'v.denominator', 'v.review', 'v.review_note', 'v.source', 'v.entered_at', 'v.version'])
    .where('v.pemda_id', '=', actor.pemdaId)
    .where('v.indicator_id', '=', indicator.id);
  if (query.period) q = q.where('v.period', '=', query.period);
  if (query.wilayahKode) q = q.where('v.wilayah_kode', '=', query.wilayahKode);
  const rows = await q.orderBy('v.period_start', 'desc').orderBy('v.wilayah_kode').limit(5000).execute();
  return rows.map((r) => ({ wilayahKode: r.wilayah_kode, wilayahName: r.name, period: r.period, value: r.value, numerator: r.numerator, denominator: r.denominator, review: r.review, reviewNote: r.review_note, source: r.source, enteredAt: iso(r.entered_at), version: r.version }));
}

export async function valueHistory(ctx: Ctx, indicatorId: string, wilayahKode: string, period: string) {
  const actor = requireUser(ctx.actor);
  const indicator = await loadIndicator(ctx, indicatorId);
  const current = (await listValues(ctx, indicator.id, { period, wilayahKode }))[0] ?? null;
  const history = await ctx.db
    .selectFrom('indicator_value_history')
    .select(['value', 'numerator', 'denominator', 'source', 'entered_at', 'version', 'replaced_at'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('indicator_id', '=', indicator.id)
    .where('wilayah_kode', '=', wilayahKode)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .execute();
  if (!current && history.length === 0) throw new AppError(IndicatorErrors.INDICATOR_VALUE_NOT_FOUND);
  return { current, history: history.map((h) => ({ value: h.value, numerator: h.numerator, denominator: h.denominator, source: h.source, enteredAt: iso(h.entered_at), version: h.version, replacedAt: iso(h.replaced_at) })) };
}

/** The entry form of the producing OPD: values of one indicator, as a batch. */
export async function enterValues(ctx: Ctx, database: Database, indicatorId: string, values: Array<{ wilayahKode: string; period: string; value: number | null; numerator: number | null; denominator: number | null }>, dryRun: boolean): Promise<TImportSummary> {
  const actor = requireUser(ctx.actor);
  const indicator = await loadIndicator(ctx, indicatorId);
  authorize(actor, IndicatorActions['indicators.enter'], { pemdaId: actor.pemdaId, opdId: indicator.producer_opd_id });
  const items: RawItem[] = values.map((v, index) => ({ index, row: index + 1, code: indicator.code, orgUnit: v.wilayahKode, period: v.period, value: v.value, numerator: v.numerator, denominator: v.denominator }));
  const summary = await importItems(ctx, database, items, { source: 'form', dryRun, label: `form:${indicator.code}` });
  if (!dryRun && summary.ignored > 0 && summary.imported + summary.updated + summary.unchanged === 0) {
    throw new AppError(
      IndicatorErrors.INDICATOR_VALUES_HAVE_ERRORS,
      { count: summary.ignored },
      summary.ignoredValues.map((v) => ({ row: v.row ?? undefined, path: `values.${(v.row ?? 1) - 1}`, message: ctx.lang === 'en' ? v.reason.en : v.reason.id })),
    );
  }
  return summary;
}

export async function importFile(ctx: Ctx, database: Database, buffer: Buffer, filename: string, dryRun: boolean): Promise<TImportSummary> {
  requireUser(ctx.actor);
  const parsed = await parseSheetFile(buffer, filename);
  if (!parsed.ok) throw new AppError(IndicatorErrors.INDICATOR_IMPORT_UNREADABLE, { reason: parsed.reason });
  return importItems(ctx, database, parsed.items, { source: 'file', dryRun, label: filename });
}

export async function importDataValueSet(ctx: Ctx, database: Database, body: unknown, options: { dryRun: boolean; idScheme: string }) {
  requireUser(ctx.actor);
  if (options.idScheme.toLowerCase() !== 'code') throw new AppError(IndicatorErrors.DHIS2_ID_SCHEME_UNSUPPORTED, { scheme: options.idScheme });
  const parsed = parseDataValueSet(body);
  if (!parsed.ok) throw new AppError(IndicatorErrors.DHIS2_NOT_A_DATAVALUESET);
  const summary = await importItems(ctx, database, parsed.items, { source: 'dhis2', dryRun: options.dryRun, label: 'dataValueSets' });
  // DHIS2's own summary vocabulary beside ours, so a DHIS2 client reads it as it reads DHIS2's answer.
  return {
    ...summary,
    responseType: 'ImportSummary' as const,
    status: summary.ignored === 0 ? ('SUCCESS' as const) : summary.imported + summary.updated + summary.unchanged > 0 ? ('WARNING' as const) : ('ERROR' as const),
    importCount: { imported: summary.imported, updated: summary.updated, ignored: summary.ignored, deleted: 0 },
    conflicts: summary.ignoredValues.map((v) => ({ object: v.dataElement ?? '', value: `${v.index}: ${ctx.lang === 'en' ? v.reason.en : v.reason.id}` })),
  };
}

/** Which wilayah are missing for one indicator and period, and how many values came in on time. */
export async function completeness(ctx: Ctx, indicatorId: string, period: string) {
  const actor = requireUser(ctx.actor);
  const indicator = await loadIndicator(ctx, indicatorId);
  const parsed = periodFor(period, indicator.periodicity);
  if (!parsed) throw new AppError(IndicatorErrors.INDICATOR_PERIOD_INVALID, { period, periodicity: indicator.periodicity });
  const wilayah = (await wilayahOfPemda(ctx.db, actor.pemdaId)).filter((w) => storedLevels(indicator.lowest_level).includes(w.level));
  const due = dueDate(parsed, indicator.due_days);
  const present = await ctx.db
    .selectFrom('indicator_value')
    .select(['wilayah_kode', 'entered_at'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('indicator_id', '=', indicator.id)
    .where('period', '=', parsed.period)
    .where('value', 'is not', null)
    .where('review', '<>', 'rejected')
    .execute();
  const have = new Map(present.map((p) => [p.wilayah_kode, p.entered_at]));
  const onTime = present.filter((p) => new Date(p.entered_at).toISOString().slice(0, 10) <= due).length;
  const missing = wilayah.filter((w) => !have.has(w.kode)).map((w) => ({ kode: w.kode, name: w.name }));
  const expected = wilayah.length;
  return { indicatorId: indicator.id, period: parsed.period, level: indicator.lowest_level, expected, present: expected - missing.length, ratio: expected === 0 ? 0 : (expected - missing.length) / expected, dueDate: due, onTime, missing };
}

export async function flaggedValues(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const rows = await ctx.db
    .selectFrom('indicator_value as v')
    .innerJoin('indicator as i', (join) => join.onRef('i.pemda_id', '=', 'v.pemda_id').onRef('i.id', '=', 'v.indicator_id'))
    .innerJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'v.pemda_id').onRef('w.kode', '=', 'v.wilayah_kode'))
    .select(['v.indicator_id', 'i.code', 'i.name_id', 'i.name_en', 'v.wilayah_kode', 'w.name', 'v.period', 'v.value', 'v.review_note'])
    .where('v.pemda_id', '=', actor.pemdaId)
    .where('v.review', '=', 'flagged')
    .orderBy('i.code')
    .orderBy('v.period_start', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ indicatorId: r.indicator_id, indicatorCode: r.code, indicatorName: { id: r.name_id, en: r.name_en }, wilayahKode: r.wilayah_kode, wilayahName: r.name, period: r.period, value: r.value, reviewNote: r.review_note }));
}

/** The walidata accepts a flagged value (it stays) or rejects it (kept for the record, left out of maps). */
export async function reviewValue(ctx: Ctx, indicatorId: string, input: { wilayahKode: string; period: string; decision: 'accepted' | 'rejected' }) {
  const indicator = await loadIndicator(ctx, indicatorId);
  const actor = await requireWalidata(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('indicator_value')
      .select(['review', 'value'])
      .where('pemda_id', '=', actor.pemdaId)
      .where('indicator_id', '=', indicator.id)
      .where('wilayah_kode', '=', input.wilayahKode)
      .where('period', '=', input.period)
      .executeTakeFirst();
    if (!before) throw new AppError(IndicatorErrors.INDICATOR_VALUE_NOT_FOUND);
    await sql`UPDATE indicator_value SET review = ${input.decision} WHERE pemda_id = ${actor.pemdaId} AND indicator_id = ${indicator.id} AND wilayah_kode = ${input.wilayahKode} AND period = ${input.period}`.execute(tx.db);
    await writeAudit(tx, {
      pemdaId: actor.pemdaId,
      action: `indicator_value.${input.decision}`,
      entityType: 'indicator_value',
      entityId: `${indicator.code}/${input.wilayahKode}/${input.period}`,
      before: { review: before.review },
      after: { review: input.decision },
    });
    return { ok: true as const };
  });
}
