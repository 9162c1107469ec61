/**
 * Downloadable templates for the position and employee imports, built from the same column definitions the
 * parser reads, so a template filled in as instructed always passes the header check.
 */
import ExcelJS from 'exceljs';
import type { ColumnDef, ImportKind } from './layout';
import { GUIDE_SHEET_NAME, MAX_DATA_ROWS, MAX_FILE_BYTES, SHEET_NAMES, columnsFor } from './layout';

/** Rows given drop-down lists in the template; beyond them the cells still accept typing. */
const VALIDATED_ROWS = 1000;

const LIST_VALUES: Partial<Record<string, readonly string[]>> = {
  kind: ['jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana'],
  status: ['PNS', 'PPPK', 'NON_ASN'],
  sex: ['L', 'P'],
  isOpdHead: ['Ya', 'Tidak'],
};

const DATE_KEYS = new Set(['birthDate', 'tmtJabatan']);
const NUMBER_KEYS = new Set(['kelasJabatan']);

function requirementLabel(column: ColumnDef): { id: string; en: string } {
  if (column.required) return { id: 'Wajib', en: 'Required' };
  if (column.headerRequired) return { id: 'Kolom wajib ada; isi bersyarat', en: 'Column required; value conditional' };
  return { id: 'Opsional', en: 'Optional' };
}

function generalNotes(kind: ImportKind): { id: string; en: string }[] {
  const subject =
    kind === 'jabatan' ? { id: 'satu jabatan', en: 'one position' } : { id: 'satu pegawai', en: 'one employee' };
  const megabytes = MAX_FILE_BYTES / 1024 / 1024;
  return [
    {
      id: `Isi lembar "${SHEET_NAMES[kind]}": baris 1 adalah judul kolom, setiap baris berikutnya ${subject.id}.`,
      en: `Fill in the "${SHEET_NAMES[kind]}" sheet: row 1 holds the column headers, each following row ${subject.en}.`,
    },
    {
      id: 'Jangan ubah nama judul kolom; urutan kolom boleh diubah dan kolom opsional boleh dihapus.',
      en: 'Do not rename the headers; columns may be reordered and optional columns removed.',
    },
    { id: 'Hapus baris contoh (baris 2) sebelum mengunggah.', en: 'Delete the example row (row 2) before uploading.' },
    {
      id: 'Tanggal: sel tanggal Excel, atau teks YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY.',
      en: 'Dates: an Excel date cell, or text as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY.',
    },
    {
      id:
        `Paling banyak ${MAX_DATA_ROWS.toLocaleString('id-ID')} baris dan ${megabytes} MB per file. ` +
        'CSV: UTF-8, pemisah titik koma (;) atau koma (,).',
      en:
        `At most ${MAX_DATA_ROWS.toLocaleString('en-US')} rows and ${megabytes} MB per file. ` +
        'CSV: UTF-8, separated by semicolons (;) or commas (,).',
    },
    {
      id: 'Baris yang salah dilaporkan dengan nomor baris dan alasannya; baris lain tetap dapat diimpor.',
      en: 'Rows with errors are reported with their row number and reason; the other rows can still be imported.',
    },
  ];
}

function exampleValue(column: ColumnDef): string | number | Date | null {
  if (column.example === '') return null;
  if (DATE_KEYS.has(column.key)) return new Date(`${column.example}T00:00:00Z`);
  if (NUMBER_KEYS.has(column.key)) return Number(column.example);
  return column.example;
}

export async function buildTemplateXlsx(kind: ImportKind): Promise<Buffer> {
  const columns: readonly ColumnDef[] = columnsFor(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pamong';

  const sheet = workbook.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(14, column.header.length + 4, column.example.length + 2),
    // Text format stops Excel turning an 18-digit NIP into a rounded number or dropping a phone's leading 0.
    style: column.text ? { numFmt: '@' } : DATE_KEYS.has(column.key) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  columns.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.note = `${column.description.id}\n\n${column.description.en}`;
    if (column.required) cell.font = { bold: true, color: { argb: 'FF9C0006' } };
  });
  sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, exampleValue(column)])));
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF7F7F7F' } };

  columns.forEach((column, index) => {
    const values = LIST_VALUES[column.key];
    if (!values) return;
    for (let rowNumber = 2; rowNumber <= VALIDATED_ROWS + 1; rowNumber += 1) {
      sheet.getRow(rowNumber).getCell(index + 1).dataValidation = {
        type: 'list',
        // Warning rather than stop: the parser also accepts spellings like "Eselon II" or "Honorer".
        allowBlank: true,
        errorStyle: 'warning',
        showErrorMessage: true,
        formulae: [`"${values.join(',')}"`],
      };
    }
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [
    { key: 'kolom', width: 18 },
    { key: 'wajib', width: 22 },
    { key: 'keterangan', width: 70 },
    { key: 'description', width: 70 },
    { key: 'contoh', width: 24 },
  ];
  const english = kind === 'jabatan' ? 'Positions' : 'Employees';
  const title = guide.addRow([`Petunjuk impor ${SHEET_NAMES[kind]} / ${english} import guide`]);
  title.font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const note of generalNotes(kind)) {
    const row = guide.addRow(['', '', note.id, note.en]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  const tableHeader = guide.addRow([
    'Kolom / Column',
    'Wajib / Required',
    'Keterangan',
    'Description',
    'Contoh / Example',
  ]);
  tableHeader.font = { bold: true };
  for (const column of columns) {
    const requirement = requirementLabel(column);
    const accepted = column.aliases.length > 0 ? `\nJuga diterima: ${column.aliases.join(', ')}` : '';
    const acceptedEn = column.aliases.length > 0 ? `\nAlso accepted: ${column.aliases.join(', ')}` : '';
    const row = guide.addRow([
      column.header,
      `${requirement.id} / ${requirement.en}`,
      `${column.description.id}${accepted}`,
      `${column.description.en}${acceptedEn}`,
      column.example,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Quotes a CSV field when it holds the delimiter, a quote or a line break (RFC 4180). */
function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV template: a BOM so Excel reads it as UTF-8, ';' between fields because Indonesian-locale Excel uses it
 * as the list separator (and so splits the columns on opening), CRLF line ends.
 */
export function buildTemplateCsv(kind: ImportKind): string {
  const delimiter = ';';
  const columns: readonly ColumnDef[] = columnsFor(kind);
  const header = columns.map((column) => csvField(column.header, delimiter)).join(delimiter);
  const example = columns.map((column) => csvField(column.example, delimiter)).join(delimiter);
  return `\uFEFF${header}\r\n${example}\r\n`;
}
