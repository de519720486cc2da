import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedPrefs } from '../../../entrypoints/background/stored-prefs';
import { PREF_KEYS } from '../../../lib/prefs';

/** The worker's copy of the card prefs and site switch: read once, read again after any change in storage.local. */
beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('storedPrefs', () => {
  it('reads storage once for any number of answers, and again after a change', async () => {
    await fakeBrowser.storage.local.set({ [PREF_KEYS.siteEnabled]: { linkedin: false } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const prefs = storedPrefs(fakeBrowser.storage);
    expect((await prefs())[PREF_KEYS.siteEnabled]).toEqual({ linkedin: false });
    await prefs();
    expect(get).toHaveBeenCalledTimes(1);
    // The popup switches LinkedIn back on: the next answer sees it.
    await fakeBrowser.storage.local.set({ [PREF_KEYS.siteEnabled]: { linkedin: true } });
    expect((await prefs())[PREF_KEYS.siteEnabled]).toEqual({ linkedin: true });
    await fakeBrowser.storage.local.set({ [PREF_KEYS.site('hubspot')]: { position: { right: 1, top: 2 } } });
    expect((await prefs())[PREF_KEYS.site('hubspot')]).toEqual({ position: { right: 1, top: 2 } });
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('keeps no failed read', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is busy'));
    const prefs = storedPrefs(fakeBrowser.storage);
    await expect(prefs()).rejects.toThrow('storage is busy');
    await expect(prefs()).resolves.toEqual({});
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('ignores changes to other storage areas', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const prefs = storedPrefs(fakeBrowser.storage);
    await prefs();
    await fakeBrowser.storage.session.set({ 'tab:1': { view: null } });
    await prefs();
    expect(get).toHaveBeenCalledTimes(1);
  });
});
