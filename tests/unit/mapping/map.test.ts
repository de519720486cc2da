import { describe, expect, it } from 'vitest';
import { customSlug, factForHeader, headerKey, mapColumns } from '../../../lib/mapping';
import { STANDARD_FACT_NAMES } from '../../../lib/facts/vocabulary';

describe('factForHeader', () => {
  it.each([
    ['Company Name', 'name'],
    ['Account Name', 'name'],
    ['Company', 'name'],
    ['name', 'name'],
    ['Website', 'domain'],
    ['Domain', 'domain'],
    ['Company Domain Name', 'domain'],
    ['Industry', 'industry'],
    ['Sub-Industry', 'subIndustry'],
    ['Sub Industry', 'subIndustry'],
    ['Employees', 'employees'],
    ['Number of Employees', 'employees'],
    ['Employee Count', 'employees'],
    ['Company size', 'employees'],
    ['Annual Revenue', 'revenueUsd'],
    ['Revenue', 'revenueUsd'],
    ['Country', 'hqCountry'],
    ['Billing Country', 'hqCountry'],
    ['HQ Country', 'hqCountry'],
    ['Country/Region', 'hqCountry'],
    ['City', 'hqCity'],
    ['State', 'hqRegion'],
    ['Region', 'hqRegion'],
    ['State/Region', 'hqRegion'],
    ['Founded', 'foundedYear'],
    ['Year Founded', 'foundedYear'],
    ['Funding Stage', 'fundingStage'],
    ['Last Funding Type', 'fundingStage'],
    ['Total Funding', 'totalFundingUsd'],
    ['Total Funding Amount (in USD)', 'totalFundingUsd'],
    ['Last Funding Date', 'lastFundingDate'],
    ['Technologies', 'technologies'],
    ['Tech Stack', 'technologies'],
    ['Lifecycle Stage', 'lifecycleStage'],
    ['Owner', 'owner'],
    ['Account Owner', 'owner'],
    ['LinkedIn URL', 'linkedinUrl'],
    ['Crunchbase URL', 'crunchbaseUrl'],
    ['Champion Identified', 'championIdentified'],
    ['Budget Owner Known', 'budgetOwnerKnown'],
    ['Open to Pilot', 'openToPilot'],
    ['Buying Process', 'buyingProcess'],
    ['Incumbent Vendor', 'incumbentVendor'],
    ['Contract Renewal Date', 'contractRenewalDate'],
    ['Employee Growth 6m', 'employeeGrowth6m'],
    ['Headquarters Location', 'hqLocation'],
  ])('%s → %s', (header, fact) => {
    expect(factForHeader(header)).toBe(fact);
  });

  it('ignores case, spaces and punctuation', () => {
    for (const header of ['COMPANY NAME', 'company_name', ' Company-Name ', 'companyname']) expect(factForHeader(header)).toBe('name');
    expect(factForHeader('number_of_employees')).toBe('employees');
  });

  it('maps every exact fact name to itself', () => {
    for (const fact of STANDARD_FACT_NAMES) expect(factForHeader(fact)).toBe(fact);
  });

  it('keeps a header already written as custom.<name>', () => {
    expect(factForHeader('custom.deal_size')).toBe('custom.deal_size');
  });

  it('does not know unrelated headers', () => {
    expect(factForHeader('Deal Size (USD)')).toBeUndefined();
    expect(factForHeader('Notes')).toBeUndefined();
  });
});

describe('customSlug', () => {
  it.each([
    ['Deal Size (USD)', 'deal_size_usd'],
    ['  NPS score ', 'nps_score'],
    ['Région', 'region'],
    ['%%%', ''],
  ])('%s → %s', (header, slug) => {
    expect(customSlug(header)).toBe(slug);
  });

  it('stays within the 64 characters a custom fact name allows', () => {
    expect(customSlug('x'.repeat(100))).toHaveLength(64);
  });
});

describe('mapColumns', () => {
  it('maps known headers, keeps the rest as custom facts, in column order', () => {
    const mapping = mapColumns(['Company Name', 'Deal Size (USD)', 'Number of Employees', 'Notes']);
    expect(mapping.map((c) => c.fact)).toEqual(['name', 'custom.deal_size_usd', 'employees', 'custom.notes']);
    expect(mapping.map((c) => c.custom)).toEqual([false, true, false, true]);
    expect(mapping[1].header).toBe('Deal Size (USD)');
  });

  it('gives a fact to the column with the most specific header; the others stay as custom facts', () => {
    const mapping = mapColumns(['Website', 'Domain', 'Company Domain Name']);
    expect(mapping.map((c) => c.fact)).toEqual(['custom.website', 'custom.domain', 'domain']);
    // Same rank: the first column wins.
    expect(mapColumns(['Employees', 'employees']).map((c) => c.fact)).toEqual(['employees', 'custom.employees']);
  });

  it('never gives two columns the same fact', () => {
    const mapping = mapColumns(['Notes', 'notes', 'NOTES!', '', '']);
    const facts = mapping.map((c) => c.fact);
    expect(new Set(facts).size).toBe(facts.length);
    expect(facts).toEqual(['custom.notes', 'custom.notes_2', 'custom.notes_3', 'custom.column_4', 'custom.column_5']);
  });

  it('only makes fact names the vocabulary accepts', () => {
    const mapping = mapColumns(['Ünïcödé Column ✓', 'a'.repeat(80), 'x'.repeat(80)]);
    for (const c of mapping) expect(c.fact).toMatch(/^custom\.[A-Za-z0-9_-]{1,64}$/);
  });

  it('headerKey is the comparison key', () => {
    expect(headerKey('Sub-Industry')).toBe(headerKey('sub industry'));
  });
});
