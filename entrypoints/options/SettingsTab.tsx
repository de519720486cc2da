import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MappingPreview } from '../../components/mapping/MappingPreview';
import { readAccountList, unreadableLines, type ListProblem } from '../../lib/lists/import';
import { FACT_MAPPING_TARGETS, FilledCounter, identityError, mapHeaders, previewCsv, type MappingTarget } from '../../lib/mapping';
import { rememberedOverrides, rememberOverrides } from '../../lib/storage/column-mappings';
import { isSiteEnabled, PREF_KEYS } from '../../lib/prefs';
import { SITE_IDS } from '../../lib/sites/list';
import { domainAccountKey, putAccountFacts } from '../../lib/storage/accounts';
import { listExceptions } from '../../lib/storage/exceptions';
import { getSetting, setSetting } from '../../lib/storage/settings';
import { announceChange, useDeps } from './data';

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
 * Who you are (recorded on answers and exceptions), where the card shows, and the exception log RevOps reviews each
 * quarter: accounts advanced although the model said not fit.
 */
export function SettingsTab() {
  const { db, browser } = useDeps();
  const client = useQueryClient();
  const userName = useQuery({ queryKey: ['userName'], queryFn: () => getSetting(db, 'userName') });
  const sites = useQuery({
    queryKey: ['siteEnabled'],
    queryFn: async () => (await browser.storage.local.get(PREF_KEYS.siteEnabled))[PREF_KEYS.siteEnabled] ?? {},
  });
  const exceptions = useQuery({ queryKey: ['exceptions'], queryFn: () => listExceptions(db) });
  const [name, setName] = useState<string | null>(null);
  const saveName = useMutation({
    mutationFn: (value: string) => setSetting(db, 'userName', value),
    onSuccess: () => client.invalidateQueries({ queryKey: ['userName'] }),
  });
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
      const { accounts, problems } = readAccountList(list.text, list.name, new Date().toISOString(), list.overrides);
      const all: ListProblem[] = [...problems];
      for (const a of accounts) {
        const stored = await putAccountFacts(db, domainAccountKey(a.domain), a.facts, { name: a.name });
        for (const p of stored.problems) all.push({ line: a.line, message: `${p.field}: ${p.message}` });
      }
      // Open cards merge the list's facts on their next score.
      await announceChange(browser, 'accounts');
      return { file: list.name, imported: accounts.length, unreadable: unreadableLines(problems), problems: all.sort((a, b) => a.line - b.line) };
    },
    onSuccess: () => setPending(null),
  });
  const toggleSite = useMutation({
    mutationFn: async ({ site, on }: { site: string; on: boolean }) =>
      browser.storage.local.set({ [PREF_KEYS.siteEnabled]: { ...(sites.data as object), [site]: on } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['siteEnabled'] }),
  });
  return (
    <section className="settings" data-testid="settings">
      <h2>You</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name !== null) saveName.mutate(name);
        }}
      >
        <label>
          Your name (recorded on answers and exceptions){' '}
          <input data-testid="user-name" value={name ?? userName.data ?? ''} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit">Save</button>
        {saveName.isError && <span role="alert"> {String(saveName.error)}</span>}
      </form>
      <h2>Account lists</h2>
      <p className="muted">
        A CSV of accounts (a CRM list export): matched to pages by website, merged into the card as facts from the list.
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="account-list-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void chooseList(file);
        }}
      />
      {pending && <ListPreview list={pending} onChange={changeMapping} onImport={() => importList.mutate(pending)} onCancel={() => setPending(null)} busy={importList.isPending} />}
      {importList.data && (
        <div data-testid="account-list-result">
          <p>
            Imported {importList.data.imported} accounts from {importList.data.file}
            {importList.data.problems.length ? `; ${importList.data.problems.length} problems:` : '.'}
          </p>
          {importList.data.unreadable.length > 0 && (
            <p data-testid="account-list-unreadable">
              Could not read {importList.data.unreadable.length} row{importList.data.unreadable.length === 1 ? '' : 's'} (broken quotes), not imported:
              line {importList.data.unreadable.join(', ')}
            </p>
          )}
          <ul>
            {importList.data.problems.map((p, i) => (
              <li key={i}>
                line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {importList.isError && <p role="alert">Import failed: {String(importList.error)}</p>}
      <h2>Sites</h2>
      {SITE_IDS.map((site) => (
        <label key={site} style={{ display: 'block' }}>
          <input
            type="checkbox"
            data-testid={`site-enabled-${site}`}
            checked={isSiteEnabled(sites.data, site)}
            onChange={(e) => toggleSite.mutate({ site, on: e.target.checked })}
          />{' '}
          Show the card on {site}
        </label>
      ))}
      <h2>Exceptions</h2>
      {exceptions.data?.length ? (
        <table data-testid="exceptions">
          <thead>
            <tr>
              <th>When</th>
              <th>Account</th>
              <th>Model</th>
              <th>Score</th>
              <th>Verdict</th>
              <th>Who</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {exceptions.data.map((x) => (
              <tr key={x.id}>
                <td>{x.at.slice(0, 10)}</td>
                <td>{x.accountKey}</td>
                <td>
                  {x.modelId} v{x.modelVersion}
                </td>
                <td>{x.score}</td>
                <td>{x.verdict}</td>
                <td>{x.user}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No exceptions logged.</p>
      )}
    </section>
  );
}
