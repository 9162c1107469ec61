/**
 * Formatting for people: dates the Indonesian way ("22 Nov 2026"), NIP in its four groups, numbers with the
 * locale's separators. Pure functions, so they are unit-tested and usable outside React.
 */
import type { Lang } from '../i18n/translate';

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** 'YYYY-MM-DD' (a calendar date, no time zone) to "22 Nov 2026". Anything else comes back unchanged. */
export function formatDate(value: string | null | undefined, lang: Lang = 'id'): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const name = MONTHS[lang][Number(month) - 1];
  if (!name) return value;
  return `${Number(day)} ${name} ${year}`;
}

/**
 * An instant (ISO timestamp) as "22 Nov 2026 14.05" in the given time zone (the device's by default). Indonesian
 * writes the time with a dot, English with a colon.
 */
export function formatDateTime(value: string | null | undefined, lang: Lang = 'id', timeZone?: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const separator = lang === 'id' ? '.' : ':';
  return `${formatDate(`${part('year')}-${part('month')}-${part('day')}`, lang)} ${part('hour')}${separator}${part('minute')}`;
}

/** A term of office or any date range: "1 Jan 2025 – 31 Des 2026", or "sejak 1 Jan 2025" when open-ended. */
export function formatDateRange(start: string, end: string | null, lang: Lang = 'id'): string {
  if (!end) return `${lang === 'id' ? 'sejak' : 'since'} ${formatDate(start, lang)}`;
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/**
 * NIP in the groups BKN prints: birth date, appointment month, sex, sequence ("19850312 201001 1 003").
 * A value that is not 18 digits (after removing spaces) is returned as typed.
 */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

export function formatNumber(value: number | null | undefined, lang: Lang = 'id'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 }).format(value);
}

/**
 * The search box takes a name or a NIP; people paste NIPs with the group spaces. When the query is only digits
 * and spaces, the spaces are removed so the server sees the NIP as stored.
 */
export function normalizeSearchQuery(input: string): string {
  const trimmed = input.trim().replace(/\s+/g, ' ');
  if (/^[\d ]+$/.test(trimmed)) return trimmed.replace(/ /g, '');
  return trimmed;
}

/** A TOTP secret in groups of four, easier to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** A pegawai's name with academic titles: "dr. Siti Aminah, M.Kes." */
export function nameWithTitles(name: string, gelarDepan?: string | null, gelarBelakang?: string | null): string {
  const front = gelarDepan?.trim();
  const back = gelarBelakang?.trim();
  return `${front ? `${front} ` : ''}${name}${back ? `, ${back}` : ''}`;
}
