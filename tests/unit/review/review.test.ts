import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReview } from '../../../cli/review';
import { writeCsv } from '../../../lib/builder/csv';
import type { OutcomeRecord } from '../../../lib/builder/types';
import type { IcpModel } from '../../../lib/model/schema';
import { checkModel } from '../../../lib/model/validate';
import { exceptionsToCsv, parseExceptionsCsv, type ExceptionRecord } from '../../../lib/review/exceptions';
import { quartersBetween } from '../../../lib/review/quarters';
import { computeReview } from '../../../lib/review/review';
import { captureIo } from '../builder/helpers';

function model(version: number, industries: string[]): IcpModel {
  const check = checkModel({
    format: 'icp-fit/model@1',
    id: 'team',
    name: 'Team ICP',
    version,
    updatedAt: '2025-01-01T00:00:00Z',
    dimensions: { firmographic: 1, technographic: 0, behavioural: 0, relationship: 0 },
    criteria: [
      { id: 'industry', dimension: 'firmographic', label: 'Industry', field: 'industry', op: 'in', value: industries, kind: 'must' },
      { id: 'size', dimension: 'firmographic', label: '200+ employees', field: 'employees', op: 'gte', value: 200, kind: 'score', points: 10 },
    ],
    tiers: [
      { id: 'A', label: 'Tier A', minScore: 50 },
      { id: 'B', label: 'Tier B', minScore: 0 },
    ],
    gate: { minConfidence: 0, minScore: 0 },
    segments: [{ id: 'software', label: 'Software', when: [{ field: 'industry', op: 'in', value: ['Software Development'] }], evidence: { n: 10 } }],
  });
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.model;
}

let n = 0;
/** A deal of its own account (or of `account`), won by default, at 1,000 ARR. */
function deal(industry: string, closeDate: string, partial: Partial<OutcomeRecord> = {}): OutcomeRecord {
  const i = ++n;
  return {
    line: i + 1,
    facts: { name: `Co ${i}`, domain: `co${i}.example.com`, industry, employees: 500 },
    stage: 'won',
    closeDate,
    initialArr: 1000,
    currentArr: 1000,
    account: `domain:co${i}.example.com`,
    ...partial,
  };
}
const many = (count: number, make: () => OutcomeRecord) => Array.from({ length: count }, make);

describe('quarters', () => {
  it('lists every quarter between two dates, empty ones included', () => {
    expect(quartersBetween('2025-02-10', '2025-11-30')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(quartersBetween('2024-12-31', '2025-01-01')).toEqual(['2024-Q4', '2025-Q1']);
  });
});

describe('drift per quarter', () => {
  // Q1: 20 in-ICP wins, 2 outside. Q3: 10 in, 15 outside (planted drift). Q2: nothing won.
  const records = [
    ...many(20, () => deal('Software Development', '2025-02-01')),
    ...many(2, () => deal('Retail', '2025-03-01', { initialArr: 3000 })),
    ...many(4, () => deal('Software Development', '2025-05-01', { stage: 'lost' })),
    ...many(10, () => deal('Software Development', '2025-08-01')),
    ...many(15, () => deal('Retail', '2025-09-01')),
  ];
  const review = computeReview({ records, models: [{ model: model(1, ['Software Development']) }], now: '2025-09-30' });

  it('gives the share of won deals and of won ARR outside the ICP', () => {
    expect(review.quarters.map((q) => [q.quarter, q.won, q.wonOutsideIcp, q.driftShare])).toEqual([
      ['2025-Q1', 22, 2, round(2 / 22)],
      ['2025-Q2', 0, 0, null],
      ['2025-Q3', 25, 15, 0.6],
    ]);
    expect(review.quarters[0]).toMatchObject({ wonArr: 26000, wonArrOutsideIcp: 6000, arrDriftShare: round(6000 / 26000), wonNotFit: 2 });
    expect(review.quarters[1].closed).toBe(4);
  });

  it('says so in the findings', () => {
    expect(review.findings[0]).toMatch(/Drift in 2025-Q3: 60% of won deals .* outside the ICP \(15 not fit, 0 needing data\), against 9% in the quarters before/);
  });

  it('scores each deal with the model version in force on its close date', () => {
    const v2 = model(2, ['Software Development', 'Retail']);
    const r = computeReview({ records, models: [{ model: model(1, ['Software Development']) }, { model: v2, since: '2025-06-15' }], now: '2025-09-30' });
    expect(r.quarters.map((q) => q.driftShare)).toEqual([round(2 / 22), null, 0]);
    expect(r.quarters.map((q) => q.modelVersions)).toEqual([['team v1'], ['team v1', 'team v2'], ['team v2']]);
    expect(r.models.map((m) => [m.version, m.since])).toEqual([[1, null], [2, '2025-06-15']]);
  });

  it('leaves out deals closed after "now"', () => {
    const r = computeReview({ records, models: [{ model: model(1, ['Software Development']) }], now: '2025-06-30' });
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2025-Q1', '2025-Q2']);
  });
});

describe('deal-heavy accounts', () => {
  it('counts the drift in deals but every account figure in accounts', () => {
    const heavy = many(50, () => deal('Retail', '2025-02-01', { account: 'domain:big.example.com', facts: { name: 'Big', domain: 'big.example.com', industry: 'Retail' } }));
    const records = [...heavy, ...many(10, () => deal('Software Development', '2025-02-01'))];
    const r = computeReview({ records, models: [{ model: model(1, ['Software Development']) }], now: '2025-03-31' });
    expect(r.quarters[0]).toMatchObject({ won: 60, wonOutsideIcp: 50, wonAccounts: 11 });
    expect(r.exceptions.groups.outsideUnlogged).toMatchObject({ accounts: 1, won: 1, deals: 50 });
    expect(r.byTier.find((t) => t.group === 'not-fit')).toMatchObject({ accounts: 1 });
  });
});

describe('exceptions against the ICP', () => {
  const exceptionFor = (r: OutcomeRecord, at = '2025-02-01T10:00:00Z'): ExceptionRecord => ({
    at, user: 'Sam', reason: 'Strategic logo', domain: String(r.facts.domain), company: String(r.facts.name),
    verdict: 'not-fit', score: 0, modelId: 'team', modelVersion: 1,
  });
  // Five advanced Retail accounts, three churned and none expanded; in-ICP accounts all stay and grow 20 %.
  const advanced = [
    ...many(3, () => deal('Retail', '2024-03-01', { churnDate: '2024-12-01', currentArr: 0 })),
    ...many(2, () => deal('Retail', '2024-03-01', { currentArr: 800 })),
  ];
  const inIcp = many(10, () => deal('Software Development', '2024-03-01', { currentArr: 1200 }));
  const unlogged = many(4, () => deal('Retail', '2024-04-01', { stage: 'lost' }));
  const exceptions = [...advanced.map((r) => exceptionFor(r)), { ...exceptionFor(advanced[0]), domain: 'nowhere.example', company: 'Nowhere' }];
  const review = computeReview({
    records: [...advanced, ...inIcp, ...unlogged],
    models: [{ model: model(1, ['Software Development']) }],
    exceptions,
    now: '2025-03-31',
  });

  it('compares retention and NRR of exception accounts with in-ICP accounts', () => {
    expect(review.exceptions).toMatchObject({ logged: 6, matched: 5 });
    expect(review.exceptions.unmatched).toEqual([{ company: 'Nowhere', domain: 'nowhere.example', at: '2025-02-01T10:00:00Z' }]);
    expect(review.exceptions.groups.exceptions).toMatchObject({ accounts: 5, won: 5, logoRetention: 0.4, churned: 3, nrr: round(1600 / 5000) });
    expect(review.exceptions.groups.inIcp).toMatchObject({ accounts: 10, logoRetention: 1, nrr: 1.2 });
    expect(review.exceptions.groups.outsideUnlogged).toMatchObject({ accounts: 4, won: 0, winRate: 0 });
    expect(review.findings.join('\n')).toMatch(/Exceptions: 5 of 6 matched .* logo retention 40% vs 100%, NRR 32% vs 120%/);
  });

  it('counts exceptions by the quarter they were logged, and churn by the quarter it happened', () => {
    expect(review.quarters.find((q) => q.quarter === '2025-Q1')!.exceptions).toBe(6);
    expect(review.quarters.find((q) => q.quarter === '2024-Q4')!.churned).toBe(3);
  });

  it('gives churn and expansion by tier and by the model segment', () => {
    expect(review.byTier.map((t) => t.group)).toEqual(['A', 'B', 'not-fit', 'needs-data']);
    const software = review.bySegment.find((s) => s.group === 'software')!;
    expect(software).toMatchObject({ accounts: 10, churned: 0, nrr: 1.2, expansionShare: 1 });
    expect(review.bySegment.find((s) => s.group === 'other')).toMatchObject({ accounts: 9, churned: 3 });
  });

  it('without a churn column, retention and churn are not in the file, not 100 %', () => {
    const wonLost = [...advanced, ...inIcp].map((r) => ({ ...r, churnDate: undefined, currentArr: undefined, tracks: { churn: false, currentArr: false } }));
    const r = computeReview({ records: wonLost, models: [{ model: model(1, ['Software Development']) }], exceptions, now: '2025-03-31' });
    expect(r.exceptions.groups.exceptions.logoRetention).toBeNull();
    expect(r.exceptions.groups.inIcp.nrr).toBeNull();
    expect(r.quarters.every((q) => q.churned === null)).toBe(true);
    expect(Object.keys(r.notInFile).sort()).toEqual(['annualChurn', 'clv', 'logoRetention', 'nrr']);
  });
});

describe('exception log CSV', () => {
  it('round-trips, and reports a bad row by line and field', () => {
    const rows: ExceptionRecord[] = [
      { at: '2025-02-01T10:00:00Z', user: 'Sam', approver: 'Lee', reason: 'Strategic, "must" win', company: 'Acme', domain: 'acme.com', accountKey: 'li:acme', verdict: 'not-fit', score: 42, tier: 'B', modelId: 'team', modelVersion: 3 },
      { at: '2025-02-02T10:00:00Z', user: 'Kim', reason: 'Pilot', verdict: 'needs-data', score: 10, modelId: 'team', modelVersion: 3 },
    ];
    const csv = exceptionsToCsv(rows);
    expect(parseExceptionsCsv(csv)).toEqual({ exceptions: rows, bad: [], errors: [] });
    const broken = csv.trimEnd() + '\n2025-02-03,Jo,,,,,maybe,50,,team,1,Because\n';
    const parsed = parseExceptionsCsv(broken);
    expect(parsed.exceptions).toHaveLength(2);
    expect(parsed.bad).toEqual([{ line: 4, message: expect.stringMatching(/^verdict: /) }]);
    expect(parseExceptionsCsv('a,b\n1,2\n').errors[0]).toMatch(/no at column/);
  });
});

describe('icp review', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'icp-review-'));
    const header = ['Account Name', 'Website', 'Industry', 'Number of Employees', 'Billing Country', 'Stage', 'Close Date', 'Amount', 'Current ARR', 'Churn Date', 'Company Type', 'Technologies', 'Annual Revenue'];
    // The in-ICP rows carry what the built-in model needs to be confident (ownership, stack, revenue).
    const known = ['Privately Held', 'Salesforce; Snowflake; Slack; Looker', '$50,000,000'];
    const rows: string[][] = [];
    // In the built-in ICP: software companies of 500 in the US. Outside: 20-person companies (drift planted in Q3).
    for (let i = 0; i < 30; i++) rows.push([`Soft ${i}`, `soft${i}.example.com`, 'Software Development', '500', 'United States', 'Closed Won', '2025-02-10', '$20,000', '$24,000', '', ...known]);
    for (let i = 0; i < 3; i++) rows.push([`Tiny ${i}`, `tiny${i}.example.com`, 'Retail', '20', 'United States', 'Closed Won', '2025-02-11', '$5,000', '$0', '2025-06-01', '', '', '']);
    for (let i = 0; i < 20; i++) rows.push([`Small ${i}`, `small${i}.example.com`, 'Retail', '20', 'United States', 'Closed Won', '2025-08-10', '$5,000', '$5,000', '', '', '', '']);
    for (let i = 0; i < 5; i++) rows.push([`Soft Q3 ${i}`, `softq3${i}.example.com`, 'Software Development', '500', 'United States', 'Closed Won', '2025-08-11', '$20,000', '$20,000', '', ...known]);
    // One deal-heavy account: 40 won deals.
    for (let i = 0; i < 40; i++) rows.push(['Heavy Inc.', 'heavy.example.com', 'Retail', '20', 'United States', 'Closed Won', '2025-08-12', '$1,000', '$1,000', '', '', '', '']);
    writeFileSync(join(dir, 'outcomes.csv'), writeCsv(header, rows));
    writeFileSync(
      join(dir, 'exceptions.csv'),
      exceptionsToCsv([
        { at: '2025-02-09T09:00:00Z', user: 'Sam', reason: 'Board intro', company: 'Tiny 0', domain: 'tiny0.example.com', verdict: 'not-fit', score: 12, modelId: 'b2b-saas-sales-led', modelVersion: 1 },
      ]) + '2025-02-09,Sam,,,,,not-fit,not a score,,m,1,Why\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json has quarters with won, wonOutsideIcp and driftShare under the built-in model', async () => {
    const io = captureIo();
    const code = await runReview([join(dir, 'outcomes.csv'), '--exceptions', join(dir, 'exceptions.csv'), '--now', '2025-09-30', '--json'], io);
    expect(code).toBe(0);
    const r = JSON.parse(io.out);
    expect(r.format).toBe('icp-fit/review@1');
    const q1 = r.quarters.find((q: { quarter: string }) => q.quarter === '2025-Q1');
    const q3 = r.quarters.find((q: { quarter: string }) => q.quarter === '2025-Q3');
    expect(q1).toMatchObject({ won: 33, wonOutsideIcp: 3 });
    expect(q3).toMatchObject({ won: 65, wonOutsideIcp: 60, wonAccounts: 26 });
    expect(q3.driftShare).toBeGreaterThan(q1.driftShare * 5);
    expect(r.exceptions).toMatchObject({ logged: 1, matched: 1 });
    expect(r.exceptions.groups.exceptions).toMatchObject({ accounts: 1, logoRetention: 0 });
    expect(r.models[0]).toMatchObject({ id: 'b2b-saas-sales-led' });
    expect(io.err).toMatch(/exceptions\.csv:3: bad exception, left out: score: /);
  });

  it('prints tables without --json', async () => {
    const io = captureIo();
    expect(await runReview([join(dir, 'outcomes.csv'), '--now', '2025-09-30'], io)).toBe(0);
    expect(io.out).toMatch(/^Quarterly review as of 2025-09-30/);
    expect(io.out).toMatch(/2025-Q3\s+65\s+60\s+92%/);
  });
});

function round(x: number) {
  return Math.round(x * 1000) / 1000;
}
