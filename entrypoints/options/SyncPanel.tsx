import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NumberInput } from '../../components/editor/inputs';
import { SyncStatus } from '../../components/editor/SyncStatus';
import type { StoredModel } from '../../lib/storage/models';
import { setModelSourceUrl, setSyncConfig } from '../../lib/sync/store';
import type { ManagedPolicy } from '../../lib/sync/policy';
import type { SyncState } from '../../lib/sync/state';
import { checkSourceUrl } from '../../lib/sync/url';
import { KEYS, sendSync, useAfterModelChange, useDeps, useSyncConfig } from './data';

function useSyncNow() {
  const { browser } = useDeps();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const run = async (request: { url?: string; modelId?: string }) => {
    setBusy(true);
    setMessage('Syncing…');
    const response = await sendSync(browser, { type: 'syncNow', ...request });
    setBusy(false);
    if (!response.ok) setMessage(response.error);
    else {
      const failed = response.reports.filter((r) => r.result === 'failed').length;
      const updated = response.reports.filter((r) => r.result === 'updated').length;
      setMessage(
        response.reports.length === 0
          ? 'No model has a source URL.'
          : `${response.reports.length} source${response.reports.length === 1 ? '' : 's'} checked: ${updated} updated, ${failed} failed.`,
      );
    }
    await client.invalidateQueries({ queryKey: KEYS.models });
    await client.invalidateQueries({ queryKey: KEYS.syncStates });
    await client.invalidateQueries({ queryKey: ['versions'] });
    return response;
  };
  return { run, busy, message };
}

/** One model's source URL, "Sync now" and sync state. */
export function ModelSyncPanel({ stored, states, policy }: { stored: StoredModel; states: SyncState[]; policy: ManagedPolicy }) {
  const { db } = useDeps();
  const afterChange = useAfterModelChange();
  const sync = useSyncNow();
  const config = useSyncConfig();
  const [url, setUrl] = useState(stored.sourceUrl ?? '');
  const [urlMessage, setUrlMessage] = useState('');
  useEffect(() => setUrl(stored.sourceUrl ?? ''), [stored.sourceUrl]);
  const fromPolicy = !!policy.modelSourceUrl && stored.sourceUrl === policy.modelSourceUrl;
  const lockedUrl = policy.lockEditing || fromPolicy;
  const state = states.find((s) => s.url === stored.sourceUrl);

  const saveUrl = async () => {
    const result = await setModelSourceUrl(db, stored.model.id, url);
    if (!result.ok) return setUrlMessage(result.message);
    setUrlMessage(result.url ? 'Saved. Syncing now…' : 'Source URL removed: the model stays as it is.');
    await afterChange(stored.model.id);
    if (result.url) await sync.run({ modelId: stored.model.id });
    setUrlMessage('');
  };

  const check = url.trim() ? checkSourceUrl(url) : null;
  return (
    <div className="card-section" data-testid="model-sync">
      <h2>Sync from a URL</h2>
      <p className="muted">
        The background fetches the URL every {policy.syncIntervalMinutes ?? config.data?.intervalMinutes ?? 30} minutes (see the sync settings), asking with
        If-None-Match so an unchanged file costs nothing. A file that fails any check leaves this model as it is. {fromPolicy && 'This URL is set by your administrator.'}
      </p>
      <div className="row">
        <label className="grow">
          Source URL (https; http only for localhost)
          <input type="url" data-testid="source-url" value={url} disabled={lockedUrl} placeholder="https://…/icp-model.json" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <button type="button" data-testid="save-source-url" disabled={lockedUrl || (check !== null && !check.ok) || url === (stored.sourceUrl ?? '')} onClick={() => void saveUrl()}>
          Save URL
        </button>
        <button type="button" data-testid="sync-now" disabled={!stored.sourceUrl || sync.busy} onClick={() => void sync.run({ modelId: stored.model.id })}>
          Sync now
        </button>
      </div>
      {check && !check.ok && <p className="error">{check.message}</p>}
      {urlMessage && <p className="error">{urlMessage}</p>}
      <p role="status" data-testid="sync-message">
        {sync.message}
      </p>
      {stored.sourceUrl && <SyncStatus state={state} />}
    </div>
  );
}

/** Add a model from a URL, sync everything now, and the interval / timeout. */
export function SyncSettings({ states, policy, modelUrls }: { states: SyncState[]; policy: ManagedPolicy; modelUrls: string[] }) {
  const { db, browser } = useDeps();
  const client = useQueryClient();
  const config = useSyncConfig();
  const sync = useSyncNow();
  const [newUrl, setNewUrl] = useState('');
  const [tried, setTried] = useState<string | null>(null);
  const [interval, setIntervalMinutes] = useState<number | undefined>();
  const [timeout, setTimeoutSeconds] = useState<number | undefined>();
  const [configMessage, setConfigMessage] = useState('');
  useEffect(() => {
    if (config.data) {
      setIntervalMinutes(config.data.intervalMinutes);
      setTimeoutSeconds(config.data.timeoutSeconds);
    }
  }, [config.data]);

  const add = async () => {
    const checked = checkSourceUrl(newUrl);
    if (!checked.ok) return setTried(null);
    setTried(checked.url);
    const response = await sync.run({ url: checked.url });
    if (response.ok && response.reports.every((r) => r.result !== 'failed')) setNewUrl('');
  };
  const saveConfig = async () => {
    try {
      await setSyncConfig(db, { intervalMinutes: interval, timeoutSeconds: timeout });
      setConfigMessage('Saved.');
      await client.invalidateQueries({ queryKey: KEYS.syncConfig });
      await sendSync(browser, { type: 'syncScheduleChanged' });
    } catch (error) {
      setConfigMessage(error instanceof Error && 'issues' in error ? (error as { issues: { message: string }[] }).issues.map((i) => i.message).join('; ') : String(error));
    }
  };
  const triedState = tried && !modelUrls.includes(tried) ? states.find((s) => s.url === tried) : undefined;
  const newCheck = newUrl.trim() ? checkSourceUrl(newUrl) : null;

  return (
    <section className="card-section" data-testid="sync-settings">
      <h2>Sync</h2>
      {policy.modelSourceUrl && (
        <p>
          Your administrator set the team model source: <code>{policy.modelSourceUrl}</code>
        </p>
      )}
      <div className="row">
        <label className="grow">
          Add a model from a URL
          <input type="url" data-testid="add-source-url" value={newUrl} disabled={policy.lockEditing} placeholder="https://…/icp-model.json" onChange={(e) => setNewUrl(e.target.value)} />
        </label>
        <button type="button" data-testid="add-source" disabled={policy.lockEditing || !newCheck?.ok || sync.busy} onClick={() => void add()}>
          Fetch and add
        </button>
        <button type="button" data-testid="sync-all" disabled={sync.busy} onClick={() => void sync.run({})}>
          Sync all now
        </button>
      </div>
      {newCheck && !newCheck.ok && <p className="error">{newCheck.message}</p>}
      <p role="status" data-testid="sync-all-message">
        {sync.message}
      </p>
      {triedState && <SyncStatus state={triedState} />}
      <div className="row">
        <label>
          Sync every (minutes)
          <NumberInput label="sync interval in minutes" testId="sync-interval" value={policy.syncIntervalMinutes ?? interval} step={1} min={1} disabled={!!policy.syncIntervalMinutes} onChange={setIntervalMinutes} />
        </label>
        <label>
          Timeout (seconds)
          <NumberInput label="sync timeout in seconds" testId="sync-timeout" value={timeout} step={1} min={1} max={120} onChange={setTimeoutSeconds} />
        </label>
        <button type="button" data-testid="save-sync-settings" onClick={() => void saveConfig()}>
          Save sync settings
        </button>
        <span role="status" data-testid="sync-settings-message">
          {configMessage}
        </span>
      </div>
      {policy.syncIntervalMinutes && <p className="muted">The interval is set by your administrator.</p>}
    </section>
  );
}
