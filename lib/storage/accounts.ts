import { z } from 'zod';
import { identityKeys, nameKey, recordIdentity, registrableDomain } from '../accounts/identity';
import { factSourceSchema, type CompanyFacts, type FactSource } from '../facts/vocabulary';
import { checkRow } from './check-row';
import { checkFacts } from './company-facts';
import { domainOf, nowIso, type AccountRow, type IcpDb } from './db';

/** An account as read back (checked) from the database: the row's shape. */
export type Account = AccountRow;

const accountRowSchema = z.object({
  key: z.string().min(1),
  name: z.string().optional(),
  domain: z.string().optional(),
  facts: z.record(z.string(), z.unknown()),
  sources: z.array(factSourceSchema),
  updatedAt: z.string(),
  ids: z.array(z.string()).optional(),
  nameKey: z.string().optional(),
  list: z.string().optional(),
});

/** The key for an account known only by its domain (a CSV row, a list import). */
export const domainAccountKey = (domain: string): string => `domain:${domain.toLowerCase()}`;

/** A row is skipped when its shape is broken; a single bad fact inside it is dropped and reported. */
function readAccount(db: IcpDb, row: unknown): Account | undefined {
  const checked = checkRow(db, 'accounts', row, accountRowSchema);
  if (!checked) return undefined;
  const { facts, problems } = checkFacts(checked.facts);
  for (const p of problems) db.reportProblem({ table: 'accounts', key: checked.key, message: `fact ${p.field}: ${p.message}` });
  return { ...checked, facts };
}

export async function getAccount(db: IcpDb, key: string): Promise<Account | undefined> {
  const row = await db.accounts.get(key);
  return row === undefined ? undefined : readAccount(db, row);
}

/**
 * Every stored account that is this company: rows that share a strong identity key (lib/accounts/identity.ts) with
 * the record or its facts, followed one more hop (a LinkedIn page names no domain, the Crunchbase record found by
 * its LinkedIn URL does, and the HubSpot record shares that domain). Names alone never link rows: see possiblySame.
 */
export async function findAccounts(db: IcpDb, by: { recordKey?: string; domain?: string; facts?: CompanyFacts }): Promise<Account[]> {
  const seeds = new Set(identityKeys(by.recordKey, by.facts ?? {}));
  const domain = by.domain && registrableDomain(by.domain);
  if (domain) seeds.add(`domain:${domain}`);
  // One exact-key index read per identity key: cheaper than anyOf's cursor walk over a 100k-entry index.
  const readHop = async (ids: string[]) => (await Promise.all(ids.map((id) => db.accounts.where('ids').equals(id).toArray()))).flat();
  // The record's own row comes with the first hop when its key gives an identity key (every row lists its own,
  // accountRow and the v4 upgrade); other keys are read apart, side by side with it. A second hop follows the keys
  // the first found.
  const ownIdentity = by.recordKey && recordIdentity(by.recordKey);
  const [own, firstHop] = await Promise.all([by.recordKey && !ownIdentity ? db.accounts.get(by.recordKey) : undefined, readHop([...seeds])]);
  const rows: unknown[] = [own];
  let found = firstHop;
  for (let hop = 0; ; hop++) {
    rows.push(...found);
    const frontier: string[] = [];
    for (const row of found) for (const id of row.ids ?? []) if (!seeds.has(id)) (seeds.add(id), frontier.push(id));
    if (hop === 1 || !frontier.length) break;
    found = await readHop(frontier);
  }
  // The record's own row first: among equal facts, the earlier layer wins the merge (lib/card/pipeline.ts).
  const ownAt = rows.findIndex((row) => (row as { key?: unknown } | undefined)?.key === by.recordKey);
  if (ownAt > 0) rows.unshift(...rows.splice(ownAt, 1));
  // A row found by several of its keys (its record key, its domain, its LinkedIn page…) is checked once: checking a
  // row's facts is most of the worker's own time on a card (traced).
  const seen = new Set<unknown>();
  const accounts: Account[] = [];
  for (const row of rows) {
    if (row === undefined) continue;
    const key = (row as { key?: unknown }).key;
    if (seen.has(key)) continue;
    seen.add(key);
    const account = readAccount(db, row);
    if (account) accounts.push(account);
  }
  return accounts;
}

/** Stored records with the same normalised name but no shared identity: "possibly the same company", never merged. */
export async function possiblySame(
  db: IcpDb,
  facts: CompanyFacts,
  exclude: readonly string[],
  limit = 5,
  ahead?: SameNameReadAhead,
): Promise<{ key: string; name: string }[]> {
  const key = nameKey(facts);
  if (!key) return [];
  const skip = new Set(exclude);
  const pick = (rows: { key: string; name?: string }[]) => rows.filter((r) => !skip.has(r.key)).slice(0, limit).map((r) => ({ key: r.key, name: r.name ?? r.key }));
  if (ahead && ahead.key === key) {
    const rows = await ahead.rows;
    // Enough rows were read to fill the list without the excluded ones, or there are no more to read.
    if (rows.length < ahead.cap || pick(rows).length === limit) return pick(rows);
  }
  return pick(await db.accounts.where('nameKey').equals(key).limit(limit + skip.size).toArray());
}

/** Records of one name, read before it is known which of them are the company's own (see readSameNameAhead). */
export interface SameNameReadAhead {
  key: string;
  rows: Promise<{ key: string; name?: string }[]>;
  /** How many rows were asked for: fewer came back means there are no more. */
  cap: number;
}

/**
 * Starts possiblySame's read with the page's own name, beside the reads that find the company's records (the card
 * then waits for one round of reads fewer). The merged name is almost always the page's; when it is not, or when the
 * company's own records fill the rows read, possiblySame reads again. `room`: rows beyond the list's limit, for the
 * company's own records.
 */
export function readSameNameAhead(db: IcpDb, facts: CompanyFacts, limit = 5, room = 8): SameNameReadAhead | undefined {
  const key = nameKey(facts);
  if (!key) return undefined;
  const cap = limit + room;
  const rows = db.accounts.where('nameKey').equals(key).limit(cap).toArray();
  rows.catch(() => undefined); // possiblySame may not need it (its own read reports a failure)
  return { key, cap, rows };
}

/** Forgets a company: every record linked to it (pages, CRM records, list rows) and the answers given on them. */
export async function forgetCompany(db: IcpDb, recordKey: string): Promise<string[]> {
  const account = await getAccount(db, recordKey);
  const keys = (await findAccounts(db, { recordKey, facts: account?.facts })).map((a) => a.key);
  if (!keys.includes(recordKey)) keys.push(recordKey);
  await db.transaction('rw', db.accounts, db.notes, async () => {
    await db.accounts.bulkDelete(keys);
    await db.notes.where('accountKey').anyOf(keys).delete();
  });
  return keys;
}

/** Clears all memory: every stored account, list and answer (models and settings stay). */
export async function clearMemory(db: IcpDb): Promise<void> {
  await db.transaction('rw', db.accounts, db.notes, db.lists, async () => {
    await db.accounts.clear();
    await db.notes.clear();
    await db.lists.clear();
  });
}

/**
 * Stores facts for an account (a list import, CRM facts). Facts are checked one by one: bad ones are returned as
 * problems and not stored. New facts replace stored facts of the same name; other stored facts stay.
 */
export async function putAccountFacts(
  db: IcpDb,
  key: string,
  facts: CompanyFacts,
  options: { name?: string; replace?: boolean; list?: string } = {},
): Promise<{ account: Account; problems: { field: string; message: string }[] }> {
  const { facts: good, problems } = checkFacts(facts);
  const account = await db.transaction('rw', db.accounts, async () => {
    const current = await getAccount(db, key);
    // A page seen again replaces what it showed before; a list row or CRM facts add to the record.
    const merged = (options.replace ? good : { ...(current?.facts ?? {}), ...good }) as CompanyFacts;
    const row = accountRow(key, merged, { name: options.name ?? current?.name, domain: current?.domain, list: options.list ?? current?.list });
    await db.accounts.put(row);
    return row;
  });
  return { account, problems };
}

/** A row ready to store: sources, identity keys and name key derived from the facts. Facts must be checked. */
export function accountRow(key: string, facts: CompanyFacts, about: { name?: string; domain?: string; list?: string; at?: string } = {}): AccountRow {
  const row: AccountRow = { key, facts, sources: distinctSources(facts), updatedAt: about.at ?? nowIso(), ids: identityKeys(key, facts) };
  const name = (facts.name?.value as string | undefined) ?? about.name;
  if (name) row.name = name;
  const domain = domainOf(facts) ?? about.domain;
  if (domain) row.domain = domain;
  const weak = nameKey(facts, name);
  if (weak) row.nameKey = weak;
  if (about.list) row.list = about.list;
  return row;
}

/** Makes sure an account row exists (so answers saved on a record page can be found again by domain). */
export async function ensureAccount(db: IcpDb, key: string, about: { name?: string; domain?: string } = {}): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    const current = await db.accounts.get(key);
    const domain = about.domain?.toLowerCase();
    if (current && (current.domain || !domain)) return;
    const ids = identityKeys(key, domain ? ({ domain: { value: domain, source: { kind: 'user' } } } as CompanyFacts) : {});
    if (current) await db.accounts.update(key, { domain, ids: [...new Set([...(current.ids ?? []), ...ids])] });
    else await db.accounts.put({ ...accountRow(key, {}, { name: about.name, domain }), ids });
  });
}

function distinctSources(facts: CompanyFacts): FactSource[] {
  const seen = new Map<string, FactSource>();
  for (const fact of Object.values(facts)) {
    if (!fact) continue;
    const id = `${fact.source.kind}:${fact.source.detail ?? ''}`;
    if (!seen.has(id)) seen.set(id, { kind: fact.source.kind, ...(fact.source.detail ? { detail: fact.source.detail } : {}) });
  }
  return [...seen.values()];
}
