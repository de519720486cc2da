import { z } from 'zod';
import { cardViewSchema } from '../card/schema';
import { SITE_IDS, type SiteId } from '../sites/list';

/**
 * The content script's one request: "here is what this page shows, raw". The background normalises it (the
 * normalisation tables stay out of the content script, which must stay small), merges what it knows about the
 * account, scores it and answers with the card's view. Kept apart from schemas.ts so the content script bundles only
 * these schemas.
 */

export const scorePageRequestSchema = z
  .object({
    type: z.literal('scorePage'),
    site: z.enum(SITE_IDS as [SiteId, ...SiteId[]]),
    recordKey: z.string().min(1).max(300),
    /** Raw facts by fact name, as the adapter read them (strings, numbers, lists). */
    raw: z.record(z.string().max(100), z.unknown()),
    locale: z.string().max(35).optional(),
  })
  .strict();
export type ScorePageRequest = z.output<typeof scorePageRequestSchema>;

export const scorePageResponseSchema = z.union([
  z.object({ ok: z.literal(true), view: cardViewSchema.nullable(), error: z.string().optional() }).strict(),
  z.object({ ok: z.literal(false), error: z.string() }).strict(),
]);
export type ScorePageResponse = z.output<typeof scorePageResponseSchema>;

/** The content script's sender: checks the request before sending and the answer before rendering it. */
export async function requestScorePage(
  send: (message: unknown) => Promise<unknown>,
  request: ScorePageRequest,
): Promise<ScorePageResponse> {
  const checked = scorePageRequestSchema.safeParse(request);
  if (!checked.success) return { ok: false, error: `bad request: ${checked.error.issues[0]?.message}` };
  try {
    const answer = scorePageResponseSchema.safeParse(await send(checked.data));
    return answer.success ? answer.data : { ok: false, error: 'malformed answer from the extension' };
  } catch (error) {
    return { ok: false, error: `no answer from the extension: ${error instanceof Error ? error.message : String(error)}` };
  }
}
