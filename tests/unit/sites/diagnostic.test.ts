import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../../lib/sites';
import { check, formatDiagnostic, readsOnlyName } from '../../../lib/sites/diagnostic';
import type { SiteId } from '../../../lib/sites/types';

const FIXTURES = join(__dirname, '../../fixtures');

const fixtures = readdirSync(FIXTURES).flatMap((site) =>
  readdirSync(join(FIXTURES, site))
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, site, file.replace(/\.html$/, '.expected.json')), 'utf8'));
      return { site: site as SiteId, name: file.replace(/\.html$/, ''), url: expected.url as string, html: readFileSync(join(FIXTURES, site, file), 'utf8'), readable: expected.facts !== null };
    }),
);

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : []);

describe('page diagnostics', () => {
  it('every adapter diagnoses its record pages', () => {
    expect(ADAPTERS.every((a) => typeof a.diagnose === 'function')).toBe(true);
  });

  it.each(fixtures.map((f) => [`${f.site}/${f.name}`, f] as const))('%s: sources tried, and no page text', (_, f) => {
    const doc = new JSDOM(f.html, { url: f.url }).window.document;
    const adapter = adapterFor(f.site);
    const diagnostic = adapter.diagnose(doc, new URL(f.url));
    expect(diagnostic).not.toBeNull();
    expect(diagnostic!.recordKey).toBe(adapter.matchUrl(new URL(f.url))!.recordKey);
    expect(diagnostic!.sources.length).toBeGreaterThan(2);
    for (const s of diagnostic!.sources) expect(s.matched).toBeLessThanOrEqual(Math.max(s.found, s.which?.length ?? 0));

    // What the page shows (the adapter's raw values) never appears in the text to copy (the first line names the
    // record by its URL key, which is not page text).
    const text = formatDiagnostic(diagnostic!).split('\n').slice(1).join('\n');
    const raw = adapter.extract(doc, new URL(f.url))?.raw ?? {};
    for (const [field, value] of Object.entries(raw)) {
      if (['crmId', 'linkedinUrl', 'crunchbaseUrl'].includes(field)) continue;
      for (const shown of strings(value).filter((s) => s.length >= 4)) expect(text, `${field}: ${shown}`).not.toContain(shown);
    }
    // A page the adapter reads has at least one matching source; one it refuses says why by matching none that
    // yields facts.
    const matched = diagnostic!.sources.reduce((n, s) => n + s.matched, 0);
    if (f.readable) expect(matched).toBeGreaterThan(0);
  });

  it('is null for URLs that are not records of the site', () => {
    const doc = new JSDOM('<html><body></body></html>', { url: 'https://www.linkedin.com/feed/' }).window.document;
    for (const adapter of ADAPTERS) expect(adapter.diagnose(doc, new URL('https://www.linkedin.com/feed/'))).toBeNull();
  });

  it('drops anything that is not a short name from the lists of what matched', () => {
    const source = check('Property inputs', '[x]', 3, ['industry', 'Acme Robotics, Inc.', 'x'.repeat(200), 'Tech_Stack__c']);
    expect(source.which).toEqual(['industry', 'Tech_Stack__c']);
    const text = formatDiagnostic({ site: 'hubspot', recordKey: 'hs:1:0-2:2', kind: 'record', sources: [source] });
    expect(text).toContain('- Property inputs: 3 found, 4 matched [industry, Tech_Stack__c]  ([x])');
  });
});

describe('readsOnlyName', () => {
  it('is true for nothing, a name, or URL-derived ids only; false once any company fact is read', () => {
    expect(readsOnlyName(null)).toBe(true);
    expect(readsOnlyName({ name: 'Acme', crmId: 'hubspot:1', linkedinUrl: 'https://www.linkedin.com/company/acme/' })).toBe(true);
    expect(readsOnlyName({ name: 'Acme', industry: undefined })).toBe(true);
    expect(readsOnlyName({ name: 'Acme', industry: 'Software' })).toBe(false);
    expect(readsOnlyName({ employees: '51-200' })).toBe(false);
  });
});
