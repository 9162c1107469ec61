/** The APBD import template (XLSX with a "Petunjuk" sheet, and CSV), built from the same layout as the parser. */
import ExcelJS from 'exceljs';
import { BASE_COLUMNS, GUIDE_SHEET, MONTH_GROUPS, monthHeader, SHEET_NAME } from './layout';

const EXAMPLE_KAS = [0, 0, 0, 0, 425_000_000, 425_000_000, 850_000_000, 850_000_000, 850_000_000, 425_000_000, 425_000_000, 0];
const EXAMPLE_FISIK = [0, 0, 5, 10, 20, 35, 50, 65, 80, 90, 100, 100];

export function templateHeaders(withRealisation = true): string[] {
  const months = MONTH_GROUPS.filter((g) => withRealisation || g.group === 'kas' || g.group === 'fisik').flatMap((g) => Array.from({ length: 12 }, (_, i) => monthHeader(g.prefix, i + 1)));
  return [...BASE_COLUMNS.map((c) => c.header), ...months];
}

function exampleRow(): Array<string | number> {
  const base = BASE_COLUMNS.map((c) => (c.key === 'pagu' || c.key === 'tahun' ? Number(c.example) : c.example));
  const realisasi = [0, 0, 0, 0, 425_000_000, 0, 600_000_000, 0, 0, 0, 0, 0];
  const progres = [0, 0, 5, 8, 15, 25, 40, 0, 0, 0, 0, 0];
  return [...base, ...EXAMPLE_KAS, ...EXAMPLE_FISIK, ...realisasi, ...progres.map((v, i) => (i < 7 ? v : ''))].map((v) => v);
}

export function buildBudgetTemplateCsv(): string {
  // Semicolons: Indonesian-locale Excel opens them as columns (the comma is the decimal mark there).
  return `\uFEFF${[templateHeaders().join(';'), exampleRow().join(';')].join('\r\n')}\r\n`;
}

export async function buildBudgetTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pamong';
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 26 }, { width: 12 }, { width: 90 }];
  guide.addRow(['Kolom', 'Wajib', 'Keterangan']).font = { bold: true };
  for (const column of BASE_COLUMNS) guide.addRow([column.header, column.required ? 'Ya' : 'Tidak', column.description.id]);
  for (const group of MONTH_GROUPS) guide.addRow([`${group.prefix} Jan … ${group.prefix} Des`, group.group === 'kas' ? 'Ya*' : 'Tidak', group.description.id]);
  guide.addRow([]);
  guide.addRow(['Catatan', '', 'Satu baris per sub kegiatan. Hapus baris contoh sebelum mengunggah. Unggah dulu sebagai uji coba; tidak ada yang disimpan bila satu baris pun salah. Mengunggah berkas yang sama lagi tidak mengubah apa pun.']);
  guide.addRow(['', '', '* Kolom Kas wajib untuk kurva S dan deviasi; tanpa kolom Kas hanya struktur dan pagu yang diperbarui.']);
  const sheet = workbook.addWorksheet(SHEET_NAME);
  const headers = templateHeaders();
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(exampleRow());
  sheet.columns.forEach((column, index) => {
    column.width = index < BASE_COLUMNS.length ? Math.max(14, (headers[index] ?? '').length + 4) : 14;
  });
  // Codes stay text so Excel does not turn 1.03.10 into a date or a number.
  for (const key of ['programKode', 'kegiatanKode', 'kode', 'wilayahKode', 'sasaranKode']) {
    const index = BASE_COLUMNS.findIndex((c) => c.key === key);
    sheet.getColumn(index + 1).numFmt = '@';
  }
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 8 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
