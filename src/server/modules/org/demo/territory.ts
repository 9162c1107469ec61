/**
 * The territory of the demo Pemda, Kota Pangkal Pinang: its 7 kecamatan and 42 kelurahan with their real
 * Kemendagri codes (Permendagri 58/2021, as published in idn-area-data), and the kecamatan and kelurahan offices
 * planned from them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpdSpec } from './catalog';
import { KECAMATAN_FUNGSIONAL, KECAMATAN_UNITS, KELURAHAN_UNITS } from './catalog';

export const DEMO_PEMDA = {
  kode: '19.71',
  name: 'Kota Pangkal Pinang',
  kind: 'kota',
  provinceName: 'Kepulauan Bangka Belitung',
} as const;

export interface Area {
  kecamatan: { kode: string; name: string }[];
  kelurahan: { kode: string; name: string; kecamatanKode: string }[];
}

let cachedArea: Area | undefined;

/**
 * Reads the kecamatan and kelurahan of the demo kota from idn-area-data's CSV files, synchronously and once: the
 * package's own API is asynchronous, and the generator is meant to stay a plain function.
 */
export function loadArea(): Area {
  if (cachedArea) return cachedArea;
  const require = createRequire(import.meta.url);
  const dataDir = path.join(path.dirname(require.resolve('idn-area-data')), '..', 'data');
  const rowsOf = (file: string): string[][] =>
    readFileSync(path.join(dataDir, file), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.startsWith(`${DEMO_PEMDA.kode}.`))
      .map((line) => {
        const [code = '', parent = '', ...name] = line.split(',');
        return [code, parent, name.join(',').replace(/^"|"$/g, '')];
      });
  const kecamatan = rowsOf('districts.csv').map(([kode = '', , name = '']) => ({ kode, name }));
  // The first digit of the last group is 1 for a kelurahan, 2 for a desa.
  const kelurahan = rowsOf('villages.csv')
    .filter(([kode = '']) => kode.split('.')[3]?.startsWith('1'))
    .map(([kode = '', kecamatanKode = '', name = '']) => ({ kode, name, kecamatanKode }));
  cachedArea = {
    kecamatan: kecamatan.sort((a, b) => a.kode.localeCompare(b.kode)),
    kelurahan: kelurahan.sort((a, b) => a.kode.localeCompare(b.kode)),
  };
  return cachedArea;
}

/** A planned OPD: its catalog entry plus the wilayah it serves, if any. */
export interface OpdPlan extends OpdSpec {
  wilayahKode: string | null;
}

function squashName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Kecamatan offices (headed by a camat) and kelurahan offices (a lurah) under them. */
export function territorialPlans(area: Area): OpdPlan[] {
  const plans: OpdPlan[] = [];
  const kecamatanCode = new Map<string, string>();
  for (const kecamatan of area.kecamatan) {
    const code = `KEC-${squashName(kecamatan.name)}`;
    kecamatanCode.set(kecamatan.kode, code);
    plans.push({
      code,
      shortName: `Kec. ${kecamatan.name}`,
      name: `Kecamatan ${kecamatan.name}`,
      kind: 'kecamatan',
      wilayahKode: kecamatan.kode,
      head: { title: `Camat ${kecamatan.name}`, code: `${code}-CAMAT`, kind: 'administrator', kelas: 11 },
      units: KECAMATAN_UNITS,
      weight: 0.6,
      fungsionalShare: 0.15,
      fungsional: KECAMATAN_FUNGSIONAL,
      pppkBias: 0.5,
      nonAsnBias: 1.5,
    });
  }
  for (const kelurahan of area.kelurahan) {
    const code = `KEL-${kelurahan.kode.replace(/\./g, '')}`;
    const parentCode = kecamatanCode.get(kelurahan.kecamatanKode);
    plans.push({
      code,
      shortName: `Kel. ${kelurahan.name}`,
      name: `Kelurahan ${kelurahan.name}`,
      kind: 'kelurahan',
      wilayahKode: kelurahan.kode,
      ...(parentCode ? { parentCode } : {}),
      head: { title: `Lurah ${kelurahan.name}`, code: `${code}-LURAH`, kind: 'pengawas', kelas: 9 },
      extraPosts: [
        { title: `Sekretaris Kelurahan ${kelurahan.name}`, code: `${code}-SEKLUR`, kind: 'pengawas', kelas: 8 },
      ],
      units: KELURAHAN_UNITS,
      weight: 0.22,
      fungsionalShare: 0.05,
      fungsional: KECAMATAN_FUNGSIONAL,
      pppkBias: 0.4,
      nonAsnBias: 2,
    });
  }
  return plans;
}
