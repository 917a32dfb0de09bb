import { z } from 'zod';

/** `?run=` — an analysis run number; default the latest finished run. */
export const runQuery = z.object({
  run: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('analysis run (default: the latest finished one)'),
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50).describe('page size, 1-1000'),
  offset: z.coerce.number().int().min(0).default(0).describe('rows to skip'),
});

/** A page of a list: the items, the total, and the offset of the next page (null on the last). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    next: z.number().int().nullable(),
  });

export function pageOf<T>(items: T[], total: number, limit: number, offset: number) {
  return { items, total, limit, offset, next: offset + items.length < total ? offset + items.length : null };
}

export const lang = z.enum(['en', 'es']).default('en');
