import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { validTimestamp, type ParsedLine } from './attlog';

/**
 * CSV/XLSX exports of other machines, read through the column mapping saved per source (att_device.column_map):
 * `pin`, and either `datetime` or `date` + `time`, optionally `state` (Masuk/C-In/0 = in, Pulang/C-Out/1 = out).
 * Each row becomes the same parsed line as an attlog line, so the import path is one.
 */
export interface ColumnMap {
  pin?: string;
  datetime?: string;
  date?: string;
  time?: string;
  state?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM[:SS]', 'DD/MM/YYYY HH:MM[:SS]' (also with - or .), or an Excel date cell. */
export function normaliseDateTime(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // exceljs gives spreadsheet wall-clock times as UTC instants.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim().replace('T', ' ');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text);
  if (match) return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))} ${pad(Number(match[4]))}:${match[5]}:${match[6] ?? '00'}`;
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}) (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text);
  if (match) return `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))} ${pad(Number(match[4]))}:${match[5]}:${match[6] ?? '00'}`;
  return null;
}

export function stateOf(value: unknown): number {
  const text = String(value ?? '').trim().toLowerCase();
  if (['0', 'masuk', 'in', 'c/in', 'c-in', 'check in', 'checkin'].includes(text)) return 0;
  if (['1', 'pulang', 'keluar', 'out', 'c/out', 'c-out', 'check out', 'checkout'].includes(text)) return 1;
  return 255;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return normaliseDateTime(value) ?? '';
  if (typeof value === 'object' && value && 'text' in value) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && value && 'result' in value) return String((value as { result: unknown }).result);
  return String(value);
}

export function rowToParsed(row: Record<string, unknown>, map: ColumnMap): ParsedLine {
  const pin = cellText(map.pin ? row[map.pin] : '').trim();
  if (!/^[0-9A-Za-z]{1,24}$/.test(pin)) return { kind: 'rejected', reason: { id: `PIN tidak valid di kolom "${map.pin}"`, en: `invalid PIN in column "${map.pin}"` } };
  let at: string | null = null;
  if (map.datetime) {
    const raw = row[map.datetime];
    at = raw instanceof Date ? normaliseDateTime(raw) : normaliseDateTime(cellText(raw));
  } else if (map.date && map.time) {
    const date = row[map.date];
    const time = row[map.time];
    const datePart = date instanceof Date ? (normaliseDateTime(date) ?? '').slice(0, 10) : cellText(date).trim();
    const timePart = time instanceof Date ? (normaliseDateTime(time) ?? '').slice(11) : cellText(time).trim();
    at = normaliseDateTime(`${datePart} ${timePart}`);
  }
  if (!at || !validTimestamp(at)) return { kind: 'rejected', reason: { id: 'tanggal/jam tidak valid', en: 'invalid date/time' } };
  return { kind: 'record', record: { pin, at, device: null, state: map.state ? stateOf(row[map.state]) : 255, verify: 0, workcode: '' } };
}

async function collect(stream: AsyncIterable<Buffer | Uint8Array | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Rows of a CSV (streamed) or XLSX (first sheet; bounded by the 20 MB upload limit); line 1 is the header. */
export async function* sheetLines(stream: AsyncIterable<Buffer | Uint8Array | string>, filename: string, map: ColumnMap): AsyncGenerator<{ line: number; parsed: ParsedLine }> {
  if (/\.xlsx$/i.test(filename)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(await collect(stream) as unknown as ArrayBuffer);
    } catch {
      yield { line: 1, parsed: { kind: 'rejected', reason: { id: 'berkas XLSX rusak atau bukan XLSX', en: 'the XLSX file is damaged or not an XLSX file' } } };
      return;
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return;
    const header: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => (header[col] = cellText(cell.value).trim()));
    for (let index = 2; index <= sheet.rowCount; index += 1) {
      const values: Record<string, unknown> = {};
      const row = sheet.getRow(index);
      if (!row.hasValues) continue;
      row.eachCell((cell, col) => {
        const name = header[col];
        if (name) values[name] = cell.value;
      });
      yield { line: index, parsed: rowToParsed(values, map) };
    }
    return;
  }
  const parser = Readable.from(stream).pipe(parse({ columns: (names: string[]) => names.map((n) => n.trim()), delimiter: [',', ';', '\t'], bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line: item.info.lines, parsed: rowToParsed(item.record, map) };
  }
}
