import { describe, expect, it } from 'vitest';
import { escapeXml, toXml } from './xml';

describe('XML serializer', () => {
  it('escapes the five special characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c'\u0001d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });

  it('writes the declaration, nested lists and empty elements', () => {
    const xml = toXml('services', { $list: 'service', items: [{ service_code: '001', metadata: true, keywords: 'a, b', description: null }, { service_code: 'x&y' }] });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<services>',
        '  <service>',
        '    <service_code>001</service_code>',
        '    <metadata>true</metadata>',
        '    <keywords>a, b</keywords>',
        '    <description/>',
        '  </service>',
        '  <service>',
        '    <service_code>x&amp;y</service_code>',
        '  </service>',
        '</services>',
        '',
      ].join('\n'),
    );
  });

  it('wraps a list held by a key and writes an empty list as an empty element', () => {
    expect(toXml('a', { values: { $list: 'value', items: [{ key: 'k', name: 'n' }] } })).toContain('<values>\n    <value>\n      <key>k</key>');
    expect(toXml('errors', { $list: 'error', items: [] })).toContain('<errors/>');
  });

  it('refuses element names that are not XML names', () => {
    expect(() => toXml('a', { 'bad name': 'x' })).toThrow();
  });

  it('keeps UTF-8 text as it is', () => {
    expect(toXml('d', 'Jalan rusak di Kelurahan Bukit Intan — “parah”')).toContain('Jalan rusak di Kelurahan Bukit Intan — “parah”');
  });
});
