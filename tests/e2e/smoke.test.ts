import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, scoreCompiled } from '../../lib/engine/score';
import { valuesOf } from '../../lib/facts/parse';
import type { CompanyFacts } from '../../lib/facts/vocabulary';
import { responseSchemas } from '../../lib/messages/schemas';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { EXTENSION_DIR, launchExtension, type Harness } from './harness';

const page = { kind: 'page', detail: 'linkedin' } as const;
/** A German bank of 800 people running Salesforce and Snowflake: passes the built-in sales-led model's gate. */
const BANK: CompanyFacts = {
  name: { value: 'Nordbank', source: page },
  domain: { value: 'nordbank.de', source: page },
  employees: { value: { min: 501, max: 1000 }, source: page },
  hqCountry: { value: 'DE', source: page },
  industry: { value: 'Financial Services', source: page },
  subIndustry: { value: 'Banking', source: page },
  companyType: { value: 'private', source: page },
  technologies: { value: ['Salesforce', 'Snowflake', 'Slack'], source: page },
};

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
});
afterAll(async () => {
  await harness?.close();
});

describe('the built extension in Chromium', () => {
  it('loads, with its service worker running and nothing web-accessible', async () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    expect(harness.serviceWorker.url()).toBe(`chrome-extension://${harness.extensionId}/background.js`);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('scores a company with the built-in model over runtime messaging, as the engine does', async () => {
    const response = await harness.sendMessage({ type: 'score', facts: BANK, recordKey: 'li:nordbank' });
    const checked = responseSchemas.score.parse(response);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    // No date-based criterion matches these facts, so the clock does not matter.
    const expected = scoreCompiled(compileModel(DEFAULT_MODEL), valuesOf(BANK), Date.now());
    expect(expected.verdict).toBe('fit');
    expect(checked.best).toMatchObject({
      modelId: DEFAULT_MODEL.id,
      modelVersion: DEFAULT_MODEL.version,
      verdict: expected.verdict,
      score: expected.score,
      tier: expected.tier,
    });
    expect(checked.best?.criteria).toEqual(expected.criteria);
    expect(checked.facts).toEqual(BANK);
  });

  it('answers a bad message with ok: false', async () => {
    const response = await harness.sendMessage({ type: 'score', facts: { employees: { value: 'lots', source: page } } });
    expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/employees/) });
  });

  it('keeps answers in IndexedDB across a service-worker restart', async () => {
    const saved = await harness.sendMessage({ type: 'saveAnswer', recordKey: 'li:nordbank', field: 'championIdentified', value: true, author: 'ae@us' });
    expect(saved).toMatchObject({ ok: true });
    await harness.stopServiceWorker(); // the worker and anything in its globals are gone; the next message restarts it
    const response = responseSchemas.score.parse(await harness.sendMessage({ type: 'score', facts: BANK, recordKey: 'li:nordbank' }));
    expect(response.ok && response.facts.championIdentified).toMatchObject({ value: true, source: { kind: 'user', detail: 'ae@us' } });
    expect(response.ok && response.best?.criteria.find((c) => c.id === 'champion')?.status).toBe('pass');
  });

  it('serves fixture pages at the real site URLs', async () => {
    await harness.routeFixture('https://www.linkedin.com/**', '<!doctype html><title>Nordbank | LinkedIn</title><h1>Nordbank</h1>');
    const tab = await harness.context.newPage();
    await tab.goto('https://www.linkedin.com/company/nordbank/');
    expect(await tab.title()).toBe('Nordbank | LinkedIn');
    await tab.close();
  });
});

describe('what the content script may do', () => {
  it('has no network API in the built content script', () => {
    const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
    expect(content).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|EventSource/);
  });
});
