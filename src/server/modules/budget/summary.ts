import type { Kysely } from 'kysely';
import type { TCurvePoint, TOpdSummary } from '../../../contracts/budget';
import type { DB } from '../../db/schema';
import { band, financialPercent, round2 } from './rules';

/** One OPD's (or the Pemda's) figures at a month, from the roll-up rows of months 1..12. */
export interface RollupRow {
  opd_id: string;
  bulan: number;
  jumlah_sub: number;
  pagu: number;
  rencana_keuangan: number;
  realisasi_keuangan: number;
  rencana_fisik_bobot: number;
  realisasi_fisik_bobot: number;
  jumlah_kritis: number;
  ada_laporan: boolean;
}

export type Figures = Omit<TOpdSummary, 'opdId' | 'opdCode' | 'opdName' | 'rank'>;

const pct = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : null);

/**
 * %keuangan = cumulative realisation / pagu; %fisik = pagu-weighted progress (BRIEF §4.10); deviations are plan
 * minus realisation in points; achievement (capaian) = cumulative realisation against the cumulative cash plan,
 * put in a band (BRIEF §4.10 bands).
 */
export function figuresAt(rows: readonly RollupRow[], bulan: number): Figures {
  let pagu = 0;
  let jumlahSub = 0;
  let rencana = 0;
  let realisasi = 0;
  let rfBobot = 0;
  let xfBobot = 0;
  let kritis = 0;
  let adaLaporan = false;
  for (const row of rows) {
    if (row.bulan > bulan) continue;
    rencana += row.rencana_keuangan;
    realisasi += row.realisasi_keuangan;
    if (row.bulan === bulan) {
      pagu += row.pagu;
      jumlahSub += row.jumlah_sub;
      rfBobot += row.rencana_fisik_bobot;
      xfBobot += row.realisasi_fisik_bobot;
      kritis += row.jumlah_kritis;
      adaLaporan ||= row.ada_laporan;
    }
  }
  const rencanaFisik = pagu > 0 ? round2(rfBobot / pagu) : null;
  const realisasiFisik = pagu > 0 ? round2(xfBobot / pagu) : null;
  const persenKeuangan = financialPercent(realisasi, pagu);
  const persenRencanaKeuangan = financialPercent(rencana, pagu);
  const capaian = pct(realisasi, rencana);
  return {
    jumlahSub,
    pagu: round2(pagu),
    rencanaKeuangan: round2(rencana),
    realisasiKeuangan: round2(realisasi),
    persenKeuangan,
    persenRencanaKeuangan,
    rencanaFisik,
    realisasiFisik,
    deviasiFisik: rencanaFisik !== null && realisasiFisik !== null ? round2(rencanaFisik - realisasiFisik) : null,
    deviasiKeuangan: persenKeuangan !== null && persenRencanaKeuangan !== null ? round2(persenRencanaKeuangan - persenKeuangan) : null,
    jumlahKritis: kritis,
    capaian,
    band: band(capaian),
    adaLaporan,
  };
}

/** The S-curve: cumulative % of pagu (money) and weighted % (physical) per month; actuals stop at the as-of month. */
export function sCurve(rows: readonly RollupRow[], asOf: number): TCurvePoint[] {
  const byMonth = new Map<number, { pagu: number; rk: number; xk: number; rf: number; xf: number }>();
  for (const row of rows) {
    const entry = byMonth.get(row.bulan) ?? { pagu: 0, rk: 0, xk: 0, rf: 0, xf: 0 };
    entry.pagu += row.pagu;
    entry.rk += row.rencana_keuangan;
    entry.xk += row.realisasi_keuangan;
    entry.rf += row.rencana_fisik_bobot;
    entry.xf += row.realisasi_fisik_bobot;
    byMonth.set(row.bulan, entry);
  }
  const points: TCurvePoint[] = [];
  let rk = 0;
  let xk = 0;
  for (let bulan = 1; bulan <= 12; bulan += 1) {
    const entry = byMonth.get(bulan) ?? { pagu: 0, rk: 0, xk: 0, rf: 0, xf: 0 };
    rk += entry.rk;
    xk += entry.xk;
    const pagu = entry.pagu;
    points.push({
      bulan,
      rencanaKeuangan: pct(rk, pagu) ?? 0,
      realisasiKeuangan: bulan <= asOf ? pct(xk, pagu) : null,
      rencanaFisik: pagu > 0 ? round2(entry.rf / pagu) : null,
      realisasiFisik: bulan <= asOf && pagu > 0 ? round2(entry.xf / pagu) : null,
    });
  }
  return points;
}

export async function rollupRows(db: Kysely<DB>, pemdaId: string, tahun: number, opdId?: string): Promise<RollupRow[]> {
  let query = db
    .selectFrom('budget_opd_bulanan')
    .select(['opd_id', 'bulan', 'jumlah_sub', 'pagu', 'rencana_keuangan', 'realisasi_keuangan', 'rencana_fisik_bobot', 'realisasi_fisik_bobot', 'jumlah_kritis', 'ada_laporan'])
    .where('pemda_id', '=', pemdaId)
    .where('tahun', '=', tahun);
  if (opdId) query = query.where('opd_id', '=', opdId);
  return query.execute();
}
