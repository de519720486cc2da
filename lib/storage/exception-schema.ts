import { z } from 'zod';
import { scoreAtTheTimeShape } from './snapshot';

/**
 * An exception: an account advanced while the gate said not-fit or needs-data (reviewed each quarter), with who,
 * when, why, an optional approver, and the score, tier, verdict and model version at that moment.
 */
export const newExceptionSchema = z
  .object({
    ...scoreAtTheTimeShape,
    verdict: z.enum(['not-fit', 'needs-data'], { message: 'an exception is for a not-fit or needs-data account' }),
    reason: z.string().trim().min(1, 'say why the account is advanced anyway').max(2000),
    user: z.string().trim().min(1, 'say who advanced it').max(200),
    approver: z.string().trim().max(200).optional(),
    at: z.string().max(40).optional(),
  })
  .strict();

/** Stored rows: version-2 rows lack the newer fields, and may carry any verdict. */
export const exceptionRowSchema = newExceptionSchema.extend({
  id: z.number().int(),
  at: z.string(),
  verdict: scoreAtTheTimeShape.verdict,
});
