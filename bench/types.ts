/**
 * A benchmark reports figures; it asserts nothing. Each figure carries the baseline measured in the same run on
 * the same machine and database (e.g. raw COPY of the same rows), so the ratio means something anywhere.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the baseline, or null when the figure stands against a fixed target. */
  baseline: number | null;
  ratio: number | null;
  /** What the issue asks for, printed beside the figure. */
  target?: string;
}

export interface BenchContext {
  /** 'pglite' always; 'postgres' too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. */
  databases: Array<'pglite' | 'postgres'>;
  postgresUrl: string | undefined;
  log: (line: string) => void;
}

export interface Bench {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index] as number;
}

export async function timeMany(times: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}
