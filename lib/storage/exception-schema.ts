import { z } from 'zod';

/** An exception: an account advanced while the model said it is not a fit (reviewed each quarter). */
export const newExceptionSchema = z
  .object({
    accountKey: z.string().min(1).max(300),
    modelId: z.string().min(1).max(64),
    modelVersion: z.number().int().positive(),
    score: z.number().min(0).max(100),
    verdict: z.enum(['fit', 'not-fit', 'needs-data']),
    reason: z.string().trim().min(1, 'say why the account is advanced anyway').max(2000),
    user: z.string().trim().min(1, 'say who advanced it').max(200),
    at: z.string().max(40).optional(),
  })
  .strict();
