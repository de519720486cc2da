import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readAccountList, unreadableLines, type ListProblem } from '../../lib/lists/import';
import { isSiteEnabled, PREF_KEYS } from '../../lib/prefs';
import { SITE_IDS } from '../../lib/sites/list';
import { domainAccountKey, putAccountFacts } from '../../lib/storage/accounts';
import { listExceptions } from '../../lib/storage/exceptions';
import { getSetting, setSetting } from '../../lib/storage/settings';
import { announceChange, useDeps } from './data';

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
  const importList = useMutation({
    mutationFn: async (file: File) => {
      const { accounts, problems } = readAccountList(await file.text(), file.name, new Date().toISOString());
      const all: ListProblem[] = [...problems];
      for (const a of accounts) {
        const stored = await putAccountFacts(db, domainAccountKey(a.domain), a.facts, { name: a.name });
        for (const p of stored.problems) all.push({ line: a.line, message: `${p.field}: ${p.message}` });
      }
      // Open cards merge the list's facts on their next score.
      await announceChange(browser, 'accounts');
      return { file: file.name, imported: accounts.length, unreadable: unreadableLines(problems), problems: all.sort((a, b) => a.line - b.line) };
    },
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
          if (file) importList.mutate(file);
        }}
      />
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
