import { describe, expect, it } from 'vitest';
import {
  CANONICAL_INDUSTRIES,
  CANONICAL_SUB_INDUSTRIES,
  INDUSTRIES,
  isCanonicalIndustry,
  isCanonicalSubIndustry,
  parentIndustry,
} from '../../../lib/facts/normalise/industries';
import {
  INDUSTRY_LABEL_TABLES,
  normaliseIndustry,
  normaliseIndustryFromCategories,
} from '../../../lib/facts/normalise/industry';

const FS = 'Financial Services';
const SD = 'Software Development';

/** What LinkedIn V1 labels look like in HubSpot's enum: "Food & Beverages" → "FOOD_BEVERAGES". */
const toHubSpotEnum = (label: string) =>
  label
    .toUpperCase()
    .replace(/&/g, ' ')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

describe('the canonical taxonomy', () => {
  it('has about 25 top-level industries, each sub-industry under exactly one parent', () => {
    expect(CANONICAL_INDUSTRIES.length).toBeGreaterThanOrEqual(20);
    expect(CANONICAL_INDUSTRIES.length).toBeLessThanOrEqual(30);
    expect(new Set(CANONICAL_SUB_INDUSTRIES).size).toBe(CANONICAL_SUB_INDUSTRIES.length);
    for (const sub of CANONICAL_SUB_INDUSTRIES) expect(CANONICAL_INDUSTRIES).not.toContain(sub);
  });

  it('maps every canonical name to itself', () => {
    for (const { name, subIndustries } of INDUSTRIES) {
      expect(isCanonicalIndustry(name)).toBe(true);
      expect(normaliseIndustry(name)).toEqual({ industry: name });
      for (const sub of subIndustries) {
        expect(isCanonicalSubIndustry(sub)).toBe(true);
        expect(parentIndustry(sub)).toBe(name);
        expect(normaliseIndustry(sub)).toEqual({ industry: name, subIndustry: sub });
      }
    }
  });

  it('has the sub-industries ICPs split Financial Services into', () => {
    const fs = INDUSTRIES.find((i) => i.name === FS)!;
    expect(fs.subIndustries).toEqual(expect.arrayContaining(['Banking', 'Credit Unions', 'Insurance', 'Investment Management', 'Capital Markets', 'Venture Capital and Private Equity Principals']));
    expect(isCanonicalIndustry('Banking')).toBe(false);
    expect(isCanonicalSubIndustry('Software Development')).toBe(false);
  });

  it.each(Object.entries(INDUSTRY_LABEL_TABLES))('every %s label maps into the taxonomy', (_table, labels) => {
    for (const label of labels) {
      const found = normaliseIndustry(label);
      expect(found, label).toBeDefined();
      expect(isCanonicalIndustry(found!.industry), label).toBe(true);
      if (found!.subIndustry) expect(parentIndustry(found!.subIndustry), label).toBe(found!.industry);
    }
  });

  it('reads every LinkedIn V1 label in its HubSpot enum spelling the same way', () => {
    expect(INDUSTRY_LABEL_TABLES.linkedinV1.length).toBeGreaterThanOrEqual(145);
    for (const label of INDUSTRY_LABEL_TABLES.linkedinV1) {
      expect(normaliseIndustry(toHubSpotEnum(label)), toHubSpotEnum(label)).toEqual(normaliseIndustry(label));
    }
  });
});

describe('normaliseIndustry', () => {
  it.each<[string, string, string | undefined]>([
    // LinkedIn V2
    ['Software Development', SD, undefined],
    ['IT Services and IT Consulting', 'IT Services and IT Consulting', undefined],
    ['Credit Unions', FS, 'Credit Unions'],
    ['Venture Capital and Private Equity Principals', FS, 'Venture Capital and Private Equity Principals'],
    ['Hospitals and Health Care', 'Hospitals and Health Care', undefined],
    // LinkedIn V1
    ['Computer Software', SD, undefined],
    ['Banking', FS, 'Banking'],
    ['Insurance', FS, 'Insurance'],
    ['Information Technology & Services', 'IT Services and IT Consulting', undefined],
    ['Hospital & Health Care', 'Hospitals and Health Care', undefined],
    ['Marketing & Advertising', 'Professional Services', 'Advertising Services'],
    // HubSpot enum
    ['COMPUTER_SOFTWARE', SD, undefined],
    ['FINANCIAL_SERVICES', FS, undefined],
    ['BANKING', FS, 'Banking'],
    ['INSURANCE', FS, 'Insurance'],
    ['HOSPITAL_HEALTH_CARE', 'Hospitals and Health Care', undefined],
    ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'IT Services and IT Consulting', undefined],
    ['INTERNET', 'Technology, Information and Internet', undefined],
    ['COMPUTER_NETWORK_SECURITY', 'IT Services and IT Consulting', 'Computer and Network Security'],
    ['FOOD_BEVERAGES', 'Accommodation Services', 'Food and Beverage Services'],
    ['E_LEARNING', 'Education', 'E-Learning Providers'],
    ['HEALTH_WELLNESS_AND_FITNESS', 'Hospitals and Health Care', 'Wellness and Fitness Services'],
    ['VENTURE_CAPITAL_PRIVATE_EQUITY', FS, 'Venture Capital and Private Equity Principals'],
    ['NON_PROFIT_ORGANIZATION_MANAGEMENT', 'Non-profit Organizations', undefined],
    ['MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 'Manufacturing', 'Industrial Machinery Manufacturing'],
    ['TRANSPORTATION_TRUCKING_RAILROAD', 'Transportation, Logistics, Supply Chain and Storage', 'Truck Transportation'],
    ['MOBILE_GAMES', SD, 'Mobile Gaming Apps'],
    // Salesforce picklist
    ['Agriculture', 'Farming, Ranching, Forestry', undefined],
    ['Apparel', 'Retail', 'Retail Apparel and Fashion'],
    ['Communications', 'Telecommunications', undefined],
    ['Consulting', 'Professional Services', 'Business Consulting and Services'],
    ['Finance', FS, undefined],
    ['Food & Beverage', 'Accommodation Services', 'Food and Beverage Services'],
    ['Healthcare', 'Hospitals and Health Care', undefined],
    ['Not For Profit', 'Non-profit Organizations', undefined],
    ['Technology', 'Technology, Information and Internet', undefined],
    ['Shipping', 'Transportation, Logistics, Supply Chain and Storage', 'Freight and Package Transportation'],
    // Crunchbase categories
    ['SaaS', SD, 'SaaS'],
    ['FinTech', FS, undefined],
    ['InsurTech', FS, 'Insurance'],
    ['Health Care', 'Hospitals and Health Care', undefined],
    ['E-Commerce', 'Retail', 'Online and Mail Order Retail'],
    ['Artificial Intelligence (AI)', SD, 'Artificial Intelligence'],
    ['Machine Learning', SD, 'Artificial Intelligence'],
    ['Cyber Security', 'IT Services and IT Consulting', 'Computer and Network Security'],
    ['Big Data', SD, 'Data Infrastructure and Analytics'],
    ['EdTech', 'Education', 'E-Learning Providers'],
    ['Advertising', 'Professional Services', 'Advertising Services'],
    ['Real Estate', 'Real Estate', undefined],
    // case, whitespace and "&" vs "and"
    ['  computer   software ', SD, undefined],
    ['Food and Beverages', 'Accommodation Services', 'Food and Beverage Services'],
    ['hospitals & health care', 'Hospitals and Health Care', undefined],
    ['Movies, Videos, and Sound', 'Media and Entertainment', 'Movies, Videos, and Sound'],
  ])('%j → %s / %s', (raw, industry, subIndustry) => {
    expect(normaliseIndustry(raw)).toEqual(subIndustry ? { industry, subIndustry } : { industry });
  });

  it.each<[string]>([['Other'], ['Widgets and Gizmos'], [''], ['   '], ['<script>alert(1)</script>']])('%j → undefined', (raw) => {
    expect(normaliseIndustry(raw)).toBeUndefined();
  });

  it('reads a comma-separated category list (Crunchbase) by the most specific label', () => {
    expect(normaliseIndustry('Software, SaaS, Analytics', 'crunchbase')).toEqual({ industry: SD, subIndustry: 'SaaS' });
  });
});

describe('normaliseIndustryFromCategories', () => {
  it.each<[string[], object | undefined]>([
    [['Software', 'SaaS'], { industry: SD, subIndustry: 'SaaS' }],
    [['Information Technology', 'FinTech'], { industry: FS }], // a generic label loses to a specific one
    [['Financial Services', 'Credit Union'], { industry: FS, subIndustry: 'Credit Unions' }],
    [['FinTech', 'Payments', 'Software'], { industry: FS, subIndustry: 'Payments' }],
    [['Banking', 'Insurance'], { industry: FS, subIndustry: 'Banking' }], // equals: first wins
    [['Internet', 'Software'], { industry: 'Technology, Information and Internet' }],
    [['Unknown Thing', 'Health Care'], { industry: 'Hospitals and Health Care' }],
    [['Unknown Thing'], undefined],
    [[], undefined],
  ])('%j → %j', (categories, expected) => {
    expect(normaliseIndustryFromCategories(categories)).toEqual(expected);
  });
});
