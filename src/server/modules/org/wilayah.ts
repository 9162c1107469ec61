import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { readFeatureCollection } from '../../platform/geo';
import { OrgErrors } from './errors';
import { findRegency, type RegencyEntry } from './wilayah-registry';

/** Boundaries shipped with Pamong (assets/wilayah, MIT, see assets/wilayah/SOURCE.md). */
export const BUNDLED_WILAYAH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/wilayah');

export function bundledBoundaries(kodePemda: string): unknown | null {
  const file = path.join(BUNDLED_WILAYAH_DIR, `${kodePemda}.geojson`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown) : null;
}

/**
 * Indonesia's three time zones by province code (UU/Keppres 41/1987): WIB for Sumatra, Java, West and Central
 * Kalimantan; WITA for Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT for Maluku and Papua.
 */
export function timezoneOfProvince(provinceCode: string): 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura' {
  const code = Number(provinceCode);
  if (code >= 81) return 'Asia/Jayapura';
  if ((code >= 51 && code <= 53) || (code >= 63 && code <= 65) || (code >= 71 && code <= 76)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

/** Creates a Pemda and its full region tree from the code registry; boundaries when Pamong ships them. */
export async function createPemdaFromRegistry(tx: TxCtx, kodeWilayah: string, options: { synthetic?: boolean } = {}): Promise<string> {
  const regency = await findRegency(kodeWilayah);
  if (!regency) throw new AppError(OrgErrors.KODE_WILAYAH_UNKNOWN, { kode: kodeWilayah });
  const exists = await tx.db.selectFrom('pemda').select('id').where('kode_wilayah', '=', kodeWilayah).executeTakeFirst();
  if (exists) throw new AppError(OrgErrors.PEMDA_EXISTS, { kode: kodeWilayah });
  const pemda = await tx.db
    .insertInto('pemda')
    .values({
      kode_wilayah: regency.code,
      name: regency.name,
      kind: regency.kind,
      province_name: regency.provinceName,
      timezone: timezoneOfProvince(regency.code.slice(0, 2)),
      synthetic: options.synthetic ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertWilayahTree(tx, pemda.id, regency);
  const boundaries = bundledBoundaries(kodeWilayah);
  if (boundaries) await applyBoundaries(tx, pemda.id, kodeWilayah, boundaries, { audit: false });
  await writeAudit(tx, {
    pemdaId: pemda.id,
    action: 'pemda.created',
    entityType: 'pemda',
    entityId: pemda.id,
    after: { kode_wilayah: regency.code, name: regency.name, kind: regency.kind, kecamatan: regency.districts.length, kelurahan_desa: regency.villages.length },
  });
  return pemda.id;
}

async function insertWilayahTree(tx: TxCtx, pemdaId: string, regency: RegencyEntry): Promise<void> {
  await tx.db.insertInto('wilayah').values({ pemda_id: pemdaId, kode: regency.code, level: 'pemda', name: regency.name, parent_kode: null, geometry: null, centroid_lng: null, centroid_lat: null }).execute();
  if (regency.districts.length > 0) {
    await tx.db
      .insertInto('wilayah')
      .values(regency.districts.map((d) => ({ pemda_id: pemdaId, kode: d.code, level: 'kecamatan' as const, name: d.name, parent_kode: regency.code, geometry: null, centroid_lng: null, centroid_lat: null })))
      .execute();
  }
  for (let i = 0; i < regency.villages.length; i += 500) {
    const chunk = regency.villages.slice(i, i + 500);
    await tx.db
      .insertInto('wilayah')
      .values(chunk.map((v) => ({ pemda_id: pemdaId, kode: v.code, level: v.level, name: v.name, parent_kode: v.districtCode, geometry: null, centroid_lng: null, centroid_lat: null })))
      .execute();
  }
}

export interface BoundaryResult {
  updated: number;
  errors: Array<{ feature: number; code: string | null; reason: { id: string; en: string } }>;
}

/**
 * Sets the boundaries of a Pemda's regions from a GeoJSON FeatureCollection. Every feature's properties.code
 * must be a region of this Pemda; if any feature is wrong nothing is written and every problem is listed.
 */
export async function applyBoundaries(
  tx: TxCtx,
  pemdaId: string,
  kodePemda: string,
  input: unknown,
  options: { audit: boolean } = { audit: true },
): Promise<BoundaryResult> {
  const { features, problem } = readFeatureCollection(input);
  if (problem) throw new AppError(OrgErrors.GEOJSON_INVALID, { reason: problem.id });
  const known = new Set(
    (await tx.db.selectFrom('wilayah').select('kode').where('pemda_id', '=', pemdaId).execute()).map((row) => row.kode),
  );
  const errors: BoundaryResult['errors'] = [];
  const seen = new Set<string>();
  for (const feature of features) {
    if (feature.problem) {
      errors.push({ feature: feature.index, code: feature.code, reason: feature.problem });
      continue;
    }
    const code = feature.code as string;
    if (code !== kodePemda && !code.startsWith(`${kodePemda}.`)) {
      errors.push({ feature: feature.index, code, reason: { id: `kode ${code} bukan wilayah ${kodePemda}`, en: `code ${code} is not inside ${kodePemda}` } });
    } else if (!known.has(code)) {
      errors.push({ feature: feature.index, code, reason: { id: `kode ${code} tidak dikenal`, en: `unknown code ${code}` } });
    } else if (seen.has(code)) {
      errors.push({ feature: feature.index, code, reason: { id: `kode ${code} muncul dua kali`, en: `code ${code} appears twice` } });
    }
    seen.add(code);
  }
  if (errors.length > 0) return { updated: 0, errors };
  for (const feature of features) {
    await tx.db
      .updateTable('wilayah')
      .set({
        geometry: JSON.stringify(feature.geometry),
        centroid_lng: feature.centroid?.[0] ?? null,
        centroid_lat: feature.centroid?.[1] ?? null,
      })
      .where('pemda_id', '=', pemdaId)
      .where('kode', '=', feature.code as string)
      .execute();
  }
  if (options.audit) {
    await writeAudit(tx, { pemdaId, action: 'wilayah.boundaries_uploaded', entityType: 'wilayah', entityId: kodePemda, detail: { features: features.length } });
  }
  return { updated: features.length, errors };
}

/** GeoJSON FeatureCollection of one level, for the map component. */
export async function wilayahFeatureCollection(tx: Pick<TxCtx, 'db'>, pemdaId: string, level: 'pemda' | 'kecamatan' | 'kelurahan') {
  const levels = level === 'kelurahan' ? ['kelurahan', 'desa'] : [level];
  const rows = await tx.db
    .selectFrom('wilayah')
    .select(['kode', 'name', 'level', 'parent_kode', 'geometry', 'centroid_lng', 'centroid_lat'])
    .where('pemda_id', '=', pemdaId)
    .where('level', 'in', levels as Array<'pemda' | 'kecamatan' | 'kelurahan' | 'desa'>)
    .where(sql<boolean>`geometry is not null`)
    .orderBy('kode')
    .execute();
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => ({
      type: 'Feature' as const,
      properties: { code: row.kode, name: row.name, level: row.level, parent: row.parent_kode, centroid: row.centroid_lng === null ? null : [row.centroid_lng, row.centroid_lat] },
      geometry: row.geometry,
    })),
  };
}
