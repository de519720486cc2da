import { z } from 'zod';
import { scoreResultSchema } from '../engine/result-schema';
import { factSourceSchema } from '../facts/source';
import type { CardView } from './types';

const statusAndPoints = z.object({ status: z.enum(['pass', 'fail', 'unknown']), points: z.number() });
const scoreAt = z.object({
  modelId: z.string(),
  modelVersion: z.number(),
  score: z.number(),
  tier: z.string().nullable(),
  verdict: z.enum(['fit', 'not-fit', 'needs-data']),
  at: z.string().optional(),
});
const scoreChangeSchema = z.object({
  was: scoreAt,
  now: scoreAt,
  text: z.string(),
  criteria: z.array(z.object({ id: z.string(), label: z.string(), was: statusAndPoints.optional(), now: statusAndPoints.optional() })),
});

/** The card view as a zod schema: checks the background's answer and the views stored per tab before they are shown. */
export const cardViewSchema: z.ZodType<CardView> = z.object({
  recordKey: z.string(),
  company: z.string(),
  result: scoreResultSchema,
  alternatives: z.array(
    z.object({
      modelId: z.string(),
      modelName: z.string(),
      modelVersion: z.number(),
      score: z.number(),
      tier: z.string().nullable(),
      verdict: z.enum(['fit', 'not-fit', 'needs-data']),
    }),
  ),
  facts: z.array(
    z.object({
      field: z.string(),
      value: z.unknown(),
      source: factSourceSchema,
      conflict: z.string().optional(),
      stale: z.boolean().optional(),
      remembered: z.boolean().optional(),
    }),
  ),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  change: scoreChangeSchema.optional(),
  possibleMatches: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
}) as z.ZodType<CardView>;
