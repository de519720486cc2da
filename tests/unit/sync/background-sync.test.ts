import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerMessages } from '../../../entrypoints/background/start';
import { registerSync as startSync, SYNC_ALARM, type RegisterSyncDeps, type SyncBrowser } from '../../../entrypoints/background/sync';
import { broadcastChange } from '../../../extension/broadcast';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { IcpDb } from '../../../lib/storage/db';
import { getModel, installBuiltinModels } from '../../../lib/storage/models';
import { getSyncState, setModelSourceUrl } from '../../../lib/sync/store';
import type { FetchLike } from '../../../lib/sync/fetch-model';
import { openTestDb } from '../storage/helpers';

const URL_ = 'https://models.example.com/team.json';
const T0 = Date.parse('2027-02-01T09:00:00Z');

let db: IcpDb;
let clock: number;
let served: { body: string; etag: string };
const fetch: FetchLike = async (_url, init) => {
  const inm = (init.headers as Record<string, string>)['If-None-Match'];
  if (inm === served.etag) return new Response(null, { status: 304 });
  return new Response(served.body, { status: 200, headers: { ETag: served.etag } });
};
const model = (version: number) => JSON.stringify({ ...structuredClone(DEFAULT_MODEL), id: 'team', name: 'Team', version });

/** fakeBrowser plus the calls it does not implement (runtime.getURL, tabs.sendMessage). */
function browserFake() {
  const sent: [number, unknown][] = [];
  const b = fakeBrowser as unknown as SyncBrowser;
  fakeBrowser.runtime.getURL = ((path: string) => `chrome-extension://abc${path}`) as never;
  b.tabs.sendMessage = (async (tabId: number, message: unknown) => {
    sent.push([tabId, message]);
    if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
  }) as never;
  return { browser: b, sent };
}

/** Sync wired to the background's one router, as background.ts does. */
function registerSync(deps: RegisterSyncDeps) {
  const sync = startSync(deps);
  answerMessages(fakeBrowser.runtime, { db: deps.db, sync: sync.handle });
  return sync;
}

/** Sends a runtime message the way Chrome delivers it, answered through sendResponse. */
const send = (message: unknown, senderUrl = 'chrome-extension://abc/options.html') =>
  new Promise<unknown>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, { url: senderUrl, id: 'abc' } as never, resolve as never);
  });

beforeEach(async () => {
  fakeBrowser.reset();
  db = openTestDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await installBuiltinModels(db);
  clock = T0;
  served = { body: model(1), etag: '"1"' };
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('registerSync', () => {
  it('adds a model from a URL on "syncNow", schedules the alarm and tells open tabs', async () => {
    const { browser, sent } = browserFake();
    await fakeBrowser.tabs.create({ url: 'https://www.linkedin.com/company/acme/' });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const sync = registerSync({ db, browser, fetch, now: () => clock });
    await sync.schedule();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined(); // nothing to sync yet

    const answer = await send({ type: 'syncNow', url: URL_ });
    expect(answer).toMatchObject({ ok: true, reports: [{ result: 'updated', modelId: 'team', version: 1 }], nextRun: new Date(T0 + 30 * 60_000).toISOString() });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(T0 + 30 * 60_000);
    const tabs = await fakeBrowser.tabs.query({});
    expect(sent).toEqual(tabs.map((t) => [t.id, { type: 'changed', what: 'models' }]));
  });

  it('syncs due sources when the alarm fires, keeps the model on failure and backs off', async () => {
    const { browser } = browserFake();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_);
    served.body = JSON.stringify({ ...structuredClone(DEFAULT_MODEL), version: 2, name: 'Sales v2' });
    const sync = registerSync({ db, browser, fetch, now: () => clock });
    const reports = await sync.runDue();
    expect(reports).toMatchObject([{ result: 'updated', version: 2 }]);
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.name).toBe('Sales v2');

    clock += 30 * 60_000;
    served = { body: '<html>maintenance</html>', etag: '"maint"' };
    const failed = await sync.runDue();
    expect(failed[0]).toMatchObject({ result: 'failed', state: { failures: 1, lastError: { cause: 'json' } } });
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.version).toBe(2);
    // Retry in a minute, not in half an hour.
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(clock + 60_000);
    // Not due yet: the alarm firing early syncs nothing.
    expect(await sync.runDue()).toEqual([]);
  });

  it('fires on the alarm event', async () => {
    const { browser } = browserFake();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_);
    served.body = JSON.stringify({ ...structuredClone(DEFAULT_MODEL), version: 3, name: 'Sales v3' });
    registerSync({ db, browser, fetch, now: () => clock });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: clock } as never);
    await vi.waitFor(async () => expect((await getModel(db, DEFAULT_MODEL.id))?.model.version).toBe(3));
    await vi.waitFor(async () => expect((await getSyncState(db, URL_)).lastSuccess?.result).toBe('updated'));
  });

  it('follows enterprise policy: its URL is synced, its interval wins, and a lock stops adding sources', async () => {
    const { browser } = browserFake();
    await fakeBrowser.storage.managed.set({ modelSourceUrl: URL_, syncIntervalMinutes: 120, lockEditing: true });
    const sync = registerSync({ db, browser, fetch, now: () => clock });
    const reports = await sync.runDue();
    expect(reports).toMatchObject([{ url: URL_, result: 'updated', modelId: 'team' }]);
    expect(reports[0].state.nextRun).toBe(new Date(clock + 120 * 60_000).toISOString());
    expect(await send({ type: 'syncNow', url: 'https://other.example.com/m.json' })).toEqual({ ok: false, error: 'editing is locked by your administrator' });
    expect(await send({ type: 'syncNow' })).toMatchObject({ ok: true, reports: [{ url: URL_, result: 'not-modified' }] });
  });

  it('refuses a new source from a content script and bad requests, and ignores other messages', async () => {
    const { browser } = browserFake();
    registerSync({ db, browser, fetch, now: () => clock });
    expect(await send({ type: 'syncNow', url: URL_ }, 'https://www.linkedin.com/company/acme/')).toMatchObject({ ok: false, error: expect.stringMatching(/options page/) });
    expect(await send({ type: 'syncNow', url: 'http://example.com/m.json' })).toMatchObject({ ok: false, error: expect.stringMatching(/https/) });
    expect(await send({ type: 'syncNow', modelId: 'nope' })).toMatchObject({ ok: false, error: 'model "nope" has no source URL' });
    expect(await send({ type: 'syncNow', extra: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/bad request/) });
    expect(await getModel(db, 'team')).toBeUndefined();
  });
});

describe('broadcastChange', () => {
  it('messages every tab and ignores tabs without the content script', async () => {
    const { browser, sent } = browserFake();
    await fakeBrowser.tabs.create({ url: 'https://a.example/' });
    await fakeBrowser.tabs.create({ url: 'https://b.example/' });
    await expect(broadcastChange(browser.tabs, 'models')).resolves.toBeUndefined();
    const tabs = await fakeBrowser.tabs.query({});
    expect(sent.map(([id]) => id)).toEqual(tabs.map((t) => t.id));
  });
});

describe('registerSync under faults (issue 15)', () => {
  it('records a deeply nested file as a failure with backoff and keeps the alarm armed', async () => {
    const { browser } = browserFake();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_);
    served.body = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const sync = registerSync({ db, browser, fetch, now: () => clock });
    const reports = await sync.runDue();
    expect(reports).toMatchObject([{ result: 'failed', error: expect.stringMatching(/nested more than 64 levels/) }]);
    const state = await getSyncState(db, URL_);
    expect(state).toMatchObject({ failures: 1, lastError: { cause: 'json' } });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(T0 + 60_000);
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.version).toBe(DEFAULT_MODEL.version);
  });

  it('records an unexpected exception as a failure and re-arms the alarm', async () => {
    const { browser } = browserFake();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_);
    // A fetch whose body getter throws something fetchModel does not expect (like a stack overflow deep inside).
    const throwing: FetchLike = async () => {
      const response = new Response('{}', { status: 200 });
      Object.defineProperty(response, 'headers', {
        get() {
          throw new RangeError('Maximum call stack size exceeded');
        },
      });
      return response;
    };
    const sync = registerSync({ db, browser, fetch: throwing, now: () => clock });
    expect(await sync.runDue()).toMatchObject([{ result: 'failed', error: expect.stringMatching(/Maximum call stack/) }]);
    expect(await getSyncState(db, URL_)).toMatchObject({ failures: 1, lastError: { cause: 'internal' } });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(T0 + 60_000);
  });

  it('re-arms the alarm even when a run fails outright', async () => {
    const { browser } = browserFake();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_);
    const sync = registerSync({ db, browser, fetch, now: () => clock });
    await sync.schedule();
    await fakeBrowser.alarms.clear(SYNC_ALARM);
    // Recording the outcome itself fails (the disk is full): the run fails, but the next alarm is still set.
    vi.spyOn(db.settings, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(sync.runDue()).rejects.toThrow('QuotaExceededError');
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined();
  });
});
