import { randomInt } from 'node:crypto';
import { addDays } from '../../platform/calendar';
import type { ElectionKind, StageKind } from './tables';

/**
 * Pure rules of the neutrality module, tested with the dates of the 2024 Pilkada (BRIEF §4.9: the freeze of the
 * 2024 Pilkada began on 22 March 2024, six months before the candidates were designated on 22 September 2024).
 */

export interface StageDates {
  kind: StageKind;
  startDate: string;
  endDate: string;
}

export interface Period {
  start: string;
  end: string;
}

/** Same day of the month, n months earlier (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * UU 10/2016 art. 71(2): from 6 months before the designation of the candidate pairs to the end of the term, no
 * official may be replaced without the Minister's written approval. Only regional elections freeze regional
 * staffing; without a recorded end of term the freeze runs to the end of the result stage.
 */
export function freezePeriod(kind: ElectionKind, stages: readonly StageDates[], freezeEnd: string | null): Period | null {
  if (kind === 'pemilu') return null;
  const designation = stages.find((s) => s.kind === 'penetapan_calon');
  if (!designation) return null;
  const result = stages.find((s) => s.kind === 'penetapan_hasil');
  const end = freezeEnd ?? result?.endDate ?? designation.endDate;
  return { start: monthsBefore(designation.startDate, 6), end };
}

/** The neutrality watch: every recorded stage, from the first start to the last end (SKB 5 instansi 2022). */
export function watchPeriod(stages: readonly StageDates[]): Period | null {
  if (stages.length === 0) return null;
  const start = stages.map((s) => s.startDate).sort()[0] as string;
  const end = stages.map((s) => s.endDate).sort().reverse()[0] as string;
  return { start, end };
}

export function within(date: string, period: Period | null): boolean {
  return !!period && period.start <= date && date <= period.end;
}

// Receipt codes and secrets: no 0/O, 1/I/L, so they survive being read over the phone or written on paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function group(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** NTR-1971-ABCD-EFGH: the Pemda's region code makes the receipt self-routing on the public page. */
export function newReceiptCode(kodeWilayah: string): string {
  return `NTR-${kodeWilayah.replace('.', '')}-${group(4)}-${group(4)}`;
}

/** About 79 bits of randomness; stored only as an argon2id hash. */
export function newReceiptSecret(): string {
  return [group(4), group(4), group(4), group(4)].join('-');
}

/** The Pemda code inside a receipt code, or null when the code is not one of ours. */
export function kodeOfReceipt(code: string): string | null {
  const match = /^NTR-(\d{2})(\d{2})-[A-Z0-9]{4}-[A-Z0-9]{4}$/.exec(code);
  return match ? `${match[1]}.${match[2]}` : null;
}

export const SMALL_CELL = 3;

/**
 * Small-cell suppression for statistics (UU PDP 27/2022: no person may be singled out): a count of 1 or 2 is
 * hidden. When a dimension hides exactly one cell, the next smallest non-zero cell is hidden too, so the hidden
 * count cannot be recovered by subtracting the others from the total.
 */
export function suppress<T extends { count: number }>(cells: readonly T[]): Array<Omit<T, 'count'> & { count: number | null }> {
  const hidden = new Set<number>();
  cells.forEach((cell, index) => {
    if (cell.count > 0 && cell.count < SMALL_CELL) hidden.add(index);
  });
  if (hidden.size === 1) {
    const next = cells
      .map((cell, index) => ({ count: cell.count, index }))
      .filter((c) => c.count > 0 && !hidden.has(c.index))
      .sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.index);
  }
  return cells.map((cell, index) => ({ ...cell, count: hidden.has(index) ? null : cell.count }));
}

export function suppressTotal(total: number): number | null {
  return total > 0 && total < SMALL_CELL ? null : total;
}

/** Case number: NTR/2025/0007. */
export function caseNumber(year: number, sequence: number): string {
  return `NTR/${year}/${String(sequence).padStart(4, '0')}`;
}

export { addDays };
