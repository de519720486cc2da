import { z } from 'zod';
import { SITE_IDS, type SiteId } from '../sites/list';

/**
 * "Here is what this page shows, raw": the content script's first message on every record. Apart from card.ts (whose
 * answer schemas build the whole card view's) so the content script can check and send it before building those.
 */
export const recordKeySchema = z.string().min(1).max(300);

export const scorePageRequestSchema = z
  .object({
    type: z.literal('scorePage'),
    site: z.enum(SITE_IDS as [SiteId, ...SiteId[]]),
    recordKey: recordKeySchema,
    /** Raw facts by fact name, as the adapter read them (strings, numbers, lists). */
    raw: z.record(z.string().max(100), z.unknown()),
    locale: z.string().max(35).optional(),
  })
  .strict();
export type ScorePageRequest = z.output<typeof scorePageRequestSchema>;
