import { describe, expect, it } from 'vitest';
import { canonicalUrl, sameFactValue } from '../../../lib/facts/equivalence';
import { mergeFacts } from '../../../lib/facts/merge';
import type { CompanyFacts, FactSource } from '../../../lib/facts/vocabulary';

const page: FactSource = { kind: 'page', detail: 'linkedin' };
const list: FactSource = { kind: 'list', detail: 'accounts.csv' };

describe('sameFactValue: agreements', () => {
  it.each([
    ['linkedinUrl', 'https://www.linkedin.com/company/acme/', 'http://linkedin.com/company/acme'],
    ['linkedinUrl', 'https://uk.linkedin.com/company/Acme/about/', 'linkedin.com/company/acme'],
    ['linkedinUrl', 'https://www.linkedin.com/company/acme/mycompany/?trk=nav', 'https://linkedin.com/company/acme#top'],
    ['crunchbaseUrl', 'https://www.crunchbase.com/organization/acme-corp', 'crunchbase.com/organization/acme-corp/company_financials'],
    ['domain', 'www.Acme.com', 'acme.com'],
    ['employees', 412, { min: 201, max: 500 }],
    ['employees', { min: 201, max: 500 }, 500],
    ['employees', { min: 10001 }, 25000],
    ['employees', { min: 201, max: 1000 }, { min: 201, max: 500 }],
    ['revenueUsd', 50_000_000, { min: 10_000_000, max: 50_000_000 }],
    ['hqCountry', 'DE', 'Germany'],
    ['hqCountry', 'US', 'United States of America'],
    ['industry', 'Software Development', 'COMPUTER_SOFTWARE'],
    ['industry', 'Financial Services', 'financial services'],
    ['subIndustry', 'Credit Unions', 'Credit Union'],
    ['name', 'Acme, Inc.', 'acme inc'],
    ['technologies', ['Salesforce', 'Snowflake'], ['snowflake', 'SALESFORCE', 'Snowflake']],
    ['championIdentified', true, true],
  ])('%s: %j agrees with %j', (field, a, b) => {
    expect(sameFactValue(field, a, b)).toBe(true);
    expect(sameFactValue(field, b, a)).toBe(true);
  });
});

describe('sameFactValue: real conflicts', () => {
  it.each([
    ['linkedinUrl', 'https://www.linkedin.com/company/acme/', 'https://www.linkedin.com/company/acme-labs/'],
    ['domain', 'acme.com', 'acme.io'],
    ['employees', 612, { min: 201, max: 500 }],
    ['employees', { min: 51, max: 200 }, { min: 201, max: 500 }],
    ['employees', 412, 415],
    ['hqCountry', 'DE', 'AT'],
    ['industry', 'Software Development', 'Retail'],
    ['technologies', ['Salesforce'], ['HubSpot']],
    ['championIdentified', true, false],
  ])('%s: %j conflicts with %j', (field, a, b) => {
    expect(sameFactValue(field, a, b)).toBe(false);
    expect(sameFactValue(field, b, a)).toBe(false);
  });
});

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://WWW.LinkedIn.com/company/acme/', 'linkedin.com/company/acme'],
    ['https://www.linkedin.com/school/mit/', 'linkedin.com/company/mit'],
    ['https://acme.com/', 'acme.com'],
    ['acme.com/about/', 'acme.com/about'],
  ])('%s → %s', (raw, canonical) => expect(canonicalUrl(raw)).toBe(canonical));
});

describe('mergeFacts flags only real conflicts', () => {
  it('a LinkedIn URL differing by scheme and slash, a count inside the band, a country spelt out: no conflict', () => {
    const pageFacts: CompanyFacts = {
      linkedinUrl: { value: 'https://www.linkedin.com/company/acme/', source: page },
      employees: { value: { min: 201, max: 500 }, source: page },
      hqCountry: { value: 'DE', source: page },
    };
    const listFacts = {
      linkedinUrl: { value: 'http://linkedin.com/company/acme', source: list },
      employees: { value: 412, source: list },
      hqCountry: { value: 'Germany', source: list },
    } as CompanyFacts;
    expect(mergeFacts([pageFacts, listFacts]).conflicts).toEqual([]);
  });

  it('a count outside the band is a conflict, reported once per distinct value', () => {
    const other: FactSource = { kind: 'crm', detail: 'hubspot' };
    const { conflicts } = mergeFacts([
      { employees: { value: { min: 201, max: 500 }, source: page } },
      { employees: { value: 612, source: list } },
      { employees: { value: 612, source: other } },
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].others.map((f) => f.value)).toEqual([612]);
  });
});
