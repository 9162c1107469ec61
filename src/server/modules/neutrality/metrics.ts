import { sql } from 'kysely';
import type { Ctx } from '../../http/context';
import { addDays, loadCalendar, startOfLocalDay } from '../../platform/calendar';
import type { Flag, FlagSource, MetricDef } from '../../platform/metrics';
import { listCampaigns } from './pledge';
import { SMALL_CELL } from './rules';

/** Monthly per-OPD measures and the leader's flags (docs/DESIGN.md contracts). */
function monthBounds(month: string): { start: string; end: string } {
  const start = `${month}-01`;
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
}

async function activeOpds(ctx: Ctx, pemdaId: string): Promise<string[]> {
  return (await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('sort_order').orderBy('code').execute()).map((r) => r.id);
}

export const pledgeCompletion: MetricDef = {
  key: 'neutrality.pledge_completion',
  label: { id: 'Ikrar netralitas ASN', en: 'ASN neutrality pledge' },
  description: {
    id: 'ASN aktif (PNS dan PPPK) yang telah menandatangani ikrar netralitas kampanye yang berjalan pada bulan ini, dibagi seluruh ASN aktif OPD.',
    en: 'Active ASN (PNS and PPPK) who signed the pledge of the campaign running this month, over all active ASN of the OPD.',
  },
  unit: 'ratio',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const { start, end } = monthBounds(month);
    const campaign = (await listCampaigns(ctx.db, pemdaId)).find((c) => c.startsOn <= end && (c.cancelledOn && c.cancelledOn < c.endsOn ? c.cancelledOn : c.endsOn) >= start);
    const opds = await activeOpds(ctx, pemdaId);
    if (!campaign) return opds.map((opdId) => ({ opdId, value: null, numerator: null, denominator: null, link: '/netralitas/ikrar' }));
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const until = startOfLocalDay(addDays(end, 1), calendar.timezone);
    const rows = await ctx.db
      .selectFrom('pegawai as p')
      .leftJoin('ntr_pledge as g', (join) => join.onRef('g.pemda_id', '=', 'p.pemda_id').onRef('g.pegawai_id', '=', 'p.id').on('g.campaign_id', '=', campaign.id).on('g.signed_at', '<', until))
      .select(['p.opd_id', sql<number>`count(*)::int`.as('total'), sql<number>`count(g.pegawai_id)::int`.as('signed')])
      .where('p.pemda_id', '=', pemdaId)
      .where('p.active', '=', true)
      .where('p.status', 'in', ['PNS', 'PPPK'])
      .groupBy('p.opd_id')
      .execute();
    const byOpd = new Map(rows.map((r) => [r.opd_id, r]));
    return opds.map((opdId) => {
      const row = byOpd.get(opdId);
      const total = row?.total ?? 0;
      return { opdId, value: total > 0 ? (row?.signed ?? 0) / total : null, numerator: row?.signed ?? 0, denominator: total, link: `/netralitas/ikrar?opd=${opdId}&kampanye=${campaign.id}` };
    });
  },
};

/**
 * Cases opened this month against staff of the OPD. Every account may read metrics, so a count of 1 or 2 is
 * suppressed (value null): it would point at a colleague under investigation before any decision.
 */
export const casesOpened: MetricDef = {
  key: 'neutrality.cases_opened',
  label: { id: 'Kasus netralitas dibuka', en: 'Neutrality cases opened' },
  description: { id: `Laporan netralitas yang diterima pada bulan ini terhadap pegawai OPD (angka di bawah ${SMALL_CELL} disamarkan).`, en: `Neutrality reports received this month about staff of the OPD (counts under ${SMALL_CELL} are suppressed).` },
  unit: 'count',
  better: 'lower',
  async compute(ctx, pemdaId, month) {
    const { start, end } = monthBounds(month);
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const rows = await ctx.db
      .selectFrom('ntr_case')
      .select(['reported_opd_id', sql<number>`count(*)::int`.as('n')])
      .where('pemda_id', '=', pemdaId)
      .where('created_at', '>=', startOfLocalDay(start, calendar.timezone))
      .where('created_at', '<', startOfLocalDay(addDays(end, 1), calendar.timezone))
      .groupBy('reported_opd_id')
      .execute();
    const byOpd = new Map(rows.map((r) => [r.reported_opd_id, r.n]));
    return (await activeOpds(ctx, pemdaId)).map((opdId) => {
      const n = byOpd.get(opdId) ?? 0;
      const hidden = n > 0 && n < SMALL_CELL;
      return { opdId, value: hidden ? null : n, numerator: hidden ? null : n, denominator: null, link: `/netralitas/statistik?tahun=${month.slice(0, 4)}` };
    });
  },
};

/** Cases waiting past their stage deadline (a decision, an investigation or a verification that is late). */
export const overdueCaseFlags: FlagSource = {
  kind: 'neutrality.case_overdue',
  async list(ctx, pemdaId) {
    const calendar = await loadCalendar(ctx.db, pemdaId);
    const today = calendar.today();
    const rows = await ctx.db
      .selectFrom('ntr_case')
      .select(['id', 'number', 'stage', 'stage_due_on', 'reported_opd_id'])
      .where('pemda_id', '=', pemdaId)
      .where('stage', 'in', ['verifikasi', 'investigasi', 'keputusan'])
      .where('stage_due_on', '<', today)
      .orderBy('stage_due_on')
      .limit(200)
      .execute();
    const label: Record<string, { id: string; en: string }> = {
      verifikasi: { id: 'verifikasi', en: 'verification' },
      investigasi: { id: 'investigasi', en: 'investigation' },
      keputusan: { id: 'keputusan PPK', en: 'the decision' },
    };
    return rows
      .filter((r) => r.stage_due_on && calendar.workingDaysBetween(r.stage_due_on, today) > 0)
      .map((r): Flag => ({
        kind: 'neutrality.case_overdue',
        severity: r.stage === 'keputusan' ? 'critical' : 'warning',
        opdId: r.reported_opd_id,
        since: r.stage_due_on as string,
        title: { id: `Kasus netralitas ${r.number} menunggu ${label[r.stage]?.id} melewati tenggat`, en: `Neutrality case ${r.number} is past its deadline for ${label[r.stage]?.en}` },
        link: `/netralitas/kasus/${r.id}`,
      }));
  },
};
