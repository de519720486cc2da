import { describe, expect, it } from 'vitest';
import { compileModel, scoreCompiled } from '../../../lib/engine/score';
import { DERIVATION_INPUTS, deriveFacts, growthFromHeadcounts, slotDeriver, withDerivationInputs } from '../../../lib/facts/derive';
import { normaliseFacts } from '../../../lib/facts/normalise/index';
import { valuesOf } from '../../../lib/facts/parse';
import type { RawFacts } from '../../../lib/facts/raw';
import type { CompanyFacts, Fact, FactSource } from '../../../lib/facts/vocabulary';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';

const list: FactSource = { kind: 'list', detail: 'accounts.csv' };
const page: FactSource = { kind: 'page', detail: 'linkedin' };
const DEFAULT = compileModel(BUILTIN_MODELS[0]);
const normalised = (raw: Record<string, unknown>, source: FactSource = list) =>
  normaliseFacts(raw as RawFacts, { origin: 'csv', source }).facts;
const status = (facts: CompanyFacts, id: string, now = '2025-12-01') =>
  scoreCompiled(DEFAULT, valuesOf(deriveFacts(facts)), Date.parse(now)).criteria.find((c) => c.id === id)?.status;

describe('deriveFacts: funding signal from the last funding date', () => {
  it('turns a known last funding date into a funding signal the 12-month criterion reads', () => {
    const facts = normalised({ lastFundingDate: '2025-03-14' });
    expect(status(facts, 'recent-funding')).toBe('pass');
    expect(status(facts, 'recent-funding', '2026-06-01')).toBe('fail');
    const signals = deriveFacts(facts).signals!;
    expect(signals.value).toEqual([{ type: 'funding', date: '2025-03-14', title: 'Funding round (from last funding date)', from: 'lastFundingDate' }]);
    // Knowing the last round says nothing about other signals: those criteria stay unknown.
    expect(status(facts, 'leadership-hire')).toBe('unknown');
    expect(status(facts, 'stack-change')).toBe('unknown');
    expect(signals.source).toEqual({ kind: 'list', detail: 'derived from last funding date', derivedFrom: ['lastFundingDate'] });
  });

  it('adds to the signals a source gave, keeping theirs, and never duplicates a funding signal at or after the date', () => {
    const hire = { type: 'leadership-hire' as const, date: '2025-10-01' };
    const withHire: CompanyFacts = { lastFundingDate: { value: '2025-03-14', source: list }, signals: { value: [hire], source: page } };
    const out = deriveFacts(withHire).signals!;
    expect(out.value).toHaveLength(2);
    expect(out.value[0]).toEqual(hire);
    expect(out.source.kind).toBe('page');
    const alreadyFunded: CompanyFacts = { ...withHire, signals: { value: [{ type: 'funding', date: '2025-03-14' }], source: page } };
    expect(deriveFacts(alreadyFunded).signals).toBe(alreadyFunded.signals);
  });
});

describe('deriveFacts: public sector and non-profit from the industry, in every vocabulary', () => {
  it.each([
    ['Not For Profit', 'nonprofit'],
    ['NON_PROFIT_ORGANIZATION_MANAGEMENT', 'nonprofit'],
    ['Non-profit Organizations', 'nonprofit'],
    ['Religious Institutions', 'nonprofit'],
    ['Government', 'government'],
    ['GOVERNMENT_ADMINISTRATION', 'government'],
    ['Government Administration', 'government'],
    ['Law Enforcement', 'government'],
  ])('%s gives companyType %s and trips the public-sector hard-no', (industry, type) => {
    const facts = deriveFacts(normalised({ industry }));
    expect(facts.companyType?.value).toBe(type);
    expect(facts.companyType?.source).toMatchObject({ kind: 'list', detail: 'derived from industry' });
    expect(status(facts, 'no-public-sector')).toBe('fail');
  });

  it('leaves other industries alone, and a company type a source gave always wins', () => {
    expect(deriveFacts(normalised({ industry: 'Technology' })).companyType).toBeUndefined();
    const given = normalised({ industry: 'Not For Profit', companyType: 'Privately Held' });
    expect(deriveFacts(given).companyType).toEqual(given.companyType);
  });
});

describe('deriveFacts: parent industry and headcount growth', () => {
  it('fills the industry from a sub-industry, never over a given one', () => {
    const sub: CompanyFacts = { subIndustry: { value: 'Credit Unions', source: list } };
    expect(deriveFacts(sub).industry).toEqual({ value: 'Financial Services', source: { kind: 'list', detail: 'derived from sub-industry', derivedFrom: ['subIndustry'] } });
    const given: CompanyFacts = { ...sub, industry: { value: 'Software Development', source: page } };
    expect(deriveFacts(given).industry).toBe(given.industry);
  });

  const headcount = (value: Fact['value'], at: string, kind: FactSource['kind'] = 'list'): Fact => ({ value, source: { kind, at } });

  it('computes six-month growth from two dated exact headcounts, compounding other spans', () => {
    expect(growthFromHeadcounts([headcount(400, '2025-06-01'), headcount(480, '2025-12-01', 'page')])?.value).toBeCloseTo(20, 0);
    // A year of 21% is 10% a half-year.
    expect(growthFromHeadcounts([headcount(1000, '2024-12-01'), headcount(1210, '2025-12-01')])?.value).toBeCloseTo(10, 0);
    const facts = deriveFacts({}, { headcounts: [headcount(480, '2025-12-01', 'page'), headcount(400, '2025-06-01')] });
    expect(facts.employeeGrowth6m?.source).toMatchObject({ kind: 'page', derivedFrom: ['employees'] });
    expect(facts.employeeGrowth6m?.source.detail).toMatch(/400 on 2025-06-01, 480 on 2025-12-01/);
  });

  it('gives no growth from bands, undated counts, spans under 3 months or over 13, or over a given growth', () => {
    expect(growthFromHeadcounts([headcount({ min: 201, max: 500 }, '2025-06-01'), headcount(480, '2025-12-01')])).toBeUndefined();
    expect(growthFromHeadcounts([{ value: 400, source: list }, headcount(480, '2025-12-01')])).toBeUndefined();
    expect(growthFromHeadcounts([headcount(400, '2025-10-01'), headcount(480, '2025-12-01')])).toBeUndefined();
    expect(growthFromHeadcounts([headcount(400, '2024-01-01'), headcount(480, '2025-12-01')])).toBeUndefined();
    const given: CompanyFacts = { employeeGrowth6m: { value: 3, source: page } };
    expect(deriveFacts(given, { headcounts: [headcount(400, '2025-06-01'), headcount(480, '2025-12-01')] }).employeeGrowth6m).toBe(given.employeeGrowth6m);
  });
});

describe('slotDeriver (the CSV fast path) derives as deriveFacts does', () => {
  const samples: Record<string, unknown>[] = [
    { lastFundingDate: '2025-03-14', industry: 'Banking' },
    { subIndustry: 'Credit Unions' },
    { industry: 'Not For Profit' },
    { industry: 'GOVERNMENT_ADMINISTRATION', companyType: 'Public Company' },
    { lastFundingDate: '2024-01-01', signals: [{ type: 'funding', date: '2025-01-01' }] },
    { employees: '51-200' },
  ];
  it.each(samples)('%o', (raw) => {
    const facts = normalised(raw);
    const expected = valuesOf(deriveFacts(facts)) as Record<string, unknown>;
    for (const model of BUILTIN_MODELS) {
      const compiled = compileModel(model);
      const slotOf = withDerivationInputs(compiled.slotOf);
      const slots = new Array<unknown>(slotOf.size).fill(undefined);
      const values = valuesOf(facts) as Record<string, unknown>;
      for (const [field, slot] of slotOf) slots[slot] = values[field];
      slotDeriver(slotOf)(slots);
      for (const [field, slot] of slotOf) expect(slots[slot], field).toEqual(expected[field]);
    }
  });

  it('is idempotent, and every derived fact names its inputs', () => {
    for (const raw of samples) {
      const once = deriveFacts(normalised(raw));
      expect(deriveFacts(once)).toEqual(once);
      for (const [field, fact] of Object.entries(once))
        if (fact?.source.derivedFrom) expect(DERIVATION_INPUTS[field as keyof typeof DERIVATION_INPUTS] ?? ['employees']).toEqual(expect.arrayContaining(fact.source.derivedFrom));
    }
  });
});
