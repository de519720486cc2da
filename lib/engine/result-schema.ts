import { z } from 'zod';
import type { ScoreResult } from './score';
import { DIMENSIONS, KINDS } from '../model/dimensions';
import { evidenceSchema } from '../model/evidence';

/** The engine's ScoreResult as a zod schema, so a response from the background is checked before the card uses it. */

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

export const scoreResultSchema: z.ZodType<ScoreResult> = z.object({
  modelId: z.string(),
  modelName: z.string(),
  modelVersion: z.number(),
  score: z.number(),
  potentialScore: z.number(),
  tier: z.string().nullable(),
  tierLabel: z.string().nullable(),
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
  whatWouldChange: z
    .object({
      target: z.string(),
      pointsNeeded: z.number(),
      unknown: z.array(z.string()),
      fail: z.array(z.string()),
      reachable: z.boolean(),
    })
    .nullable(),
  segment: z.object({ id: z.string(), label: z.string(), evidence: evidenceSchema }).nullable(),
  reasons: z.array(z.string()),
});
