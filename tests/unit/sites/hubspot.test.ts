import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFacts } from '../../../lib/facts/normalise';
import { valuesOf } from '../../../lib/facts/parse';
import { hubspotAdapter } from '../../../lib/sites/hubspot';

const FIXTURES = join(__dirname, '../../fixtures/hubspot');

/** `<variant>.expected.json`: the URL the page is served at, its record key and what extraction must give. */
interface Expected {
  url: string;
  recordKey: string;
  /** Raw facts the adapter reads (before normalisation); null when extract must return null. */
  raw: Record<string, unknown> | null;
  /** Normalised plain values; null when extract must return null. */
  facts: Record<string, unknown> | null;
  absent: string[];
}

describe('hubspot matchUrl', () => {
  const positives: [string, string, string][] = [
    ['https://app.hubspot.com/contacts/4455667/record/0-2/18122334455', 'hs:4455667:0-2:18122334455', 'record'],
    ['https://app.hubspot.com/contacts/4455667/record/0-2/18122334455/', 'hs:4455667:0-2:18122334455', 'record'],
    ['https://app-eu1.hubspot.com/contacts/26001122/record/0-2/9123456789/view/1', 'hs:26001122:0-2:9123456789', 'record'],
    ['https://app-na1.hubspot.com/contacts/4455667/record/0-2/42?tab=activities', 'hs:4455667:0-2:42', 'record'],
    ['https://app-na2.hubspot.com/contacts/1/record/0-2/2#notes', 'hs:1:0-2:2', 'record'],
    ['https://app.hubspot.com/contacts/3344556/company/7788990011', 'hs:3344556:0-2:7788990011', 'legacy-company'],
    ['https://app-na1.hubspot.com/contacts/3344556/company/7788990011/', 'hs:3344556:0-2:7788990011', 'legacy-company'],
  ];
  it.each(positives)('%s → %s', (href, key, kind) => {
    expect(hubspotAdapter.matchUrl(new URL(href))).toEqual({ site: 'hubspot', recordKey: key, kind });
  });

  const negatives = [
    'https://app.hubspot.com/contacts/4455667/record/0-1/551', // contact
    'https://app.hubspot.com/contacts/4455667/record/0-3/77', // deal
    'https://app.hubspot.com/contacts/4455667/record/0-5/9', // ticket
    'https://app.hubspot.com/contacts/4455667/record/2-123456/4', // custom object
    'https://app.hubspot.com/contacts/4455667/contact/551', // legacy contact URL
    'https://app.hubspot.com/contacts/4455667/objects/0-2/views/all/list', // companies list
    'https://app.hubspot.com/contacts/4455667/companies', // legacy list
    'https://app.hubspot.com/contacts/4455667/record/0-2/', // no id
    'https://app.hubspot.com/contacts/4455667/record/0-2/abc', // not an id
    'https://app.hubspot.com/reports-dashboard/4455667/view/123',
    'https://hubspot.com.evil.example/contacts/1/record/0-2/2',
    'https://app.hubspot.com.evil.example/contacts/1/record/0-2/2',
    'https://evil.example/app.hubspot.com/contacts/1/record/0-2/2',
    'https://www.hubspot.com/contacts/1/record/0-2/2',
    'https://app.hubspotqa.com/contacts/1/record/0-2/2',
    'ftp://app.hubspot.com/contacts/1/record/0-2/2',
    'https://www.linkedin.com/company/acme/',
    'https://www.crunchbase.com/organization/acme',
    'https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view',
  ];
  it.each(negatives)('ignores %s', (href) => {
    expect(hubspotAdapter.matchUrl(new URL(href))).toBeNull();
  });
});

describe('hubspot fixtures', () => {
  const variants = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length));

  it('has fixtures, including a negative one', () => {
    expect(variants.length).toBeGreaterThanOrEqual(8);
    expect(variants.some((v) => v.startsWith('negative-'))).toBe(true);
  });

  describe.each(variants)('%s', (variant) => {
    const html = readFileSync(join(FIXTURES, `${variant}.html`), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${variant}.expected.json`), 'utf8')) as Expected;
    const url = new URL(expected.url);
    const extractFrom = () => hubspotAdapter.extract(new JSDOM(html, { url: expected.url }).window.document, url);

    it('derives the record key from the URL', () => {
      expect(hubspotAdapter.matchUrl(url)?.recordKey).toBe(expected.recordKey);
    });

    it('reads the expected raw facts', () => {
      const result = extractFrom();
      if (expected.raw === null) {
        expect(result).toBeNull();
        return;
      }
      expect(result?.ref.recordKey).toBe(expected.recordKey);
      expect(result?.raw).toEqual(expected.raw);
      for (const fact of expected.absent) expect(result?.raw).not.toHaveProperty([fact]);
    });

    it('gives the expected normalised facts', () => {
      const result = extractFrom();
      if (expected.facts === null) {
        expect(result).toBeNull();
        return;
      }
      expect(result).not.toBeNull();
      const { facts, problems } = normaliseFacts(result!.raw, {
        origin: 'hubspot',
        source: { kind: 'crm', detail: 'hubspot' },
        locale: result!.locale,
      });
      expect(problems).toEqual([]);
      const values = valuesOf(facts);
      expect(values).toEqual(expected.facts);
      for (const fact of expected.absent) expect(values).not.toHaveProperty([fact]);
      for (const fact of Object.values(facts)) expect(fact?.source).toEqual({ kind: 'crm', detail: 'hubspot' });
    });
  });
});

describe('hubspot extract details', () => {
  const URL_42 = 'https://app.hubspot.com/contacts/100/record/0-2/42';
  /** A record page whose left sidebar holds `sidebar` and whose header shows `header`. */
  const page = (sidebar: string, header = '<div data-selenium-test="highlightTitle">Acme Test Co</div>') => `
    <html lang="de-DE"><body><div data-test-id="left-sidebar">
      <div data-selenium-component="ProfileHighlightContainer">
        <div data-selenium-test="company-highlight-details">${header}</div>
      </div>
      <div data-test-id="card-wrapper-PROPERTIES_V3/0-2/V2">${sidebar}</div>
    </div></body></html>`;
  const rawOf = (html: string, href = URL_42) =>
    hubspotAdapter.extract(new JSDOM(html, { url: href }).window.document, new URL(href))?.raw ?? null;

  it('passes the page language on as the locale', () => {
    const result = hubspotAdapter.extract(new JSDOM(page(''), { url: URL_42 }).window.document, new URL(URL_42));
    expect(result?.locale).toBe('de-DE');
  });

  it('returns null for a URL that is not a company record', () => {
    const href = 'https://app.hubspot.com/contacts/100/record/0-1/42';
    expect(hubspotAdapter.extract(new JSDOM(page(''), { url: href }).window.document, new URL(href))).toBeNull();
  });

  it('returns null when the header data-object-id names another company', () => {
    const html = page('<div data-selenium-test="property-input-domain">acme.example</div>').replace(
      'data-selenium-test="company-highlight-details"',
      'data-selenium-test="company-highlight-details" data-object-id="43"',
    );
    expect(rawOf(html)).toBeNull();
  });

  it('skips a properties card whose company name is not the header\'s (a card left over from another record)', () => {
    const own = '<div data-selenium-test="property-input-name">Acme Test Co</div><div data-selenium-test="property-input-industry">Software</div>';
    const stale =
      '<div data-test-id="card-wrapper-PROPERTIES_V3/0-2/V2"><div data-selenium-test="property-input-name">Other Corp</div><div data-selenium-test="property-input-domain">other.example</div></div>';
    const raw = rawOf(page(own).replace('</div></body>', `${stale}</div></body>`));
    expect(raw).toMatchObject({ name: 'Acme Test Co', industry: 'Software' });
    expect(raw).not.toHaveProperty('domain');
  });

  it('refuses a page without a record header, or with two headers naming different companies', () => {
    const props = '<div data-selenium-test="property-input-name">Acme Test Co</div>';
    expect(rawOf(page(props, '').replace(/<div data-selenium-component="ProfileHighlightContainer">[\s\S]*?<\/div>\s*<\/div>/, ''))).toBeNull();
    const second = '<div data-selenium-component="ProfileHighlightContainer"><div data-selenium-test="company-highlight-details"><div data-selenium-test="highlightTitle">Other Corp</div></div></div>';
    expect(rawOf(page(props).replace('</body>', `${second}</body>`))).toBeNull();
  });

  it('ignores a data-object-id of another object type (e.g. the owner user)', () => {
    const header = '<div data-selenium-test="highlightTitle">Acme Test Co</div><span data-object-id="7" data-object-type-id="0-1">x</span>';
    const html = page('', header);
    expect(rawOf(html)).toMatchObject({ name: 'Acme Test Co' });
  });

  it('keeps the owner name, not the owner id', () => {
    expect(rawOf(page('<div data-selenium-test="property-input-hubspot_owner_id"><input value="81234567"></div>'))).not.toHaveProperty(
      'owner',
    );
    const labelled = page('<label>Company owner:</label><div><span aria-hidden="true">Jo Park</span><span>Jo Park</span></div>');
    expect(rawOf(labelled)).toMatchObject({ owner: 'Jo Park' });
  });

  it('uses website for domain only when domain is empty, and never passes non-http URLs', () => {
    const both = '<div data-selenium-test="property-input-domain">acme.example</div><div data-selenium-test="property-input-website">https://www.acme-alt.example</div>';
    expect(rawOf(page(both))).toMatchObject({ domain: 'acme.example' });
    expect(rawOf(page('<div data-selenium-test="property-input-website">https://www.acme-alt.example/</div>'))).toMatchObject({
      domain: 'https://www.acme-alt.example/',
    });
    const hostile = page('<div data-selenium-test="property-input-linkedin_company_page">javascript:alert(1)</div>');
    expect(rawOf(hostile)).not.toHaveProperty('linkedinUrl');
    expect(rawOf(page('<div data-selenium-test="property-input-linkedin_company_page">linkedin.com/company/acme</div>'))).toMatchObject({
      linkedinUrl: 'linkedin.com/company/acme',
    });
  });

  it('skips values hidden by visibility:hidden and multi-selects give every chosen value', () => {
    const html = page(`
      <div style="visibility: hidden"><div data-selenium-test="property-input-city">Ghost Town</div></div>
      <select multiple data-selenium-test="property-input-web_technologies">
        <option value="Salesforce" selected>Salesforce</option><option value="Slack">Slack</option>
        <option value="Segment" selected>Segment</option>
      </select>`);
    const raw = rawOf(html);
    expect(raw).not.toHaveProperty('hqCity');
    expect(raw).toMatchObject({ technologies: ['Salesforce', 'Segment'] });
  });

  it('returns null when the header has no name and no property is rendered', () => {
    expect(rawOf(page('', '<div data-selenium-test="highlightTitle"></div>'))).toBeNull();
  });
});
