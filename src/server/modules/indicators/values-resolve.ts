import type { TIgnoredValue } from '../../../contracts/indicators';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { UserActor } from '../../http/context';
import { mayEnter } from './access';
import { rateValue } from './compute';
import { periodFor, type Period } from './periods';
import { storedLevels } from './repository';
import type { IndicatorKind, IndicatorLevel, Periodicity } from './tables';

/**
 * Turns raw data values (from the entry form, a CSV/XLSX file or a DHIS2 dataValueSet) into values ready to
 * write, or ignored values with a reason each (errors as data: one bad value costs only itself).
 *
 * A raw item names a data element by code: the indicator's own code (the value itself, and for files optional
 * numerator and denominator columns) or, DHIS2 style, the code of a rate's numerator or denominator data element.
 */
export interface RawItem {
  index: number;
  row: number | null;
  code: string | null;
  orgUnit: string | null;
  period: string | null;
  value: string | number | null;
  numerator?: string | number | null;
  denominator?: string | number | null;
}

export interface IndicatorMeta {
  id: string;
  code: string;
  kind: IndicatorKind;
  factor: number;
  periodicity: Periodicity;
  lowest_level: IndicatorLevel;
  producer_opd_id: string;
  min_value: number | null;
  max_value: number | null;
  numerator_code: string | null;
  denominator_code: string | null;
}

export interface ResolvedValue {
  key: string;
  indicator: IndicatorMeta;
  wilayahKode: string;
  period: Period;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  hasValue: boolean;
  hasNumerator: boolean;
  hasDenominator: boolean;
  /** Indexes of the raw items merged into this value. */
  items: number[];
}

export interface Resolved {
  values: ResolvedValue[];
  ignored: TIgnoredValue[];
}

type Msg = { id: string; en: string };
const msg = (id: string, en: string): Msg => ({ id, en });

/** Numbers as people type them: 12.5, 12,5 (Indonesian decimal comma), 1.234,5 is refused as ambiguous. */
export function readNumber(input: string | number | null | undefined): number | null | 'invalid' {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isFinite(input) ? input : 'invalid';
  const text = input.trim();
  if (text === '') return null;
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(normalised)) return 'invalid';
  const value = Number(normalised);
  return Number.isFinite(value) ? value : 'invalid';
}

/** Wilayah codes with or without dots: 19.71.01.1001 or 1971011001 (DHIS2 org unit codes often drop them). */
export function normaliseKode(text: string): string {
  const trimmed = text.trim();
  if (/^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(trimmed)) {
    const parts = [trimmed.slice(0, 2), trimmed.slice(2, 4), trimmed.slice(4, 6), trimmed.slice(6, 10)].filter(Boolean);
    return parts.join('.');
  }
  return trimmed;
}

export async function loadResolutionContext(db: Kysely<DB>, pemdaId: string) {
  const indicators = (await db
    .selectFrom('indicator')
    .select(['id', 'code', 'kind', 'factor', 'periodicity', 'lowest_level', 'producer_opd_id', 'min_value', 'max_value', 'numerator_code', 'denominator_code'])
    .where('pemda_id', '=', pemdaId)
    .execute()) as IndicatorMeta[];
  const wilayah = await db.selectFrom('wilayah').select(['kode', 'level']).where('pemda_id', '=', pemdaId).execute();
  return { indicators, wilayahLevel: new Map(wilayah.map((w) => [w.kode, w.level])) };
}

type Part = 'value' | 'numerator' | 'denominator';

export function resolveItems(actor: UserActor, items: readonly RawItem[], context: Awaited<ReturnType<typeof loadResolutionContext>>): Resolved {
  const byCode = new Map<string, { indicator: IndicatorMeta; part: Part }>();
  for (const indicator of context.indicators) {
    byCode.set(indicator.code, { indicator, part: 'value' });
    if (indicator.kind === 'rate' && indicator.numerator_code) byCode.set(indicator.numerator_code, { indicator, part: 'numerator' });
    if (indicator.kind === 'rate' && indicator.denominator_code) byCode.set(indicator.denominator_code, { indicator, part: 'denominator' });
  }
  const ignored: TIgnoredValue[] = [];
  const merged = new Map<string, ResolvedValue>();
  const seenParts = new Map<string, number>();
  const ignore = (item: RawItem, reason: Msg) =>
    ignored.push({
      index: item.index,
      row: item.row,
      dataElement: item.code,
      orgUnit: item.orgUnit,
      period: item.period,
      value: item.value === null || item.value === undefined ? null : String(item.value),
      reason,
    });

  for (const item of items) {
    const code = item.code?.trim().toUpperCase() ?? '';
    const found = byCode.get(code);
    if (!found) {
      ignore(item, code ? msg(`kode data ${code} tidak dikenal di katalog indikator`, `data element code ${code} is not in the indicator catalogue`) : msg('kode data kosong', 'data element code is empty'));
      continue;
    }
    const { indicator, part } = found;
    if (!mayEnter(actor, indicator.producer_opd_id)) {
      ignore(item, msg(`indikator ${indicator.code} bukan produksi OPD Anda`, `indicator ${indicator.code} is not produced by your OPD`));
      continue;
    }
    const kode = item.orgUnit ? normaliseKode(item.orgUnit) : '';
    const level = context.wilayahLevel.get(kode);
    if (!level) {
      ignore(item, kode ? msg(`kode wilayah ${kode} bukan wilayah Pemda ini`, `region code ${kode} is not a region of this Pemda`) : msg('kode wilayah kosong', 'region code is empty'));
      continue;
    }
    if (!storedLevels(indicator.lowest_level).includes(level)) {
      ignore(item, msg(`indikator ${indicator.code} dilaporkan per ${indicator.lowest_level}, bukan per ${level}`, `indicator ${indicator.code} is reported per ${indicator.lowest_level}, not per ${level}`));
      continue;
    }
    const period = item.period ? periodFor(item.period, indicator.periodicity) : null;
    if (!period) {
      ignore(item, msg(`periode "${item.period ?? ''}" tidak sesuai periodisitas ${indicator.periodicity}`, `period "${item.period ?? ''}" does not fit the ${indicator.periodicity} periodicity`));
      continue;
    }
    const parts: Array<[Part, number | null | 'invalid']> = [];
    if (part === 'value') {
      parts.push(['value', readNumber(item.value)]);
      if (item.numerator !== undefined && item.numerator !== null && item.numerator !== '') parts.push(['numerator', readNumber(item.numerator)]);
      if (item.denominator !== undefined && item.denominator !== null && item.denominator !== '') parts.push(['denominator', readNumber(item.denominator)]);
    } else {
      parts.push([part, readNumber(item.value)]);
    }
    if (parts.some(([, v]) => v === 'invalid')) {
      ignore(item, msg('nilai bukan angka', 'the value is not a number'));
      continue;
    }
    const present = parts.filter(([, v]) => v !== null) as Array<[Part, number]>;
    if (present.length === 0) {
      ignore(item, msg('nilai kosong', 'the value is empty'));
      continue;
    }
    if (indicator.kind === 'rate' && present.some(([p]) => p === 'value') && !present.some(([p]) => p === 'numerator')) {
      // A rate without its parts could not be aggregated up the tree; DHIS2 computes indicators the same way.
      ignore(item, msg(`indikator rasio ${indicator.code} diisi dengan pembilang (${indicator.numerator_code}) dan penyebut (${indicator.denominator_code})`, `rate indicator ${indicator.code} takes a numerator (${indicator.numerator_code}) and a denominator (${indicator.denominator_code})`));
      continue;
    }
    if (present.some(([p, v]) => p !== 'value' && v < 0)) {
      ignore(item, msg('pembilang dan penyebut tidak boleh negatif', 'numerator and denominator must not be negative'));
      continue;
    }
    const key = `${indicator.id}|${kode}|${period.period}`;
    const duplicate = present.find(([p]) => seenParts.has(`${key}|${p}`));
    if (duplicate) {
      const first = seenParts.get(`${key}|${duplicate[0]}`) as number;
      ignore(item, msg(`duplikat: nilai yang sama sudah ada pada butir ${first + 1}`, `duplicate: the same value was given in item ${first + 1}`));
      continue;
    }
    for (const [p] of present) seenParts.set(`${key}|${p}`, item.index);
    const entry =
      merged.get(key) ??
      ({ key, indicator, wilayahKode: kode, period, value: null, numerator: null, denominator: null, hasValue: false, hasNumerator: false, hasDenominator: false, items: [] } satisfies ResolvedValue);
    for (const [p, v] of present) {
      if (p === 'value') {
        entry.value = v;
        entry.hasValue = true;
      } else if (p === 'numerator') {
        entry.numerator = v;
        entry.hasNumerator = true;
      } else {
        entry.denominator = v;
        entry.hasDenominator = true;
      }
    }
    entry.items.push(item.index);
    merged.set(key, entry);
  }

  // Range check where the value is known now; partial rates are checked again after merging with stored parts.
  const values: ResolvedValue[] = [];
  for (const entry of merged.values()) {
    const { indicator } = entry;
    if (indicator.kind === 'rate' && entry.hasNumerator && entry.hasDenominator) {
      entry.value = rateValue(entry.numerator as number, entry.denominator as number, indicator.factor);
      entry.hasValue = true;
      if ((entry.numerator as number) > (entry.denominator as number) && indicator.factor <= 100) {
        for (const index of entry.items) ignore(items[index] as RawItem, msg('pembilang lebih besar dari penyebut', 'the numerator is larger than the denominator'));
        continue;
      }
    }
    const outside = outOfRange(entry.value, indicator);
    if (outside) {
      for (const index of entry.items) ignore(items[index] as RawItem, outside);
      continue;
    }
    values.push(entry);
  }
  ignored.sort((a, b) => a.index - b.index);
  return { values, ignored };
}

export function outOfRange(value: number | null, indicator: Pick<IndicatorMeta, 'min_value' | 'max_value'>): Msg | null {
  if (value === null) return null;
  const min = indicator.min_value === null ? null : Number(indicator.min_value);
  const max = indicator.max_value === null ? null : Number(indicator.max_value);
  if ((min !== null && value < min) || (max !== null && value > max)) {
    return msg(`nilai ${value} di luar rentang wajar ${min ?? '−∞'}–${max ?? '∞'}`, `value ${value} is outside the plausible range ${min ?? '−∞'}–${max ?? '∞'}`);
  }
  return null;
}
