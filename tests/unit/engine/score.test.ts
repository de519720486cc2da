import { describe, expect, it } from 'vitest';
import { apportion, compileModel, score, scoreBest, scoreCompiled, type ScoreResult } from '../../../lib/engine/score';
import { BUILTIN_MODELS, DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import type { FactValues } from '../../../lib/facts/vocabulary';
import { makeModel, NOW } from './helpers';

const statusOf = (r: ScoreResult, id: string) => r.criteria.find((c) => c.id === id)!.status;
const sum = (r: ScoreResult) => r.criteria.reduce((s, c) => s + c.points, 0);

const fullFit: FactValues = {
  employees: 1200,
  companyType: 'private',
  industry: 'Software Development',
  technologies: ['Salesforce', 'Snowflake'],
  signals: [{ type: 'funding', date: '2026-05-01' }],
};

describe('points and score', () => {
  it('apportions whole points that add up exactly to the total', () => {
    expect(apportion([33.4, 33.3, 33.3], 100)).toEqual([34, 33, 33]);
    expect(apportion([0, 50, 50], 100)).toEqual([0, 50, 50]);
    expect(apportion([1 / 3, 1 / 3, 1 / 3, 99], 100).reduce((a, b) => a + b)).toBe(100);
  });

  it('gives a model whose criteria pass 100 points, every criterion its worth', () => {
    const r = score(makeModel(), fullFit, NOW);
    expect(r.score).toBe(100);
    expect(sum(r)).toBe(100);
    // firmographic 50 of 100 weight, industry is its only scored criterion
    expect(r.criteria.find((c) => c.id === 'industry')!.points).toBe(50);
    expect(r.dimensions.firmographic).toEqual({ points: 50, worth: 50 });
  });

  it('keeps the per-criterion points summing exactly to the integer score for many random accounts', () => {
    const compiled = BUILTIN_MODELS.map(compileModel);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    for (let i = 0; i < 2000; i++) {
      const values: FactValues = {};
      if (rnd() > 0.2) values.employees = rnd() > 0.5 ? Math.floor(rnd() * 8000) : pick([{ min: 201, max: 500 }, { min: 10001 }, { min: 51, max: 200 }]);
      if (rnd() > 0.2) values.hqCountry = pick(['US', 'FR', 'RU', 'BR', 'GB']);
      if (rnd() > 0.3) values.industry = pick(['Software Development', 'Financial Services', 'Retail']);
      if (rnd() > 0.5) values.technologies = ['Salesforce', 'Slack', 'Snowflake', 'Looker'].filter(() => rnd() > 0.5);
      if (rnd() > 0.5) values.championIdentified = rnd() > 0.5;
      if (rnd() > 0.5) values.signals = [{ type: pick(['funding', 'leadership-hire', 'product-activation'] as const), date: '2026-10-01' }];
      for (const c of compiled) {
        const r = scoreCompiled(c, values, NOW);
        expect(Number.isInteger(r.score)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(sum(r)).toBe(r.score);
        expect(r.potentialScore).toBeGreaterThanOrEqual(r.score);
        if (r.verdict !== 'fit') expect(r.tier).toBeNull();
      }
    }
  });

  it('is deterministic: same input, same output', () => {
    const a = score(DEFAULT_MODEL, fullFit, NOW);
    const b = score(DEFAULT_MODEL, structuredClone(fullFit), NOW);
    expect(b).toEqual(a);
  });
});

describe('pass, fail, unknown', () => {
  it('treats a missing fact as unknown, never fail, and lowers confidence', () => {
    const known = score(makeModel(), fullFit, NOW);
    const { technologies: _, ...noTech } = fullFit;
    const r = score(makeModel(), noTech, NOW);
    expect(statusOf(r, 'crm')).toBe('unknown');
    expect(statusOf(r, 'dwh')).toBe('unknown');
    expect(r.confidence).toBeLessThan(known.confidence);
    expect(r.potentialScore).toBe(100);
  });

  it('reports a hard-no whose red flag is present as fail, and absent as pass', () => {
    expect(statusOf(score(makeModel(), { ...fullFit, companyType: 'government' }, NOW), 'not-gov')).toBe('fail');
    expect(statusOf(score(makeModel(), fullFit, NOW), 'not-gov')).toBe('pass');
  });

  it('judges bands: inside passes, outside fails, straddling is unknown', () => {
    const m = makeModel();
    expect(statusOf(score(m, { ...fullFit, employees: { min: 1001, max: 5000 } }, NOW), 'size')).toBe('pass');
    expect(statusOf(score(m, { ...fullFit, employees: { min: 51, max: 199 } }, NOW), 'size')).toBe('fail');
    expect(statusOf(score(m, { ...fullFit, employees: { min: 10001 } }, NOW), 'size')).toBe('fail');
    expect(statusOf(score(m, { ...fullFit, employees: { min: 51, max: 200 } }, NOW), 'size')).toBe('unknown');
    expect(statusOf(score(m, { ...fullFit, employees: { min: 5001 } }, NOW), 'size')).toBe('fail');
    expect(statusOf(score(m, { ...fullFit, employees: { min: 1001 } }, NOW), 'size')).toBe('unknown');
  });

  it('counts an empty technology list as known (fail), not unknown', () => {
    expect(statusOf(score(makeModel(), { ...fullFit, technologies: [] }, NOW), 'crm')).toBe('fail');
  });

  it('uses the given clock for dated signals', () => {
    const m = makeModel();
    const r = score(m, { ...fullFit, signals: [{ type: 'funding', date: '2024-01-01' }] }, NOW);
    expect(statusOf(r, 'funding')).toBe('fail');
    expect(statusOf(score(m, fullFit, Date.parse('2028-01-01')), 'funding')).toBe('fail');
    expect(statusOf(score(m, fullFit, NOW), 'funding')).toBe('pass');
  });
});

describe('verdicts and tiers', () => {
  it('is not-fit on a failed firmographic must whatever else matches', () => {
    const r = score(makeModel(), { ...fullFit, employees: 10 }, NOW);
    expect(r.verdict).toBe('not-fit');
    expect(r.tier).toBeNull();
    expect(r.blockers).toEqual(['size']);
    expect(r.reasons[0]).toBe('failed must: Size');
  });

  it('is not-fit on any matched hard-no whatever else matches', () => {
    const r = score(makeModel(), { ...fullFit, companyType: 'government' }, NOW);
    expect(r.verdict).toBe('not-fit');
    expect(r.score).toBe(100); // the points still show, but the gate closes
    expect(r.tier).toBeNull();
    expect(r.whatWouldChange).toMatchObject({ target: 'fit', reachable: false, fail: ['not-gov'] });
  });

  it('is needs-data on an unknown must', () => {
    const { employees: _, ...rest } = fullFit;
    const r = score(makeModel(), rest, NOW);
    expect(r.verdict).toBe('needs-data');
    expect(r.tier).toBeNull();
    expect(r.whatWouldChange!.unknown).toContain('size');
  });

  it('is needs-data when confidence is under the model minimum', () => {
    const m = makeModel({ gate: { minConfidence: 0.9, minScore: 0 } });
    const r = score(m, { employees: 300, companyType: 'private' }, NOW);
    expect(r.confidence).toBeLessThan(0.9);
    expect(r.verdict).toBe('needs-data');
  });

  it('is not-fit below the gate minimum score', () => {
    const m = makeModel({ gate: { minConfidence: 0, minScore: 60 } });
    const r = score(m, { employees: 300, companyType: 'private', industry: 'Retail', technologies: ['Snowflake'], signals: [] }, NOW);
    expect(r.score).toBe(15);
    expect(r.verdict).toBe('not-fit');
    expect(r.whatWouldChange).toMatchObject({ target: 'fit', pointsNeeded: 45 });
  });

  it('assigns tiers by score among fits', () => {
    const m = makeModel();
    expect(score(m, fullFit, NOW).tier).toBe('A');
    expect(score(m, { ...fullFit, technologies: ['Salesforce'], signals: [] }, NOW)).toMatchObject({ tier: 'B', verdict: 'fit' });
    expect(score(m, { ...fullFit, industry: 'Retail', technologies: [], signals: [] }, NOW)).toMatchObject({ tier: 'C', score: 0 });
  });

  it('says which unknowns would lift the account to the next tier, biggest first', () => {
    const m = makeModel();
    const r = score(m, { employees: 300, companyType: 'private', industry: 'Software Development' }, NOW);
    expect(r.tier).toBe('B');
    expect(r.whatWouldChange).toEqual({ target: 'A', pointsNeeded: 20, unknown: ['funding'], fail: [], reachable: true });
    const top = score(m, fullFit, NOW);
    expect(top.whatWouldChange).toBeNull();
  });

  it('falls back to fails when unknowns are not enough', () => {
    const m = makeModel();
    const r = score(m, { employees: 300, companyType: 'private', industry: 'Software Development', technologies: [], signals: [] }, NOW);
    expect(r.whatWouldChange).toMatchObject({ target: 'A', pointsNeeded: 20, unknown: [], fail: ['funding'], reachable: true });
  });
});

describe('segments and several models', () => {
  it('names the segment the company falls into with its evidence', () => {
    const r = score(DEFAULT_MODEL, { subIndustry: 'Credit Unions', industry: 'Financial Services' }, NOW);
    expect(r.segment).toMatchObject({ id: 'credit-unions', evidence: { nrr: 1.28, logoRetention: 0.94, n: 420 } });
    expect(score(DEFAULT_MODEL, { industry: 'Retail' }, NOW).segment).toBeNull();
  });

  it('returns the best match across active models', () => {
    const models = [DEFAULT_MODEL, PLG_MODEL].map(compileModel);
    const small: FactValues = {
      employees: { min: 11, max: 50 },
      hqCountry: 'US',
      industry: 'Software Development',
      fundingStage: 'seed',
      technologies: ['Slack', 'Segment'],
      signals: [{ type: 'product-activation', date: '2026-11-20' }],
    };
    const { best, results } = scoreBest(models, small, NOW);
    expect(results).toHaveLength(2);
    expect(results[0].verdict).toBe('not-fit'); // too small for sales-led
    expect(best.modelId).toBe('plg-self-serve');
    expect(best.verdict).toBe('fit');
  });
});
