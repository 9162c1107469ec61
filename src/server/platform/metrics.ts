import type { Ctx } from '../http/context';

/**
 * The metrics contract (docs/DESIGN.md): each module registers its monthly per-OPD measures; the scorecard and the
 * leader's board read them through GET /api/v1/metrics only.
 */
export interface MetricRow {
  opdId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Web path to the records behind the figure, so any number can be explained. */
  link: string;
}

export interface MetricDef {
  key: string;
  label: { id: string; en: string };
  description: { id: string; en: string };
  unit: 'ratio' | 'count' | 'days' | 'score' | 'percent';
  better: 'higher' | 'lower';
  compute(ctx: Ctx, pemdaId: string, month: string): Promise<MetricRow[]>;
}

/** What needs the leader's attention now. */
export interface Flag {
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  opdId: string | null;
  since: string;
  title: { id: string; en: string };
  link: string;
}

export interface FlagSource {
  kind: string;
  list(ctx: Ctx, pemdaId: string): Promise<Flag[]>;
}
