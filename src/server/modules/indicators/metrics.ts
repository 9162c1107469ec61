import type { Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import type { Flag, FlagSource, MetricDef, MetricRow } from '../../platform/metrics';
import { addDays, dueDate, monthBounds, periodsBetween } from './periods';
import { storedLevels, wilayahOfPemda } from './repository';
import { computeRanking, interventionsPerKode } from './service-index';

/**
 * The scorecard contract (docs/DESIGN.md): per producing OPD and month, how complete and how timely the values of
 * its indicators were. The periods counted in a month are those whose values fell due in that month (period end +
 * the indicator's due days); expected = one value per wilayah of the indicator's level.
 */
interface DueCount {
  opdId: string;
  expected: number;
  present: number;
  onTime: number;
}

async function dueCounts(ctx: Ctx, pemdaId: string, month: string): Promise<Map<string, DueCount>> {
  const { start, end } = monthBounds(month);
  const indicators = await ctx.db.selectFrom('indicator').select(['id', 'producer_opd_id', 'periodicity', 'due_days', 'lowest_level']).where('pemda_id', '=', pemdaId).execute();
  const wilayah = await wilayahOfPemda(ctx.db, pemdaId);
  const perOpd = new Map<string, DueCount>();
  for (const indicator of indicators) {
    const periods = periodsBetween(indicator.periodicity, addDays(start, -indicator.due_days), addDays(end, -indicator.due_days));
    if (periods.length === 0) continue;
    const expectedPerPeriod = wilayah.filter((w) => storedLevels(indicator.lowest_level).includes(w.level)).length;
    const entry = perOpd.get(indicator.producer_opd_id) ?? { opdId: indicator.producer_opd_id, expected: 0, present: 0, onTime: 0 };
    for (const period of periods) {
      const due = dueDate(period, indicator.due_days);
      const counts = await ctx.db
        .selectFrom('indicator_value')
        .select((eb) => [eb.fn.countAll<number>().as('present'), eb.fn.count<number>(eb.case().when('entered_at', '<', new Date(`${addDays(due, 1)}T00:00:00+07:00`)).then(1).end()).as('on_time')])
        .where('pemda_id', '=', pemdaId)
        .where('indicator_id', '=', indicator.id)
        .where('period', '=', period.period)
        .where('value', 'is not', null)
        .where('review', '<>', 'rejected')
        .executeTakeFirstOrThrow();
      entry.expected += expectedPerPeriod;
      entry.present += Number(counts.present);
      entry.onTime += Number(counts.on_time);
    }
    perOpd.set(indicator.producer_opd_id, entry);
  }
  return perOpd;
}

const link = (opdId: string, month: string) => `/indikator?opd=${opdId}&bulan=${month}`;

export const INDICATOR_METRICS: MetricDef[] = [
  {
    key: 'indicators.data_completeness',
    label: { id: 'Kelengkapan data indikator', en: 'Indicator data completeness' },
    description: { id: 'Nilai yang masuk dibanding nilai yang wajib (satu per wilayah) untuk periode yang jatuh tempo bulan ini.', en: 'Values received against values due (one per region) for the periods falling due this month.' },
    unit: 'ratio',
    better: 'higher',
    async compute(ctx, pemdaId, month): Promise<MetricRow[]> {
      const counts = await dueCounts(ctx, pemdaId, month);
      return [...counts.values()].map((c) => ({ opdId: c.opdId, value: c.expected === 0 ? null : c.present / c.expected, numerator: c.present, denominator: c.expected, link: link(c.opdId, month) }));
    },
  },
  {
    key: 'indicators.data_timeliness',
    label: { id: 'Ketepatan waktu data indikator', en: 'Indicator data timeliness' },
    description: { id: 'Nilai yang masuk paling lambat tanggal jatuh tempo dibanding nilai yang wajib.', en: 'Values received by their due date against values due.' },
    unit: 'ratio',
    better: 'higher',
    async compute(ctx, pemdaId, month): Promise<MetricRow[]> {
      const counts = await dueCounts(ctx, pemdaId, month);
      return [...counts.values()].map((c) => ({ opdId: c.opdId, value: c.expected === 0 ? null : c.onTime / c.expected, numerator: c.onTime, denominator: c.expected, link: link(c.opdId, month) }));
    },
  },
];

const today = () => new Date().toISOString().slice(0, 10);

/** An approved indicator whose latest due period is incomplete: the producing OPD is late. */
export async function overdueFlags(ctx: Ctx, pemdaId: string, now = today()): Promise<Flag[]> {
  const indicators = await ctx.db.selectFrom('indicator').select(['id', 'code', 'name_id', 'name_en', 'producer_opd_id', 'periodicity', 'due_days', 'lowest_level']).where('pemda_id', '=', pemdaId).where('approval', '=', 'approved').execute();
  const wilayah = await wilayahOfPemda(ctx.db, pemdaId);
  const flags: Flag[] = [];
  for (const indicator of indicators) {
    const lastEnd = addDays(now, -indicator.due_days - 1);
    const periods = periodsBetween(indicator.periodicity, addDays(lastEnd, -400), lastEnd);
    const period = periods[periods.length - 1];
    if (!period) continue;
    const expected = wilayah.filter((w) => storedLevels(indicator.lowest_level).includes(w.level)).length;
    const row = await ctx.db
      .selectFrom('indicator_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pemda_id', '=', pemdaId)
      .where('indicator_id', '=', indicator.id)
      .where('period', '=', period.period)
      .where('value', 'is not', null)
      .executeTakeFirstOrThrow();
    const present = Number(row.n);
    if (present >= expected) continue;
    flags.push({
      kind: 'indicators.overdue',
      severity: present === 0 ? 'critical' : 'warning',
      opdId: indicator.producer_opd_id,
      since: dueDate(period, indicator.due_days),
      title: {
        id: `Data ${indicator.name_id} periode ${period.period} terlambat: ${present} dari ${expected} wilayah`,
        en: `${indicator.name_en} for ${period.period} is overdue: ${present} of ${expected} regions`,
      },
      link: `/indikator/${indicator.id}?periode=${period.period}`,
    });
  }
  return flags;
}

/** A priority kelurahan of the default vulnerability index with no intervention this year. */
export async function uncoveredFlags(ctx: Ctx, pemdaId: string, year = today().slice(0, 4)): Promise<Flag[]> {
  const ranking = await computeRanking(ctx, pemdaId, { year }).catch((error: unknown) => {
    if (error instanceof AppError && error.def.status === 404) return null;
    throw error;
  });
  if (!ranking) return [];
  const counts = await interventionsPerKode(ctx, pemdaId, `${year}-01-01`, `${year}-12-31`);
  const offices = await ctx.db.selectFrom('opd').select(['id', 'wilayah_kode']).where('pemda_id', '=', pemdaId).where('wilayah_kode', 'is not', null).execute();
  const officeOf = new Map(offices.map((o) => [o.wilayah_kode, o.id]));
  return ranking.rows
    .filter((r) => r.priority && (counts.get(r.kode) ?? 0) === 0)
    .map((r) => ({
      kind: 'indicators.priority_without_intervention',
      severity: 'warning' as const,
      opdId: officeOf.get(r.kode) ?? null,
      since: `${year}-01-01`,
      title: { id: `Kelurahan prioritas ${r.name} (peringkat ${r.rank}) belum mendapat intervensi tahun ${year}`, en: `Priority kelurahan ${r.name} (rank ${r.rank}) has no intervention in ${year}` },
      link: `/wilayah/${r.kode}`,
    }));
}

export const INDICATOR_FLAGS: FlagSource[] = [
  { kind: 'indicators.overdue', list: (ctx, pemdaId) => overdueFlags(ctx, pemdaId) },
  { kind: 'indicators.priority_without_intervention', list: (ctx, pemdaId) => uncoveredFlags(ctx, pemdaId) },
];
