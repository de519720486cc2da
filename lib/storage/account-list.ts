import { z } from 'zod';
import { isCustomFact } from '../facts/vocabulary';
import type { Account } from './accounts';
import { checkRow } from './check-row';
import { checkFacts } from './company-facts';
import type { IcpDb } from './db';

/**
 * Stored accounts for the model editor's live preview and its field picker (custom fields seen in imported lists).
 * A bounded read: the preview re-scores on every keystroke, so it takes the most recently updated accounts only.
 */
const rowSchema = z.object({
  key: z.string().min(1),
  name: z.string().optional(),
  domain: z.string().optional(),
  facts: z.record(z.string(), z.unknown()),
  sources: z.array(z.unknown()),
  updatedAt: z.string(),
});

export async function listRecentAccounts(db: IcpDb, limit = 500): Promise<Account[]> {
  const rows = await db.accounts.toArray();
  const accounts: Account[] = [];
  for (const row of rows) {
    const checked = checkRow(db, 'accounts', row, rowSchema);
    if (!checked) continue;
    // Bad facts are dropped silently here: the accounts repository reports them when the account is used.
    accounts.push({ ...(row as Account), facts: checkFacts(checked.facts).facts });
  }
  return accounts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
}

/** The custom.* fact names present in any of the accounts, sorted. */
export function customFieldsOf(accounts: readonly Pick<Account, 'facts'>[]): string[] {
  const names = new Set<string>();
  for (const account of accounts) for (const field of Object.keys(account.facts)) if (isCustomFact(field)) names.add(field);
  return [...names].sort();
}
