import { describe, expect, it } from 'vitest';
import { formatNip, parseNip } from './nip';

const today = new Date(Date.UTC(2025, 5, 15));

function reasonOf(input: string): { id: string; en: string } {
  const result = parseNip(input, { today });
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.reason;
}

describe('parseNip', () => {
  it('reads the four parts of a valid NIP', () => {
    expect(parseNip('198503122010011003', { today })).toEqual({
      ok: true,
      nip: '198503122010011003',
      birthDate: '1985-03-12',
      appointment: '2010-01',
      sex: 'L',
      sequence: 3,
    });
  });

  it('accepts the grouped form people type and reads a female digit', () => {
    const result = parseNip(' 19900228 201503 2 145 ', { today });
    expect(result).toMatchObject({ ok: true, nip: '199002282015032145', sex: 'P', sequence: 145 });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseNip('199202292019032001', { today }).ok).toBe(true);
  });

  it('accepts an appointment in the current month', () => {
    expect(parseNip('199811102025061001', { today }).ok).toBe(true);
  });

  it('refuses anything that is not 18 digits', () => {
    expect(reasonOf('19850312201001100')).toEqual({
      id: 'NIP harus 18 digit angka (tertulis 17 karakter)',
      en: 'NIP must be 18 digits (got 17 characters)',
    });
    expect(reasonOf('19850312-201001-1-003').en).toMatch(/must be 18 digits/);
    expect(reasonOf('1985031220100110O3').id).toMatch(/18 digit angka/);
    expect(reasonOf('').en).toMatch(/must be 18 digits/);
  });

  it('refuses an impossible birth date', () => {
    expect(reasonOf('198502302010011003').en).toMatch(/birth date .* not a valid date/);
    expect(reasonOf('199302292015032001').id).toMatch(/Tanggal lahir pada NIP/);
    expect(reasonOf('198513012010011003').en).toMatch(/birth date/);
  });

  it('refuses a birth year outside 1940 to this year', () => {
    expect(reasonOf('193905052010011003').en).toMatch(/birth year in the NIP \(1939\)/);
    expect(reasonOf('202601012044011003').en).toMatch(/birth year/);
  });

  it('refuses an appointment month outside 01-12', () => {
    expect(reasonOf('198503122010131003')).toEqual({
      id: 'Bulan pengangkatan pada NIP (digit 13-14: 13) harus 01 sampai 12',
      en: 'The appointment month in the NIP (digits 13-14: 13) must be 01 to 12',
    });
    expect(reasonOf('198503122010001003').en).toMatch(/appointment month/);
  });

  it('refuses an appointment before the person could have been 17', () => {
    expect(reasonOf('198503122000011003').en).toMatch(/too close to the birth year/);
  });

  it('refuses an appointment in the future', () => {
    expect(reasonOf('199503122025071003').en).toMatch(/in the future/);
    expect(reasonOf('199503122026011003').id).toMatch(/masa depan/);
  });

  it('refuses a sex digit other than 1 or 2', () => {
    expect(reasonOf('198503122010013003')).toEqual({
      id: 'Digit jenis kelamin pada NIP (digit 15: 3) harus 1 (laki-laki) atau 2 (perempuan)',
      en: 'The sex digit in the NIP (digit 15: 3) must be 1 (male) or 2 (female)',
    });
    expect(reasonOf('198503122010010003').en).toMatch(/sex digit/);
  });

  it('refuses sequence 000', () => {
    expect(reasonOf('198503122010011000').en).toBe('The sequence number in the NIP (digits 16-18) cannot be 000');
  });

  it('uses the real clock when no date is given', () => {
    expect(parseNip('198503122010011003').ok).toBe(true);
  });
});

describe('formatNip', () => {
  it('groups the digits as BKN prints them', () => {
    expect(formatNip('198503122010011003')).toBe('19850312 201001 1 003');
    expect(formatNip('19850312 2010011003')).toBe('19850312 201001 1 003');
  });

  it('leaves anything else as it was typed', () => {
    expect(formatNip(' 12345 ')).toBe('12345');
  });
});
