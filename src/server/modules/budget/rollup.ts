import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { CRITICAL_RULE } from './rules';

/**
 * Refreshes the per-OPD monthly roll-up (budget_opd_bulanan) of one year, for some OPDs or all, inside the
 * caller's transaction. Cumulative physical plan and progress are the running maximum of the monthly values
 * (both are cumulative and never decrease, which recordRealisasi enforces), so a month without a report
 * carries the last reported progress forward. The critical test is BRIEF §4.10 (rules.ts isCritical) in SQL.
 */
export async function refreshRollup(db: Kysely<DB>, pemdaId: string, tahun: number, opdIds?: readonly string[]): Promise<void> {
  if (opdIds && opdIds.length === 0) return;
  const opdFilter = opdIds ? sql`AND opd_id IN (${sql.join(opdIds.map((id) => sql`${id}::uuid`))})` : sql``;
  await sql`DELETE FROM budget_opd_bulanan WHERE pemda_id = ${pemdaId} AND tahun = ${tahun} ${opdFilter}`.execute(db);
  const { planSplit, lagLow, lagHigh } = CRITICAL_RULE;
  await sql`
    INSERT INTO budget_opd_bulanan (pemda_id, tahun, opd_id, bulan, jumlah_sub, pagu, rencana_keuangan, realisasi_keuangan,
      rencana_fisik_bobot, realisasi_fisik_bobot, jumlah_kritis, ada_laporan)
    WITH s AS (
      SELECT id, opd_id, status, coalesce(pagu_perubahan, pagu) - pagu_ditunda AS pagu_ef
      FROM budget_sub_kegiatan WHERE pemda_id = ${pemdaId} AND tahun = ${tahun} ${opdFilter}
    ), g AS (
      SELECT s.id, s.opd_id, s.status, s.pagu_ef, m.bulan,
        coalesce(b.rencana_keuangan, 0) AS rk,
        coalesce(b.realisasi_keuangan, 0) AS xk,
        coalesce(max(b.rencana_fisik) OVER w, 0) AS rf,
        coalesce(max(b.realisasi_fisik) OVER w, 0) AS xf,
        (b.realisasi_keuangan IS NOT NULL OR b.realisasi_fisik IS NOT NULL) AS lapor
      FROM s CROSS JOIN generate_series(1, 12) AS m(bulan)
      LEFT JOIN budget_bulanan b ON b.pemda_id = ${pemdaId} AND b.sub_kegiatan_id = s.id AND b.bulan = m.bulan
      WINDOW w AS (PARTITION BY s.id ORDER BY m.bulan)
    )
    SELECT ${pemdaId}::uuid, ${tahun}::int, opd_id, bulan, count(*), sum(pagu_ef), sum(rk), sum(xk),
      sum(pagu_ef * rf), sum(pagu_ef * xf),
      count(*) FILTER (WHERE status = 'aktif' AND pagu_ef > 0 AND (
        (rf <= ${planSplit} AND rf - xf > ${lagLow}) OR (rf > ${planSplit} AND rf - xf > ${lagHigh}))),
      coalesce(bool_or(lapor), false)
    FROM g GROUP BY opd_id, bulan`.execute(db);
}

export interface Period {
  tahun: number;
  bulan: number;
  tahunTersedia: number[];
}

/** Today's year and month in the Pemda's time zone (WIB for the demo). */
export function currentYearMonth(timeZone = 'Asia/Jakarta', now = new Date()): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

/**
 * The period a view shows: the year asked for (else the current year when it has a budget, else the latest),
 * and the month asked for (else the last month any OPD reported realisation, else the current month, or
 * December for a past year).
 */
export async function resolvePeriod(db: Kysely<DB>, pemdaId: string, query: { tahun?: number; bulan?: number }): Promise<Period> {
  // Years from the roll-up (a few rows per OPD and month, kept in step with every write), not from the
  // sub-kegiatan themselves: that list grows by thousands of rows a year.
  const years = (
    await db.selectFrom('budget_opd_bulanan').select('tahun').distinct().where('pemda_id', '=', pemdaId).orderBy('tahun', 'desc').execute()
  ).map((r) => r.tahun);
  const now = currentYearMonth();
  const tahun = query.tahun ?? (years.includes(now.year) ? now.year : (years[0] ?? now.year));
  if (query.bulan) return { tahun, bulan: query.bulan, tahunTersedia: years };
  const last = await db
    .selectFrom('budget_opd_bulanan')
    .select((eb) => eb.fn.max('bulan').as('bulan'))
    .where('pemda_id', '=', pemdaId)
    .where('tahun', '=', tahun)
    .where('ada_laporan', '=', true)
    .executeTakeFirst();
  const fallback = tahun < now.year ? 12 : tahun === now.year ? now.month : 1;
  return { tahun, bulan: last?.bulan ?? fallback, tahunTersedia: years };
}
