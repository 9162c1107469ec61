import { z } from 'zod';

export const ZUuid = z.uuid();
export const ZDate = z.iso.date();
export const ZLocalized = z.object({ id: z.string(), en: z.string() });
export type TLocalized = z.infer<typeof ZLocalized>;

/** Cursor pagination: pass `cursor` from the previous page's `nextCursor`. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** RFC 9457 problem details with our stable `code`. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), row: z.number().optional() }))
    .optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

/** Text typed by people: trimmed, no markup. HTML is refused rather than silently stripped so nothing is lost. */
export function ZPlainText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !/[<>]/.test(value), { message: 'NO_MARKUP' });
}

export const ZOk = z.object({ ok: z.literal(true) });
