import { describe, expect, it } from 'vitest';
import { headcountBand } from '../../../lib/builder/bands';
import { salesRegion } from '../../../lib/builder/regions';
import { analyseSegments, candidateSegments, segmentMatcher } from '../../../lib/builder/segments';
import { isFactName } from '../../../lib/facts/vocabulary';
import { group } from './helpers';

const asOf = '2024-01-01';

/** Three sub-industries with known outcomes, and Snowflake users who expand. */
function table() {
  const fs = (sub: string, tech: string[] = []) => ({ industry: 'Financial Services', subIndustry: sub, technologies: tech });
  return [
    // Insurance: wins 80 %, half the customers churn, no expansion.
    ...group(50, { won: 40, churned: 20, facts: fs('Insurance', ['Slack']) }),
    // Credit unions: wins 30 %, no churn, Snowflake users grow ×1.6.
    ...group(50, { won: 15, facts: fs('Credit Unions', ['Snowflake']), ratio: () => 1.6 }),
    ...group(50, { won: 15, facts: fs('Credit Unions', ['Slack']), ratio: () => 1.1 }),
    // Banking: wins 30 %, 10 % churn, flat.
    ...group(100, { won: 30, churned: 3, facts: fs('Banking', ['Slack']) }),
  ];
}

describe('analyseSegments', () => {
  const result = analyseSegments(table(), { asOf, thresholds: { minWon: 10 } });
  const seg = (key: string) => result.segments.find((s) => s.key === key)!;

  it('measures the baseline over every closed deal', () => {
    expect(result.baseline).toMatchObject({ n: 250, won: 100, churned: 23 });
    expect(result.baseline.winRate).toBeCloseTo(0.4, 12);
  });

  it('flags the accidental ICP: high win rate, poor retention', () => {
    const insurance = seg('subIndustry=Insurance');
    expect(insurance.metrics.winRate).toBeCloseTo(0.8, 12);
    expect(insurance.metrics.logoRetention).toBeCloseTo(0.5, 12);
    expect(insurance.flags).toEqual(expect.arrayContaining(['accidental-icp', 'low-retention', 'low-nrr']));
  });

  it('flags high NRR and technologies that drive expansion', () => {
    const cu = seg('subIndustry=Credit Unions');
    expect(cu.metrics.nrr).toBeCloseTo((15 * 1.6 + 15 * 1.1) / 30, 12);
    expect(cu.flags).toContain('high-nrr');
    expect(cu.flags).not.toContain('accidental-icp');
    const snowflake = seg('technology=Snowflake');
    expect(snowflake.flags).toContain('expansion-driver');
    expect(snowflake.nrrWithout).toBeLessThan(1);
    expect(seg('technology=Slack').flags).not.toContain('expansion-driver');
  });

  it('reports lift against the baseline', () => {
    const cu = seg('subIndustry=Credit Unions');
    expect(cu.lift.nrr).toBeCloseTo(cu.metrics.nrr! / result.baseline.nrr! - 1, 12);
    expect(cu.lift.winRate).toBeCloseTo(0.3 - 0.4, 12);
  });

  it('uses fact-vocabulary fields, and "a+b" for pairs', () => {
    for (const s of result.segments) for (const f of s.fields) expect(isFactName(f)).toBe(true);
    const pair = result.segments.find((s) => s.kind === 'pair')!;
    expect(pair.field).toMatch(/^\w+\+\w+$/);
    expect(pair.fields).toHaveLength(2);
    expect(pair.when).toHaveLength(2);
  });

  it('marks segments under the minimum sample and flags nothing else on them', () => {
    const small = analyseSegments(table(), { asOf, thresholds: { minWon: 35 } });
    const insurance = small.segments.find((s) => s.key === 'subIndustry=Insurance')!;
    const cu = small.segments.find((s) => s.key === 'subIndustry=Credit Unions')!;
    expect(insurance.flags).toContain('accidental-icp');
    expect(cu.flags).toEqual(['small-sample']);
  });

  it('computes TAM from matching prospects', () => {
    const prospects = [{ subIndustry: 'Credit Unions' }, { subIndustry: 'Credit Unions' }, { subIndustry: 'Banking' }];
    const withTam = analyseSegments(table(), { asOf, prospects, thresholds: { minWon: 10 } });
    const cu = withTam.segments.find((s) => s.key === 'subIndustry=Credit Unions')!;
    expect(cu.metrics.prospects).toBe(2);
    expect(cu.metrics.tam).toBe(200); // average selling price 100 × 2
    expect(withTam.baseline.tam).toBe(300);
  });
});

describe('ranking', () => {
  it('puts 400 accounts at 125 % NRR above 6 accounts at 140 %', () => {
    const records = [
      ...group(6, { won: 6, facts: { subIndustry: 'Tiny' }, ratio: (i) => [0.6, 2.2, 1.0, 1.8, 1.2, 1.6][i] }),
      ...group(400, { won: 400, facts: { subIndustry: 'Big' }, ratio: (i) => (i % 2 ? 1.2 : 1.3) }),
    ];
    const result = analyseSegments(records, { asOf, thresholds: { minWon: 5 } });
    const subs = result.segments.filter((s) => s.kind === 'subIndustry');
    expect(subs.map((s) => s.value)).toEqual(['Big', 'Tiny']);
    expect(subs[1].metrics.nrr).toBeCloseTo(1.4, 12);
    expect(subs[0].metrics.nrr).toBeCloseTo(1.25, 12);
  });
  it('puts small samples last whatever their figures', () => {
    const records = [
      ...group(6, { won: 6, facts: { subIndustry: 'Tiny' }, ratio: () => 3 }),
      ...group(40, { won: 40, facts: { subIndustry: 'Big' } }),
    ];
    const subs = analyseSegments(records, { asOf }).segments.filter((s) => s.kind === 'subIndustry');
    // Big even sits below the baseline (which Tiny lifts): data beats a tiny sample's shine.
    expect(subs.map((s) => s.value)).toEqual(['Big', 'Tiny']);
    expect(subs[0].flags).toEqual(['low-nrr']);
    expect(subs[1].flags).toEqual(['small-sample']);
  });
});

describe('candidate segments', () => {
  it('cuts by industry, sub-industry, LinkedIn band, country, region and technology', () => {
    const records = group(2, {
      won: 1,
      facts: { industry: 'Software Development', subIndustry: 'SaaS', employees: 300, hqCountry: 'DE', technologies: ['HubSpot'] },
    });
    const keys = candidateSegments(records, []).map((s) => s.key);
    expect(keys).toEqual([
      'industry=Software Development',
      'subIndustry=SaaS',
      'employees=201-500',
      'hqCountry=DE',
      'region=EMEA',
      'technology=HubSpot',
    ]);
  });
  it('matches members through the engine conditions (case-insensitive lists, bands)', () => {
    const [, , band, , region, tech] = candidateSegments(
      group(1, { won: 1, facts: { employees: 300, hqCountry: 'DE', technologies: ['HubSpot'], industry: 'X', subIndustry: 'Y' } }),
      [],
    );
    expect(segmentMatcher(band.when)({ employees: { min: 201, max: 500 } })).toBe(true);
    expect(segmentMatcher(band.when)({ employees: { min: 51, max: 500 } })).toBe(false);
    expect(segmentMatcher(region.when)({ hqCountry: 'FR' })).toBe(true);
    expect(segmentMatcher(tech.when)({ technologies: ['hubspot'] })).toBe(true);
    expect(segmentMatcher(tech.when)({})).toBe(false);
  });
  it('bands and regions', () => {
    expect(headcountBand(1)).toEqual({ min: 0, max: 1 });
    expect(headcountBand(10001)).toEqual({ min: 10001 });
    expect(headcountBand({ min: 1001, max: 5000 })).toEqual({ min: 1001, max: 5000 });
    expect(headcountBand({ min: 100, max: 300 })).toBeUndefined();
    expect(salesRegion('BR')).toBe('Latin America');
    expect(salesRegion('ZZ')).toBeUndefined();
  });
});
