import * as z from 'zod/mini';
import { cardViewSchema } from '../card/schema';
import { sitePrefsSchema } from '../prefs-schema';
import type { MessageSpec } from './contract';
import { failure } from './failure';
import { scorePageRequestSchema, type ScorePageRequest } from './score-page';

/**
 * The content script's score request and its answer: the one exchange a page's first card waits for. Apart from the
 * card's other messages (card.ts) so the content script builds only these schemas while the background scores, and
 * the others after the first card shows (measured: building them all held the first answer back by 1-2 ms). With
 * zod's mini API, as every schema the content script builds before its first card.
 */
export { scorePageRequestSchema, type ScorePageRequest };

/**
 * `prefs`: where the card goes on this site and whether it is minimised, read by the background beside the scores, so
 * the card can show with its answer without waiting for its own storage read.
 */
export const scorePageResponseSchema = z.union([
  z.strictObject({ ok: z.literal(true), view: z.nullable(cardViewSchema), error: z.optional(z.string()), prefs: z.optional(sitePrefsSchema()) }),
  failure,
]);
export type ScorePageResponse = z.output<typeof scorePageResponseSchema>;

export const SCORE_PAGE_CONTRACT = {
  scorePage: { request: scorePageRequestSchema, response: scorePageResponseSchema },
} satisfies Record<string, MessageSpec>;
