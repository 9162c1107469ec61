/**
 * APBD file -> rows and row errors (errors as data: one bad cell costs its row, never the file). Checks that need
 * no database: code formats and their nesting, sums of the cash plan against the pagu, S-curves that never go
 * down, duplicates inside the file.
 */
import { readSheet, type ImportFatal, type SheetRow } from '../../org/import/read';
import { readText, type Cell, type ValueResult } from '../../org/import/values';
import { KODE_KEGIATAN, KODE_PROGRAM, KODE_SUB_KEGIATAN, protectedReason } from '../rules';
import { BASE_COLUMNS, MONTH_GROUPS, monthHeaderVariants, normaliseHeader, type MonthGroup } from './layout';
import { parseAmount, parseJenis, parseKontrak, parsePercent, parseYesNo } from './values';

export interface RowError {
  row: number;
  column?: string;
  reason: { id: string; en: string };
}

export interface BudgetImportRow {
  row: number;
  tahun: number;
  opdCode: string;
  programKode: string;
  programNama: string;
  kegiatanKode: string;
  kegiatanNama: string;
  kode: string;
  nama: string;
  pagu: number;
  paguPerubahan: number | null;
  wilayahKode: string | null;
  unitCode: string | null;
  sasaranKode: string | null;
  jenis: 'fisik' | 'non_fisik' | null;
  mendesak: boolean | null;
  dilindungi: boolean | null;
  dilindungiAlasan: string | null;
  statusKontrak: 'belum' | 'proses' | 'kontrak' | 'swakelola' | null;
  months: Record<MonthGroup, (number | null)[] | null>;
}

export interface ParseResult {
  fatal: ImportFatal | null;
  rows: BudgetImportRow[];
  errors: RowError[];
  totalRows: number;
  /** Optional columns present in the header: absent ones are left alone on existing rows. */
  present: Set<string>;
}

type ColumnIndex = Map<string, number>;

function locateHeader(rows: SheetRow[]): { headerRow: number; index: ColumnIndex } | null {
  for (const candidate of rows.slice(0, 10)) {
    const names = candidate.cells.map((c) => (typeof c === 'string' ? normaliseHeader(c) : ''));
    const index: ColumnIndex = new Map();
    for (const column of BASE_COLUMNS) {
      const position = names.findIndex((n) => n !== '' && [column.header, ...column.aliases].some((h) => normaliseHeader(h) === n));
      if (position >= 0) index.set(column.key, position);
    }
    for (const group of MONTH_GROUPS) {
      for (let month = 1; month <= 12; month += 1) {
        const variants = monthHeaderVariants([group.prefix, ...group.aliases], month).map(normaliseHeader);
        const position = names.findIndex((n) => variants.includes(n));
        if (position >= 0) index.set(`${group.group}${month}`, position);
      }
    }
    if (index.has('kode') && index.has('pagu')) return { headerRow: candidate.row, index };
  }
  return null;
}

const headerOf = (key: string) => BASE_COLUMNS.find((c) => c.key === key)?.header ?? key;

export async function parseBudgetFile(buffer: Buffer, filename: string): Promise<ParseResult> {
  const empty = { rows: [], errors: [], totalRows: 0, present: new Set<string>() };
  // The org reader picks the sheet by kind and falls back to the first sheet that is not "Petunjuk"; the APBD
  // template has exactly that shape.
  const sheet = await readSheet(buffer, filename, 'jabatan');
  if (!sheet.ok) return { fatal: sheet.fatal, ...empty };
  const header = locateHeader(sheet.rows);
  if (!header) return { fatal: { code: 'IMPORT_MISSING_COLUMNS', id: 'Judul kolom "Kode Sub Kegiatan" dan "Pagu" tidak ditemukan; gunakan template', en: 'Headers "Kode Sub Kegiatan" and "Pagu" not found; use the template' }, ...empty };
  const missing = BASE_COLUMNS.filter((c) => c.required && !header.index.has(c.key)).map((c) => c.header);
  if (missing.length > 0) return { fatal: { code: 'IMPORT_MISSING_COLUMNS', id: `Kolom wajib tidak ada: ${missing.join(', ')}`, en: `Required columns missing: ${missing.join(', ')}` }, ...empty };
  const present = new Set<string>();
  for (const column of BASE_COLUMNS) if (header.index.has(column.key)) present.add(column.key);
  for (const group of MONTH_GROUPS) {
    const found = Array.from({ length: 12 }, (_, i) => header.index.has(`${group.group}${i + 1}`)).filter(Boolean).length;
    if (found === 0) continue;
    if (found < 12) return { fatal: { code: 'IMPORT_MISSING_COLUMNS', id: `Kolom "${group.prefix}" harus lengkap 12 bulan (ada ${found})`, en: `Columns "${group.prefix}" must cover all 12 months (found ${found})` }, ...empty };
    present.add(group.group);
  }
  const dataRows = sheet.rows.filter((r) => r.row > header.headerRow);
  const rows: BudgetImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const names = new Map<string, { nama: string; row: number }>();
  for (const sheetRow of dataRows) {
    const result = parseRow(sheetRow, header.index, present);
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    const row = result.row;
    const key = `${row.tahun}|${row.opdCode}|${row.kode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ row: row.row, column: 'Kode Sub Kegiatan', reason: { id: `sub kegiatan ${row.kode} sudah ada di baris ${earlier}`, en: `sub-activity ${row.kode} already appears on row ${earlier}` } });
      continue;
    }
    let conflict: RowError | null = null;
    for (const [level, kode, nama] of [['Nama Program', row.programKode, row.programNama], ['Nama Kegiatan', row.kegiatanKode, row.kegiatanNama]] as const) {
      const nameKey = `${row.tahun}|${row.opdCode}|${kode}`;
      const known = names.get(nameKey);
      if (known && known.nama !== nama) conflict = { row: row.row, column: level, reason: { id: `kode ${kode} bernama lain di baris ${known.row} ("${known.nama}")`, en: `code ${kode} has another name on row ${known.row} ("${known.nama}")` } };
      else if (!known) names.set(nameKey, { nama, row: row.row });
    }
    if (conflict) {
      errors.push(conflict);
      continue;
    }
    seen.set(key, row.row);
    rows.push(row);
  }
  return { fatal: null, rows, errors, totalRows: dataRows.length, present };
}

function parseRow(sheetRow: SheetRow, index: ColumnIndex, present: Set<string>): { row: BudgetImportRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (key: string): Cell => {
    const position = index.get(key);
    return position === undefined ? null : (sheetRow.cells[position] ?? null);
  };
  const take = <T>(key: string, result: ValueResult<T>, column = headerOf(key)): T | null => {
    if (result.ok) return result.value;
    errors.push({ row: sheetRow.row, column, reason: result.reason });
    return null;
  };
  const required = <T>(key: string, value: T | null): T | null => {
    if (value === null || value === '') errors.push({ row: sheetRow.row, column: headerOf(key), reason: { id: 'wajib diisi', en: 'is required' } });
    return value;
  };
  const text = (key: string, max: number) => take(key, readText(cell(key), max));
  const code = (key: string) => text(key, 64)?.replace(/\s+/g, '') ?? null;

  const tahunText = text('tahun', 4);
  const tahun = tahunText && /^\d{4}$/.test(tahunText) ? Number(tahunText) : null;
  if (tahunText && tahun === null) errors.push({ row: sheetRow.row, column: 'Tahun', reason: { id: `"${tahunText}" bukan tahun`, en: `"${tahunText}" is not a year` } });
  required('tahun', tahunText);
  const opdCode = required('opdCode', code('opdCode')?.toUpperCase() ?? null);
  const programKode = required('programKode', code('programKode'));
  const programNama = required('programNama', text('programNama', 300));
  const kegiatanKode = required('kegiatanKode', code('kegiatanKode'));
  const kegiatanNama = required('kegiatanNama', text('kegiatanNama', 300));
  const kode = required('kode', code('kode'));
  const nama = required('nama', text('nama', 300));
  const pagu = required('pagu', take('pagu', parseAmount(cell('pagu'))));
  const paguPerubahan = take('paguPerubahan', parseAmount(cell('paguPerubahan')));
  const fmt = (column: string, value: string | null, pattern: RegExp, example: string) => {
    if (value && !pattern.test(value)) errors.push({ row: sheetRow.row, column, reason: { id: `kode "${value}" tidak sesuai nomenklatur (contoh ${example})`, en: `code "${value}" does not follow the national nomenclature (e.g. ${example})` } });
  };
  fmt('Kode Program', programKode, KODE_PROGRAM, '1.03.10');
  fmt('Kode Kegiatan', kegiatanKode, KODE_KEGIATAN, '1.03.10.2.01');
  fmt('Kode Sub Kegiatan', kode, KODE_SUB_KEGIATAN, '1.03.10.2.01.0001');
  if (programKode && kegiatanKode && !kegiatanKode.startsWith(`${programKode}.`)) errors.push({ row: sheetRow.row, column: 'Kode Kegiatan', reason: { id: `kegiatan ${kegiatanKode} bukan bagian program ${programKode}`, en: `activity ${kegiatanKode} is not under programme ${programKode}` } });
  if (kegiatanKode && kode && !kode.startsWith(`${kegiatanKode}.`)) errors.push({ row: sheetRow.row, column: 'Kode Sub Kegiatan', reason: { id: `sub kegiatan ${kode} bukan bagian kegiatan ${kegiatanKode}`, en: `sub-activity ${kode} is not under activity ${kegiatanKode}` } });
  const wilayahKode = code('wilayahKode');
  if (wilayahKode && !/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(wilayahKode)) errors.push({ row: sheetRow.row, column: 'Kode Kelurahan', reason: { id: `kode kelurahan "${wilayahKode}" tidak valid (contoh 19.71.01.1001)`, en: `kelurahan code "${wilayahKode}" is not valid (e.g. 19.71.01.1001)` } });
  const unitCode = code('unitCode')?.toUpperCase() ?? null;
  const sasaranKode = code('sasaranKode');
  const jenis = take('jenis', parseJenis(cell('jenis')));
  const mendesak = take('mendesak', parseYesNo(cell('mendesak')));
  const dilindungiInput = take('dilindungi', parseYesNo(cell('dilindungi')));
  const statusKontrak = take('statusKontrak', parseKontrak(cell('statusKontrak')));

  const months: BudgetImportRow['months'] = { kas: null, fisik: null, realisasi: null, progres: null };
  for (const group of MONTH_GROUPS) {
    if (!present.has(group.group)) continue;
    const values: (number | null)[] = [];
    for (let month = 1; month <= 12; month += 1) {
      const raw = cell(`${group.group}${month}`);
      const parsed = group.group === 'kas' || group.group === 'realisasi' ? parseAmount(raw) : parsePercent(raw);
      values.push(take(`${group.group}${month}`, parsed, `${group.prefix} ${month}`));
    }
    months[group.group] = values;
  }
  const effective = paguPerubahan ?? pagu;
  if (months.kas && effective !== null) {
    const total = months.kas.reduce<number>((a, b) => a + (b ?? 0), 0);
    // SIPD refuses an anggaran kas that does not add up to the pagu; a rupiah of rounding is tolerated.
    if (Math.abs(total - effective) > 1) errors.push({ row: sheetRow.row, column: 'Kas', reason: { id: `jumlah anggaran kas Rp ${total.toLocaleString('id-ID')} tidak sama dengan pagu Rp ${effective.toLocaleString('id-ID')}`, en: `the cash plan adds up to Rp ${total.toLocaleString('en-US')}, not the ceiling Rp ${effective.toLocaleString('en-US')}` } });
  }
  for (const group of ['fisik', 'progres'] as const) {
    const values = months[group];
    if (!values) continue;
    let previous = 0;
    values.forEach((value, i) => {
      if (value === null) return;
      if (value < previous) errors.push({ row: sheetRow.row, column: `${group === 'fisik' ? 'Fisik' : 'Progres'} ${i + 1}`, reason: { id: `persen kumulatif turun dari ${previous} ke ${value}`, en: `the cumulative percentage falls from ${previous} to ${value}` } });
      previous = Math.max(previous, value);
    });
  }
  if (months.realisasi && effective !== null) {
    const total = months.realisasi.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (total > effective + 1) errors.push({ row: sheetRow.row, column: 'Realisasi', reason: { id: `realisasi Rp ${total.toLocaleString('id-ID')} melebihi pagu`, en: `realisation Rp ${total.toLocaleString('en-US')} exceeds the ceiling` } });
  }
  if (errors.length > 0 || tahun === null || !opdCode || !programKode || !programNama || !kegiatanKode || !kegiatanNama || !kode || !nama || pagu === null) {
    return { errors: errors.length > 0 ? errors : [{ row: sheetRow.row, reason: { id: 'baris tidak lengkap', en: 'incomplete row' } }] };
  }
  const rule = protectedReason(kode, nama);
  const dilindungi = dilindungiInput === null ? (rule ? true : null) : dilindungiInput || rule !== null;
  return {
    row: {
      row: sheetRow.row, tahun, opdCode, programKode, programNama, kegiatanKode, kegiatanNama, kode, nama, pagu, paguPerubahan, wilayahKode, unitCode, sasaranKode,
      jenis, mendesak, dilindungi, dilindungiAlasan: dilindungi ? (rule?.id ?? 'ditandai dalam berkas APBD') : null, statusKontrak, months,
    },
  };
}
