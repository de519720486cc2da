import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardForPage } from '../../../lib/card/pipeline';
import { createModelCache } from '../../../lib/engine/model-cache';
import type { IcpDb } from '../../../lib/storage/db';
import { installBuiltinModels } from '../../../lib/storage/models';
import { scoreHistory } from '../../../lib/storage/score-history';
import { createWriteQueue } from '../../../lib/storage/write-queue';
import { openTestDb } from '../storage/helpers';

/**
 * The card's answer comes from reads only: the two writes of a page visit (the page's facts remembered, the score
 * history) are handed to `afterAnswer` and run after it, and a switched-off site gets nothing scored or stored.
 */
const PAGE = {
  site: 'linkedin' as const,
  recordKey: 'li:brightwave',
  raw: { name: 'Brightwave', domain: 'brightwave.io', industry: 'Software Development', employees: '201-500', hqCountry: 'US' },
};

let db: IcpDb;
beforeEach(async () => {
  db = openTestDb();
  await installBuiltinModels(db);
});
afterEach(() => db.close());

describe('cardForPage', () => {
  it('answers before its writes run, and hands them over in order', async () => {
    const writes: (() => Promise<unknown>)[] = [];
    const { view } = await cardForPage(PAGE, { db, models: createModelCache(), afterAnswer: (write) => void writes.push(write) });
    expect(view?.recordKey).toBe(PAGE.recordKey);
    expect(writes).toHaveLength(2);
    expect(await db.accounts.get(PAGE.recordKey)).toBeUndefined();
    expect(await db.scores.count()).toBe(0);
    for (const write of writes) await write();
    expect((await db.accounts.get(PAGE.recordKey))?.facts).toMatchObject({ name: { value: 'Brightwave' } });
    expect((await scoreHistory(db, PAGE.recordKey)).length).toBe(1);
  });

  it('still stores before returning when nobody takes the writes', async () => {
    await cardForPage(PAGE, { db });
    expect(await db.accounts.get(PAGE.recordKey)).toBeDefined();
    expect(await db.scores.count()).toBe(1);
  });

  it('a later request behind the write queue sees what the earlier one stored', async () => {
    const queue = createWriteQueue((error) => {
      throw error;
    });
    const deps = { db, afterAnswer: queue.add };
    await cardForPage(PAGE, deps);
    await queue.settled();
    const again = await cardForPage(PAGE, deps);
    await queue.settled();
    // The same outcome twice is one history row; the facts were remembered once, replaced on the second visit.
    expect(again.view?.recordKey).toBe(PAGE.recordKey);
    expect(await db.scores.count()).toBe(1);
    expect(await db.accounts.count()).toBe(1);
  });

  it('refuses a page of a switched-off site: no card, nothing stored', async () => {
    const writes: unknown[] = [];
    const answer = await cardForPage(PAGE, { db, siteEnabled: async (site) => site !== 'linkedin', afterAnswer: (w) => void writes.push(w) });
    expect(answer).toEqual({ view: null, error: expect.stringMatching(/switched off/) });
    expect(writes).toEqual([]);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.scores.count()).toBe(0);
    expect((await cardForPage(PAGE, { db, siteEnabled: async (site) => site === 'linkedin' })).view).not.toBeNull();
  });
});
