import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { IcpDb, IcpDbV2 } from '../../../lib/storage/db';
import { logException, listExceptions } from '../../../lib/storage/exceptions';
import { exportDatabase } from '../../../lib/storage/export';
import { addFeedback, listFeedback, type NewFeedback } from '../../../lib/storage/feedback';
import { getModelVersions, saveModelVersion } from '../../../lib/storage/models';
import { recordScore, scoreHistory } from '../../../lib/storage/score-history';
import { freshIdb, openTestDb } from './helpers';

const criteria = [
  { id: 'industry', label: 'Industry', status: 'fail' as const, points: 0 },
  { id: 'size', label: 'Size', status: 'pass' as const, points: 30 },
];
const feedback = (partial: Partial<NewFeedback> = {}): NewFeedback => ({
  accountKey: 'li:acme', company: 'Acme', domain: 'acme.com', modelId: 'm', modelVersion: 3, score: 30, tier: null, verdict: 'not-fit',
  comment: 'Acme is a fintech, not a bank', disputed: ['industry'], criteria,
  facts: [{ field: 'industry', value: 'Banking', source: 'page' }], user: 'Sam', ...partial,
});

let db: IcpDb;
beforeEach(() => {
  db = openTestDb();
});

describe('exceptions', () => {
  it('record who, when, why, the approver, score, tier, verdict and model version', async () => {
    const x = await logException(db, {
      accountKey: 'li:acme', company: 'Acme', domain: 'acme.com', modelId: 'm', modelVersion: 3, score: 41, tier: null,
      verdict: 'needs-data', reason: 'Strategic logo', user: 'Sam', approver: 'Lee',
    });
    expect(x).toMatchObject({ approver: 'Lee', verdict: 'needs-data', modelVersion: 3, company: 'Acme' });
    expect(x.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await listExceptions(db)).toEqual([x]);
  });
  it('refuse a fit account, and an entry without a reason', async () => {
    const base = { accountKey: 'k', modelId: 'm', modelVersion: 1, score: 90, reason: 'x', user: 'Sam' };
    await expect(logException(db, { ...base, verdict: 'fit' as never })).rejects.toThrow(/not-fit or needs-data/);
    await expect(logException(db, { ...base, verdict: 'not-fit', reason: ' ' })).rejects.toThrow(/say why/);
  });
});

describe('feedback', () => {
  it('keeps the comment, the facts as seen and the criteria, newest first', async () => {
    await addFeedback(db, feedback({ at: '2026-01-01T00:00:00Z' }));
    await addFeedback(db, feedback({ at: '2026-02-01T00:00:00Z', comment: 'Second', disputed: [] }));
    const list = await listFeedback(db);
    expect(list.map((f) => f.comment)).toEqual(['Second', 'Acme is a fintech, not a bank']);
    expect(list[1]).toMatchObject({ disputed: ['industry'], criteria, facts: [{ field: 'industry', value: 'Banking', source: 'page' }] });
  });
  it('refuses an empty comment, and a disputed criterion the score does not have', async () => {
    await expect(addFeedback(db, feedback({ comment: '' }))).rejects.toThrow(/say what looks wrong/);
    await expect(addFeedback(db, feedback({ disputed: ['nope'] }))).rejects.toThrow(/nope.{0,3} is not a criterion of the score/);
  });
});

describe('score history', () => {
  const entry = (modelVersion: number, score: number, at: string) => ({
    accountKey: 'li:acme', modelId: 'm', modelVersion, score, tier: score > 50 ? 'A' : 'B', verdict: 'fit' as const, criteria, at,
  });
  it('adds a score only when it differs from the latest, and returns the previous version\'s', async () => {
    expect(await recordScore(db, entry(6, 68, '2026-01-01T00:00:00Z'))).toEqual({ recorded: true });
    expect(await recordScore(db, entry(6, 68, '2026-01-02T00:00:00Z'))).toEqual({ recorded: false });
    const r = await recordScore(db, entry(7, 81, '2026-01-03T00:00:00Z'));
    expect(r.recorded).toBe(true);
    expect(r.previousVersion).toMatchObject({ modelVersion: 6, score: 68 });
    // Revisiting under v7 still finds v6 as the previous version.
    expect((await recordScore(db, entry(7, 81, '2026-01-04T00:00:00Z'))).previousVersion).toMatchObject({ modelVersion: 6 });
    expect((await scoreHistory(db, 'li:acme')).map((h) => [h.modelVersion, h.score])).toEqual([[6, 68], [7, 81]]);
  });
});

describe('upgrade 2 -> 3 and model changes', () => {
  it('keeps every exception, adds the new tables, and nothing is lost when the model changes', async () => {
    const idb = freshIdb();
    const v2 = new IcpDbV2(idb);
    await v2.exceptions.add({ accountKey: 'li:old', modelId: DEFAULT_MODEL.id, modelVersion: 1, score: 20, verdict: 'fit', reason: 'old row', user: 'ae', at: '2025-06-01T00:00:00Z' });
    await v2.settings.put({ key: 'userName', value: 'ae' });
    v2.close();

    const db3 = new IcpDb(idb);
    await db3.open();
    expect(db3.verno).toBe(4); // the current version: issue 12 added version 4 on top
    const [old] = await listExceptions(db3);
    expect(old).toMatchObject({ reason: 'old row', verdict: 'fit' });
    await addFeedback(db3, feedback({ modelId: DEFAULT_MODEL.id, modelVersion: 1 }));
    await recordScore(db3, { accountKey: 'li:acme', modelId: DEFAULT_MODEL.id, modelVersion: 1, score: 30, tier: null, verdict: 'not-fit', criteria });

    // A new model version: history, feedback and exceptions stay, and say which version they were about.
    const saved = await saveModelVersion(db3, { ...DEFAULT_MODEL, version: 2 }, 'editor');
    expect(saved.ok).toBe(true);
    expect(await getModelVersions(db3, DEFAULT_MODEL.id)).toHaveLength(1);
    expect(await listExceptions(db3)).toHaveLength(1);
    expect((await listFeedback(db3))[0].modelVersion).toBe(1);
    expect((await scoreHistory(db3, 'li:acme'))[0].modelVersion).toBe(1);

    // An extension update reopens the same database: everything is still there, and exported on demand.
    db3.close();
    const reopened = new IcpDb(idb);
    const dump = await exportDatabase(reopened, '2026-03-01T00:00:00Z');
    expect(dump).toMatchObject({ format: 'icp-fit/export@1', databaseVersion: 4 });
    expect(dump.tables.lists).toEqual([]);
    expect(dump.tables.exceptions).toHaveLength(1);
    expect(dump.tables.feedback).toHaveLength(1);
    expect(dump.tables.scores).toHaveLength(1);
    expect(dump.tables.settings).toEqual([{ key: 'userName', value: 'ae' }]);
    expect(reopened.problems).toEqual([]);
    reopened.close();
  });
});
