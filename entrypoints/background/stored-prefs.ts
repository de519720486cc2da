import type { browser } from 'wxt/browser';
import { PREF_KEYS } from '../../lib/prefs';
import { SITE_IDS } from '../../lib/sites/list';

/** The storage the worker reads the card's prefs from (WXT's fakeBrowser provides it in unit tests). */
export type PrefsStorage = Pick<typeof browser.storage, 'local' | 'onChanged'>;

/** Every key the card's answer needs: the per-site switch and each site's card place. */
const KEYS = [PREF_KEYS.siteEnabled, ...SITE_IDS.map((site) => PREF_KEYS.site(site))];

/**
 * The per-site switch and the card's place as last read from `storage.local`, kept until anything there changes.
 * Each card answer needs both; read per answer, they were two storage round trips, and at times the last thing the
 * answer waited for (traced: up to 3 ms after the database reads). storage.onChanged tells the worker of every
 * change, popup's and options' included, so nothing stale is kept; and a worker that is stopped simply reads again.
 */
export function storedPrefs(storage: PrefsStorage): () => Promise<Record<string, unknown>> {
  let read: Promise<Record<string, unknown>> | undefined;
  storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') read = undefined;
  });
  return () => {
    if (read) return read;
    const current = storage.local.get(KEYS).catch((error: unknown) => {
      if (read === current) read = undefined; // a failed read is not kept
      throw error;
    });
    read = current;
    return current;
  };
}
