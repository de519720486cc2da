import { z } from 'zod';

/**
 * The one message the extension sends to tabs: the models or the stored accounts changed, so open cards score again
 * (a new model version, an imported account list, a synced model). Sent by `broadcastChange` (extension/broadcast.ts)
 * after every write; the content script checks it with this schema.
 */
export const changeBroadcastSchema = z.object({ type: z.literal('changed'), what: z.enum(['models', 'accounts']) }).strict();
export type ChangeBroadcast = z.output<typeof changeBroadcastSchema>;
export type ChangeKind = ChangeBroadcast['what'];
