import { useMemo, useRef, type MouseEvent } from 'react';

/**
 * A light SVG map of the kelurahan of a Pemda (no tiles, works offline and on slow phones): shades regions by
 * density, draws points, and turns a tap into longitude/latitude for the public form. Equirectangular projection
 * corrected by cos(latitude): exact enough at kota scale.
 */
export type Ring = Array<[number, number]>;
export interface MapFeature {
  code: string;
  name: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface RegionPointMapProps {
  features: MapFeature[];
  label: string;
  point?: [number, number] | null;
  onPick?: (lng: number, lat: number) => void;
  points?: Array<{ lng: number; lat: number; tone: 'open' | 'closed' | 'overdue' }>;
  density?: Record<string, number>;
  selected?: string | null;
  height?: number;
}

const WIDTH = 1000;

function polygonsOf(geometry: MapFeature['geometry']): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates as Ring[]] : (geometry.coordinates as Ring[][]);
}

const SHADES = ['#eef5f4', '#cfe9e4', '#9fd3ca', '#5fb3a6', '#2a8f80', '#0b5a54'];
const TONES = { open: '#1d4f91', closed: '#1e6b3a', overdue: '#b42318' } as const;

export function RegionPointMap({ features, label, point, onPick, points = [], density, selected, height }: RegionPointMapProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const frame = useMemo(() => {
    let minX = 180;
    let minY = 90;
    let maxX = -180;
    let maxY = -90;
    for (const f of features) for (const polygon of polygonsOf(f.geometry)) for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    const cos = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
    const scale = WIDTH / Math.max(1e-9, (maxX - minX) * cos);
    const h = (maxY - minY) * scale;
    return { minX, maxY, cos, scale, h: Math.max(1, h) };
  }, [features]);
  const project = (lng: number, lat: number): [number, number] => [(lng - frame.minX) * frame.cos * frame.scale, (frame.maxY - lat) * frame.scale];
  const maxDensity = Math.max(1, ...Object.values(density ?? {}));
  const paths = useMemo(
    () =>
      features.map((f) => ({
        code: f.code,
        name: f.name,
        d: polygonsOf(f.geometry)
          .flatMap((polygon) => polygon.map((ring) => `M${ring.map(([x, y]) => project(x, y).map((v) => v.toFixed(1)).join(',')).join('L')}Z`))
          .join(''),
      })),
    [features, frame],
  );

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick || !svgRef.current) return;
    const matrix = svgRef.current.getScreenCTM();
    if (!matrix) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const lng = frame.minX + p.x / (frame.cos * frame.scale);
    const lat = frame.maxY - p.y / frame.scale;
    onPick(Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6);
  };
  const dot = Math.max(4, WIDTH / 160);
  const chosen = point ? project(point[0], point[1]) : null;

  return (
    <svg
      ref={svgRef}
      className="cmp-map"
      viewBox={`-8 -8 ${WIDTH + 16} ${frame.h + 16}`}
      style={height ? { maxHeight: height } : undefined}
      role="img"
      aria-label={label}
      onClick={pick}
    >
      <title>{label}</title>
      {paths.map((p) => {
        const value = density?.[p.code] ?? 0;
        const shade = density ? SHADES[Math.min(SHADES.length - 1, Math.ceil((value / maxDensity) * (SHADES.length - 1)))] : '#eef3f7';
        return (
          <path key={p.code} d={p.d} fill={p.code === selected ? '#fff4d6' : shade} stroke="#52606d" strokeWidth={1.2} fillRule="evenodd">
            <title>{density ? `${p.name}: ${value}` : p.name}</title>
          </path>
        );
      })}
      {points.map((pt, i) => {
        const [x, y] = project(pt.lng, pt.lat);
        return <circle key={i} cx={x} cy={y} r={dot * 0.55} fill={TONES[pt.tone]} fillOpacity={0.7} />;
      })}
      {chosen && (
        <g transform={`translate(${chosen[0]},${chosen[1]})`} aria-hidden="true">
          <circle r={dot * 2.4} fill="#b42318" fillOpacity={0.18} />
          <path d={`M0,0 L${-dot},${-dot * 2.2} A${dot * 1.1},${dot * 1.1} 0 1 1 ${dot},${-dot * 2.2} Z`} fill="#b42318" stroke="#fff" strokeWidth={2} />
        </g>
      )}
    </svg>
  );
}

/** Point-in-polygon on the client too, to name the kelurahan as soon as the point is set (the server decides). */
export function kelurahanAt(features: MapFeature[], lng: number, lat: number): MapFeature | null {
  const inRing = (ring: Ring) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  return features.find((f) => polygonsOf(f.geometry).some(([outer, ...holes]) => !!outer && inRing(outer) && !holes.some(inRing))) ?? null;
}
