import * as z from 'zod/mini';
import { isoDateSchema } from '../facts/source';

/**
 * Part of the model file (schema.ts), apart so the card view's schema (a score result carries its criteria's
 * evidence), which the content script builds, does not build the whole model schema with it.
 *
 * Where outcome figures came from. Only `builder` figures (computed by the holistic builder from the team's own
 * outcomes) are shown as the team's data; `example` marks illustrative figures (the built-in models'), and figures
 * without a source were typed in by hand and are shown as such.
 */
export const EVIDENCE_SOURCES = ['builder', 'example'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** Outcome figures behind a criterion or segment (from the holistic builder, or typed in by RevOps). */
export const evidenceSchema = z.strictObject({
  source: z.optional(
    z
      .enum(EVIDENCE_SOURCES)
      .check(
        z.describe(
          '"builder": computed from the team\'s outcomes by the builder (shown as the team\'s data, with n and asOf); "example": illustrative figures, shown as such; absent: typed in by hand.',
        ),
      ),
  ),
  /** The date of the outcomes the figures were computed from (builder evidence). */
  asOf: z.optional(isoDateSchema),
  n: z.optional(z.int().check(z.nonnegative())),
  winRate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  logoRetention: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  nrr: z.optional(z.number().check(z.minimum(0), z.maximum(10))),
  clv: z.optional(z.number().check(z.nonnegative())),
  tam: z.optional(z.number().check(z.nonnegative())),
  lift: z.optional(z.number()),
  note: z.optional(z.string().check(z.maxLength(1000))),
});
export type Evidence = z.infer<typeof evidenceSchema>;
