import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canAdvanceAnyway, exceptionRequest, feedbackRequest } from '../../../lib/card/actions';
import { cardForPage } from '../../../lib/card/pipeline';
import { cardViewSchema } from '../../../lib/card/schema';
import { createModelCache } from '../../../lib/engine/model-cache';
import { handleMessage, type HandlerDeps } from '../../../lib/messages/handle';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { IcpDb } from '../../../lib/storage/db';
import { listExceptions } from '../../../lib/storage/exceptions';
import { listFeedback } from '../../../lib/storage/feedback';
import { installBuiltinModels, saveModelVersion } from '../../../lib/storage/models';
import { scoreHistory } from '../../../lib/storage/score-history';
import { setSetting } from '../../../lib/storage/settings';
import { openTestDb } from '../storage/helpers';

const NOW = Date.parse('2026-11-15T12:00:00Z');
/** A US software company the default model likes, and a 12-person agency it does not. */
const LIKED = {
  site: 'linkedin' as const,
  recordKey: 'li:brightwave',
  raw: { name: 'Brightwave', domain: 'brightwave.io', industry: 'Software Development', employees: '201-500', hqCountry: 'US', companyType: 'Privately Held', technologies: 'Salesforce; Snowflake; Slack; Looker', revenueUsd: '$50M' },
};
const SMALL = { site: 'linkedin' as const, recordKey: 'li:tiny', raw: { name: 'Tiny Agency', domain: 'tiny.example', industry: 'Advertising Services', employees: '11-50', hqCountry: 'US' } };

let db: IcpDb;
let deps: HandlerDeps;
beforeEach(async () => {
  db = openTestDb();
  await installBuiltinModels(db);
  await setSetting(db, 'userName', 'Alex AE');
  deps = { db, now: () => NOW, models: createModelCache() };
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('score history on the card', () => {
  it('shows no change on a first visit, and "was … under v1, now … under v2" after a model change', async () => {
    const first = (await cardForPage(LIKED, deps)).view!;
    expect(first.change).toBeUndefined();
    const scored = DEFAULT_MODEL.criteria.filter((c) => c.kind === 'score');
    const v2 = { ...DEFAULT_MODEL, version: 2, criteria: DEFAULT_MODEL.criteria.map((c) => (c.id === scored[0].id ? { ...c, points: c.points! * 3 } : c)) };
    expect((await saveModelVersion(db, v2, 'editor')).ok).toBe(true);
    const second = (await cardForPage(LIKED, deps)).view!;
    expect(second.change!.text).toMatch(/^was .+ under v1, now .+ under v2$/);
    expect(second.change!.was.score).toBe(first.result.score);
    expect(second.change!.now.score).toBe(second.result.score);
    expect(cardViewSchema.safeParse(second).success).toBe(true);
    // Revisits under v2 add nothing to the history but keep the line.
    const third = (await cardForPage(LIKED, deps)).view!;
    expect(third.change!.text).toBe(second.change!.text);
    expect((await scoreHistory(db, LIKED.recordKey)).map((h) => h.modelVersion)).toEqual([1, 2]);
  });
});

describe('acting on the card', () => {
  it('logs an exception with the approver, score, tier, verdict and model version on the card', async () => {
    const view = (await cardForPage(SMALL, deps)).view!;
    expect(canAdvanceAnyway(view.result.verdict)).toBe(true);
    const answer = await handleMessage(exceptionRequest(view, { reason: 'Design partner', approver: 'Dana' }), deps);
    expect(answer).toMatchObject({ ok: true });
    const [logged] = await listExceptions(db);
    expect(logged).toMatchObject({
      accountKey: 'li:tiny', company: 'Tiny Agency', domain: 'tiny.example', verdict: view.result.verdict, score: view.result.score,
      tier: view.result.tier, modelVersion: 1, reason: 'Design partner', approver: 'Dana', user: 'Alex AE',
    });
  });

  it('does not log an exception for an account that passed the gate', async () => {
    const view = (await cardForPage(LIKED, deps)).view!;
    expect(view.result.verdict).toBe('fit');
    expect(() => exceptionRequest(view, { reason: 'x' })).toThrow(/passed the gate/);
    expect(await handleMessage({ ...exceptionRequest({ ...view, result: { ...view.result, verdict: 'not-fit' } }, { reason: 'x' }), verdict: 'fit' }, deps)).toMatchObject({ ok: false });
  });

  it('sends feedback with the facts as seen and the criteria, and refuses a disputed criterion the score lacks', async () => {
    const view = (await cardForPage(LIKED, deps)).view!;
    const disputed = [view.result.criteria[0].id];
    expect(await handleMessage(feedbackRequest(view, { comment: 'Wrong industry', disputed }), deps)).toMatchObject({ ok: true, feedbackId: 1 });
    const [f] = await listFeedback(db);
    expect(f).toMatchObject({ comment: 'Wrong industry', disputed, user: 'Alex AE', verdict: 'fit', modelVersion: 1 });
    expect(f.criteria).toHaveLength(view.result.criteria.length);
    expect(f.facts).toContainEqual({ field: 'domain', value: 'brightwave.io', source: 'page' });
    const bad = await handleMessage(feedbackRequest(view, { comment: 'x', disputed: ['no-such-criterion'] }), deps);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/disputed\.0: .*not a criterion/) });
  });
});
