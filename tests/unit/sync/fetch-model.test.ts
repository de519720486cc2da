import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { maxBackoffMinutes, nextSyncDelay, nextSyncDelayMinutes } from '../../../lib/sync/backoff';
import { fetchModel, MAX_MODEL_BYTES, type FetchLike } from '../../../lib/sync/fetch-model';
import { parsePolicy } from '../../../lib/sync/policy';
import { afterFailure, afterSuccess, emptySyncState } from '../../../lib/sync/state';
import { checkSourceUrl } from '../../../lib/sync/url';

const URL_ = 'https://models.example.com/icp.json';
const body = JSON.stringify(DEFAULT_MODEL);

/** A fake fetch that answers with `response` and records each request's headers. */
function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: { url: string; headers: Record<string, string>; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers as Record<string, string>, init });
    return response();
  };
  return { fetch, calls };
}

describe('checkSourceUrl', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(checkSourceUrl(' https://models.example.com/a.json ')).toEqual({ ok: true, url: 'https://models.example.com/a.json' });
    expect(checkSourceUrl('http://localhost:8080/m.json')).toMatchObject({ ok: true });
    expect(checkSourceUrl('http://127.0.0.1:9/m.json')).toMatchObject({ ok: true });
    expect(checkSourceUrl('http://models.example.com/a.json')).toMatchObject({ ok: false, message: expect.stringMatching(/use https/) });
    expect(checkSourceUrl('http://127.0.0.1.evil.com/m.json')).toMatchObject({ ok: false });
    expect(checkSourceUrl('ftp://x/y')).toMatchObject({ ok: false, message: expect.stringMatching(/scheme/) });
    expect(checkSourceUrl('https://user:pw@x.example/m.json')).toMatchObject({ ok: false, message: expect.stringMatching(/credentials/) });
    expect(checkSourceUrl('not a url')).toMatchObject({ ok: false });
    expect(checkSourceUrl('')).toMatchObject({ ok: false });
  });
});

describe('fetchModel', () => {
  it('fetches and validates a model, returning its ETag; sends If-None-Match when it has one', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(body, { status: 200, headers: { ETag: '"v1"' } }));
    const outcome = await fetchModel({ url: URL_, fetch });
    expect(outcome).toEqual({ kind: 'fetched', model: DEFAULT_MODEL, etag: '"v1"', status: 200 });
    expect(calls[0].headers['If-None-Match']).toBeUndefined();
    expect(calls[0].init).toMatchObject({ cache: 'no-store', credentials: 'omit' });
    await fetchModel({ url: URL_, fetch, etag: '"v1"' });
    expect(calls[1].headers['If-None-Match']).toBe('"v1"');
  });

  it('handles 304 Not Modified', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 304, headers: { ETag: '"v1"' } }));
    expect(await fetchModel({ url: URL_, fetch, etag: '"v1"' })).toEqual({ kind: 'not-modified', status: 304, etag: '"v1"' });
  });

  it('reports a non-200 answer with its status', async () => {
    const { fetch } = fakeFetch(() => new Response('oops', { status: 500, statusText: 'Internal Server Error' }));
    expect(await fetchModel({ url: URL_, fetch })).toEqual({
      kind: 'failed',
      cause: 'http',
      status: 500,
      message: 'the server answered HTTP 500 Internal Server Error',
    });
    const notFound = fakeFetch(() => new Response('', { status: 404 }));
    expect(await fetchModel({ url: URL_, fetch: notFound.fetch })).toMatchObject({ cause: 'http', status: 404 });
  });

  it('reports invalid JSON with line and column', async () => {
    const { fetch } = fakeFetch(() => new Response('{"format": "icp-fit/model@1",\n  oops}', { status: 200 }));
    const outcome = await fetchModel({ url: URL_, fetch });
    expect(outcome).toMatchObject({ kind: 'failed', cause: 'json', message: expect.stringMatching(/^not valid JSON: .* at line 2, column \d+$/) });
  });

  it('reports a schema-invalid model with every problem by JSON path', async () => {
    const bad = structuredClone(DEFAULT_MODEL) as unknown as Record<string, unknown>;
    (bad.criteria as Record<string, unknown>[])[2].op = 'near';
    delete bad.tiers;
    const { fetch } = fakeFetch(() => new Response(JSON.stringify(bad), { status: 200 }));
    const outcome = await fetchModel({ url: URL_, fetch });
    expect(outcome).toMatchObject({ kind: 'failed', cause: 'schema', status: 200 });
    expect(outcome.kind === 'failed' && outcome.problems?.map((p) => p.path)).toEqual(expect.arrayContaining(['criteria[2].op', 'tiers']));
  });

  it('times out a server that does not answer, aborting the request', async () => {
    let signal: AbortSignal | undefined;
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        signal = init.signal ?? undefined;
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const outcome = await fetchModel({ url: URL_, fetch, timeoutMs: 30 });
    expect(outcome).toEqual({ kind: 'failed', cause: 'timeout', message: 'no answer within 30 ms' });
    expect(signal?.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers', async () => {
    const fetch: FetchLike = async (_url, init) => {
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"format":'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(stream, { status: 200 });
    };
    expect(await fetchModel({ url: URL_, fetch, timeoutMs: 20 })).toMatchObject({ cause: 'timeout', message: expect.stringMatching(/did not arrive/) });
  });

  it('reports a network error with its cause', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await fetchModel({ url: URL_, fetch })).toEqual({ kind: 'failed', cause: 'network', message: expect.stringMatching(/^could not reach the server, or it redirected off https .*: Failed to fetch$/) });
  });

  it('refuses a bad URL without fetching, and a file that is too big', async () => {
    const spy = vi.fn<FetchLike>();
    expect(await fetchModel({ url: 'http://example.com/m.json', fetch: spy })).toMatchObject({ cause: 'url' });
    expect(spy).not.toHaveBeenCalled();
    const { fetch } = fakeFetch(() => new Response('x', { status: 200, headers: { 'Content-Length': String(MAX_MODEL_BYTES + 1) } }));
    expect(await fetchModel({ url: URL_, fetch })).toMatchObject({ cause: 'too-large' });
  });
});

describe('backoff', () => {
  it('uses the interval after a success and backs off exponentially after failures, capped', () => {
    expect(nextSyncDelayMinutes(0, 30)).toBe(30);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => nextSyncDelayMinutes(n, 30))).toEqual([1, 2, 4, 8, 16, 32, 64, 120, 120]);
    expect(maxBackoffMinutes(5)).toBe(60);
    expect(nextSyncDelayMinutes(50, 5)).toBe(60);
    expect(nextSyncDelay(0, 0)).toBe(60_000); // never below a minute
    expect(nextSyncDelay(2, 30)).toBe(120_000);
  });
});

describe('sync state', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');
  it('records a failure with its cause and schedules a retry with backoff', () => {
    let state = emptySyncState(URL_);
    state = afterFailure(state, { cause: 'http', message: 'HTTP 500', status: 500 }, now, 30);
    expect(state).toMatchObject({ failures: 1, lastError: { cause: 'http', status: 500, at: '2027-03-01T12:00:00.000Z' }, nextRun: '2027-03-01T12:01:00.000Z' });
    state = afterFailure(state, { cause: 'timeout', message: 'slow' }, now, 30);
    expect(state).toMatchObject({ failures: 2, nextRun: '2027-03-01T12:02:00.000Z' });
    const ok = afterSuccess({ ...state, etag: '"a"' }, { kind: 'updated', modelId: 'm', version: 3, etag: '"b"' }, now, 30);
    expect(ok).toMatchObject({ failures: 0, etag: '"b"', modelId: 'm', lastSuccess: { result: 'updated', version: 3 }, nextRun: '2027-03-01T12:30:00.000Z' });
    expect(ok.lastError).toBeUndefined();
    expect(afterSuccess(ok, { kind: 'not-modified' }, now, 30).etag).toBe('"b"');
    expect(afterSuccess(ok, { kind: 'updated', modelId: 'm', version: 4 }, now, 30).etag).toBeUndefined();
  });
});

describe('parsePolicy', () => {
  it('reads each key on its own and ignores bad values', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: { lockEditing: false }, problems: [] });
    expect(parsePolicy({ modelSourceUrl: 'https://x/m.json', lockEditing: true, syncIntervalMinutes: 60 }).policy).toEqual({
      modelSourceUrl: 'https://x/m.json',
      lockEditing: true,
      syncIntervalMinutes: 60,
    });
    const bad = parsePolicy({ lockEditing: 'yes', syncIntervalMinutes: 0, modelSourceUrl: 'https://x/m.json' });
    expect(bad.policy).toEqual({ lockEditing: false, modelSourceUrl: 'https://x/m.json' });
    expect(bad.problems).toHaveLength(2);
  });
});

/** A response as the browser or Node shapes it: `url` is where it ended, `type` e.g. 'opaqueredirect'. */
function shaped(response: Response, props: { url?: string; type?: ResponseType }): Response {
  for (const [key, value] of Object.entries(props)) Object.defineProperty(response, key, { value });
  return response;
}

describe('fetchModel against hostile servers (issue 15)', () => {
  const model = (version: number) => JSON.stringify({ ...DEFAULT_MODEL, version });

  it('checks every redirect hop it can see against the https/localhost rule', async () => {
    const hops: Record<string, Response> = {
      [URL_]: new Response(null, { status: 302, headers: { Location: '/moved.json' } }),
      'https://models.example.com/moved.json': new Response(null, { status: 301, headers: { Location: 'http://evil.example.net/evil.json' } }),
    };
    const seen: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push(`${url} ${init.redirect}`);
      return hops[url] ?? new Response(model(9), { status: 200 });
    };
    const outcome = await fetchModel({ url: URL_, fetch });
    expect(outcome).toMatchObject({ kind: 'failed', cause: 'redirect', message: expect.stringMatching(/redirected to http:\/\/evil\.example\.net\/evil\.json, which is not allowed: use https/) });
    expect(seen).toEqual([`${URL_} manual`, 'https://models.example.com/moved.json manual']);
  });

  it('follows allowed redirects (relative too), up to a limit', async () => {
    const fetch: FetchLike = async (url) =>
      url.endsWith('/final.json') ? new Response(model(4), { status: 200 }) : new Response(null, { status: 307, headers: { Location: '/final.json' } });
    expect(await fetchModel({ url: URL_, fetch })).toMatchObject({ kind: 'fetched', model: { version: 4 } });
    const loop: FetchLike = async (url) => new Response(null, { status: 302, headers: { Location: `${url}x` } });
    expect(await fetchModel({ url: URL_, fetch: loop })).toMatchObject({ cause: 'redirect', message: 'more than 5 redirects' });
  });

  it('in a browser (opaque manual redirects) lets the browser follow and checks where it ended', async () => {
    const calls: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push(init.redirect!);
      if (init.redirect === 'manual') return shaped(new Response(null, { status: 200 }), { type: 'opaqueredirect' });
      return shaped(new Response(model(9), { status: 200 }), { url: 'http://127.0.0.2:8080/evil.json' });
    };
    expect(await fetchModel({ url: URL_, fetch })).toMatchObject({ cause: 'redirect', message: expect.stringMatching(/127\.0\.0\.2.*not allowed/) });
    expect(calls).toEqual(['manual', 'follow']);
    // The browser refusing a hop (its connect-src policy) is a refused redirect, not a network problem.
    const refused: FetchLike = async (_url, init) => {
      if (init.redirect === 'manual') return shaped(new Response(null, { status: 200 }), { type: 'opaqueredirect' });
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchModel({ url: URL_, fetch: refused })).toMatchObject({ cause: 'redirect', message: expect.stringMatching(/every hop must be https/) });
  });

  it('stops reading a chunked body past the size limit and says it is too big', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(`[${'1,'.repeat(32_000)}`);
    const fetch: FetchLike = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled += chunk.byteLength;
            controller.enqueue(chunk); // endless, no Content-Length
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 200 },
      );
    const outcome = await fetchModel({ url: URL_, fetch });
    expect(outcome).toMatchObject({ cause: 'too-large', message: expect.stringMatching(/^too big: the file is over 2000000 bytes/) });
    expect(pulled).toBeLessThan(MAX_MODEL_BYTES + 5 * chunk.byteLength);
    expect(cancelled).toBe(true);
  });

  it('refuses JSON nested deeper than the limit before parsing, naming the limit', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const { fetch } = fakeFetch(() => new Response(deep, { status: 200 }));
    expect(await fetchModel({ url: URL_, fetch })).toMatchObject({
      kind: 'failed',
      cause: 'json',
      message: expect.stringMatching(/^too deeply nested: nested more than 64 levels deep .* at line 1, column 321$/),
    });
  });

  it('treats a 304 to a request without If-None-Match as an error', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 304 }));
    expect(await fetchModel({ url: URL_, fetch })).toMatchObject({ kind: 'failed', cause: 'http', status: 304, message: expect.stringMatching(/not conditional/) });
  });
});
