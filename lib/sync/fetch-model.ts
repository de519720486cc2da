import type { IcpModel } from '../model/schema';
import { checkModel, MAX_MODEL_BYTES, parseJsonDocument, type ModelProblem } from '../model/validate';
import { checkSourceUrl } from './url';

/**
 * Fetches a model file from its source URL: one conditional GET, checked all the way. Pure apart from the injected
 * `fetch` (so unit tests pass a fake one and the background passes the real one). Never throws: every way it can go
 * wrong comes back as a typed failure with its cause, and the caller keeps the model it has.
 */

export const DEFAULT_TIMEOUT_MS = 15_000;
export { MAX_MODEL_BYTES };
/** Redirects followed hop by hop where the fetch lets us see them (Node); each hop must pass the URL rule. */
export const MAX_REDIRECTS = 5;

export type FetchFailureCause = 'url' | 'redirect' | 'network' | 'timeout' | 'http' | 'too-large' | 'json' | 'schema';

export type FetchModelOutcome =
  /** 200 with a valid model. `etag` is the response's ETag, for the next If-None-Match. */
  | { kind: 'fetched'; model: IcpModel; etag?: string; status: number }
  /** 304: the server says the copy we have (by ETag) is current. */
  | { kind: 'not-modified'; etag?: string; status: 304 }
  | { kind: 'failed'; cause: FetchFailureCause; message: string; status?: number; problems?: ModelProblem[] };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchModelOptions {
  url: string;
  /** The ETag of the copy we have: sent as If-None-Match. */
  etag?: string;
  fetch: FetchLike;
  timeoutMs?: number;
}

const failed = (cause: FetchFailureCause, message: string, extra: { status?: number; problems?: ModelProblem[] } = {}): FetchModelOutcome => ({
  kind: 'failed',
  cause,
  message,
  ...extra,
});

class FetchFailure extends Error {
  constructor(readonly outcome: FetchModelOutcome) {
    super(outcome.kind === 'failed' ? outcome.message : outcome.kind);
  }
}
const fail = (cause: FetchFailureCause, message: string, extra: { status?: number } = {}): never => {
  throw new FetchFailure(failed(cause, message, extra));
};

export async function fetchModel(options: FetchModelOptions): Promise<FetchModelOutcome> {
  const checked = checkSourceUrl(options.url);
  if (!checked.ok) return failed('url', checked.message);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  // The timer covers the whole exchange, body included: a server that sends headers and then stalls times out too.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const request = async (url: string, redirect: RequestRedirect, what: string, cause: FetchFailureCause = 'network'): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.etag) headers['If-None-Match'] = options.etag;
    try {
      // no-store: we do the conditional request ourselves, and the HTTP cache must not answer for the server.
      return await options.fetch(url, { headers, signal: controller.signal, cache: 'no-store', redirect, credentials: 'omit' });
    } catch (error) {
      if (timedOut) return fail('timeout', `no answer within ${formatSeconds(timeoutMs)}`);
      return fail(cause, `${what}: ${errorText(error)}`);
    }
  };
  try {
    const response = await fetchFollowingRedirects(checked.url, request);
    const etag = response.headers.get('ETag') ?? undefined;
    if (response.status === 304) {
      // A 304 only means something as the answer to If-None-Match: without one there is no copy to keep.
      if (!options.etag)
        return failed('http', 'the server answered 304 Not Modified to a request that was not conditional (no If-None-Match sent): there is no copy to keep', { status: 304 });
      return { kind: 'not-modified', status: 304, ...(etag ? { etag } : {}) };
    }
    if (response.status !== 200)
      return failed('http', `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, { status: response.status });
    const length = Number(response.headers.get('Content-Length') ?? '0');
    if (length > MAX_MODEL_BYTES) return failed('too-large', `too big: the file is ${length} bytes; a model file is at most ${MAX_MODEL_BYTES}`, { status: 200 });
    let text: string;
    try {
      text = await readBodyWithinLimit(response, MAX_MODEL_BYTES);
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      if (timedOut) return failed('timeout', `the file did not arrive within ${formatSeconds(timeoutMs)}`);
      return failed('network', `the download broke off: ${errorText(error)}`);
    }
    const parsed = parseJsonDocument(text);
    if (!parsed.ok) return failed('json', parsed.problems[0].message, { status: 200, problems: parsed.problems });
    const check = checkModel(parsed.data);
    if (!check.ok)
      return failed('schema', `the file is not a valid model (${check.problems.length} problem${check.problems.length === 1 ? '' : 's'})`, {
        status: 200,
        problems: check.problems,
      });
    return { kind: 'fetched', model: check.model, status: 200, ...(etag ? { etag } : {}) };
  } catch (error) {
    if (error instanceof FetchFailure) return error.outcome;
    throw error;
  } finally {
    controller.abort(); // stops a body we stopped reading (too big) from downloading on
    clearTimeout(timer);
  }
}

type Requester = (url: string, redirect: RequestRedirect, what: string, cause?: FetchFailureCause) => Promise<Response>;

/**
 * Every hop of a redirect chain must pass the same rule as the source URL (https, or http on this machine), or a
 * trusted https URL could hand the request to a plain-http host. Where the fetch shows redirects (Node's fetch with
 * `redirect: 'manual'` gives the 3xx and its Location) we follow them one by one and check each. A browser gives an
 * opaque answer for a manual redirect instead, without its Location: there we fetch again letting the browser
 * follow, which is safe because the extension's connect-src policy (wxt.config.ts) makes the browser refuse any hop
 * that breaks the rule, and we check the final URL as well.
 */
async function fetchFollowingRedirects(start: string, request: Requester): Promise<Response> {
  let url = start;
  for (let hop = 0; ; hop++) {
    // Chromium refuses a disallowed redirect target (connect-src) even in manual mode, as the same TypeError as an
    // unreachable server: the message names both.
    const response = await request(url, 'manual', 'could not reach the server, or it redirected off https (every hop must be https, or http on localhost)');
    if (response.type === 'opaqueredirect') {
      const followed = await request(
        start,
        'follow',
        'the server redirected, and the browser refused or could not reach a hop (every hop must be https, or http on localhost)',
        'redirect',
      );
      return checkFinalUrl(followed);
    }
    if (response.status < 300 || response.status > 399 || response.status === 304) return checkFinalUrl(response);
    const location = response.headers.get('Location');
    if (!location) return fail('redirect', `the server answered HTTP ${response.status} without a Location to go to`, { status: response.status });
    if (hop >= MAX_REDIRECTS) return fail('redirect', `more than ${MAX_REDIRECTS} redirects`, { status: response.status });
    const next = checkSourceUrl(new URL(location, url).href);
    if (!next.ok) return fail('redirect', `the server redirected to ${clip(location)}, which is not allowed: ${next.message}`, { status: response.status });
    url = next.url;
  }
}

function checkFinalUrl(response: Response): Response {
  // A fake or a redirect-less response may have no URL; a real one that was redirected names where it ended.
  if (!response.url) return response;
  const final = checkSourceUrl(response.url);
  if (!final.ok) return fail('redirect', `the server redirected to ${clip(response.url)}, which is not allowed: ${final.message}`, { status: response.status });
  return response;
}

/**
 * Reads the body chunk by chunk and stops past `limit` bytes, so a server that streams without a Content-Length (or
 * lies about it) cannot fill the extension's memory; the file is reported as too big, not as broken JSON.
 */
async function readBodyWithinLimit(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      void reader.cancel().catch(() => undefined);
      return fail('too-large', `too big: the file is over ${limit} bytes (a model file is at most that); stopped reading`, { status: 200 });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}…` : s);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
