import { listRecentAccounts } from '../storage/account-list';
import type { IcpDb } from '../storage/db';
import { saveList } from '../storage/lists';
import { getActiveModels } from '../storage/models';
import { getAnswers } from '../storage/notes';
import { getSetting } from '../storage/settings';
import { readAccountList } from '../lists/import';
import type { MappingOverrides } from '../mapping';
import { groupRecords, scoreCompanies, type ScoredAccount } from './companies';
import type { CompanyFacts } from '../facts/vocabulary';
import type { ListRow } from '../storage/db';

/**
 * The Accounts page's two long jobs over the database, run in a Web Worker (entrypoints/options/accounts.worker.ts)
 * so the page stays responsive: score every stored company against the active models, and import a list.
 */
export type Progress = (done: number, total: number, phase: string) => void;

export async function scoreStoredAccounts(db: IcpDb, now: number, onProgress?: Progress): Promise<{ accounts: ScoredAccount[]; models: { id: string; name: string; tiers: { id: string; label: string }[] }[] }> {
  onProgress?.(0, 1, 'reading');
  const records = await listRecentAccounts(db, Infinity);
  const answered = [...new Set((await db.notes.toArray()).map((n) => n.accountKey))];
  const answers = new Map<string, CompanyFacts>();
  for (const key of answered) answers.set(key, await getAnswers(db, key));
  const companies = groupRecords(records, answers);
  const models = await getActiveModels(db);
  const accounts = scoreCompanies(companies, models, now, await getSetting(db, 'staleAfterDays'), (done, total) => onProgress?.(done, total, 'scoring'));
  return { accounts, models: models.map((m) => ({ id: m.id, name: m.name, tiers: m.tiers.map((t) => ({ id: t.id, label: t.label })) })) };
}

/** Reads a CSV into a named list and stores it: bad rows come back with line numbers, good rows are kept. */
export async function importListText(
  db: IcpDb,
  input: { name: string; source: string; url?: string; text: string; at: string; overrides?: Record<string, string> },
  onProgress?: Progress,
): Promise<ListRow> {
  onProgress?.(0, 1, 'reading');
  // The column mapping the user checked in the preview (lib/mapping), or the usual headers for a synced list.
  // readAccountList checks every override (checkOverrides) and reports a bad one, so plain strings may come in.
  const { accounts, problems } = readAccountList(input.text, input.name, input.at, (input.overrides ?? {}) as MappingOverrides);
  return saveList(db, { ...input, accounts, problems }, (done, total) => onProgress?.(done, total, 'saving'));
}
