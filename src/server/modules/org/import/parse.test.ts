import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from './layout';
import type { ParseResult, ParsedRow, RowError } from './parse';
import { parseImportFile } from './parse';

const today = new Date(Date.UTC(2025, 5, 15));
const options = { today };

type CellInput = string | number | Date | null;

async function xlsxOf(sheets: Record<string, CellInput[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvOf(lines: string[], { bom = true }: { bom?: boolean } = {}): Buffer {
  return Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Errors as "row/column: English reason" for readable assertions. */
function errorLines(result: ParseResult<ParsedRow>): string[] {
  return result.errors.map((error: RowError) => `${error.row}/${error.column ?? '-'}: ${error.reason.en}`);
}

const PEGAWAI_HEADER =
  'NIP;Nama;Gelar Depan;Gelar Belakang;Status;Golongan;Jenis Kelamin;Tanggal Lahir;Kode OPD;Kode Jabatan;TMT Jabatan;Telepon;Email;Kantor';

describe('parseImportFile, pegawai CSV', () => {
  it('reads a semicolon CSV with a BOM, normalising every column', async () => {
    const result = await parseImportFile(
      csvOf([
        PEGAWAI_HEADER,
        '19850312 201001 1 003;Bambang  Sutrisno;;S.E., M.Si.;PNS;iv/b;L;12-03-1985;dinkes;DINKES-KADIS;02/01/2023;0812-7123-4567;Bambang@Example.go.id;',
        '199002282015032145;Siti Aisyah;dr.;;PPPK;IX;;;DINKES;;;+62 813 1234 5678;;Puskesmas Melintang',
        ';Rudi Hartono;;;Honorer;;L;1995-07-01;DLH;;;;;',
      ]),
      'pegawai.csv',
      'pegawai',
      options,
    );
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(3);
    expect(result.rows).toEqual([
      {
        row: 2,
        nip: '198503122010011003',
        name: 'Bambang Sutrisno',
        gelarDepan: null,
        gelarBelakang: 'S.E., M.Si.',
        status: 'PNS',
        golongan: 'IV/b',
        sex: 'L',
        birthDate: '1985-03-12',
        opdCode: 'DINKES',
        jabatanCode: 'DINKES-KADIS',
        tmtJabatan: '2023-01-02',
        phone: '+6281271234567',
        email: 'bambang@example.go.id',
        office: null,
      },
      {
        row: 3,
        nip: '199002282015032145',
        name: 'Siti Aisyah',
        gelarDepan: 'dr.',
        gelarBelakang: null,
        status: 'PPPK',
        golongan: 'IX',
        // Sex and birth date come from the NIP when their columns are empty.
        sex: 'P',
        birthDate: '1990-02-28',
        opdCode: 'DINKES',
        jabatanCode: null,
        tmtJabatan: null,
        phone: '+6281312345678',
        email: null,
        office: 'Puskesmas Melintang',
      },
      {
        row: 4,
        nip: null,
        name: 'Rudi Hartono',
        gelarDepan: null,
        gelarBelakang: null,
        status: 'NON_ASN',
        golongan: null,
        sex: 'L',
        birthDate: '1995-07-01',
        opdCode: 'DLH',
        jabatanCode: null,
        tmtJabatan: null,
        phone: null,
        email: null,
        office: null,
      },
    ]);
  });

  it('reads a comma CSV without BOM, English headers in any case and order, and quoted fields', async () => {
    const result = await parseImportFile(
      csvOf(['name,STATUS,opd code,nip,Birth Date', '"Hutapea, Maruli",pns,BPKAD,198503122010011003,1985-03-12'], {
        bom: false,
      }),
      'export.csv',
      'pegawai',
      options,
    );
    expect(errorLines(result)).toEqual([]);
    expect(result.rows[0]).toMatchObject({ name: 'Hutapea, Maruli', status: 'PNS', opdCode: 'BPKAD', sex: 'L' });
  });

  it('reports each bad row with its spreadsheet row number and column, keeping the good rows', async () => {
    const rows = [
      PEGAWAI_HEADER,
      /* 2 */ '198503122010011003;Good One;;;PNS;III/a;;;DISDIK;;;;;',
      /* 3 */ '19850312201001100;Short Nip;;;PNS;;;;DISDIK;;;;;',
      /* 4 */ '198503122010012004;Wrong Sex;;;PNS;;L;;DISDIK;;;;;',
      /* 5 */ '198503122010011005;Wrong Birth;;;PNS;;;13-03-1985;DISDIK;;;;;',
      /* 6 */ '198503122010011006;<script>alert(1)</script>;;;PNS;;;;DISDIK;;;;;',
      /* 7 */ `198503122010011007;${'a'.repeat(201)};;;PNS;;;;DISDIK;;;;;`,
      /* 8 */ '198503122010011008;;;;PNS;;;;DISDIK;;;;;',
      /* 9 */ '198503122010011009;Bad Status;;;TNI;;;;DISDIK;;;;;',
      /* 10 */ ';No Nip;;;PNS;;;;DISDIK;;;;;',
      /* 11 */ '198503122010011011;Honorer With Nip;;;NON_ASN;;;;DISDIK;;;;;',
      /* 12 */ '198503122010011012;Bad Golongan;;;PNS;V/a;;;DISDIK;;;;;',
      /* 13 */ ';Honorer Golongan;;;Honorer;II/a;;;DISDIK;;;;;',
      /* 14 */ '198503122010011014;No Tmt;;;PNS;;;;DISDIK;DISDIK-KADIS;;;;',
      /* 15 */ '198503122010011003;Duplicate Nip;;;PNS;;;;DISDIK;;;;;',
      /* 16 */ '198503122010011016;Bad Phone;;;PNS;;;;DISDIK;;;12345;siti@;',
      /* 17 */ '198503122010011017;Bad Date;;;PNS;;;03/31/1985;DISDIK;;;;;',
      /* 18 */ '198503122010011018;No Opd;;;PNS;;;;;;;;;',
      /* 19 */ '1.98503E+17;Scientific;;;PNS;;;;DISDIK;;;;;',
      /* 20 */ '198503122010011020;Holder;;;PNS;;;;DISDIK;DISDIK-SEK;2024-01-02;;;',
      /* 21 */ '198503122010011021;Second Holder;;;PNS;;;;DISDIK;DISDIK-SEK;2024-01-02;;;',
      /* 22 */ '198503122010011022;Tmt Without Code;;;PNS;;;;DISDIK;;2024-01-02;;;',
    ];
    const result = await parseImportFile(csvOf(rows), 'pegawai.csv', 'pegawai', options);
    expect(result.fatal).toBeUndefined();
    expect(result.totalRows).toBe(21);
    expect(result.rows.map((row) => row.row)).toEqual([2, 20]);
    expect(errorLines(result)).toEqual([
      '3/NIP: NIP must be 18 digits (got 17 characters)',
      '4/Jenis Kelamin: Sex L does not match the NIP (its 15th digit says P)',
      '5/Tanggal Lahir: Birth date 1985-03-13 does not match the NIP (1985-03-12)',
      '6/Nama: The characters < and > are not accepted (HTML is not allowed)',
      '7/Nama: Too long: 201 characters, at most 200',
      '8/Nama: Column "Nama" is required',
      '9/Status: Unknown status "TNI"; use PNS, PPPK or NON_ASN',
      '10/NIP: A NIP is required for PNS',
      '11/NIP: Non-ASN staff have no NIP; leave the NIP empty or correct the Status',
      '12/Golongan: PNS golongan "V/a" is not valid; use I/a to IV/e',
      "13/Golongan: Non-ASN staff have no golongan; leave it empty",
      '14/TMT Jabatan: TMT Jabatan (position start date) is required when Kode Jabatan is given',
      '15/NIP: NIP 198503122010011003 already appears on row 2',
      '16/Telepon: Phone number "12345" is not valid; use an Indonesian number such as 0812-3456-7890',
      '16/Email: Email address "siti@" is not valid',
      '17/Tanggal Lahir: The date "03/31/1985" does not exist',
      '18/Kode OPD: Column "Kode OPD" is required',
      '19/NIP: The NIP was stored as a number, which changes its last digits; format the NIP column as Text and retype it',
      '21/Kode Jabatan: Position DISDIK-SEK is already held by the employee on row 20; one position, one holder',
      '22/Kode Jabatan: TMT Jabatan is given but Kode Jabatan is empty',
    ]);
    expect(result.errors[0]?.reason.id).toBe('NIP harus 18 digit angka (tertulis 17 karakter)');
  });

  it('refuses a CSV whose header lacks required columns, naming them', async () => {
    const result = await parseImportFile(csvOf(['NIP;Nama Pegawai;Kode OPD', '198503122010011003;Siti;DINKES']), 'x.csv', 'pegawai');
    expect(result.fatal).toMatchObject({ code: 'IMPORT_MISSING_COLUMNS' });
    expect(result.fatal?.en).toContain('Required columns not found in the header row: Nama, Status.');
    expect(result.fatal?.id).toContain('Kolom wajib tidak ditemukan di baris judul: Nama, Status.');
    expect(result.rows).toEqual([]);
  });

  it('says so when a positions file is uploaded as employees', async () => {
    const result = await parseImportFile(
      csvOf(['Kode Jabatan;Nama Jabatan;Jenis;Kelas Jabatan;Kode OPD', 'DINKES-KADIS;Kepala Dinas;JPT Pratama;14;DINKES']),
      'jabatan.csv',
      'pegawai',
    );
    expect(result.fatal?.en).toContain('This looks like a positions (Jabatan) file.');
  });

  it('refuses a header repeated twice, a header with no data, and binary content named .csv', async () => {
    const duplicate = await parseImportFile(csvOf(['NIP;Nama;Name;Status;Kode OPD', '1;a;b;PNS;X']), 'x.csv', 'pegawai');
    expect(duplicate.fatal).toMatchObject({ code: 'IMPORT_DUPLICATE_COLUMN' });
    expect(duplicate.fatal?.en).toContain('Column "Nama" appears more than once');

    const headerOnly = await parseImportFile(csvOf([PEGAWAI_HEADER, ';;;;', '']), 'x.csv', 'pegawai');
    expect(headerOnly.fatal).toMatchObject({ code: 'IMPORT_NO_DATA' });

    const binary = await parseImportFile(Buffer.from([0x4e, 0x49, 0x50, 0x00, 0x01, 0x02]), 'x.csv', 'pegawai');
    expect(binary.fatal).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });

  it('refuses an empty file, an oversized file and unsupported types', async () => {
    expect((await parseImportFile(Buffer.alloc(0), 'x.csv', 'pegawai')).fatal).toMatchObject({ code: 'IMPORT_FILE_EMPTY' });
    const tooLarge = await parseImportFile(Buffer.alloc(MAX_FILE_BYTES + 1, 0x41), 'x.csv', 'pegawai');
    expect(tooLarge.fatal).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE' });
    expect(tooLarge.fatal?.en).toContain('the limit is 20 MB');
    const xls = await parseImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.xls', 'pegawai');
    expect(xls.fatal).toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT' });
    expect(xls.fatal?.en).toContain('.xls');
    const pdf = await parseImportFile(Buffer.from('%PDF-1.7'), 'daftar.pdf', 'pegawai');
    expect(pdf.fatal).toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT' });
  });

  it('refuses more than 100,000 data rows', async () => {
    const line = ';Nama;;;Honorer;;;;DLH;;;;;';
    const lines = [PEGAWAI_HEADER, ...Array.from({ length: MAX_DATA_ROWS + 1 }, () => line)];
    const result = await parseImportFile(csvOf(lines), 'big.csv', 'pegawai');
    expect(result.fatal).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    expect(result.fatal?.en).toContain('more than 100,000 data rows');
  });
});

describe('parseImportFile, XLSX', () => {
  it('reads a workbook built with exceljs: date cells, numbers, rich text and hyperlinks', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Petunjuk').addRow(['Baca dulu']);
    const sheet = workbook.addWorksheet('Pegawai');
    sheet.addRow(['NIP', 'Nama', 'Status', 'Golongan', 'Tanggal Lahir', 'Kode OPD', 'Kode Jabatan', 'TMT Jabatan', 'Email', 'Telepon']);
    sheet.addRow([
      '198503122010011003',
      { richText: [{ text: 'Bambang ' }, { text: 'Sutrisno', font: { bold: true } }] },
      'PNS',
      'IV/b',
      new Date(Date.UTC(1985, 2, 12)),
      'DINKES',
      'DINKES-KADIS',
      new Date(Date.UTC(2023, 0, 2)),
      { text: 'bambang@example.go.id', hyperlink: 'mailto:bambang@example.go.id' },
      81271234567,
    ]);
    // An empty row in the middle keeps the numbering of the rows below it.
    sheet.addRow([]);
    sheet.addRow(['199002282015032145', 'Siti Aisyah', 'PPPK', 9, null, 'DINKES']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const result = await parseImportFile(buffer, 'Pegawai Dinkes.XLSX', 'pegawai', options);
    expect(result.fatal).toBeUndefined();
    expect(errorLines(result)).toEqual([]);
    expect(result.totalRows).toBe(2);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      name: 'Bambang Sutrisno',
      birthDate: '1985-03-12',
      tmtJabatan: '2023-01-02',
      email: 'bambang@example.go.id',
      phone: '+6281271234567',
      golongan: 'IV/b',
    });
    expect(result.rows[1]).toMatchObject({ row: 4, name: 'Siti Aisyah', golongan: 'IX', sex: 'P' });
  });

  it('finds the header below a title row and numbers rows as Excel does', async () => {
    const buffer = await xlsxOf({
      Pegawai: [
        ['DAFTAR PEGAWAI DINAS KESEHATAN'],
        ['NIP', 'Nama', 'Status', 'Kode OPD'],
        ['198503122010011003', 'Bambang', 'PNS', 'DINKES'],
        ['198503122010011003', 'Bambang Lagi', 'PNS', 'DINKES'],
      ],
    });
    const result = await parseImportFile(buffer, 'p.xlsx', 'pegawai', options);
    expect(result.rows.map((row) => row.row)).toEqual([3]);
    expect(errorLines(result)).toEqual(['4/NIP: NIP 198503122010011003 already appears on row 3']);
  });

  it('reports a NIP that Excel stored as a number', async () => {
    // What Excel stores for an 18-digit NIP typed into a General cell: a double that cannot hold every digit.
    const buffer = await xlsxOf({ Pegawai: [['NIP', 'Nama', 'Status', 'Kode OPD'], [Number('198503122010011003'), 'Bambang', 'PNS', 'DINKES']] });
    const result = await parseImportFile(buffer, 'p.xlsx', 'pegawai', options);
    expect(errorLines(result)).toEqual([
      '2/NIP: The NIP was stored as a number, which changes its last digits; format the NIP column as Text and retype it',
    ]);
  });

  it('refuses 10 MB of random bytes named .xlsx quickly', async () => {
    const garbage = randomBytes(10 * 1024 * 1024);
    garbage[0] = 0x00; // never a ZIP by accident
    const started = performance.now();
    const result = await parseImportFile(garbage, 'pegawai.xlsx', 'pegawai');
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.fatal).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
    expect(result.fatal?.en).toContain('not a valid .xlsx');
  });

  it('refuses a file that starts like a ZIP but is not one, and a damaged workbook', async () => {
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(1024 * 1024)]);
    const started = performance.now();
    expect((await parseImportFile(fake, 'p.xlsx', 'pegawai')).fatal).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
    expect(performance.now() - started).toBeLessThan(1000);

    const real = await xlsxOf({ Pegawai: [['NIP', 'Nama', 'Status', 'Kode OPD'], ['', 'A', 'Honorer', 'DLH']] });
    const damaged = Buffer.from(real);
    damaged.fill(0x41, 200, 600);
    expect((await parseImportFile(damaged, 'p.xlsx', 'pegawai')).fatal).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });

  it('reads an .xlsx renamed to .csv as a workbook', async () => {
    const buffer = await xlsxOf({ Pegawai: [['NIP', 'Nama', 'Status', 'Kode OPD'], [null, 'Rudi', 'Honorer', 'DLH']] });
    const result = await parseImportFile(buffer, 'pegawai.csv', 'pegawai');
    expect(result.rows).toHaveLength(1);
  });
});

describe('parseImportFile, jabatan', () => {
  it('reads positions with the common spellings of jenis, and reports bad rows', async () => {
    const buffer = await xlsxOf({
      Jabatan: [
        ['Kode Jabatan', 'Nama Jabatan', 'Jenis', 'Kelas Jabatan', 'Kode OPD', 'Kode Unit', 'Kepala OPD'],
        /* 2 */ ['DINKES-KADIS', 'Kepala Dinas Kesehatan', 'Eselon II', 14, 'DINKES', null, 'Ya'],
        /* 3 */ ['DINKES-SEK', 'Sekretaris', 'Administrator', '12', 'DINKES', null, 'Tidak'],
        /* 4 */ ['DINKES-KASI-GIZI', 'Kepala Seksi Gizi', 'Eselon IV', 9, 'DINKES', 'DINKES-KESMAS', null],
        /* 5 */ ['DINKES-JF-0001', 'Epidemiolog Kesehatan Ahli Muda', 'JFT', 9, 'DINKES', null, null],
        /* 6 */ ['DINKES-SEK', 'Sekretaris (ganda)', 'Administrator', 12, 'DINKES', null, null],
        /* 7 */ ['DINKES-X', 'Kelas salah', 'Pelaksana', 18, 'DINKES', null, null],
        /* 8 */ ['DINKES-Y', 'Jenis salah', 'Eselon V', 5, 'DINKES', null, null],
        /* 9 */ ['DINKES-Z', 'Tanpa OPD', 'Pelaksana', 5, null, null, null],
        /* 10 */ ['DINKES-KEPALA2', 'Kepala kedua', 'JPT Pratama', 14, 'dinkes', null, 'ya'],
        /* 11 */ ['DINKES-<B>', '<b>Jabatan</b>', 'Pelaksana', 5, 'DINKES', null, null],
      ],
    });
    const result = await parseImportFile(buffer, 'jabatan.xlsx', 'jabatan', options);
    expect(result.fatal).toBeUndefined();
    expect(result.totalRows).toBe(10);
    expect(result.rows).toEqual([
      { row: 2, code: 'DINKES-KADIS', name: 'Kepala Dinas Kesehatan', kind: 'jpt_pratama', kelasJabatan: 14, opdCode: 'DINKES', unitCode: null, isOpdHead: true },
      { row: 3, code: 'DINKES-SEK', name: 'Sekretaris', kind: 'administrator', kelasJabatan: 12, opdCode: 'DINKES', unitCode: null, isOpdHead: false },
      { row: 4, code: 'DINKES-KASI-GIZI', name: 'Kepala Seksi Gizi', kind: 'pengawas', kelasJabatan: 9, opdCode: 'DINKES', unitCode: 'DINKES-KESMAS', isOpdHead: false },
      { row: 5, code: 'DINKES-JF-0001', name: 'Epidemiolog Kesehatan Ahli Muda', kind: 'fungsional', kelasJabatan: 9, opdCode: 'DINKES', unitCode: null, isOpdHead: false },
    ]);
    expect(errorLines(result)).toEqual([
      '6/Kode Jabatan: Position code DINKES-SEK is already used on row 3',
      '7/Kelas Jabatan: "18" must be a whole number from 1 to 17',
      '8/Jenis: Unknown position type "Eselon V"; use jpt_pratama, administrator, pengawas, fungsional or pelaksana',
      '9/Kode OPD: Column "Kode OPD" is required',
      '10/Kepala OPD: OPD DINKES already has a head on row 2; an OPD has only one head',
      '11/Kode Jabatan: Code "DINKES-<B>" is not valid: use letters, digits, dot, underscore, slash or hyphen, max 64 characters',
      '11/Nama Jabatan: The characters < and > are not accepted (HTML is not allowed)',
    ]);
  });

  it('reads a jabatan CSV with comma delimiter', async () => {
    const result = await parseImportFile(
      csvOf(['Position Code,Position Name,Type,Grade,OPD Code', 'KEC-GABEK-CAMAT,Camat Gabek,Eselon III,11,KEC-GABEK']),
      'jabatan.csv',
      'jabatan',
    );
    expect(errorLines(result)).toEqual([]);
    expect(result.rows[0]).toMatchObject({ code: 'KEC-GABEK-CAMAT', kind: 'administrator', kelasJabatan: 11, isOpdHead: false });
  });
});

describe('parseImportFile result typing', () => {
  it('narrows rows by kind', async () => {
    const result: ParseResult<ParsedRow> = await parseImportFile(csvOf([PEGAWAI_HEADER]), 'x.csv', 'pegawai');
    expect(result.fatal?.code).toBe('IMPORT_NO_DATA');
  });
});
