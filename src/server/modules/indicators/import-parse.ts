import { readSheet } from '../org/import/read';
import { cellText, type Cell } from '../org/import/values';
import type { RawItem } from './values-resolve';

/**
 * The two import formats besides the entry form.
 *
 * 1. A sheet (CSV or XLSX; template in docs via GET /indicator-values/template.csv) with the columns
 *    Kode Indikator | Kode Wilayah | Periode | Nilai | Pembilang | Penyebut (English headers accepted too).
 * 2. A DHIS2 dataValueSet (JSON, as DHIS2's /api/dataValueSets): dataValues[] of {dataElement, orgUnit, period,
 *    value}, identified by code (idScheme=code); the set's own period/orgUnit apply to values that omit them.
 */
export type ParseResult = { ok: true; items: RawItem[] } | { ok: false; reason: { id: string; en: string } };

const HEADERS: Record<string, keyof Omit<RawItem, 'index' | 'row'>> = {
  'kode indikator': 'code',
  indikator: 'code',
  indicator: 'code',
  'indicator code': 'code',
  dataelement: 'code',
  'kode wilayah': 'orgUnit',
  wilayah: 'orgUnit',
  orgunit: 'orgUnit',
  'region code': 'orgUnit',
  periode: 'period',
  period: 'period',
  nilai: 'value',
  value: 'value',
  pembilang: 'numerator',
  numerator: 'numerator',
  penyebut: 'denominator',
  denominator: 'denominator',
};

export const TEMPLATE_CSV = ['Kode Indikator;Kode Wilayah;Periode;Nilai;Pembilang;Penyebut', 'STUNTING;19.71.01.1001;2024;;12;240', 'PENDUDUK;19.71.01.1001;2024;5120;;'].join('\n');

export async function parseSheetFile(buffer: Buffer, filename: string): Promise<ParseResult> {
  // readSheet picks the sheet named for an org import kind or else the first sheet that is not "Petunjuk";
  // an indicator file has neither name, so its first data sheet is read.
  const read = await readSheet(buffer, filename, 'pegawai');
  if (!read.ok) return { ok: false, reason: { id: read.fatal.id, en: read.fatal.en } };
  const headerIndex = read.rows.findIndex((row) => row.cells.some((cell) => HEADERS[(cellText(cell) ?? '').toLowerCase()] === 'code'));
  if (headerIndex < 0) {
    return { ok: false, reason: { id: 'baris judul kolom "Kode Indikator" tidak ditemukan', en: 'the header row with "Kode Indikator" was not found' } };
  }
  const header = (read.rows[headerIndex]?.cells ?? []).map((cell) => HEADERS[(cellText(cell) ?? '').toLowerCase()] ?? null);
  for (const needed of ['code', 'orgUnit', 'period'] as const) {
    if (!header.includes(needed)) return { ok: false, reason: { id: `kolom wajib tidak ada: ${needed}`, en: `required column missing: ${needed}` } };
  }
  const items: RawItem[] = [];
  for (const sheetRow of read.rows.slice(headerIndex + 1)) {
    const item: RawItem = { index: items.length, row: sheetRow.row, code: null, orgUnit: null, period: null, value: null };
    header.forEach((field, column) => {
      if (!field) return;
      const cell: Cell = sheetRow.cells[column] ?? null;
      const text = typeof cell === 'number' ? cell : cellText(cell);
      if (field === 'value' || field === 'numerator' || field === 'denominator') item[field] = text;
      else item[field] = text === null ? null : String(text);
    });
    items.push(item);
  }
  return { ok: true, items };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

export function parseDataValueSet(body: unknown): ParseResult {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { dataValues?: unknown }).dataValues)) {
    return { ok: false, reason: { id: 'bukan dataValueSet', en: 'not a dataValueSet' } };
  }
  const set = body as { period?: unknown; orgUnit?: unknown; dataValues: unknown[] };
  const items = set.dataValues.map((raw, index): RawItem => {
    const dv = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const value = typeof dv.value === 'number' ? dv.value : text(dv.value);
    return { index, row: null, code: text(dv.dataElement), orgUnit: text(dv.orgUnit) ?? text(set.orgUnit), period: text(dv.period) ?? text(set.period), value };
  });
  return { ok: true, items };
}
