import type { IcpModel } from '../model/schema';
import { parseModelJson, type ModelProblem } from '../model/validate';
import { checkSourceUrl } from './url';

/**
 * Fetches a model file from its source URL: one conditional GET, checked all the way. Pure apart from the injected
 * `fetch` (so unit tests pass a fake one and the background passes the real one). Never throws: every way it can go
 * wrong comes back as a typed failure with its cause, and the caller keeps the model it has.
 */

export const DEFAULT_TIMEOUT_MS = 15_000;
/** A model file is a few KB; anything this big is not one (and must not fill the extension's memory). */
export const MAX_MODEL_BYTES = 2_000_000;

export type FetchFailureCause = 'url' | 'network' | 'timeout' | 'http' | 'too-large' | 'json' | 'schema';

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

export type FetchTextOutcome =
  | { kind: 'fetched'; text: string; etag?: string; status: number }
  | { kind: 'not-modified'; etag?: string; status: 304 }
  | Extract<FetchModelOutcome, { kind: 'failed' }>;

/**
 * One conditional GET of a text file (a model, an account list), checked: http(s) source URL, If-None-Match, a
 * timeout over the whole exchange, a size limit. Never throws.
 */
export async function fetchText(options: FetchModelOptions & { maxBytes: number; accept: string; what: string }): Promise<FetchTextOutcome> {
  const checked = checkSourceUrl(options.url);
  if (!checked.ok) return failed('url', checked.message) as FetchTextOutcome;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { maxBytes, what } = options;
  const fail = (cause: FetchFailureCause, message: string, extra: { status?: number } = {}) => failed(cause, message, extra) as FetchTextOutcome;
  const controller = new AbortController();
  let timedOut = false;
  // The timer covers the whole exchange, body included: a server that sends headers and then stalls times out too.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: options.accept };
    if (options.etag) headers['If-None-Match'] = options.etag;
    let response: Response;
    try {
      // no-store: we do the conditional request ourselves, and the HTTP cache must not answer for the server.
      response = await options.fetch(checked.url, { headers, signal: controller.signal, cache: 'no-store', redirect: 'follow', credentials: 'omit' });
    } catch (error) {
      if (timedOut) return fail('timeout', `no answer within ${formatSeconds(timeoutMs)}`);
      return fail('network', `could not reach the server: ${errorText(error)}`);
    }
    const etag = response.headers.get('ETag') ?? undefined;
    if (response.status === 304) return { kind: 'not-modified', status: 304, ...(etag ? { etag } : {}) };
    if (response.status !== 200)
      return fail('http', `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, { status: response.status });
    const length = Number(response.headers.get('Content-Length') ?? '0');
    if (length > maxBytes) return fail('too-large', `the file is ${length} bytes; ${what} is at most ${maxBytes}`, { status: 200 });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (timedOut) return fail('timeout', `the file did not arrive within ${formatSeconds(timeoutMs)}`);
      return fail('network', `the download broke off: ${errorText(error)}`);
    }
    if (text.length > maxBytes) return fail('too-large', `the file is over ${maxBytes} characters; ${what} is at most that`, { status: 200 });
    return { kind: 'fetched', text, status: 200, ...(etag ? { etag } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchModel(options: FetchModelOptions): Promise<FetchModelOutcome> {
  const outcome = await fetchText({ ...options, maxBytes: MAX_MODEL_BYTES, accept: 'application/json', what: 'a model file' });
  if (outcome.kind !== 'fetched') return outcome;
  const parsed = parseModelJson(outcome.text);
  if (!parsed.ok) {
    const syntax = parsed.problems.every((p) => p.path === '$' && p.message.startsWith('not valid JSON'));
    if (syntax) return failed('json', parsed.problems[0].message, { status: 200, problems: parsed.problems });
    return failed('schema', `the file is not a valid model (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})`, {
      status: 200,
      problems: parsed.problems,
    });
  }
  return { kind: 'fetched', model: parsed.model, status: 200, ...(outcome.etag ? { etag: outcome.etag } : {}) };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
