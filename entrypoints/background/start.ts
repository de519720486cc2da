import type { browser } from 'wxt/browser';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handle';
import { createModelCache } from '../../lib/engine/model-cache';
import { isIcpRequest } from '../../lib/messages/schemas';
import { IcpDb, type IdbDeps } from '../../lib/storage/db';
import { installBuiltinModels } from '../../lib/storage/models';

/** The parts of `browser.runtime` the background uses (WXT's fakeBrowser provides them in unit tests). */
export type BackgroundRuntime = Pick<typeof browser.runtime, 'onInstalled' | 'onMessage'>;

/** Where the popup and side panel find the card view of a tab (session storage: survives the worker, not the browser). */
export type TabViewStore = (tabId: number, view: unknown) => Promise<void>;

/**
 * Starts the background: opens the database, installs the built-in models, answers messages.
 *
 * MV3 kills an idle service worker at any time, so nothing here must survive in globals: the built-ins are installed
 * on `onInstalled` and again, lazily, before the first message of each worker life (installing is idempotent); the
 * compiled-model cache is rebuilt from the database when the worker comes back.
 */
export function startBackground(runtime: BackgroundRuntime, idb: IdbDeps, storeTabView?: TabViewStore): HandlerDeps {
  const db = new IcpDb(idb);
  let installed: Promise<void> | undefined;
  const ready = () =>
    (installed ??= installBuiltinModels(db).then(
      () => undefined,
      (error: unknown) => {
        installed = undefined; // try again on the next message
        throw error;
      },
    ));
  const deps: HandlerDeps = { db, ready, models: createModelCache() };

  runtime.onInstalled.addListener(() => {
    ready().catch((error) => console.error('icp-fit: could not install the built-in models', error));
  });

  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isIcpRequest(message)) return false; // not ours: let other listeners answer
    void handleMessage(message, deps).then(async (response) => {
      const tabId = sender.tab?.id;
      // Only the top frame's card speaks for the tab (HubSpot runs the content script in its frames too).
      if (storeTabView && tabId !== undefined && response.ok && 'view' in response && response.view && !sender.frameId)
        await storeTabView(tabId, response.view).catch(() => undefined);
      sendResponse(response);
    });
    return true; // keeps the channel open for the async answer (works in every Chromium and Firefox version)
  });
  return deps;
}
