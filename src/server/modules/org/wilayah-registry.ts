import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

/**
 * Kemendagri region codes (Permendagri 58/2021; Kepmendagri 300.2.2-2138/2025) from the `idn-area-data`
 * package: PP, PP.KK (kabupaten 01–69, kota 71–99), PP.KK.CC, PP.KK.CC.NNNN (1xxx kelurahan, 2xxx desa).
 * Loaded once and indexed by regency.
 */
export interface RegencyEntry {
  code: string;
  name: string;
  kind: 'kota' | 'kabupaten';
  provinceName: string;
  districts: Array<{ code: string; name: string }>;
  villages: Array<{ code: string; name: string; districtCode: string; level: 'kelurahan' | 'desa' }>;
}

let index: Promise<Map<string, RegencyEntry>> | undefined;

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-(])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

async function build(): Promise<Map<string, RegencyEntry>> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const provinceName = new Map(provinces.map((p) => [p.code, titleCase(p.name)]));
  const map = new Map<string, RegencyEntry>();
  for (const r of regencies) {
    const kk = Number(r.code.split('.')[1]);
    map.set(r.code, {
      code: r.code,
      name: titleCase(r.name),
      kind: kk >= 71 ? 'kota' : 'kabupaten',
      provinceName: provinceName.get(r.province_code) ?? r.province_code,
      districts: [],
      villages: [],
    });
  }
  for (const d of districts) map.get(d.regency_code)?.districts.push({ code: d.code, name: d.name });
  for (const v of villages) {
    const regency = v.code.slice(0, 5);
    const level = v.code.split('.')[3]?.startsWith('1') ? 'kelurahan' : 'desa';
    map.get(regency)?.villages.push({ code: v.code, name: v.name, districtCode: v.district_code, level });
  }
  return map;
}

export function regencyIndex(): Promise<Map<string, RegencyEntry>> {
  index ??= build();
  return index;
}

export async function findRegency(code: string): Promise<RegencyEntry | undefined> {
  return (await regencyIndex()).get(code);
}
