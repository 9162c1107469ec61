/**
 * Parses a position (jabatan) or employee (pegawai) import file into validated rows and row errors, in the
 * manner of Actual Budget's importers: a bad row becomes an error with its spreadsheet row number and never stops
 * the others; only a file that cannot be read at all gives a `fatal` reason. No database is consulted here:
 * whether an OPD, unit or position code exists is the service's check, made during the dry run.
 */
import type { Message } from '../nip';
import { parseNip } from '../nip';
import type {
  ColumnDef,
  ImportKind,
  JabatanColumnKey,
  JabatanKind,
  PegawaiColumnKey,
  PegawaiStatus,
} from './layout';
import { MAX_DATA_ROWS, columnsFor, headerLookup, normaliseHeader } from './layout';
import type { ImportFatal, SheetRow } from './read';
import { HEADER_SEARCH_ROWS, readSheet, tooManyRows } from './read';
import type { Cell, ValueResult } from './values';
import {
  cellText,
  readCode,
  readDate,
  readEmail,
  readGolongan,
  readInteger,
  readJabatanKind,
  readNipCell,
  readPhone,
  readSex,
  readStatus,
  readText,
  readYesNo,
} from './values';

export type { ImportFatal, ImportFatalCode } from './read';

export interface JabatanImportRow {
  row: number;
  code: string;
  name: string;
  kind: JabatanKind;
  kelasJabatan: number;
  opdCode: string;
  unitCode: string | null;
  isOpdHead: boolean;
}

export interface PegawaiImportRow {
  row: number;
  nip: string | null;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  status: PegawaiStatus;
  golongan: string | null;
  /** From the Jenis Kelamin column, or from the NIP when the column is empty. */
  sex: 'L' | 'P' | null;
  /** From the Tanggal Lahir column, or from the NIP when the column is empty. */
  birthDate: string | null;
  opdCode: string;
  jabatanCode: string | null;
  tmtJabatan: string | null;
  phone: string | null;
  email: string | null;
  office: string | null;
}

export type ParsedRow = PegawaiImportRow | JabatanImportRow;

export interface RowError {
  /** The row number as Excel shows it: the header is row 1 (or lower, under a title), the first data row 2. */
  row: number;
  /** The Indonesian header of the offending column, when the error belongs to one. */
  column?: string;
  reason: Message;
}

export interface ParseResult<R extends ParsedRow = ParsedRow> {
  rows: R[];
  errors: RowError[];
  /** Non-empty data rows in the file, valid or not. */
  totalRows: number;
  /** Set when the file as a whole is refused; rows and errors are then empty. */
  fatal?: ImportFatal;
}

export interface ParseOptions {
  /** "Now" for the not-in-the-future checks; tests pin it. */
  today?: Date;
}

const MAX_NAME_LENGTH = 200;
const MAX_GELAR_LENGTH = 60;
const EARLIEST_BIRTH_DATE = '1940-01-01';
const EARLIEST_TMT = '1960-01-01';

export function parseImportFile(
  buffer: Buffer,
  filename: string,
  kind: 'pegawai',
  options?: ParseOptions,
): Promise<ParseResult<PegawaiImportRow>>;
export function parseImportFile(
  buffer: Buffer,
  filename: string,
  kind: 'jabatan',
  options?: ParseOptions,
): Promise<ParseResult<JabatanImportRow>>;
export function parseImportFile(
  buffer: Buffer,
  filename: string,
  kind: ImportKind,
  options?: ParseOptions,
): Promise<ParseResult>;
export async function parseImportFile(
  buffer: Buffer,
  filename: string,
  kind: ImportKind,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const read = await readSheet(buffer, filename, kind);
  if (!read.ok) return refused(read.fatal);
  const today = isoToday(options.today ?? new Date());
  return kind === 'jabatan'
    ? parseRows(read.rows, kind, columnsFor('jabatan'), validateJabatanRows)
    : parseRows(read.rows, kind, columnsFor('pegawai'), (rows) => validatePegawaiRows(rows, today));
}

function refused(reason: ImportFatal): ParseResult<never> {
  return { rows: [], errors: [], totalRows: 0, fatal: reason };
}

function isoToday(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A data row with its cells looked up by column key. */
interface KeyedRow<K extends string> {
  row: number;
  get(key: K): Cell;
}

function parseRows<K extends string, R extends ParsedRow>(
  sheetRows: SheetRow[],
  kind: ImportKind,
  columns: readonly ColumnDef<K>[],
  validate: (rows: KeyedRow<K>[]) => { rows: R[]; errors: RowError[] },
): ParseResult<R> {
  const lookup = headerLookup(columns);
  const headerIndex = findHeaderRow(sheetRows, lookup);
  const header = sheetRows[headerIndex];
  if (!header) return refused(noData());

  const positions = new Map<K, number>();
  for (const [position, cell] of header.cells.entries()) {
    const text = cellText(cell);
    const column = text === null ? undefined : lookup.get(normaliseHeader(text));
    if (!column) continue;
    if (positions.has(column.key)) {
      return refused({
        code: 'IMPORT_DUPLICATE_COLUMN',
        id: `Kolom "${column.header}" muncul lebih dari sekali di baris judul (baris ${header.row})`,
        en: `Column "${column.header}" appears more than once in the header row (row ${header.row})`,
      });
    }
    positions.set(column.key, position);
  }
  const missing = columns.filter((column) => column.headerRequired && !positions.has(column.key));
  if (missing.length > 0) return refused(missingColumns(kind, missing, sheetRows[headerIndex]));

  const dataRows = sheetRows.slice(headerIndex + 1);
  if (dataRows.length === 0) return refused(noData());
  if (dataRows.length > MAX_DATA_ROWS) return refused(tooManyRows().fatal);

  const keyed = dataRows.map(
    (sheetRow): KeyedRow<K> => ({
      row: sheetRow.row,
      get(key) {
        const position = positions.get(key);
        return position === undefined ? null : (sheetRow.cells[position] ?? null);
      },
    }),
  );
  const { rows, errors } = validate(keyed);
  return { rows, errors, totalRows: dataRows.length };
}

/** The first of the top rows naming at least two known columns; a title line above the header is skipped. */
function findHeaderRow<K extends string>(rows: SheetRow[], lookup: Map<string, ColumnDef<K>>): number {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const found = candidates.findIndex((row) => {
    const known = row.cells.filter((cell) => {
      const text = cellText(cell);
      return text !== null && lookup.has(normaliseHeader(text));
    });
    return known.length >= 2;
  });
  return found === -1 ? 0 : found;
}

function noData(): ImportFatal {
  return {
    code: 'IMPORT_NO_DATA',
    id: 'File tidak berisi baris data di bawah baris judul',
    en: 'The file has no data rows below the header row',
  };
}

function missingColumns(
  kind: ImportKind,
  missing: readonly { header: string }[],
  header: SheetRow | undefined,
): ImportFatal {
  const names = missing.map((column) => column.header).join(', ');
  const otherKind: ImportKind = kind === 'jabatan' ? 'pegawai' : 'jabatan';
  const looksLikeOther = header !== undefined && headerMatchesAllRequired(otherKind, header);
  const hint = looksLikeOther
    ? {
        id: ` File ini tampaknya file ${otherKind === 'jabatan' ? 'Jabatan' : 'Pegawai'}.`,
        en: ` This looks like a ${otherKind === 'jabatan' ? 'positions (Jabatan)' : 'employees (Pegawai)'} file.`,
      }
    : { id: '', en: '' };
  return {
    code: 'IMPORT_MISSING_COLUMNS',
    id: `Kolom wajib tidak ditemukan di baris judul: ${names}. Gunakan templat dari Pamong.${hint.id}`,
    en: `Required columns not found in the header row: ${names}. Use the template from Pamong.${hint.en}`,
  };
}

function headerMatchesAllRequired(kind: ImportKind, header: SheetRow): boolean {
  const lookup = headerLookup(columnsFor(kind));
  const present = new Set(
    header.cells
      .map((cell) => lookup.get(normaliseHeader(cellText(cell) ?? ''))?.key)
      .filter((key) => key !== undefined),
  );
  return columnsFor(kind).every((column) => !column.headerRequired || present.has(column.key));
}

/**
 * Collects the errors of one row: `read` unwraps a reader's result, recording its reason against the column,
 * and reports an empty required cell (but not twice for a cell that was already refused as invalid).
 */
function rowChecker<K extends string>(row: number, columns: readonly ColumnDef<K>[], errors: RowError[]) {
  const headerOf = (key: K): string => columns.find((column) => column.key === key)?.header ?? key;
  let failed = false;
  const error = (key: K, reason: Message): void => {
    failed = true;
    errors.push({ row, column: headerOf(key), reason });
  };
  return {
    get failed(): boolean {
      return failed;
    },
    read<T>(key: K, result: ValueResult<T | null>, required = false): T | null {
      if (!result.ok) {
        error(key, result.reason);
        return null;
      }
      if (result.value === null && required) {
        const header = headerOf(key);
        error(key, { id: `Kolom "${header}" wajib diisi`, en: `Column "${header}" is required` });
      }
      return result.value;
    },
    error,
  };
}

function validateJabatanRows(rows: KeyedRow<JabatanColumnKey>[]): { rows: JabatanImportRow[]; errors: RowError[] } {
  const columns = columnsFor('jabatan');
  const errors: RowError[] = [];
  const valid: JabatanImportRow[] = [];
  const codeFirstRow = new Map<string, number>();
  const headFirstRow = new Map<string, number>();
  for (const source of rows) {
    const check = rowChecker(source.row, columns, errors);
    const code = check.read('code', readCode(source.get('code')), true);
    const name = check.read('name', readText(source.get('name'), MAX_NAME_LENGTH), true);
    const kind = check.read('kind', readJabatanKind(source.get('kind')), true);
    const kelasJabatan = check.read('kelasJabatan', readInteger(source.get('kelasJabatan'), 1, 17), true);
    const opdCode = check.read('opdCode', readCode(source.get('opdCode')), true);
    const unitCode = check.read('unitCode', readCode(source.get('unitCode')));
    const isOpdHead = check.read('isOpdHead', readYesNo(source.get('isOpdHead'))) ?? false;

    if (code !== null) {
      const first = codeFirstRow.get(code);
      if (first === undefined) codeFirstRow.set(code, source.row);
      else {
        check.error('code', {
          id: `Kode Jabatan ${code} sudah dipakai di baris ${first}`,
          en: `Position code ${code} is already used on row ${first}`,
        });
      }
    }
    if (isOpdHead && opdCode !== null) {
      const first = headFirstRow.get(opdCode);
      if (first === undefined) headFirstRow.set(opdCode, source.row);
      else {
        check.error('isOpdHead', {
          id: `OPD ${opdCode} sudah memiliki kepala di baris ${first}; satu OPD hanya satu kepala`,
          en: `OPD ${opdCode} already has a head on row ${first}; an OPD has only one head`,
        });
      }
    }

    if (check.failed || code === null || name === null || kind === null || kelasJabatan === null || opdCode === null) {
      continue;
    }
    valid.push({ row: source.row, code, name, kind, kelasJabatan, opdCode, unitCode, isOpdHead });
  }
  return { rows: valid, errors };
}

function validatePegawaiRows(
  rows: KeyedRow<PegawaiColumnKey>[],
  today: string,
): { rows: PegawaiImportRow[]; errors: RowError[] } {
  const columns = columnsFor('pegawai');
  const errors: RowError[] = [];
  const valid: PegawaiImportRow[] = [];
  const nipFirstRow = new Map<string, number>();
  const jabatanFirstRow = new Map<string, number>();
  const todayDate = new Date(`${today}T00:00:00Z`);
  for (const source of rows) {
    const check = rowChecker(source.row, columns, errors);
    const status = check.read('status', readStatus(source.get('status')), true);

    const nipCell = source.get('nip');
    const nipText = check.read('nip', readNipCell(nipCell));
    let nip: string | null = null;
    let nipSex: 'L' | 'P' | null = null;
    let nipBirthDate: string | null = null;
    if (nipText !== null) {
      const parsed = parseNip(nipText, { today: todayDate });
      if (parsed.ok) {
        nip = parsed.nip;
        nipSex = parsed.sex;
        nipBirthDate = parsed.birthDate;
      } else check.error('nip', parsed.reason);
    }
    if (status === 'NON_ASN' && nipCell !== null) {
      check.error('nip', {
        id: 'Non-ASN tidak memiliki NIP; kosongkan NIP atau perbaiki Status',
        en: 'Non-ASN staff have no NIP; leave the NIP empty or correct the Status',
      });
    }
    if ((status === 'PNS' || status === 'PPPK') && nipCell === null) {
      check.error('nip', { id: `NIP wajib diisi untuk ${status}`, en: `A NIP is required for ${status}` });
    }
    if (nip !== null) {
      const first = nipFirstRow.get(nip);
      if (first === undefined) nipFirstRow.set(nip, source.row);
      else {
        check.error('nip', {
          id: `NIP ${nip} sudah ada di baris ${first}`,
          en: `NIP ${nip} already appears on row ${first}`,
        });
      }
    }

    const name = check.read('name', readText(source.get('name'), MAX_NAME_LENGTH), true);
    const gelarDepan = check.read('gelarDepan', readText(source.get('gelarDepan'), MAX_GELAR_LENGTH));
    const gelarBelakang = check.read('gelarBelakang', readText(source.get('gelarBelakang'), MAX_GELAR_LENGTH));
    const golongan = check.read('golongan', readGolongan(source.get('golongan'), status));

    const sexGiven = check.read('sex', readSex(source.get('sex')));
    if (sexGiven !== null && nipSex !== null && sexGiven !== nipSex) {
      check.error('sex', {
        id: `Jenis kelamin ${sexGiven} tidak sesuai dengan NIP (digit ke-15 menunjukkan ${nipSex})`,
        en: `Sex ${sexGiven} does not match the NIP (its 15th digit says ${nipSex})`,
      });
    }

    const birthGiven = check.read('birthDate', readDate(source.get('birthDate')));
    if (birthGiven !== null) {
      if (birthGiven < EARLIEST_BIRTH_DATE || birthGiven > today) {
        check.error('birthDate', {
          id: `Tanggal lahir ${birthGiven} di luar rentang yang mungkin`,
          en: `Birth date ${birthGiven} is outside the plausible range`,
        });
      } else if (nipBirthDate !== null && birthGiven !== nipBirthDate) {
        check.error('birthDate', {
          id: `Tanggal lahir ${birthGiven} tidak sesuai dengan NIP (${nipBirthDate})`,
          en: `Birth date ${birthGiven} does not match the NIP (${nipBirthDate})`,
        });
      }
    }
    const birthDate = birthGiven ?? nipBirthDate;

    const opdCode = check.read('opdCode', readCode(source.get('opdCode')), true);
    const jabatanCode = check.read('jabatanCode', readCode(source.get('jabatanCode')));
    const tmtJabatan = check.read('tmtJabatan', readDate(source.get('tmtJabatan')));
    if (jabatanCode !== null && tmtJabatan === null && source.get('tmtJabatan') === null) {
      check.error('tmtJabatan', {
        id: 'TMT Jabatan wajib diisi bila Kode Jabatan diisi',
        en: 'TMT Jabatan (position start date) is required when Kode Jabatan is given',
      });
    }
    if (jabatanCode === null && tmtJabatan !== null && source.get('jabatanCode') === null) {
      check.error('jabatanCode', {
        id: 'TMT Jabatan diisi tetapi Kode Jabatan kosong',
        en: 'TMT Jabatan is given but Kode Jabatan is empty',
      });
    }
    if (tmtJabatan !== null && (tmtJabatan < EARLIEST_TMT || (birthDate !== null && tmtJabatan <= birthDate))) {
      check.error('tmtJabatan', {
        id: `TMT Jabatan ${tmtJabatan} tidak mungkin${birthDate !== null ? ` untuk tanggal lahir ${birthDate}` : ''}`,
        en: `TMT Jabatan ${tmtJabatan} is not possible${birthDate !== null ? ` for birth date ${birthDate}` : ''}`,
      });
    }
    if (jabatanCode !== null) {
      if (status === 'NON_ASN') {
        check.error('jabatanCode', {
          id: 'Non-ASN tidak memangku jabatan ASN; kosongkan Kode Jabatan',
          en: 'Non-ASN staff do not hold ASN positions; leave Kode Jabatan empty',
        });
      }
      const first = jabatanFirstRow.get(jabatanCode);
      if (first === undefined) jabatanFirstRow.set(jabatanCode, source.row);
      else {
        check.error('jabatanCode', {
          id: `Jabatan ${jabatanCode} sudah dipangku pegawai di baris ${first}; satu jabatan untuk satu pegawai`,
          en: `Position ${jabatanCode} is already held by the employee on row ${first}; one position, one holder`,
        });
      }
    }

    const phone = check.read('phone', readPhone(source.get('phone')));
    const email = check.read('email', readEmail(source.get('email')));
    const office = check.read('office', readText(source.get('office'), MAX_NAME_LENGTH));

    if (check.failed || status === null || name === null || opdCode === null) continue;
    valid.push({
      row: source.row,
      nip,
      name,
      gelarDepan,
      gelarBelakang,
      status,
      golongan,
      sex: sexGiven ?? nipSex,
      birthDate,
      opdCode,
      jabatanCode,
      tmtJabatan,
      phone,
      email,
      office,
    });
  }
  return { rows: valid, errors };
}
