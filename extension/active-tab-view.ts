import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { readTabUnreadable, readTabView, tabUnreadableKey, tabViewKey } from '../lib/card/tab-view';

/**
 * The active tab's card view, or why its page could not be read (shared by the popup and the side panel), refreshed when the background updates it.
 * `?tab=<id>` in the page URL pins another tab (a side panel opened for a given tab, and the end-to-end tests).
 */
export function useActiveTabView() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['activeTabView'],
    queryFn: async () => {
      const pinned = Number(new URLSearchParams(location.search).get('tab'));
      const [tab] = pinned ? [await browser.tabs.get(pinned)] : await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return { tab: null, view: null, unreadable: null };
      const key = tabViewKey(tab.id);
      const unreadableKey = tabUnreadableKey(tab.id);
      const stored = await browser.storage.session.get([key, unreadableKey]);
      return { tab, view: readTabView(stored[key]), unreadable: readTabUnreadable(stored[unreadableKey]) };
    },
  });
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: ['activeTabView'] });
    browser.storage.session.onChanged.addListener(refresh);
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      browser.storage.session.onChanged.removeListener(refresh);
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, [client]);
  return query;
}
