import type { browser } from 'wxt/browser';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handle';
import { createModelCache } from '../../lib/engine/model-cache';
import type { SyncController } from './sync';
import { isIcpRequest } from '../../lib/messages/schemas';
import { IcpDb, type IdbDeps } from '../../lib/storage/db';
import { installBuiltinModels } from '../../lib/storage/models';
import { createWriteQueue } from '../../lib/storage/write-queue';
import type { SitePrefs } from '../../lib/prefs';
import type { SiteId } from '../../lib/sites/list';

/** The parts of `browser.runtime` the background uses (WXT's fakeBrowser provides them in unit tests). */
export type BackgroundRuntime = Pick<typeof browser.runtime, 'onInstalled' | 'onMessage'> & Partial<Pick<typeof browser.runtime, 'getURL'>>;

/**
 * Where the popup and side panel find what the card of a tab shows (session storage: survives the worker, not the
 * browser): its view, or why its page could not be read (null clears it).
 */
export interface TabViewStore {
  view(tabId: number, view: unknown): Promise<void>;
  unreadable(tabId: number, unreadable: unknown): Promise<void>;
}

/**
 * Starts the background: opens the database, installs the built-in models, starts model sync, and answers every
 * message with one router (lib/messages/handle.ts).
 *
 * MV3 kills an idle service worker at any time, so nothing here must survive in globals: the built-ins are installed
 * on `onInstalled` and again, lazily, before the first message of each worker life (installing is idempotent); the
 * compiled-model cache is rebuilt from the database when the worker comes back.
 */
export interface BackgroundOptions {
  storeTabView?: TabViewStore;
  /** Starts model sync once the database is open (background.ts passes registerSync from ./sync). */
  startSync?: (db: IcpDb, ready: () => Promise<void>) => Pick<SyncController, 'handle'>;
  /** Whether the card is switched on for a site (background.ts reads the popup's switch from storage). */
  siteEnabled?: (site: SiteId) => Promise<boolean>;
  /** The card's place and state on a site (background.ts reads them from storage), sent with the card's answer. */
  cardPrefs?: (site: SiteId) => Promise<SitePrefs>;
}

export function startBackground(runtime: BackgroundRuntime, idb: IdbDeps, options: BackgroundOptions = {}): HandlerDeps {
  const { storeTabView } = options;
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
  // The card's answer does not wait for the pipeline's writes; every request waits for those queued before it.
  const writes = createWriteQueue((error) => console.error('icp-fit: could not store', error));
  const deps: HandlerDeps = {
    db,
    ready: () => ready().then(writes.settled),
    models: createModelCache(),
    afterAnswer: writes.add,
    ...(options.siteEnabled ? { siteEnabled: options.siteEnabled } : {}),
    ...(options.cardPrefs ? { cardPrefs: options.cardPrefs } : {}),
  };
  const sync = options.startSync?.(db, ready);
  if (sync) deps.sync = sync.handle;

  runtime.onInstalled.addListener(() => {
    ready().catch((error) => console.error('icp-fit: could not install the built-in models', error));
  });
  answerMessages(runtime, deps, storeTabView);
  return deps;
}

/**
 * How long after an answer the tab's copy of it (for the popup and side panel) is stored. Stored at once, it was
 * serialised and written (storage.session, in the browser process) while the answer travelled to the content script
 * and the card rendered: on two cores that held the card back by 1.2-1.9 ms (traced, medians of 40 loads per site).
 * The popup and side panel follow storage changes, so they show it that much later.
 */
export const TAB_COPY_DELAY_MS = 100;

/** The background's one message listener: every request of the contract, from content scripts and extension pages. */
export function answerMessages(runtime: Pick<BackgroundRuntime, 'onMessage' | 'getURL'>, deps: HandlerDeps, storeTabView?: TabViewStore): void {
  const extensionOrigin = runtime.getURL?.('/');
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isIcpRequest(message)) return false; // not ours: let other listeners answer
    const fromExtensionPage = !!extensionOrigin && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
    void handleMessage(message, deps, { fromExtensionPage }).then(async (response) => {
      // The card first: the tab's copy for the popup and side panel is stored once the card has had time to render.
      sendResponse(response);
      const tabId = sender.tab?.id;
      // Whichever frame shows the card speaks for the tab: a page whose frame holds the record shows none itself
      // (lib/page/frames.ts), so HubSpot's record frame is the one that scores.
      if (storeTabView && tabId !== undefined && response.ok && ('view' in response || 'unreadable' in response)) {
        await new Promise((resolve) => setTimeout(resolve, TAB_COPY_DELAY_MS));
        if ('view' in response && response.view) {
          await storeTabView.view(tabId, response.view).catch(() => undefined);
          await storeTabView.unreadable(tabId, null).catch(() => undefined);
        }
        if ('unreadable' in response) await storeTabView.unreadable(tabId, response.unreadable).catch(() => undefined);
      }
    });
    return true; // keeps the channel open for the async answer (works in every Chromium and Firefox version)
  });
}
