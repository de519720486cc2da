import { browser } from 'wxt/browser';
import { PREF_KEYS } from '../lib/prefs';
import { isSiteEnabled, readSitePrefs } from '../lib/prefs-schema';
import { tabUnreadableKey, tabViewKey } from '../lib/card/tab-view';
import { startBackground } from './background/start';
import { storedPrefs } from './background/stored-prefs';
import { registerSync } from './background/sync';

// Thin on purpose: everything testable lives in ./background/ and lib/. The real IndexedDB of the extension origin
// is passed in here; unit tests pass fake-indexeddb.
export default defineBackground(() => {
  const prefs = storedPrefs(browser.storage);
  startBackground(browser.runtime, { indexedDB, IDBKeyRange }, {
    storeTabView: {
      view: (tabId, view) => browser.storage.session.set({ [tabViewKey(tabId)]: view }),
      unreadable: (tabId, unreadable) =>
        unreadable ? browser.storage.session.set({ [tabUnreadableKey(tabId)]: unreadable }) : browser.storage.session.remove(tabUnreadableKey(tabId)),
    },
    startSync: (db, ready) => registerSync({ db, browser, ready }),
    siteEnabled: async (site) => isSiteEnabled((await prefs())[PREF_KEYS.siteEnabled], site),
    cardPrefs: async (site) => readSitePrefs((await prefs())[PREF_KEYS.site(site)]),
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove([tabViewKey(tabId), tabUnreadableKey(tabId)]));
});
