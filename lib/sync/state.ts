import { z } from 'zod';
import { nextSyncDelay } from './backoff';
import type { FetchFailureCause } from './fetch-model';

/**
 * What the extension knows about syncing one source URL: shown in the options page and the popup, and used by the
 * background to schedule the next attempt. Kept per URL (not per model) so a URL that has never worked (a typo, a
 * server that is down on day one) still has somewhere to show its error.
 */
export const FAILURE_CAUSES = ['url', 'redirect', 'network', 'timeout', 'http', 'too-large', 'json', 'schema', 'mismatch', 'storage', 'internal'] as const;
export type SyncFailureCause = FetchFailureCause | 'mismatch' | 'storage' | 'internal';

export const syncErrorSchema = z.object({
  at: z.string(),
  cause: z.enum(FAILURE_CAUSES),
  message: z.string(),
  status: z.number().optional(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

export const SYNC_RESULTS = ['updated', 'unchanged', 'not-modified'] as const;
export type SyncResultKind = (typeof SYNC_RESULTS)[number];

export const syncStateSchema = z.object({
  url: z.string(),
  /** The model this URL serves, once known. */
  modelId: z.string().optional(),
  /** ETag of the last good response, sent as If-None-Match. */
  etag: z.string().optional(),
  lastAttempt: z.string().optional(),
  lastSuccess: z
    .object({ at: z.string(), result: z.enum(SYNC_RESULTS), version: z.number().optional() })
    .optional(),
  /** The latest failure; cleared by the next success. */
  lastError: syncErrorSchema.optional(),
  /** Failures in a row, for the backoff. */
  failures: z.number().int().nonnegative(),
  /** When the background will try again (ISO). */
  nextRun: z.string().optional(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const emptySyncState = (url: string): SyncState => ({ url, failures: 0 });

const iso = (ms: number) => new Date(ms).toISOString();

export function afterSuccess(
  state: SyncState,
  result: { kind: SyncResultKind; modelId?: string; version?: number; etag?: string },
  now: number,
  intervalMinutes: number,
): SyncState {
  const { lastError: _cleared, ...rest } = state;
  return {
    ...rest,
    modelId: result.modelId ?? state.modelId,
    // A 304 keeps the ETag we sent; a new 200 without an ETag must not keep an ETag of older content.
    etag: result.kind === 'not-modified' ? (result.etag ?? state.etag) : result.etag,
    lastAttempt: iso(now),
    lastSuccess: { at: iso(now), result: result.kind, ...(result.version !== undefined ? { version: result.version } : {}) },
    failures: 0,
    nextRun: iso(now + nextSyncDelay(0, intervalMinutes)),
  };
}

export function afterFailure(
  state: SyncState,
  error: { cause: SyncFailureCause; message: string; status?: number; problems?: { path: string; message: string }[] },
  now: number,
  intervalMinutes: number,
): SyncState {
  const failures = state.failures + 1;
  return {
    ...state,
    lastAttempt: iso(now),
    lastError: { at: iso(now), ...error },
    failures,
    nextRun: iso(now + nextSyncDelay(failures, intervalMinutes)),
  };
}
