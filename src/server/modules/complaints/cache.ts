import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { validateGeometry, type Geometry, type Position } from '../../platform/geo';

/**
 * Short-lived in-process caches for what every complaint intake reads (the Pemda, its calendar, its kelurahan
 * boundaries, its catalogue, the Open311 client keys). The public POST is the hot path (issue 6 benchmark); these
 * change rarely. A catalogue change in this process clears its entry at once; other processes see it within TTL_MS.
 */
const TTL_MS = 30_000;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

class TtlCache<T> {
  private readonly map = new Map<string, Entry<T>>();
  constructor(private readonly ttl = TTL_MS) {}
  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.map.get(key);
    if (hit && now - hit.at < this.ttl) return hit.value;
    const value = load();
    this.map.set(key, { at: now, value });
    value.catch(() => this.map.delete(key));
    return value;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

export interface PemdaRef {
  id: string;
  kode: string;
  name: string;
  timezone: string;
}

export interface KelurahanShape {
  kode: string;
  name: string;
  kecamatanKode: string | null;
  geometry: Geometry;
  bbox: [number, number, number, number];
}

const pemdas = new TtlCache<PemdaRef[]>();
const calendars = new TtlCache<WorkingCalendar>();
const shapes = new TtlCache<KelurahanShape[]>(5 * 60_000);

export function allPemdas(db: Kysely<DB>): Promise<PemdaRef[]> {
  return pemdas.get('all', async () =>
    (await db.selectFrom('pemda').select(['id', 'kode_wilayah', 'name', 'timezone']).orderBy('kode_wilayah').execute()).map((row) => ({
      id: row.id,
      kode: row.kode_wilayah,
      name: row.name,
      timezone: row.timezone,
    })),
  );
}

export async function pemdaById(db: Kysely<DB>, pemdaId: string): Promise<PemdaRef> {
  const found = (await allPemdas(db)).find((p) => p.id === pemdaId);
  if (found) return found;
  pemdas.clear();
  const again = (await allPemdas(db)).find((p) => p.id === pemdaId);
  if (!again) throw new Error(`Unknown Pemda ${pemdaId}`);
  return again;
}

export async function pemdaByKode(db: Kysely<DB>, kode: string): Promise<PemdaRef | null> {
  const found = (await allPemdas(db)).find((p) => p.kode === kode);
  if (found) return found;
  pemdas.clear();
  return (await allPemdas(db)).find((p) => p.kode === kode) ?? null;
}

/** The Pemda's working calendar (platform/calendar.ts), cached for TTL_MS. */
export function cachedCalendar(db: Kysely<DB>, pemdaId: string): Promise<WorkingCalendar> {
  return calendars.get(pemdaId, () => loadCalendar(db, pemdaId));
}

function bboxOf(geometry: Geometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates as Position[][]] : (geometry.coordinates as Position[][][]);
  for (const polygon of rings) {
    for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

export function kelurahanShapes(db: Kysely<DB>, pemdaId: string): Promise<KelurahanShape[]> {
  return shapes.get(pemdaId, async () => {
    const rows = await db
      .selectFrom('wilayah')
      .select(['kode', 'name', 'parent_kode', 'geometry'])
      .where('pemda_id', '=', pemdaId)
      .where('level', 'in', ['kelurahan', 'desa'])
      .execute();
    const out: KelurahanShape[] = [];
    for (const row of rows) {
      const geometry = validateGeometry(row.geometry);
      if (geometry) out.push({ kode: row.kode, name: row.name, kecamatanKode: row.parent_kode, geometry, bbox: bboxOf(geometry) });
    }
    return out;
  });
}

/** Clears everything (tests that change boundaries or holidays). */
export function clearComplaintCaches(): void {
  pemdas.clear();
  calendars.clear();
  shapes.clear();
}

export { TtlCache };
