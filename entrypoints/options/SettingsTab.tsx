import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PREF_KEYS } from '../../lib/prefs';
import { isSiteEnabled } from '../../lib/prefs-schema';
import { SITE_IDS } from '../../lib/sites/list';
import { getSetting, setSetting } from '../../lib/storage/settings';
import { announceChange, useDeps } from './data';
import { ListsPanel } from './ListsPanel';

/**
 * Who you are (recorded on answers, exceptions and feedback), where the card shows, and account lists. The exception
 * log is in the Review tab.
 */
export function SettingsTab() {
  const { db, browser } = useDeps();
  const client = useQueryClient();
  const userName = useQuery({ queryKey: ['userName'], queryFn: () => getSetting(db, 'userName') });
  const sites = useQuery({
    queryKey: ['siteEnabled'],
    queryFn: async () => (await browser.storage.local.get(PREF_KEYS.siteEnabled))[PREF_KEYS.siteEnabled] ?? {},
  });
  const [name, setName] = useState<string | null>(null);
  const saveName = useMutation({
    mutationFn: (value: string) => setSetting(db, 'userName', value),
    onSuccess: () => client.invalidateQueries({ queryKey: ['userName'] }),
  });
  const toggleSite = useMutation({
    mutationFn: async ({ site, on }: { site: string; on: boolean }) =>
      browser.storage.local.set({ [PREF_KEYS.siteEnabled]: { ...(sites.data as object), [site]: on } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['siteEnabled'] }),
  });
  return (
    <section className="settings" data-testid="settings">
      <h2>You</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name !== null) saveName.mutate(name);
        }}
      >
        <label>
          Your name (recorded on answers and exceptions){' '}
          <input data-testid="user-name" value={name ?? userName.data ?? ''} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit">Save</button>
        {saveName.isError && <span role="alert"> {String(saveName.error)}</span>}
      </form>
      <ListsPanel onChanged={() => announceChange(browser, 'accounts')} />
      <h2>Sites</h2>
      {SITE_IDS.map((site) => (
        <label key={site} style={{ display: 'block' }}>
          <input
            type="checkbox"
            data-testid={`site-enabled-${site}`}
            checked={isSiteEnabled(sites.data, site)}
            onChange={(e) => toggleSite.mutate({ site, on: e.target.checked })}
          />{' '}
          Show the card on {site}
        </label>
      ))}
      <p className="muted">The exception log and the reps' feedback are in the Review tab.</p>
    </section>
  );
}
