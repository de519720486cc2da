import { z } from 'zod';
import { criterionSnapshotSchema, scoreAtTheTimeShape } from './snapshot';

/** "This score looks wrong": what the rep said, about which score, with the facts and criteria as the card showed them. */
export const feedbackFields = z
  .object({
    ...scoreAtTheTimeShape,
    comment: z.string().trim().min(1, 'say what looks wrong').max(2000),
    disputed: z.array(z.string().max(64)).max(500).default([]),
    criteria: z.array(criterionSnapshotSchema).max(500),
    facts: z.array(z.object({ field: z.string().max(100), value: z.unknown(), source: z.string().max(40) }).strict()).max(200),
    user: z.string().trim().min(1, 'say who you are').max(200),
    at: z.string().max(40).optional(),
  })
  .strict();

/** The criteria a rep disputes must be criteria of the score they saw. */
export function checkDisputed(f: { disputed?: string[]; criteria: { id: string }[] }, ctx: z.RefinementCtx): void {
  const ids = new Set(f.criteria.map((c) => c.id));
  (f.disputed ?? []).forEach((id, i) => {
    if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['disputed', i], message: `"${id}" is not a criterion of the score` });
  });
}

export const newFeedbackSchema = feedbackFields.superRefine(checkDisputed);
