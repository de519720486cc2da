import { z } from 'zod';

/** The zod shapes history and feedback rows share: a criterion's result, and a verdict. */
export const criterionSnapshotSchema = z
  .object({
    id: z.string().min(1).max(64),
    label: z.string().max(200),
    status: z.enum(['pass', 'fail', 'unknown']),
    points: z.number().finite(),
  })
  .strict();

export const verdictSchema = z.enum(['fit', 'not-fit', 'needs-data']);
