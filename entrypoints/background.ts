import { browser } from 'wxt/browser';
import { tabViewKey } from '../lib/card/tab-view';
import { startBackground } from './background/start';
import { registerSync } from './background/sync';

// Thin on purpose: everything testable lives in ./background/ and lib/. The real IndexedDB of the extension origin
// is passed in here; unit tests pass fake-indexeddb.
export default defineBackground(() => {
  const deps = startBackground(browser.runtime, { indexedDB, IDBKeyRange }, (tabId, view) =>
    browser.storage.session.set({ [tabViewKey(tabId)]: view }),
  );
  registerSync({ db: deps.db, browser, ready: deps.ready });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(tabViewKey(tabId)));
});
