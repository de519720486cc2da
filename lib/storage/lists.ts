import { z } from 'zod';
import type { ListAccount, ListProblem } from '../lists/import';
import { mergeFacts } from '../facts/merge';
import { accountRow } from './accounts';
import { checkRow } from './check-row';
import type { AccountRow, IcpDb, ListRow } from './db';

/**
 * Account lists as things: each import is a named list (source, date, row count, refused rows). Its rows are stored
 * as `list:<list id>:<domain>`, so a re-import replaces the list's rows by key (no duplicates) and removing a list
 * removes exactly the facts that came from it; the company's other records (pages, CRM, other lists) stay.
 */
const listRowSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  source: z.string(),
  url: z.string().optional(),
  importedAt: z.string(),
  rowCount: z.number().int().nonnegative(),
  problems: z.array(z.object({ line: z.number(), message: z.string() })),
});

/** A list's id from its name: "Q4 targets.csv" → "q4-targets-csv". The same name re-imports into the same list. */
export const listIdOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'list';

export const listRowKey = (listId: string, domain: string) => `list:${listId}:${domain}`;

const MAX_PROBLEMS = 1_000;

/**
 * Stores an imported list: its rows (several rows of one domain merge into one), then the list row. Rows of a
 * previous import that the new file no longer has are removed. Progress is reported per chunk of rows written.
 */
export async function saveList(
  db: IcpDb,
  list: { name: string; source: string; url?: string; at: string; accounts: readonly ListAccount[]; problems: readonly ListProblem[] },
  onProgress?: (done: number, total: number) => void,
): Promise<ListRow> {
  const id = listIdOf(list.name);
  const byKey = new Map<string, AccountRow>();
  const problems: ListProblem[] = [...list.problems];
  for (const a of list.accounts) {
    const key = listRowKey(id, a.domain);
    // readAccountList's facts come out of normaliseFacts, which checks every value against the vocabulary already.
    const facts = a.facts;
    const earlier = byKey.get(key);
    const merged = earlier ? mergeFacts([facts, earlier.facts]).facts : facts;
    byKey.set(key, accountRow(key, merged, { name: a.name, list: id, at: list.at }));
  }
  const rows = [...byKey.values()];
  const CHUNK = 5_000;
  const keep = new Set(byKey.keys());
  const old = (await db.accounts.where('list').equals(id).primaryKeys()).filter((k) => !keep.has(k));
  await db.accounts.bulkDelete(old);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.accounts.bulkPut(rows.slice(i, i + CHUNK));
    onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
  }
  problems.sort((a, b) => a.line - b.line);
  const row: ListRow = {
    id,
    name: list.name,
    source: list.source,
    ...(list.url ? { url: list.url } : {}),
    importedAt: list.at,
    rowCount: rows.length,
    problems: problems.slice(0, MAX_PROBLEMS),
  };
  await db.lists.put(row);
  return row;
}

/** Every list, newest import first. */
export async function listLists(db: IcpDb): Promise<ListRow[]> {
  const rows = await db.lists.toArray();
  return rows
    .map((r) => checkRow(db, 'lists', r, listRowSchema))
    .filter((r): r is ListRow => r !== undefined)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** Removes a list and the facts that came only from it (its rows); returns how many rows went. */
export async function removeList(db: IcpDb, id: string): Promise<number> {
  return db.transaction('rw', db.accounts, db.lists, async () => {
    const removed = await db.accounts.where('list').equals(id).delete();
    await db.lists.delete(id);
    return removed;
  });
}
