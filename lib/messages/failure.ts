import * as z from 'zod/mini';

/**
 * Every answer's failure: `{ ok: false, error }`. Apart from result.ts, with zod's mini API, so the content script's
 * score answer (card-score.ts) is built without loading zod's classic API.
 */
export const failure = z.strictObject({ ok: z.literal(false), error: z.string() });
