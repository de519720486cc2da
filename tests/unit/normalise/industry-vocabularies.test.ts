import { describe, expect, it } from 'vitest';
import { compileModel, scoreCompiled } from '../../../lib/engine/score';
import { deriveFacts } from '../../../lib/facts/derive';
import { normaliseFacts } from '../../../lib/facts/normalise/index';
import { isCanonicalIndustry, parentIndustry } from '../../../lib/facts/normalise/industries';
import { normaliseIndustry, normaliseIndustryFromCategories } from '../../../lib/facts/normalise/industry';
import {
  CRUNCHBASE_CATEGORY_GROUPS,
  HUBSPOT_INDUSTRY_ENUM,
  LINKEDIN_V2_INDUSTRIES,
  NO_INDUSTRY_VALUES,
  SALESFORCE_INDUSTRY_PICKLIST,
} from '../../../lib/facts/normalise/industry-vocabularies';
import { valuesOf } from '../../../lib/facts/parse';
import type { RawFacts } from '../../../lib/facts/raw';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';

const VOCABULARIES = {
  'Salesforce Account Industry picklist': { values: SALESFORCE_INDUSTRY_PICKLIST, size: 32 },
  'HubSpot company industry enum': { values: HUBSPOT_INDUSTRY_ENUM, size: 148 },
  'Crunchbase category groups': { values: CRUNCHBASE_CATEGORY_GROUPS, size: 47 },
  'LinkedIn industry taxonomy V2': { values: LINKEDIN_V2_INDUSTRIES, size: 400 },
};
const noIndustry = new Set<string>(NO_INDUSTRY_VALUES);

describe.each(Object.entries(VOCABULARIES))('%s', (_name, { values, size }) => {
  it('is the full list, without repeats', () => {
    expect(values.length).toBeGreaterThanOrEqual(size);
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(values.map((v) => [v]))('%s maps into the canonical taxonomy', (value) => {
    const found = normaliseIndustry(value);
    if (noIndustry.has(value)) {
      expect(found, `${value} names no industry and stays unknown`).toBeUndefined();
      return;
    }
    expect(found, value).toBeDefined();
    expect(isCanonicalIndustry(found!.industry), value).toBe(true);
    if (found!.subIndustry) expect(parentIndustry(found!.subIndustry), value).toBe(found!.industry);
  });
});

/** One company, as each vocabulary files it. */
const SAME_COMPANY: Record<string, string[]> = {
  software: ['Software Development', 'Computer Software', 'COMPUTER_SOFTWARE', 'Technology', 'Software', 'Softwareentwicklung'],
  'financial services': ['Financial Services', 'FINANCIAL_SERVICES', 'Finance', 'Lending and Investments'],
  bank: ['Banking', 'BANKING'],
  hospital: ['Hospitals and Health Care', 'HOSPITAL_HEALTH_CARE', 'Healthcare', 'Health Care'],
  retailer: ['Retail', 'RETAIL', 'Commerce and Shopping'],
  government: ['Government Administration', 'GOVERNMENT_ADMINISTRATION', 'Government', 'Government and Military'],
  'non-profit': ['Non-profit Organizations', 'NON_PROFIT_ORGANIZATION_MANAGEMENT', 'Not For Profit'],
};
const NOW = Date.parse('2026-11-23');

describe('the built-in models read every vocabulary the same way', () => {
  const industryCriteria = (model: (typeof BUILTIN_MODELS)[number]) =>
    model.criteria.filter((c) => c.field === 'industry' || c.field === 'subIndustry' || c.field === 'companyType').map((c) => c.id);

  it.each(Object.entries(SAME_COMPANY))('%s: the same status for every industry criterion whatever the vocabulary', (_company, labels) => {
    for (const model of BUILTIN_MODELS) {
      const compiled = compileModel(model);
      const statuses = labels.map((industry) => {
        const facts = deriveFacts(normaliseFacts({ industry } as RawFacts, { origin: 'csv', source: { kind: 'list' } }).facts);
        const result = scoreCompiled(compiled, valuesOf(facts), NOW);
        return Object.fromEntries(industryCriteria(model).map((id) => [id, result.criteria.find((c) => c.id === id)!.status]));
      });
      for (let i = 1; i < labels.length; i++) expect(statuses[i], `${model.id}: ${labels[i]} vs ${labels[0]}`).toEqual(statuses[0]);
    }
  });

  it('counts software as core for the sales-led model in every vocabulary (Salesforce "Technology" included)', () => {
    const compiled = compileModel(BUILTIN_MODELS.find((m) => m.id === 'b2b-saas-sales-led')!);
    for (const industry of SAME_COMPANY.software) {
      const facts = normaliseFacts({ industry } as RawFacts, { origin: 'csv', source: { kind: 'list' } }).facts;
      expect(scoreCompiled(compiled, valuesOf(facts), NOW).criteria.find((c) => c.id === 'industry-core')?.status, industry).toBe('pass');
    }
  });
});

describe('several industries on one company (Crunchbase categories)', () => {
  const permutations = <T,>(xs: T[]): T[][] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

  it.each<[string[], string, string | undefined]>([
    [['Agriculture', 'Retail', 'Shopping'], 'Retail', undefined],
    [['Software', 'FinTech'], 'Financial Services', undefined],
    [['Software', 'SaaS', 'Payments'], 'Software Development', 'SaaS'],
    [['Health Care', 'Medical', 'Artificial Intelligence'], 'Hospitals and Health Care', undefined],
    [['Internet Services', 'E-Commerce', 'Fashion', 'Clothing and Apparel'], 'Retail', 'Retail Apparel and Fashion'],
    [['Apps', 'Mobile', 'Internet Services'], 'Software Development', 'Mobile Applications'],
  ])('%j → %s / %s, in any order', (categories, industry, subIndustry) => {
    for (const order of permutations(categories)) {
      expect(normaliseIndustryFromCategories(order), order.join(', ')).toEqual(subIndustry ? { industry, subIndustry } : { industry });
      expect(normaliseIndustry(order.join(', '))).toEqual(subIndustry ? { industry, subIndustry } : { industry });
    }
  });
});
