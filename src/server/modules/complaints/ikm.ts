import { sql, type Kysely } from 'kysely';
import type { TIkmReport, TIkmSurveyRequest, TIkmUnit, TIkmUnitPublic } from '../../../contracts/complaints';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { check, PEMDA_WIDE } from '../../platform/policy';
import { cachedCalendar, pemdaById } from './cache';
import { ComplaintErrors } from './errors';
import { computeIkm, IKM_BANDS_2017, IKM_ELEMENT_LABELS, IKM_ELEMENTS, roundHalfUp, type IkmElement } from './ikm-rules';
import { ComplaintActions as A } from './policy';

/** IKM per service unit and period (PermenPANRB 14/2017, BRIEF 4.7): survey intake and the report. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PeriodRange {
  period: string;
  from: string;
  to: string;
}

function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** YYYY, YYYY-MM, YYYY-Q1..Q4 or YYYY-S1/S2 as an inclusive date range. */
export function periodRange(period: string): PeriodRange {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-S([12]))?$/.exec(period);
  if (!m) throw new AppError(ComplaintErrors.IKM_PERIOD_INVALID);
  const year = Number(m[1]);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new AppError(ComplaintErrors.IKM_PERIOD_INVALID);
    return { period, from: `${year}-${pad(month)}-01`, to: lastDay(year, month) };
  }
  if (m[3]) {
    const q = Number(m[3]);
    return { period, from: `${year}-${pad(q * 3 - 2)}-01`, to: lastDay(year, q * 3) };
  }
  if (m[4]) {
    const s = Number(m[4]);
    return { period, from: `${year}-${s === 1 ? '01' : '07'}-01`, to: lastDay(year, s === 1 ? 6 : 12) };
  }
  return { period, from: `${year}-01-01`, to: `${year}-12-31` };
}

async function unitRow(db: Kysely<DB>, pemdaId: string | null, unitId: string) {
  if (!UUID.test(unitId)) return undefined;
  let q = db
    .selectFrom('ikm_unit as u')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'u.pemda_id').onRef('o.id', '=', 'u.opd_id'))
    .select(['u.pemda_id', 'u.id', 'u.code', 'u.name', 'u.opd_id', 'o.name as opd_name', 'u.population', 'u.active'])
    .where('u.id', '=', unitId);
  if (pemdaId) q = q.where('u.pemda_id', '=', pemdaId);
  return q.executeTakeFirst();
}

const toUnit = (r: NonNullable<Awaited<ReturnType<typeof unitRow>>>): TIkmUnit => ({ id: r.id, code: r.code, name: r.name, opdId: r.opd_id, opdName: r.opd_name, population: r.population, active: r.active });

export async function publicUnit(db: Kysely<DB>, unitId: string): Promise<TIkmUnitPublic> {
  const row = await unitRow(db, null, unitId);
  if (!row || !row.active) throw new AppError(ComplaintErrors.IKM_UNIT_NOT_FOUND);
  const pemda = await pemdaById(db, row.pemda_id);
  return { id: row.id, name: row.name, opdName: row.opd_name, pemdaName: pemda.name, elements: IKM_ELEMENTS.map((code) => ({ code, label: IKM_ELEMENT_LABELS[code] })) };
}

/** A public answer to the questionnaire (no account; the QR code at the counter or the closed complaint). */
export async function submitSurvey(ctx: Ctx, unitId: string, input: TIkmSurveyRequest): Promise<void> {
  const row = await unitRow(ctx.db, null, unitId);
  if (!row || !row.active) throw new AppError(ComplaintErrors.IKM_UNIT_NOT_FOUND);
  const calendar = await cachedCalendar(ctx.db, row.pemda_id);
  const complaint = input.complaintCode
    ? await ctx.db.selectFrom('complaint').select('id').where('pemda_id', '=', row.pemda_id).where('code', '=', input.complaintCode).executeTakeFirst()
    : undefined;
  await inTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insertInto('ikm_response')
      .values({
        pemda_id: row.pemda_id,
        unit_id: row.id,
        answered_on: calendar.today(),
        u1: input.u1, u2: input.u2, u3: input.u3, u4: input.u4, u5: input.u5, u6: input.u6, u7: input.u7, u8: input.u8, u9: input.u9,
        sex: input.sex,
        age_group: input.ageGroup,
        education: input.education,
        occupation: input.occupation,
        complaint_id: complaint?.id ?? null,
        suggestion: input.suggestion,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: row.pemda_id, action: 'ikm.answered', entityType: 'ikm_response', entityId: inserted.id, detail: { unit: row.code } });
  });
}

export async function listUnits(ctx: Ctx, actor: UserActor): Promise<TIkmUnit[]> {
  let q = ctx.db
    .selectFrom('ikm_unit as u')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'u.pemda_id').onRef('o.id', '=', 'u.opd_id'))
    .select(['u.pemda_id', 'u.id', 'u.code', 'u.name', 'u.opd_id', 'o.name as opd_name', 'u.population', 'u.active'])
    .where('u.pemda_id', '=', actor.pemdaId);
  if (!(PEMDA_WIDE as readonly string[]).includes(actor.role)) q = q.where('u.opd_id', '=', actor.opdId ?? '00000000-0000-0000-0000-000000000000');
  return (await q.orderBy('o.name').orderBy('u.name').execute()).map(toUnit);
}

export async function createUnit(ctx: Ctx, actor: UserActor, input: { code: string; name: string; opdId: string; population: number }): Promise<TIkmUnit> {
  return inTransaction(ctx, async (tx) => {
    const opd = await tx.db.selectFrom('opd').select('id').where('pemda_id', '=', actor.pemdaId).where('id', '=', input.opdId).executeTakeFirst();
    if (!opd) throw new AppError(ComplaintErrors.COMPLAINT_OPD_UNKNOWN);
    const exists = await tx.db.selectFrom('ikm_unit').select('id').where('pemda_id', '=', actor.pemdaId).where('code', '=', input.code).executeTakeFirst();
    if (exists) throw new AppError(ComplaintErrors.IKM_UNIT_EXISTS, { code: input.code });
    const row = await tx.db.insertInto('ikm_unit').values({ pemda_id: actor.pemdaId, code: input.code, name: input.name, opd_id: input.opdId, population: input.population }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'ikm.unit.created', entityType: 'ikm_unit', entityId: row.id, after: { code: input.code, name: input.name, opd_id: input.opdId, population: input.population } });
    const created = await unitRow(tx.db, actor.pemdaId, row.id);
    return toUnit(created as NonNullable<typeof created>);
  });
}

/** Element sums and respondents of units over a date range, in one query. */
export async function ikmSums(db: Kysely<DB>, pemdaId: string, range: { from: string; to: string }, unitIds?: string[]) {
  let q = db
    .selectFrom('ikm_response')
    .select(['unit_id', sql<number>`count(*)::int`.as('n'), ...IKM_ELEMENTS.map((e) => sql<number>`sum(${sql.ref(e)})::int`.as(e))])
    .where('pemda_id', '=', pemdaId)
    .where('answered_on', '>=', range.from)
    .where('answered_on', '<=', range.to);
  if (unitIds) q = q.where('unit_id', 'in', unitIds.length ? unitIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = (await q.groupBy('unit_id').execute()) as unknown as Array<{ unit_id: string; n: number } & Record<IkmElement, number>>;
  return new Map(rows.map((r) => [r.unit_id, { respondents: r.n, sums: Object.fromEntries(IKM_ELEMENTS.map((e) => [e, r[e]])) as Record<IkmElement, number> }]));
}

export async function ikmReport(ctx: Ctx, actor: UserActor, unitId: string, period: string): Promise<TIkmReport> {
  const row = await unitRow(ctx.db, actor.pemdaId, unitId);
  if (!row || check(actor, A['ikm.read'], { pemdaId: actor.pemdaId, opdId: row.opd_id }) !== true) throw new AppError(ComplaintErrors.IKM_UNIT_NOT_FOUND);
  const range = periodRange(period);
  const sums = (await ikmSums(ctx.db, actor.pemdaId, range, [row.id])).get(row.id);
  // N for the period: the unit's yearly service users, pro rata for shorter periods.
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  const population = Math.max(1, Math.round((row.population * Math.min(days, 366)) / 365));
  const result = computeIkm({ respondents: sums?.respondents ?? 0, sums: sums?.sums ?? (Object.fromEntries(IKM_ELEMENTS.map((e) => [e, 0])) as Record<IkmElement, number>), population });
  const profileRows = await ctx.db
    .selectFrom('ikm_response')
    .select(['sex', 'age_group', 'education', 'occupation'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('unit_id', '=', row.id)
    .where('answered_on', '>=', range.from)
    .where('answered_on', '<=', range.to)
    .execute();
  const profile: Record<string, Record<string, number>> = { sex: {}, ageGroup: {}, education: {}, occupation: {} };
  for (const p of profileRows) {
    const add = (group: string, value: string | null) => {
      const key = value ?? 'tidak_diisi';
      const bucket = profile[group] as Record<string, number>;
      bucket[key] = (bucket[key] ?? 0) + 1;
    };
    add('sex', p.sex);
    add('ageGroup', p.age_group);
    add('education', p.education);
    add('occupation', p.occupation);
  }
  return {
    unit: toUnit(row),
    period: range.period,
    from: range.from,
    to: range.to,
    respondents: result.respondents,
    nrr: result.nrr,
    elements: IKM_ELEMENTS.map((code) => {
      const value = result.nrr[code];
      return { code, label: IKM_ELEMENT_LABELS[code], nrr: value, converted: value === null ? null : roundHalfUp(value * 25, 2) };
    }),
    index: result.index,
    converted: result.converted,
    category: result.category,
    categoryLabel: result.categoryLabel,
    minimumSample: result.minimumSample,
    sampleProgress: result.sampleProgress,
    basis: IKM_BANDS_2017.basis,
    profile,
  };
}
