import { z } from 'zod';
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
 * Every stored account that is this company: the one under the page's record key, the one under `domain:<domain>`,
 * and any other record (another site, a CRM) whose domain matches.
 */
export async function findAccounts(db: IcpDb, by: { recordKey?: string; domain?: string }): Promise<Account[]> {
  const rows: unknown[] = [];
  if (by.recordKey) rows.push(await db.accounts.get(by.recordKey));
  if (by.domain) {
    const domain = by.domain.toLowerCase();
    rows.push(await db.accounts.get(domainAccountKey(domain)));
    rows.push(...(await db.accounts.where('domain').equals(domain).toArray()));
  }
  const seen = new Set<string>();
  const accounts: Account[] = [];
  for (const row of rows) {
    if (row === undefined) continue;
    const account = readAccount(db, row);
    if (!account || seen.has(account.key)) continue;
    seen.add(account.key);
    accounts.push(account);
  }
  return accounts;
}

/**
 * Stores facts for an account (a list import, CRM facts). Facts are checked one by one: bad ones are returned as
 * problems and not stored. New facts replace stored facts of the same name; other stored facts stay.
 */
export async function putAccountFacts(
  db: IcpDb,
  key: string,
  facts: CompanyFacts,
  options: { name?: string } = {},
): Promise<{ account: Account; problems: { field: string; message: string }[] }> {
  const { facts: good, problems } = checkFacts(facts);
  const account = await db.transaction('rw', db.accounts, async () => {
    const current = await getAccount(db, key);
    const merged = { ...(current?.facts ?? {}), ...good } as CompanyFacts;
    const row: AccountRow = {
      key,
      facts: merged,
      sources: distinctSources(merged),
      updatedAt: nowIso(),
    };
    const name = options.name ?? (merged.name?.value as string | undefined) ?? current?.name;
    if (name) row.name = name;
    const domain = domainOf(merged) ?? current?.domain;
    if (domain) row.domain = domain;
    await db.accounts.put(row);
    return row;
  });
  return { account, problems };
}

/** Makes sure an account row exists (so answers saved on a record page can be found again by domain). */
export async function ensureAccount(db: IcpDb, key: string, about: { name?: string; domain?: string } = {}): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    const current = await db.accounts.get(key);
    const domain = about.domain?.toLowerCase();
    if (current && (current.domain || !domain)) return;
    if (current) await db.accounts.update(key, { domain });
    else
      await db.accounts.put({
        key,
        facts: {},
        sources: [],
        updatedAt: nowIso(),
        ...(about.name ? { name: about.name } : {}),
        ...(domain ? { domain } : {}),
      });
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
