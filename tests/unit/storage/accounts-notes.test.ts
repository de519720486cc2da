import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { domainAccountKey, ensureAccount, findAccounts, getAccount, putAccountFacts } from '../../../lib/storage/accounts';
import type { IcpDb } from '../../../lib/storage/db';
import { listExceptions, logException } from '../../../lib/storage/exceptions';
import { addNote, getAnswers, getNotes } from '../../../lib/storage/notes';
import { getSetting, getSettings, setSetting, DEFAULT_SETTINGS } from '../../../lib/storage/settings';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { openTestDb } from './helpers';

let db: IcpDb;
beforeEach(() => {
  db = openTestDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const list = { kind: 'list', detail: 'q3.csv' } as const;

describe('accounts', () => {
  it('stores checked facts, merges later puts, and reports bad facts without storing them', async () => {
    const first = await putAccountFacts(db, domainAccountKey('Acme.com'), {
      name: { value: 'Acme', source: list },
      domain: { value: 'acme.com', source: list },
      employees: { value: { min: 201, max: 500 }, source: list },
    });
    expect(first.problems).toEqual([]);
    const second = await putAccountFacts(db, 'domain:acme.com', {
      employees: { value: 450, source: { kind: 'crm', detail: 'hubspot' } },
      hqCountry: { value: 'United States', source: list },
    } as unknown as CompanyFacts);
    expect(second.problems.map((p) => p.field)).toEqual(['hqCountry']);
    const acme = await getAccount(db, 'domain:acme.com');
    expect(acme).toMatchObject({ name: 'Acme', domain: 'acme.com' });
    expect(acme?.facts.employees).toEqual({ value: 450, source: { kind: 'crm', detail: 'hubspot' } });
    expect(acme?.facts.hqCountry).toBeUndefined();
    expect(acme?.sources).toEqual([list, { kind: 'crm', detail: 'hubspot' }]);
  });

  it('finds the same company under its record key, its domain key and other records with its domain', async () => {
    await putAccountFacts(db, 'domain:acme.com', { domain: { value: 'acme.com', source: list } });
    await ensureAccount(db, 'hs:1:0-2:9', { domain: 'ACME.com' });
    await ensureAccount(db, 'li:acme');
    await ensureAccount(db, 'li:other', { domain: 'other.com' });
    const keys = (await findAccounts(db, { recordKey: 'li:acme', domain: 'acme.com' })).map((a) => a.key).sort();
    expect(keys).toEqual(['domain:acme.com', 'hs:1:0-2:9', 'li:acme']);
    expect(await findAccounts(db, {})).toEqual([]);
  });

  it("puts the record's own row first, ahead of rows the index lists before it (the earlier layer wins the merge)", async () => {
    // The list row names the HubSpot record by its CRM id, so the index read for `crm:hs:1` finds both, the list row
    // first (its key sorts first).
    await putAccountFacts(db, 'domain:acme.com', { domain: { value: 'acme.com', source: list }, crmId: { value: 'hs:1', source: list } });
    await putAccountFacts(db, 'hs:1', { name: { value: 'Acme', source: { kind: 'crm', detail: 'hubspot' } } });
    expect((await findAccounts(db, { recordKey: 'hs:1' })).map((a) => a.key)).toEqual(['hs:1', 'domain:acme.com']);
    expect((await findAccounts(db, { recordKey: 'domain:acme.com' })).map((a) => a.key)).toEqual(['domain:acme.com', 'hs:1']);
    // A key that gives no identity key is read by itself, and still comes first.
    const facts: CompanyFacts = { domain: { value: 'acme.com', source: list } };
    await putAccountFacts(db, 'csv:row-7', facts);
    expect((await findAccounts(db, { recordKey: 'csv:row-7', facts })).map((a) => a.key)).toEqual(['csv:row-7', 'domain:acme.com', 'hs:1']);
  });

  it('checks a row found by several of its keys once', async () => {
    await db.accounts.put({
      key: 'li:acme',
      ids: ['li:acme', 'domain:acme.com'],
      domain: 'acme.com',
      facts: { employees: { value: -5, source: list }, industry: { value: 'Software Development', source: list } },
      sources: [list],
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as never);
    const found = await findAccounts(db, { recordKey: 'li:acme', domain: 'acme.com' });
    expect(found.map((a) => a.key)).toEqual(['li:acme']);
    expect(db.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^fact employees/)]);
  });

  it('skips a corrupt account row and drops a bad fact inside a good row, reporting both', async () => {
    await db.accounts.put({ key: 'bad', facts: 'nope' } as never);
    await db.accounts.put({
      key: 'li:acme',
      domain: 'acme.com',
      facts: { employees: { value: -5, source: list }, industry: { value: 'Software Development', source: list } },
      sources: [list],
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as never);
    expect(await getAccount(db, 'bad')).toBeUndefined();
    const acme = await getAccount(db, 'li:acme');
    expect(Object.keys(acme!.facts)).toEqual(['industry']);
    expect(db.problems.map((p) => p.key)).toEqual(['bad', 'li:acme']);
  });
});

describe('notes and answers', () => {
  it('keeps notes in order and the latest answer per fact wins', async () => {
    await addNote(db, { accountKey: 'hs:1', field: 'championIdentified', value: false, author: 'sdr@us', at: '2026-01-01T00:00:00.000Z' });
    await addNote(db, { accountKey: 'li:acme', field: 'championIdentified', value: true, author: 'ae@us', at: '2026-02-01T00:00:00.000Z' });
    await addNote(db, { accountKey: 'hs:1', text: 'Budget sits with the CFO' });
    expect((await getNotes(db, 'hs:1')).map((n) => n.text ?? n.field)).toEqual(['championIdentified', 'Budget sits with the CFO']);
    // A company's few keys are read one by one, a key asked twice counted once, other accounts' notes left out.
    await addNote(db, { accountKey: 'hs:2', text: 'Another company' });
    expect((await getNotes(db, ['li:acme', 'hs:1', 'li:acme'])).map((n) => n.accountKey)).toEqual(['hs:1', 'li:acme', 'hs:1']);
    const answers = await getAnswers(db, ['hs:1', 'li:acme']);
    expect(answers.championIdentified).toEqual({ value: true, source: { kind: 'user', detail: 'ae@us', at: '2026-02-01T00:00:00.000Z' } });
  });

  it('rejects answers that do not fit their fact, and empty notes', async () => {
    await expect(addNote(db, { accountKey: 'hs:1', field: 'openToPilot', value: 'maybe' })).rejects.toThrow(/openToPilot/);
    await expect(addNote(db, { accountKey: 'hs:1', field: 'notAFact', value: 1 })).rejects.toThrow(/unknown fact/);
    await expect(addNote(db, { accountKey: 'hs:1', text: '  ' })).rejects.toThrow(/text or an answer/);
    expect(await db.notes.count()).toBe(0);
  });

  it('skips a stored answer that no longer fits', async () => {
    await db.notes.add({ accountKey: 'hs:1', field: 'openToPilot', value: 'yes', at: '2026-01-01T00:00:00.000Z' });
    expect(await getAnswers(db, 'hs:1')).toEqual({});
    expect(db.problems).toHaveLength(1);
  });
});

describe('exceptions', () => {
  it('logs exceptions and lists them newest first, per account or model', async () => {
    const base = { modelId: 'b2b-saas-sales-led', modelVersion: 1, score: 22, verdict: 'not-fit', user: 'ae@us' } as const;
    await logException(db, { ...base, accountKey: 'hs:1', reason: 'design partner', at: '2026-01-01T00:00:00.000Z' });
    await logException(db, { ...base, accountKey: 'hs:2', reason: 'board intro', at: '2026-03-01T00:00:00.000Z' });
    expect((await listExceptions(db)).map((e) => e.accountKey)).toEqual(['hs:2', 'hs:1']);
    expect((await listExceptions(db, { accountKey: 'hs:1' }))[0]).toMatchObject({ reason: 'design partner', id: 1 });
    expect(await listExceptions(db, { modelId: 'other' })).toEqual([]);
    await expect(logException(db, { ...base, accountKey: 'hs:3', reason: ' ' })).rejects.toThrow(/why/);
  });
});

describe('settings', () => {
  it('returns defaults, stores checked values and refuses unknown keys or bad values', async () => {
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await setSetting(db, 'userName', '  ae@us ');
    expect(await getSetting(db, 'userName')).toBe('ae@us');
    await expect(setSetting(db, 'userName', 42 as never)).rejects.toThrow();
    await expect(setSetting(db, 'nope' as never, 1)).rejects.toThrow(/unknown setting/);
    await db.settings.put({ key: 'userName', value: { not: 'a name' } });
    expect((await getSettings(db)).userName).toEqual(DEFAULT_SETTINGS.userName);
    expect(db.problems.map((p) => p.key)).toEqual(['userName']);
  });
});
