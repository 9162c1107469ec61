/**
 * The RPJMD cascade from a spreadsheet (CSV or XLSX): one row per IKU (or per sasaran that has none yet), with
 * its mission, goal and target. Texts of a mission, goal or target need to be given once (the first row that
 * names it); empty cells leave what is stored. Year targets are columns "Target 2026", "Target 2027" and so on.
 * Errors are data: one bad cell costs its row, never the file.
 */
import { readSheet, type ImportFatal, type SheetRow } from '../../org/import/read';
import { readText, type Cell } from '../../org/import/values';
import { normaliseHeader } from './layout';
import type { RowError } from './parse';
import { parseIndicatorValue, parseYesNo } from './values';

export const RPJMD_COLUMNS = [
  { key: 'misiNomor', header: 'No Misi', required: true },
  { key: 'misi', header: 'Misi', required: false },
  { key: 'tujuanKode', header: 'Kode Tujuan', required: true },
  { key: 'tujuan', header: 'Tujuan', required: false },
  { key: 'sasaranKode', header: 'Kode Sasaran', required: true },
  { key: 'sasaran', header: 'Sasaran', required: false },
  { key: 'prioritas', header: 'Prioritas', required: false },
  { key: 'ikuKode', header: 'Kode IKU', required: false },
  { key: 'iku', header: 'IKU', required: false },
  { key: 'satuan', header: 'Satuan', required: false },
  { key: 'arah', header: 'Arah', required: false },
  { key: 'opdCode', header: 'Kode OPD', required: false },
  { key: 'baseline', header: 'Kondisi Awal', required: false },
] as const;

type Key = (typeof RPJMD_COLUMNS)[number]['key'];

export interface RpjmdImportRow {
  row: number;
  misiNomor: number;
  misi: string | null;
  tujuanKode: string;
  tujuan: string | null;
  sasaranKode: string;
  sasaran: string | null;
  prioritas: boolean | null;
  iku: { kode: string; nama: string | null; satuan: string | null; arah: 'naik' | 'turun' | null; opdCode: string | null; baseline: number | null; target: Record<string, number> } | null;
}

export interface RpjmdParseResult {
  fatal: ImportFatal | null;
  rows: RpjmdImportRow[];
  errors: RowError[];
  totalRows: number;
}

export function rpjmdTemplateCsv(periodStart: number, periodEnd: number): string {
  const years = Array.from({ length: periodEnd - periodStart + 1 }, (_, k) => periodStart + k);
  const header = [...RPJMD_COLUMNS.map((c) => c.header), ...years.map((y) => `Target ${y}`)];
  const example = ['1', 'Meningkatkan kualitas sumber daya manusia', 'T.1.1', 'Meningkatkan kualitas pendidikan', 'S.1.1.1', 'Meningkatnya kualitas pendidikan', 'Ya', 'IKU-01', 'Rata-rata lama sekolah', 'tahun', 'Naik', 'DISDIK', '11,1', ...years.map((_, k) => (k < 2 ? String(11.2 + k / 10).replace('.', ',') : ''))];
  return `${header.join(';')}\n${example.join(';')}\n`;
}

const ARAH: Record<string, 'naik' | 'turun'> = { naik: 'naik', turun: 'turun', 'makin tinggi makin baik': 'naik', 'makin rendah makin baik': 'turun', tinggi: 'naik', rendah: 'turun', up: 'naik', down: 'turun', higher: 'naik', lower: 'turun' };

function locate(rows: SheetRow[]): { headerRow: number; index: Map<Key, number>; years: Array<{ year: number; position: number }> } | null {
  for (const candidate of rows.slice(0, 10)) {
    const names = candidate.cells.map((c) => (typeof c === 'string' ? normaliseHeader(c) : ''));
    const index = new Map<Key, number>();
    for (const column of RPJMD_COLUMNS) {
      const position = names.findIndex((n) => n === normaliseHeader(column.header));
      if (position >= 0) index.set(column.key, position);
    }
    if (!RPJMD_COLUMNS.every((c) => !c.required || index.has(c.key))) continue;
    const years: Array<{ year: number; position: number }> = [];
    candidate.cells.forEach((c, position) => {
      const match = typeof c === 'string' ? /^target\s*(\d{4})$/i.exec(c.trim()) : null;
      if (match) years.push({ year: Number(match[1]), position });
    });
    return { headerRow: candidate.row, index, years };
  }
  return null;
}

export async function parseRpjmdFile(buffer: Buffer, filename: string): Promise<RpjmdParseResult> {
  const empty = { rows: [], errors: [], totalRows: 0 };
  const sheet = await readSheet(buffer, filename, 'jabatan');
  if (!sheet.ok) return { fatal: sheet.fatal, ...empty };
  const header = locate(sheet.rows);
  if (!header) return { fatal: { code: 'IMPORT_MISSING_COLUMNS', id: 'Judul kolom "No Misi", "Kode Tujuan" dan "Kode Sasaran" tidak ditemukan; gunakan template', en: 'Headers "No Misi", "Kode Tujuan" and "Kode Sasaran" not found; use the template' }, ...empty };
  const dataRows = sheet.rows.filter((r) => r.row > header.headerRow);
  const rows: RpjmdImportRow[] = [];
  const errors: RowError[] = [];
  const ikuSeen = new Map<string, number>();
  for (const sheetRow of dataRows) {
    const rowErrors: RowError[] = [];
    const cell = (key: Key): Cell => {
      const position = header.index.get(key);
      return position === undefined ? null : (sheetRow.cells[position] ?? null);
    };
    const header_ = (key: Key) => RPJMD_COLUMNS.find((c) => c.key === key)?.header ?? key;
    const text = (key: Key, max: number): string | null => {
      const value = readText(cell(key), max);
      if (!value.ok) {
        rowErrors.push({ row: sheetRow.row, column: header_(key), reason: value.reason });
        return null;
      }
      return value.value;
    };
    const nomorText = text('misiNomor', 3);
    const misiNomor = nomorText && /^\d{1,2}$/.test(nomorText) ? Number(nomorText) : null;
    if (misiNomor === null || misiNomor < 1 || misiNomor > 20) rowErrors.push({ row: sheetRow.row, column: 'No Misi', reason: { id: 'nomor misi harus angka 1–20', en: 'mission number must be 1–20' } });
    const tujuanKode = text('tujuanKode', 40);
    if (!tujuanKode) rowErrors.push({ row: sheetRow.row, column: 'Kode Tujuan', reason: { id: 'kode tujuan kosong', en: 'goal code is empty' } });
    const sasaranKode = text('sasaranKode', 40);
    if (!sasaranKode) rowErrors.push({ row: sheetRow.row, column: 'Kode Sasaran', reason: { id: 'kode sasaran kosong', en: 'target code is empty' } });
    const prioritas = parseYesNo(cell('prioritas'));
    if (!prioritas.ok) rowErrors.push({ row: sheetRow.row, column: 'Prioritas', reason: prioritas.reason });
    const ikuKode = text('ikuKode', 40);
    let iku: RpjmdImportRow['iku'] = null;
    if (ikuKode) {
      const arahText = text('arah', 40)?.toLowerCase() ?? null;
      const arah = arahText ? (ARAH[arahText] ?? null) : null;
      if (arahText && !arah) rowErrors.push({ row: sheetRow.row, column: 'Arah', reason: { id: `arah "${arahText}" tidak dikenal; isi Naik atau Turun`, en: `direction "${arahText}" is unknown; use Naik or Turun` } });
      const baseline = parseIndicatorValue(cell('baseline'));
      if (!baseline.ok) rowErrors.push({ row: sheetRow.row, column: 'Kondisi Awal', reason: baseline.reason });
      const target: Record<string, number> = {};
      for (const { year, position } of header.years) {
        const value = parseIndicatorValue(sheetRow.cells[position] ?? null);
        if (!value.ok) rowErrors.push({ row: sheetRow.row, column: `Target ${year}`, reason: value.reason });
        else if (value.value !== null) target[String(year)] = value.value;
      }
      iku = { kode: ikuKode, nama: text('iku', 300), satuan: text('satuan', 40), arah, opdCode: text('opdCode', 64), baseline: baseline.ok ? baseline.value : null, target };
      const earlier = ikuSeen.get(ikuKode);
      if (earlier !== undefined) rowErrors.push({ row: sheetRow.row, column: 'Kode IKU', reason: { id: `IKU ${ikuKode} sudah ada di baris ${earlier}`, en: `IKU ${ikuKode} already appears on row ${earlier}` } });
    }
    const misi = text('misi', 1000);
    const tujuan = text('tujuan', 1000);
    const sasaran = text('sasaran', 1000);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (ikuKode) ikuSeen.set(ikuKode, sheetRow.row);
    rows.push({ row: sheetRow.row, misiNomor: misiNomor as number, misi, tujuanKode: tujuanKode as string, tujuan, sasaranKode: sasaranKode as string, sasaran, prioritas: prioritas.ok ? prioritas.value : null, iku });
  }
  return { fatal: null, rows, errors, totalRows: dataRows.length };
}
