import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { copyLine, type Database } from '../src/server/db/connect';
import { inTransaction, systemCtx, type Ctx, type UserActor } from '../src/server/http/context';
import { periodsBetween } from '../src/server/modules/indicators/periods';
import { choropleth } from '../src/server/modules/indicators/service-map';
import { importItems } from '../src/server/modules/indicators/values-write';
import type { RawItem } from '../src/server/modules/indicators/values-resolve';
import { createPemdaFromRegistry } from '../src/server/modules/org/wilayah';
import { benchDatabase } from './support';
import { percentile, timeMany, type Bench, type BenchResult } from './types';

/**
 * Indicators (issue 9):
 * 1. Choropleth data of one monthly indicator over every kelurahan of a big city (Kota Surabaya, 153 kelurahan)
 *    holding 5 years of monthly values: p50/p95 of the whole service call (indicator, periods, values, class
 *    breaks), random periods. Target p95 <= 30 ms on PostgreSQL.
 * 2. Import of 100,000 data values through the real importer (resolve, COPY to staging, merge, outlier check,
 *    history, audit) against raw COPY of the same rows into indicator_value on the same database in this run.
 */
const KODE = '35.78';
const IMPORT_VALUES = 100_000;
const INDICATORS_FOR_IMPORT = 20;
const QUERIES = 200;

async function setUp(database: Database, pemdaKode: string) {
  const sys = systemCtx(database.db, 'bench');
  const pemdaId = await inTransaction(sys, (tx) => createPemdaFromRegistry(tx, pemdaKode));
  const opd = await database.db.insertInto('opd').values({ pemda_id: pemdaId, code: 'DINKES', name: 'Dinas Kesehatan', short_name: null, kind: 'dinas', parent_id: null, wilayah_kode: null, address: null }).returning('id').executeTakeFirstOrThrow();
  const kelurahan = (await database.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemdaId).where('level', 'in', ['kelurahan', 'desa']).orderBy('kode').execute()).map((w) => w.kode);
  const actor: UserActor = { kind: 'user', pemdaId, userId: randomUUID(), role: 'admin_pemda', opdId: null, pegawaiId: null, name: 'Bench', email: 'bench@pamong.test', stage: 'full', sessionId: 'bench' };
  const ctx: Ctx = { db: database.db, actor, requestId: 'bench', ip: null, lang: 'id' };
  return { pemdaId, opdId: opd.id, kelurahan, ctx };
}

async function addIndicator(database: Database, pemdaId: string, opdId: string, code: string, kind: 'rate' | 'count') {
  const row = await database.db
    .insertInto('indicator')
    .values({ pemda_id: pemdaId, code, name_id: code, name_en: code, definition: 'bench', unit: '%', kind, factor: kind === 'rate' ? 100 : 1, numerator_code: kind === 'rate' ? `${code}_NUM` : null, denominator_code: kind === 'rate' ? `${code}_DEN` : null, numerator_label: null, denominator_label: null, periodicity: 'monthly', lowest_level: 'kelurahan', producer_opd_id: opdId, source: 'bench', method: 'bench', min_value: null, max_value: null, tags: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const bench: Bench = {
  name: 'indicators',
  async run(ctx) {
    const results: BenchResult[] = [];
    for (const kind of ctx.databases) {
      const database = await benchDatabase(kind, ctx.postgresUrl);
      try {
        const world = await setUp(database, KODE);
        // 1. Choropleth over 5 years of monthly values.
        const indicatorId = await addIndicator(database, world.pemdaId, world.opdId, 'STUNTING', 'rate');
        const months = periodsBetween('monthly', '2021-01-01', '2025-12-31');
        let seed = 7;
        const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
        await database.copyRows(
          'indicator_value',
          ['pemda_id', 'indicator_id', 'wilayah_kode', 'period', 'period_start', 'period_end', 'value', 'numerator', 'denominator', 'source'],
          months.flatMap((m) =>
            world.kelurahan.map((kode) => {
              const denominator = 150 + Math.floor(random() * 200);
              const numerator = Math.floor(denominator * (0.05 + random() * 0.25));
              return copyLine([world.pemdaId, indicatorId, kode, m.period, m.start, m.end, Math.round((numerator / denominator) * 1_000_000) / 10_000, numerator, denominator, 'seed']);
            }),
          ),
        );
        await sql`ANALYZE indicator_value`.execute(database.db);
        for (let i = 0; i < 10; i += 1) await choropleth(world.ctx, indicatorId, { period: months[i]?.period });
        const samples = await timeMany(QUERIES, (i) => choropleth(world.ctx, indicatorId, { period: months[(i * 37) % months.length]?.period }));
        const kecamatan = await timeMany(50, (i) => choropleth(world.ctx, indicatorId, { period: months[(i * 11) % months.length]?.period, level: 'kecamatan' }));
        results.push({ name: `indicators.choropleth.p50.${kind}`, value: percentile(samples, 50), unit: 'ms', baseline: null, ratio: null });
        results.push({ name: `indicators.choropleth.p95.${kind}`, value: percentile(samples, 95), unit: 'ms', baseline: null, ratio: null, target: kind === 'postgres' ? 'p95 <= 30 ms' : undefined });
        results.push({ name: `indicators.choropleth_kecamatan_aggregated.p95.${kind}`, value: percentile(kecamatan, 95), unit: 'ms', baseline: null, ratio: null });
        ctx.log(`  ${kind}: ${world.kelurahan.length} kelurahan x ${months.length} months = ${world.kelurahan.length * months.length} values`);

        // 2. Import of 100,000 values against raw COPY of the same rows.
        const monthsNeeded = Math.ceil(IMPORT_VALUES / (INDICATORS_FOR_IMPORT * world.kelurahan.length));
        const importMonths = periodsBetween('monthly', '2015-01-01', '2030-12-31').slice(0, monthsNeeded);
        const importCodes: string[] = [];
        const copyIds: string[] = [];
        for (let i = 0; i < INDICATORS_FOR_IMPORT; i += 1) {
          importCodes.push(`IMP${i}`);
          await addIndicator(database, world.pemdaId, world.opdId, `IMP${i}`, 'count');
          copyIds.push(await addIndicator(database, world.pemdaId, world.opdId, `CPY${i}`, 'count'));
        }
        const items: RawItem[] = [];
        const copyRows: string[] = [];
        outer: for (const month of importMonths) {
          for (const [i, code] of importCodes.entries()) {
            for (const kode of world.kelurahan) {
              if (items.length === IMPORT_VALUES) break outer;
              const value = 100 + ((items.length * 7919) % 5000);
              items.push({ index: items.length, row: null, code, orgUnit: kode, period: month.period, value: String(value) });
              copyRows.push(copyLine([world.pemdaId, copyIds[i], kode, month.period, month.start, month.end, value, null, null, 'file']));
            }
          }
        }
        const copyStart = process.hrtime.bigint();
        await database.copyRows('indicator_value', ['pemda_id', 'indicator_id', 'wilayah_kode', 'period', 'period_start', 'period_end', 'value', 'numerator', 'denominator', 'source'], copyRows);
        const copySeconds = Number(process.hrtime.bigint() - copyStart) / 1e9;
        const importStart = process.hrtime.bigint();
        const summary = await importItems(world.ctx, database, items, { source: 'dhis2', dryRun: false, label: 'bench' });
        const importSeconds = Number(process.hrtime.bigint() - importStart) / 1e9;
        if (summary.imported !== IMPORT_VALUES) throw new Error(`imported ${summary.imported} of ${IMPORT_VALUES} (ignored ${summary.ignored})`);
        const importRate = IMPORT_VALUES / importSeconds;
        const copyRate = IMPORT_VALUES / copySeconds;
        results.push({ name: `indicators.import_100k.${kind}`, value: Math.round(importRate), unit: 'values/s', baseline: Math.round(copyRate), ratio: importRate / copyRate });
        ctx.log(`  ${kind}: import ${importSeconds.toFixed(2)} s (resolve, stage, merge, outliers, history, audit), raw COPY ${copySeconds.toFixed(2)} s`);
      } finally {
        await database.drop();
      }
    }
    return results;
  },
};
export default bench;
