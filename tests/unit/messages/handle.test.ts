import { deriveFacts } from '../../../lib/facts/derive';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileModel, scoreBest } from '../../../lib/engine/score';
import { valuesOf } from '../../../lib/facts/parse';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { handleMessage, type HandlerDeps } from '../../../lib/messages/handle';
import { responseSchemas, type OkResponse } from '../../../lib/messages/schemas';
import { DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import { putAccountFacts } from '../../../lib/storage/accounts';
import type { IcpDb } from '../../../lib/storage/db';
import { listExceptions } from '../../../lib/storage/exceptions';
import { installBuiltinModels, setModelActive } from '../../../lib/storage/models';
import { getNotes } from '../../../lib/storage/notes';
import { setSetting } from '../../../lib/storage/settings';
import { openTestDb } from '../storage/helpers';

const NOW = Date.parse('2026-11-15T12:00:00Z');
const page = { kind: 'page', detail: 'linkedin' } as const;
const list = { kind: 'list', detail: 'q3.csv' } as const;

/** A mid-size US software company: passes the default model's musts. */
const ACME: CompanyFacts = {
  name: { value: 'Acme', source: page },
  domain: { value: 'acme.com', source: page },
  employees: { value: { min: 501, max: 1000 }, source: page },
  hqCountry: { value: 'US', source: page },
  industry: { value: 'Software Development', source: page },
  companyType: { value: 'private', source: page },
  technologies: { value: ['Salesforce', 'Snowflake'], source: page },
};
/** Acme with the funding facts a list or Crunchbase gives: enough for a fit. */
const ACME_FUNDED: CompanyFacts = {
  ...ACME,
  revenueUsd: { value: 50_000_000, source: page },
  fundingStage: { value: 'series-c', source: page },
  lastFundingDate: { value: '2026-06-01', source: page },
};

let db: IcpDb;
let deps: HandlerDeps;
beforeEach(async () => {
  db = openTestDb();
  deps = { db, now: () => NOW, ready: async () => void (await installBuiltinModels(db)) };
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

async function ok<T extends keyof typeof responseSchemas>(type: T, message: Record<string, unknown>): Promise<OkResponse<T>> {
  const response = await handleMessage({ type, ...message }, deps);
  // The background's answers must pass the same checks the sender applies.
  expect(responseSchemas[type].safeParse(response).success).toBe(true);
  if (!response.ok) throw new Error(response.error);
  return response as OkResponse<T>;
}

describe('handleMessage: score', () => {
  it('scores page facts with the active built-in model, as the engine does', async () => {
    const response = await ok('score', { facts: ACME_FUNDED, recordKey: 'li:acme' });
    const expected = scoreBest([compileModel(DEFAULT_MODEL)], valuesOf(deriveFacts(ACME_FUNDED)), NOW);
    expect(response.best).toEqual(expected.best);
    expect(response.best?.verdict).toBe('fit');
    expect(response.results).toHaveLength(1);
    // The page's facts, plus the funding signal derived from the last funding date, which the criterion reads.
    expect(response.facts).toEqual(deriveFacts(ACME_FUNDED));
    expect(response.facts.signals?.source).toMatchObject({ kind: 'page', detail: 'derived from last funding date', derivedFrom: ['lastFundingDate'] });
    expect(response.best?.criteria.find((c) => c.id === 'recent-funding')?.status).toBe('pass');
    expect(response.conflicts).toEqual([]);
  });

  it('scores against every active model and names the best', async () => {
    await installBuiltinModels(db);
    await setModelActive(db, PLG_MODEL.id, true);
    const response = await ok('score', { facts: ACME });
    const expected = scoreBest([compileModel(DEFAULT_MODEL), compileModel(PLG_MODEL)], valuesOf(deriveFacts(ACME)), NOW);
    expect(response.results.map((r) => r.modelId)).toEqual([DEFAULT_MODEL.id, PLG_MODEL.id]);
    expect(response.best).toEqual(expected.best);
  });

  it('merges list facts and user answers found by domain; page beats list, answers beat both; reports conflicts', async () => {
    await putAccountFacts(db, 'domain:acme.com', {
      domain: { value: 'acme.com', source: list },
      hqCountry: { value: 'GB', source: list },
      revenueUsd: { value: 50_000_000, source: list },
    });
    // Answered on the HubSpot record of the same company.
    await ok('saveAnswer', { recordKey: 'hs:1:0-2:9', field: 'championIdentified', value: true, author: 'ae@us', domain: 'acme.com' });
    const response = await ok('score', { facts: ACME, recordKey: 'li:acme' });
    expect(response.facts.hqCountry).toEqual({ value: 'US', source: page });
    expect(response.facts.revenueUsd).toEqual({ value: 50_000_000, source: list });
    expect(response.facts.championIdentified).toMatchObject({ value: true, source: { kind: 'user', detail: 'ae@us' } });
    expect(response.conflicts).toEqual([{ field: 'hqCountry', chosen: { value: 'US', source: page }, others: [{ value: 'GB', source: list }] }]);
    expect(response.accountKeys.sort()).toEqual(['domain:acme.com', 'hs:1:0-2:9']);
    const champion = response.best!.criteria.find((c) => c.id === 'champion');
    expect(champion?.status).toBe('pass');
    expect(response.best!.criteria.find((c) => c.id === 'revenue-10m-500m')?.status).toBe('pass');
  });

  it('answers with best: null when no model is active', async () => {
    await installBuiltinModels(db);
    await setModelActive(db, DEFAULT_MODEL.id, false);
    const response = await ok('score', { facts: ACME });
    expect(response.best).toBeNull();
    expect(response.results).toEqual([]);
  });

  it('refuses bad messages with ok: false', async () => {
    for (const bad of [
      null,
      'score',
      { type: 'nope' },
      { type: 'score' },
      { type: 'score', facts: { employees: { value: -1, source: page } } },
      { type: 'score', facts: { notAFact: { value: 1, source: page } } },
      { type: 'score', facts: ACME, extra: true },
    ]) {
      const response = await handleMessage(bad, deps);
      expect(response.ok).toBe(false);
      expect(responseSchemas.score.safeParse(response).success).toBe(true);
    }
    const response = await handleMessage({ type: 'score', facts: { employees: { value: -1, source: page } } }, deps);
    expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/facts\.employees/) });
  });

  it('turns a failure inside the handler into ok: false', async () => {
    const response = await handleMessage({ type: 'score', facts: ACME }, { ...deps, ready: async () => Promise.reject(new Error('disk full')) });
    expect(response).toEqual({ ok: false, error: 'disk full' });
  });
});

describe('handleMessage: pageUnreadable', () => {
  it('answers with what the side panel shows, and refuses a diagnostic that is too long or a bad site', async () => {
    const diagnostic = 'ICP Fit page diagnostic — site hubspot, record hs:1:0-2:2, page kind record\n- Record header: 0 found, 0 matched';
    const answer = await handleMessage({ type: 'pageUnreadable', site: 'hubspot', recordKey: 'hs:1:0-2:2', diagnostic }, deps);
    expect(answer).toEqual({ ok: true, unreadable: { recordKey: 'hs:1:0-2:2', diagnostic } });
    expect(responseSchemas.pageUnreadable.safeParse(answer).success).toBe(true);
    const long = await handleMessage({ type: 'pageUnreadable', site: 'hubspot', recordKey: 'hs:1:0-2:2', diagnostic: 'x'.repeat(9000) }, deps);
    expect(long).toMatchObject({ ok: false, error: expect.stringMatching(/diagnostic/) });
    const site = await handleMessage({ type: 'pageUnreadable', site: 'myspace', recordKey: 'x', diagnostic }, deps);
    expect(site).toMatchObject({ ok: false, error: expect.stringMatching(/site/) });
  });
});

describe('handleMessage: answers, exceptions, sync', () => {
  it('refuses the request types nothing sends any more', async () => {
    for (const type of ['getActiveModels', 'getSettings', 'setSetting'])
      expect(await handleMessage({ type }, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/bad request/) });
  });

  it('hands sync requests to model sync, saying whether an extension page sent them', async () => {
    expect(await handleMessage({ type: 'syncScheduleChanged' }, deps)).toEqual({ ok: false, error: 'model sync is not running' });
    const sync = vi.fn(async () => ({ ok: true as const, reports: [], nextRun: null }));
    expect(await handleMessage({ type: 'syncNow', modelId: 'x' }, { ...deps, sync }, { fromExtensionPage: true })).toEqual({ ok: true, reports: [], nextRun: null });
    expect(sync).toHaveBeenCalledWith({ type: 'syncNow', modelId: 'x' }, true);
  });

  it('saves answers with the user name by default and refuses values that do not fit the fact', async () => {
    await setSetting(db, 'userName', 'sdr@us');
    const saved = await ok('saveAnswer', { recordKey: 'sf:Account:001', field: 'buyingProcess', value: 'committee' });
    expect(saved.note).toMatchObject({ accountKey: 'sf:Account:001', field: 'buyingProcess', value: 'committee', author: 'sdr@us' });
    expect(await handleMessage({ type: 'saveAnswer', recordKey: 'sf:Account:001', field: 'buyingProcess', value: 'vibes' }, deps)).toMatchObject({ ok: false });
    expect(await getNotes(db, 'sf:Account:001')).toHaveLength(1);
  });

  it('logs exceptions, requiring a reason and someone who advanced the account', async () => {
    const entry = { accountKey: 'hs:1', modelId: DEFAULT_MODEL.id, modelVersion: 1, score: 18, verdict: 'not-fit', reason: 'design partner' };
    expect(await handleMessage({ type: 'logException', ...entry }, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/who/) });
    await setSetting(db, 'userName', 'ae@us');
    const logged = await ok('logException', entry);
    expect(logged.exception).toMatchObject({ ...entry, user: 'ae@us', id: 1 });
    expect(await handleMessage({ type: 'logException', ...entry, reason: '' }, deps)).toMatchObject({ ok: false });
    expect(await listExceptions(db)).toHaveLength(1);
  });
});
