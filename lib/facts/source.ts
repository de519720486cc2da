import * as z from 'zod/mini';

/**
 * Where a fact came from, and the date format facts and evidence use. Apart from vocabulary.ts (whose per-fact
 * schemas take milliseconds to build) so the card view's schema, which the content script builds, needs only these.
 * With zod's mini API, as the whole card view's schema (lib/card/schema.ts): they compose into classic schemas too.
 */

/** ISO date (YYYY-MM-DD) or date-time. */
export const isoDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date (YYYY-MM-DD)'),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);

/** Where a fact came from. `detail` says which page, list or user ("linkedin", "accounts.csv", "sdr@acme"). */
export const SOURCE_KINDS = ['page', 'list', 'crm', 'user'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const factSourceSchema = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  detail: z.optional(z.string().check(z.maxLength(300))),
  /** When the fact was observed (ISO date-time). */
  at: z.optional(z.string().check(z.maxLength(40))),
  /** Set on facts computed from other facts (lib/facts/derive.ts): the facts it was derived from. */
  derivedFrom: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(10))),
});
export type FactSource = z.infer<typeof factSourceSchema>;
