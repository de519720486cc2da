import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isSiteEnabled, PREF_KEYS } from '../../lib/prefs';
import { SITE_IDS } from '../../lib/sites/list';
import { listExceptions } from '../../lib/storage/exceptions';
import { getSetting, setSetting } from '../../lib/storage/settings';
import { announceChange, useDeps } from './data';
import { ListsPanel } from './ListsPanel';

/**
 * Who you are (recorded on answers and exceptions), where the card shows, and the exception log RevOps reviews each
 * quarter: accounts advanced although the model said not fit.
 */
export function SettingsTab() {
  const { db, browser } = useDeps();
  const client = useQueryClient();
  const userName = useQuery({ queryKey: ['userName'], queryFn: () => getSetting(db, 'userName') });
  const sites = useQuery({
    queryKey: ['siteEnabled'],
    queryFn: async () => (await browser.storage.local.get(PREF_KEYS.siteEnabled))[PREF_KEYS.siteEnabled] ?? {},
  });
  const exceptions = useQuery({ queryKey: ['exceptions'], queryFn: () => listExceptions(db) });
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
      <h2>Exceptions</h2>
      {exceptions.data?.length ? (
        <table data-testid="exceptions">
          <thead>
            <tr>
              <th>When</th>
              <th>Account</th>
              <th>Model</th>
              <th>Score</th>
              <th>Verdict</th>
              <th>Who</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {exceptions.data.map((x) => (
              <tr key={x.id}>
                <td>{x.at.slice(0, 10)}</td>
                <td>{x.accountKey}</td>
                <td>
                  {x.modelId} v{x.modelVersion}
                </td>
                <td>{x.score}</td>
                <td>{x.verdict}</td>
                <td>{x.user}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No exceptions logged.</p>
      )}
    </section>
  );
}
