import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MappingPreview } from '../../components/mapping/MappingPreview';
import { unreadableLines } from '../../lib/lists/import';
import { FACT_MAPPING_TARGETS, FilledCounter, identityError, mapHeaders, previewCsv, type MappingTarget } from '../../lib/mapping';
import { rememberedOverrides, rememberOverrides } from '../../lib/storage/column-mappings';
import { listLists, removeList } from '../../lib/storage/lists';
import { askWorker } from './accounts-worker-client';
import { sendSync, useDeps } from './data';

/** Rows read for the preview's samples and counts (account lists are rarely longer; the import reads them all). */
const MAX_PREVIEW_ROWS = 5000;

interface PendingList {
  name: string;
  text: string;
  headers: string[];
  rows: string[][];
  overrides: Record<string, MappingTarget>;
}

/** The chosen list before import: its column mapping, one error if no column identifies an account, and the buttons. */
function ListPreview(props: { list: PendingList; onChange: (header: string, target: MappingTarget | undefined) => void; onImport: () => void; onCancel: () => void; busy: boolean }) {
  const { list } = props;
  const mapping = mapHeaders(list.headers, list.overrides);
  const counter = new FilledCounter(list.headers.length);
  for (const row of list.rows) counter.add(row);
  const error = list.headers.length ? identityError(mapping, ['domain']) : 'the file is empty';
  return (
    <div className="list-preview" data-testid="account-list-preview">
      <p>
        <strong>{list.name}</strong>: {list.rows.length}
        {list.rows.length === MAX_PREVIEW_ROWS ? '+' : ''} rows. Check how each column is read, then import.
      </p>
      <MappingPreview mapping={mapping} rows={list.rows} filled={counter} targets={FACT_MAPPING_TARGETS} overrides={list.overrides} onChange={props.onChange} />
      {error && (
        <p role="alert" className="error" data-testid="account-list-error">
          {error}
        </p>
      )}
      <button type="button" data-testid="account-list-import" disabled={!!error || props.busy} onClick={props.onImport}>
        Import {list.name}
      </button>{' '}
      <button type="button" data-testid="account-list-cancel" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * Account lists as things: import a CSV (in the worker, with a progress bar) as a named list, see every list with
 * its source, date and row count, and remove one (its facts go; the company's other records stay).
 */
export function ListsPanel({ onChanged }: { onChanged: () => Promise<void> }) {
  const { db, browser } = useDeps();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const syncUrl = useMutation({
    mutationFn: async (target: string) => {
      const response = await sendSync(browser, { type: 'syncNow', url: target, list: true });
      if (!response.ok) throw new Error(response.error);
      const failed = response.reports.find((r) => r.result === 'failed');
      if (failed) throw new Error(failed.error ?? 'the sync failed');
      return response;
    },
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['lists'] });
      await onChanged();
    },
  });
  const lists = useQuery({ queryKey: ['lists'], queryFn: () => listLists(db) });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [pending, setPending] = useState<PendingList | null>(null);
  /** A list file was chosen: show how its columns will be read (with any remembered overrides) before importing. */
  const chooseList = async (file: File) => {
    importList.reset();
    const text = await file.text();
    const { headers, rows } = previewCsv(text, MAX_PREVIEW_ROWS);
    const overrides = await rememberedOverrides(db, headers).catch(() => ({}));
    setPending({ name: file.name, text, headers, rows, overrides });
  };
  const changeMapping = (header: string, target: MappingTarget | undefined) => {
    if (!pending) return;
    const overrides: Record<string, MappingTarget> = { ...pending.overrides };
    if (target) overrides[header] = target;
    else delete overrides[header];
    setPending({ ...pending, overrides });
  };
  const importList = useMutation({
    mutationFn: async (list: PendingList) => {
      await rememberOverrides(db, list.headers, list.overrides);
      const at = new Date().toISOString();
      const done = await askWorker({ type: 'import', name: list.name, source: list.name, text: list.text, at, overrides: list.overrides }, (n, total) => setProgress({ done: n, total }));
      return done.list;
    },
    onSuccess: () => setPending(null),
    onSettled: async () => {
      setProgress(null);
      await client.invalidateQueries({ queryKey: ['lists'] });
      await onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeList(db, id),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['lists'] });
      await onChanged();
    },
  });
  const result = importList.data;
  return (
    <section className="card-section" data-testid="lists-panel">
      <h2>Account lists</h2>
      <p className="muted">
        A CSV of accounts (a CRM list export): matched to pages by website, merged into the card as facts from the list. Importing a file of the same
        name again updates that list.
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="account-list-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void chooseList(file);
          e.target.value = '';
        }}
      />
      {pending && <ListPreview list={pending} onChange={changeMapping} onImport={() => importList.mutate(pending)} onCancel={() => setPending(null)} busy={importList.isPending} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) syncUrl.mutate(url.trim());
        }}
      >
        <label>
          Or sync a list from a URL (kept up to date like the model; the last good copy stays when the server fails){' '}
          <input type="url" data-testid="list-url" placeholder="https://revops.example.com/accounts.csv" value={url} onChange={(e) => setUrl(e.target.value)} size={50} />
        </label>{' '}
        <button type="submit" data-testid="list-url-sync" disabled={syncUrl.isPending}>
          Sync
        </button>
        {syncUrl.isError && (
          <span role="alert" data-testid="list-url-error">
            {' '}
            {String((syncUrl.error as Error).message)}
          </span>
        )}
      </form>
      {progress && (
        <p data-testid="list-import-progress">
          Importing… <progress max={progress.total} value={progress.done} /> {progress.done}/{progress.total}
        </p>
      )}
      {result && (
        <div data-testid="account-list-result">
          <p>
            Imported {result.rowCount} accounts from {result.source}
            {result.problems.length ? `; ${result.problems.length} problems:` : '.'}
          </p>
          {unreadableLines(result.problems).length > 0 && (
            <p data-testid="account-list-unreadable">
              Could not read {unreadableLines(result.problems).length} row{unreadableLines(result.problems).length === 1 ? '' : 's'} (broken quotes), not
              imported: line {unreadableLines(result.problems).join(', ')}
            </p>
          )}
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {importList.isError && <p role="alert">Import failed: {String(importList.error)}</p>}
      {lists.data?.length ? (
        <table className="lists-table" data-testid="lists">
          <thead>
            <tr>
              <th>List</th>
              <th>Source</th>
              <th>Imported</th>
              <th>Accounts</th>
              <th>Refused rows</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lists.data.map((l) => (
              <tr key={l.id} data-testid="list-row" data-list-id={l.id}>
                <td>{l.name}</td>
                <td>{l.url ?? l.source}</td>
                <td>{l.importedAt.slice(0, 16).replace('T', ' ')}</td>
                <td data-testid="list-count">{l.rowCount}</td>
                <td>{l.problems.length}</td>
                <td>
                  <button type="button" data-testid="list-remove" onClick={() => remove.mutate(l.id)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No lists imported.</p>
      )}
    </section>
  );
}
