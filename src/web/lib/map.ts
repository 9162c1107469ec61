/**
 * Pure helpers of the WilayahMap component: reading the GeoJSON the API serves, colours per kecamatan, the value
 * range of a choropleth. Kept apart from ECharts so they are unit-tested.
 */
export type MapLevel = 'kecamatan' | 'kelurahan';

export interface WilayahFeatureProperties {
  code: string;
  name: string;
  level?: string;
  parent?: string | null;
}

export interface WilayahFeature {
  type: 'Feature';
  properties: WilayahFeatureProperties;
  geometry: unknown;
}

export interface WilayahCollection {
  type: 'FeatureCollection';
  features: WilayahFeature[];
}

/** Muted, clearly distinct fills; dark text and borders stay readable on every one of them. */
export const DISTINCT_PALETTE = [
  '#8ecae6',
  '#ffd6a5',
  '#b5e48c',
  '#f4a3a8',
  '#cdb4db',
  '#a0e7e5',
  '#fde68a',
  '#c7d2fe',
  '#fbc4ab',
  '#bde0c6',
  '#e9c46a',
  '#d0d7de',
] as const;

/** Light to dark teal: the choropleth ramp (higher value, darker). */
export const CHOROPLETH_RAMP = ['#e6f4f1', '#99d5c9', '#3aa092', '#0f766e', '#0b4f4a'] as const;

/** Accepts what the API serves and keeps only features with a code; anything else yields an empty collection. */
export function readCollection(input: unknown): WilayahCollection {
  if (!input || typeof input !== 'object') return { type: 'FeatureCollection', features: [] };
  const raw = (input as { features?: unknown }).features;
  if (!Array.isArray(raw)) return { type: 'FeatureCollection', features: [] };
  const features: WilayahFeature[] = [];
  for (const entry of raw) {
    if (!entry || typeof entry !== 'object') continue;
    const props = (entry as { properties?: Record<string, unknown> }).properties;
    const geometry = (entry as { geometry?: unknown }).geometry;
    if (!props || typeof props.code !== 'string' || !geometry) continue;
    features.push({
      type: 'Feature',
      geometry,
      properties: {
        code: props.code,
        name: typeof props.name === 'string' ? props.name : props.code,
        level: typeof props.level === 'string' ? props.level : undefined,
        parent: typeof props.parent === 'string' ? props.parent : null,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The kecamatan a feature belongs to: itself at kecamatan level, its parent (or code prefix) for a kelurahan. */
export function kecamatanOf(feature: WilayahFeature, level: MapLevel): string {
  if (level === 'kecamatan') return feature.properties.code;
  if (feature.properties.parent) return feature.properties.parent;
  // Kemendagri codes: PP.KK.CC.NNNN, the kecamatan is the first three groups.
  return feature.properties.code.split('.').slice(0, 3).join('.');
}

/** One fill per kecamatan (kelurahan take their kecamatan's), in code order so colours are stable. */
export function distinctColours(features: readonly WilayahFeature[], level: MapLevel): Record<string, string> {
  const groups = [...new Set(features.map((f) => kecamatanOf(f, level)))].sort();
  const colourOfGroup = new Map(groups.map((group, index) => [group, DISTINCT_PALETTE[index % DISTINCT_PALETTE.length] as string]));
  const out: Record<string, string> = {};
  for (const feature of features) out[feature.properties.code] = colourOfGroup.get(kecamatanOf(feature, level)) ?? DISTINCT_PALETTE[0];
  return out;
}

export function valueRange(values: Record<string, number> | undefined): { min: number; max: number } | null {
  if (!values) return null;
  const numbers = Object.values(values).filter((v) => Number.isFinite(v));
  if (numbers.length === 0) return null;
  let min = Math.min(...numbers);
  let max = Math.max(...numbers);
  if (min === max) {
    // A flat range would break the colour scale; widen it around the single value.
    min = Math.min(0, min);
    max = max === min ? min + 1 : max;
  }
  return { min, max };
}

/** Rows of the accessible table under the map: every region in name order, with its value when given. */
export function tableRows(features: readonly WilayahFeature[], values?: Record<string, number>): Array<{ code: string; name: string; value: number | null }> {
  return features
    .map((f) => ({ code: f.properties.code, name: f.properties.name, value: values?.[f.properties.code] ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/**
 * Sums a figure of the OPDs located in each region: at kecamatan level the kecamatan office and the kelurahan
 * offices under it (their codes start with the kecamatan's), at kelurahan level the kelurahan office itself.
 */
export function sumByWilayah<T extends { wilayahKode: string | null }>(
  rows: readonly T[],
  codes: readonly string[],
  level: MapLevel,
  figure: (row: T) => number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of codes) out[code] = 0;
  const known = new Set(codes);
  for (const row of rows) {
    const kode = row.wilayahKode;
    if (!kode) continue;
    const target = level === 'kecamatan' ? kode.split('.').slice(0, 3).join('.') : kode;
    if (known.has(target)) out[target] = (out[target] ?? 0) + figure(row);
  }
  return out;
}
