import * as z from 'zod/mini';
import { SITE_IDS, type SiteId } from '../sites/list';

/**
 * "Here is what this page shows, raw": the content script's first message on every record. Apart from card.ts (whose
 * answer schemas build the whole card view's) so the content script can check and send it before building those.
 * With zod's mini API, as the answer's schema (card-score.ts).
 */
export const recordKeySchema = z.string().check(z.minLength(1), z.maxLength(300));

export const scorePageRequestSchema = z.strictObject({
  type: z.literal('scorePage'),
  site: z.enum(SITE_IDS as [SiteId, ...SiteId[]]),
  recordKey: recordKeySchema,
  /** Raw facts by fact name, as the adapter read them (strings, numbers, lists). */
  raw: z.record(z.string().check(z.maxLength(100)), z.unknown()),
  locale: z.optional(z.string().check(z.maxLength(35))),
});
export type ScorePageRequest = z.output<typeof scorePageRequestSchema>;
