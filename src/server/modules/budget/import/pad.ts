/**
 * Monthly PAD realisation from Bapenda's recap (CSV or XLSX): one row per revenue source, its account code, the
 * year and up to twelve month columns of receipts (not cumulative). An empty cell leaves that month as it is;
 * errors are data (one bad cell costs its row, never the file).
 */
import { readSheet, type ImportFatal, type SheetRow } from '../../org/import/read';
import { readText, type Cell } from '../../org/import/values';
import { MONTH_LONG, MONTH_NAMES, monthHeaderVariants, normaliseHeader } from './layout';
import type { RowError } from './parse';
import { parseAmount } from './values';

export interface PadImportRow {
  row: number;
  kode: string;
  tahun: number;
  /** Receipts per month (index 0 = January); null where the file leaves the month alone. */
  months: Array<number | null>;
}

export interface PadParseResult {
  fatal: ImportFatal | null;
  rows: PadImportRow[];
  errors: RowError[];
  totalRows: number;
}

export const PAD_HEADERS = { kode: 'Kode Rekening', tahun: 'Tahun' } as const;
const KODE_ALIASES = ['Kode Rekening', 'Kode', 'Kode Akun', 'Kode Sumber'];
const MONTH_PREFIXES = ['Realisasi', 'Bulan'];
const KODE_PATTERN = /^4\.1(\.\d{1,2}){1,4}$/;

export function padTemplateCsv(tahun: number): string {
  const header = [PAD_HEADERS.kode, PAD_HEADERS.tahun, ...MONTH_NAMES];
  const example = ['4.1.01.09', String(tahun), '125.000.000', '118.500.000', ...Array(10).fill('')];
  return `${header.join(';')}\n${example.join(';')}\n`;
}

function locate(rows: SheetRow[]): { headerRow: number; kode: number; tahun: number; months: number[] } | null {
  for (const candidate of rows.slice(0, 10)) {
    const names = candidate.cells.map((c) => (typeof c === 'string' ? normaliseHeader(c) : ''));
    const kode = names.findIndex((n) => KODE_ALIASES.some((a) => normaliseHeader(a) === n));
    const tahun = names.findIndex((n) => n === normaliseHeader(PAD_HEADERS.tahun));
    if (kode < 0 || tahun < 0) continue;
    const months = Array.from({ length: 12 }, (_, i) => {
      const variants = [...monthHeaderVariants(MONTH_PREFIXES, i + 1), MONTH_NAMES[i] as string, MONTH_LONG[i] as string].map(normaliseHeader);
      return names.findIndex((n) => variants.includes(n));
    });
    return { headerRow: candidate.row, kode, tahun, months };
  }
  return null;
}

const cell = (row: SheetRow, index: number): Cell => (index >= 0 ? (row.cells[index] ?? null) : null);

export async function parsePadFile(buffer: Buffer, filename: string): Promise<PadParseResult> {
  const empty = { rows: [], errors: [], totalRows: 0 };
  const sheet = await readSheet(buffer, filename, 'jabatan');
  if (!sheet.ok) return { fatal: sheet.fatal, ...empty };
  const header = locate(sheet.rows);
  if (!header) return { fatal: { code: 'IMPORT_MISSING_COLUMNS', id: 'Judul kolom "Kode Rekening" dan "Tahun" tidak ditemukan; gunakan template', en: 'Headers "Kode Rekening" and "Tahun" not found; use the template' }, ...empty };
  if (header.months.every((m) => m < 0)) return { fatal: { code: 'IMPORT_MISSING_COLUMNS', id: 'Tidak ada kolom bulan (Jan … Des)', en: 'No month columns (Jan … Des)' }, ...empty };
  const dataRows = sheet.rows.filter((r) => r.row > header.headerRow);
  const rows: PadImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const sheetRow of dataRows) {
    const rowErrors: RowError[] = [];
    const kodeCell = readText(cell(sheetRow, header.kode), 40);
    const kode = kodeCell.ok ? kodeCell.value : null;
    if (!kode || !KODE_PATTERN.test(kode)) {
      rowErrors.push({ row: sheetRow.row, column: PAD_HEADERS.kode, reason: { id: kode ? `"${kode}" bukan kode rekening PAD (4.1.xx…)` : 'kode rekening kosong', en: kode ? `"${kode}" is not a PAD account code (4.1.xx…)` : 'account code is empty' } });
    }
    const tahunText = readText(cell(sheetRow, header.tahun), 4);
    const tahun = tahunText.ok && tahunText.value && /^\d{4}$/.test(tahunText.value) ? Number(tahunText.value) : null;
    if (tahun === null || tahun < 2000 || tahun > 2100) rowErrors.push({ row: sheetRow.row, column: PAD_HEADERS.tahun, reason: { id: 'tahun harus empat angka, misalnya 2026', en: 'the year must be four digits, e.g. 2026' } });
    const months: Array<number | null> = [];
    header.months.forEach((position, i) => {
      const value = parseAmount(cell(sheetRow, position));
      if (value.ok) months.push(value.value);
      else {
        months.push(null);
        rowErrors.push({ row: sheetRow.row, column: MONTH_NAMES[i], reason: value.reason });
      }
    });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const key = `${tahun}|${kode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ row: sheetRow.row, column: PAD_HEADERS.kode, reason: { id: `kode ${kode} tahun ${tahun} sudah ada di baris ${earlier}`, en: `code ${kode} for ${tahun} already appears on row ${earlier}` } });
      continue;
    }
    seen.set(key, sheetRow.row);
    rows.push({ row: sheetRow.row, kode: kode as string, tahun: tahun as number, months });
  }
  return { fatal: null, rows, errors, totalRows: dataRows.length };
}
