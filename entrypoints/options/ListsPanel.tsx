import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unreadableLines } from '../../lib/lists/import';
import { listLists, removeList } from '../../lib/storage/lists';
import { askWorker } from './accounts-worker-client';
import { sendSync, useDeps } from './data';

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
  const importList = useMutation({
    mutationFn: async (file: File) => {
      const { list } = await askWorker({ type: 'import', name: file.name, source: file.name, text: await file.text(), at: new Date().toISOString() }, (done, total) =>
        setProgress({ done, total }),
      );
      return list;
    },
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
          if (file) importList.mutate(file);
          e.target.value = '';
        }}
      />
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
