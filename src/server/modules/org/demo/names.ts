/**
 * Name pools for synthetic employees of a Bangka Belitung kota: Bangka Malay names most often, then Javanese,
 * Chinese-Indonesian (Bangka's large Hakka community), Batak, Bugis and Palembang/Minang names, roughly as a
 * reader of a Pangkalpinang staff list would meet them. Every combination is synthetic.
 */
import type { Random } from './random';

type Sex = 'L' | 'P';

interface Pool {
  weight: number;
  first: Record<Sex, readonly string[]>;
  last: Record<Sex, readonly string[]>;
  /** Probability that a second name is added. */
  lastChance: number;
  /** Probability of the Bugis nobility title "Andi" used as a name part. */
  andiChance?: number;
}

const POOLS: readonly Pool[] = [
  {
    // Bangka Malay
    weight: 38,
    first: {
      L: [
        'Ahmad', 'Muhammad', 'Rizal', 'Hendra', 'Syahrial', 'Zulkarnain', 'Rusli', 'Fadli', 'Irwan', 'Firmansyah',
        'Rudi', 'Syamsul', 'Yusuf', 'Hamdan', 'Zainal', 'Junaidi', 'Azhari', 'Fahrizal', 'Saparudin', 'Hermansyah',
        'Arif', 'Dedi', 'Jamaludin', 'Rahmat', 'Ikhsan', 'Fikri', 'Reza', 'Aldi', 'Rizky', 'Taufik', 'Erwin',
        'Hasan', 'Ismail', 'Marzuki', 'Amran', 'Darmawan', 'Alamsyah', 'Sofyan', 'Abdullah', 'Zulfikar',
      ],
      P: [
        'Siti', 'Nurhayati', 'Rosmala', 'Fitriani', 'Yuliana', 'Rahmawati', 'Aisyah', 'Nurul', 'Rina', 'Desi',
        'Novita', 'Marlina', 'Zuraida', 'Fatimah', 'Maimunah', 'Hasnah', 'Juliana', 'Rosita', 'Erna', 'Mardiana',
        'Nurlela', 'Yanti', 'Dewi', 'Suryani', 'Indah', 'Putri', 'Anisa', 'Melati', 'Rika', 'Mega', 'Zahara',
        'Hafizah',
      ],
    },
    last: {
      L: [
        'Saputra', 'Pratama', 'Syahputra', 'Ramadhan', 'Kurniawan', 'Hidayat', 'Firdaus', 'Hakim', 'Rahman', 'Fauzi',
        'Setiawan', 'Irawan', 'Saleh', 'Bakar', 'Hamid', 'Amin', 'Aziz', 'Effendi', 'Yusuf', 'Hasibuan',
      ],
      P: [
        'Sari', 'Anggraini', 'Puspita', 'Permata', 'Handayani', 'Utami', 'Safitri', 'Oktaviani', 'Rahmadani',
        'Lestari', 'Kurniasih', 'Maharani', 'Amelia', 'Febriani', 'Wulandari', 'Ramadhani',
      ],
    },
    lastChance: 0.7,
  },
  {
    // Javanese
    weight: 22,
    first: {
      L: [
        'Bambang', 'Joko', 'Sutrisno', 'Budi', 'Agus', 'Slamet', 'Eko', 'Wahyu', 'Dwi', 'Tri', 'Hadi', 'Sugeng',
        'Heru', 'Teguh', 'Wawan', 'Yudi', 'Suparno', 'Sukirman', 'Gatot', 'Supriyadi', 'Haryanto', 'Sumarno', 'Bayu',
        'Yoga', 'Adi',
      ],
      P: [
        'Sri', 'Endang', 'Retno', 'Sulastri', 'Ningsih', 'Kartini', 'Tri', 'Dwi', 'Wulan', 'Ratna', 'Yuni', 'Rini',
        'Sumiati', 'Suwarni', 'Widya', 'Ayu', 'Dyah', 'Nining',
      ],
    },
    last: {
      L: [
        'Santoso', 'Wibowo', 'Purnomo', 'Nugroho', 'Prasetyo', 'Susilo', 'Hartono', 'Sutrisno', 'Widodo', 'Setiadi',
        'Raharjo', 'Kuncoro', 'Saputro', 'Utomo', 'Wicaksono', 'Permadi',
      ],
      P: [
        'Wahyuni', 'Lestari', 'Astuti', 'Rahayu', 'Wulandari', 'Handayani', 'Purwanti', 'Susanti', 'Setyowati',
        'Kusumawati', 'Pratiwi', 'Ningrum', 'Rahmawati', 'Hastuti',
      ],
    },
    lastChance: 0.85,
  },
  {
    // Chinese-Indonesian, mostly Hakka surnames common on Bangka
    weight: 12,
    first: {
      L: [
        'Hendra', 'Johan', 'Ferry', 'Sandy', 'Herman', 'Budiman', 'Suryadi', 'Willy', 'Kevin', 'Andreas', 'Stefanus',
        'Yohanes', 'Rudy', 'Hengky', 'Darmadi', 'Jimmy', 'Irwan', 'Albert',
      ],
      P: [
        'Linda', 'Merry', 'Susanti', 'Lily', 'Yenny', 'Fenny', 'Meilani', 'Meliana', 'Sherly', 'Vivian', 'Cindy',
        'Novi', 'Elisabeth', 'Maria', 'Ivana', 'Lenny', 'Veronika',
      ],
    },
    last: {
      L: [
        'Tjhin', 'Bong', 'Phang', 'Jap', 'Liong', 'Lim', 'Tan', 'Chandra', 'Halim', 'Gunawan', 'Wijaya', 'Sutanto',
        'Kurniadi', 'Lie', 'Tjong', 'Fu', 'Tjhai', 'Kwee', 'Sanjaya',
      ],
      P: [
        'Tjhin', 'Bong', 'Phang', 'Jap', 'Liong', 'Lim', 'Tan', 'Chandra', 'Halim', 'Gunawan', 'Wijaya', 'Sutanto',
        'Kurniadi', 'Lie', 'Tjong', 'Fu', 'Tjhai', 'Kwee', 'Sanjaya',
      ],
    },
    lastChance: 1,
  },
  {
    // Batak: first name and marga
    weight: 8,
    first: {
      L: [
        'Togar', 'Parlindungan', 'Maruli', 'Hotman', 'Bonar', 'Sahat', 'Tumpal', 'Ronald', 'Jhonson', 'Daniel',
        'Benny', 'Poltak', 'Martua', 'Hasudungan', 'Syahrul', 'Doharman',
      ],
      P: [
        'Rotua', 'Lamria', 'Hotma', 'Romauli', 'Dame', 'Tiurma', 'Rosdiana', 'Intan', 'Sondang', 'Nurmala', 'Lasma',
        'Riris', 'Debora',
      ],
    },
    last: {
      L: [
        'Simanjuntak', 'Siregar', 'Nasution', 'Harahap', 'Sitompul', 'Hutapea', 'Sinaga', 'Panjaitan', 'Lubis',
        'Situmorang', 'Pardede', 'Simatupang', 'Hutagalung', 'Silalahi', 'Manurung', 'Tambunan', 'Sihombing',
        'Napitupulu',
      ],
      P: [
        'Simanjuntak', 'Siregar', 'Nasution', 'Harahap', 'Sitompul', 'Hutapea', 'Sinaga', 'Panjaitan', 'Lubis',
        'Situmorang', 'Pardede', 'Simatupang', 'Hutagalung', 'Silalahi', 'Manurung', 'Tambunan', 'Sihombing',
        'Napitupulu',
      ],
    },
    lastChance: 1,
  },
  {
    // Bugis
    weight: 7,
    first: {
      L: [
        'Hasanuddin', 'Syamsuddin', 'Jusuf', 'Nurdin', 'Arifuddin', 'Baharuddin', 'Kamaruddin', 'Saharuddin',
        'Ilham', 'Akbar', 'Irfan', 'Muh. Arfah', 'Amiruddin', 'Asri',
      ],
      P: [
        'Sitti', 'Fatmawati', 'Rahmatia', 'Hasnawati', 'Nurfadillah', 'Sulfiani', 'Harnida', 'Kasmawati',
        'Musdalifah', 'Tenri', 'Nurhidayah', 'Haslinda',
      ],
    },
    last: {
      L: ['Amir', 'Rauf', 'Latif', 'Hamzah', 'Saleh', 'Sompa', 'Rasyid', 'Bahar', 'Arsyad', 'Mappiasse', 'Tahir'],
      P: ['Amir', 'Rauf', 'Latif', 'Hamzah', 'Saleh', 'Rasyid', 'Bahar', 'Arsyad', 'Tahir', 'Nur'],
    },
    lastChance: 0.5,
    andiChance: 0.2,
  },
  {
    // Palembang and Minang
    weight: 13,
    first: {
      L: [
        'Kms. Ahmad', 'Mgs. Ali', 'Ferdiansyah', 'Yulianto', 'Andika', 'Fajar', 'Gusti', 'Afrizal', 'Yulizar',
        'Zulhendri', 'Novrizal', 'Hendri', 'Rahmad',
      ],
      P: [
        'Nyimas Ayu', 'Yulia', 'Elvira', 'Rosmaini', 'Desmawati', 'Yusnita', 'Afrida', 'Zulfa', 'Nelly', 'Rosnelli',
        'Mirna',
      ],
    },
    last: {
      L: ['Chaniago', 'Piliang', 'Tanjung', 'Koto', 'Sikumbang', 'Syarif', 'Ibrahim', 'Anwar', 'Malik', 'Nasir'],
      P: ['Chaniago', 'Piliang', 'Tanjung', 'Koto', 'Syarif', 'Yanti', 'Novita', 'Anwar', 'Dahlia'],
    },
    lastChance: 0.6,
  },
];

const POOL_WEIGHTS = POOLS.map((pool) => [pool, pool.weight] as const);

export function randomName(random: Random, sex: Sex): string {
  const pool = random.weighted(POOL_WEIGHTS);
  const parts: string[] = [];
  if (pool.andiChance !== undefined && random.chance(pool.andiChance)) parts.push('Andi');
  const first = random.pick(pool.first[sex]);
  parts.push(first);
  if (random.chance(pool.lastChance)) {
    const last = random.pick(pool.last[sex]);
    if (last !== first) parts.push(last);
  }
  // A third name ("Muhammad Rizky Saputra") is common among younger Malay and Javanese names.
  if (pool.lastChance < 1 && parts.length === 2 && random.chance(0.15)) {
    parts.splice(1, 0, random.pick(pool.first[sex]));
  }
  return [...new Set(parts)].join(' ');
}

/** Education a title implies, for golongan starting points (PP 99/2000 first ruang by diploma). */
export type Education = 'SMA' | 'D3' | 'S1' | 'S2';

export interface Gelar {
  depan: string | null;
  belakang: string | null;
  education: Education;
}

export type GelarLevel = 'jpt' | 'administrator' | 'pengawas' | 'fungsional' | 'pelaksana' | 'non_asn';

const S1_GENERAL = ['S.E.', 'S.H.', 'S.Sos.', 'S.IP.', 'S.AP.', 'S.Kom.', 'S.T.', 'S.Ak.', 'S.M.', 'S.Pd.', 'S.Psi.'];
const S2_GENERAL = ['M.Si.', 'M.M.', 'M.H.', 'M.AP.', 'M.T.', 'M.Ak.', 'M.Pd.'];
const SPECIALIST = ['Sp.PD', 'Sp.A', 'Sp.OG', 'Sp.B', 'Sp.An', 'Sp.P', 'Sp.Rad', 'M.Kes.'];
const MASTER_CHANCE: Record<GelarLevel, number> = {
  jpt: 0.8,
  administrator: 0.5,
  pengawas: 0.25,
  fungsional: 0.12,
  pelaksana: 0.03,
  non_asn: 0,
};

function diploma(belakang: string): Gelar {
  return { depan: null, belakang, education: 'D3' };
}

function bachelor(belakang: string, depan: string | null = null): Gelar {
  return { depan, belakang, education: 'S1' };
}

interface GelarContext {
  random: Random;
  level: GelarLevel;
  /** Terampil, mahir and penyelia posts are for diploma holders; ahli posts for graduates. */
  terampil: boolean;
  /** A bachelor's title, followed by a master's one as often as the level makes likely. */
  degree(s1: string): Gelar;
}

/** Title rules in order; the first whose pattern matches the post title decides. */
const GELAR_RULES: readonly (readonly [RegExp, (context: GelarContext, title: string) => Gelar])[] = [
  [
    /dokter|^direktur rsud|^kepala dinas kesehatan/,
    ({ random, level }, title) => {
      if (/ahli (muda|madya)/.test(title)) {
        return { depan: 'dr.', belakang: random.pick(SPECIALIST), education: 'S2' };
      }
      return random.chance(MASTER_CHANCE[level])
        ? { depan: 'dr.', belakang: 'M.Kes.', education: 'S2' }
        : { depan: 'dr.', belakang: null, education: 'S1' };
    },
  ],
  [
    /guru|pengawas sekolah|penilik/,
    ({ random, level }) => {
      const s1 = random.pick(['S.Pd.', 'S.Pd.', 'S.Pd.', 'S.Pd.I.', 'S.Pd.SD.', 'S.Si.', 'S.Kom.']);
      return random.chance(MASTER_CHANCE[level] + 0.05)
        ? { depan: null, belakang: `${s1}, M.Pd.`, education: 'S2' }
        : bachelor(s1);
    },
  ],
  [/perawat/, ({ terampil }) => (terampil ? diploma('A.Md.Kep.') : bachelor('S.Kep., Ns.'))],
  [/\bbidan\b/, ({ terampil }) => (terampil ? diploma('A.Md.Keb.') : bachelor('S.Tr.Keb.'))],
  [/apoteker/, () => bachelor('S.Farm.', 'apt.')],
  [/nutrisionis/, ({ terampil }) => (terampil ? diploma('A.Md.Gz.') : bachelor('S.Gz.'))],
  [/sanitasi/, () => diploma('A.Md.KL.')],
  [/laboratorium/, () => diploma('A.Md.AK.')],
  [/radiografer/, () => diploma('A.Md.Rad.')],
  [/perekam medis/, () => diploma('A.Md.RMIK')],
  [/fisioterapis/, () => diploma('A.Md.Ftr.')],
  [/epidemiolog|penyuluh kesehatan|administrator kesehatan/, ({ degree }) => degree('S.KM.')],
  [/medik veteriner/, () => ({ depan: 'drh.', belakang: null, education: 'S1' })],
  [/pertanian|organisme/, ({ terampil, degree }) => (terampil ? diploma('A.Md.P.') : degree('S.P.'))],
  [/perikanan/, ({ degree }) => degree('S.Pi.')],
  [/auditor|keuangan/, ({ random, degree }) => degree(random.pick(['S.E.', 'S.Ak.']))],
  [
    /pranata komputer|database|informatika/,
    ({ terampil, degree }) => (terampil ? diploma('A.Md.Kom.') : degree('S.Kom.')),
  ],
  [/pustakawan/, ({ terampil, degree }) => (terampil ? diploma('A.Md.') : degree('S.IP.'))],
  [/arsiparis/, ({ terampil, degree }) => (terampil ? diploma('A.Md.Ars.') : degree('S.IP.'))],
  [/pekerja sosial|penyuluh sosial|keluarga berencana|swadaya/, ({ degree }) => degree('S.Sos.')],
  [
    /teknik|penata ruang|pekerjaan umum|perumahan/,
    ({ random, level, degree }) => {
      if (level === 'fungsional' || !random.chance(0.15)) return degree('S.T.');
      // The engineer's title Ir., often with a master's degree after it.
      return random.chance(MASTER_CHANCE[level])
        ? { depan: 'Ir.', belakang: random.pick(['M.T.', 'M.Si.']), education: 'S2' }
        : { depan: 'Ir.', belakang: null, education: 'S1' };
    },
  ],
  [
    /camat|lurah|kecamatan|kelurahan/,
    ({ random, degree }) => degree(random.pick(['S.STP.', 'S.STP.', 'S.IP.', 'S.Sos.', 'S.H.', 'S.E.'])),
  ],
  [
    /polisi pamong praja|pemadam/,
    ({ random, degree }, title) => {
      // Terampil posts are open to SMA graduates; ahli posts need a degree.
      if (title.includes('ahli')) return degree(random.pick(['S.H.', 'S.T.', 'S.Sos.']));
      return random.chance(0.7) ? { depan: null, belakang: null, education: 'SMA' } : degree('S.H.');
    },
  ],
];

/**
 * Titles follow the job: a guru has S.Pd., a perawat A.Md.Kep. or S.Kep., Ns., a camat often S.STP. from IPDN.
 * `level` tells how likely a master's degree is.
 */
export function randomGelar(random: Random, title: string, level: GelarLevel): Gelar {
  const lower = title.toLowerCase();
  const context: GelarContext = {
    random,
    level,
    terampil: /terampil|mahir|penyelia/.test(lower),
    degree: (s1) =>
      random.chance(MASTER_CHANCE[level])
        ? { depan: null, belakang: `${s1}, ${random.pick(S2_GENERAL)}`, education: 'S2' }
        : bachelor(s1),
  };
  const rule = GELAR_RULES.find(([pattern]) => pattern.test(lower));
  if (rule) return rule[1](context, lower);

  switch (level) {
    case 'fungsional':
      if (context.terampil && random.chance(0.6)) return diploma('A.Md.');
      return context.degree(random.pick(S1_GENERAL));
    case 'jpt':
    case 'administrator':
    case 'pengawas':
      return context.degree(random.pick(S1_GENERAL));
    case 'pelaksana': {
      const roll = random.float();
      if (roll < 0.45) return { depan: null, belakang: null, education: 'SMA' };
      if (roll < 0.6) return diploma(random.pick(['A.Md.', 'A.Md.Kom.', 'A.Md.Ak.']));
      return context.degree(random.pick(S1_GENERAL));
    }
    case 'non_asn': {
      const roll = random.float();
      if (roll < 0.65) return { depan: null, belakang: null, education: 'SMA' };
      if (roll < 0.75) return diploma('A.Md.');
      return bachelor(random.pick(S1_GENERAL));
    }
  }
}
