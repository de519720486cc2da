import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import type { browser as wxtBrowser } from 'wxt/browser';
import type { IcpDb } from '../../lib/storage/db';
import { customFieldsOf, listRecentAccounts } from '../../lib/storage/account-list';
import { getModelVersions, installBuiltinModels, listModels } from '../../lib/storage/models';
import { getSyncConfig, listSyncStates } from '../../lib/sync/store';
import type { SyncRequest, SyncResponse } from '../../lib/sync/messages';
import { parsePolicy, type ManagedPolicy } from '../../lib/sync/policy';
import { broadcastChange } from '../../extension/broadcast';
import { clientFor } from '../../lib/messages/client';
import { CONTRACT } from '../../lib/messages/schemas';
import type { ChangeKind } from '../../lib/messages/broadcast';

/**
 * The options page's data. The page runs in the extension origin, so it opens the same IndexedDB as the background
 * and calls the storage repositories directly (reads and writes); only "sync now" is a message, because fetching,
 * the alarm and the backoff live in the background. TanStack Query caches the reads; after a write the page
 * invalidates them, tells open tabs to re-score, and asks the background to reschedule.
 */
export interface OptionsDeps {
  db: IcpDb;
  browser: typeof wxtBrowser;
}

export const DepsContext = createContext<OptionsDeps | null>(null);
export function useDeps(): OptionsDeps {
  const deps = useContext(DepsContext);
  if (!deps) throw new Error('DepsContext missing');
  return deps;
}

export const KEYS = {
  models: ['models'] as const,
  versions: (id: string) => ['versions', id] as const,
  syncStates: ['syncStates'] as const,
  syncConfig: ['syncConfig'] as const,
  policy: ['policy'] as const,
  accounts: ['previewAccounts'] as const,
};

/** The background also changes models (sync): poll gently so the page shows them without a reload. */
const POLL_MS = 5_000;

let builtinsReady: Promise<unknown> | undefined;

export function useModels() {
  const { db } = useDeps();
  return useQuery({
    queryKey: KEYS.models,
    queryFn: async () => {
      // Idempotent; covers opening the options page before the background has installed the built-ins.
      await (builtinsReady ??= installBuiltinModels(db));
      return listModels(db);
    },
    refetchInterval: POLL_MS,
  });
}

export function useVersions(id: string) {
  const { db } = useDeps();
  return useQuery({ queryKey: KEYS.versions(id), queryFn: () => getModelVersions(db, id), refetchInterval: POLL_MS });
}

export function useSyncStates() {
  const { db } = useDeps();
  return useQuery({ queryKey: KEYS.syncStates, queryFn: () => listSyncStates(db), refetchInterval: POLL_MS });
}

export function useSyncConfig() {
  const { db } = useDeps();
  return useQuery({ queryKey: KEYS.syncConfig, queryFn: () => getSyncConfig(db) });
}

export function usePreviewAccounts() {
  const { db } = useDeps();
  return useQuery({
    queryKey: KEYS.accounts,
    queryFn: async () => {
      const accounts = await listRecentAccounts(db, 500);
      return { accounts, customFields: customFieldsOf(accounts) };
    },
  });
}

/** Enterprise policy from chrome.storage.managed; none (unlocked) where the browser has no managed storage. */
export function usePolicy() {
  const { browser } = useDeps();
  const client = useQueryClient();
  useEffect(() => {
    const listener = (_changes: unknown, area: string) => {
      if (area === 'managed') void client.invalidateQueries({ queryKey: KEYS.policy });
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [browser, client]);
  return useQuery({
    queryKey: KEYS.policy,
    queryFn: async (): Promise<ManagedPolicy> => {
      try {
        return parsePolicy(await browser.storage.managed.get()).policy;
      } catch {
        return { lockEditing: false };
      }
    },
  });
}

/** After a model write: refresh the page's data, re-score open cards, reschedule sync. */
export function useAfterModelChange() {
  const { browser } = useDeps();
  const client = useQueryClient();
  return async (...ids: string[]) => {
    await client.invalidateQueries({ queryKey: KEYS.models });
    for (const id of ids) await client.invalidateQueries({ queryKey: KEYS.versions(id) });
    await client.invalidateQueries({ queryKey: KEYS.syncStates });
    await announceChange(browser, 'models');
    await sendSync(browser, { type: 'syncScheduleChanged' });
  };
}

/** After any write of models or accounts from this page: open cards score again. */
export const announceChange = (browser: OptionsDeps['browser'], what: ChangeKind) => broadcastChange(browser.tabs, what).catch(() => undefined);

/** Sends a sync request to the background through the one message client; never throws. */
export function sendSync(browser: OptionsDeps['browser'], request: SyncRequest): Promise<SyncResponse> {
  return clientFor(CONTRACT, browser.runtime)(request);
}

/** Saves text as a file through a temporary link (no downloads permission needed). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
