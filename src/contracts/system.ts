import { z } from 'zod';
import { ZLocalized } from './common';

export const ZHealth = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const ZMetricsQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM'),
  key: z.string().max(100).optional(),
  opd: z.uuid().optional(),
});

export const ZMetricRow = z.object({
  key: z.string(),
  label: ZLocalized,
  unit: z.string(),
  better: z.enum(['higher', 'lower']),
  opdId: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  link: z.string(),
});
export type TMetricRow = z.infer<typeof ZMetricRow>;

export const ZFlag = z.object({
  kind: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  opdId: z.string().nullable(),
  since: z.string(),
  title: ZLocalized,
  link: z.string(),
});
export type TFlag = z.infer<typeof ZFlag>;
