import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchContext, BenchResult } from './types';

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
// BENCH_DATABASES=postgres (or pglite) measures one side only, e.g. to repeat it on a quieter machine.
const wanted = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((d) => d.trim());
const ctx: BenchContext = {
  databases: (['pglite', 'postgres'] as const).filter((d) => wanted.includes(d) && (d === 'pglite' || !!postgresUrl)),
  postgresUrl,
  log: (line) => process.stderr.write(`${line}\n`),
};

function format(result: BenchResult): string {
  const value = Number.isInteger(result.value) ? String(result.value) : result.value.toFixed(2);
  const baseline = result.baseline === null ? '' : `  baseline ${result.baseline.toFixed(2)} ${result.unit}`;
  const ratio = result.ratio === null ? '' : `  ratio ${result.ratio.toFixed(2)}`;
  const target = result.target ? `  (target ${result.target})` : '';
  return `${result.name}  ${value} ${result.unit}${baseline}${ratio}${target}`;
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
if (!postgresUrl) ctx.log('PostgreSQL figures skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).');
for (const file of files) {
  const bench = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench }).default;
  if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
  ctx.log(`== ${bench.name}`);
  for (const result of await bench.run(ctx)) {
    const line = json
      ? JSON.stringify({ name: result.name, value: result.value, unit: result.unit, baseline: result.baseline, ratio: result.ratio })
      : format(result);
    process.stdout.write(`${line}\n`);
  }
}
