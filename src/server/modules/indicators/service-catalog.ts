import type { TIndicator, TIndicatorInput } from '../../../contracts/indicators';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { authorize, can } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
import { isWalidata, mayEnter, requireWalidata } from './access';
import { IndicatorErrors } from './errors';
import { IndicatorActions } from './policy';
import { findIndicator, findIndicators, type IndicatorRow } from './repository';

export function presentIndicator(row: IndicatorRow, actor: UserActor, walidata: boolean): TIndicator {
  const own = can(actor, IndicatorActions['indicators.manage'], { pemdaId: row.pemda_id, opdId: row.producer_opd_id });
  return {
    id: row.id,
    code: row.code,
    name: { id: row.name_id, en: row.name_en },
    definition: row.definition,
    unit: row.unit,
    kind: row.kind,
    factor: Number(row.factor),
    numeratorCode: row.numerator_code,
    denominatorCode: row.denominator_code,
    numeratorLabel: row.numerator_label,
    denominatorLabel: row.denominator_label,
    periodicity: row.periodicity,
    lowestLevel: row.lowest_level,
    producer: { id: row.producer_opd_id, code: row.producer_code, name: row.producer_name },
    source: row.source,
    method: row.method,
    polarity: row.polarity,
    minValue: row.min_value === null ? null : Number(row.min_value),
    maxValue: row.max_value === null ? null : Number(row.max_value),
    dueDays: row.due_days,
    tags: row.tags,
    approval: row.approval,
    approvalNote: row.approval_note,
    approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
    latestPeriod: row.latest_period ?? null,
    synthetic: row.synthetic,
    can: { edit: own, enter: mayEnter(actor, row.producer_opd_id), approve: walidata, publish: walidata && row.approval === 'approved' },
  };
}

export async function listIndicators(ctx: Ctx, filter: { q?: string; opdId?: string }): Promise<TIndicator[]> {
  const actor = requireUser(ctx.actor);
  const walidata = await isWalidata(ctx, actor);
  const rows = await findIndicators(ctx.db, actor.pemdaId, filter);
  return rows.map((row) => presentIndicator(row, actor, walidata));
}

/** The indicator of the caller's Pemda, or 404 (another Pemda's indicator does not exist for the caller). */
export async function loadIndicator(ctx: Ctx, id: string): Promise<IndicatorRow> {
  const actor = requireUser(ctx.actor);
  const row = await findIndicator(ctx.db, actor.pemdaId, id);
  if (!row) throw new AppError(IndicatorErrors.INDICATOR_NOT_FOUND);
  return row;
}

export async function getIndicator(ctx: Ctx, id: string): Promise<TIndicator> {
  const actor = requireUser(ctx.actor);
  return presentIndicator(await loadIndicator(ctx, id), actor, await isWalidata(ctx, actor));
}

function checkInput(input: TIndicatorInput): void {
  if (input.kind === 'rate' && (!input.numeratorCode || !input.denominatorCode)) throw new AppError(IndicatorErrors.INDICATOR_RATE_NEEDS_PARTS);
  if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue) throw new AppError(IndicatorErrors.INDICATOR_RANGE_INVALID);
}

function columns(input: TIndicatorInput) {
  return {
    code: input.code,
    name_id: input.nameId,
    name_en: input.nameEn,
    definition: input.definition,
    unit: input.unit,
    kind: input.kind,
    factor: input.factor,
    numerator_code: input.kind === 'rate' ? input.numeratorCode : null,
    denominator_code: input.kind === 'rate' ? input.denominatorCode : null,
    numerator_label: input.kind === 'rate' ? input.numeratorLabel : null,
    denominator_label: input.kind === 'rate' ? input.denominatorLabel : null,
    periodicity: input.periodicity,
    lowest_level: input.lowestLevel,
    producer_opd_id: input.producerOpdId,
    source: input.source,
    method: input.method,
    polarity: input.polarity,
    min_value: input.minValue,
    max_value: input.maxValue,
    due_days: input.dueDays,
    tags: JSON.stringify(input.tags),
  };
}

async function requireProducer(ctx: Ctx, pemdaId: string, opdId: string): Promise<void> {
  const opd = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', opdId).executeTakeFirst();
  if (!opd) throw new AppError(IndicatorErrors.INDICATOR_PRODUCER_UNKNOWN);
}

export async function createIndicator(ctx: Ctx, input: TIndicatorInput): Promise<TIndicator> {
  const actor = requireUser(ctx.actor);
  checkInput(input);
  await requireProducer(ctx, actor.pemdaId, input.producerOpdId);
  // An OPD may only catalogue indicators it produces itself; 404 keeps other OPDs out of sight.
  authorize(actor, IndicatorActions['indicators.manage'], { pemdaId: actor.pemdaId, opdId: input.producerOpdId });
  const id = await inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('indicator').select('id').where('pemda_id', '=', actor.pemdaId).where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new AppError(IndicatorErrors.INDICATOR_CODE_TAKEN, { code: input.code });
    const row = await tx.db.insertInto('indicator').values({ pemda_id: actor.pemdaId, ...columns(input) }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'indicator.created', entityType: 'indicator', entityId: row.id, after: { ...input } });
    return row.id;
  });
  return getIndicator(ctx, id);
}

export async function updateIndicator(ctx: Ctx, id: string, input: TIndicatorInput): Promise<TIndicator> {
  const actor = requireUser(ctx.actor);
  const before = await loadIndicator(ctx, id);
  authorize(actor, IndicatorActions['indicators.manage'], { pemdaId: actor.pemdaId, opdId: before.producer_opd_id });
  checkInput(input);
  await requireProducer(ctx, actor.pemdaId, input.producerOpdId);
  authorize(actor, IndicatorActions['indicators.manage'], { pemdaId: actor.pemdaId, opdId: input.producerOpdId });
  await inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('indicator').select('id').where('pemda_id', '=', actor.pemdaId).where('code', '=', input.code).where('id', '<>', id).executeTakeFirst();
    if (taken) throw new AppError(IndicatorErrors.INDICATOR_CODE_TAKEN, { code: input.code });
    // Changed metadata needs the walidata's approval again (Satu Data: metadata is checked before data is shared).
    await tx.db
      .updateTable('indicator')
      .set({ ...columns(input), approval: 'draft', approval_note: null, approved_by: null, approved_at: null, updated_at: new Date() })
      .where('pemda_id', '=', actor.pemdaId)
      .where('id', '=', id)
      .execute();
    const { latest_period: _l, producer_code: _c, producer_name: _n, ...beforeRow } = before;
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'indicator.updated', entityType: 'indicator', entityId: id, before: { ...beforeRow, tags: before.tags }, after: { ...beforeRow, ...columns(input), tags: input.tags, approval: 'draft' } });
  });
  return getIndicator(ctx, id);
}

export async function decideIndicator(ctx: Ctx, id: string, decision: { decision: 'approved' | 'rejected'; note: string | null }): Promise<TIndicator> {
  const before = await loadIndicator(ctx, id);
  const actor = await requireWalidata(ctx);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('indicator')
      .set({ approval: decision.decision, approval_note: decision.note, approved_by: actor.userId, approved_at: new Date(), updated_at: new Date() })
      .where('pemda_id', '=', actor.pemdaId)
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, {
      pemdaId: actor.pemdaId,
      action: `indicator.${decision.decision}`,
      entityType: 'indicator',
      entityId: id,
      before: { approval: before.approval, approval_note: before.approval_note },
      after: { approval: decision.decision, approval_note: decision.note },
    });
  });
  return getIndicator(ctx, id);
}
