import { JSDOM } from 'jsdom';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valuesOf } from '../../../lib/facts/parse';
import { normaliseFacts } from '../../../lib/facts/normalise/index';
import { toIsoDate } from '../../../lib/sites/crunchbase/dates';
import { extract } from '../../../lib/sites/crunchbase/extract';
import { crunchbaseAdapter } from '../../../lib/sites/crunchbase/index';
import { unescapeAngular } from '../../../lib/sites/crunchbase/state';
import { matchUrl } from '../../../lib/sites/crunchbase/url';

const FIXTURES = join(__dirname, '../../fixtures/crunchbase');

interface Expected {
  url: string;
  recordKey: string;
  facts: Record<string, unknown> | null;
  absent: string[];
}

function load(name: string): { html: string; expected: Expected } {
  return {
    html: readFileSync(join(FIXTURES, `${name}.html`), 'utf8'),
    expected: JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected,
  };
}

function documentFor(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

describe('crunchbase matchUrl', () => {
  const positives: [string, string, string][] = [
    ['https://www.crunchbase.com/organization/acme-robotics', 'cb:acme-robotics', 'company'],
    ['https://www.crunchbase.com/organization/acme-robotics/', 'cb:acme-robotics', 'company'],
    ['https://www.crunchbase.com/organization/acme-robotics/company_financials', 'cb:acme-robotics', 'company_financials'],
    ['https://www.crunchbase.com/organization/acme-robotics/people', 'cb:acme-robotics', 'people'],
    ['https://www.crunchbase.com/organization/acme-robotics/technology?utm_source=x#section', 'cb:acme-robotics', 'technology'],
    ['https://crunchbase.com/organization/stripe', 'cb:stripe', 'company'],
    ['https://www.crunchbase.com/organization/Acme-Robotics-4F2A', 'cb:acme-robotics-4f2a', 'company'],
  ];
  it.each(positives)('%s → %s', (url, key, kind) => {
    expect(matchUrl(new URL(url))).toEqual({ site: 'crunchbase', recordKey: key, kind });
  });

  const negatives = [
    'https://www.crunchbase.com/person/jane-doe',
    'https://www.crunchbase.com/search/organizations/field/organizations/categories/saas',
    'https://www.crunchbase.com/hub/united-states-companies',
    'https://www.crunchbase.com/organization',
    'https://www.crunchbase.com/organization/',
    'https://www.crunchbase.com/organization/acme/people/extra',
    'https://www.crunchbase.com/organization/%20acme',
    'https://www.crunchbase.com/discover/organization.companies',
    'https://www.crunchbase.com/funding_round/series-b-acme',
    'https://www.crunchbase.com/',
    'https://www.crunchbase.com.evil.example/organization/acme',
    'https://evil.example/www.crunchbase.com/organization/acme',
    'ftp://www.crunchbase.com/organization/acme',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/sales/company/1234567',
    'https://app.hubspot.com/contacts/123456/record/0-2/987',
    'https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view',
  ];
  it.each(negatives)('%s → null', (url) => {
    expect(matchUrl(new URL(url))).toBeNull();
  });

  it('is the adapter exported for the content script', () => {
    expect(crunchbaseAdapter.site).toBe('crunchbase');
    expect(crunchbaseAdapter.matchUrl(new URL('https://www.crunchbase.com/organization/acme'))?.recordKey).toBe('cb:acme');
  });
});

describe('crunchbase fixtures', () => {
  const names = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length));

  it('has fixtures, including a negative one', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names.some((name) => load(name).expected.facts === null)).toBe(true);
  });

  it.each(names)('%s', (name) => {
    const { html, expected } = load(name);
    const url = new URL(expected.url);
    expect(matchUrl(url)?.recordKey).toBe(expected.recordKey);

    const result = extract(documentFor(html, expected.url), url);
    if (expected.facts === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect(result!.ref.recordKey).toBe(expected.recordKey);

    const { facts } = normaliseFacts(result!.raw, {
      origin: 'crunchbase',
      source: { kind: 'page', detail: 'crunchbase' },
      locale: result!.locale,
    });
    const values = valuesOf(facts) as Record<string, unknown>;
    expect(values).toEqual(expected.facts);
    for (const fact of expected.absent) expect(values[fact], fact).toBeUndefined();
  });
});

describe('crunchbase raw extraction details', () => {
  it('reads raw enums, lists and numbers from ng-state without normalising them', () => {
    const { html, expected } = load('organization-ng-state');
    const raw = extract(documentFor(html, expected.url), new URL(expected.url))!.raw;
    expect(raw.employees).toBe('c_00251_00500');
    expect(raw.revenueUsd).toBe('r_00010000');
    expect(raw.fundingStage).toBe('series_b');
    expect(raw.industry).toEqual(['Analytics', 'Business Intelligence', 'SaaS']);
    expect(raw.hqCountry).toBe('United States');
    expect(raw.totalFundingUsd).toBe(62000000);
  });

  it('uses only the state entity whose permalink is the URL\'s, not the DOM of another organisation', () => {
    const { html } = load('organization-ng-state');
    const url = 'https://www.crunchbase.com/organization/lumina-data';
    // The state also holds lumina-data (similar companies); the rendered profile is Brightwave's, so only
    // lumina-data's state entity is read.
    const result = extract(documentFor(html, url), new URL(url));
    expect(result?.raw.name).toBe('Lumina Data');
    expect(result?.raw.employees).toBe('c_00011_00050');
    expect(result?.raw.industry).toBeUndefined();
  });

  it('treats Pro-locked state values and "Unlock" DOM values as absent', () => {
    const { html, expected } = load('pro-locked-field');
    const raw = extract(documentFor(html, expected.url), new URL(expected.url))!.raw;
    expect(raw).not.toHaveProperty('revenueUsd');
    expect(raw).not.toHaveProperty('totalFundingUsd');
    expect(raw).not.toHaveProperty('signals');
  });

  it('reads the DOM when the state is stale, and never mixes in the stale organisation', () => {
    const { html, expected } = load('stale-state-new-dom');
    const raw = extract(documentFor(html, expected.url), new URL(expected.url))!.raw;
    expect(raw.name).toBe('Tessellate Bio');
    expect(raw.employees).toBe('101-250'); // the screen-reader copy "101 to 250 employees" is not read
    expect(JSON.stringify(raw)).not.toMatch(/Orbitra|Webflow|Toulouse/);
  });

  it('reads only the state when the URL is the state\'s organisation but the DOM shows another one', () => {
    const { html } = load('stale-state-new-dom');
    // Same document, URL of the organisation in the state (e.g. after navigating back): the DOM still shows
    // Tessellate Bio, so only the state is read.
    const url = 'https://www.crunchbase.com/organization/orbitra-space';
    const raw = extract(documentFor(html, url), new URL(url))!.raw;
    expect(raw.name).toBe('Orbitra Space');
    expect(raw.technologies).toEqual(['Webflow']);
    expect(JSON.stringify(raw)).not.toMatch(/Tessellate|Cambridge|Cloudflare|Harbor Bio/);
  });

  it('returns null when neither the state nor the DOM shows the URL\'s organisation', () => {
    const { html } = load('stale-state-new-dom');
    const url = 'https://www.crunchbase.com/organization/somebody-else';
    expect(extract(documentFor(html, url), new URL(url))).toBeNull();
  });

  it('returns null on pages that are not organisations', () => {
    const { html } = load('organization-ng-state');
    const url = 'https://www.crunchbase.com/person/jane-doe';
    expect(extract(documentFor(html, url), new URL(url))).toBeNull();
  });

  it('unescapes Angular TransferState escapes in one pass', () => {
    expect(unescapeAngular('{&q;name&q;:&q;Halden &a; Pike&s;s &l;b&g;&q;}')).toBe('{"name":"Halden & Pike\'s <b>"}');
    expect(unescapeAngular('&a;q;')).toBe('&q;');
  });

  it('turns Crunchbase dates into ISO dates', () => {
    expect(toIsoDate('Mar 12, 2024')).toBe('2024-03-12');
    expect(toIsoDate('September 3, 2021')).toBe('2021-09-03');
    expect(toIsoDate('2023-09-14')).toBe('2023-09-14');
    expect(toIsoDate('Feb 31, 2024')).toBeUndefined();
    expect(toIsoDate('—')).toBeUndefined();
  });

  it('returns only http(s) URLs as URL facts', () => {
    const { html, expected } = load('organization-ng-state');
    // A hostile page: javascript: URLs for the website (state and DOM link) and for LinkedIn.
    const hostile = html
      .replaceAll('https://www.linkedin.com/company/brightwave-analytics', 'javascript:alert(1)')
      .replaceAll('https://www.brightwave.io', 'javascript:alert(2)');
    const raw = extract(documentFor(hostile, expected.url), new URL(expected.url))!.raw;
    expect(raw).not.toHaveProperty('linkedinUrl');
    expect(JSON.stringify(raw)).not.toContain('javascript:');
    // The website falls back to the link's visible text, a bare domain.
    expect(raw.domain).toBe('brightwave.io');
  });
});
