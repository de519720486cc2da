import { z } from 'zod';
import { checkRow } from './check-row';
import { nowIso, type FeedbackRow, type IcpDb } from './db';
import { newFeedbackSchema } from './feedback-schema';
import { criterionSnapshotSchema, verdictSchema } from './snapshot';

export { newFeedbackSchema };

export type NewFeedback = z.input<typeof newFeedbackSchema>;

const feedbackRowSchema = z.object({
  id: z.number().int(),
  accountKey: z.string(),
  company: z.string().optional(),
  domain: z.string().optional(),
  modelId: z.string(),
  modelVersion: z.number().int(),
  score: z.number(),
  tier: z.string().nullable().optional(),
  verdict: verdictSchema,
  comment: z.string(),
  disputed: z.array(z.string()),
  criteria: z.array(criterionSnapshotSchema),
  facts: z.array(z.object({ field: z.string(), value: z.unknown(), source: z.string() })),
  user: z.string(),
  at: z.string(),
});
export type LoggedFeedback = z.output<typeof feedbackRowSchema>;

/** Stores a rep's feedback; throws a zod error on a malformed entry (a comment and a user are required). */
export async function addFeedback(db: IcpDb, entry: NewFeedback): Promise<LoggedFeedback> {
  const checked = newFeedbackSchema.parse(entry);
  const row = { ...checked, at: checked.at ?? nowIso() } satisfies FeedbackRow;
  const id = await db.feedback.add(row);
  return { ...row, id };
}

/** All feedback, newest first; optionally for one model. */
export async function listFeedback(db: IcpDb, filter: { modelId?: string } = {}): Promise<LoggedFeedback[]> {
  const rows = filter.modelId ? await db.feedback.where('modelId').equals(filter.modelId).toArray() : await db.feedback.toArray();
  return rows
    .map((row) => checkRow(db, 'feedback', row, feedbackRowSchema))
    .filter((f): f is LoggedFeedback => f !== undefined)
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
}
