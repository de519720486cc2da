import * as z from 'zod/mini';
import type { ScoreResult } from './score';
import { DIMENSIONS, KINDS } from '../model/dimensions';
import { evidenceSchema } from '../model/evidence';

/**
 * The engine's ScoreResult as a zod schema, so a response from the background is checked before the card uses it.
 * With zod's mini API: the content script builds it while the background scores (lib/card/schema.ts says why).
 */

const status = z.enum(['pass', 'fail', 'unknown']);
const verdict = z.enum(['fit', 'not-fit', 'needs-data']);
const dimensionScore = z.object({ points: z.number(), worth: z.number() });

export const criterionResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  dimension: z.enum(DIMENSIONS),
  kind: z.enum(KINDS),
  field: z.string(),
  status,
  points: z.number(),
  worth: z.number(),
});

export const scoreResultSchema: z.ZodMiniType<ScoreResult> = z.object({
  modelId: z.string(),
  modelName: z.string(),
  modelVersion: z.number(),
  score: z.number(),
  potentialScore: z.number(),
  tier: z.nullable(z.string()),
  tierLabel: z.nullable(z.string()),
  verdict,
  confidence: z.number(),
  dimensions: z.object({
    firmographic: dimensionScore,
    technographic: dimensionScore,
    behavioural: dimensionScore,
    relationship: dimensionScore,
  }),
  criteria: z.array(criterionResultSchema),
  blockers: z.array(z.string()),
  whatWouldChange: z.nullable(
    z.object({
      target: z.string(),
      pointsNeeded: z.number(),
      unknown: z.array(z.string()),
      fail: z.array(z.string()),
      reachable: z.boolean(),
    }),
  ),
  segment: z.nullable(z.object({ id: z.string(), label: z.string(), evidence: evidenceSchema })),
  reasons: z.array(z.string()),
});
