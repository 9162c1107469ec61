import { sql } from 'kysely';
import type { Ctx } from '../../http/context';
import { startOfLocalDay } from '../../platform/calendar';
import type { MetricDef, MetricRow } from '../../platform/metrics';
import { cachedCalendar } from './cache';
import { computeIkm, IKM_ELEMENTS, type IkmElement } from './ikm-rules';
import { ikmSums } from './ikm';

/**
 * Monthly per-OPD measures for the scorecard (docs/DESIGN.md, the metrics contract), served by
 * GET /api/v1/metrics?month=YYYY-MM&key=complaints.*; each row links to the complaints behind it.
 */
function monthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: `${month}-01`, end: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

async function activeOpds(ctx: Ctx, pemdaId: string): Promise<string[]> {
  return (await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('sort_order').orderBy('code').execute()).map((r) => r.id);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const link = (opdId: string, month: string, extra = '') => `/pengaduan?opd=${opdId}&month=${month}${extra}`;

export const received: MetricDef = {
  key: 'complaints.received',
  label: { id: 'Pengaduan masyarakat diterima', en: 'Public complaints received' },
  description: { id: 'Pengaduan yang diterima pada bulan ini dan sekarang ditangani OPD.', en: 'Complaints received this month and now handled by the OPD.' },
  unit: 'count',
  better: 'lower',
  async compute(ctx, pemdaId, month) {
    const { start, end } = monthBounds(month);
    const rows = await ctx.db.selectFrom('complaint').select(['opd_id', sql<number>`count(*)::int`.as('n')]).where('pemda_id', '=', pemdaId).where('received_on', '>=', start).where('received_on', '<=', end).groupBy('opd_id').execute();
    const by = new Map(rows.map((r) => [r.opd_id, r.n]));
    return (await activeOpds(ctx, pemdaId)).map((opdId): MetricRow => ({ opdId, value: by.get(opdId) ?? 0, numerator: by.get(opdId) ?? 0, denominator: null, link: link(opdId, month) }));
  },
};

export const resolved: MetricDef = {
  key: 'complaints.resolved',
  label: { id: 'Pengaduan diselesaikan', en: 'Complaints resolved' },
  description: { id: 'Pengaduan yang ditutup selesai pada bulan ini.', en: 'Complaints closed as resolved this month.' },
  unit: 'count',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const calendar = await cachedCalendar(ctx.db, pemdaId);
    const { start, end } = monthBounds(month);
    const from = startOfLocalDay(start, calendar.timezone);
    const until = new Date(startOfLocalDay(end, calendar.timezone).getTime() + 86_400_000);
    const rows = await ctx.db.selectFrom('complaint').select(['opd_id', sql<number>`count(*)::int`.as('n')]).where('pemda_id', '=', pemdaId).where('status', '=', 'closed').where('closed_at', '>=', from).where('closed_at', '<', until).groupBy('opd_id').execute();
    const by = new Map(rows.map((r) => [r.opd_id, r.n]));
    return (await activeOpds(ctx, pemdaId)).map((opdId): MetricRow => ({ opdId, value: by.get(opdId) ?? 0, numerator: by.get(opdId) ?? 0, denominator: null, link: `/pengaduan?opd=${opdId}&status=closed&month=${month}` }));
  },
};

/**
 * Deadline compliance (PermenPANRB 62/2018): for complaints received this month, the SP4N-LAPOR! clocks
 * (verification 3, first follow-up 5, resolution per class) that have run out or were met, and how many were met
 * on time. A clock still running counts in neither.
 */
export const deadlineCompliance: MetricDef = {
  key: 'complaints.deadline_compliance',
  label: { id: 'Kepatuhan tenggat SP4N-LAPOR!', en: 'SP4N-LAPOR! deadline compliance' },
  description: { id: 'Tahap verifikasi, tindak lanjut pertama dan penyelesaian yang selesai tepat waktu, dibagi tahap yang sudah jatuh tempo atau selesai (pengaduan yang diterima bulan ini).', en: 'Verification, first follow-up and resolution stages met on time, over stages due or done (complaints received this month).' },
  unit: 'ratio',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const calendar = await cachedCalendar(ctx.db, pemdaId);
    const today = calendar.today();
    const { start, end } = monthBounds(month);
    const rows = await ctx.db
      .selectFrom('complaint')
      .select(['opd_id', 'verify_due', 'respond_due', 'resolve_due', 'verified_at', 'first_response_at', 'closed_at', 'status'])
      .where('pemda_id', '=', pemdaId)
      .where('received_on', '>=', start)
      .where('received_on', '<=', end)
      .where('status', '<>', 'merged')
      .execute();
    const tally = new Map<string, { met: number; due: number }>();
    for (const r of rows) {
      const t = tally.get(r.opd_id) ?? { met: 0, due: 0 };
      const verifiedAt = r.verified_at ?? r.first_response_at ?? r.closed_at;
      const firstAt = r.first_response_at ?? r.closed_at;
      for (const [doneAt, due] of [[verifiedAt, r.verify_due], [firstAt, r.respond_due], [r.closed_at, r.resolve_due]] as const) {
        const doneOn = doneAt ? calendar.today(new Date(doneAt)) : null;
        if (doneOn === null && due >= today) continue;
        t.due += 1;
        if (doneOn !== null && doneOn <= due) t.met += 1;
      }
      tally.set(r.opd_id, t);
    }
    return (await activeOpds(ctx, pemdaId)).map((opdId): MetricRow => {
      const t = tally.get(opdId);
      return { opdId, value: t && t.due > 0 ? t.met / t.due : null, numerator: t?.met ?? 0, denominator: t?.due ?? 0, link: link(opdId, month) };
    });
  },
};

export const firstResponseDays: MetricDef = {
  key: 'complaints.first_response_days',
  label: { id: 'Median hari kerja hingga tanggapan pertama', en: 'Median working days to first response' },
  description: { id: 'Untuk pengaduan yang diterima bulan ini dan sudah ditanggapi: median hari kerja dari diterima sampai tanggapan publik pertama (kalender Pemda).', en: 'For complaints received this month and answered: median working days from receipt to the first public reply (Pemda calendar).' },
  unit: 'days',
  better: 'lower',
  async compute(ctx, pemdaId, month) {
    const calendar = await cachedCalendar(ctx.db, pemdaId);
    const { start, end } = monthBounds(month);
    const rows = await ctx.db.selectFrom('complaint').select(['opd_id', 'received_on', 'first_response_at']).where('pemda_id', '=', pemdaId).where('received_on', '>=', start).where('received_on', '<=', end).execute();
    const days = new Map<string, number[]>();
    const counts = new Map<string, number>();
    for (const r of rows) {
      counts.set(r.opd_id, (counts.get(r.opd_id) ?? 0) + 1);
      if (!r.first_response_at) continue;
      const list = days.get(r.opd_id) ?? [];
      list.push(Math.max(0, calendar.workingDaysBetween(r.received_on, calendar.today(new Date(r.first_response_at)))));
      days.set(r.opd_id, list);
    }
    return (await activeOpds(ctx, pemdaId)).map((opdId): MetricRow => ({ opdId, value: median(days.get(opdId) ?? []), numerator: days.get(opdId)?.length ?? 0, denominator: counts.get(opdId) ?? 0, link: link(opdId, month) }));
  },
};

/** IKM of the OPD's service units for the month (all answers pooled; PermenPANRB 14/2017). */
export const ikmScore: MetricDef = {
  key: 'complaints.ikm',
  label: { id: 'Indeks Kepuasan Masyarakat (IKM)', en: 'Public satisfaction index (IKM)' },
  description: { id: 'Nilai IKM terkonversi (indeks × 25) dari seluruh jawaban survei unit layanan OPD pada bulan ini; pembilang = responden, penyebut = sampel minimal Krejcie–Morgan.', en: 'Converted IKM (index × 25) from all survey answers of the OPD’s service units this month; numerator = respondents, denominator = Krejcie–Morgan minimum sample.' },
  unit: 'score',
  better: 'higher',
  async compute(ctx, pemdaId, month) {
    const range = monthBounds(month);
    const units = await ctx.db.selectFrom('ikm_unit').select(['id', 'opd_id', 'population']).where('pemda_id', '=', pemdaId).execute();
    const sums = await ikmSums(ctx.db, pemdaId, { from: range.start, to: range.end });
    const pooled = new Map<string, { n: number; population: number; sums: Record<IkmElement, number> }>();
    for (const unit of units) {
      const s = sums.get(unit.id);
      const entry = pooled.get(unit.opd_id) ?? { n: 0, population: 0, sums: Object.fromEntries(IKM_ELEMENTS.map((e) => [e, 0])) as Record<IkmElement, number> };
      entry.population += Math.round(unit.population / 12);
      if (s) {
        entry.n += s.respondents;
        for (const e of IKM_ELEMENTS) entry.sums[e] += s.sums[e];
      }
      pooled.set(unit.opd_id, entry);
    }
    return (await activeOpds(ctx, pemdaId)).map((opdId): MetricRow => {
      const entry = pooled.get(opdId);
      if (!entry) return { opdId, value: null, numerator: null, denominator: null, link: `/ikm?opd=${opdId}&period=${month}` };
      const result = computeIkm({ respondents: entry.n, sums: entry.sums, population: Math.max(1, entry.population) });
      return { opdId, value: result.converted, numerator: entry.n, denominator: result.minimumSample, link: `/ikm?opd=${opdId}&period=${month}` };
    });
  },
};

export const COMPLAINT_METRICS: MetricDef[] = [received, resolved, deadlineCompliance, firstResponseDays, ikmScore];
