import { describe, expect, test } from 'vitest';
import { en } from './en';
import { id } from './id';
import { fill, pick, placeholdersOf, translate } from './translate';

describe('dictionaries', () => {
  test('English has exactly the keys of Indonesian', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  test('no text is empty', () => {
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  test('both languages use the same placeholders', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(id[key]));
    }
  });
});

describe('translate', () => {
  test('fills placeholders', () => {
    expect(translate('id', 'problem.row', { row: 12 })).toBe('Baris 12');
    expect(translate('en', 'problem.row', { row: 12 })).toBe('Row 12');
  });

  test('keeps an unknown placeholder visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  test('picks a localized value, falling back to Indonesian', () => {
    expect(pick('en', { id: 'Dinas', en: 'Agency' })).toBe('Agency');
    expect(pick('en', { id: 'Dinas', en: '' })).toBe('Dinas');
    expect(pick('id', null)).toBe('');
  });
});
