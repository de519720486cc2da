import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { IcpModel } from '../../../lib/model/schema';
import type { IcpDb } from '../../../lib/storage/db';
import { getModel, getModelVersions, installBuiltinModels, listModels } from '../../../lib/storage/models';
import { getSyncState, setModelSourceUrl, setSyncConfig } from '../../../lib/sync/store';
import type { FetchLike } from '../../../lib/sync/fetch-model';
import { dueSources, listSources, nextDueAt, syncSource, type SyncDeps } from '../../../lib/sync/run';
import { openTestDb } from '../storage/helpers';

const URL_ = 'https://models.example.com/team.json';
const T0 = Date.parse('2027-02-01T09:00:00Z');
const team = (version: number, name = `Team v${version}`): IcpModel => ({ ...structuredClone(DEFAULT_MODEL), id: 'team', name, version });

/** A model server: what it serves can change between calls; it honours If-None-Match like a real one. */
function server() {
  const s = {
    body: JSON.stringify(team(1)),
    etag: '"1"' as string | undefined,
    status: 200,
    requests: [] as (string | undefined)[],
    fetch: (async (_url, init) => {
      const inm = (init.headers as Record<string, string>)['If-None-Match'];
      s.requests.push(inm);
      if (s.status !== 200) return new Response('error', { status: s.status });
      if (inm && inm === s.etag) return new Response(null, { status: 304, headers: { ETag: s.etag } });
      return new Response(s.body, { status: 200, headers: s.etag ? { ETag: s.etag } : {} });
    }) as FetchLike,
  };
  return s;
}

let db: IcpDb;
let clock: number;
let srv: ReturnType<typeof server>;
let deps: SyncDeps;
beforeEach(async () => {
  db = openTestDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await installBuiltinModels(db);
  clock = T0;
  srv = server();
  deps = { db, fetch: srv.fetch, now: () => clock };
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('syncSource', () => {
  it('adds a model from a new URL, then picks up a new version, then handles 304', async () => {
    const first = await syncSource(deps, { url: URL_ });
    expect(first).toMatchObject({ result: 'updated', modelId: 'team', version: 1 });
    expect(await getModel(db, 'team')).toMatchObject({ source: 'url', sourceUrl: URL_, active: true, model: { version: 1 } });
    expect(await listSources(deps)).toEqual([{ url: URL_, modelId: 'team' }]);

    clock += 60_000;
    srv.body = JSON.stringify(team(2));
    srv.etag = '"2"';
    const second = await syncSource(deps, { url: URL_, modelId: 'team' });
    expect(srv.requests.at(-1)).toBe('"1"');
    expect(second).toMatchObject({ result: 'updated', version: 2 });
    expect((await getModelVersions(db, 'team')).map((v) => v.model.version)).toEqual([2, 1]);

    clock += 60_000;
    const third = await syncSource(deps, { url: URL_, modelId: 'team' });
    expect(srv.requests.at(-1)).toBe('"2"');
    expect(third).toMatchObject({ result: 'not-modified', version: 2 });
    expect(third.state).toMatchObject({ etag: '"2"', failures: 0, lastSuccess: { result: 'not-modified', at: new Date(clock).toISOString() } });
  });

  it('keeps the last good model on every kind of failure, with the cause and a backoff', async () => {
    await syncSource(deps, { url: URL_ });
    const cases: [() => void, string][] = [
      [() => ((srv.body = '{ not json'), (srv.etag = '"x"')), 'json'],
      [() => ((srv.body = JSON.stringify({ ...team(5), tiers: [] })), (srv.etag = '"y"')), 'schema'],
      [() => (srv.status = 500), 'http'],
    ];
    for (const [i, [breakIt, cause]] of cases.entries()) {
      breakIt();
      const report = await syncSource(deps, { url: URL_, modelId: 'team' });
      expect(report.result).toBe('failed');
      expect(report.state.lastError?.cause).toBe(cause);
      expect(report.state.failures).toBe(i + 1);
      expect(Date.parse(report.state.nextRun!) - clock).toBe(60_000 * 2 ** i);
      expect((await getModel(db, 'team'))?.model.version).toBe(1);
      expect(report.state.lastSuccess?.version).toBe(1);
    }
    const state = await getSyncState(db, URL_);
    expect(state.etag).toBe('"1"'); // still the ETag of the model we have
    srv.status = 200;
    srv.body = JSON.stringify(team(2));
    srv.etag = '"2"';
    const recovered = await syncSource(deps, { url: URL_, modelId: 'team' });
    expect(recovered).toMatchObject({ result: 'updated', version: 2, state: { failures: 0 } });
    expect(recovered.state.lastError).toBeUndefined();
  });

  it('lists schema problems by JSON path', async () => {
    const bad = { ...team(1) } as Record<string, unknown>;
    bad.criteria = [{ ...DEFAULT_MODEL.criteria[0], op: 'nearly' }];
    srv.body = JSON.stringify(bad);
    const report = await syncSource(deps, { url: URL_ });
    expect(report.state.lastError?.problems?.map((p) => p.path)).toContain('criteria[0].op');
    expect(await getModel(db, 'team')).toBeUndefined();
  });

  it('refuses a file that now serves another model', async () => {
    await syncSource(deps, { url: URL_ });
    srv.body = JSON.stringify({ ...team(2), id: 'someone-else' });
    srv.etag = '"other"';
    const report = await syncSource(deps, { url: URL_, modelId: 'team' });
    expect(report.state.lastError).toMatchObject({ cause: 'mismatch' });
    expect(await getModel(db, 'someone-else')).toBeUndefined();
  });

  it('treats a re-served identical model (new ETag) as unchanged', async () => {
    await syncSource(deps, { url: URL_ });
    srv.etag = '"1-gzip"';
    const report = await syncSource(deps, { url: URL_, modelId: 'team' });
    expect(report).toMatchObject({ result: 'unchanged', version: 1 });
    expect(report.state.etag).toBe('"1-gzip"');
  });

  it('uses the configured timeout and the policy interval', async () => {
    await setSyncConfig(db, { timeoutSeconds: 1, intervalMinutes: 45 });
    const slow: FetchLike = (_u, init) => new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = syncSource({ ...deps, fetch: slow }, { url: URL_ });
      await vi.advanceTimersByTimeAsync(1000);
      expect(await pending).toMatchObject({ result: 'failed', error: 'no answer within 1 s' });
    } finally {
      vi.useRealTimers();
    }
    const ok = await syncSource({ ...deps, policy: { syncIntervalMinutes: 90 } }, { url: URL_ });
    expect(Date.parse(ok.state.nextRun!) - clock).toBe(90 * 60_000);
  });
});

describe('scheduling', () => {
  it('knows which sources are due and when the next one is', async () => {
    expect(await nextDueAt(deps, clock)).toBeNull();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_.replace('team', 'sales'));
    const policyDeps = { ...deps, policy: { modelSourceUrl: URL_ } };
    expect((await listSources(policyDeps)).map((s) => s.url).sort()).toEqual([URL_, URL_.replace('team', 'sales')].sort());
    expect(await nextDueAt(policyDeps, clock)).toBe(clock); // never synced: due now
    await syncSource(policyDeps, { url: URL_ });
    expect((await dueSources(policyDeps, clock)).map((s) => s.url)).toEqual([URL_.replace('team', 'sales')]);
    clock += 31 * 60_000;
    expect((await dueSources(policyDeps, clock)).map((s) => s.url).sort()).toEqual([URL_, URL_.replace('team', 'sales')].sort());
    expect((await listModels(db)).find((m) => m.model.id === 'team')?.sourceUrl).toBe(URL_);
  });

  it('setModelSourceUrl checks the URL and forgets the old URL\'s state', async () => {
    expect(await setModelSourceUrl(db, DEFAULT_MODEL.id, 'http://example.com/m.json')).toMatchObject({ ok: false });
    expect(await setModelSourceUrl(db, 'nope', URL_)).toMatchObject({ ok: false });
    await setModelSourceUrl(db, DEFAULT_MODEL.id, URL_);
    srv.body = JSON.stringify({ ...structuredClone(DEFAULT_MODEL), version: 2 });
    await syncSource(deps, { url: URL_, modelId: DEFAULT_MODEL.id });
    expect((await getSyncState(db, URL_)).lastSuccess).toBeDefined();
    await setModelSourceUrl(db, DEFAULT_MODEL.id, '');
    expect((await getModel(db, DEFAULT_MODEL.id))?.sourceUrl).toBeUndefined();
    expect((await getSyncState(db, URL_)).lastSuccess).toBeUndefined();
  });
});
