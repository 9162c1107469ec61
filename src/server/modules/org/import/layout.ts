/**
 * The column layout of the position (jabatan) and employee (pegawai) import files. One definition feeds the
 * parser (header matching), the downloadable templates (header row, example, "Petunjuk" sheet) and the tests that
 * keep docs/import-layout.md in step, so the three can never disagree about a column.
 */
import type { Message } from '../nip';

export type ImportKind = 'pegawai' | 'jabatan';

export type JabatanColumnKey = 'code' | 'name' | 'kind' | 'kelasJabatan' | 'opdCode' | 'unitCode' | 'isOpdHead';

export type PegawaiColumnKey =
  | 'nip'
  | 'name'
  | 'gelarDepan'
  | 'gelarBelakang'
  | 'status'
  | 'golongan'
  | 'sex'
  | 'birthDate'
  | 'opdCode'
  | 'jabatanCode'
  | 'tmtJabatan'
  | 'phone'
  | 'email'
  | 'office';

export type ColumnKey = JabatanColumnKey | PegawaiColumnKey;

export interface ColumnDef<K extends string = ColumnKey> {
  key: K;
  /** The Indonesian header written in templates and used in error messages. */
  header: string;
  /** Other headers accepted for this column (English names, common abbreviations). */
  aliases: readonly string[];
  /** The header must be present in the file, or the whole file is refused. */
  headerRequired: boolean;
  /** Every row must have a value (conditional requirements are described, and enforced by the parser). */
  required: boolean;
  /** Store the column as text in the template so Excel does not mangle long digit strings or leading zeros. */
  text: boolean;
  description: Message;
  example: string;
}

/** Beyond this a file is refused before parsing: a kota has at most a few tens of thousands of ASN. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_DATA_ROWS = 100_000;
/** A ZIP can expand far beyond its size; this bounds what exceljs may inflate into memory. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

export const SHEET_NAMES: Record<ImportKind, string> = { jabatan: 'Jabatan', pegawai: 'Pegawai' };
export const GUIDE_SHEET_NAME = 'Petunjuk';

export const JABATAN_KINDS = ['jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export type JabatanKind = (typeof JABATAN_KINDS)[number];

export const PEGAWAI_STATUSES = ['PNS', 'PPPK', 'NON_ASN'] as const;
export type PegawaiStatus = (typeof PEGAWAI_STATUSES)[number];

export const JABATAN_COLUMNS: readonly ColumnDef<JabatanColumnKey>[] = [
  {
    key: 'code',
    header: 'Kode Jabatan',
    aliases: ['Position Code', 'Kode', 'Code'],
    headerRequired: true,
    required: true,
    text: true,
    description: {
      id:
        'Kode unik jabatan, huruf besar, angka, titik, garis bawah, garis miring atau tanda hubung (maks. 64). ' +
        'Tidak boleh sama dalam satu file.',
      en:
        'Unique position code: capitals, digits, dot, underscore, slash or hyphen (max 64). Must not repeat ' +
        'within the file.',
    },
    example: 'DINKES-KADIS',
  },
  {
    key: 'name',
    header: 'Nama Jabatan',
    aliases: ['Position Name', 'Position', 'Jabatan', 'Name'],
    headerRequired: true,
    required: true,
    text: false,
    description: {
      id: 'Nama jabatan lengkap (maks. 200 karakter, tanpa tanda < atau >).',
      en: 'Full position title (max 200 characters, no < or >).',
    },
    example: 'Kepala Dinas Kesehatan',
  },
  {
    key: 'kind',
    header: 'Jenis',
    aliases: ['Jenis Jabatan', 'Kind', 'Type', 'Position Type', 'Eselon', 'Echelon'],
    headerRequired: true,
    required: true,
    text: false,
    description: {
      id:
        'jpt_pratama, administrator, pengawas, fungsional atau pelaksana. Juga diterima: "JPT Pratama", "Eselon ' +
        'II", "Eselon III", "Eselon IV", "JFT", "JFU", "Staf".',
      en:
        'jpt_pratama, administrator, pengawas, fungsional or pelaksana. Also accepted: "JPT Pratama", "Eselon ' +
        'II", "Eselon III", "Eselon IV", "JFT", "JFU", "Staf".',
    },
    example: 'JPT Pratama',
  },
  {
    key: 'kelasJabatan',
    header: 'Kelas Jabatan',
    aliases: ['Kelas', 'Grade', 'Job Class', 'Position Class'],
    headerRequired: true,
    required: true,
    text: false,
    description: {
      id: 'Bilangan bulat 1 sampai 17.',
      en: 'Whole number from 1 to 17.',
    },
    example: '14',
  },
  {
    key: 'opdCode',
    header: 'Kode OPD',
    aliases: ['OPD Code', 'OPD', 'Kode Perangkat Daerah', 'Agency Code'],
    headerRequired: true,
    required: true,
    text: true,
    description: {
      id: 'Kode OPD yang sudah terdaftar di Pamong, misalnya DINKES.',
      en: 'Code of an OPD already registered in Pamong, e.g. DINKES.',
    },
    example: 'DINKES',
  },
  {
    key: 'unitCode',
    header: 'Kode Unit',
    aliases: ['Unit Code', 'Unit', 'Kode Unit Kerja'],
    headerRequired: false,
    required: false,
    text: true,
    description: {
      id: 'Kode unit (bidang, bagian, seksi) di dalam OPD. Kosongkan untuk jabatan di tingkat OPD.',
      en: 'Code of the unit (bidang, bagian, seksi) inside the OPD. Leave empty for OPD-level positions.',
    },
    example: '',
  },
  {
    key: 'isOpdHead',
    header: 'Kepala OPD',
    aliases: ['OPD Head', 'Head', 'Is Head', 'Kepala'],
    headerRequired: false,
    required: false,
    text: false,
    description: {
      id: 'Ya bila jabatan ini adalah kepala OPD, selain itu Tidak (kosong berarti Tidak). Paling banyak satu per OPD.',
      en: 'Ya (yes) if this position heads the OPD, otherwise Tidak (no); empty means no. At most one per OPD.',
    },
    example: 'Ya',
  },
];

export const PEGAWAI_COLUMNS: readonly ColumnDef<PegawaiColumnKey>[] = [
  {
    key: 'nip',
    header: 'NIP',
    aliases: ['NIP Baru', 'Employee Number', 'Civil Servant Number'],
    headerRequired: true,
    required: false,
    text: true,
    description: {
      id:
        'NIP 18 digit (spasi boleh). Wajib untuk PNS dan PPPK, kosong untuk Non-ASN. Tidak boleh sama dalam ' +
        'satu file. Format sel sebagai Teks agar Excel tidak membulatkannya.',
      en:
        '18-digit NIP (spaces allowed). Required for PNS and PPPK, empty for non-ASN. Must not repeat within ' +
        'the file. Format the cells as Text so Excel does not round it.',
    },
    example: '19850312 201001 2 003',
  },
  {
    key: 'name',
    header: 'Nama',
    aliases: ['Nama Lengkap', 'Name', 'Full Name'],
    headerRequired: true,
    required: true,
    text: false,
    description: {
      id: 'Nama tanpa gelar (maks. 200 karakter). Tanda < dan > ditolak.',
      en: 'Name without academic titles (max 200 characters). The characters < and > are refused.',
    },
    example: 'Siti Rahmawati',
  },
  {
    key: 'gelarDepan',
    header: 'Gelar Depan',
    aliases: ['Front Title', 'Title Before', 'Prefix Title'],
    headerRequired: false,
    required: false,
    text: false,
    description: { id: 'Gelar di depan nama, misalnya dr. atau Ir.', en: 'Title before the name, e.g. dr. or Ir.' },
    example: 'dr.',
  },
  {
    key: 'gelarBelakang',
    header: 'Gelar Belakang',
    aliases: ['Back Title', 'Title After', 'Suffix Title', 'Degree'],
    headerRequired: false,
    required: false,
    text: false,
    description: {
      id: 'Gelar di belakang nama, misalnya S.Pd. atau M.Kes.',
      en: 'Titles after the name, e.g. S.Pd. or M.Kes.',
    },
    example: 'M.Kes.',
  },
  {
    key: 'status',
    header: 'Status',
    aliases: ['Status Kepegawaian', 'Employment Status'],
    headerRequired: true,
    required: true,
    text: false,
    description: {
      id: 'PNS, PPPK atau NON_ASN. "Non ASN", "Non-ASN" dan "Honorer" dibaca sebagai NON_ASN.',
      en: 'PNS, PPPK or NON_ASN. "Non ASN", "Non-ASN" and "Honorer" are read as NON_ASN.',
    },
    example: 'PNS',
  },
  {
    key: 'golongan',
    header: 'Golongan',
    aliases: ['Golongan Ruang', 'Gol', 'Pangkat Golongan', 'Grade Rank', 'Rank'],
    headerRequired: false,
    required: false,
    text: true,
    description: {
      id: 'PNS: I/a sampai IV/e. PPPK: I sampai XVII. Non-ASN: kosong.',
      en: 'PNS: I/a to IV/e. PPPK: I to XVII. Non-ASN: empty.',
    },
    example: 'IV/b',
  },
  {
    key: 'sex',
    header: 'Jenis Kelamin',
    aliases: ['JK', 'L/P', 'Sex', 'Gender'],
    headerRequired: false,
    required: false,
    text: false,
    description: {
      id:
        'L (laki-laki) atau P (perempuan). Bila NIP diisi harus sesuai digit ke-15 NIP; bila kosong diambil ' +
        'dari NIP.',
      en: 'L (male) or P (female). With a NIP it must match its 15th digit; when empty it is taken from the NIP.',
    },
    example: 'P',
  },
  {
    key: 'birthDate',
    header: 'Tanggal Lahir',
    aliases: ['Tgl Lahir', 'Birth Date', 'Date of Birth', 'DOB'],
    headerRequired: false,
    required: false,
    text: false,
    description: {
      id:
        'Tanggal (sel tanggal Excel, YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY). Bila NIP diisi harus sama dengan ' +
        'digit 1-8 NIP; bila kosong diambil dari NIP.',
      en:
        'Date (Excel date cell, YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY). With a NIP it must match digits 1-8; ' +
        'when empty it is taken from the NIP.',
    },
    example: '1985-03-12',
  },
  {
    key: 'opdCode',
    header: 'Kode OPD',
    aliases: ['OPD Code', 'OPD', 'Kode Perangkat Daerah', 'Agency Code'],
    headerRequired: true,
    required: true,
    text: true,
    description: {
      id: 'Kode OPD tempat pegawai bekerja, sudah terdaftar di Pamong.',
      en: 'Code of the OPD the employee works in, already registered in Pamong.',
    },
    example: 'DINKES',
  },
  {
    key: 'jabatanCode',
    header: 'Kode Jabatan',
    aliases: ['Position Code', 'Jabatan Code'],
    headerRequired: false,
    required: false,
    text: true,
    description: {
      id: 'Kode jabatan yang dipangku (lihat lembar Jabatan). Satu jabatan hanya untuk satu pegawai dalam satu file.',
      en: 'Code of the position held (see the Jabatan sheet). One position, one employee within the file.',
    },
    example: 'DINKES-KADIS',
  },
  {
    key: 'tmtJabatan',
    header: 'TMT Jabatan',
    aliases: ['Tanggal Mulai Jabatan', 'Position Start Date', 'Start Date', 'TMT'],
    headerRequired: false,
    required: false,
    text: false,
    description: {
      id: 'Tanggal mulai memangku jabatan. Wajib bila Kode Jabatan diisi.',
      en: 'Date the position was taken up. Required when Kode Jabatan is given.',
    },
    example: '2023-01-02',
  },
  {
    key: 'phone',
    header: 'Telepon',
    aliases: ['No HP', 'Nomor HP', 'HP', 'Telp', 'No Telepon', 'Phone', 'Mobile', 'WhatsApp', 'WA'],
    headerRequired: false,
    required: false,
    text: true,
    description: {
      id: 'Nomor telepon Indonesia (08…, 628… atau +628…); disimpan sebagai +62….',
      en: 'Indonesian phone number (08…, 628… or +628…); stored as +62….',
    },
    example: '0812-7123-4567',
  },
  {
    key: 'email',
    header: 'Email',
    aliases: ['E-mail', 'Surel', 'Alamat Email', 'Email Address'],
    headerRequired: false,
    required: false,
    text: true,
    description: { id: 'Alamat surel yang valid.', en: 'A valid email address.' },
    example: 'siti.rahmawati@example.go.id',
  },
  {
    key: 'office',
    header: 'Kantor',
    aliases: ['Unit Kerja', 'Tempat Tugas', 'Lokasi Kerja', 'Office', 'Workplace'],
    headerRequired: false,
    required: false,
    text: false,
    description: {
      id: 'Tempat tugas bila berbeda dari kantor OPD, misalnya nama sekolah atau puskesmas.',
      en: 'Place of work when it differs from the OPD office, e.g. a school or health centre.',
    },
    example: 'Puskesmas Melintang',
  },
];

export function columnsFor(kind: 'jabatan'): readonly ColumnDef<JabatanColumnKey>[];
export function columnsFor(kind: 'pegawai'): readonly ColumnDef<PegawaiColumnKey>[];
export function columnsFor(kind: ImportKind): readonly ColumnDef[];
export function columnsFor(kind: ImportKind): readonly ColumnDef[] {
  return kind === 'jabatan' ? JABATAN_COLUMNS : PEGAWAI_COLUMNS;
}

/**
 * Header comparison ignores case, spaces, punctuation and accents, so "Kode  OPD", "kode_opd" and "KODE-OPD" all
 * match; spreadsheets in the wild are never typed the same way twice.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Normalised header → column, for every header and alias of the kind. */
export function headerLookup<K extends string>(columns: readonly ColumnDef<K>[]): Map<string, ColumnDef<K>> {
  const lookup = new Map<string, ColumnDef<K>>();
  for (const column of columns) {
    for (const name of [column.header, ...column.aliases]) {
      const normalised = normaliseHeader(name);
      const existing = lookup.get(normalised);
      if (existing && existing.key !== column.key) {
        // A programming error in this file, not a user error: fail loudly at import time.
        throw new Error(`Import layout: header "${name}" maps to both ${existing.key} and ${column.key}`);
      }
      lookup.set(normalised, column);
    }
  }
  return lookup;
}
