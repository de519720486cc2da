import { beforeAll, describe, expect, it } from 'vitest';
import { backtest, defaultCutDate, evaluateModel, timeSplit } from '../../../lib/builder/backtest';
import { derive } from '../../../lib/builder/derive';
import { defaultAsOf } from '../../../lib/builder/metrics';
import { parseOutcomesCsv, parseProspectsCsv } from '../../../lib/builder/outcomes';
import type { SegmentAnalysisResult } from '../../../lib/builder/segments';
import {
  generateOutcomes,
  generateProspects,
  PLANTED,
  rowsToCsv,
  seededRandom,
  syntheticOutcomesCsv,
} from '../../../lib/builder/synthetic';
import type { OutcomeRecord } from '../../../lib/builder/types';
import { checkModel } from '../../../lib/model/validate';

/**
 * End to end on synthetic outcomes with planted effects: CSV in the CRM shape → parse → segments → proposal →
 * backtest. Tolerances allow for sampling noise (3,000 deals, seed 42) but not for a missed effect.
 */
let records: OutcomeRecord[];
let asOf: string;
let analysis: SegmentAnalysisResult;
let proposal: ReturnType<typeof derive>['proposal'];

beforeAll(() => {
  const parsed = parseOutcomesCsv(syntheticOutcomesCsv({ seed: 42 }));
  expect(parsed.errors).toEqual([]);
  expect(parsed.bad).toEqual([]);
  expect(parsed.warnings).toEqual([]);
  records = parsed.records;
  asOf = defaultAsOf(records);
  const prospects = parseProspectsCsv(rowsToCsv(generateProspects({ accounts: 500 }))).accounts;
  ({ analysis, proposal } = derive(records, { asOf, prospects }));
});

const seg = (key: string) => analysis.segments.find((s) => s.key === key)!;

describe('synthetic data', () => {
  it('is deterministic for a seed and written as a CRM exports it', () => {
    expect(syntheticOutcomesCsv({ seed: 1, deals: 50 })).toBe(syntheticOutcomesCsv({ seed: 1, deals: 50 }));
    expect(syntheticOutcomesCsv({ seed: 1, deals: 50 })).not.toBe(syntheticOutcomesCsv({ seed: 2, deals: 50 }));
    const rows = generateOutcomes({ seed: 3, deals: 200 });
    const won = rows.find((r) => r['Opportunity Stage'] === 'Closed Won')!;
    expect(won['Initial ARR']).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(won['Gross Margin']).toMatch(/^\d+%$/);
  });
  it('has a uniform PRNG', () => {
    const random = seededRandom(9);
    const draws = Array.from({ length: 10000 }, random);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});

describe('the analysis recovers the planted effects', () => {
  it('Credit Unions: NRR ≈ 1.3, well above the baseline, ranked first among sub-industries', () => {
    const cu = seg(`subIndustry=${PLANTED.highNrrSubIndustry}`);
    expect(cu.metrics.nrr).toBeGreaterThan(1.2);
    expect(cu.metrics.nrr).toBeLessThan(1.45);
    expect(cu.flags).toContain('high-nrr');
    expect(analysis.segments.filter((s) => s.kind === 'subIndustry')[0].value).toBe(PLANTED.highNrrSubIndustry);
  });

  it('Insurance: win rate ≈ 60 %, churn ≈ 30 %/yr, flagged as the accidental ICP', () => {
    const ins = seg(`subIndustry=${PLANTED.accidentalIcpSubIndustry}`);
    expect(ins.metrics.winRate).toBeGreaterThan(PLANTED.accidentalIcpWinRate - 0.06);
    expect(ins.metrics.winRate).toBeLessThan(PLANTED.accidentalIcpWinRate + 0.06);
    // Planted 30 %/yr, plus the small-company churn for the share of small insurers.
    expect(ins.metrics.annualChurn).toBeGreaterThan(PLANTED.accidentalIcpAnnualChurn - 0.05);
    expect(ins.metrics.annualChurn).toBeLessThan(PLANTED.accidentalIcpAnnualChurn + 0.1);
    expect(ins.flags).toEqual(expect.arrayContaining(['accidental-icp', 'low-retention']));
    const accidental = analysis.segments.filter((s) => s.kind !== 'pair' && s.flags.includes('accidental-icp')).map((s) => s.key);
    expect(accidental).toEqual([`subIndustry=${PLANTED.accidentalIcpSubIndustry}`]);
  });

  it('Snowflake: an expansion driver, NRR ≈ ×1.25 of accounts without it', () => {
    const snow = seg(`technology=${PLANTED.expansionTechnology}`);
    expect(snow.flags).toContain('expansion-driver');
    const ratio = snow.metrics.nrr! / snow.nrrWithout!;
    expect(ratio).toBeGreaterThan(1.12);
    expect(ratio).toBeLessThan(1.4);
    const drivers = analysis.segments.filter((s) => s.flags.includes('expansion-driver')).map((s) => s.value);
    expect(drivers).toEqual([PLANTED.expansionTechnology]);
  });

  it('small companies churn more', () => {
    for (const band of ['2-10', '11-50']) expect(seg(`employees=${band}`).flags).toContain('low-retention');
  });

  it('gives TAM from the prospect list', () => {
    const cu = seg(`subIndustry=${PLANTED.highNrrSubIndustry}`);
    expect(cu.metrics.prospects).toBeGreaterThan(30);
    expect(cu.metrics.tam).toBeCloseTo(cu.metrics.averageSellingPrice! * cu.metrics.prospects!, 6);
  });
});

describe('the proposed model', () => {
  it('passes checkModel, and every criterion carries evidence and a rationale', () => {
    expect(checkModel(JSON.parse(JSON.stringify(proposal.model))).ok).toBe(true);
    for (const c of proposal.model.criteria) {
      expect(c.evidence?.n, c.id).toBeGreaterThan(0);
      expect(c.evidence?.nrr, c.id).toBeTypeOf('number');
      expect(c.evidence?.logoRetention, c.id).toBeTypeOf('number');
      expect(c.evidence?.winRate, c.id).toBeTypeOf('number');
      expect(c.evidence?.clv, c.id).toBeTypeOf('number');
      expect(c.evidence?.lift, c.id).toBeTypeOf('number');
      expect(c.rationale, c.id).toBeTruthy();
    }
  });
  it('excludes the accidental ICP and gates on company size', () => {
    const exclude = proposal.model.criteria.filter((c) => c.kind === 'exclude');
    expect(exclude.map((c) => [c.field, c.op, c.value])).toContainEqual(['subIndustry', 'in', ['Insurance']]);
    const size = proposal.model.criteria.find((c) => c.kind === 'must' && c.field === 'employees');
    expect(size).toMatchObject({ op: 'gte', value: 51 });
  });
  it('scores Credit Unions and Snowflake, most points to the biggest lift', () => {
    const scored = proposal.model.criteria.filter((c) => c.kind === 'score');
    const cu = scored.find((c) => c.field === 'subIndustry' && c.op === 'in' && c.value[0] === 'Credit Unions')!;
    const snow = scored.find((c) => c.field === 'technologies' && c.op === 'anyOf' && c.value[0] === 'Snowflake')!;
    expect(cu.dimension).toBe('firmographic');
    expect(snow.dimension).toBe('technographic');
    expect(cu.points).toBe(Math.max(...scored.map((c) => c.points!)));
    // Points follow the measured lift.
    for (const c of scored) expect(c.points).toBe(Math.max(1, Math.round(100 * c.evidence!.lift!)));
  });
  it('carries segment evidence for the card, most specific first', () => {
    const segments = proposal.model.segments!;
    expect(segments.length).toBeGreaterThan(3);
    expect(segments[0].when.length).toBe(2);
    expect(segments.find((s) => s.label === 'Insurance')!.evidence.note).toMatch(/Accidental ICP/);
  });
  it('has tiers in descending order ending at 0', () => {
    const tiers = proposal.model.tiers;
    expect(tiers.at(-1)!.minScore).toBe(0);
    for (let i = 1; i < tiers.length; i++) expect(tiers[i].minScore).toBeLessThan(tiers[i - 1].minScore);
  });
});

describe('backtest', () => {
  it('splits at the 70th percentile of close dates by default', () => {
    const cut = defaultCutDate(records);
    const { train, test } = timeSplit(records, cut);
    const share = train.length / (train.length + test.length);
    expect(share).toBeGreaterThan(0.68);
    expect(share).toBeLessThan(0.72);
    expect(train.every((r) => r.closeDate! < cut)).toBe(true);
    expect(test.every((r) => r.closeDate! >= cut)).toBe(true);
  });

  it('separates fit from not-fit on newer deals: higher NRR and retention', () => {
    const result = backtest(records, { asOf });
    expect(result.fit.won).toBeGreaterThan(50);
    expect(result.notFit.won).toBeGreaterThan(50);
    expect(result.fit.nrr! - result.notFit.nrr!).toBeGreaterThan(0.15);
    expect(result.fit.logoRetention! - result.notFit.logoRetention!).toBeGreaterThan(0.05);
    expect(result.fit.clv!).toBeGreaterThan(result.notFit.clv!);
    expect(result.train.to! < result.cutDate && result.cutDate <= result.test.from!).toBe(true);
  });

  it('the top tiers capture more expansion revenue than their share of accounts', () => {
    const result = backtest(records, { asOf });
    expect(result.topTiers.expansionShare!).toBeGreaterThan(result.topTiers.accountShare! + 0.15);
    expect(result.tiers[0].nrr!).toBeGreaterThan(result.tiers.at(-1)!.nrr!);
    const shares = [result.fit, result.notFit, result.needsData].reduce((s, g) => s + g.accountShare!, 0);
    expect(shares).toBeCloseTo(1, 9);
  });
});

describe('evaluateModel on a hand-made model and table', () => {
  it('groups by verdict and tier', () => {
    const model = checkModel({
      format: 'icp-fit/model@1',
      id: 'm',
      name: 'M',
      version: 1,
      updatedAt: '2024-01-01T00:00:00Z',
      dimensions: { firmographic: 1, technographic: 0, behavioural: 0, relationship: 0 },
      criteria: [
        { id: 'no-ins', dimension: 'firmographic', label: 'Insurance', field: 'subIndustry', op: 'in', value: ['Insurance'], kind: 'exclude' },
        { id: 'cu', dimension: 'firmographic', label: 'CU', field: 'subIndustry', op: 'in', value: ['Credit Unions'], kind: 'score', points: 10 },
      ],
      tiers: [
        { id: 'A', label: 'A', minScore: 50 },
        { id: 'C', label: 'C', minScore: 0 },
      ],
      gate: { minConfidence: 0, minScore: 0 },
    });
    if (!model.ok) throw new Error(JSON.stringify(model.problems));
    const rows: OutcomeRecord[] = [
      { line: 2, facts: { subIndustry: 'Credit Unions' }, stage: 'won', closeDate: '2023-01-01', initialArr: 100, currentArr: 200 },
      { line: 3, facts: { subIndustry: 'Banking' }, stage: 'won', closeDate: '2023-01-01', initialArr: 100, currentArr: 100 },
      { line: 4, facts: { subIndustry: 'Insurance' }, stage: 'won', closeDate: '2023-01-01', initialArr: 100, churnDate: '2023-06-01' },
      { line: 5, facts: { subIndustry: 'Insurance' }, stage: 'lost', closeDate: '2023-01-01' },
    ];
    const e = evaluateModel(model.model, rows, { asOf: '2024-01-01' });
    expect(e.fit).toMatchObject({ n: 2, won: 2, logoRetention: 1, nrr: 1.5, expansionArr: 100, expansionShare: 1 });
    expect(e.notFit).toMatchObject({ n: 2, won: 1, winRate: 0.5, logoRetention: 0, nrr: 0, expansionShare: 0 });
    expect(e.tiers.map((t) => [t.tier, t.won, t.nrr])).toEqual([
      ['A', 1, 2],
      ['C', 1, 1],
    ]);
    expect(e.topTiers).toEqual({ tiers: ['A'], accountShare: 1 / 3, expansionShare: 1 });
  });
});
