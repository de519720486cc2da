import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { findAccounts } from '../../../lib/storage/accounts';
import { IcpDb, IcpDbV1 } from '../../../lib/storage/db';
import { logException, listExceptions } from '../../../lib/storage/exceptions';
import { getActiveModels, getModelVersions } from '../../../lib/storage/models';
import { getAnswers, getNotes } from '../../../lib/storage/notes';
import { getSettings } from '../../../lib/storage/settings';
import { freshIdb } from './helpers';

describe('schema upgrade 1 -> current', () => {
  it('opens a populated version-1 database and loses nothing', async () => {
    const idb = freshIdb();
    const v1 = new IcpDbV1(idb);
    await v1.models.put({ id: DEFAULT_MODEL.id, model: DEFAULT_MODEL, source: 'builtin', active: true, updatedAt: '2026-01-01T00:00:00.000Z' });
    await v1.modelVersions.put({ id: DEFAULT_MODEL.id, version: 1, model: DEFAULT_MODEL, source: 'builtin', savedAt: '2026-01-01T00:00:00.000Z' });
    await v1.accounts.bulkPut([
      {
        key: 'domain:acme.com',
        name: 'Acme',
        facts: {
          domain: { value: 'acme.com', source: { kind: 'list', detail: 'q3.csv' } },
          employees: { value: 800, source: { kind: 'list', detail: 'q3.csv' } },
        },
        sources: [{ kind: 'list', detail: 'q3.csv' }],
        updatedAt: '2026-01-02T00:00:00.000Z',
      },
      { key: 'li:nodomain', facts: {}, sources: [], updatedAt: '2026-01-02T00:00:00.000Z' },
    ]);
    await v1.notes.bulkAdd([
      { accountKey: 'domain:acme.com', field: 'championIdentified', value: true, author: 'ae@us', at: '2026-01-03T00:00:00.000Z' },
      { accountKey: 'domain:acme.com', text: 'Met at SaaStr', at: '2026-01-04T00:00:00.000Z' },
    ]);
    await v1.settings.put({ key: 'userName', value: 'ae@us' });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new IcpDb(idb);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await getActiveModels(db)).map((m) => m.id)).toEqual([DEFAULT_MODEL.id]);
    expect(await getModelVersions(db, DEFAULT_MODEL.id)).toHaveLength(1);
    // The upgrade filled the new domain index from the domain fact, so the account is found by domain.
    expect(await db.accounts.where('domain').equals('acme.com').primaryKeys()).toEqual(['domain:acme.com']);
    const [acme] = await findAccounts(db, { recordKey: 'hs:1:0-2:9', domain: 'acme.com' });
    expect(acme.facts.employees?.value).toBe(800);
    expect(acme.name).toBe('Acme');
    // Version 4 filled the identity keys and the name key.
    expect(await db.accounts.where('ids').equals('domain:acme.com').primaryKeys()).toEqual(['domain:acme.com']);
    expect(await db.accounts.where('ids').equals('li:nodomain').primaryKeys()).toEqual(['li:nodomain']);
    expect((await db.accounts.get('domain:acme.com'))?.nameKey).toBe('name:acme');
    expect(await db.accounts.get('li:nodomain')).toMatchObject({ key: 'li:nodomain', facts: {} });
    expect((await getNotes(db, 'domain:acme.com')).map((n) => n.text ?? n.field)).toEqual(['championIdentified', 'Met at SaaStr']);
    expect((await getAnswers(db, 'domain:acme.com')).championIdentified?.value).toBe(true);
    expect((await getSettings(db)).userName).toBe('ae@us');
    // The new table works.
    await logException(db, { accountKey: 'domain:acme.com', modelId: DEFAULT_MODEL.id, modelVersion: 1, score: 20, verdict: 'not-fit', reason: 'strategic logo', user: 'ae@us' });
    expect(await listExceptions(db)).toHaveLength(1);
    expect(db.problems).toEqual([]);
    db.close();
  });
});
