import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFacts } from '../../../lib/facts/normalise/index';
import { valuesOf } from '../../../lib/facts/parse';
import { salesforceAdapter } from '../../../lib/sites/salesforce';
import { deepQuerySelectorAll, isShownByAttributes } from '../../../lib/sites/salesforce/deep-dom';
import { extract } from '../../../lib/sites/salesforce/extract';
import { matchUrl } from '../../../lib/sites/salesforce/url';

const FIXTURES = join(__dirname, '../../fixtures/salesforce');

/**
 * JSDOM does not parse declarative shadow DOM (`<template shadowrootmode="open">`), which Chromium does. Upgrade
 * each such template into a real shadow root on its parent, nested templates first.
 */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]')) as HTMLTemplateElement[]) {
    const host = template.parentElement;
    if (!host) continue;
    attachDeclarativeShadowRoots(template.content);
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    host.attachShadow({ mode }).appendChild(template.content);
    template.remove();
  }
}

function load(html: string, url: string): Document {
  const doc = new JSDOM(html, { url }).window.document;
  attachDeclarativeShadowRoots(doc);
  return doc;
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

// ---------------------------------------------------------------------------------------------------------------
describe('salesforce matchUrl', () => {
  const id18 = '001Dn00000BrWtrIAB';
  const positives: Array<[string, string]> = [
    [`https://northpeak.lightning.force.com/lightning/r/Account/${id18}/view`, `sf:Account:${id18}`],
    [`https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000BrWtr/view`, 'sf:Account:001Dn00000BrWtr'],
    [`https://northpeak.lightning.force.com/lightning/r/Account/${id18}/view?0.source=alohaHeader`, `sf:Account:${id18}`],
    [`https://northpeak.lightning.force.com/lightning/r/Account/${id18}/view/`, `sf:Account:${id18}`],
    [`https://NorthPeak.Lightning.Force.com/lightning/r/Account/${id18}/view`, `sf:Account:${id18}`],
    [`https://northpeak--uat.sandbox.lightning.force.com/lightning/r/Account/${id18}/view`, `sf:Account:${id18}`],
    [`https://northpeak-dev-ed.develop.lightning.force.com/lightning/r/Account/${id18}/view`, `sf:Account:${id18}`],
    // Short form without the object name: an Account id (key prefix 001) is still an Account.
    [`https://northpeak.lightning.force.com/lightning/r/${id18}/view`, `sf:Account:${id18}`],
  ];
  it.each(positives)('%s → %s', (url, key) => {
    expect(matchUrl(new URL(url))).toEqual({ site: 'salesforce', recordKey: key, kind: 'record' });
    expect(salesforceAdapter.matchUrl(new URL(url))?.recordKey).toBe(key);
  });

  const negatives = [
    'https://northpeak.lightning.force.com/lightning/r/Contact/003Dn00000Ct1AbIAJ/view',
    'https://northpeak.lightning.force.com/lightning/r/Opportunity/006Dn00000Op1AbIAK/view',
    'https://northpeak.lightning.force.com/lightning/r/Lead/00QDn00000Ld1AbIAJ/view',
    'https://northpeak.lightning.force.com/lightning/r/003Dn00000Ct1AbIAJ/view',
    `https://northpeak.lightning.force.com/lightning/r/Account/${id18}/related/Contacts/view`,
    `https://northpeak.lightning.force.com/lightning/r/Account/${id18}/edit`,
    'https://northpeak.lightning.force.com/lightning/o/Account/list?filterName=Recent',
    'https://northpeak.lightning.force.com/lightning/o/Account/home',
    'https://northpeak.lightning.force.com/lightning/setup/SetupOneHome/home',
    'https://northpeak.lightning.force.com/lightning/page/home',
    'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000BrW/view', // 13 characters: not an id
    'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000BrWtrIA/view', // 17 characters
    'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000-rWtrIAB/view',
    `https://northpeak.my.salesforce.com/${id18}`,
    `https://northpeak.my.salesforce.com/lightning/r/Account/${id18}/view`,
    `https://lightning.force.com/lightning/r/Account/${id18}/view`,
    `https://lightning.force.com.evil.example/lightning/r/Account/${id18}/view`,
    `https://northpeak.lightning.force.com.evil.example/lightning/r/Account/${id18}/view`,
    `https://evil-lightning.force.com/lightning/r/Account/${id18}/view`,
    `https://evil.example/northpeak.lightning.force.com/lightning/r/Account/${id18}/view`,
    `ftp://northpeak.lightning.force.com/lightning/r/Account/${id18}/view`,
    // Other sites.
    'https://www.linkedin.com/company/brightwater-analytics/',
    'https://www.linkedin.com/sales/company/1234567',
    'https://www.crunchbase.com/organization/brightwater-analytics',
    'https://app.hubspot.com/contacts/123456/record/0-2/987654',
    'https://app-eu1.hubspot.com/contacts/123456/company/987654',
  ];
  it.each(negatives)('rejects %s', (url) => {
    expect(matchUrl(new URL(url))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------
interface Expected {
  url: string;
  recordKey: string;
  facts: Record<string, unknown> | null;
  absent: string[];
}

describe('salesforce fixtures', () => {
  const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

  it('has positive and negative fixtures', () => {
    const expectations = pages.map((p) => JSON.parse(fixture(p.replace(/\.html$/, '.expected.json'))) as Expected);
    expect(expectations.some((e) => e.facts === null)).toBe(true);
    expect(expectations.filter((e) => e.facts !== null).length).toBeGreaterThanOrEqual(5);
  });

  for (const page of pages) {
    it(page, () => {
      const expected = JSON.parse(fixture(page.replace(/\.html$/, '.expected.json'))) as Expected;
      const url = new URL(expected.url);
      expect(matchUrl(url)?.recordKey).toBe(expected.recordKey);

      const result = salesforceAdapter.extract(load(fixture(page), expected.url), url);
      if (expected.facts === null) {
        expect(result).toBeNull();
        return;
      }
      expect(result).not.toBeNull();
      expect(result!.ref.recordKey).toBe(expected.recordKey);
      const { facts } = normaliseFacts(result!.raw, {
        origin: 'salesforce',
        source: { kind: 'crm', detail: 'salesforce' },
        locale: result!.locale,
      });
      const values = valuesOf(facts) as Record<string, unknown>;
      expect(values).toEqual(expected.facts);
      for (const name of expected.absent) expect(values, name).not.toHaveProperty([name]);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
describe('salesforce extraction details', () => {
  const RECORD_URL = 'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000BrWtrIAB/view';

  it('reads fields only through open shadow roots when components use native shadow DOM', () => {
    const expected = JSON.parse(fixture('shadow-dom.expected.json')) as Expected;
    const doc = load(fixture('shadow-dom.html'), expected.url);
    // A plain query sees none of the field hooks: they all sit inside shadow roots.
    expect(doc.querySelectorAll('[data-target-selection-name]').length).toBe(0);
    expect(deepQuerySelectorAll(doc, '[data-target-selection-name]').length).toBeGreaterThanOrEqual(10);
    const raw = extract(doc, new URL(expected.url))!.raw;
    expect(raw.owner).toBe('Jordan Blake'); // the assistive "Open Jordan Blake Preview" copy is not read
    expect(raw.employees).toBe('85');
  });

  it('keeps raw values as shown (normalisation happens later)', () => {
    const result = extract(load(fixture('record-page.html'), RECORD_URL), new URL(RECORD_URL))!;
    expect(result.raw).toMatchObject({
      name: 'Brightwater Analytics',
      domain: 'http://www.brightwater.io',
      employees: '3,250',
      revenueUsd: 'USD 410,000,000',
      industry: 'Technology',
      lifecycleStage: 'Customer - Direct',
      owner: 'Priya Raman',
      crmId: 'salesforce:001Dn00000BrWtrIAB',
    });
    expect(result.locale).toBe('en-US');
  });

  it('ignores the hidden copies and picks the visible page of the URL record', () => {
    const expected = JSON.parse(fixture('hidden-cached-copy.expected.json')) as Expected;
    const doc = load(fixture('hidden-cached-copy.html'), expected.url);
    const copies = deepQuerySelectorAll(doc, 'one-record-home-flexipage2');
    expect(copies.map((c) => isShownByAttributes(c))).toEqual([false, false, true]);
    expect(extract(doc, new URL(expected.url))!.raw.employees).toBe('1,180');
  });

  it('still reads the page while a modal hides the app viewport from screen readers', () => {
    const html = fixture('record-page.html').replace('class="viewport" aria-hidden="false"', 'class="viewport" aria-hidden="true"');
    expect(html).toContain('aria-hidden="true" data-aura-rendered-by="12:0"');
    expect(extract(load(html, RECORD_URL), new URL(RECORD_URL))?.raw.name).toBe('Brightwater Analytics');
  });

  it('lets the caller decide visibility (e.g. a layout check in Chromium)', () => {
    const expected = JSON.parse(fixture('hidden-cached-copy.expected.json')) as Expected;
    const doc = load(fixture('hidden-cached-copy.html'), expected.url);
    const [, staleCopy, shownCopy] = deepQuerySelectorAll(doc, 'one-record-home-flexipage2');
    // Pretend layout says the stale render is the one on screen.
    const stale = extract(doc, new URL(expected.url), { isVisible: (el) => el === staleCopy })!;
    expect(stale.raw.employees).toBe('410');
    expect(extract(doc, new URL(expected.url), { isVisible: (el) => el === shownCopy })!.raw.employees).toBe('1,180');
    expect(extract(doc, new URL(expected.url), { isVisible: () => false })).toBeNull();
  });

  it('returns null for a URL that is not an Account record, whatever the page shows', () => {
    const doc = load(fixture('record-page.html'), RECORD_URL);
    const contactUrl = new URL('https://northpeak.lightning.force.com/lightning/r/Contact/003Dn00000Ct1AbIAJ/view');
    expect(extract(doc, contactUrl)).toBeNull();
  });

  it('returns null when the page shows another Account than the URL names', () => {
    const doc = load(fixture('record-page.html'), RECORD_URL);
    const other = new URL('https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000HldgsIAA/view');
    // 001Dn00000HldgsIAA is on the page, but only as the Parent Account lookup.
    expect(extract(doc, other)).toBeNull();
  });

  it('matches a 15-character URL id against the 18-character ids on the page', () => {
    const short = 'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000BrWtr/view';
    const result = extract(load(fixture('record-page.html'), short), new URL(short))!;
    expect(result.ref.recordKey).toBe('sf:Account:001Dn00000BrWtr');
    expect(result.raw.crmId).toBe('salesforce:001Dn00000BrWtr');
  });

  it('prefers the USD amount that multi-currency orgs show in parentheses', () => {
    const html = fixture('record-page.html').replace('USD 410,000,000', 'EUR 380,000,000 (USD 410,000,000)');
    expect(extract(load(html, RECORD_URL), new URL(RECORD_URL))!.raw.revenueUsd).toBe('USD 410,000,000');
  });

  it('passes a compound billing address on as one location line without the street', () => {
    const url = JSON.parse(fixture('force-highlights2.expected.json')).url as string;
    const raw = extract(load(fixture('force-highlights2.html'), url), new URL(url))!.raw;
    expect(raw.hqLocation).toBe('Long Beach, CA 90813, United States');
  });

  it('returns only http(s) URLs as URL facts', () => {
    const url = JSON.parse(fixture('force-highlights2.expected.json')).url as string;
    const html = fixture('force-highlights2.html').replaceAll(
      'https://www.linkedin.com/company/kestrel-freight',
      'javascript:alert(1)',
    );
    const raw = extract(load(html, url), new URL(url))!.raw;
    expect(raw).not.toHaveProperty('linkedinUrl');
  });

  it('ignores fields and labels named like Object.prototype members', () => {
    const html = fixture('record-page.html')
      .replace('sfdc:RecordField.Account.Phone"', 'sfdc:RecordField.Account.constructor"')
      .replace('title="Phone">Phone</p>', 'title="constructor">constructor</p>');
    const raw = extract(load(html, RECORD_URL), new URL(RECORD_URL))!.raw;
    expect(Object.keys(raw).sort()).toEqual(
      Object.keys(extract(load(fixture('record-page.html'), RECORD_URL), new URL(RECORD_URL))!.raw).sort(),
    );
  });

  it('reads each field once, not again from screen-reader duplicates', () => {
    const raw = extract(load(fixture('record-page.html'), RECORD_URL), new URL(RECORD_URL))!.raw;
    for (const value of Object.values(raw)) expect(String(value)).not.toMatch(/Preview|Edit /);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('salesforce pages without a record id', () => {
  const url = JSON.parse(fixture('no-record-id.expected.json')).url as string;
  const html = fixture('no-record-id.html');

  it('refuses the one visible page when the tab title names another record', () => {
    const doc = load(html.replace('<title>Quarry Lane Foods |', '<title>Millbrook Dairy |'), url);
    expect(extract(doc, new URL(url))).toBeNull();
  });

  it('refuses when the highlights name and the Name field disagree (a half-updated page)', () => {
    const doc = load(html.replace('<lightning-formatted-text slot="primaryField">Quarry Lane Foods', '<lightning-formatted-text slot="primaryField">Millbrook Dairy'), url);
    expect(extract(doc, new URL(url))).toBeNull();
  });

  it('refuses when two record pages are visible and neither names its record', () => {
    const doc = load(html, url);
    const page = doc.querySelector('one-record-home-flexipage2')!;
    page.after(page.cloneNode(true));
    expect(extract(doc, new URL(url))).toBeNull();
  });

  it('refuses a page that names another record as its own', () => {
    const doc = load(html.replace('<one-record-home-flexipage2>', '<one-record-home-flexipage2 record-id="001Hs00000ZZzzzIAB">'), url);
    expect(extract(doc, new URL(url))).toBeNull();
  });

  it('reads the page when the title has another shape (still loading) but a name is shown', () => {
    const doc = load(html.replace('<title>Quarry Lane Foods | Account | Salesforce', '<title>Lightning Experience'), url);
    expect(extract(doc, new URL(url))?.raw.name).toBe('Quarry Lane Foods');
  });
});

describe('salesforce inline edit', () => {
  const url = JSON.parse(fixture('inline-edit.expected.json')).url as string;

  it('never takes a field label (with or without the required asterisk) as its value', () => {
    const raw = extract(load(fixture('inline-edit.html'), url), new URL(url))!.raw;
    expect(raw.name).toBe('Harbor & Pine Outfitters');
    const labels = ['account name', 'customer priority', 'ownership', 'description', 'tech stack', 'billing address'];
    for (const value of Object.values(raw)) expect(labels).not.toContain(String(value).replace(/\*/g, '').trim().toLowerCase());
  });

  it('drops a read-mode value equal to its own label', () => {
    const html = fixture('record-page.html').replace(
      '<lightning-formatted-text>Brightwater Analytics</lightning-formatted-text></slot></span>',
      '<lightning-formatted-text>Account Name</lightning-formatted-text></slot></span>',
    );
    const raw = extract(load(html, RECORD_URL_FOR_LABELS), new URL(RECORD_URL_FOR_LABELS))!.raw;
    expect(raw.name).toBe('Brightwater Analytics'); // from the highlights name, not the misread field
  });
});

const RECORD_URL_FOR_LABELS = 'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000BrWtrIAB/view';
