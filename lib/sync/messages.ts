import { z } from 'zod';
import { syncStateSchema } from './state';

/**
 * The two messages the options page sends to the background about syncing (part of lib/messages/schemas.ts's contract). Everything else the options
 * page needs it reads and writes in the database directly: extension pages share the background's origin and so its
 * IndexedDB. Only syncing goes through the background, where the alarm and the backoff live.
 */
export const syncRequestSchema = z.discriminatedUnion('type', [
  /** Sync now: every source, one model's source, or a URL not yet bound to a model ("add a model from a URL"). */
  /** With `list: true`, the URL is an account list CSV to sync into a named list ("sync a list from a URL"). */
  z.object({ type: z.literal('syncNow'), url: z.string().max(2000).optional(), modelId: z.string().max(64).optional(), list: z.boolean().optional() }).strict(),
  /** The interval, a source URL or the set of models changed: reschedule the alarm. */
  z.object({ type: z.literal('syncScheduleChanged') }).strict(),
]);
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const syncReportSchema = z.object({
  url: z.string(),
  modelId: z.string().optional(),
  result: z.enum(['updated', 'unchanged', 'not-modified', 'failed']),
  version: z.number().optional(),
  list: z.boolean().optional(),
  error: z.string().optional(),
  state: syncStateSchema,
});

export const syncResponseSchema = z.union([
  z.object({ ok: z.literal(true), reports: z.array(syncReportSchema), nextRun: z.string().nullable() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SyncResponse = z.infer<typeof syncResponseSchema>;
