import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * Model sync against a real HTTP server on 127.0.0.1 (plain http is allowed for localhost), driven from the real
 * options page: first sync, a new version, 304, and every kind of failure keeping the last good model with a
 * visible error. The server sends CORS headers because the extension has no host permission for 127.0.0.1.
 */
type Mode = 'ok' | 'invalid-json' | 'schema-invalid' | 'http-500' | 'slow' | 'redirect-evil' | 'redirect-via-evil' | 'moved' | 'endless' | 'deep';

const teamModel = (version: number) => ({
  ...structuredClone(DEFAULT_MODEL),
  id: 'team-sync',
  name: 'Team model',
  description: `Published by RevOps, revision ${version}`,
  version,
});

const served = { mode: 'ok' as Mode, version: 1, requests: [] as IncomingHttpHeaders[], endlessBytes: 0 };
let server: Server;
/**
 * Another host: 127.0.0.2 is loopback on Linux but not "this machine" by the sync rule (only localhost, 127.0.0.1
 * and [::1] may use plain http), so it stands for `http://<other host>` without touching the network. It serves a
 * valid model, with CORS headers, so only the redirect rule can keep it out.
 */
let evilServer: Server;
let evilOrigin: string;
const evilRequests: string[] = [];
let modelUrl: string;
let harness: Harness;
let options: Page;
/** A LinkedIn company page with the card, open through the whole run. */
let card: Page;
const fixture = loadFixtures().find((f) => f.site === 'linkedin' && f.facts)!;

async function startServer(): Promise<void> {
  server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Accept');
    res.setHeader('Access-Control-Expose-Headers', 'ETag');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.url === '/moved.json') {
      const etag = `"v${served.version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
      return void res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(JSON.stringify(teamModel(served.version)));
    }
    if (req.url !== '/model.json') return void res.writeHead(404).end();
    served.requests.push(req.headers);
    const etag = `"v${served.version}"`;
    switch (served.mode) {
      case 'redirect-evil':
        return void res.writeHead(302, { Location: `${evilOrigin}/evil.json` }).end();
      case 'redirect-via-evil':
        return void res.writeHead(302, { Location: `${evilOrigin}/hop?to=${encodeURIComponent(modelUrl.replace('/model.json', '/moved.json'))}` }).end();
      case 'moved':
        return void res.writeHead(302, { Location: '/moved.json' }).end();
      case 'endless': {
        // A chunked answer without Content-Length that never ends: only reading it with a limit stops it.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = `[${'1,'.repeat(32_000)}`;
        const pump = () => {
          while (!res.destroyed && served.endlessBytes < 200_000_000) {
            served.endlessBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      case 'deep':
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
      case 'ok':
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
        return void res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(JSON.stringify(teamModel(served.version)));
      case 'invalid-json':
        return void res.writeHead(200, { 'Content-Type': 'application/json', ETag: '"broken"' }).end('{"format": "icp-fit/model@1", oops');
      case 'schema-invalid': {
        const bad = teamModel(served.version + 1) as Record<string, unknown>;
        bad.criteria = [{ ...DEFAULT_MODEL.criteria[0], op: 'nearly' }];
        return void res.writeHead(200, { 'Content-Type': 'application/json', ETag: '"bad"' }).end(JSON.stringify(bad));
      }
      case 'http-500':
        return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('database down');
      case 'slow': {
        const timer = setTimeout(() => res.writeHead(200, { ETag: '"slow"' }).end(JSON.stringify(teamModel(served.version + 1))), 30_000);
        res.on('close', () => clearTimeout(timer));
        return;
      }
    }
  });
  evilServer = createServer((req, res) => {
    evilRequests.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Accept');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const to = new URL(req.url ?? '/', evilOrigin).searchParams.get('to');
    if (to) return void res.writeHead(302, { Location: to }).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(teamModel(99)));
  });
  const listen = (s: Server, host: string) => new Promise<number>((resolve) => s.listen(0, host, () => resolve((s.address() as AddressInfo).port)));
  modelUrl = `http://127.0.0.1:${await listen(server, '127.0.0.1')}/model.json`;
  evilOrigin = `http://127.0.0.2:${await listen(evilServer, '127.0.0.2')}`;
}

const row = (id: string) => options.locator(`[data-testid=model-row][data-model-id="${id}"]`);

/** The version the background scores with, asked the way the content script asks. */
async function scoredVersion(): Promise<number | undefined> {
  const response = (await harness.sendMessage({ type: 'score', facts: { employees: { value: 800, source: { kind: 'page' } } } })) as {
    ok: boolean;
    results: { modelId: string; modelVersion: number }[];
  };
  return response.results.find((r) => r.modelId === 'team-sync')?.modelVersion;
}

const cardModel = () => card.locator('icp-fit-card [data-testid=fit-card][data-state=ready] [data-testid=fit-model]').textContent({ timeout: 15_000 });

async function syncNowExpectingError(cause: string) {
  const failures = Number(await options.getByTestId('sync-status').getAttribute('data-failures'));
  await options.getByTestId('sync-now').click();
  // Each failure is recorded (with backoff): the count goes up even when the cause is the same as last time.
  await expect.poll(async () => Number(await options.getByTestId('sync-status').getAttribute('data-failures')), { timeout: 20_000 }).toBe(failures + 1);
  await expect.poll(() => options.getByTestId('sync-last-error').getAttribute('data-cause'), { timeout: 20_000 }).toBe(cause);
  // The last good model stays: in the list, in storage, in scoring and on the open card.
  expect(await row('team-sync').getAttribute('data-version')).toBe('2');
  expect(await scoredVersion()).toBe(2);
  expect(await cardModel()).toBe('Team model v2');
}

beforeAll(async () => {
  await startServer();
  harness = await launchExtension();
  options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await options.getByTestId('model-list').waitFor();
});
afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => evilServer?.close(resolve));
});

describe('model sync from a URL', () => {
  it('adds a model from the URL (first sync)', async () => {
    await options.getByTestId('add-source-url').fill(modelUrl);
    await options.getByTestId('add-source').click();
    await expect.poll(() => row('team-sync').getAttribute('data-version'), { timeout: 20_000 }).toBe('1');
    expect(served.requests[0]['if-none-match']).toBeUndefined();
    await row('team-sync').getByTestId('model-select').click();
    await options.getByTestId('tab-sync').click();
    expect(await options.getByTestId('source-url').inputValue()).toBe(modelUrl);
    expect(await options.getByTestId('sync-last-success').getAttribute('data-result')).toBe('updated');
    expect(await options.getByTestId('sync-next-run').textContent()).not.toBe('—');
    expect(await scoredVersion()).toBe(1);
  });

  it('scores the open card with the synced model', async () => {
    // Only the team model in use, so the card shows it (with both active, ties go to the built-in).
    await row(DEFAULT_MODEL.id).getByTestId('model-active').uncheck();
    await expect.poll(() => row(DEFAULT_MODEL.id).getAttribute('data-active')).toBe('false');
    // Nothing leaves the machine: every https request is refused except the fixture page.
    await harness.context.route('https://**/*', (route) => route.abort());
    await harness.routeFixture(fixture.url.replace(/[?#].*$/, '') + '*', fixture.html);
    card = await harness.context.newPage();
    await card.goto(fixture.url, { waitUntil: 'domcontentloaded' });
    expect(await cardModel()).toBe('Team model v1');
  });

  it('picks up a new version', async () => {
    served.version = 2;
    await options.getByTestId('sync-now').click();
    await expect.poll(() => row('team-sync').getAttribute('data-version'), { timeout: 20_000 }).toBe('2');
    expect(served.requests.at(-1)?.['if-none-match']).toBe('"v1"');
    expect(await scoredVersion()).toBe(2);
    // The open card re-scores without a reload and shows the new version.
    await expect.poll(cardModel, { timeout: 10_000 }).toBe('Team model v2');
  });

  it('handles 304 Not Modified', async () => {
    const before = served.requests.length;
    await options.getByTestId('sync-now').click();
    await expect.poll(() => options.getByTestId('sync-last-success').getAttribute('data-result'), { timeout: 20_000 }).toBe('not-modified');
    expect(served.requests.length).toBe(before + 1);
    expect(served.requests.at(-1)?.['if-none-match']).toBe('"v2"');
    expect(await row('team-sync').getAttribute('data-version')).toBe('2');
  });

  it('keeps the last good model on invalid JSON', async () => {
    served.mode = 'invalid-json';
    await syncNowExpectingError('json');
    expect(await options.getByTestId('sync-last-error').textContent()).toMatch(/invalid JSON.*not valid JSON/);
  });

  it('keeps the last good model on a schema-invalid model, listing problems by JSON path', async () => {
    served.mode = 'schema-invalid';
    await syncNowExpectingError('schema');
    expect(await options.locator('[data-testid=sync-problem][data-path="criteria[0].op"]').count()).toBe(1);
  });

  it('keeps the last good model on HTTP 500', async () => {
    served.mode = 'http-500';
    await syncNowExpectingError('http');
    expect(await options.getByTestId('sync-last-error').textContent()).toContain('HTTP 500');
    expect(await options.getByTestId('sync-status').getAttribute('data-failures')).toBe('3');
  });

  it('keeps the last good model when the server is too slow', async () => {
    await options.getByTestId('sync-timeout').fill('2');
    await options.getByTestId('save-sync-settings').click();
    await expect.poll(() => options.getByTestId('sync-settings-message').textContent()).toBe('Saved.');
    served.mode = 'slow';
    await syncNowExpectingError('timeout');
    expect(await options.getByTestId('sync-last-error').textContent()).toContain('no answer within 2 s');
  });

  it('refuses a redirect to plain http on another host (issue 15)', async () => {
    served.mode = 'redirect-evil';
    await syncNowExpectingError('redirect');
    expect(await options.getByTestId('sync-last-error').textContent()).toMatch(/redirect refused.*every hop must be https/);
    // Chromium refused the hop itself (the connect-src policy) before sending anything: the other host saw nothing.
    expect(evilRequests).toEqual([]);
    expect(await options.getByTestId('sync-next-run').textContent()).not.toBe('—');
  });

  it('refuses a redirect chain through plain http even when it ends at an allowed URL (issue 15)', async () => {
    served.mode = 'redirect-via-evil';
    await syncNowExpectingError('redirect');
    expect(evilRequests).toEqual([]);
  });

  it('stops reading an endless chunked answer at the size limit and says it is too big (issue 15)', async () => {
    served.mode = 'endless';
    served.endlessBytes = 0;
    await syncNowExpectingError('too-large');
    expect(await options.getByTestId('sync-last-error').textContent()).toMatch(/too big: the file is over 2000000 bytes/);
    // The download was cut off (the server stops at 200 MB if nobody does).
    expect(served.endlessBytes).toBeLessThan(50_000_000);
  });

  it('refuses JSON nested 10,000 deep with a message naming the limit, and keeps syncing (issue 15)', async () => {
    served.mode = 'deep';
    await syncNowExpectingError('json');
    expect(await options.getByTestId('sync-last-error').textContent()).toContain('nested more than 64 levels deep');
    expect(await options.getByTestId('sync-next-run').textContent()).not.toBe('—');
  });

  it('recovers when the server is fixed, through a redirect on the same server', async () => {
    served.mode = 'moved';
    served.version = 3;
    await options.getByTestId('sync-now').click();
    await expect.poll(() => row('team-sync').getAttribute('data-version'), { timeout: 20_000 }).toBe('3');
    // The model list and the sync panel refresh from separate queries: the old error can outlive the new version by a
    // render, so wait for the panel too (it still has to clear).
    await expect.poll(() => options.getByTestId('sync-last-error').count(), { timeout: 10_000 }).toBe(0);
    expect(await scoredVersion()).toBe(3);
    await expect.poll(cardModel, { timeout: 10_000 }).toBe('Team model v3');
  });
});
