import { z } from 'zod';

/**
 * The zod shapes exceptions, feedback and the score history share: a criterion's result, a verdict, and "which
 * account, with which score, under which model version" at the moment someone acted on it. Zod only, so the content
 * script's message contract can use them without the database code.
 */
export const criterionSnapshotSchema = z
  .object({
    id: z.string().min(1).max(64),
    label: z.string().max(200),
    status: z.enum(['pass', 'fail', 'unknown']),
    points: z.number().finite(),
  })
  .strict();

export const verdictSchema = z.enum(['fit', 'not-fit', 'needs-data']);

export const scoreAtTheTimeShape = {
  accountKey: z.string().min(1).max(300),
  company: z.string().max(300).optional(),
  domain: z.string().max(300).optional(),
  modelId: z.string().min(1).max(64),
  modelVersion: z.number().int().positive(),
  score: z.number().min(0).max(100),
  tier: z.string().max(64).nullable().optional(),
  verdict: verdictSchema,
};
