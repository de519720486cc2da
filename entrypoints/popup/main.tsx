import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Summary } from '../../components/Summary';
import css from '../../components/card.css?inline';
import { isSiteEnabled, PREF_KEYS } from '../../lib/prefs';
import { siteOfHost } from '../../lib/sites';
import { useActiveTabView } from './tab-view';

/** A short result for the current tab, the per-site switch, and the way to the side panel and options. */
function Popup() {
  const { data } = useActiveTabView();
  const client = useQueryClient();
  const site = data?.tab?.url ? siteOfHost(new URL(data.tab.url).host) : null;
  const enabled = useQuery({
    queryKey: ['siteEnabled'],
    queryFn: async () => (await browser.storage.local.get(PREF_KEYS.siteEnabled))[PREF_KEYS.siteEnabled] ?? {},
  });
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
        {data?.view ? <Summary view={data.view} /> : <p className="muted" data-testid="fit-empty">No company on this tab.</p>}
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

const style = document.createElement('style');
style.textContent = css;
document.head.append(style);
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <Popup />
  </QueryClientProvider>,
);
