import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { Breakdown } from '../../components/Breakdown';
import { Summary } from '../../components/Summary';
import css from '../../components/card.css?inline';
import { useActiveTabView } from '../popup/tab-view';

/** The full breakdown for the current tab, beside the page. */
function SidePanel() {
  const { data, isPending } = useActiveTabView();
  if (isPending) return <p className="muted">Loading…</p>;
  if (!data?.view) return <p className="muted" data-testid="fit-empty">Open a company on LinkedIn, Crunchbase, HubSpot or Salesforce to see its fit.</p>;
  return (
    <div className="panel" data-testid="fit-card">
      <Summary view={data.view} />
      <Breakdown view={data.view} />
    </div>
  );
}

const style = document.createElement('style');
style.textContent = css;
document.head.append(style);
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <SidePanel />
  </QueryClientProvider>,
);
