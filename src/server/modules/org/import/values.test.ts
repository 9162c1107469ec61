import { describe, expect, it } from 'vitest';
import type { ValueResult } from './values';
import {
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

function value<T>(result: ValueResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.reason.en}`);
  return result.value;
}

function reason<T>(result: ValueResult<T>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${String(result.value)}`);
  return result.reason.en;
}

describe('readDate', () => {
  it('reads Excel dates, serial numbers, ISO and day-first text', () => {
    expect(value(readDate(new Date(Date.UTC(1985, 2, 12))))).toBe('1985-03-12');
    expect(value(readDate(31118))).toBe('1985-03-12');
    expect(value(readDate('1985-03-12'))).toBe('1985-03-12');
    expect(value(readDate('12-03-1985'))).toBe('1985-03-12');
    expect(value(readDate('12/3/1985'))).toBe('1985-03-12');
    expect(value(readDate(null))).toBeNull();
  });

  it('refuses impossible and month-first dates', () => {
    expect(reason(readDate('03/31/2020'))).toMatch(/does not exist/);
    expect(reason(readDate('2023-02-29'))).toMatch(/does not exist/);
    expect(reason(readDate('12 Maret 1985'))).toMatch(/not a date/);
    expect(reason(readDate(1.5))).toMatch(/not a date/);
  });
});

describe('readPhone', () => {
  it('normalises Indonesian numbers to +62', () => {
    expect(value(readPhone('0812-7123-4567'))).toBe('+6281271234567');
    expect(value(readPhone('+62 813 1234 5678'))).toBe('+6281312345678');
    expect(value(readPhone('6281312345678'))).toBe('+6281312345678');
    // Excel dropped the leading zero of a number typed into a General cell.
    expect(value(readPhone(81271234567))).toBe('+6281271234567');
    expect(value(readPhone('(0717) 421234'))).toBe('+62717421234');
  });

  it('refuses what is not an Indonesian number', () => {
    expect(reason(readPhone('12345'))).toMatch(/not valid/);
    expect(reason(readPhone('+1 415 555 0100'))).toMatch(/not valid/);
    expect(reason(readPhone('0812-abc'))).toMatch(/not valid/);
  });
});

describe('readGolongan', () => {
  it('normalises PNS golongan ruang', () => {
    expect(value(readGolongan('III/a', 'PNS'))).toBe('III/a');
    expect(value(readGolongan('iv-b', 'PNS'))).toBe('IV/b');
    expect(value(readGolongan('3 c', 'PNS'))).toBe('III/c');
    expect(value(readGolongan('IV/e', 'PNS'))).toBe('IV/e');
  });

  it('refuses PNS golongan outside I/a to IV/e', () => {
    expect(reason(readGolongan('III/e', 'PNS'))).toMatch(/I\/a to IV\/e/);
    expect(reason(readGolongan('V/a', 'PNS'))).toMatch(/I\/a to IV\/e/);
    expect(reason(readGolongan('IX', 'PNS'))).toMatch(/I\/a to IV\/e/);
  });

  it('normalises PPPK golongan I to XVII', () => {
    expect(value(readGolongan('ix', 'PPPK'))).toBe('IX');
    expect(value(readGolongan(9, 'PPPK'))).toBe('IX');
    expect(value(readGolongan('XVII', 'PPPK'))).toBe('XVII');
    expect(reason(readGolongan('XVIII', 'PPPK'))).toMatch(/I to XVII/);
    expect(reason(readGolongan('III/a', 'PPPK'))).toMatch(/I to XVII/);
  });

  it('refuses any golongan for non-ASN', () => {
    expect(reason(readGolongan('II/a', 'NON_ASN'))).toMatch(/no golongan/);
    expect(value(readGolongan(null, 'NON_ASN'))).toBeNull();
  });
});

describe('readJabatanKind and readStatus', () => {
  it('accepts the common spellings', () => {
    expect(value(readJabatanKind('JPT Pratama'))).toBe('jpt_pratama');
    expect(value(readJabatanKind('Eselon II'))).toBe('jpt_pratama');
    expect(value(readJabatanKind('eselon III.b'))).toBe('administrator');
    expect(value(readJabatanKind('Administrator'))).toBe('administrator');
    expect(value(readJabatanKind('Eselon IV'))).toBe('pengawas');
    expect(value(readJabatanKind('Pengawas'))).toBe('pengawas');
    expect(value(readJabatanKind('JFT'))).toBe('fungsional');
    expect(value(readJabatanKind('Pelaksana'))).toBe('pelaksana');
    expect(reason(readJabatanKind('Eselon V'))).toMatch(/Unknown position type/);
    expect(value(readStatus('Non ASN'))).toBe('NON_ASN');
    expect(value(readStatus('non-asn'))).toBe('NON_ASN');
    expect(value(readStatus('Honorer'))).toBe('NON_ASN');
    expect(value(readStatus('pppk'))).toBe('PPPK');
    expect(reason(readStatus('TNI'))).toMatch(/Unknown status/);
  });
});

describe('small readers', () => {
  it('reads text, refusing HTML and over-long values', () => {
    expect(value(readText('  Siti   Aisyah ', 200))).toBe('Siti Aisyah');
    expect(reason(readText('<b>Siti</b>', 200))).toMatch(/HTML is not allowed/);
    expect(reason(readText('a'.repeat(201), 200))).toMatch(/201 characters, at most 200/);
    expect(reason(readText('Siti\u0007', 200))).toMatch(/control characters/);
  });

  it('reads codes, sex, yes/no, integers, emails and NIP cells', () => {
    expect(value(readCode(' dinkes-kadis '))).toBe('DINKES-KADIS');
    expect(reason(readCode('DINKES KADIS'))).toMatch(/not valid/);
    expect(value(readSex('Perempuan'))).toBe('P');
    expect(value(readSex('l'))).toBe('L');
    expect(value(readYesNo('Ya'))).toBe(true);
    expect(value(readYesNo(null))).toBe(false);
    expect(reason(readYesNo('mungkin'))).toMatch(/must be Ya/);
    expect(value(readInteger(14, 1, 17))).toBe(14);
    expect(reason(readInteger('18', 1, 17))).toMatch(/1 to 17/);
    expect(reason(readInteger('9.5', 1, 17))).toMatch(/whole number/);
    expect(value(readEmail('Siti@Example.go.id'))).toBe('siti@example.go.id');
    expect(reason(readEmail('siti@'))).toMatch(/not valid/);
    expect(value(readNipCell(' 19850312 201001 1 003 '))).toBe('19850312 201001 1 003');
    expect(reason(readNipCell(Number('198503122010011003')))).toMatch(/stored as a number/);
    expect(reason(readNipCell('1.98503E+17'))).toMatch(/stored as a number/);
  });
});
