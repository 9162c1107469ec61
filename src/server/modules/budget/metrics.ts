import type { Ctx } from '../../http/context';
import type { Flag, FlagSource, MetricDef, MetricRow } from '../../platform/metrics';
import { resolvePeriod } from './rollup';
import { ikuAchievement, round2 } from './rules';
import { evaluateShortfall } from './service-shortfall';
import { figuresAt, rollupRows, type RollupRow } from './summary';

/**
 * Scorecard metrics (docs DESIGN.md "Metrics"): one row per OPD for a month, each with the link to the records
 * behind it (the OPD's budget page at that month, filtered to critical activities, or its IKU list).
 */
function parseMonth(month: string): { tahun: number; bulan: number } {
  const [year, m] = month.split('-');
  return { tahun: Number(year), bulan: Number(m) };
}

async function perOpd(ctx: Ctx, pemdaId: string, month: string) {
  const { tahun, bulan } = parseMonth(month);
  const rows = await rollupRows(ctx.db, pemdaId, tahun);
  const byOpd = new Map<string, RollupRow[]>();
  for (const row of rows) byOpd.set(row.opd_id, [...(byOpd.get(row.opd_id) ?? []), row]);
  return { tahun, bulan, entries: [...byOpd.entries()].map(([opdId, list]) => ({ opdId, figures: figuresAt(list, bulan) })) };
}

const opdLink = (opdId: string, tahun: number, bulan: number, extra = '') => `/anggaran/opd/${opdId}?tahun=${tahun}&bulan=${bulan}${extra}`;

export const BUDGET_METRICS: MetricDef[] = [
  {
    key: 'budget.realisasi_vs_rencana',
    label: { id: 'Realisasi keuangan terhadap rencana kas', en: 'Financial realisation against the cash plan' },
    description: { id: 'SP2D kumulatif dibagi anggaran kas kumulatif s.d. akhir bulan (%).', en: 'Cumulative SP2D divided by the cumulative cash plan at month end (%).' },
    unit: 'percent',
    better: 'higher',
    async compute(ctx, pemdaId, month) {
      const { tahun, bulan, entries } = await perOpd(ctx, pemdaId, month);
      return entries.map(({ opdId, figures }): MetricRow => ({ opdId, value: figures.capaian, numerator: figures.realisasiKeuangan, denominator: figures.rencanaKeuangan, link: opdLink(opdId, tahun, bulan) }));
    },
  },
  {
    key: 'budget.deviasi_fisik',
    label: { id: 'Deviasi fisik', en: 'Physical deviation' },
    description: {
      id: 'Rencana fisik kumulatif dikurangi realisasi fisik, tertimbang pagu (poin %). Pembilang: Σ pagu × deviasi; penyebut: Σ pagu.',
      en: 'Planned minus actual cumulative physical progress, weighted by ceiling (points). Numerator: Σ ceiling × deviation; denominator: Σ ceiling.',
    },
    unit: 'percent',
    better: 'lower',
    async compute(ctx, pemdaId, month) {
      const { tahun, bulan, entries } = await perOpd(ctx, pemdaId, month);
      return entries.map(({ opdId, figures }): MetricRow => ({
        opdId,
        value: figures.deviasiFisik,
        numerator: figures.deviasiFisik === null ? null : round2(figures.deviasiFisik * figures.pagu),
        denominator: figures.pagu,
        link: opdLink(opdId, tahun, bulan),
      }));
    },
  },
  {
    key: 'budget.kegiatan_kritis',
    label: { id: 'Sub kegiatan kritis', en: 'Critical sub-activities' },
    description: { id: 'Jumlah sub kegiatan kritis (rencana ≤ 70 % tertinggal > 10 poin, atau > 70 % tertinggal > 5 poin) dari seluruh sub kegiatan.', en: 'Critical sub-activities (plan ≤ 70 % lagging > 10 points, or > 70 % lagging > 5) out of all.' },
    unit: 'count',
    better: 'lower',
    async compute(ctx, pemdaId, month) {
      const { tahun, bulan, entries } = await perOpd(ctx, pemdaId, month);
      return entries.map(({ opdId, figures }): MetricRow => ({ opdId, value: figures.jumlahKritis, numerator: figures.jumlahKritis, denominator: figures.jumlahSub, link: opdLink(opdId, tahun, bulan, '&kritis=1') }));
    },
  },
  {
    key: 'budget.capaian_iku',
    label: { id: 'Capaian IKU', en: 'IKU achievement' },
    description: { id: 'Rata-rata capaian IKU yang menjadi tanggung jawab OPD pada triwulan terakhir yang sudah berakhir (%).', en: "Mean achievement of the OPD's key indicators in the last ended quarter (%)." },
    unit: 'percent',
    better: 'higher',
    async compute(ctx, pemdaId, month) {
      const { tahun, bulan } = parseMonth(month);
      const quarter = Math.floor(bulan / 3);
      if (quarter === 0) return [];
      const rows = await ctx.db
        .selectFrom('budget_iku as i')
        .innerJoin('budget_iku_target as t', (j) => j.onRef('t.pemda_id', '=', 'i.pemda_id').onRef('t.iku_id', '=', 'i.id').on('t.tahun', '=', tahun))
        .innerJoin('budget_iku_realisasi as r', (j) => j.onRef('r.pemda_id', '=', 'i.pemda_id').onRef('r.iku_id', '=', 'i.id').on('r.tahun', '=', tahun).on('r.triwulan', '<=', quarter))
        .select(['i.id', 'i.opd_id', 'i.arah', 't.target', 'r.triwulan', 'r.nilai'])
        .where('i.pemda_id', '=', pemdaId)
        .where('i.opd_id', 'is not', null)
        .execute();
      const latest = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if ((latest.get(row.id)?.triwulan ?? 0) < row.triwulan) latest.set(row.id, row);
      const byOpd = new Map<string, number[]>();
      for (const row of latest.values()) {
        const achievement = ikuAchievement(row.target, row.nilai, row.arah);
        if (achievement === null || !row.opd_id) continue;
        byOpd.set(row.opd_id, [...(byOpd.get(row.opd_id) ?? []), achievement]);
      }
      return [...byOpd.entries()].map(([opdId, values]) => {
        const total = round2(values.reduce((a, b) => a + b, 0));
        return { opdId, value: round2(total / values.length), numerator: total, denominator: values.length, link: `/anggaran/iku?tahun=${tahun}&opd=${opdId}` };
      });
    },
  },
];

export const BUDGET_FLAGS: FlagSource[] = [
  {
    kind: 'budget.kegiatan_kritis',
    async list(ctx, pemdaId) {
      const period = await resolvePeriod(ctx.db, pemdaId, {});
      const { entries } = await perOpd(ctx, pemdaId, `${period.tahun}-${String(period.bulan).padStart(2, '0')}`);
      const names = new Map((await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', pemdaId).execute()).map((o) => [o.id, o.name]));
      return entries
        .filter((e) => e.figures.jumlahKritis > 0)
        .map(({ opdId, figures }): Flag => ({
          kind: 'budget.kegiatan_kritis',
          severity: figures.jumlahKritis >= 3 ? 'critical' : 'warning',
          opdId,
          since: `${period.tahun}-${String(period.bulan).padStart(2, '0')}-01`,
          title: {
            id: `${figures.jumlahKritis} sub kegiatan kritis di ${names.get(opdId) ?? 'OPD'} (deviasi fisik ${figures.deviasiFisik ?? 0} poin)`,
            en: `${figures.jumlahKritis} critical sub-activities in ${names.get(opdId) ?? 'OPD'} (physical deviation ${figures.deviasiFisik ?? 0} points)`,
          },
          link: opdLink(opdId, period.tahun, period.bulan, '&kritis=1'),
        }));
    },
  },
  {
    kind: 'budget.pad_kurang',
    async list(ctx, pemdaId) {
      const anyTarget = await ctx.db.selectFrom('budget_pad_target').select('tahun').where('pemda_id', '=', pemdaId).limit(1).executeTakeFirst();
      if (!anyTarget) return [];
      const evaluation = await evaluateShortfall(ctx, pemdaId);
      if (!evaluation.terpicu) return [];
      const open = await ctx.db.selectFrom('budget_penundaan').select(['status', 'dibuat_pada']).where('pemda_id', '=', pemdaId).where('tahun', '=', evaluation.tahun).orderBy('dibuat_pada', 'desc').executeTakeFirst();
      if (open?.status === 'disetujui') return [];
      const gap = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(evaluation.selisih);
      const waiting = open?.status === 'diusulkan';
      return [
        {
          kind: 'budget.pad_kurang',
          severity: 'critical',
          opdId: null,
          since: waiting && open ? open.dibuat_pada.toISOString().slice(0, 10) : `${evaluation.tahun}-${String(evaluation.bulan).padStart(2, '0')}-01`,
          title: waiting
            ? { id: `Usulan penundaan kegiatan fisik menunggu keputusan: PAD diproyeksikan kurang Rp ${gap}`, en: `Postponement proposal awaits a decision: revenue projected Rp ${gap} short` }
            : { id: `PAD diproyeksikan kurang Rp ${gap} (${evaluation.selisihPersen} %) dari target`, en: `Revenue projected Rp ${gap} (${evaluation.selisihPersen} %) short of target` },
          link: '/anggaran/penundaan',
        },
      ];
    },
  },
];
