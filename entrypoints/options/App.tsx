import { useState } from 'react';
import { ModelList } from '../../components/editor/ModelList';
import { setModelActive } from '../../lib/storage/models';
import { modelsFileName, modelsFileText } from '../../lib/sync/models-file';
import { downloadText, useAfterModelChange, useDeps, useModels, usePolicy, usePreviewAccounts, useSyncStates } from './data';
import { EditorTab } from './EditorTab';
import { HistoryTab } from './HistoryTab';
import { ImportExport } from './ImportExport';
import { ModelSyncPanel, SyncSettings } from './SyncPanel';

type Tab = 'edit' | 'history' | 'sync';
const TABS: [Tab, string][] = [
  ['edit', 'Edit'],
  ['history', 'History'],
  ['sync', 'Sync'],
];

/** The options page: models, the selected model's editor / history / sync, import-export and sync settings. */
export function App() {
  const { db } = useDeps();
  const models = useModels();
  const policy = usePolicy();
  const states = useSyncStates();
  const accounts = usePreviewAccounts();
  const afterChange = useAfterModelChange();
  // Switches flipped but not yet written and re-read: shown as flipped, so a poll in between cannot flip them back.
  const [pendingActive, setPendingActive] = useState<Record<string, boolean>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('edit');

  if (models.isPending) return <p>Loading…</p>;
  if (models.isError) return <p className="error">Could not read the models: {String(models.error)}</p>;
  const list = models.data.map((m) => (m.model.id in pendingActive ? { ...m, active: pendingActive[m.model.id] } : m));
  // Chromium takes about 2 s to read managed storage the first time: the models show at once, and editing waits
  // (read-only) until the admin policy is known, so a locked policy is never bypassed in that window.
  const pendingPolicy = { lockEditing: true };
  const locked = policy.data?.lockEditing ?? true;
  const current = list.find((m) => m.model.id === selected) ?? list.find((m) => m.active) ?? list[0];

  return (
    <main>
      <h1>ICP Fit — models</h1>
      {policy.isPending && (
        <p className="banner muted" data-testid="policy-pending">
          Reading your organisation's policy… editing opens in a moment.
        </p>
      )}
      {locked && !policy.isPending && (
        <p className="banner" data-testid="locked">
          Model editing is locked by your administrator. Models still sync from their source URL.
        </p>
      )}
      <ModelList
        models={list}
        selected={current?.model.id ?? null}
        locked={locked}
        onSelect={(id) => setSelected(id)}
        onToggleActive={(id, active) => {
          setPendingActive((p) => ({ ...p, [id]: active }));
          void setModelActive(db, id, active)
            .then(() => afterChange(id))
            .finally(() =>
              setPendingActive(({ [id]: _done, ...rest }) => rest),
            );
        }}
        onExport={(id) => {
          const model = list.find((m) => m.model.id === id)?.model;
          if (model) downloadText(modelsFileName([model]), modelsFileText([model]));
        }}
      />
      {list.every((m) => !m.active) && <p className="error">No model is active: the card has nothing to score with.</p>}
      <ImportExport models={list} locked={locked} />
      <SyncSettings states={states.data ?? []} policy={policy.data ?? pendingPolicy} modelUrls={list.flatMap((m) => (m.sourceUrl ? [m.sourceUrl] : []))} />
      {current && (
        <section data-testid="model-panel" data-model-id={current.model.id}>
          <h2>
            {current.model.name} <span className="muted">v{current.model.version}</span>
          </h2>
          <div className="tabs" role="tablist">
            {TABS.map(([id, label]) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} data-testid={`tab-${id}`} onClick={() => setTab(id)}>
                {label}
              </button>
            ))}
          </div>
          {tab === 'edit' && (
            <EditorTab
              key={current.model.id}
              stored={current}
              locked={locked}
              accounts={accounts.data?.accounts ?? []}
              customFields={accounts.data?.customFields ?? []}
            />
          )}
          {tab === 'history' && <HistoryTab key={current.model.id} stored={current} locked={locked} />}
          {tab === 'sync' && <ModelSyncPanel key={current.model.id} stored={current} states={states.data ?? []} policy={policy.data ?? pendingPolicy} />}
        </section>
      )}
    </main>
  );
}
