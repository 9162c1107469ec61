/**
 * Geo helpers with no dependency: GeoJSON validation for region boundaries, centroids and point-in-polygon
 * (ray casting on the ring, holes respected). Good enough for kelurahan-sized polygons in WGS84.
 */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoords | PolygonCoords[];
}

export interface FeatureInput {
  index: number;
  code: string | null;
  name: string | null;
  geometry: Geometry | null;
  centroid: Position | null;
  problem: { id: string; en: string } | null;
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function isRing(value: unknown): value is Ring {
  return Array.isArray(value) && value.length >= 4 && value.every(isPosition);
}

function isPolygon(value: unknown): value is PolygonCoords {
  return Array.isArray(value) && value.length >= 1 && value.every(isRing);
}

export function polygonsOf(geometry: Geometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates as PolygonCoords] : (geometry.coordinates as PolygonCoords[]);
}

export function validateGeometry(value: unknown): Geometry | null {
  if (!value || typeof value !== 'object') return null;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon' && isPolygon(g.coordinates)) return { type: 'Polygon', coordinates: g.coordinates };
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon)) {
    return { type: 'MultiPolygon', coordinates: g.coordinates as PolygonCoords[] };
  }
  return null;
}

/** Area-weighted centroid of the outer rings (shoelace formula). */
export function centroidOf(geometry: Geometry): Position {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygonsOf(geometry)) {
    const ring = polygon[0] ?? [];
    for (let i = 0; i < ring.length - 1; i += 1) {
      const [x0, y0] = ring[i] as Position;
      const [x1, y1] = ring[i + 1] as Position;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (area === 0) {
    const first = polygonsOf(geometry)[0]?.[0]?.[0] ?? [0, 0];
    return [first[0], first[1]];
  }
  return [cx / (3 * area), cy / (3 * area)];
}

function inRing(point: Position, ring: Ring): boolean {
  let inside = false;
  const [x, y] = point;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInGeometry(point: Position, geometry: Geometry): boolean {
  return polygonsOf(geometry).some((polygon) => {
    const [outer, ...holes] = polygon;
    return !!outer && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
  });
}

/** Reads a FeatureCollection; each feature is checked on its own, so one bad feature never hides the others. */
export function readFeatureCollection(input: unknown): { features: FeatureInput[]; problem: { id: string; en: string } | null } {
  if (!input || typeof input !== 'object' || (input as { type?: unknown }).type !== 'FeatureCollection') {
    return { features: [], problem: { id: 'bukan GeoJSON FeatureCollection', en: 'not a GeoJSON FeatureCollection' } };
  }
  const raw = (input as { features?: unknown }).features;
  if (!Array.isArray(raw) || raw.length === 0) {
    return { features: [], problem: { id: 'tidak ada feature', en: 'no features' } };
  }
  const features = raw.map((feature: unknown, index): FeatureInput => {
    const props = (feature as { properties?: Record<string, unknown> } | null)?.properties ?? {};
    const codeValue = props.code ?? props.kode ?? props.kode_wilayah ?? props.KODE;
    const code = typeof codeValue === 'string' ? codeValue.trim() : null;
    const name = typeof props.name === 'string' ? props.name : typeof props.nama === 'string' ? props.nama : null;
    const geometry = validateGeometry((feature as { geometry?: unknown } | null)?.geometry);
    const centroidValue = props.centroid;
    const centroid = isPosition(centroidValue) ? ([centroidValue[0], centroidValue[1]] as Position) : geometry ? centroidOf(geometry) : null;
    let problem: FeatureInput['problem'] = null;
    if (!code) problem = { id: 'properties.code (kode wilayah) kosong', en: 'properties.code (region code) is missing' };
    else if (!geometry) problem = { id: 'geometri harus Polygon atau MultiPolygon dengan koordinat WGS84 yang valid', en: 'geometry must be a Polygon or MultiPolygon with valid WGS84 coordinates' };
    return { index, code, name, geometry, centroid, problem };
  });
  return { features, problem: null };
}
