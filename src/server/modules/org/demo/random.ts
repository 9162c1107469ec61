/**
 * A seeded pseudo-random source for demo data. mulberry32 is tiny, fast and good enough for synthetic records;
 * it is not for anything secret. Same seed, same sequence, on every platform, because it only uses 32-bit
 * integer arithmetic.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Random.pick from an empty list');
    return item;
  }

  /** Picks by relative weight: [[item, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.next() * total;
    for (const [item, weight] of items) {
      target -= weight;
      if (target < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('Random.weighted from an empty list');
    return last[0];
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      const held = items[index] as T;
      items[index] = items[other] as T;
      items[other] = held;
    }
    return items;
  }

  /** A string shaped like a version 4 UUID, so it fits uuid columns, drawn from this sequence. */
  uuid(): string {
    let hex = '';
    for (let part = 0; part < 4; part += 1) {
      hex += (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    }
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    const groups = [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`];
    return `${groups.join('-')}-${hex.slice(20, 32)}`;
  }
}

/**
 * Splits `total` over weights so the parts sum exactly to it (largest remainder), rather than rounding each part
 * and drifting off the requested total.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let missing = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    missing -= 1;
  }
  return parts;
}

/**
 * Picks `count` of the eligible indexes, each with probability proportional to its weight, without replacement
 * (Efraimidis-Spirakis: key u^(1/w), keep the largest keys).
 */
export function weightedSample(
  random: Random,
  weights: readonly number[],
  count: number,
  eligible: readonly number[],
): Set<number> {
  const keyed = eligible.map((index) => ({ index, key: Math.pow(random.float(), 1 / (weights[index] ?? 1)) }));
  keyed.sort((a, b) => b.key - a.key || a.index - b.index);
  return new Set(keyed.slice(0, count).map((entry) => entry.index));
}
