import { Breakdown } from '../../components/Breakdown';
import { Summary } from '../../components/Summary';
import { mountPage } from '../../extension/mount-page';
import { useActiveTabView } from '../../extension/active-tab-view';

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

mountPage(SidePanel);
