import { z } from 'zod';
import { ZBudgetOption, ZCompleteness, ZCoverage, ZDataset, ZFlaggedValue, ZImportSummary, ZIndexResult, ZIndicator, ZIntervention, ZMapResponse, ZTerritory, ZValue, ZWalidataSetting } from '../../../contracts/indicators';
import { CHOROPLETH_RAMP } from '../../lib/map';
import { formatNumber } from '../../lib/format';
import type { Lang } from '../../i18n/translate';
import type { MapCategory } from '../../components/WilayahMap';
import './indicators.css';

/** Response schemas of the indicator API (checked in development by the typed client). */
export const IndSchemas = {
  indicators: z.object({ items: z.array(ZIndicator) }),
  indicator: ZIndicator,
  map: ZMapResponse,
  completeness: ZCompleteness,
  values: z.object({ items: z.array(ZValue) }),
  flagged: z.object({ items: z.array(ZFlaggedValue) }),
  summary: ZImportSummary.passthrough(),
  ranking: ZIndexResult,
  interventions: z.object({ items: z.array(ZIntervention) }),
  intervention: ZIntervention,
  coverage: ZCoverage,
  territory: ZTerritory,
  datasets: z.object({ items: z.array(ZDataset) }),
  dataset: ZDataset,
  mine: z.object({ kode: z.string() }),
  budgetOptions: z.object({ items: z.array(ZBudgetOption) }),
  walidataSetting: ZWalidataSetting,
};

/** Map colouring by class: each region gets its class number, the legend shows each class's range. */
export function classCategories(classes: ReadonlyArray<{ class: number; from: number; to: number }>, lang: Lang, unit: string): MapCategory[] {
  return classes.map((c, i) => ({
    value: c.class,
    label: `${formatNumber(c.from, lang)}–${formatNumber(c.to, lang)} ${unit}`.trim(),
    color: CHOROPLETH_RAMP[Math.min(i, CHOROPLETH_RAMP.length - 1)] as string,
  }));
}

export function formatValue(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: digits }).format(value);
}

/** A small line of the last periods: decorative, the numbers are beside it. */
export function Sparkline({ points, label }: { points: ReadonlyArray<number | null>; label: string }) {
  const values = points.filter((p): p is number => p !== null);
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = 120;
  const height = 32;
  const step = width / (points.length - 1);
  const path = points
    .map((p, i) => (p === null ? null : `${(i * step).toFixed(1)},${(height - 3 - ((p - min) / (max - min || 1)) * (height - 6)).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="ind-spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={path} fill="none" stroke="#0f766e" strokeWidth="2" />
    </svg>
  );
}

const SEGMENT_COLOURS = ['#0f766e', '#b45309', '#6d28d9', '#be123c', '#1d4ed8', '#4d7c0f'];

/** The index of one kelurahan as a bar split by the points each indicator adds (the explanation of its rank). */
export function ContributionBar({ parts, label }: { parts: ReadonlyArray<{ code: string; points: number | null }>; label: string }) {
  return (
    <div className="ind-bar" role="img" aria-label={label}>
      {parts.map((part, i) =>
        part.points ? <span key={part.code} className="ind-bar-seg" style={{ width: `${part.points}%`, background: SEGMENT_COLOURS[i % SEGMENT_COLOURS.length] }} /> : null,
      )}
    </div>
  );
}

export function SegmentLegend({ codes }: { codes: readonly string[] }) {
  return (
    <ul className="ind-legend">
      {codes.map((code, i) => (
        <li key={code}>
          <span className="ind-swatch" style={{ background: SEGMENT_COLOURS[i % SEGMENT_COLOURS.length] }} aria-hidden="true" />
          {code}
        </li>
      ))}
    </ul>
  );
}
