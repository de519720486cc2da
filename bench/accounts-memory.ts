/**
 * The company memory and the Accounts page's jobs, in Node over fake-indexeddb (the same Dexie code the extension
 * runs; Chromium's IndexedDB is measured by accounts-page.ts):
 *   - finding a page's company among 100k stored accounts (findAccounts: identity keys, two hops) vs a primary-key get;
 *   - importing a 100k-row list (parse, normalise, store) vs papaparse reading the same text;
 *   - re-scoring 100k stored companies (group by identity, merge, score against the model) vs the engine alone.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Papa from 'papaparse';
import { groupRecords, scoreCompanies, type RecordIn } from '../lib/accounts/companies';
import { identityKeys } from '../lib/accounts/identity';
import { importListText } from '../lib/accounts/stored';
import { compileModel, evaluate } from '../lib/engine/score';
import { valuesOf } from '../lib/facts/parse';
import type { CompanyFacts } from '../lib/facts/vocabulary';
import { DEFAULT_MODEL } from '../lib/model/builtin';
import { accountRow, findAccounts } from '../lib/storage/accounts';
import { IcpDb } from '../lib/storage/db';
import { makeAccounts, prng } from './accounts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 100k stored records as the memory holds them: page visits from the four sites, a third with a LinkedIn slug. */
function storedRecords(count: number, now: number): RecordIn[] {
  const at = new Date(now).toISOString();
  return makeAccounts(count, now).map((values, i) => {
    const site = (['linkedin', 'crunchbase', 'hubspot', 'salesforce'] as const)[i % 4];
    const kind = site === 'hubspot' || site === 'salesforce' ? 'crm' : 'page';
    const facts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, source: { kind, detail: site, at } }])) as CompanyFacts;
    if (i % 3 === 0) facts.linkedinUrl = { value: `https://www.linkedin.com/company/company-${i}`, source: { kind, detail: site, at } };
    const key = site === 'linkedin' ? `li:company-${i}` : site === 'crunchbase' ? `cb:company-${i}` : site === 'hubspot' ? `hs:1:0-2:${i}` : `sf:Account:${i}`;
    return { key, facts, ids: identityKeys(key, facts) };
  });
}

export async function measureLookup(count: number, now: number) {
  const db = new IcpDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const records = storedRecords(count, now);
  for (let i = 0; i < records.length; i += 10_000) await db.accounts.bulkPut(records.slice(i, i + 10_000).map((r) => accountRow(r.key, r.facts)));
  const rnd = prng(5);
  const lookups: number[] = [];
  const gets: number[] = [];
  for (let k = 0; k < 300; k++) {
    const i = Math.floor(rnd() * count);
    // A LinkedIn page of company i: its slug and domain.
    const facts = { domain: { value: `company${i}.com`, source: { kind: 'page' as const } } };
    let t = performance.now();
    await db.accounts.get(records[i].key);
    gets.push(performance.now() - t);
    t = performance.now();
    const found = await findAccounts(db, { recordKey: `li:company-${i}`, facts });
    lookups.push(performance.now() - t);
    if (found.length === 0) throw new Error(`company ${i} not found`);
  }
  db.close();
  return { lookupMs: median(lookups), getMs: median(gets) };
}

export async function measureImport(csvText: string) {
  const db = new IcpDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  let t = performance.now();
  Papa.parse(csvText, { skipEmptyLines: 'greedy' });
  const parseMs = performance.now() - t;
  t = performance.now();
  const list = await importListText(db, { name: 'bench.csv', source: 'bench.csv', text: csvText, at: new Date().toISOString() });
  const importMs = performance.now() - t;
  db.close();
  return { parseMs, importMs, rows: list.rowCount, problems: list.problems.length };
}

export function measureRescore(count: number, now: number) {
  const records = storedRecords(count, now);
  const compiled = compileModel(DEFAULT_MODEL);
  let t = performance.now();
  let sink = 0;
  for (const r of records) sink += evaluate(compiled, valuesOf(r.facts), now).score;
  const engineMs = performance.now() - t;
  t = performance.now();
  const scored = scoreCompanies(groupRecords(records), [compiled], now, 180);
  const rescoreMs = performance.now() - t;
  return { engineMs, rescoreMs, companies: scored.length, sink };
}
