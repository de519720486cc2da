import { z } from 'zod';

/**
 * Where a fact came from, and the date format facts and evidence use. Apart from vocabulary.ts (whose per-fact
 * schemas take milliseconds to build) so the card view's schema, which the content script builds, needs only these.
 */

/** ISO date (YYYY-MM-DD) or date-time. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

/** Where a fact came from. `detail` says which page, list or user ("linkedin", "accounts.csv", "sdr@acme"). */
export const SOURCE_KINDS = ['page', 'list', 'crm', 'user'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const factSourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    detail: z.string().max(300).optional(),
    /** When the fact was observed (ISO date-time). */
    at: z.string().max(40).optional(),
    /** Set on facts computed from other facts (lib/facts/derive.ts): the facts it was derived from. */
    derivedFrom: z.array(z.string().max(100)).max(10).optional(),
  })
  .strict();
export type FactSource = z.infer<typeof factSourceSchema>;
