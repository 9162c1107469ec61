/**
 * Turns an uploaded XLSX or CSV into rows of cells, or refuses the whole file with a fatal reason. Everything
 * that makes a file unusable (size, format, corruption, row count) is decided here, before any row is looked at,
 * so a hostile or mistaken upload costs milliseconds rather than a parser's worth of memory.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Message } from '../nip';
import type { ImportKind } from './layout';
import {
  GUIDE_SHEET_NAME,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  SHEET_NAMES,
} from './layout';
import type { Cell } from './values';

export type ImportFatalCode =
  | 'IMPORT_FILE_EMPTY'
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_UNSUPPORTED_FORMAT'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_TOO_MANY_ROWS'
  | 'IMPORT_MISSING_COLUMNS'
  | 'IMPORT_DUPLICATE_COLUMN'
  | 'IMPORT_NO_DATA';

/** A reason the whole file is refused, with a stable code the HTTP layer can map to a status. */
export interface ImportFatal extends Message {
  code: ImportFatalCode;
}

/** One non-empty spreadsheet row; `row` is the number the user sees in Excel (1-based, header included). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export type ReadResult = { ok: true; rows: SheetRow[] } | { ok: false; fatal: ImportFatal };

export function fatal(code: ImportFatalCode, id: string, en: string): { ok: false; fatal: ImportFatal } {
  return { ok: false, fatal: { code, id, en } };
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The old binary .xls (and .doc) container: OLE2 compound file. */
const OLE2_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The header is looked for among the first rows (a title line may sit above it). */
export const HEADER_SEARCH_ROWS = 10;
/**
 * Past this many non-empty rows the data rows certainly exceed the limit whatever row the header is on, so
 * reading can stop early; the exact count is checked once the header is known.
 */
const ROW_READ_LIMIT = MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1;

export async function readSheet(buffer: Buffer, filename: string, kind: ImportKind): Promise<ReadResult> {
  if (buffer.length === 0) {
    return fatal('IMPORT_FILE_EMPTY', 'File kosong', 'The file is empty');
  }
  if (buffer.length > MAX_FILE_BYTES) {
    const megabytes = (buffer.length / 1024 / 1024).toFixed(1);
    const limit = MAX_FILE_BYTES / 1024 / 1024;
    return fatal(
      'IMPORT_FILE_TOO_LARGE',
      `File terlalu besar (${megabytes} MB); paling besar ${limit} MB. Pecah menjadi beberapa file.`,
      `The file is too large (${megabytes} MB); the limit is ${limit} MB. Split it into several files.`,
    );
  }
  const extension = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? '';
  if (extension === 'xls' || buffer.subarray(0, 8).equals(OLE2_HEADER)) {
    return fatal(
      'IMPORT_UNSUPPORTED_FORMAT',
      'Format Excel lama (.xls) tidak didukung; buka di Excel lalu simpan sebagai .xlsx atau CSV',
      'The old Excel format (.xls) is not supported; open it in Excel and save it as .xlsx or CSV',
    );
  }
  if (extension === 'xlsx' || extension === 'xlsm') return readXlsx(buffer, kind);
  if (extension === 'csv' || extension === 'txt') {
    // A workbook renamed to .csv is still a workbook; reading it as one is kinder than a page of garbage errors.
    if (buffer.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return readXlsx(buffer, kind);
    return readCsv(buffer);
  }
  return fatal(
    'IMPORT_UNSUPPORTED_FORMAT',
    `Jenis file "${extension === '' ? filename : `.${extension}`}" tidak didukung; unggah .xlsx atau .csv`,
    `File type "${extension === '' ? filename : `.${extension}`}" is not supported; upload .xlsx or .csv`,
  );
}

function notAnXlsx(): { ok: false; fatal: ImportFatal } {
  return fatal(
    'IMPORT_FILE_UNREADABLE',
    'File ini bukan file Excel .xlsx yang valid atau rusak; simpan ulang dari Excel sebagai "Buku Kerja Excel (.xlsx)"',
    'This is not a valid .xlsx Excel file, or it is damaged; save it again from Excel as "Excel Workbook (.xlsx)"',
  );
}

/**
 * Sum of the uncompressed sizes declared in the ZIP central directory, or null when there is no readable
 * directory. The declared sizes can lie, but exceljs (through JSZip) checks each inflated entry against its
 * declared size, so a lying file fails there; this check stops honest-looking decompression bombs up front.
 */
export function zipDeclaredUncompressedSize(buffer: Buffer): number | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  const endRecordSize = 22;
  const lowest = Math.max(0, buffer.length - endRecordSize - 0xffff);
  for (let position = buffer.length - endRecordSize; position >= lowest; position -= 1) {
    if (buffer.readUInt32LE(position) !== END_OF_DIRECTORY) continue;
    const entries = buffer.readUInt16LE(position + 10);
    const directorySize = buffer.readUInt32LE(position + 12);
    const directoryOffset = buffer.readUInt32LE(position + 16);
    if (directoryOffset + directorySize > buffer.length) return null;
    let cursor = directoryOffset;
    let total = 0;
    for (let entry = 0; entry < entries; entry += 1) {
      if (cursor + 46 > buffer.length || buffer.readUInt32LE(cursor) !== DIRECTORY_ENTRY) return null;
      const uncompressed = buffer.readUInt32LE(cursor + 24);
      // 0xFFFFFFFF means the real size is in a ZIP64 extra field: over 4 GB, far beyond anything we accept.
      if (uncompressed === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += uncompressed;
      const variableLength =
        buffer.readUInt16LE(cursor + 28) + buffer.readUInt16LE(cursor + 30) + buffer.readUInt16LE(cursor + 32);
      cursor += 46 + variableLength;
    }
    return total;
  }
  return null;
}

async function readXlsx(buffer: Buffer, kind: ImportKind): Promise<ReadResult> {
  if (buffer.length < 22 || !buffer.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return notAnXlsx();
  const declared = zipDeclaredUncompressedSize(buffer);
  if (declared === null) return notAnXlsx();
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return fatal(
      'IMPORT_FILE_TOO_LARGE',
      'Isi file Excel terlalu besar setelah dibuka; pecah menjadi beberapa file',
      'The Excel file is too large once unpacked; split it into several files',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer declaration, which Node's Buffer does not satisfy; an
    // ArrayBuffer copy satisfies both the type and JSZip underneath.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    // exceljs throws assorted errors (JSZip, SAX, missing parts); to the user they all mean the same thing.
    return notAnXlsx();
  }
  const sheet = pickSheet(workbook.worksheets, kind);
  if (!sheet) return fatal('IMPORT_NO_DATA', 'File Excel tidak berisi lembar data', 'The workbook has no data sheet');

  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    const cells: Cell[] = [];
    let empty = true;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = toCell(cell.value);
      if (value !== null) empty = false;
      cells[columnNumber - 1] = value;
    });
    if (empty) return;
    for (let index = 0; index < cells.length; index += 1) cells[index] ??= null;
    rows.push({ row: rowNumber, cells });
    if (rows.length > ROW_READ_LIMIT) tooMany = true;
  });
  if (tooMany) return tooManyRows();
  return { ok: true, rows };
}

/** The sheet named for the kind ("Pegawai"), else the first sheet that is not the instructions. */
function pickSheet(worksheets: Worksheet[], kind: ImportKind): Worksheet | undefined {
  const wanted = SHEET_NAMES[kind].toLowerCase();
  return (
    worksheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted) ??
    worksheets.find((sheet) => sheet.name.trim().toLowerCase() !== GUIDE_SHEET_NAME.toLowerCase())
  );
}

export function tooManyRows(): { ok: false; fatal: ImportFatal } {
  const limit = MAX_DATA_ROWS.toLocaleString('id-ID');
  return fatal(
    'IMPORT_TOO_MANY_ROWS',
    `File berisi lebih dari ${limit} baris data; pecah menjadi beberapa file`,
    `The file has more than ${MAX_DATA_ROWS.toLocaleString('en-US')} data rows; split it into several files`,
  );
}

/** exceljs cell values reduced to what the readers understand. */
function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if ('richText' in value) return toCell(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return toCell(value.text);
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? null : toCell(value.result);
  // A formula never calculated (no cached result) has no value we can use.
  return null;
}

function decodeText(buffer: Buffer): string {
  const withoutBom =
    buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(withoutBom);
  } catch {
    // Excel's plain "CSV (Comma delimited)" on Windows writes the ANSI code page, not UTF-8.
    return new TextDecoder('windows-1252').decode(withoutBom);
  }
}

/**
 * Indonesian-locale Excel writes ';' between fields (',' is the decimal mark there); other tools write ','.
 * The header line decides: whichever appears more often outside quotes.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const character of text) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (character === '\n' || character === '\r')) {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (!inQuotes && (character === ',' || character === ';' || character === '\t')) {
      counts[character] += 1;
    }
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

function readCsv(buffer: Buffer): ReadResult {
  // NUL bytes never occur in a text export; their presence means a binary file with the wrong name.
  if (buffer.subarray(0, 8192).includes(0)) {
    return fatal(
      'IMPORT_FILE_UNREADABLE',
      'File ini bukan file teks CSV; unggah .csv atau .xlsx',
      'This is not a CSV text file; upload .csv or .xlsx',
    );
  }
  const text = decodeText(buffer);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fatal(
      'IMPORT_FILE_UNREADABLE',
      `File CSV tidak dapat dibaca: ${detail}`,
      `The CSV file cannot be read: ${detail}`,
    );
  }
  const rows: SheetRow[] = [];
  records.forEach((record, index) => {
    const cells = record.map((value): Cell => {
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    });
    if (cells.every((cell) => cell === null)) return;
    // One CSV record is one spreadsheet row when Excel opens the file, even if a quoted cell spans lines.
    rows.push({ row: index + 1, cells });
  });
  if (rows.length > ROW_READ_LIMIT) return tooManyRows();
  return { ok: true, rows };
}
