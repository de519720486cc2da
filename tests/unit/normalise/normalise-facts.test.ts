import { describe, expect, it } from 'vitest';
import { normaliseFacts } from '../../../lib/facts/normalise';
import { valuesOf } from '../../../lib/facts/parse';
import type { RawFacts } from '../../../lib/facts/raw';
import type { FactSource } from '../../../lib/facts/vocabulary';

const source: FactSource = { kind: 'page', detail: 'linkedin' };
const run = (raw: RawFacts, locale?: string, origin: 'linkedin' | 'hubspot' | 'crunchbase' | 'csv' = 'linkedin') =>
  normaliseFacts(raw, { origin, source, locale });
const valuesFrom = (raw: RawFacts, locale?: string) => valuesOf(run(raw, locale).facts);

/** A LinkedIn page as an adapter scrapes it. */
const LINKEDIN_PAGE: RawFacts = {
  name: '  Acme   Analytics ',
  domain: 'https://www.acme.com/about?utm=x',
  linkedinUrl: 'linkedin.com/company/acme',
  industry: 'Computer Software',
  employees: '1,001-5,000 employees',
  hqLocation: 'Portland, Oregon',
  foundedYear: 'Founded 2015',
  companyType: 'Privately Held',
  technologies: 'SFDC; Snowflake | Google BigQuery, snowflake',
  employeeGrowth6m: '+12 %',
  lastFundingDate: 'Mar 5, 2024',
  fundingStage: 'Series B',
  totalFundingUsd: '$62,000,000',
  revenueUsd: '$10M-$50M',
};

describe('normaliseFacts', () => {
  it('normalises every fact of a page, with its source', () => {
    const { facts, problems } = run(LINKEDIN_PAGE);
    expect(problems).toEqual([]);
    expect(valuesOf(facts)).toEqual({
      name: 'Acme Analytics',
      domain: 'acme.com',
      linkedinUrl: 'https://linkedin.com/company/acme',
      industry: 'Software Development',
      employees: { min: 1001, max: 5000 },
      hqCity: 'Portland',
      hqRegion: 'Oregon',
      hqCountry: 'US',
      foundedYear: 2015,
      companyType: 'private',
      technologies: ['Salesforce', 'Snowflake', 'BigQuery'],
      employeeGrowth6m: 12,
      lastFundingDate: '2024-03-05',
      fundingStage: 'series-b',
      totalFundingUsd: 62_000_000,
      revenueUsd: { min: 10e6, max: 50e6 },
    });
    expect(facts.name?.source).toEqual(source);
  });

  it('is idempotent: normalising normalised facts changes nothing', () => {
    const once = valuesFrom(LINKEDIN_PAGE);
    const twice = valuesFrom(once as RawFacts);
    expect(twice).toEqual(once);
    const rich: RawFacts = {
      industry: 'Credit Unions',
      employees: '10,001+',
      revenueUsd: 'r_10000000',
      hqCountry: 'United Kingdom',
      crunchbaseUrl: 'https://www.crunchbase.com/organization/acme',
      fundingStage: 'Series F',
      companyType: 'Self-Employed',
      buyingProcess: 'Buying committee',
      lifecycleStage: 'marketingqualifiedlead',
      championIdentified: 'yes',
      openToPilot: 'nein',
      contractRenewalDate: '05/03/2025',
      incumbentVendor: 'SFDC',
      'custom.tier': ' Gold ',
      'custom.score': 7,
      signals: [{ type: 'funding', date: '2024-03-05', title: 'Series B' }],
    };
    const first = valuesFrom(rich, 'en-GB');
    expect(valuesFrom(first as RawFacts, 'en-GB')).toEqual(first);
    expect(first).toMatchObject({
      industry: 'Financial Services',
      subIndustry: 'Credit Unions',
      employees: { min: 10001 },
      revenueUsd: { min: 1e10 },
      hqCountry: 'GB',
      fundingStage: 'series-e-plus',
      companyType: 'self-employed',
      buyingProcess: 'committee',
      lifecycleStage: 'mql',
      championIdentified: true,
      openToPilot: false,
      contractRenewalDate: '2025-03-05',
      incumbentVendor: 'Salesforce',
      'custom.tier': 'Gold',
      'custom.score': 7,
    });
  });

  it.each<[string, unknown, unknown]>([
    ['employees', 'c_00051_00100', { min: 51, max: 100 }],
    ['employees', '1.001-5.000 Beschäftigte', { min: 1001, max: 5000 }],
    ['revenueUsd', 'USD 410,000,000', 410e6],
    ['hqCountry', 'Deutschland', 'DE'],
    ['hqCountry', 'Austin, TX, USA', 'US'],
    ['subIndustry', 'Regional Banks', 'Regional Banks'], // finer than the taxonomy: kept as written
    ['fundingStage', 'Venture - Series Unknown', 'series-unknown'],
    ['foundedYear', 'Fondée en 2015', 2015],
    ['lastFundingDate', '5. März 2024', '2024-03-05'],
    ['employeeGrowth6m', '-3.5%', -3.5],
    ['employeeGrowth6m', 12, 12],
    ['companyType', 'Public Company', 'public'],
    ['companyType', 'Nonprofit', 'nonprofit'],
    ['companyType', 'Government Agency', 'government'],
    ['companyType', 'Educational', 'educational'],
    ['companyType', 'Partnership', 'partnership'],
    ['companyType', 'Self-Owned', 'other'],
    ['companyType', 'PRIVATELY_HELD', 'private'],
    ['lifecycleStage', 'salesqualifiedlead', 'sql'],
    ['lifecycleStage', 'opportunity', 'opportunity'],
    ['lifecycleStage', 'customer', 'customer'],
    ['lifecycleStage', 'lead', 'lead'],
    ['lifecycleStage', 'subscriber', 'subscriber'],
    ['lifecycleStage', 'evangelist', 'evangelist'],
    ['lifecycleStage', 'other', 'other'],
    ['buyingProcess', 'Champion-led', 'champion-led'],
    ['buyingProcess', 'founder led', 'founder-led'],
    ['budgetOwnerKnown', 'oui', true],
    ['crmId', 12345, '12345'],
    ['owner', ' jane@acme.com ', 'jane@acme.com'],
    ['domain', 'WWW.Acme.co.uk', 'acme.co.uk'],
    ['custom.region_code', 'EMEA  north', 'EMEA north'],
    ['custom.active', true, true],
  ])('%s: %j → %j', (field, raw, expected) => {
    const { facts, problems } = run({ [field]: raw } as RawFacts, 'de-DE');
    expect(problems).toEqual([]);
    expect(valuesOf(facts)).toEqual({ [field]: expected });
  });

  it.each<[string, unknown]>([
    ['employees', 'abc'],
    ['employees', 10_000_000_000], // absurd
    ['employees', '10,000,000 employees'],
    ['revenueUsd', '€5M'],
    ['revenueUsd', 'EUR 5,000,000'],
    ['totalFundingUsd', '$10M-$50M'], // a range is not one amount
    ['hqCountry', 'Narnia'],
    ['industry', 'Other'],
    ['fundingStage', 'whatever'],
    ['foundedYear', '1066'],
    ['lastFundingDate', '2024-02-30'],
    ['domain', 'javascript:alert(1)'],
    ['linkedinUrl', 'javascript:alert(1)'],
    ['crunchbaseUrl', 'data:text/html,hi'],
    ['championIdentified', 'maybe'],
    ['companyType', 'Cooperative'],
    ['lifecycleStage', 'prospect-ish'],
    ['employeeGrowth6m', 'a lot'],
    ['employeeGrowth6m', '-250%'], // below -100: parseFacts refuses it
    ['hqLocation', 'Remote'],
    ['signals', [{ type: 'rumour', date: 'soon' }]],
    ['custom.tags', ['a', 'b']],
    ['name', { first: 'Acme' }],
    ['name', 'x'.repeat(400)], // longer than the vocabulary allows
    ['notAFact', 'x'],
  ])('%s: refuses %j as a problem, keeping the other facts', (field, raw) => {
    const { facts, problems } = run({ name: 'Acme', [field]: raw } as RawFacts);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    const quoted = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (field !== 'notAFact') expect(problems[0].message).toContain(quoted.slice(0, 20));
    if (field !== 'name') expect(valuesOf(facts).name).toBe('Acme');
  });

  it('quotes the raw value in a problem, cut to 80 characters', () => {
    const raw = `not a number ${'9'.repeat(200)}`;
    const { problems } = run({ employees: raw });
    expect(problems[0].message).toContain(`"${raw.slice(0, 80)}…"`);
    expect(problems[0].message.length).toBeLessThan(200);
  });

  it('keeps hostile text as plain text and never reads javascript: as a website', () => {
    const { facts, problems } = run({
      name: '<script>alert(1)</script>',
      domain: 'javascript:alert(document.cookie)',
      employees: '51-200',
    });
    const values = valuesOf(facts);
    expect(values.name).toBe('<script>alert(1)</script>');
    expect(values.domain).toBeUndefined();
    expect(values.employees).toEqual({ min: 51, max: 200 });
    expect(problems).toEqual([{ field: 'domain', message: expect.stringContaining('javascript:alert(document.cookie)') }]);
  });

  it('rejects an absurd employee count with a problem', () => {
    const { facts, problems } = run({ employees: '999,999,999' });
    expect(facts.employees).toBeUndefined();
    expect(problems).toEqual([{ field: 'employees', message: expect.stringContaining('999,999,999') }]);
  });

  it('treats empty and whitespace values as absent, not as problems', () => {
    const { facts, problems } = run({ name: '   ', industry: '', employees: null, technologies: [], hqLocation: ' ' });
    expect(facts).toEqual({});
    expect(problems).toEqual([]);
  });

  it('splits hqLocation but lets explicit city / region / country win', () => {
    expect(valuesFrom({ hqLocation: 'Toronto, ON' })).toEqual({ hqCity: 'Toronto', hqRegion: 'Ontario', hqCountry: 'CA' });
    expect(valuesFrom({ hqLocation: 'London, England, United Kingdom', hqCity: 'Londres' })).toEqual({
      hqCity: 'Londres',
      hqRegion: 'England',
      hqCountry: 'GB',
    });
    expect(valuesFrom({ hqLocation: 'Austin, Texas, US', hqCountry: 'Canada' }).hqCountry).toBe('CA');
  });

  it.each<[RawFacts, object]>([
    [{ hqRegion: 'NS', hqCountry: 'CA' }, { hqRegion: 'Nova Scotia', hqCountry: 'CA' }],
    [{ hqRegion: 'NS', hqCountry: 'Canada' }, { hqRegion: 'Nova Scotia', hqCountry: 'CA' }],
    [{ hqCity: 'Austin', hqRegion: 'TX', hqCountry: 'United States' }, { hqCity: 'Austin', hqRegion: 'Texas', hqCountry: 'US' }],
    [{ hqRegion: 'CA', hqCountry: 'US' }, { hqRegion: 'California', hqCountry: 'US' }],
    [{ hqRegion: 'WA', hqCountry: 'Australia' }, { hqRegion: 'Western Australia', hqCountry: 'AU' }],
    [{ hqRegion: 'TX' }, { hqRegion: 'Texas', hqCountry: 'US' }], // the region implies the country
    [{ hqRegion: 'NS', hqLocation: 'Halifax, Canada' }, { hqCity: 'Halifax', hqRegion: 'Nova Scotia', hqCountry: 'CA' }],
    [{ hqRegion: 'CA', hqCountry: 'CA' }, { hqRegion: 'CA', hqCountry: 'CA' }], // no Canadian region "CA": kept
    [{ hqRegion: 'Gelderland', hqCountry: 'NL' }, { hqRegion: 'Gelderland', hqCountry: 'NL' }],
  ])('expands a raw hqRegion as location parsing does: %j → %j', (raw, expected) => {
    expect(valuesFrom(raw)).toEqual(expected);
  });

  it('gives the same region from hqRegion as from the same place in hqLocation', () => {
    for (const [region, country] of [['NS', 'CA'], ['ON', 'CA'], ['TX', 'US'], ['OR', 'US'], ['NSW', 'AU']]) {
      const fromFields = valuesFrom({ hqCity: 'X', hqRegion: region, hqCountry: country });
      const fromLocation = valuesFrom({ hqLocation: `X, ${region}, ${country}` });
      expect(fromFields, region).toEqual(fromLocation);
    }
  });

  it('reads LinkedIn\'s "1K-5K" band as 1,001-5,000 on LinkedIn only', () => {
    expect(valuesFrom({ employees: '1K-5K employees' }).employees).toEqual({ min: 1001, max: 5000 });
    expect(valuesFrom({ employees: '10K+ employees' }).employees).toEqual({ min: 10001 });
    expect(valuesOf(run({ employees: '1K-5K' }, undefined, 'csv').facts).employees).toEqual({ min: 1000, max: 5000 });
  });

  it('reads localised LinkedIn about pages with no problems', () => {
    const pages: Array<[RawFacts, string, object]> = [
      [
        { industry: 'Softwareentwicklung', companyType: 'Privatunternehmen', employees: '1.001–5.000 Beschäftigte' },
        'de-DE',
        { industry: 'Software Development', companyType: 'private', employees: { min: 1001, max: 5000 } },
      ],
      [
        { industry: 'Servicios de publicidad', companyType: 'De propiedad privada', employees: '11-50 empleados' },
        'es-ES',
        { industry: 'Professional Services', subIndustry: 'Advertising Services', companyType: 'private', employees: { min: 11, max: 50 } },
      ],
      [
        { industry: 'Fabrication de meubles', companyType: 'Société civile/Société commerciale/Autres types de sociétés' },
        'fr-FR',
        { industry: 'Manufacturing', subIndustry: 'Furniture and Home Furnishings Manufacturing', companyType: 'private' },
      ],
    ];
    for (const [raw, locale, expected] of pages) {
      const { facts, problems } = run(raw, locale);
      expect(problems).toEqual([]);
      expect(valuesOf(facts)).toEqual(expected);
    }
  });

  it('fills subIndustry from industry unless given, and industry from a known subIndustry', () => {
    expect(valuesFrom({ industry: 'BANKING' })).toEqual({ industry: 'Financial Services', subIndustry: 'Banking' });
    expect(valuesFrom({ industry: 'Banking', subIndustry: 'Credit Unions' })).toEqual({
      industry: 'Financial Services',
      subIndustry: 'Credit Unions',
    });
    expect(valuesFrom({ subIndustry: 'CREDIT UNIONS' })).toEqual({ industry: 'Financial Services', subIndustry: 'Credit Unions' });
    expect(valuesFrom({ subIndustry: 'Insurance' })).toEqual({ industry: 'Financial Services', subIndustry: 'Insurance' });
  });

  it('reads a Crunchbase category list as the industry', () => {
    const { facts } = run({ industry: ['Software', 'SaaS', 'FinTech'] }, undefined, 'crunchbase');
    expect(valuesOf(facts)).toEqual({ industry: 'Software Development', subIndustry: 'SaaS' });
  });

  it('reads dates in the page locale', () => {
    expect(valuesFrom({ lastFundingDate: '03/04/2024' }, 'en-US').lastFundingDate).toBe('2024-03-04');
    expect(valuesFrom({ lastFundingDate: '03/04/2024' }, 'fr-FR').lastFundingDate).toBe('2024-04-03');
  });

  it('does not trip over field names that are Object.prototype members', () => {
    const raw = JSON.parse('{"toString": "x", "__proto__": "y", "constructor": "z", "name": "Acme"}') as RawFacts;
    const { facts, problems } = run(raw);
    expect(valuesOf(facts)).toEqual({ name: 'Acme' });
    expect(problems.map((p) => p.field).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('drops an overlong technology entry with a problem but keeps the list', () => {
    const { facts, problems } = run({ technologies: ['Slack', 'y'.repeat(150)] });
    expect(valuesOf(facts).technologies).toEqual(['Slack']);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('technologies');
  });
});
