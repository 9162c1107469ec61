/**
 * Reads a number typed the Indonesian way ("1.250.000,5") or the English way ("1,250,000.5"). Indonesian is tried
 * first, so "1.000" is one thousand; "12.5" is not a valid Indonesian grouping and reads as twelve and a half.
 * Returns null for anything else, so the form can say so instead of sending NaN.
 */
const INDONESIAN = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const ENGLISH = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export function parseTypedNumber(text: string): number | null {
  const raw = text.trim().replace(/^Rp\.?/i, '').replace(/\s/g, '');
  if (INDONESIAN.test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
  if (ENGLISH.test(raw)) return Number(raw.replace(/,/g, ''));
  return null;
}
