import type { Periodicity } from './tables';

/**
 * Periods of indicator values. Canonical text: 2024-01 (monthly), 2024-Q1 (quarterly), 2024 (yearly). DHIS2
 * writes 202401, 2024Q1 and 2024 (DHIS2 period types Monthly, Quarterly, Yearly); both are read.
 */
export interface Period {
  period: string;
  periodicity: Periodicity;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthly(year: number, month: number): Period {
  return { period: `${year}-${pad(month)}`, periodicity: 'monthly', start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}

function quarterly(year: number, quarter: number): Period {
  const endMonth = quarter * 3;
  return { period: `${year}-Q${quarter}`, periodicity: 'quarterly', start: `${year}-${pad(endMonth - 2)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}` };
}

function yearly(year: number): Period {
  return { period: String(year), periodicity: 'yearly', start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Parses canonical or DHIS2 period text; null when it is neither. */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim().toUpperCase();
  let match = /^(\d{4})-?(0[1-9]|1[0-2])$/.exec(trimmed);
  if (match) return monthly(Number(match[1]), Number(match[2]));
  match = /^(\d{4})-?Q([1-4])$/.exec(trimmed);
  if (match) return quarterly(Number(match[1]), Number(match[2]));
  match = /^(\d{4})$/.exec(trimmed);
  if (match) return yearly(Number(match[1]));
  return null;
}

export function periodFor(text: string, periodicity: Periodicity): Period | null {
  const parsed = parsePeriod(text);
  if (!parsed || parsed.periodicity !== periodicity) return null;
  const year = Number(parsed.period.slice(0, 4));
  return year >= 1990 && year <= 2100 ? parsed : null;
}

/** Every period of a periodicity whose end falls in [from, to] (ISO dates), oldest first. */
export function periodsBetween(periodicity: Periodicity, from: string, to: string): Period[] {
  const out: Period[] = [];
  const startYear = Number(from.slice(0, 4));
  const endYear = Number(to.slice(0, 4));
  for (let year = startYear; year <= endYear; year += 1) {
    const candidates =
      periodicity === 'monthly'
        ? Array.from({ length: 12 }, (_, i) => monthly(year, i + 1))
        : periodicity === 'quarterly'
          ? [1, 2, 3, 4].map((q) => quarterly(year, q))
          : [yearly(year)];
    for (const p of candidates) if (p.end >= from && p.end <= to) out.push(p);
  }
  return out;
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The date a period's value is due: its last day plus the indicator's allowance. */
export function dueDate(period: Period, dueDays: number): string {
  return addDays(period.end, dueDays);
}

export function monthBounds(month: string): { start: string; end: string } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { start: `${month}-01`, end: `${month}-${pad(lastDay(year, m))}` };
}
