import { z } from 'zod';
import { checkSourceUrl } from './url';
import { emptySyncState, syncStateSchema, type SyncState } from './state';
import { checkRow } from '../storage/check-row';
import { nowIso, type IcpDb } from '../storage/db';

/**
 * Sync bookkeeping, kept in the `settings` table under reserved keys (so no schema upgrade is needed):
 * `sync:config` for the interval and timeout, `sync:state:<url>` for each source URL's state. The settings
 * repository (settings.ts) ignores keys it does not know, so these never show up as settings.
 */
export const SYNC_CONFIG_KEY = 'sync:config';
export const SYNC_STATE_PREFIX = 'sync:state:';

export const DEFAULT_SYNC_INTERVAL_MINUTES = 30;
export const DEFAULT_SYNC_TIMEOUT_SECONDS = 15;

export const syncConfigSchema = z
  .object({
    /** Minutes between syncs (the alarms API cannot go below 1; an enterprise policy may override it). */
    intervalMinutes: z.number().int().min(1, 'at least 1 minute').max(10_080, 'at most a week (10080 minutes)'),
    /** How long one request may take. */
    timeoutSeconds: z.number().int().min(1, 'at least 1 second').max(120, 'at most 120 seconds'),
  })
  .strict();
export type SyncConfig = z.infer<typeof syncConfigSchema>;
export const DEFAULT_SYNC_CONFIG: SyncConfig = { intervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES, timeoutSeconds: DEFAULT_SYNC_TIMEOUT_SECONDS };

export async function getSyncConfig(db: IcpDb): Promise<SyncConfig> {
  const row = await db.settings.get(SYNC_CONFIG_KEY);
  if (row === undefined) return { ...DEFAULT_SYNC_CONFIG };
  const checked = syncConfigSchema.safeParse(row.value);
  if (checked.success) return checked.data;
  db.reportProblem({ table: 'settings', key: SYNC_CONFIG_KEY, message: checked.error.issues.map((i) => i.message).join('; ') });
  return { ...DEFAULT_SYNC_CONFIG };
}

/** Checks and stores part of the sync configuration; throws a zod error when a value does not fit. */
export async function setSyncConfig(db: IcpDb, change: Partial<SyncConfig>): Promise<SyncConfig> {
  const next = syncConfigSchema.parse({ ...(await getSyncConfig(db)), ...change });
  await db.settings.put({ key: SYNC_CONFIG_KEY, value: next });
  return next;
}

export async function getSyncState(db: IcpDb, url: string): Promise<SyncState> {
  const row = await db.settings.get(SYNC_STATE_PREFIX + url);
  return (row && checkRow(db, 'settings', row.value, syncStateSchema)) || emptySyncState(url);
}

/** Every stored sync state, by URL. */
export async function listSyncStates(db: IcpDb): Promise<SyncState[]> {
  const rows = await db.settings.where('key').startsWith(SYNC_STATE_PREFIX).toArray();
  return rows.map((row) => checkRow(db, 'settings', row.value, syncStateSchema)).filter((s): s is SyncState => s !== undefined);
}

export async function putSyncState(db: IcpDb, state: SyncState): Promise<void> {
  await db.settings.put({ key: SYNC_STATE_PREFIX + state.url, value: syncStateSchema.parse(state) });
}

export async function deleteSyncState(db: IcpDb, url: string): Promise<void> {
  await db.settings.delete(SYNC_STATE_PREFIX + url);
}

/**
 * Sets (or, with an empty value, removes) the URL a stored model syncs from. The URL must be https (http only on
 * localhost). Changing it does not change the model: the next sync does.
 */
export async function setModelSourceUrl(db: IcpDb, id: string, url: string | undefined): Promise<{ ok: true; url?: string } | { ok: false; message: string }> {
  let checked: string | undefined;
  if (url !== undefined && url.trim() !== '') {
    const result = checkSourceUrl(url);
    if (!result.ok) return result;
    checked = result.url;
  }
  return db.transaction('rw', db.models, db.settings, async () => {
    const row = await db.models.get(id);
    if (!row) return { ok: false as const, message: `no model "${id}"` };
    if (row.sourceUrl === checked) return { ok: true as const, url: checked };
    const { sourceUrl: old, ...rest } = row;
    await db.models.put({ ...rest, ...(checked ? { sourceUrl: checked } : {}), updatedAt: nowIso() });
    // The old URL's ETag and errors describe another file: forget them.
    if (old) await db.settings.delete(SYNC_STATE_PREFIX + old);
    return { ok: true as const, url: checked };
  });
}
