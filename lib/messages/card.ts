import { z } from 'zod';
import { unreadableSchema } from '../card/tab-view';
import { factSchema, isFactName } from '../facts/vocabulary';
import { SITE_IDS, type SiteId } from '../sites/list';
import { exceptionRowSchema, newExceptionSchema } from '../storage/exception-schema';
import { checkDisputed, feedbackFields } from '../storage/feedback-schema';
import { SCORE_PAGE_CONTRACT } from './card-score';
import { answer, type MessageSpec } from './result';
import { recordKeySchema } from './score-page';

/**
 * The content script's messages: "here is what this page shows, raw" (the background normalises it, merges what it
 * knows about the account, scores it and answers with the card's view; the normalisation tables stay out of the
 * content script, which must stay small), an answer to a question on the card, and an exception. Kept apart from
 * contract.ts so the content script bundles only these schemas.
 */
const recordKey = recordKeySchema;

export { scorePageRequestSchema, scorePageResponseSchema, type ScorePageRequest, type ScorePageResponse } from './card-score';

/** The page is a record of the site but gave nothing (or only a name) once settled: the side panel shows why. */
export const pageUnreadableRequestSchema = unreadableSchema.extend({ type: z.literal('pageUnreadable'), site: z.enum(SITE_IDS as [SiteId, ...SiteId[]]) }).strict();

/** A user's answer to a fact (usually a relationship question) for an account. */
export const saveAnswerRequestSchema = z
  .object({
    type: z.literal('saveAnswer'),
    recordKey,
    field: z.string().refine(isFactName, 'unknown fact'),
    value: z.unknown(),
    /** Who answered; defaults to the userName setting. */
    author: z.string().max(200).optional(),
    /** Lets the answer be found from the company's other records (another site, a list row). */
    domain: z.string().max(253).optional(),
    name: z.string().max(300).optional(),
  })
  .strict()
  .superRefine((msg, ctx) => {
    const checked = factSchema(msg.field)?.safeParse(msg.value);
    if (checked && !checked.success) ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid value for ${msg.field}` });
  });

const noteSchema = z.object({
  id: z.number().int(),
  accountKey: z.string(),
  field: z.string().optional(),
  value: z.unknown().optional(),
  text: z.string().optional(),
  author: z.string().optional(),
  at: z.string(),
});

/** An account advanced although not fit or needing data. `user` defaults to the userName setting. */
export const logExceptionRequestSchema = newExceptionSchema
  .omit({ at: true })
  .extend({ type: z.literal('logException'), user: z.string().trim().max(200).optional() })
  .strict();

/** "This score looks wrong", with the facts and criteria as the card showed them. `user` defaults to the userName setting. */
export const sendFeedbackRequestSchema = feedbackFields
  .omit({ at: true })
  .extend({ type: z.literal('sendFeedback'), user: z.string().trim().max(200).optional() })
  .strict()
  .superRefine(checkDisputed);

export const CARD_CONTRACT = {
  ...SCORE_PAGE_CONTRACT,
  pageUnreadable: { request: pageUnreadableRequestSchema, response: answer({ unreadable: unreadableSchema }) },
  saveAnswer: { request: saveAnswerRequestSchema, response: answer({ note: noteSchema }) },
  logException: {
    request: logExceptionRequestSchema,
    response: answer({ exception: exceptionRowSchema }),
  },
  sendFeedback: { request: sendFeedbackRequestSchema, response: answer({ feedbackId: z.number().int() }) },
} satisfies Record<string, MessageSpec>;
