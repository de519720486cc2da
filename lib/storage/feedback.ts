import { z } from 'zod';
import { checkRow } from './check-row';
import { nowIso, type FeedbackRow, type IcpDb } from './db';
import { criterionSnapshotSchema, verdictSchema } from './snapshot';

/** "This score looks wrong": what the rep said, about which score, with the facts and criteria as the card showed them. */
export const newFeedbackSchema = z
  .object({
    accountKey: z.string().min(1).max(300),
    company: z.string().max(300).optional(),
    domain: z.string().max(300).optional(),
    modelId: z.string().min(1).max(64),
    modelVersion: z.number().int().positive(),
    score: z.number().min(0).max(100),
    tier: z.string().max(64).nullable(),
    verdict: verdictSchema,
    comment: z.string().trim().min(1, 'say what looks wrong').max(2000),
    disputed: z.array(z.string().max(64)).max(500).default([]),
    criteria: z.array(criterionSnapshotSchema).max(500),
    facts: z.array(z.object({ field: z.string().max(100), value: z.unknown(), source: z.string().max(40) }).strict()).max(200),
    user: z.string().trim().min(1, 'say who you are').max(200),
    at: z.string().max(40).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = new Set(f.criteria.map((c) => c.id));
    f.disputed.forEach((id, i) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['disputed', i], message: `"${id}" is not a criterion of the score` });
    });
  });
export type NewFeedback = z.input<typeof newFeedbackSchema>;

const feedbackRowSchema = z.object({
  id: z.number().int(),
  accountKey: z.string(),
  company: z.string().optional(),
  domain: z.string().optional(),
  modelId: z.string(),
  modelVersion: z.number().int(),
  score: z.number(),
  tier: z.string().nullable(),
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
