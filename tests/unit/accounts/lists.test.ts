import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importListText, scoreStoredAccounts } from '../../../lib/accounts/stored';
import { cardForPage } from '../../../lib/card/pipeline';
import type { IcpDb } from '../../../lib/storage/db';
import { listLists, removeList } from '../../../lib/storage/lists';
import { installBuiltinModels } from '../../../lib/storage/models';
import { openTestDb } from '../storage/helpers';

let db: IcpDb;
beforeEach(async () => {
  db = openTestDb();
  await installBuiltinModels(db);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const CSV = 'Company,Website,Employees,Technologies\nAcme,acme.com,800,Snowflake\nBeta,https://www.beta.io,50,\nBad,,10,\nAcme again,www.acme.com,900,Salesforce\n';

describe('lists as things', () => {
  it('stores a named list with source, date, rows and refused rows by line', async () => {
    const list = await importListText(db, { name: 'Q4 targets.csv', source: 'Q4 targets.csv', text: CSV, at: '2026-11-20T00:00:00Z' });
    expect(list).toMatchObject({ id: 'q4-targets-csv', rowCount: 2, importedAt: '2026-11-20T00:00:00Z' });
    expect(list.problems).toEqual([{ line: 4, message: expect.stringMatching(/no readable website/) }]);
    expect((await listLists(db)).map((l) => l.id)).toEqual(['q4-targets-csv']);
    // Two rows of one domain are one account, the later row's facts winning.
    expect((await db.accounts.get('list:q4-targets-csv:acme.com'))?.facts.employees?.value).toBe(900);
  });

  it('re-importing updates by key without duplicates, and drops rows the file no longer has', async () => {
    await importListText(db, { name: 'q4.csv', source: 'q4.csv', text: CSV, at: '2026-11-20T00:00:00Z' });
    await importListText(db, { name: 'q4.csv', source: 'q4.csv', text: 'Company,Website,Employees\nAcme,acme.com,1000\n', at: '2026-11-21T00:00:00Z' });
    expect(await db.accounts.where('list').equals('q4-csv').primaryKeys()).toEqual(['list:q4-csv:acme.com']);
    expect((await db.accounts.get('list:q4-csv:acme.com'))?.facts.employees?.value).toBe(1000);
    expect(await listLists(db)).toHaveLength(1);
  });

  it('removing a list removes only the facts that came from it', async () => {
    await cardForPage({ site: 'linkedin', recordKey: 'li:acme', raw: { name: 'Acme', domain: 'acme.com', hqCountry: 'US' } }, { db });
    await importListText(db, { name: 'a.csv', source: 'a.csv', text: CSV, at: '2026-11-20T00:00:00Z' });
    await importListText(db, { name: 'b.csv', source: 'b.csv', text: 'Company,Website,Industry\nAcme,acme.com,Software Development\n', at: '2026-11-20T00:00:00Z' });
    let { accounts } = await scoreStoredAccounts(db, Date.now());
    let acme = accounts.find((a) => a.key === 'domain:acme.com')!;
    expect(acme.lists.sort()).toEqual(['a-csv', 'b-csv']);
    expect(acme.facts.technologies).toBeDefined();
    expect(await removeList(db, 'a-csv')).toBe(2);
    ({ accounts } = await scoreStoredAccounts(db, Date.now()));
    acme = accounts.find((a) => a.key === 'domain:acme.com')!;
    expect(acme.facts.technologies).toBeUndefined();
    expect(acme.facts.industry?.source.detail).toBe('b.csv');
    expect(acme.facts.hqCountry?.source.detail).toBe('linkedin');
    expect(accounts.map((a) => a.key)).not.toContain('domain:beta.io');
    expect(await listLists(db)).toHaveLength(1);
  });
});
