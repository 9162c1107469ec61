/**
 * The perangkat daerah of the demo Pemda, Kota Pangkal Pinang, named as a kota names them (PP 18/2016 as amended
 * by PP 72/2019 for the types; the bidang and seksi below are typical, not copied from its Perwali). Kecamatan
 * and kelurahan come from idn-area-data in generate.ts so their codes are the real Kemendagri codes.
 */
import type { JabatanKind } from '../import/layout';

export type OpdKind =
  | 'sekretariat'
  | 'sekretariat_dprd'
  | 'inspektorat'
  | 'dinas'
  | 'badan'
  | 'satpol_pp'
  | 'rsud'
  | 'kecamatan'
  | 'kelurahan'
  | 'uptd';

export type UnitKind = 'sekretariat' | 'asisten' | 'bagian' | 'bidang' | 'irban' | 'subbagian' | 'seksi';

export interface UnitSpec {
  name: string;
  kind: UnitKind;
  /** The head's title when it is not "Kepala <unit name>". */
  headTitle?: string;
  children?: readonly UnitSpec[];
}

/** A fungsional or pelaksana title with its kelas jabatan and relative frequency. */
export type TitleSpec = readonly [title: string, kelas: number, weight: number];

export interface OpdSpec {
  code: string;
  shortName: string;
  name: string;
  kind: OpdKind;
  /** For UPTD: the code of the dinas it belongs to. */
  parentCode?: string;
  head: { title: string; code: string; kind: JabatanKind; kelas: number };
  units: readonly UnitSpec[];
  /** Other OPD-level posts outside any unit (staf ahli, sekretaris kelurahan). */
  extraPosts?: readonly { title: string; code: string; kind: JabatanKind; kelas: number }[];
  /** Relative share of the Pemda's staff beyond structural posts. */
  weight: number;
  /** Share of PNS (beyond structural posts) in fungsional rather than pelaksana posts. */
  fungsionalShare: number;
  fungsional: readonly TitleSpec[];
  /** How strongly PPPK and non-ASN staff concentrate here (1 = average). */
  pppkBias: number;
  nonAsnBias: number;
  /** Places of work staff are spread over (schools, puskesmas). */
  offices?: readonly string[];
}

export const PELAKSANA_TITLES: readonly TitleSpec[] = [
  ['Pengadministrasi Perkantoran', 5, 4],
  ['Operator Layanan Operasional', 5, 3],
  ['Pengelola Layanan Operasional', 6, 3],
  ['Penata Layanan Operasional', 7, 3],
  ['Penelaah Teknis Kebijakan', 7, 2],
];

export const GENERIC_FUNGSIONAL: readonly TitleSpec[] = [
  ['Analis Kebijakan Ahli Pertama', 8, 2],
  ['Analis Kebijakan Ahli Muda', 9, 1],
  ['Perencana Ahli Pertama', 8, 1],
  ['Pranata Komputer Ahli Pertama', 8, 1],
  ['Pranata Komputer Terampil', 6, 1],
  ['Arsiparis Terampil', 6, 1],
  ['Analis Keuangan Pusat dan Daerah Ahli Pertama', 8, 1],
  ['Analis Sumber Daya Manusia Aparatur Ahli Pertama', 8, 1],
];

const NAKES: readonly TitleSpec[] = [
  ['Perawat Terampil', 7, 10],
  ['Perawat Ahli Pertama', 8, 6],
  ['Bidan Terampil', 7, 7],
  ['Bidan Ahli Pertama', 8, 2],
  ['Dokter Ahli Pertama', 10, 3],
  ['Dokter Gigi Ahli Pertama', 10, 1],
  ['Apoteker Ahli Pertama', 8, 1],
  ['Nutrisionis Terampil', 7, 1],
  ['Tenaga Sanitasi Lingkungan Terampil', 7, 1],
  ['Pranata Laboratorium Kesehatan Terampil', 7, 1],
  ['Penyuluh Kesehatan Masyarakat Ahli Pertama', 8, 1],
];

const SEKRETARIAT_DINAS: UnitSpec = {
  name: 'Sekretariat',
  kind: 'sekretariat',
  children: [
    { name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian' },
    { name: 'Subbagian Perencanaan dan Keuangan', kind: 'subbagian' },
  ],
};

function bidang(name: string, seksi: readonly string[]): UnitSpec {
  return {
    name: `Bidang ${name}`,
    kind: 'bidang',
    children: seksi.map((s) => ({ name: `Seksi ${s}`, kind: 'seksi' as const })),
  };
}

function bagian(name: string, subbagian: readonly string[]): UnitSpec {
  return {
    name: `Bagian ${name}`,
    kind: 'bagian',
    children: subbagian.map((s) => ({ name: `Subbagian ${s}`, kind: 'subbagian' as const })),
  };
}

function kepalaDinas(code: string, name: string): OpdSpec['head'] {
  return { title: `Kepala ${name}`, code: `${code}-KADIS`, kind: 'jpt_pratama', kelas: 14 };
}

function kepalaBadan(code: string, name: string): OpdSpec['head'] {
  return { title: `Kepala ${name}`, code: `${code}-KABAN`, kind: 'jpt_pratama', kelas: 14 };
}

interface DinasInput {
  code: string;
  shortName: string;
  name: string;
  kind?: 'dinas' | 'badan';
  bidang: readonly UnitSpec[];
  weight: number;
  fungsionalShare: number;
  fungsional?: readonly TitleSpec[];
  pppkBias?: number;
  nonAsnBias?: number;
  offices?: readonly string[];
}

/** A dinas or badan with the usual shape: a head, a sekretariat with two subbagian, and its bidang. */
function dinas(input: DinasInput): OpdSpec {
  const kind = input.kind ?? 'dinas';
  return {
    code: input.code,
    shortName: input.shortName,
    name: input.name,
    kind,
    head: kind === 'badan' ? kepalaBadan(input.code, input.name) : kepalaDinas(input.code, input.name),
    units: [SEKRETARIAT_DINAS, ...input.bidang],
    weight: input.weight,
    fungsionalShare: input.fungsionalShare,
    fungsional: [...(input.fungsional ?? []), ...GENERIC_FUNGSIONAL],
    pppkBias: input.pppkBias ?? 0.6,
    nonAsnBias: input.nonAsnBias ?? 1,
    ...(input.offices ? { offices: input.offices } : {}),
  };
}

const SD = Array.from({ length: 52 }, (_, index) => `SD Negeri ${index + 1} Pangkalpinang`);
const SMP = Array.from({ length: 10 }, (_, index) => `SMP Negeri ${index + 1} Pangkalpinang`);
const PUSKESMAS = [
  'Puskesmas Air Itam',
  'Puskesmas Gerunggang',
  'Puskesmas Girimaya',
  'Puskesmas Kacang Pedang',
  'Puskesmas Melintang',
  'Puskesmas Pangkal Balam',
  'Puskesmas Pasir Putih',
  'Puskesmas Selindung',
  'Puskesmas Taman Sari',
];

export const OPD_CATALOG: readonly OpdSpec[] = [
  {
    code: 'SETDA',
    shortName: 'Setda',
    name: 'Sekretariat Daerah',
    kind: 'sekretariat',
    head: { title: 'Sekretaris Daerah', code: 'SETDA-SEKDA', kind: 'jpt_pratama', kelas: 15 },
    units: [
      {
        name: 'Asisten Pemerintahan dan Kesejahteraan Rakyat',
        kind: 'asisten',
        headTitle: 'Asisten Pemerintahan dan Kesejahteraan Rakyat',
        children: [
          bagian('Tata Pemerintahan', ['Administrasi Pemerintahan', 'Otonomi Daerah']),
          bagian('Hukum', ['Peraturan Perundang-undangan', 'Bantuan Hukum']),
          bagian('Kesejahteraan Rakyat', ['Bina Mental Spiritual', 'Kesejahteraan Sosial']),
        ],
      },
      {
        name: 'Asisten Perekonomian dan Pembangunan',
        kind: 'asisten',
        headTitle: 'Asisten Perekonomian dan Pembangunan',
        children: [
          bagian('Perekonomian dan Sumber Daya Alam', ['Perekonomian', 'Sumber Daya Alam']),
          bagian('Administrasi Pembangunan', ['Pengendalian Program', 'Evaluasi dan Pelaporan']),
          bagian('Pengadaan Barang dan Jasa', ['Pengelolaan Pengadaan', 'Layanan Pengadaan Secara Elektronik']),
        ],
      },
      {
        name: 'Asisten Administrasi Umum',
        kind: 'asisten',
        headTitle: 'Asisten Administrasi Umum',
        children: [
          bagian('Umum', ['Tata Usaha Pimpinan', 'Rumah Tangga']),
          bagian('Organisasi', ['Kelembagaan dan Analisis Jabatan', 'Reformasi Birokrasi dan Akuntabilitas Kinerja']),
          bagian('Protokol dan Komunikasi Pimpinan', ['Protokol', 'Komunikasi Pimpinan']),
        ],
      },
    ],
    extraPosts: [
      {
        title: 'Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik',
        code: 'SETDA-SAHLI1',
        kind: 'jpt_pratama',
        kelas: 13,
      },
      {
        title: 'Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan',
        code: 'SETDA-SAHLI2',
        kind: 'jpt_pratama',
        kelas: 13,
      },
      {
        title: 'Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia',
        code: 'SETDA-SAHLI3',
        kind: 'jpt_pratama',
        kelas: 13,
      },
    ],
    weight: 4,
    fungsionalShare: 0.25,
    fungsional: [
      ['Pengelola Pengadaan Barang/Jasa Ahli Pertama', 8, 2],
      ['Analis Hukum Ahli Pertama', 8, 2],
      ['Perancang Peraturan Perundang-undangan Ahli Pertama', 8, 1],
      ['Pranata Hubungan Masyarakat Ahli Pertama', 8, 1],
      ...GENERIC_FUNGSIONAL,
    ],
    pppkBias: 0.4,
    nonAsnBias: 1.2,
  },
  {
    code: 'SETWAN',
    shortName: 'Setwan',
    name: 'Sekretariat Dewan Perwakilan Rakyat Daerah',
    kind: 'sekretariat_dprd',
    head: {
      title: 'Sekretaris Dewan Perwakilan Rakyat Daerah',
      code: 'SETWAN-SEKWAN',
      kind: 'jpt_pratama',
      kelas: 14,
    },
    units: [
      bagian('Umum dan Keuangan', ['Tata Usaha dan Kepegawaian', 'Keuangan']),
      bagian('Persidangan dan Perundang-undangan', ['Persidangan', 'Perundang-undangan']),
      bagian('Fasilitasi Penganggaran dan Pengawasan', ['Fasilitasi Penganggaran', 'Fasilitasi Pengawasan']),
    ],
    weight: 1.5,
    fungsionalShare: 0.2,
    fungsional: [
      ['Analis Hukum Ahli Pertama', 8, 1],
      ['Pranata Hubungan Masyarakat Ahli Pertama', 8, 1],
      ...GENERIC_FUNGSIONAL,
    ],
    pppkBias: 0.4,
    nonAsnBias: 1.5,
  },
  {
    code: 'INSPEKTORAT',
    shortName: 'Inspektorat',
    name: 'Inspektorat Daerah',
    kind: 'inspektorat',
    head: { title: 'Inspektur Daerah', code: 'INSPEKTORAT-INSPEKTUR', kind: 'jpt_pratama', kelas: 14 },
    units: [
      {
        name: 'Sekretariat',
        kind: 'sekretariat',
        headTitle: 'Sekretaris Inspektorat Daerah',
        children: [
          { name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian' },
          { name: 'Subbagian Perencanaan, Evaluasi dan Pelaporan', kind: 'subbagian' },
        ],
      },
      ...['I', 'II', 'III', 'IV'].map(
        (wilayah): UnitSpec => ({
          name: `Inspektur Pembantu Wilayah ${wilayah}`,
          kind: 'irban',
          headTitle: `Inspektur Pembantu Wilayah ${wilayah}`,
        }),
      ),
    ],
    weight: 1.2,
    fungsionalShare: 0.7,
    fungsional: [
      ['Auditor Ahli Pertama', 8, 4],
      ['Auditor Ahli Muda', 9, 3],
      ['Auditor Ahli Madya', 11, 1],
      ['Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama', 8, 3],
      ['Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda', 9, 2],
    ],
    pppkBias: 0.3,
    nonAsnBias: 0.5,
  },
  dinas({
    code: 'BAPPERIDA',
    shortName: 'Bapperida',
    name: 'Badan Perencanaan, Pembangunan, Riset dan Inovasi Daerah',
    kind: 'badan',
    bidang: [
      bidang('Perencanaan, Pengendalian dan Evaluasi', ['Perencanaan', 'Pengendalian dan Evaluasi']),
      bidang('Pemerintahan dan Pembangunan Manusia', ['Pemerintahan', 'Pembangunan Manusia']),
      bidang('Perekonomian, Infrastruktur dan Kewilayahan', ['Perekonomian', 'Infrastruktur dan Kewilayahan']),
      bidang('Riset dan Inovasi', ['Riset', 'Inovasi Daerah']),
    ],
    weight: 1,
    fungsionalShare: 0.5,
    fungsional: [['Perencana Ahli Pertama', 8, 4], ['Perencana Ahli Muda', 9, 3], ['Perencana Ahli Madya', 11, 1]],
  }),
  dinas({
    code: 'BPKAD',
    shortName: 'BPKAD',
    name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    kind: 'badan',
    bidang: [
      bidang('Anggaran', ['Penyusunan Anggaran', 'Pengendalian Anggaran']),
      bidang('Perbendaharaan', ['Belanja', 'Kas Daerah']),
      bidang('Akuntansi dan Pelaporan', ['Akuntansi', 'Pelaporan Keuangan']),
      bidang('Aset', ['Penatausahaan Aset', 'Pemanfaatan Aset']),
    ],
    weight: 1.5,
    fungsionalShare: 0.25,
    fungsional: [
      ['Analis Keuangan Pusat dan Daerah Ahli Pertama', 8, 4],
      ['Analis Keuangan Pusat dan Daerah Ahli Muda', 9, 2],
      ['Penata Kelola Barang Milik Negara Ahli Pertama', 8, 1],
    ],
  }),
  dinas({
    code: 'BAPENDA',
    shortName: 'Bapenda',
    name: 'Badan Pendapatan Daerah',
    kind: 'badan',
    bidang: [
      bidang('Pendataan dan Penetapan', ['Pendataan', 'Penetapan']),
      bidang('Penagihan dan Keberatan', ['Penagihan', 'Keberatan dan Pengurangan']),
      bidang('Pajak Bumi dan Bangunan dan BPHTB', ['Pelayanan PBB', 'Pelayanan BPHTB']),
    ],
    weight: 1.5,
    fungsionalShare: 0.15,
    nonAsnBias: 1.5,
  }),
  dinas({
    code: 'BKPSDM',
    shortName: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    kind: 'badan',
    bidang: [
      bidang('Pengadaan, Pemberhentian dan Informasi', [
        'Pengadaan dan Pemberhentian',
        'Data dan Informasi Kepegawaian',
      ]),
      bidang('Mutasi dan Promosi', ['Mutasi', 'Promosi dan Kepangkatan']),
      bidang('Pengembangan Kompetensi', ['Pendidikan dan Pelatihan', 'Penilaian Kinerja dan Disiplin']),
    ],
    weight: 1,
    fungsionalShare: 0.4,
    fungsional: [
      ['Analis Sumber Daya Manusia Aparatur Ahli Pertama', 8, 4],
      ['Analis Sumber Daya Manusia Aparatur Ahli Muda', 9, 2],
      ['Asesor Sumber Daya Manusia Aparatur Ahli Pertama', 8, 1],
    ],
  }),
  dinas({
    code: 'KESBANGPOL',
    shortName: 'Kesbangpol',
    name: 'Badan Kesatuan Bangsa dan Politik',
    kind: 'badan',
    bidang: [
      bidang('Ideologi, Wawasan Kebangsaan dan Karakter Bangsa', [
        'Ideologi dan Wawasan Kebangsaan',
        'Ketahanan Ekonomi, Sosial dan Budaya',
      ]),
      bidang('Politik Dalam Negeri dan Organisasi Kemasyarakatan', [
        'Politik Dalam Negeri',
        'Organisasi Kemasyarakatan',
      ]),
    ],
    weight: 0.6,
    fungsionalShare: 0.15,
  }),
  dinas({
    code: 'BPBD',
    shortName: 'BPBD',
    name: 'Badan Penanggulangan Bencana Daerah',
    kind: 'badan',
    bidang: [
      bidang('Pencegahan dan Kesiapsiagaan', ['Pencegahan', 'Kesiapsiagaan']),
      bidang('Kedaruratan dan Logistik', ['Kedaruratan', 'Logistik']),
      bidang('Rehabilitasi dan Rekonstruksi', ['Rehabilitasi', 'Rekonstruksi']),
    ],
    weight: 0.8,
    fungsionalShare: 0.15,
    nonAsnBias: 2,
  }),
  dinas({
    code: 'DISDIK',
    shortName: 'Disdik',
    name: 'Dinas Pendidikan',
    bidang: [
      bidang('Pembinaan Sekolah Dasar', [
        'Kurikulum dan Penilaian SD',
        'Peserta Didik dan Pembangunan Karakter SD',
        'Sarana dan Prasarana SD',
      ]),
      bidang('Pembinaan Sekolah Menengah Pertama', [
        'Kurikulum dan Penilaian SMP',
        'Peserta Didik dan Pembangunan Karakter SMP',
        'Sarana dan Prasarana SMP',
      ]),
      bidang('Pendidikan Anak Usia Dini dan Pendidikan Nonformal', [
        'Kurikulum PAUD dan PNF',
        'Kelembagaan dan Sarana PAUD dan PNF',
      ]),
      bidang('Pendidik dan Tenaga Kependidikan', [
        'Pendidik dan Tenaga Kependidikan SD',
        'Pendidik dan Tenaga Kependidikan SMP',
      ]),
    ],
    weight: 30,
    fungsionalShare: 0.93,
    fungsional: [
      ['Guru Ahli Pertama', 8, 40],
      ['Guru Ahli Muda', 9, 30],
      ['Guru Ahli Madya', 11, 8],
      ['Pengawas Sekolah Ahli Madya', 11, 1],
      ['Penilik Ahli Muda', 9, 0.5],
    ],
    pppkBias: 4,
    nonAsnBias: 0.8,
    offices: [...SD, ...SD, ...SD, ...SMP, ...SMP],
  }),
  dinas({
    code: 'DINKES',
    shortName: 'Dinkes',
    name: 'Dinas Kesehatan',
    bidang: [
      bidang('Kesehatan Masyarakat', [
        'Kesehatan Keluarga dan Gizi',
        'Promosi dan Pemberdayaan Masyarakat',
        'Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga',
      ]),
      bidang('Pencegahan dan Pengendalian Penyakit', [
        'Surveilans dan Imunisasi',
        'Pencegahan dan Pengendalian Penyakit Menular',
        'Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa',
      ]),
      bidang('Pelayanan dan Sumber Daya Kesehatan', [
        'Pelayanan Kesehatan Primer dan Rujukan',
        'Kefarmasian dan Alat Kesehatan',
        'Sumber Daya Manusia Kesehatan',
      ]),
    ],
    weight: 6,
    fungsionalShare: 0.7,
    fungsional: [...NAKES, ['Epidemiolog Kesehatan Ahli Muda', 9, 1], ['Administrator Kesehatan Ahli Pertama', 8, 1]],
    pppkBias: 3,
    offices: PUSKESMAS,
  }),
  {
    code: 'UPTD-PKM-TAMANSARI',
    shortName: 'Puskesmas Taman Sari',
    name: 'UPTD Puskesmas Taman Sari',
    kind: 'uptd',
    parentCode: 'DINKES',
    head: { title: 'Kepala UPTD Puskesmas Taman Sari', code: 'UPTD-PKM-TAMANSARI-KA', kind: 'pengawas', kelas: 9 },
    units: [{ name: 'Subbagian Tata Usaha', kind: 'subbagian' }],
    weight: 1.6,
    fungsionalShare: 0.85,
    fungsional: NAKES,
    pppkBias: 3,
    nonAsnBias: 1,
  },
  {
    code: 'UPTD-PKM-MELINTANG',
    shortName: 'Puskesmas Melintang',
    name: 'UPTD Puskesmas Melintang',
    kind: 'uptd',
    parentCode: 'DINKES',
    head: { title: 'Kepala UPTD Puskesmas Melintang', code: 'UPTD-PKM-MELINTANG-KA', kind: 'pengawas', kelas: 9 },
    units: [{ name: 'Subbagian Tata Usaha', kind: 'subbagian' }],
    weight: 1.6,
    fungsionalShare: 0.85,
    fungsional: NAKES,
    pppkBias: 3,
    nonAsnBias: 1,
  },
  {
    code: 'UPTD-PKM-PANGKALBALAM',
    shortName: 'Puskesmas Pangkal Balam',
    name: 'UPTD Puskesmas Pangkal Balam',
    kind: 'uptd',
    parentCode: 'DINKES',
    head: {
      title: 'Kepala UPTD Puskesmas Pangkal Balam',
      code: 'UPTD-PKM-PANGKALBALAM-KA',
      kind: 'pengawas',
      kelas: 9,
    },
    units: [{ name: 'Subbagian Tata Usaha', kind: 'subbagian' }],
    weight: 1.6,
    fungsionalShare: 0.85,
    fungsional: NAKES,
    pppkBias: 3,
    nonAsnBias: 1,
  },
  {
    code: 'RSUD',
    shortName: 'RSUD Depati Hamzah',
    name: 'Rumah Sakit Umum Daerah Depati Hamzah',
    kind: 'rsud',
    head: { title: 'Direktur RSUD Depati Hamzah', code: 'RSUD-DIREKTUR', kind: 'jpt_pratama', kelas: 14 },
    units: [
      bagian('Tata Usaha', ['Umum dan Kepegawaian', 'Perencanaan dan Keuangan']),
      bidang('Pelayanan Medis', ['Pelayanan Medis', 'Penunjang Medis']),
      bidang('Keperawatan', ['Asuhan Keperawatan', 'Etika dan Mutu Keperawatan']),
      bidang('Penunjang dan Sarana', ['Penunjang Nonmedis', 'Sarana dan Prasarana']),
    ],
    weight: 9,
    fungsionalShare: 0.78,
    fungsional: [
      ['Dokter Ahli Muda', 11, 3],
      ['Dokter Ahli Pertama', 10, 3],
      ['Perawat Terampil', 7, 14],
      ['Perawat Ahli Pertama', 8, 8],
      ['Perawat Ahli Muda', 9, 3],
      ['Bidan Terampil', 7, 3],
      ['Apoteker Ahli Pertama', 8, 1],
      ['Pranata Laboratorium Kesehatan Terampil', 7, 2],
      ['Radiografer Terampil', 7, 1],
      ['Nutrisionis Terampil', 7, 1],
      ['Perekam Medis Terampil', 7, 2],
      ['Fisioterapis Terampil', 7, 1],
    ],
    pppkBias: 3,
    nonAsnBias: 1.5,
  },
  dinas({
    code: 'DPUPR',
    shortName: 'Dinas PUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    bidang: [
      bidang('Bina Marga', ['Pembangunan Jalan dan Jembatan', 'Pemeliharaan Jalan dan Jembatan']),
      bidang('Sumber Daya Air', ['Drainase', 'Pengendalian Banjir']),
      bidang('Cipta Karya', ['Air Minum dan Sanitasi', 'Bangunan Gedung']),
      bidang('Penataan Ruang', ['Perencanaan Tata Ruang', 'Pengendalian Pemanfaatan Ruang']),
      bidang('Jasa Konstruksi', ['Pembinaan Jasa Konstruksi', 'Pengawasan Jasa Konstruksi']),
    ],
    weight: 2.5,
    fungsionalShare: 0.3,
    fungsional: [
      ['Teknik Jalan dan Jembatan Ahli Pertama', 8, 3],
      ['Teknik Pengairan Ahli Pertama', 8, 2],
      ['Penata Ruang Ahli Pertama', 8, 2],
      ['Pembina Jasa Konstruksi Ahli Pertama', 8, 1],
      ['Teknik Tata Bangunan dan Perumahan Ahli Pertama', 8, 2],
    ],
    nonAsnBias: 2,
  }),
  dinas({
    code: 'DISPERKIM',
    shortName: 'Disperkim',
    name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman',
    bidang: [
      bidang('Perumahan', ['Penyediaan Perumahan', 'Rumah Tidak Layak Huni']),
      bidang('Kawasan Permukiman', ['Permukiman Kumuh', 'Prasarana, Sarana dan Utilitas']),
      bidang('Pertamanan dan Pemakaman', ['Pertamanan', 'Pemakaman']),
    ],
    weight: 1.2,
    fungsionalShare: 0.2,
    fungsional: [['Teknik Tata Bangunan dan Perumahan Ahli Pertama', 8, 2]],
    nonAsnBias: 2.5,
  }),
  {
    code: 'SATPOLPP',
    shortName: 'Satpol PP',
    name: 'Satuan Polisi Pamong Praja',
    kind: 'satpol_pp',
    head: { title: 'Kepala Satuan Polisi Pamong Praja', code: 'SATPOLPP-KASAT', kind: 'jpt_pratama', kelas: 14 },
    units: [
      SEKRETARIAT_DINAS,
      bidang('Penegakan Peraturan Daerah', ['Penyelidikan dan Penyidikan', 'Pembinaan dan Penyuluhan']),
      bidang('Ketertiban Umum dan Ketenteraman Masyarakat', ['Operasi dan Pengendalian', 'Kerja Sama']),
      bidang('Perlindungan Masyarakat', ['Satuan Perlindungan Masyarakat', 'Bina Potensi Masyarakat']),
    ],
    weight: 2.5,
    fungsionalShare: 0.45,
    fungsional: [
      ['Polisi Pamong Praja Terampil', 6, 6],
      ['Polisi Pamong Praja Mahir', 7, 2],
      ['Polisi Pamong Praja Ahli Pertama', 8, 2],
    ],
    pppkBias: 0.5,
    nonAsnBias: 3,
  },
  dinas({
    code: 'DINSOS',
    shortName: 'Dinsos',
    name: 'Dinas Sosial',
    bidang: [
      bidang('Rehabilitasi Sosial', [
        'Rehabilitasi Sosial Anak dan Lanjut Usia',
        'Rehabilitasi Sosial Penyandang Disabilitas',
      ]),
      bidang('Perlindungan dan Jaminan Sosial', ['Perlindungan Sosial Korban Bencana', 'Jaminan Sosial Keluarga']),
      bidang('Pemberdayaan Sosial dan Penanganan Fakir Miskin', ['Pemberdayaan Sosial', 'Penanganan Fakir Miskin']),
    ],
    weight: 1,
    fungsionalShare: 0.3,
    fungsional: [['Pekerja Sosial Ahli Pertama', 8, 3], ['Penyuluh Sosial Ahli Pertama', 8, 1]],
  }),
  dinas({
    code: 'DISNAKER',
    shortName: 'Disnaker',
    name: 'Dinas Tenaga Kerja',
    bidang: [
      bidang('Pelatihan dan Penempatan Tenaga Kerja', [
        'Pelatihan dan Produktivitas',
        'Penempatan dan Perluasan Kesempatan Kerja',
      ]),
      bidang('Hubungan Industrial dan Jaminan Sosial', ['Hubungan Industrial', 'Jaminan Sosial Tenaga Kerja']),
    ],
    weight: 0.7,
    fungsionalShare: 0.3,
    fungsional: [['Pengantar Kerja Ahli Pertama', 8, 2], ['Mediator Hubungan Industrial Ahli Pertama', 8, 2]],
  }),
  dinas({
    code: 'DP3ACSKB',
    shortName: 'DP3ACSKB',
    name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    bidang: [
      bidang('Pemberdayaan Perempuan dan Perlindungan Anak', [
        'Pemberdayaan Perempuan',
        'Perlindungan Perempuan dan Anak',
      ]),
      bidang('Pengendalian Penduduk', ['Pengendalian Penduduk dan Informasi Keluarga', 'Advokasi dan Penggerakan']),
      bidang('Keluarga Berencana dan Ketahanan Keluarga', [
        'Keluarga Berencana',
        'Ketahanan dan Kesejahteraan Keluarga',
      ]),
    ],
    weight: 1.2,
    fungsionalShare: 0.4,
    fungsional: [['Penyuluh Keluarga Berencana Ahli Pertama', 8, 4], ['Penyuluh Keluarga Berencana Ahli Muda', 9, 2]],
  }),
  dinas({
    code: 'DKPP',
    shortName: 'DKPP',
    name: 'Dinas Ketahanan Pangan dan Pertanian',
    bidang: [
      bidang('Ketahanan Pangan', ['Ketersediaan dan Distribusi Pangan', 'Konsumsi dan Keamanan Pangan']),
      bidang('Pertanian', ['Tanaman Pangan dan Hortikultura', 'Penyuluhan Pertanian']),
      bidang('Peternakan dan Kesehatan Hewan', ['Peternakan', 'Kesehatan Hewan dan Kesehatan Masyarakat Veteriner']),
    ],
    weight: 1.5,
    fungsionalShare: 0.4,
    fungsional: [
      ['Penyuluh Pertanian Ahli Pertama', 8, 4],
      ['Penyuluh Pertanian Terampil', 6, 2],
      ['Pengendali Organisme Pengganggu Tumbuhan Terampil', 6, 1],
      ['Medik Veteriner Ahli Pertama', 8, 1],
      ['Analis Ketahanan Pangan Ahli Pertama', 8, 1],
    ],
  }),
  dinas({
    code: 'DISKAN',
    shortName: 'Diskan',
    name: 'Dinas Perikanan',
    bidang: [
      bidang('Perikanan Tangkap', ['Sarana dan Prasarana Perikanan Tangkap', 'Pemberdayaan Nelayan']),
      bidang('Perikanan Budidaya dan Pengolahan', ['Perikanan Budidaya', 'Pengolahan dan Pemasaran Hasil Perikanan']),
    ],
    weight: 0.8,
    fungsionalShare: 0.35,
    fungsional: [['Penyuluh Perikanan Ahli Pertama', 8, 3]],
  }),
  dinas({
    code: 'DLH',
    shortName: 'DLH',
    name: 'Dinas Lingkungan Hidup',
    bidang: [
      bidang('Tata Lingkungan', ['Perencanaan dan Kajian Dampak Lingkungan', 'Pemeliharaan Lingkungan Hidup']),
      bidang('Pengelolaan Sampah dan Limbah B3', ['Pengurangan Sampah', 'Penanganan Sampah dan Limbah B3']),
      bidang('Pengendalian Pencemaran dan Penataan Hukum', [
        'Pengendalian Pencemaran',
        'Pengaduan dan Penegakan Hukum Lingkungan',
      ]),
    ],
    weight: 3,
    fungsionalShare: 0.15,
    fungsional: [
      ['Pengawas Lingkungan Hidup Ahli Pertama', 8, 2],
      ['Pengendali Dampak Lingkungan Ahli Pertama', 8, 2],
    ],
    nonAsnBias: 5,
  }),
  {
    code: 'UPTD-TPA',
    shortName: 'UPTD TPA',
    name: 'UPTD Tempat Pemrosesan Akhir Sampah',
    kind: 'uptd',
    parentCode: 'DLH',
    head: { title: 'Kepala UPTD Tempat Pemrosesan Akhir Sampah', code: 'UPTD-TPA-KA', kind: 'pengawas', kelas: 9 },
    units: [{ name: 'Subbagian Tata Usaha', kind: 'subbagian' }],
    weight: 1.5,
    fungsionalShare: 0.05,
    fungsional: [['Pengendali Dampak Lingkungan Ahli Pertama', 8, 1]],
    pppkBias: 0.3,
    nonAsnBias: 6,
  },
  dinas({
    code: 'DISDUKCAPIL',
    shortName: 'Disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    bidang: [
      bidang('Pelayanan Pendaftaran Penduduk', ['Identitas Penduduk', 'Pindah Datang Penduduk']),
      bidang('Pelayanan Pencatatan Sipil', [
        'Kelahiran dan Kematian',
        'Perkawinan, Perceraian dan Perubahan Status Anak',
      ]),
      bidang('Pengelolaan Informasi Administrasi Kependudukan', [
        'Sistem Informasi Administrasi Kependudukan',
        'Pemanfaatan Data dan Inovasi Pelayanan',
      ]),
    ],
    weight: 1.2,
    fungsionalShare: 0.25,
    fungsional: [['Administrator Database Kependudukan Ahli Pertama', 8, 3]],
    nonAsnBias: 1.5,
  }),
  dinas({
    code: 'DISHUB',
    shortName: 'Dishub',
    name: 'Dinas Perhubungan',
    bidang: [
      bidang('Lalu Lintas', ['Manajemen dan Rekayasa Lalu Lintas', 'Pengendalian dan Operasional']),
      bidang('Angkutan', ['Angkutan Orang', 'Angkutan Barang']),
      bidang('Sarana dan Prasarana', ['Perparkiran', 'Pengujian Kendaraan Bermotor']),
    ],
    weight: 2,
    fungsionalShare: 0.2,
    fungsional: [['Penguji Kendaraan Bermotor Terampil', 6, 3], ['Penguji Kendaraan Bermotor Mahir', 7, 1]],
    nonAsnBias: 3,
  }),
  dinas({
    code: 'DISKOMINFO',
    shortName: 'Diskominfo',
    name: 'Dinas Komunikasi dan Informatika',
    bidang: [
      bidang('Informasi dan Komunikasi Publik', ['Pengelolaan Informasi Publik', 'Komunikasi Publik']),
      bidang('Aplikasi Informatika', [
        'Layanan Sistem Pemerintahan Berbasis Elektronik',
        'Infrastruktur dan Teknologi Informasi',
      ]),
      bidang('Statistik dan Persandian', ['Statistik Sektoral', 'Persandian dan Keamanan Informasi']),
    ],
    weight: 0.9,
    fungsionalShare: 0.45,
    fungsional: [
      ['Pranata Komputer Ahli Pertama', 8, 3],
      ['Pranata Komputer Ahli Muda', 9, 1],
      ['Pranata Hubungan Masyarakat Ahli Pertama', 8, 2],
      ['Statistisi Ahli Pertama', 8, 1],
      ['Sandiman Ahli Pertama', 8, 1],
    ],
  }),
  dinas({
    code: 'DKUMP',
    shortName: 'DKUMP',
    name: 'Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan',
    bidang: [
      bidang('Koperasi dan Usaha Mikro', ['Kelembagaan dan Pengawasan Koperasi', 'Pemberdayaan Usaha Mikro']),
      bidang('Perindustrian', ['Industri Agro dan Kimia', 'Industri Logam, Mesin dan Aneka']),
      bidang('Perdagangan', ['Distribusi dan Stabilisasi Harga', 'Metrologi Legal dan Perlindungan Konsumen']),
    ],
    weight: 1.2,
    fungsionalShare: 0.25,
    fungsional: [
      ['Pengawas Koperasi Ahli Pertama', 8, 1],
      ['Penera Terampil', 6, 2],
      ['Pengawas Perdagangan Ahli Pertama', 8, 1],
    ],
  }),
  {
    code: 'UPTD-PASAR',
    shortName: 'UPTD Pasar',
    name: 'UPTD Pengelolaan Pasar',
    kind: 'uptd',
    parentCode: 'DKUMP',
    head: { title: 'Kepala UPTD Pengelolaan Pasar', code: 'UPTD-PASAR-KA', kind: 'pengawas', kelas: 9 },
    units: [{ name: 'Subbagian Tata Usaha', kind: 'subbagian' }],
    weight: 1,
    fungsionalShare: 0.05,
    fungsional: GENERIC_FUNGSIONAL,
    pppkBias: 0.3,
    nonAsnBias: 5,
  },
  dinas({
    code: 'DPMPTSP',
    shortName: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    bidang: [
      bidang('Penanaman Modal', ['Promosi Penanaman Modal', 'Pengendalian Penanaman Modal']),
      bidang('Pelayanan Perizinan', ['Perizinan Usaha', 'Perizinan Nonusaha']),
      bidang('Pengaduan, Kebijakan dan Pelaporan Layanan', ['Pengaduan dan Informasi', 'Kebijakan dan Pelaporan']),
    ],
    weight: 0.8,
    fungsionalShare: 0.15,
  }),
  dinas({
    code: 'DISPORA',
    shortName: 'Dispora',
    name: 'Dinas Pemuda dan Olahraga',
    bidang: [
      bidang('Kepemudaan', ['Pemberdayaan Pemuda', 'Pengembangan Kepemudaan']),
      bidang('Keolahragaan', ['Pembudayaan Olahraga', 'Peningkatan Prestasi Olahraga']),
    ],
    weight: 0.7,
    fungsionalShare: 0.1,
  }),
  dinas({
    code: 'DISPAR',
    shortName: 'Dispar',
    name: 'Dinas Pariwisata',
    bidang: [
      bidang('Destinasi Pariwisata', ['Pengembangan Destinasi', 'Sumber Daya Pariwisata']),
      bidang('Pemasaran Pariwisata dan Ekonomi Kreatif', ['Pemasaran Pariwisata', 'Ekonomi Kreatif']),
      bidang('Kebudayaan', ['Cagar Budaya dan Permuseuman', 'Kesenian dan Tradisi']),
    ],
    weight: 0.7,
    fungsionalShare: 0.25,
    fungsional: [
      ['Pamong Budaya Ahli Pertama', 8, 2],
      ['Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama', 8, 2],
    ],
  }),
  dinas({
    code: 'DISPUSIP',
    shortName: 'Dispusip',
    name: 'Dinas Perpustakaan dan Kearsipan',
    bidang: [
      bidang('Perpustakaan', ['Layanan dan Pelestarian Bahan Pustaka', 'Pembinaan Perpustakaan']),
      bidang('Kearsipan', ['Pengelolaan Arsip', 'Pembinaan Kearsipan']),
    ],
    weight: 0.8,
    fungsionalShare: 0.5,
    fungsional: [
      ['Pustakawan Terampil', 6, 3],
      ['Pustakawan Ahli Pertama', 8, 2],
      ['Arsiparis Ahli Pertama', 8, 2],
      ['Arsiparis Terampil', 6, 2],
    ],
  }),
  dinas({
    code: 'DAMKAR',
    shortName: 'Damkar',
    name: 'Dinas Pemadam Kebakaran',
    bidang: [
      bidang('Pencegahan dan Penyuluhan', ['Pencegahan Kebakaran', 'Penyuluhan dan Pemberdayaan Masyarakat']),
      bidang('Pemadaman dan Penyelamatan', ['Operasi Pemadaman', 'Penyelamatan dan Sarana']),
    ],
    weight: 1.5,
    fungsionalShare: 0.5,
    fungsional: [
      ['Pemadam Kebakaran Terampil', 6, 6],
      ['Pemadam Kebakaran Mahir', 7, 2],
      ['Analis Kebakaran Ahli Pertama', 8, 1],
    ],
    nonAsnBias: 2.5,
  }),
];

/** Kecamatan offices share one shape (PP 17/2018 on kecamatan): a sekretariat and five seksi. */
export const KECAMATAN_UNITS: readonly UnitSpec[] = [
  {
    name: 'Sekretariat',
    kind: 'sekretariat',
    children: [
      { name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian' },
      { name: 'Subbagian Perencanaan dan Keuangan', kind: 'subbagian' },
    ],
  },
  { name: 'Seksi Pemerintahan', kind: 'seksi' },
  { name: 'Seksi Ketenteraman dan Ketertiban Umum', kind: 'seksi' },
  { name: 'Seksi Pemberdayaan Masyarakat dan Kelurahan', kind: 'seksi' },
  { name: 'Seksi Kesejahteraan Sosial', kind: 'seksi' },
  { name: 'Seksi Pelayanan Umum', kind: 'seksi' },
];

export const KECAMATAN_FUNGSIONAL: readonly TitleSpec[] = [
  ['Penggerak Swadaya Masyarakat Ahli Pertama', 8, 2],
  ['Analis Kebijakan Ahli Pertama', 8, 1],
  ['Pranata Komputer Terampil', 6, 1],
];

export const KELURAHAN_UNITS: readonly UnitSpec[] = [
  { name: 'Seksi Pemerintahan', kind: 'seksi' },
  { name: 'Seksi Ketenteraman dan Ketertiban', kind: 'seksi' },
  { name: 'Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial', kind: 'seksi' },
];
