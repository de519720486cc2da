import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IcpDb } from '../../../lib/storage/db';
import { listLists } from '../../../lib/storage/lists';
import { installBuiltinModels } from '../../../lib/storage/models';
import { listSources, syncAll, syncSource } from '../../../lib/sync/run';
import { parsePolicy } from '../../../lib/sync/policy';
import { openTestDb } from '../storage/helpers';

/** An account list synced from a URL, like the model: ETag, backoff, last good copy kept. */
const URL_ = 'https://revops.example.com/exports/accounts.csv';
let db: IcpDb;
let now = Date.parse('2026-11-20T10:00:00Z');
let served: { status: number; body: string; etag?: string };
const requests: { ifNoneMatch?: string }[] = [];
const fetch = async (_url: string, init: RequestInit) => {
  const inm = (init.headers as Record<string, string>)['If-None-Match'];
  requests.push({ ifNoneMatch: inm });
  if (served.status !== 200) return new Response('down', { status: served.status });
  if (served.etag && inm === served.etag) return new Response(null, { status: 304 });
  return new Response(served.body, { status: 200, headers: served.etag ? { ETag: served.etag } : {} });
};
beforeEach(async () => {
  db = openTestDb();
  await installBuiltinModels(db);
  requests.length = 0;
  now = Date.parse('2026-11-20T10:00:00Z');
  served = { status: 200, body: 'Company,Website,Employees\nAcme,acme.com,800\nBeta,beta.io,50\n', etag: '"v1"' };
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const deps = (policy = { accountListUrls: [URL_] }) => ({ db, fetch, now: () => now, policy });

describe('account lists synced from a URL', () => {
  it('the policy key accountListUrls is read and becomes a list source', async () => {
    expect(parsePolicy({ accountListUrls: [URL_] }).policy.accountListUrls).toEqual([URL_]);
    expect(parsePolicy({ accountListUrls: 'nope' }).problems[0]).toMatch(/accountListUrls/);
    expect(await listSources(deps())).toEqual([{ url: URL_, list: true }]);
  });

  it('imports the file as a named list, then asks with If-None-Match and keeps it on 304', async () => {
    const [first] = await syncAll(deps());
    expect(first).toMatchObject({ result: 'updated', list: true });
    const [list] = await listLists(db);
    expect(list).toMatchObject({ url: URL_, rowCount: 2, name: 'accounts.csv (revops.example.com)' });
    now += 3_600_000;
    const [second] = await syncAll(deps());
    expect(second.result).toBe('not-modified');
    expect(requests[1].ifNoneMatch).toBe('"v1"');
    // A new version replaces the list's rows by key.
    served = { status: 200, body: 'Company,Website,Employees\nAcme,acme.com,900\n', etag: '"v2"' };
    await syncAll(deps());
    expect(await db.accounts.where('list').equals(list.id).count()).toBe(1);
  });

  it('a failing server keeps the last good copy and backs off', async () => {
    await syncAll(deps());
    served = { status: 503, body: '' };
    const report = await syncSource(deps(), { url: URL_, list: true });
    expect(report).toMatchObject({ result: 'failed', error: expect.stringMatching(/HTTP 503/) });
    expect(report.state.failures).toBe(1);
    expect(Date.parse(report.state.nextRun!)).toBeGreaterThan(now);
    expect((await listLists(db))[0].rowCount).toBe(2);
    expect(await db.accounts.count()).toBe(2);
  });

  it('a list added from the options page (stored with its URL) keeps syncing without the policy', async () => {
    await syncAll(deps());
    expect(await listSources(deps({ accountListUrls: [] }))).toEqual([{ url: URL_, list: true }]);
  });
});
