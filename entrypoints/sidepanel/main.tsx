import { Breakdown } from '../../components/Breakdown';
import { Summary } from '../../components/Summary';
import { Unreadable } from '../../components/Unreadable';
import { mountPage } from '../../extension/mount-page';
import { useActiveTabView } from '../../extension/active-tab-view';

/** The full breakdown for the current tab, beside the page; or, when its page could not be read, the same diagnostic as the card. */
function SidePanel() {
  const { data, isPending } = useActiveTabView();
  if (isPending) return <p className="muted">Loading…</p>;
  if (data?.unreadable)
    return (
      <div className="panel" data-testid="fit-card" data-state="unreadable" data-record-key={data.unreadable.recordKey}>
        {data.unreadable.company && <h2 data-testid="fit-company">{data.unreadable.company}</h2>}
        <Unreadable diagnostic={data.unreadable.diagnostic} />
      </div>
    );
  if (!data?.view) return <p className="muted" data-testid="fit-empty">Open a company on LinkedIn, Crunchbase, HubSpot or Salesforce to see its fit.</p>;
  return (
    <div className="panel" data-testid="fit-card">
      <Summary view={data.view} />
      <Breakdown view={data.view} />
    </div>
  );
}

mountPage(SidePanel);
