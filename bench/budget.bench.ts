import { sql } from 'kysely';
import { copyLine, type Database } from '../src/server/db/connect';
import { inTransaction, systemCtx } from '../src/server/http/context';
import { refreshRollup } from '../src/server/modules/budget/rollup';
import { getOverview } from '../src/server/modules/budget/service-apbd';
import { createPemdaFromRegistry } from '../src/server/modules/org/wilayah';
import { benchDatabase } from './support';
import { percentile, timeMany, type Bench, type BenchResult } from './types';

/**
 * The Pemda overview (GET /budget/overview: every OPD at a month, ranking, S-curve) at 40 OPD × 2,000
 * sub-kegiatan per OPD × 5 years of monthly plan and realisation (80,000 sub-kegiatan a year, 4.8 million monthly
 * rows). Baselines measured in the same run on the same data: the raw aggregate the overview would need without
 * the per-OPD roll-up (budget_opd_bulanan), and a primary-key lookup of one sub-kegiatan.
 * PGlite holds everything in memory in one process, so it gets 50 sub-kegiatan per OPD (2,000 a year, the size
 * of a real kota's APBD) unless BUDGET_BENCH_PGLITE_FULL=1.
 */
const OPD = 40;
const YEARS = [2022, 2023, 2024, 2025, 2026];
const SAMPLES = 200;
const RAW_SAMPLES = 10;

function uuid(n: number, kind: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${hex}`;
}

/** COPY lines joined into chunks of a few thousand, so a stream of millions of rows is not millions of writes. */
function* batched(lines: () => Generator<string>, size = 5000): Generator<string> {
  let chunk: string[] = [];
  for (const line of lines()) {
    chunk.push(line);
    if (chunk.length >= size) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

async function load(database: Database, pemdaId: string, subsPerOpd: number): Promise<string> {
  const opdIds = Array.from({ length: OPD }, (_, i) => uuid(i + 1, 1));
  await database.db.insertInto('opd').values(opdIds.map((id, i) => ({ pemda_id: pemdaId, id, code: `OPD${i + 1}`, name: `Dinas Uji ${i + 1}`, short_name: null, kind: 'dinas', parent_id: null, wilayah_kode: null, address: null, sort_order: i }))).execute();
  const perKegiatan = 20;
  let firstSub = '';
  await database.transactionWithCopy(async (trx, copy) => {
    const programs: string[] = [];
    const kegiatan: string[] = [];
    let p = 0;
    let k = 0;
    const subRefs: Array<{ id: string; opd: string; kegiatan: string; tahun: number; n: number }> = [];
    let s = 0;
    for (const tahun of YEARS) {
      for (const opd of opdIds) {
        const programId = uuid(++p, 2);
        programs.push(copyLine([pemdaId, programId, tahun, opd, '1.03.10', 'PROGRAM PENYELENGGARAAN JALAN']));
        for (let j = 0; j < subsPerOpd / perKegiatan; j += 1) {
          const kegiatanId = uuid(++k, 3);
          kegiatan.push(copyLine([pemdaId, kegiatanId, programId, `1.03.10.2.${String(j + 1).padStart(2, '0')}`, `Kegiatan ${j + 1}`]));
          for (let x = 0; x < perKegiatan; x += 1) subRefs.push({ id: uuid(++s, 4), opd, kegiatan: kegiatanId, tahun, n: x + 1 + j * perKegiatan });
        }
      }
    }
    firstSub = subRefs[0]?.id ?? '';
    await copy('budget_program', ['pemda_id', 'id', 'tahun', 'opd_id', 'kode', 'nama'], programs);
    await copy('budget_kegiatan', ['pemda_id', 'id', 'program_id', 'kode', 'nama'], kegiatan);
    await copy(
      'budget_sub_kegiatan',
      ['pemda_id', 'id', 'tahun', 'opd_id', 'kegiatan_id', 'kode', 'nama', 'pagu', 'jenis'],
      batched(function* () {
        for (const r of subRefs) yield copyLine([pemdaId, r.id, r.tahun, r.opd, r.kegiatan, `1.03.10.2.01.${String(r.n).padStart(4, '0')}`, `Sub kegiatan ${r.n}`, 1_200_000_000 + (r.n % 7) * 100_000_000, r.n % 3 === 0 ? 'fisik' : 'non_fisik']);
      }),
    );
    await copy(
      'budget_bulanan',
      ['pemda_id', 'sub_kegiatan_id', 'bulan', 'rencana_keuangan', 'rencana_fisik', 'realisasi_keuangan', 'realisasi_fisik'],
      batched(function* () {
        for (const r of subRefs) {
          const pagu = 1_200_000_000 + (r.n % 7) * 100_000_000;
          const lag = r.n % 50 === 0 ? 0.6 : 0.97;
          for (let m = 1; m <= 12; m += 1) {
            const plan = Math.round((100 * m) / 12);
            const reported = r.tahun < 2026 || m <= 10;
            yield copyLine([pemdaId, r.id, m, pagu / 12, plan, reported ? Math.round((pagu / 12) * lag) : null, reported ? Math.round(plan * lag * 100) / 100 : null]);
          }
        }
      }),
    );
    for (const tahun of YEARS) await refreshRollup(trx, pemdaId, tahun);
  });
  await sql`ANALYZE`.execute(database.db);
  return firstSub;
}

/** The overview's figures computed straight from the monthly rows (what the roll-up saves on each request). */
async function rawAggregate(database: Database, pemdaId: string, tahun: number, bulan: number): Promise<number> {
  const result = await sql<{ opd_id: string }>`
    WITH per_sub AS (
      SELECT s.opd_id, coalesce(s.pagu_perubahan, s.pagu) - s.pagu_ditunda AS pagu_ef,
        sum(b.rencana_keuangan) AS rk, sum(coalesce(b.realisasi_keuangan, 0)) AS xk,
        max(b.rencana_fisik) AS rf, coalesce(max(b.realisasi_fisik), 0) AS xf
      FROM budget_sub_kegiatan s JOIN budget_bulanan b ON b.pemda_id = s.pemda_id AND b.sub_kegiatan_id = s.id AND b.bulan <= ${bulan}
      WHERE s.pemda_id = ${pemdaId} AND s.tahun = ${tahun}
      GROUP BY s.pemda_id, s.id)
    SELECT opd_id, sum(pagu_ef) AS pagu, sum(rk) AS rk, sum(xk) AS xk, sum(pagu_ef * rf) AS rf, sum(pagu_ef * xf) AS xf,
      count(*) FILTER (WHERE (rf <= 70 AND rf - xf > 10) OR (rf > 70 AND rf - xf > 5)) AS kritis
    FROM per_sub GROUP BY opd_id`.execute(database.db);
  return result.rows.length;
}

const bench: Bench = {
  name: 'budget.overview',
  async run(ctx) {
    const results: BenchResult[] = [];
    for (const kind of ctx.databases) {
      const subsPerOpd = kind === 'postgres' || process.env.BUDGET_BENCH_PGLITE_FULL === '1' ? 2000 : 50;
      const database = await benchDatabase(kind, ctx.postgresUrl);
      try {
        const sys = systemCtx(database.db, 'bench');
        const pemdaId = await inTransaction(sys, (tx) => createPemdaFromRegistry(tx, '19.71'));
        const loadStart = Date.now();
        const firstSub = await load(database, pemdaId, subsPerOpd);
        const rows = OPD * subsPerOpd * YEARS.length * 12;
        ctx.log(`  ${kind}: ${OPD} OPD × ${subsPerOpd} sub-kegiatan × ${YEARS.length} years = ${rows.toLocaleString('en-US')} monthly rows loaded and rolled up in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);
        const periods = YEARS.flatMap((tahun) => Array.from({ length: 12 }, (_, i) => ({ tahun, bulan: i + 1 })));
        const overview = await timeMany(SAMPLES, async (i) => {
          const result = await getOverview(sys, pemdaId, periods[i % periods.length] as { tahun: number; bulan: number });
          if (result.opd.length !== OPD) throw new Error(`overview returned ${result.opd.length} OPD`);
        });
        const raw = await timeMany(RAW_SAMPLES, async (i) => {
          const period = periods[(i * 7) % periods.length] as { tahun: number; bulan: number };
          if ((await rawAggregate(database, pemdaId, period.tahun, period.bulan)) !== OPD) throw new Error('raw aggregate lost OPDs');
        });
        const lookup = await timeMany(SAMPLES, async () => {
          await database.db.selectFrom('budget_sub_kegiatan').select(['id', 'pagu']).where('pemda_id', '=', pemdaId).where('id', '=', firstSub).executeTakeFirstOrThrow();
        });
        const p50 = percentile(overview, 50);
        const p95 = percentile(overview, 95);
        const rawP95 = percentile(raw, 95);
        const lookupP95 = percentile(lookup, 95);
        ctx.log(`  ${kind}: overview p50 ${p50.toFixed(1)} ms p95 ${p95.toFixed(1)} ms; raw aggregate p50 ${percentile(raw, 50).toFixed(1)} ms p95 ${rawP95.toFixed(1)} ms; pk lookup p50 ${percentile(lookup, 50).toFixed(2)} ms p95 ${lookupP95.toFixed(2)} ms`);
        const scale = `${OPD}x${subsPerOpd}x${YEARS.length}y`;
        results.push({ name: `budget.overview_p50.${kind}.${scale}`, value: p50, unit: 'ms', baseline: percentile(raw, 50), ratio: p50 / percentile(raw, 50) });
        results.push({ name: `budget.overview_p95.${kind}.${scale}`, value: p95, unit: 'ms', baseline: rawP95, ratio: p95 / rawP95, target: kind === 'postgres' ? 'p95 <= 100 ms' : undefined });
        results.push({ name: `budget.overview_p95_vs_pk_lookup.${kind}.${scale}`, value: p95, unit: 'ms', baseline: lookupP95, ratio: p95 / lookupP95 });
      } finally {
        await database.drop();
      }
    }
    return results;
  },
};
export default bench;
