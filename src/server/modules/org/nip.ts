/**
 * NIP (Nomor Induk Pegawai): the 18-digit number of a PNS or PPPK, laid out as
 *   YYYYMMDD  birth date
 *   YYYYMM    appointment (TMT CPNS / TMT PPPK)
 *   S         sex, 1 = male, 2 = female
 *   NNN       sequence, 001-999
 * as issued by BKN. A NIP carries facts we can check against the rest of a record, so every import and form
 * validates it here rather than with a bare regex.
 */

export interface Message {
  id: string;
  en: string;
}

export interface ParsedNip {
  ok: true;
  nip: string;
  birthDate: string;
  appointment: string;
  sex: 'L' | 'P';
  sequence: number;
}

export interface InvalidNip {
  ok: false;
  reason: Message;
}

export type NipResult = ParsedNip | InvalidNip;

/** No serving ASN was born before this year; older dates are typing errors. */
const MIN_BIRTH_YEAR = 1940;
/**
 * Minimum age at appointment. Applicants must be at least 18 (PP 11/2017 art. 23); a year of slack keeps us from
 * rejecting a real NIP whose appointment month falls before the 18th birthday month.
 */
const MIN_AGE_AT_APPOINTMENT = 17;

export interface ParseNipOptions {
  /** "Now", for the not-in-the-future checks; tests pin it. */
  today?: Date;
}

function invalid(id: string, en: string): InvalidNip {
  return { ok: false, reason: { id, en } };
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC rolls 31 April over to 1 May; comparing back catches every impossible day including 29 Feb.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Removes the spaces people type between the NIP groups ("19850312 201001 1 003"). */
export function compactNip(input: string): string {
  return input.replace(/\s+/g, '');
}

export function parseNip(input: string, options: ParseNipOptions = {}): NipResult {
  const nip = compactNip(input);
  if (!/^\d{18}$/.test(nip)) {
    return invalid(
      `NIP harus 18 digit angka (tertulis ${nip.length} karakter)`,
      `NIP must be 18 digits (got ${nip.length} characters)`,
    );
  }
  const today = options.today ?? new Date();
  const currentYear = today.getUTCFullYear();
  const currentMonth = today.getUTCMonth() + 1;

  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (!isValidCalendarDate(birthYear, birthMonth, birthDay)) {
    return invalid(
      `Tanggal lahir pada NIP (digit 1-8: ${nip.slice(0, 8)}) bukan tanggal yang valid`,
      `The birth date in the NIP (digits 1-8: ${nip.slice(0, 8)}) is not a valid date`,
    );
  }
  if (birthYear < MIN_BIRTH_YEAR || birthYear > currentYear) {
    return invalid(
      `Tahun lahir pada NIP (${birthYear}) harus antara ${MIN_BIRTH_YEAR} dan ${currentYear}`,
      `The birth year in the NIP (${birthYear}) must be between ${MIN_BIRTH_YEAR} and ${currentYear}`,
    );
  }

  const appointmentYear = Number(nip.slice(8, 12));
  const appointmentMonth = Number(nip.slice(12, 14));
  if (appointmentMonth < 1 || appointmentMonth > 12) {
    return invalid(
      `Bulan pengangkatan pada NIP (digit 13-14: ${nip.slice(12, 14)}) harus 01 sampai 12`,
      `The appointment month in the NIP (digits 13-14: ${nip.slice(12, 14)}) must be 01 to 12`,
    );
  }
  if (appointmentYear < birthYear + MIN_AGE_AT_APPOINTMENT) {
    return invalid(
      `Tahun pengangkatan pada NIP (${appointmentYear}) terlalu dekat dengan tahun lahir (${birthYear})`,
      `The appointment year in the NIP (${appointmentYear}) is too close to the birth year (${birthYear})`,
    );
  }
  if (appointmentYear > currentYear || (appointmentYear === currentYear && appointmentMonth > currentMonth)) {
    return invalid(
      `Tanggal pengangkatan pada NIP (${appointmentYear}-${nip.slice(12, 14)}) ada di masa depan`,
      `The appointment date in the NIP (${appointmentYear}-${nip.slice(12, 14)}) is in the future`,
    );
  }

  const sexDigit = nip.charAt(14);
  if (sexDigit !== '1' && sexDigit !== '2') {
    return invalid(
      `Digit jenis kelamin pada NIP (digit 15: ${sexDigit}) harus 1 (laki-laki) atau 2 (perempuan)`,
      `The sex digit in the NIP (digit 15: ${sexDigit}) must be 1 (male) or 2 (female)`,
    );
  }

  const sequence = Number(nip.slice(15, 18));
  if (sequence === 0) {
    return invalid(
      'Nomor urut pada NIP (digit 16-18) tidak boleh 000',
      'The sequence number in the NIP (digits 16-18) cannot be 000',
    );
  }

  return {
    ok: true,
    nip,
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    sex: sexDigit === '1' ? 'L' : 'P',
    sequence,
  };
}

/**
 * Groups a NIP the way BKN prints it: '19850312 201001 1 003'. Anything that is not 18 digits is returned
 * trimmed but otherwise untouched, so a display never hides what was actually stored.
 */
export function formatNip(nip: string): string {
  const compact = compactNip(nip);
  if (!/^\d{18}$/.test(compact)) return nip.trim();
  return `${compact.slice(0, 8)} ${compact.slice(8, 14)} ${compact.charAt(14)} ${compact.slice(15, 18)}`;
}
