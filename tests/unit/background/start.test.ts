import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackground, TAB_COPY_DELAY_MS } from '../../../entrypoints/background/start';
import { compileModel, scoreCompiled } from '../../../lib/engine/score';
import { valuesOf } from '../../../lib/facts/parse';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { clientFor } from '../../../lib/messages/client';
import { CARD_CONTRACT } from '../../../lib/messages/card';
import { CONTRACT } from '../../../lib/messages/schemas';
import type { HandlerDeps } from '../../../lib/messages/handle';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { IcpDb } from '../../../lib/storage/db';
import { getActiveModels, listModels } from '../../../lib/storage/models';

const page = { kind: 'page', detail: 'linkedin' } as const;
const FACTS: CompanyFacts = {
  employees: { value: 800, source: page },
  hqCountry: { value: 'DE', source: page },
  industry: { value: 'Financial Services', source: page },
  subIndustry: { value: 'Banking', source: page },
  revenueUsd: { value: 80_000_000, source: page },
  fundingStage: { value: 'series-c', source: page },
  technologies: { value: ['Salesforce', 'Snowflake'], source: page },
};

let idb: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
let deps: HandlerDeps;
beforeEach(() => {
  fakeBrowser.reset();
  idb = { indexedDB: new IDBFactory(), IDBKeyRange };
});
afterEach(() => deps?.db.close());

const sendMessage = clientFor(CONTRACT, fakeBrowser.runtime);

describe('background', () => {
  it('installs the built-in models when the extension is installed', async () => {
    deps = startBackground(fakeBrowser.runtime, idb);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await deps.ready!();
    expect((await getActiveModels(deps.db)).map((m) => m.id)).toEqual([DEFAULT_MODEL.id]);
  });

  it('answers a score message from a content script, installing the built-ins lazily after a worker restart', async () => {
    // No onInstalled this time: the worker was restarted with an empty database (or onInstalled was missed).
    deps = startBackground(fakeBrowser.runtime, idb);
    const response = await sendMessage({ type: 'score', facts: FACTS, recordKey: 'li:bank' });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const expected = scoreCompiled(compileModel(DEFAULT_MODEL), valuesOf(FACTS), Date.now());
    expect(response.best).toMatchObject({ modelId: DEFAULT_MODEL.id, verdict: expected.verdict, score: expected.score, tier: expected.tier });
    expect(response.best?.verdict).toBe('fit');
    expect((await listModels(deps.db)).length).toBeGreaterThan(0);
  });

  it('keeps its data across a worker restart (a new start on the same database)', async () => {
    deps = startBackground(fakeBrowser.runtime, idb);
    expect((await sendMessage({ type: 'saveAnswer', recordKey: 'li:bank', field: 'championIdentified', value: true, author: 'ae@us' })).ok).toBe(true);
    deps.db.close();
    fakeBrowser.reset();
    deps = startBackground(fakeBrowser.runtime, idb);
    const scored = await sendMessage({ type: 'score', facts: FACTS, recordKey: 'li:bank' });
    expect(scored.ok && scored.facts.championIdentified).toMatchObject({ value: true, source: { kind: 'user', detail: 'ae@us' } });
    const reopened = new IcpDb(idb);
    expect(await reopened.modelVersions.count()).toBe(2);
    reopened.close();
  });

  it('remembers a page for the next request', async () => {
    deps = startBackground(fakeBrowser.runtime, idb, { siteEnabled: async () => true });
    const raw = { name: 'Brightwave', domain: 'brightwave.io', hqCountry: 'US' };
    const first = await sendMessage({ type: 'scorePage', site: 'linkedin', recordKey: 'li:brightwave', raw });
    expect(first.ok && first.view?.recordKey).toBe('li:brightwave');
    // Another record of the company, without its domain: found through what the first page stored.
    const second = await sendMessage({ type: 'score', facts: {}, recordKey: 'li:brightwave' });
    expect(second.ok && second.facts.domain?.value).toBe('brightwave.io');
  });

  it('holds every request until the writes queued after earlier answers are done', async () => {
    deps = startBackground(fakeBrowser.runtime, idb);
    await deps.ready!();
    let release!: () => void;
    deps.afterAnswer!(() => new Promise<void>((resolve) => (release = resolve)));
    let through = false;
    const next = deps.ready!().then(() => (through = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(through).toBe(false);
    release();
    await next;
    expect(through).toBe(true);
  });

  it("sends the card's place on the site with its answer, so the card need not wait for its own storage read", async () => {
    const prefs = { position: { right: 40, top: 120 }, minimised: true };
    deps = startBackground(fakeBrowser.runtime, idb, { siteEnabled: async () => true, cardPrefs: async (site) => (site === 'crunchbase' ? prefs : { position: { right: 16, top: 72 }, minimised: false }) });
    const answer = await sendMessage({ type: 'scorePage', site: 'crunchbase', recordKey: 'cb:acme', raw: { name: 'Acme', domain: 'acme.io' } });
    expect(answer).toMatchObject({ ok: true, view: { recordKey: 'cb:acme' }, prefs });
    // The answer passes the content script's own contract.
    expect(CARD_CONTRACT.scorePage.response.safeParse(answer).success).toBe(true);
  });

  it("stores the tab's copy of the card for the popup and side panel after the answer, once the card has had time to render", async () => {
    const events: string[] = [];
    const stored = new Promise<unknown>((resolve) => {
      deps = startBackground(fakeBrowser.runtime, idb, {
        storeTabView: {
          view: async (tabId, view) => {
            events.push(`view ${tabId}`);
            resolve(view);
          },
          unreadable: async (tabId, unreadable) => void events.push(`unreadable ${tabId} ${JSON.stringify(unreadable)}`),
        },
      });
    });
    const sent = Date.now();
    const answered = new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger({ type: 'scorePage', site: 'crunchbase', recordKey: 'cb:acme', raw: { name: 'Acme' } }, { tab: { id: 7 } } as never, (answer: unknown) => {
        events.push('answer');
        resolve(answer);
      });
    });
    const answer = (await answered) as { view: { recordKey: string } };
    expect(events).toEqual(['answer']);
    expect(await stored).toEqual(answer.view);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(TAB_COPY_DELAY_MS - 5);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual(['answer', 'view 7', 'unreadable 7 null']);
  });

  it('scores nothing and stores nothing for a site switched off in the popup', async () => {
    deps = startBackground(fakeBrowser.runtime, idb, { siteEnabled: async (site) => site !== 'hubspot', cardPrefs: async () => ({ position: { right: 16, top: 72 }, minimised: false }) });
    const answer = await sendMessage({ type: 'scorePage', site: 'hubspot', recordKey: 'hs:1:0-2:7', raw: { name: 'Acme' } });
    expect(answer).toMatchObject({ ok: true, view: null, error: expect.stringMatching(/switched off/) });
    expect(answer).not.toHaveProperty('prefs'); // nothing to place: the card stays away
    await deps.ready!();
    expect(await deps.db.accounts.count()).toBe(0);
  });

  it('answers bad messages with ok: false and leaves messages that are not ours to other listeners', async () => {
    deps = startBackground(fakeBrowser.runtime, idb);
    expect(await fakeBrowser.runtime.sendMessage({ type: 'score', facts: { employees: { value: 'many', source: page } } })).toMatchObject({ ok: false });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'somethingElse' })).toBeUndefined();
  });
});
