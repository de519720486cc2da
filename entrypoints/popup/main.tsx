import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { SyncStatus } from '../../components/editor/SyncStatus';
import { Summary } from '../../components/Summary';
import { PREF_KEYS } from '../../lib/prefs';
import { isSiteEnabled } from '../../lib/prefs-schema';
import { IcpDb } from '../../lib/storage/db';
import { listSyncStates } from '../../lib/sync/store';
import { siteOfHost } from '../../lib/sites/list';
import { mountPage } from '../../extension/mount-page';
import { useActiveTabView } from '../../extension/active-tab-view';

/** The popup is in the extension origin: it reads sync state from the database directly, as the options page does. */
const db = new IcpDb({ indexedDB, IDBKeyRange });

/** A short result for the current tab, the per-site switch, model sync state, and the way to the side panel and options. */
function Popup() {
  const { data } = useActiveTabView();
  const client = useQueryClient();
  const site = data?.tab?.url ? siteOfHost(new URL(data.tab.url).host) : null;
  const enabled = useQuery({
    queryKey: ['siteEnabled'],
    queryFn: async () => (await browser.storage.local.get(PREF_KEYS.siteEnabled))[PREF_KEYS.siteEnabled] ?? {},
  });
  const sync = useQuery({ queryKey: ['syncStates'], queryFn: () => listSyncStates(db), refetchInterval: 30_000 });
  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      if (!site) return;
      await browser.storage.local.set({ [PREF_KEYS.siteEnabled]: { ...(enabled.data as object), [site]: on } });
    },
    // Show the new state at once; the stored value follows.
    onMutate: (on: boolean) => {
      if (site) client.setQueryData(['siteEnabled'], { ...(enabled.data as object), [site]: on });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['siteEnabled'] }),
  });
  return (
    <div className="card popup" style={{ position: 'static', width: 'auto', boxShadow: 'none', border: 'none' }}>
      <div className="body">
        {data?.unreadable ? (
          <p className="unreadable-title" data-testid="fit-unreadable">
            Couldn't read this page's company details: open the breakdown for the diagnostic.
          </p>
        ) : data?.view ? (
          <Summary view={data.view} />
        ) : (
          <p className="muted" data-testid="fit-empty">No company on this tab.</p>
        )}
        {site && (
          <label>
            <input
              type="checkbox"
              data-testid="site-enabled"
              checked={isSiteEnabled(enabled.data, site)}
              onChange={(e) => toggle.mutate(e.target.checked)}
            />{' '}
            Show the card on {site}
          </label>
        )}
        {(sync.data ?? []).map((state) => (
          <details key={state.url} className="sync" data-testid="popup-sync">
            <summary>Model sync: {new URL(state.url).host}</summary>
            <SyncStatus state={state} />
          </details>
        ))}
        <p>
          {data?.tab?.id !== undefined && (
            <button type="button" onClick={() => void browser.sidePanel.open({ tabId: data.tab!.id! })}>
              Open breakdown
            </button>
          )}{' '}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Models
          </button>
        </p>
      </div>
    </div>
  );
}

mountPage(Popup);
