import { z } from 'zod';
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
export const evidenceSchema = z
  .object({
    source: z
      .enum(EVIDENCE_SOURCES)
      .optional()
      .describe('"builder": computed from the team\'s outcomes by the builder (shown as the team\'s data, with n and asOf); "example": illustrative figures, shown as such; absent: typed in by hand.'),
    /** The date of the outcomes the figures were computed from (builder evidence). */
    asOf: isoDateSchema.optional(),
    n: z.number().int().nonnegative().optional(),
    winRate: z.number().min(0).max(1).optional(),
    logoRetention: z.number().min(0).max(1).optional(),
    nrr: z.number().min(0).max(10).optional(),
    clv: z.number().nonnegative().optional(),
    tam: z.number().nonnegative().optional(),
    lift: z.number().optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;
