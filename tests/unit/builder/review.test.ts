import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import { checkModel } from '../../../lib/model/validate';
import { applyReview, backtestReviewed, deriveFrom, readOutcomes, retier, type Derivation } from '../../../lib/builder/review';
import type { OutcomeRecord } from '../../../lib/builder/types';

/** The builder page's computations on the seeded sample (the same one "Load sample outcomes" uses). */
let records: OutcomeRecord[];
let derivation: Derivation;
const ids = () => derivation.proposal.model.criteria.map((c) => c.id);

beforeAll(() => {
  const parsed = readOutcomes(syntheticOutcomesCsv(), 'sample.csv');
  records = parsed.records;
  const result = deriveFrom(records);
  if (!result.ok) throw new Error(result.error);
  derivation = result.derivation;
});

describe('deriving in the page', () => {
  it('finds the planted segments and proposes criteria for them', () => {
    const insurance = derivation.segments.find((s) => s.field === 'subIndustry' && s.value === 'Insurance')!;
    expect(insurance.flags).toContain('accidental-icp');
    expect(ids()).toEqual(expect.arrayContaining(['no-subindustry-insurance', 'subindustry-credit-unions', 'tech-snowflake']));
    expect(derivation.thresholds.minWon).toBe(20);
    expect(derivation.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('explains why it cannot derive from a file without won deals', () => {
    const lost = records.filter((r) => r.stage === 'lost');
    expect(deriveFrom(lost)).toEqual({ ok: false, error: 'the file has no won deals: nothing to derive from' });
  });

  it('lists bad rows by line number', () => {
    const csv = 'Opportunity Stage,Close Date,Initial ARR\nClosed Won,2024-01-05,"$1,000.00"\nClosed Won,someday,100\n,2024-01-01,5\n';
    const parsed = readOutcomes(csv, 'x.csv');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.bad.map((b) => b.line)).toEqual([3, 4]);
  });
});

describe('applyReview', () => {
  it('with everything accepted is the proposal itself (the same tiers, too)', () => {
    const model = derivation.proposal.model;
    expect(applyReview(model, new Set(ids()), records, derivation.asOf)).toEqual(model);
    // retier follows the proposal's own rule: re-running it on the proposal gives its tiers back.
    expect(retier(model, records, derivation.asOf)).toEqual(model.tiers);
  });

  it('drops a criterion, re-sums the dimension weights and re-fits the tiers; the result is a valid model', () => {
    const model = derivation.proposal.model;
    const snowflake = model.criteria.find((c) => c.id === 'tech-snowflake')!;
    const reviewed = applyReview(model, new Set(ids().filter((id) => id !== 'tech-snowflake')), records, derivation.asOf);
    expect(reviewed.criteria.map((c) => c.id)).toEqual(ids().filter((id) => id !== 'tech-snowflake'));
    expect(reviewed.dimensions.technographic).toBe(model.dimensions.technographic - snowflake.points!);
    expect(reviewed.dimensions.firmographic).toBe(model.dimensions.firmographic);
    expect(reviewed.description).toContain('Reviewed: dropped "Uses Snowflake"');
    expect(reviewed.tiers.at(-1)).toMatchObject({ id: 'C', minScore: 0 });
    expect(checkModel(reviewed).ok).toBe(true);
    expect(model.criteria.some((c) => c.id === 'tech-snowflake')).toBe(true); // the proposal is untouched
  });

  it('dropping every criterion leaves a model checkModel rejects at "criteria"', () => {
    const reviewed = applyReview(derivation.proposal.model, new Set(), records, derivation.asOf);
    const check = checkModel(reviewed);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => p.path)).toContain('criteria');
  });
});

describe('backtestReviewed', () => {
  it('derives on the older deals, applies the review and separates fit from not-fit on the newer ones', () => {
    const accepted = new Set(ids().filter((id) => id !== 'tech-snowflake'));
    const outcome = backtestReviewed(records, derivation, accepted);
    if (!outcome.ok) throw new Error(outcome.error);
    const r = outcome.result;
    expect(r.model.criteria.map((c) => c.id)).not.toContain('tech-snowflake');
    expect(r.train.to! < r.cutDate).toBe(true);
    expect(r.test.from! >= r.cutDate).toBe(true);
    expect(r.train.n + r.test.n).toBe(records.filter((x) => x.stage !== 'open').length);
    expect(r.fit.nrr!).toBeGreaterThan(r.notFit.nrr! + 0.1);
    expect(r.fit.logoRetention!).toBeGreaterThan(r.notFit.logoRetention!);
    expect(r.tiers.map((t) => t.tier)).toEqual(r.model.tiers.map((t) => t.id));
    expect(r.tiers[0].nrr!).toBeGreaterThan(r.tiers.at(-1)!.nrr!);
    expect(r.topTiers.expansionShare!).toBeGreaterThan(r.topTiers.accountShare!);
  });

  it('refuses to test an empty model', () => {
    expect(backtestReviewed(records, derivation, new Set())).toEqual({ ok: false, error: 'no accepted criterion is left to test' });
  });
});
