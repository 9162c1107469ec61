import { sql } from 'kysely';
import type { TStats } from '../../../contracts/neutrality';
import { CASE_STAGES, CATEGORIES } from '../../../contracts/neutrality';
import type { Ctx } from '../../http/context';
import type { Lang } from '../../http/errors';
import { SMALL_CELL, suppress, suppressTotal } from './rules';

/**
 * Statistics by OPD (of the reported person), category and stage: counts only, never a name, a date or a
 * channel detail; cells under 3 are suppressed (rules.ts).
 */
const STAGE_LABELS: Record<string, { id: string; en: string }> = {
  verifikasi: { id: 'Verifikasi', en: 'Verification' },
  investigasi: { id: 'Investigasi', en: 'Investigation' },
  keputusan: { id: 'Menunggu keputusan', en: 'Awaiting decision' },
  monitoring: { id: 'Pemantauan sanksi', en: 'Sanction monitoring' },
  selesai: { id: 'Selesai', en: 'Closed' },
  ditolak: { id: 'Tidak memenuhi syarat', en: 'Rejected' },
};

export async function caseStats(ctx: Ctx, pemdaId: string, year: number, lang: Lang): Promise<TStats> {
  const from = new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000);
  const to = new Date(Date.UTC(year + 1, 0, 1) - 7 * 3_600_000);
  const base = ctx.db.selectFrom('ntr_case').where('pemda_id', '=', pemdaId).where('created_at', '>=', from).where('created_at', '<', to);
  const [byOpd, byCategory, byStage] = await Promise.all([
    base.select(['reported_opd_id as key', sql<number>`count(*)::int`.as('count')]).groupBy('reported_opd_id').execute(),
    base.select(['category as key', sql<number>`count(*)::int`.as('count')]).groupBy('category').execute(),
    base.select(['stage as key', sql<number>`count(*)::int`.as('count')]).groupBy('stage').execute(),
  ]);
  const opds = await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', pemdaId).execute();
  const opdName = new Map(opds.map((o) => [o.id, o.name]));
  const total = byStage.reduce((n, r) => n + r.count, 0);
  const label = (text: { id: string; en: string } | undefined, fallback: string) => (text ? text[lang] : fallback);
  return {
    year,
    total: suppressTotal(total),
    threshold: SMALL_CELL,
    byOpd: suppress(byOpd.map((r) => ({ key: r.key ?? '-', label: r.key ? (opdName.get(r.key) ?? '-') : lang === 'en' ? 'Unknown OPD' : 'OPD tidak diketahui', count: r.count })).sort((a, b) => a.label.localeCompare(b.label, 'id'))),
    byCategory: suppress(CATEGORIES.map((c) => ({ key: c.code, label: c.label[lang], count: byCategory.find((r) => r.key === c.code)?.count ?? 0 }))),
    byStage: suppress(CASE_STAGES.map((s) => ({ key: s, label: label(STAGE_LABELS[s], s), count: byStage.find((r) => r.key === s)?.count ?? 0 }))),
  };
}
