import { describe, expect, it } from 'vitest';
import { cleanDescription, newComplaintCode, stripHtml } from './intake';
import { parseOpen311Form } from './open311-routes';

describe('intake text rules (GeoReport v2: no HTML, at most 4,000 characters)', () => {
  it('strips tags, scripts and comments and keeps line breaks', () => {
    expect(stripHtml('<p>Jalan <b>rusak</b></p><script>alert(1)</script>\n<!-- x -->baris dua')).toBe('Jalan rusak\nbaris dua');
    expect(stripHtml('a &lt; b &amp; c')).toBe('a ‹ b & c');
    expect(stripHtml('<img src=x onerror=alert(1)>ok')).toBe('ok');
  });

  it('refuses empty and long text with the exact message', () => {
    expect(() => cleanDescription('<br>')).toThrow('The description is required.');
    expect(cleanDescription('é'.repeat(4000))).toHaveLength(4000);
    expect(() => cleanDescription('a'.repeat(4001))).toThrow('The description is too long: 4.001 characters, at most 4,000. Please shorten it.');
  });

  it('makes unambiguous tracking codes', () => {
    const codes = new Set(Array.from({ length: 1000 }, newComplaintCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^LPR-[A-HJ-NP-Z2-9]{8}$/);
  });

  it('parses attribute[CODE] and attribute[CODE][] from a form body', () => {
    const parsed = parseOpen311Form('service_code=A&attribute%5BX%5D=1&attribute[L][]=a&attribute[L][]=b&description=x+y&description=ignored');
    expect(parsed).toEqual({ fields: { service_code: 'A', description: 'x y' }, attributes: { X: '1', L: ['a', 'b'] } });
  });
});
