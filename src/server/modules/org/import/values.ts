/**
 * Readers for single cell values of the import files. Each returns the normalised value or a bilingual reason;
 * none throws, because one bad cell must only cost its row.
 */
import type { Message } from '../nip';
import { isValidCalendarDate } from '../nip';
import type { JabatanKind, PegawaiStatus } from './layout';

/** What a reader sees of a cell: CSV gives strings, exceljs also numbers and dates. Empty is always null. */
export type Cell = string | number | Date | null;

export type ValueResult<T> = { ok: true; value: T } | { ok: false; reason: Message };

function ok<T>(value: T): ValueResult<T> {
  return { ok: true, value };
}

function fail<T>(id: string, en: string): ValueResult<T> {
  return { ok: false, reason: { id, en } };
}

/** The cell as text, as a person would read it in the spreadsheet. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  const trimmed = cell.trim();
  return trimmed === '' ? null : trimmed;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Control characters other than tab are never typed on purpose and break exports and terminals downstream.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Free text: trimmed, inner whitespace collapsed, at most `max` characters. '<' and '>' are refused outright
 * rather than escaped: no name or title needs them, and refusing keeps stored HTML out of every later screen,
 * export and PDF whatever their own escaping does.
 */
export function readText(cell: Cell, max: number): ValueResult<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const collapsed = text.replace(/\s+/g, ' ');
  if (/[<>]/.test(collapsed)) {
    return fail(
      'Tanda < atau > tidak diterima (HTML tidak boleh dimasukkan)',
      'The characters < and > are not accepted (HTML is not allowed)',
    );
  }
  if (CONTROL_CHARACTERS.test(collapsed)) {
    return fail('Berisi karakter kontrol yang tidak terlihat', 'Contains invisible control characters');
  }
  if (collapsed.length > max) {
    return fail(
      `Terlalu panjang: ${collapsed.length} karakter, paling banyak ${max}`,
      `Too long: ${collapsed.length} characters, at most ${max}`,
    );
  }
  return ok(collapsed);
}

/** Codes are matched case-insensitively elsewhere in Pamong, so they are stored upper case. */
export function readCode(cell: Cell): ValueResult<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const code = text.toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9._/-]{0,63}$/.test(code)) {
    return fail(
      `Kode "${truncate(text)}" tidak valid: gunakan huruf, angka, titik, garis bawah, garis miring atau ` +
        'tanda hubung, maks. 64 karakter',
      `Code "${truncate(text)}" is not valid: use letters, digits, dot, underscore, slash or hyphen, max 64 characters`,
    );
  }
  return ok(code);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Excel counts days from 1899-12-30 (keeping the Lotus 1900 leap-year bug); 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * Dates arrive as Excel date cells (a Date from exceljs, at UTC midnight), as bare Excel serial numbers when the
 * cell lost its date format, or as text in ISO or Indonesian day-first order. Month-first (US) text is not
 * accepted: 03/04/2020 means 3 April here, and guessing would silently swap days and months.
 */
export function readDate(cell: Cell): ValueResult<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('Tanggal tidak valid', 'Invalid date');
    // exceljs returns date cells at UTC midnight; a time-of-day part (13:00 from a datetime cell) is dropped.
    return ok(isoDate(cell));
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) {
      return fail(`Angka ${cell} bukan tanggal`, `The number ${cell} is not a date`);
    }
    return ok(isoDate(new Date((cell - EXCEL_EPOCH_OFFSET_DAYS) * MS_PER_DAY)));
  }
  const text = cell.trim();
  if (text === '') return ok(null);
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[2]);
    year = Number(dayFirst[3]);
  } else {
    return fail(
      `"${truncate(text)}" bukan tanggal; gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY`,
      `"${truncate(text)}" is not a date; use YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY`,
    );
  }
  if (!isValidCalendarDate(year, month, day)) {
    return fail(`Tanggal "${truncate(text)}" tidak ada di kalender`, `The date "${truncate(text)}" does not exist`);
  }
  return ok(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * NIP cells: Excel stores an 18-digit number as a double, which keeps only about 15-16 significant digits, so a
 * NIP typed into a General-format cell comes back with its last digits changed. That cannot be repaired, only
 * reported with the fix (format the column as Text and retype).
 */
export function readNipCell(cell: Cell): ValueResult<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return fail('NIP berisi tanggal, bukan angka', 'The NIP cell holds a date, not digits');
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) return fail(NIP_AS_NUMBER.id, NIP_AS_NUMBER.en);
    return ok(String(cell));
  }
  const text = cell.trim();
  if (text === '') return ok(null);
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(text)) return fail(NIP_AS_NUMBER.id, NIP_AS_NUMBER.en);
  return ok(text);
}

const NIP_AS_NUMBER: Message = {
  id: 'NIP tersimpan sebagai angka sehingga digit terakhirnya berubah; format kolom NIP sebagai Teks lalu ketik ulang',
  en: 'The NIP was stored as a number, which changes its last digits; format the NIP column as Text and retype it',
};

/**
 * Indonesian numbers: 08…, 628…, +628…, or 8… when Excel dropped the leading zero; landlines (0717…) too. The
 * national part after the country code is 8 to 12 digits (mobile 9-12, landline area code plus 5-8 digits).
 */
export function readPhone(cell: Cell): ValueResult<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const compact = text.replace(/[\s\-.()]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else if (compact.startsWith('8')) national = compact;
  else national = '';
  if (!/^[1-9]\d{7,11}$/.test(national)) {
    return fail(
      `Nomor telepon "${truncate(text)}" tidak valid; gunakan nomor Indonesia seperti 0812-3456-7890`,
      `Phone number "${truncate(text)}" is not valid; use an Indonesian number such as 0812-3456-7890`,
    );
  }
  return ok(`+62${national}`);
}

const DOMAIN_LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
/** Deliberately simple: one @, no spaces or brackets, a dot in the domain; the confirmation mail is the real test. */
const EMAIL_PATTERN = new RegExp(`^[^\\s@<>()[\\]\\\\,;:"]+@${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})+$`);

export function readEmail(cell: Cell): ValueResult<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  // exceljs hyperlink cells from some exporters keep the scheme.
  const address = text.replace(/^mailto:/i, '').toLowerCase();
  const valid = address.length <= 254 && EMAIL_PATTERN.test(address);
  if (!valid) {
    return fail(`Alamat email "${truncate(text)}" tidak valid`, `Email address "${truncate(text)}" is not valid`);
  }
  return ok(address);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Eselon II/III/IV are the pre-2014 names of JPT pratama / administrator / pengawas (UU 5/2014 art. 131). */
const JABATAN_KIND_SPELLINGS: Record<string, JabatanKind> = {
  jptpratama: 'jpt_pratama',
  jpt: 'jpt_pratama',
  jabatanpimpinantinggipratama: 'jpt_pratama',
  eselonii: 'jpt_pratama',
  eselon2: 'jpt_pratama',
  eseloniia: 'jpt_pratama',
  eseloniib: 'jpt_pratama',
  iia: 'jpt_pratama',
  iib: 'jpt_pratama',
  administrator: 'administrator',
  jabatanadministrator: 'administrator',
  eseloniii: 'administrator',
  eselon3: 'administrator',
  eseloniiia: 'administrator',
  eseloniiib: 'administrator',
  iiia: 'administrator',
  iiib: 'administrator',
  pengawas: 'pengawas',
  jabatanpengawas: 'pengawas',
  supervisor: 'pengawas',
  eseloniv: 'pengawas',
  eselon4: 'pengawas',
  eseloniva: 'pengawas',
  eselonivb: 'pengawas',
  iva: 'pengawas',
  ivb: 'pengawas',
  fungsional: 'fungsional',
  jabatanfungsional: 'fungsional',
  functional: 'fungsional',
  jft: 'fungsional',
  jf: 'fungsional',
  fungsionaltertentu: 'fungsional',
  pelaksana: 'pelaksana',
  jabatanpelaksana: 'pelaksana',
  jfu: 'pelaksana',
  fungsionalumum: 'pelaksana',
  staf: 'pelaksana',
  staff: 'pelaksana',
  executor: 'pelaksana',
};

export function readJabatanKind(cell: Cell): ValueResult<JabatanKind | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const kind = JABATAN_KIND_SPELLINGS[squash(text)];
  if (!kind) {
    return fail(
      `Jenis jabatan "${truncate(text)}" tidak dikenal; ` +
        'gunakan jpt_pratama, administrator, pengawas, fungsional atau pelaksana',
      `Unknown position type "${truncate(text)}"; use jpt_pratama, administrator, pengawas, fungsional or pelaksana`,
    );
  }
  return ok(kind);
}

const STATUS_SPELLINGS: Record<string, PegawaiStatus> = {
  pns: 'PNS',
  pegawainegerisipil: 'PNS',
  cpns: 'PNS',
  pppk: 'PPPK',
  p3k: 'PPPK',
  pegawaipemerintahdenganperjanjiankerja: 'PPPK',
  nonasn: 'NON_ASN',
  honorer: 'NON_ASN',
  tenagahonorer: 'NON_ASN',
  thl: 'NON_ASN',
  kontrak: 'NON_ASN',
};

export function readStatus(cell: Cell): ValueResult<PegawaiStatus | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const status = STATUS_SPELLINGS[squash(text)];
  if (!status) {
    return fail(
      `Status "${truncate(text)}" tidak dikenal; gunakan PNS, PPPK atau NON_ASN`,
      `Unknown status "${truncate(text)}"; use PNS, PPPK or NON_ASN`,
    );
  }
  return ok(status);
}

const ROMAN = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
];

/** 1..17 written in Roman or Arabic digits; null for anything else. */
function romanOrArabic(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = ROMAN.indexOf(text.toUpperCase());
  return index === -1 ? null : index + 1;
}

/**
 * PNS golongan ruang run I/a-I/d, II/a-II/d, III/a-III/d, IV/a-IV/e (PP 99/2000); PPPK golongan run I-XVII
 * (Perpres 98/2020). Separators and case vary ("III-a", "3A", "iv/b"); the stored form is "III/a" or "IX".
 */
export function readGolongan(cell: Cell, status: PegawaiStatus | null): ValueResult<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  if (status === 'NON_ASN') {
    return fail(
      'Non-ASN tidak memiliki golongan; kosongkan kolom ini',
      'Non-ASN staff have no golongan; leave it empty',
    );
  }
  const compact = text.replace(/[\s./-]/g, '');
  const pns = /^(IV|III|II|I|[1-4])([a-eA-E])$/i.exec(compact);
  if (status === 'PNS' || (status === null && pns)) {
    const ruang = pns ? romanOrArabic(pns[1] ?? '') : null;
    const letter = (pns?.[2] ?? '').toLowerCase();
    if (ruang === null || ruang > 4 || (letter === 'e' && ruang !== 4)) {
      return fail(
        `Golongan PNS "${truncate(text)}" tidak valid; gunakan I/a sampai IV/e`,
        `PNS golongan "${truncate(text)}" is not valid; use I/a to IV/e`,
      );
    }
    return ok(`${ROMAN[ruang - 1]}/${letter}`);
  }
  const pppk = romanOrArabic(compact);
  if (pppk === null || pppk < 1 || pppk > 17) {
    return fail(
      `Golongan PPPK "${truncate(text)}" tidak valid; gunakan I sampai XVII`,
      `PPPK golongan "${truncate(text)}" is not valid; use I to XVII`,
    );
  }
  return ok(ROMAN[pppk - 1] ?? '');
}

export function readSex(cell: Cell): ValueResult<'L' | 'P' | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const key = squash(text);
  if (['l', 'lk', 'lakilaki', 'pria', 'm', 'male', '1'].includes(key)) return ok('L');
  if (['p', 'pr', 'perempuan', 'wanita', 'f', 'female', '2'].includes(key)) return ok('P');
  return fail(
    `Jenis kelamin "${truncate(text)}" tidak dikenal; gunakan L atau P`,
    `Unknown sex "${truncate(text)}"; use L or P`,
  );
}

export function readYesNo(cell: Cell): ValueResult<boolean> {
  const text = cellText(cell);
  if (text === null) return ok(false);
  const key = squash(text);
  if (['ya', 'y', 'yes', 'true', '1', 'x', 'v'].includes(key)) return ok(true);
  if (['tidak', 'tdk', 't', 'no', 'n', 'false', '0', 'bukan'].includes(key)) return ok(false);
  return fail(`"${truncate(text)}" harus Ya atau Tidak`, `"${truncate(text)}" must be Ya (yes) or Tidak (no)`);
}

export function readInteger(cell: Cell, min: number, max: number): ValueResult<number | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  const value = Number(text);
  if (!/^-?\d+(\.0+)?$/.test(text) || !Number.isInteger(value) || value < min || value > max) {
    return fail(
      `"${truncate(text)}" harus bilangan bulat ${min} sampai ${max}`,
      `"${truncate(text)}" must be a whole number from ${min} to ${max}`,
    );
  }
  return ok(value);
}
