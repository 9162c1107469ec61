import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBudgetFile } from './parse';
import { BASE_COLUMNS } from './layout';
import { buildBudgetTemplateCsv, buildBudgetTemplateXlsx, templateHeaders } from './template';
import { parseAmount, parsePercent } from './values';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

describe('APBD import layout', () => {
  it('documents every column in docs/budget-import.md and ships the same template', () => {
    const docs = fs.readFileSync(path.join(root, 'docs/budget-import.md'), 'utf8');
    for (const column of BASE_COLUMNS) expect(docs, column.header).toContain(`| ${column.header} |`);
    for (const prefix of ['Kas', 'Fisik', 'Realisasi', 'Progres']) expect(docs).toContain(`| ${prefix} Jan … ${prefix} Des |`);
    const shipped = fs.readFileSync(path.join(root, 'docs/budget-import-template.csv'), 'utf8');
    expect(shipped).toBe(buildBudgetTemplateCsv());
  });

  it('parses its own templates without errors', async () => {
    for (const [name, buffer] of [['t.csv', Buffer.from(buildBudgetTemplateCsv())], ['t.xlsx', await buildBudgetTemplateXlsx()]] as const) {
      const parsed = await parseBudgetFile(buffer, name);
      expect(parsed.fatal).toBeNull();
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toHaveLength(1);
      expect(parsed.rows[0]).toMatchObject({ kode: '1.03.10.2.01.0001', pagu: 4_250_000_000, jenis: 'fisik' });
      expect([...parsed.present].sort()).toEqual(expect.arrayContaining(['kas', 'fisik', 'realisasi', 'progres']));
    }
    expect(templateHeaders(false)).toHaveLength(BASE_COLUMNS.length + 24);
  });

  it('reads rupiah and percentages as people type them', () => {
    expect(parseAmount('Rp 4.250.000.000')).toEqual({ ok: true, value: 4_250_000_000 });
    expect(parseAmount('4,250,000,000.50')).toEqual({ ok: true, value: 4_250_000_000.5 });
    expect(parseAmount('1.250.000,75')).toEqual({ ok: true, value: 1_250_000.75 });
    expect(parseAmount('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('abc').ok).toBe(false);
    expect(parsePercent('45,5 %')).toEqual({ ok: true, value: 45.5 });
    expect(parsePercent('120').ok).toBe(false);
  });
});
