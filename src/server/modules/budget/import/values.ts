/** Readers for the money and percentage cells of the APBD import; each returns a value or a bilingual reason. */
import { cellText, type Cell, type ValueResult } from '../../org/import/values';

const fail = <T>(id: string, en: string): ValueResult<T> => ({ ok: false, reason: { id, en } });
const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });

/**
 * Rupiah amounts as people type them: 1250000000, 1.250.000.000 (Indonesian thousands dots),
 * 1,250,000,000.00 (English), 1.250.000.000,50 (Indonesian decimals), with or without "Rp".
 */
export function parseAmount(cell: Cell): ValueResult<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(Math.round(cell * 100) / 100) : fail('Angka tidak valid', 'Invalid number');
  if (cell instanceof Date) return fail('Berisi tanggal, bukan angka rupiah', 'Holds a date, not an amount');
  let text = cell.trim().replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  if (text === '' || text === '-') return ok(null);
  const negative = /^\(.*\)$/.test(text) || text.startsWith('-');
  text = text.replace(/[()-]/g, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    normalised = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // "1,5" is a decimal; "1,250,000" groups thousands.
    normalised = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (lastDot >= 0) {
    normalised = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
  } else normalised = text;
  if (!/^\d+(\.\d+)?$/.test(normalised)) return fail(`"${cellText(cell)}" bukan angka rupiah`, `"${cellText(cell)}" is not an amount`);
  const value = Number(normalised) * (negative ? -1 : 1);
  if (value < 0) return fail('Nilai rupiah tidak boleh negatif', 'Amounts cannot be negative');
  if (value > 1e15) return fail('Nilai terlalu besar', 'Amount too large');
  return ok(Math.round(value * 100) / 100);
}

/**
 * An indicator value (IKU baseline or yearly target): a measure, not money, so it may be negative, keeps 4 decimals
 * (the column is numeric(18,4)) and lies within ±1e12 like the screen's. The comma is the decimal mark ("0,125",
 * "-1,5", "1.250,5"); a dot groups thousands only as 1.250 or 1.250.000. The English form ("12.5", "1,250.5",
 * "1,250,000") is read when it cannot be Indonesian, as the screen's number field does (web/modules/budget/number.ts).
 * So "2,500" is two and a half, and "1.250" is one thousand two hundred fifty. A trailing "%" is dropped ("85%" is 85,
 * as an IKU in percent is written).
 */
const INDICATOR_ID = /^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const INDICATOR_EN = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const INDICATOR_LIMIT = 1e12;

export function parseIndicatorValue(cell: Cell): ValueResult<number | null> {
  if (cell === null) return ok(null);
  let value: number;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('Angka tidak valid', 'Invalid number');
    value = cell;
  } else if (cell instanceof Date) return fail('Berisi tanggal, bukan angka', 'Holds a date, not a number');
  else {
    let text = cell.trim().replace(/\s/g, '').replace(/^\u2212/, '-').replace(/%$/, '');
    if (text === '' || text === '-') return ok(null);
    const negative = text.startsWith('-');
    if (negative || text.startsWith('+')) text = text.slice(1);
    let normalised: string | null = null;
    if (INDICATOR_ID.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
    else if (INDICATOR_EN.test(text)) normalised = text.replace(/,/g, '');
    if (normalised === null) return fail(`"${cellText(cell)}" bukan angka (contoh: 12,5 atau -1,25)`, `"${cellText(cell)}" is not a number (e.g. 12,5 or -1,25)`);
    value = Number(normalised) * (negative ? -1 : 1);
  }
  if (Math.abs(value) > INDICATOR_LIMIT) return fail('Nilai di luar batas ±1.000.000.000.000', 'Value outside ±1,000,000,000,000');
  const rounded = Math.round(value * 1e4) / 1e4;
  return ok(Object.is(rounded, -0) ? 0 : rounded);
}

/** A percentage 0–100: 45, 45,5, 45.5 or 45 %; Excel percent cells (0.455) are read as 45.5. */
export function parsePercent(cell: Cell): ValueResult<number | null> {
  if (cell === null) return ok(null);
  let value: number;
  if (typeof cell === 'number') value = cell;
  else if (cell instanceof Date) return fail('Berisi tanggal, bukan persen', 'Holds a date, not a percentage');
  else {
    const text = cell.trim().replace('%', '').replace(',', '.').trim();
    if (text === '' || text === '-') return ok(null);
    if (!/^\d+(\.\d+)?$/.test(text)) return fail(`"${cell}" bukan persen`, `"${cell}" is not a percentage`);
    value = Number(text);
  }
  if (value < 0 || value > 100) return fail(`Persen ${value} di luar 0–100`, `Percentage ${value} is outside 0–100`);
  return ok(Math.round(value * 100) / 100);
}

export function parseJenis(cell: Cell): ValueResult<'fisik' | 'non_fisik' | null> {
  const text = cellText(cell)?.toLowerCase().replace(/[\s_-]+/g, '');
  if (!text) return ok(null);
  if (text === 'fisik' || text === 'f') return ok('fisik');
  if (text === 'nonfisik' || text === 'nf') return ok('non_fisik');
  return fail(`Jenis "${cellText(cell)}" tidak dikenal; isi Fisik atau Non Fisik`, `Unknown kind "${cellText(cell)}"; use Fisik or Non Fisik`);
}

export function parseKontrak(cell: Cell): ValueResult<'belum' | 'proses' | 'kontrak' | 'swakelola' | null> {
  const text = cellText(cell)?.toLowerCase().trim();
  if (!text) return ok(null);
  if (['belum', 'belum kontrak', 'tidak'].includes(text)) return ok('belum');
  if (['proses', 'lelang', 'tender', 'pengadaan'].includes(text)) return ok('proses');
  if (['kontrak', 'sudah kontrak', 'sudah', 'berkontrak'].includes(text)) return ok('kontrak');
  if (text === 'swakelola') return ok('swakelola');
  return fail(`Status kontrak "${cellText(cell)}" tidak dikenal; isi Belum, Proses, Kontrak atau Swakelola`, `Unknown contract status "${cellText(cell)}"; use Belum, Proses, Kontrak or Swakelola`);
}

export function parseYesNo(cell: Cell): ValueResult<boolean | null> {
  const text = cellText(cell)?.toLowerCase().trim();
  if (!text) return ok(null);
  if (['ya', 'y', 'yes', 'true', '1'].includes(text)) return ok(true);
  if (['tidak', 't', 'no', 'false', '0'].includes(text)) return ok(false);
  return fail(`"${cellText(cell)}" bukan Ya/Tidak`, `"${cellText(cell)}" is not Ya/Tidak`);
}
