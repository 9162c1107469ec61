import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportKind } from './layout';
import { JABATAN_COLUMNS, PEGAWAI_COLUMNS, columnsFor, headerLookup } from './layout';
import { parseImportFile } from './parse';
import { buildTemplateCsv, buildTemplateXlsx } from './template';

const kinds: ImportKind[] = ['jabatan', 'pegawai'];

describe('buildTemplateXlsx', () => {
  it.each(kinds)('builds a %s workbook with the header, an example and the Petunjuk sheet', async (kind) => {
    const buffer = await buildTemplateXlsx(kind);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([kind === 'jabatan' ? 'Jabatan' : 'Pegawai', 'Petunjuk']);

    const data = workbook.worksheets[0];
    const headers = (data?.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(columnsFor(kind).map((column) => column.header));

    const guideCells: string[] = [];
    workbook.getWorksheet('Petunjuk')?.eachRow((row) => row.eachCell((cell) => guideCells.push(cell.text)));
    const guideText = guideCells.join('\n');
    for (const column of columnsFor(kind)) {
      expect(guideText).toContain(column.description.id.slice(0, 30));
      expect(guideText).toContain(column.description.en.slice(0, 30));
    }
  });

  it.each(kinds)('the %s template example row imports without errors', async (kind) => {
    const result = await parseImportFile(await buildTemplateXlsx(kind), `templat-${kind}.xlsx`, kind);
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('keeps the NIP column as text so Excel does not round it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await buildTemplateXlsx('pegawai')).buffer);
    const nip = workbook.getWorksheet('Pegawai')?.getCell('A2');
    expect(nip?.value).toBe('19850312 201001 2 003');
    expect(nip?.numFmt).toBe('@');
  });
});

describe('buildTemplateCsv', () => {
  it.each(kinds)('writes a BOM, semicolon-separated %s header and example that import cleanly', async (kind) => {
    const csv = buildTemplateCsv(kind);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header] = csv.slice(1).split('\r\n');
    expect(header).toBe(columnsFor(kind).map((column) => column.header).join(';'));
    const result = await parseImportFile(Buffer.from(csv, 'utf8'), `templat-${kind}.csv`, kind);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });
});

describe('layout', () => {
  it('maps every header and alias to exactly one column', () => {
    expect(headerLookup(JABATAN_COLUMNS).size).toBeGreaterThan(JABATAN_COLUMNS.length);
    expect(headerLookup(PEGAWAI_COLUMNS).size).toBeGreaterThan(PEGAWAI_COLUMNS.length);
  });

  const docs = readFileSync(new URL('../../../../../docs/import-layout.md', import.meta.url), 'utf8');

  it('is described in docs/import-layout.md, column by column', () => {
    for (const column of [...JABATAN_COLUMNS, ...PEGAWAI_COLUMNS]) {
      expect(docs, column.header).toContain(`| ${column.header} |`);
    }
  });

  it('documents examples that import cleanly', async () => {
    const examples = [...docs.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(2);
    const [jabatan = '', pegawai = ''] = examples;
    const today = new Date(Date.UTC(2025, 5, 15));
    const jabatanResult = await parseImportFile(Buffer.from(jabatan), 'contoh.csv', 'jabatan', { today });
    expect(jabatanResult.errors).toEqual([]);
    expect(jabatanResult.rows).toHaveLength(4);
    const pegawaiResult = await parseImportFile(Buffer.from(pegawai), 'contoh.csv', 'pegawai', { today });
    expect(pegawaiResult.errors).toEqual([]);
    expect(pegawaiResult.rows).toHaveLength(3);
  });
});
