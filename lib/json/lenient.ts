import * as z from 'zod/mini';

/**
 * Page data is read with zod's mini API (`zod/mini`): the same checks as the classic API, but a schema is built
 * without the dozens of methods the classic API attaches to each one, which is most of what building the adapters'
 * schemas cost in the content script's first task, where the page is read before it is sent (Node, cold: the
 * LinkedIn JSON-LD schema built and first used in 2 ms instead of 3.4). Crunchbase's embedded state is the one
 * exception, checked by hand for the same reason measured again (lib/sites/crunchbase/shapes.ts).
 */

/** A field that falls back to undefined on its own when odd, so one odd field does not lose the rest. */
export const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/** lenient, also for null. */
export const lenientNullish = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullish(schema), undefined);
