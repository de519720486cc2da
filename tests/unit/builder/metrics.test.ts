import { describe, expect, it } from 'vitest';
import { computeMetrics, currentArrOf, defaultAsOf, expansionOf } from '../../../lib/builder/metrics';
import { rec } from './helpers';

const asOf = '2024-01-01';
const YEAR_DAYS = 365.25;

describe('computeMetrics on a hand-computed table', () => {
  // 3 won (one churned), 2 lost, 1 open.
  const table = [
    rec({ closeDate: '2022-01-01', initialArr: 100, currentArr: 150 }),
    rec({ closeDate: '2022-01-01', initialArr: 100, currentArr: 80, churnDate: '2023-01-01' }),
    rec({ closeDate: '2023-01-01', initialArr: 200, currentArr: 200 }),
    rec({ stage: 'lost', initialArr: 500 }),
    rec({ stage: 'lost', initialArr: undefined }),
    rec({ stage: 'open', closeDate: undefined }),
  ];
  const m = computeMetrics(table, { asOf });

  it('counts closed deals only (open opportunities are not outcomes)', () => {
    expect([m.n, m.won, m.lost, m.churned]).toEqual([5, 3, 2, 1]);
  });
  it('win rate = won / (won + lost)', () => expect(m.winRate).toBeCloseTo(3 / 5, 12));
  it('logo retention = won not churned / won', () => expect(m.logoRetention).toBeCloseTo(2 / 3, 12));
  it('NRR = Σ current / Σ initial of won, a churned account counting 0 whatever its current ARR says', () => {
    expect(m.nrr).toBeCloseTo((150 + 0 + 200) / (100 + 100 + 200), 12);
    expect(m.currentArr).toBe(350);
    expect(m.initialArr).toBe(400);
  });
  it('expansion = growth above initial ARR of retained accounts', () => expect(m.expansionArr).toBe(50));
  it('annual churn from churn events per account-year of tenure', () => {
    const exposure = (730 + 365 + 365) / YEAR_DAYS;
    expect(m.annualChurn).toBeCloseTo(1 - Math.exp(-1 / exposure), 12);
  });
  it('CLV = average initial ARR × gross margin × min(10, 1 / annual churn); margin 1 when unknown', () => {
    const exposure = (730 + 365 + 365) / YEAR_DAYS;
    const churn = 1 - Math.exp(-1 / exposure);
    expect(m.averageSellingPrice).toBeCloseTo(400 / 3, 12);
    expect(m.grossMargin).toBe(1);
    expect(m.expectedLifetimeYears).toBeCloseTo(1 / churn, 12);
    expect(m.clv).toBeCloseTo((400 / 3) * (1 / churn), 9);
  });
  it('has intervals around the proportions', () => {
    expect(m.winRateInterval!.low).toBeLessThan(0.6);
    expect(m.winRateInterval!.high).toBeGreaterThan(0.6);
    expect(m.logoRetentionInterval!.high).toBeGreaterThan(2 / 3);
  });
  it('gives no TAM without prospects', () => {
    expect(m.tam).toBeNull();
    expect(m.prospects).toBeNull();
  });
});

describe('computeMetrics edge cases', () => {
  it('no won deals: win rate 0, and no retention, NRR or CLV', () => {
    const m = computeMetrics([rec({ stage: 'lost' }), rec({ stage: 'lost' })], { asOf });
    expect(m).toMatchObject({ n: 2, won: 0, winRate: 0, logoRetention: null, nrr: null, clv: null, annualChurn: null });
    expect(m.averageSellingPrice).toBeNull();
  });
  it('nothing at all: every rate is null', () => {
    const m = computeMetrics([], { asOf });
    expect(m).toMatchObject({ n: 0, winRate: null, logoRetention: null, nrr: null, clv: null, tam: null });
  });
  it('all churned: retention 0, NRR 0, lifetime 1 / annual churn', () => {
    const m = computeMetrics(
      [
        rec({ closeDate: '2022-01-01', churnDate: '2023-01-01', initialArr: 100 }),
        rec({ closeDate: '2022-01-01', churnDate: '2022-07-02', initialArr: 300 }),
      ],
      { asOf },
    );
    expect(m.logoRetention).toBe(0);
    expect(m.nrr).toBe(0);
    expect(m.expansionArr).toBe(0);
    const exposure = (365 + 182) / YEAR_DAYS;
    const churn = 1 - Math.exp(-2 / exposure);
    expect(m.annualChurn).toBeCloseTo(churn, 12);
    expect(m.clv).toBeCloseTo(200 * (1 / churn), 9);
  });
  it('zero initial ARR: NRR has no denominator, the CLV is 0', () => {
    const m = computeMetrics([rec({ initialArr: 0, currentArr: 50 })], { asOf });
    expect(m.nrr).toBeNull();
    expect(m.nrrInterval).toBeNull();
    expect(m.expansionArr).toBe(50);
    expect(m.clv).toBe(0);
  });
  it('no churn: lifetime capped (10 years by default, or as asked)', () => {
    const rows = [rec({ initialArr: 100, grossMargin: 0.5 }), rec({ initialArr: 300, grossMargin: 0.7 })];
    const m = computeMetrics(rows, { asOf });
    expect(m.annualChurn).toBe(0);
    expect(m.grossMargin).toBeCloseTo(0.6, 12);
    expect(m.clv).toBeCloseTo(200 * 0.6 * 10, 9);
    expect(computeMetrics(rows, { asOf, lifetimeCapYears: 5 }).clv).toBeCloseTo(200 * 0.6 * 5, 9);
  });
  it('a churn rate so low that 1 / churn passes the cap is capped too', () => {
    const rows = [rec({ closeDate: '2000-01-01', churnDate: '2023-12-31' }), ...Array.from({ length: 9 }, () => rec({ closeDate: '2000-01-01' }))];
    expect(computeMetrics(rows, { asOf }).expectedLifetimeYears).toBe(10);
  });
  it('TAM = average selling price × matching prospects', () => {
    const m = computeMetrics([rec({ initialArr: 100 }), rec({ initialArr: 300 })], { asOf, prospectCount: 4 });
    expect(m.tam).toBe(800);
    expect(m.prospects).toBe(4);
  });
  it('deals closed on the as-of day: no tenure yet, no churn, lifetime at the cap', () => {
    const m = computeMetrics([rec({ closeDate: asOf })], { asOf });
    expect(m.annualChurn).toBe(0);
    expect(m.clv).toBe(1000);
  });
});

describe('record helpers', () => {
  it('reads current ARR as 0 once churned, and as unchanged when unknown', () => {
    expect(currentArrOf(rec({ currentArr: 90, churnDate: '2023-01-01' }))).toBe(0);
    expect(currentArrOf(rec({ initialArr: 70 }))).toBe(70);
    expect(expansionOf(rec({ initialArr: 100, currentArr: 80 }))).toBe(0);
  });
  it('takes the latest close or churn date as the default as-of', () => {
    expect(defaultAsOf([rec({ closeDate: '2023-05-01' }), rec({ closeDate: '2022-01-01', churnDate: '2024-02-03' })])).toBe('2024-02-03');
  });
});
