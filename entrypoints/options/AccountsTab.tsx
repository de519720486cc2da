import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { AccountsTable } from '../../components/accounts/AccountsTable';
import { AccountFilters } from '../../components/accounts/AccountFilters';
import { Breakdown } from '../../components/Breakdown';
import '../../components/accounts/accounts.css';
import type { ScoredAccount } from '../../lib/accounts/companies';
import { accountsCsv, filterAccounts, tierCounts, type AccountFilter } from '../../lib/accounts/view';
import { staleFacts } from '../../lib/accounts/stale';
import { buildCardView } from '../../lib/card/view';
import { compileModel, scoreBest } from '../../lib/engine/score';
import { valuesOf } from '../../lib/facts/parse';
import { clearMemory, forgetCompany } from '../../lib/storage/accounts';
import { getSetting } from '../../lib/storage/settings';
import { askWorker } from './accounts-worker-client';
import { announceChange, downloadText, useDeps, useModels } from './data';
import { ListsPanel } from './ListsPanel';

/**
 * The Accounts page: every stored company (lists, visited pages, CRM records, answers) scored against the active
 * models in a worker, re-scored when a model or the stored accounts change, filtered, exported, opened.
 */
export function AccountsTab() {
  const { db, browser } = useDeps();
  const client = useQueryClient();
  const models = useModels();
  const active = useMemo(() => (models.data ?? []).filter((m) => m.active).map((m) => m.model), [models.data]);
  // Re-score when the active models (or their versions) change.
  const modelsKey = active.map((m) => `${m.id}@${m.version}`).join(',');
  const [generation, setGeneration] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number; phase: string } | null>(null);
  const scored = useQuery({
    queryKey: ['scoredAccounts', modelsKey, generation],
    enabled: models.isSuccess,
    queryFn: () => askWorker({ type: 'score', now: Date.now() }, (done, total, phase) => setProgress({ done, total, phase })),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
  useEffect(() => {
    if (!scored.isFetching) setProgress(null);
  }, [scored.isFetching]);
  const [filter, setFilter] = useState<AccountFilter>({});
  const [open, setOpen] = useState<ScoredAccount | null>(null);
  const rows = scored.data?.accounts ?? [];
  const view = useMemo(() => filterAccounts(rows, filter), [rows, filter]);
  const counts = useMemo(() => tierCounts(view), [view]);
  const tiers = scored.data?.models.flatMap((m) => m.tiers) ?? [];
  const uniqueTiers = [...new Map(tiers.map((t) => [t.id, t])).values()];
  const lists = [...new Set(rows.flatMap((r) => r.lists))].sort();
  const changed = async () => {
    setGeneration((g) => g + 1);
    await client.invalidateQueries({ queryKey: ['lists'] });
    await announceChange(browser, 'accounts');
  };

  return (
    <section className="accounts-page" data-testid="accounts-page">
      <h2>
        Accounts <span data-testid="accounts-count">{view.length}</span>
        <span className="muted"> of {rows.length} companies</span>
      </h2>
      {progress && (
        <p data-testid="accounts-progress">
          {progress.phase === 'scoring' ? 'Scoring' : 'Reading'} accounts… <progress max={progress.total} value={progress.done} /> {progress.done}/{progress.total}
        </p>
      )}
      {scored.isError && <p className="error">Could not score the accounts: {String(scored.error)}</p>}
      <p className="tier-counts" data-testid="accounts-tier-counts">
        {uniqueTiers.map((t) => (
          <span key={t.id} data-testid="accounts-tier-count" data-tier={t.id}>
            {t.label}: <b>{counts.get(t.id) ?? 0}</b>
          </span>
        ))}
        <span data-testid="accounts-tier-count" data-tier="">
          Out of tier: <b>{counts.get('') ?? 0}</b>
        </span>
      </p>
      <AccountFilters filter={filter} onChange={setFilter} tiers={uniqueTiers} models={scored.data?.models ?? []} lists={lists} />
      <p>
        <button type="button" data-testid="accounts-export" disabled={view.length === 0} onClick={() => downloadText('accounts.csv', accountsCsv(view), 'text/csv')}>
          Export {view.length} to CSV
        </button>{' '}
        <button
          type="button"
          data-testid="memory-clear"
          onClick={async () => {
            if (!confirm('Forget every company, list and answer stored in this browser?')) return;
            await clearMemory(db);
            setOpen(null);
            await changed();
          }}
        >
          Clear all memory
        </button>
      </p>
      <div className="accounts-layout">
        <AccountsTable rows={view} onOpen={setOpen} />
        {open && (
          <AccountDetail
            account={open}
            models={active}
            onClose={() => setOpen(null)}
            onForget={async () => {
              await forgetCompany(db, open.records[0]);
              setOpen(null);
              await changed();
            }}
          />
        )}
      </div>
      <ListsPanel onChanged={changed} />
    </section>
  );
}

/** One company: its merged facts and the same breakdown as the card. */
function AccountDetail({ account, models, onClose, onForget }: { account: ScoredAccount; models: Parameters<typeof compileModel>[0][]; onClose: () => void; onForget: () => void }) {
  const { db } = useDeps();
  const staleDays = useQuery({ queryKey: ['staleAfterDays'], queryFn: () => getSetting(db, 'staleAfterDays') });
  const view = useMemo(() => {
    if (!models.length || staleDays.data === undefined) return null;
    const now = Date.now();
    const stale = staleFacts(account.facts, now, staleDays.data);
    const { best, results } = scoreBest(models.map(compileModel), valuesOf(account.facts), now, new Set(stale));
    return buildCardView({ recordKey: account.key, best, results, facts: account.facts, conflicts: [], problems: [], stale });
  }, [account, models, staleDays.data]);
  return (
    <aside className="account-detail" data-testid="account-detail" data-account-key={account.key}>
      <h3>{account.name}</h3>
      <p className="muted">
        {account.domain} · records: {account.records.join(', ')}
      </p>
      <p>
        <button type="button" onClick={onClose}>
          Close
        </button>{' '}
        <button type="button" data-testid="account-forget" onClick={onForget}>
          Forget this company
        </button>
      </p>
      {view && (
        <div className="icp-card-breakdown">
          <p>
            <b data-testid="fit-score">{view.result.score}</b> · {view.result.tierLabel ?? 'no tier'} · {view.result.verdict}
          </p>
          <Breakdown view={view} />
        </div>
      )}
    </aside>
  );
}
