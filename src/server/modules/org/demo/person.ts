/**
 * One synthetic employee: name, titles, birth date, NIP, golongan and contact details that agree with each other
 * and with the post they will hold, so screens and rules built on the demo data behave as on real data.
 */
import type { Education } from './names';
import { randomGelar, randomName } from './names';
import type { Random } from './random';

export type Level = 'jpt' | 'administrator' | 'pengawas' | 'fungsional' | 'pelaksana' | 'non_asn';
export type Status = 'PNS' | 'PPPK' | 'NON_ASN';

export interface Person {
  nip: string | null;
  name: string;
  gelar_depan: string | null;
  gelar_belakang: string | null;
  status: Status;
  golongan: string | null;
  sex: 'L' | 'P';
  birth_date: string;
  phone: string | null;
  email: string | null;
  /** TMT CPNS/PPPK as 'YYYY-MM-01', for holder start dates; not a pegawai column. */
  appointed: string | null;
}

/** The demo data describes the organisation as of this date, whatever day it is generated. */
export const DEMO_AS_OF_YEAR = 2025;
export const DEMO_LAST_DAY = '2024-12-31';

const BIRTH_YEARS: Record<Level, readonly [number, number]> = {
  jpt: [1966, 1976],
  administrator: [1967, 1982],
  pengawas: [1968, 1990],
  fungsional: [1966, 2000],
  pelaksana: [1966, 2000],
  non_asn: [1975, 2001],
};

/** Latest TMT CPNS that still leaves the service years a post of this level needs. */
const LATEST_APPOINTMENT: Record<Level, number> = {
  jpt: 2005,
  administrator: 2010,
  pengawas: 2016,
  fungsional: 2024,
  pelaksana: 2024,
  non_asn: 2024,
};

/** PNS golongan ruang in order, I/a = 0 … IV/e = 16 (PP 99/2000). */
const RUANG = [
  'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b',
  'IV/c', 'IV/d', 'IV/e',
];
/** First ruang by diploma: SMA II/a, D3 II/c, S1 III/a, S2 III/b. */
const FIRST_RUANG: Record<Education, number> = { SMA: 4, D3: 6, S1: 8, S2: 9 };

type Jenjang = 'terampil' | 'mahir' | 'penyelia' | 'pertama' | 'muda' | 'madya' | 'none';

function jenjangOf(title: string): Jenjang {
  const lower = title.toLowerCase();
  if (lower.includes('ahli madya')) return 'madya';
  if (lower.includes('ahli muda')) return 'muda';
  if (lower.includes('ahli pertama')) return 'pertama';
  if (lower.includes('penyelia')) return 'penyelia';
  if (lower.includes('mahir')) return 'mahir';
  if (lower.includes('terampil')) return 'terampil';
  return 'none';
}

/** Ruang per fungsional jenjang: terampil II/b-II/d, mahir III/a-III/b, ahli pertama III/a-III/b, and so on. */
const FUNGSIONAL_RUANG: Record<Jenjang, readonly [number, number]> = {
  terampil: [5, 7],
  mahir: [8, 9],
  penyelia: [10, 11],
  pertama: [8, 9],
  muda: [10, 11],
  madya: [12, 14],
  none: [8, 11],
};

/** The ruang range a post allows (structural minimums and the fungsional jenjang ranges). */
function ruangRange(level: Level, title: string): readonly [number, number] {
  switch (level) {
    case 'jpt':
      return title.startsWith('Sekretaris Daerah') ? [13, 15] : [12, 15];
    case 'administrator':
      return [11, 13];
    case 'pengawas':
      return [9, 12];
    case 'fungsional':
      return FUNGSIONAL_RUANG[jenjangOf(title)];
    case 'pelaksana':
    case 'non_asn':
      return [4, 11];
  }
}

/** PPPK golongan by jenjang or diploma (Perpres 98/2020 attachment). */
function pppkGolongan(level: Level, title: string, education: Education): string {
  if (level === 'fungsional') {
    const jenjang = jenjangOf(title);
    if (jenjang === 'madya') return 'XIII';
    if (jenjang === 'muda') return 'XI';
    if (jenjang === 'pertama') return education === 'S2' ? 'X' : 'IX';
    if (jenjang === 'mahir' || jenjang === 'penyelia') return 'VIII';
    if (jenjang === 'terampil') return 'VII';
  }
  return { SMA: 'V', D3: 'VII', S1: 'IX', S2: 'X' }[education];
}

function femaleChance(level: Level, title: string): number {
  const lower = title.toLowerCase();
  if (/\bbidan\b/.test(lower)) return 1;
  if (lower.includes('perawat')) return 0.75;
  if (lower.includes('guru')) return 0.72;
  if (lower.includes('pemadam') || lower.includes('polisi pamong')) return 0.12;
  return { jpt: 0.25, administrator: 0.35, pengawas: 0.45, fungsional: 0.55, pelaksana: 0.45, non_asn: 0.45 }[level];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 30);
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Indonesian mobile prefixes after +62 8 (Telkomsel, Indosat, XL, Tri, Smartfren, Axis). */
const MOBILE_PREFIXES = [
  '11', '12', '13', '21', '22', '23', '51', '52', '53', '77', '78', '17', '18', '19', '59', '31', '38', '95', '96',
  '97', '98', '99', '81', '82', '83', '88', '89',
];

/** Uniqueness state shared across all employees of one generated Pemda. */
export interface PersonRegistry {
  nips: Set<string>;
  phones: Set<string>;
  emailLocals: Map<string, number>;
}

export function newRegistry(): PersonRegistry {
  return { nips: new Set(), phones: new Set(), emailLocals: new Map() };
}

/** Reserved for documentation (RFC 2606), so no demo address can reach a real mailbox. */
const EMAIL_DOMAIN = 'pangkalpinang.example';

function emailFor(name: string, registry: PersonRegistry): string {
  const words = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/)
    .filter((word) => word.length > 1);
  const first = words[0];
  const last = words[words.length - 1];
  const base = (first && last && first !== last ? `${first}.${last}` : first) ?? 'pegawai';
  const seen = registry.emailLocals.get(base) ?? 0;
  registry.emailLocals.set(base, seen + 1);
  return `${seen === 0 ? base : `${base}${seen + 1}`}@${EMAIL_DOMAIN}`;
}

function phoneFor(random: Random, registry: PersonRegistry): string {
  for (;;) {
    const digits = random.int(7, 8);
    let rest = '';
    for (let index = 0; index < digits; index += 1) rest += String(random.int(0, 9));
    const phone = `+628${random.pick(MOBILE_PREFIXES)}${rest}`;
    if (!registry.phones.has(phone)) {
      registry.phones.add(phone);
      return phone;
    }
  }
}

export interface PersonInput {
  random: Random;
  registry: PersonRegistry;
  status: Status;
  level: Level;
  /** The post's title (or a description of the work, for non-ASN); drives titles, sex ratio and golongan. */
  title: string;
}

export function makePerson({ random, registry, status, level, title }: PersonInput): Person {
  const sex: 'L' | 'P' = random.chance(femaleChance(level, title)) ? 'P' : 'L';
  const name = randomName(random, sex);
  const gelar = randomGelar(random, title, status === 'NON_ASN' ? 'non_asn' : level);

  const [earliestBirth, latestBirth] = status === 'PPPK' ? ([1968, 2001] as const) : BIRTH_YEARS[level];
  const birthYear = random.int(earliestBirth, latestBirth);
  const birthMonth = random.int(1, 12);
  const birthDay = random.int(1, daysIn(birthYear, birthMonth));
  const birthDate = `${birthYear}-${two(birthMonth)}-${two(birthDay)}`;

  let nip: string | null = null;
  let golongan: string | null = null;
  let appointed: string | null = null;
  if (status !== 'NON_ASN') {
    // Appointed at 19 at the earliest; PPPK were first appointed from 2021 on.
    const earliest = birthYear + 19;
    const appointmentYear =
      status === 'PPPK'
        ? Math.max(earliest, random.int(2021, 2024))
        : Math.max(earliest, Math.min(birthYear + random.int(21, 29), LATEST_APPOINTMENT[level]));
    const appointmentMonth = random.int(1, 12);
    appointed = `${appointmentYear}-${two(appointmentMonth)}-01`;
    const sexDigit = sex === 'L' ? '1' : '2';
    const birth = `${birthYear}${two(birthMonth)}${two(birthDay)}`;
    const prefix = `${birth}${appointmentYear}${two(appointmentMonth)}${sexDigit}`;
    for (;;) {
      const candidate = `${prefix}${String(random.int(1, 999)).padStart(3, '0')}`;
      if (!registry.nips.has(candidate)) {
        registry.nips.add(candidate);
        nip = candidate;
        break;
      }
    }
    if (status === 'PNS') {
      // First ruang from the diploma, one step per four years after the CPNS year, kept within the post's range.
      const serviceYears = DEMO_AS_OF_YEAR - appointmentYear;
      const [lowest, highest] = ruangRange(level, title);
      const earned = FIRST_RUANG[gelar.education] + Math.floor(Math.max(0, serviceYears - 1) / 4);
      golongan = RUANG[Math.min(highest, Math.max(lowest, earned))] ?? null;
    } else {
      golongan = pppkGolongan(level, title, gelar.education);
    }
  }

  const hasPhone = random.chance(status === 'NON_ASN' ? 0.8 : 0.93);
  const hasEmail = random.chance(status === 'NON_ASN' ? 0.3 : 0.65);
  return {
    nip,
    name,
    gelar_depan: gelar.depan,
    gelar_belakang: gelar.belakang,
    status,
    golongan,
    sex,
    birth_date: birthDate,
    phone: hasPhone ? phoneFor(random, registry) : null,
    email: hasEmail ? emailFor(name, registry) : null,
    appointed,
  };
}
