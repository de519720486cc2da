import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../../cli/backtest';
import { runDerive } from '../../../cli/derive';
import { accountKeyOf, groupByAccount, nameKey } from '../../../lib/builder/accounts';
import { evaluateModel } from '../../../lib/builder/backtest';
import { computeMetrics } from '../../../lib/builder/metrics';
import { parseOutcomesCsv } from '../../../lib/builder/outcomes';
import { checkInSample, derivedFromOf } from '../../../lib/builder/provenance';
import { analyseSegments } from '../../../lib/builder/segments';
import { generateDealHeavyOutcomes, rowsToCsv, seededRandom, syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import type { OutcomeRecord } from '../../../lib/builder/types';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { checkModel } from '../../../lib/model/validate';
import { captureIo, rec } from './helpers';

const asOf = '2024-01-01';

describe('account identity', () => {
  it('takes the account id, else the domain, else the name', () => {
    expect(accountKeyOf({ accountId: ' 001XYZ ', domain: 'acme.com', name: 'Acme' })).toBe('id:001xyz');
    expect(accountKeyOf({ domain: 'WWW.Acme.com', name: 'Acme' })).toBe('domain:acme.com');
    expect(accountKeyOf({ name: 'Acme, Inc.' })).toBe('name:acme');
    expect(accountKeyOf({ name: ' ' })).toBeUndefined();
  });
  it('reads "Acme, Inc.", "ACME Inc" and "acme" as one name, but not "Acme Labs"', () => {
    expect(new Set(['Acme, Inc.', 'ACME Inc', 'acme', 'Acme Ltd.', 'Acme Corp'].map(nameKey)).size).toBe(1);
    expect(nameKey('Acme Labs')).not.toBe(nameKey('Acme'));
  });
  it('reads an account id column from an outcomes CSV', () => {
    const csv = 'Account ID,Account Name,Stage,Close Date,Amount\nA1,Acme,Closed Won,2023-01-01,100\nA1,Acme Renamed,Closed Won,2023-02-01,50\n';
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.records.map((r) => r.account)).toEqual(['id:a1', 'id:a1']);
    expect(computeMetrics(parsed.records, { asOf }).n).toBe(1);
  });
});

describe('grouping deals into accounts', () => {
  const deal = (account: string, partial: Partial<OutcomeRecord> = {}) => rec({ account, ...partial });

  it('counts an account with 105 won deals as one won account', () => {
    const records = Array.from({ length: 105 }, () => deal('name:big'));
    const m = computeMetrics(records, { asOf });
    expect([m.n, m.won, m.deals.closed, m.deals.won, m.deals.maxPerAccount]).toEqual([1, 1, 105, 105, 105]);
  });

  it('makes such an account a small sample, not a segment that passes the 20-won-accounts guard', () => {
    const heavy = Array.from({ length: 105 }, () => deal('name:big', { facts: { subIndustry: 'Credit Unions' } }));
    const others = Array.from({ length: 60 }, (_, i) => deal(`name:o${i}`, { facts: { subIndustry: 'Banking' }, stage: i % 2 ? 'won' : 'lost' }));
    const { segments } = analyseSegments([...heavy, ...others], { asOf });
    const cu = segments.find((s) => s.key === 'subIndustry=Credit Unions')!;
    expect(cu.metrics.n).toBe(1);
    expect(cu.flags).toEqual(['small-sample']);
  });

  it('is a customer from its first won deal; churned only when every won deal churned; ARR summed', () => {
    const [a] = groupByAccount([
      deal('x', { closeDate: '2022-03-01', initialArr: 100, currentArr: 150 }),
      deal('x', { closeDate: '2021-06-01', initialArr: 50, churnDate: '2022-01-01' }),
      deal('x', { stage: 'lost', closeDate: '2023-01-01', initialArr: 70 }),
    ]);
    expect(a).toMatchObject({ stage: 'won', closeDate: '2021-06-01', initialArr: 150, currentArr: 150, deals: { won: 2, lost: 1, open: 0 } });
    expect(a.churnDate).toBeUndefined();
    const [b] = groupByAccount([deal('y', { churnDate: '2022-05-01' }), deal('y', { churnDate: '2023-05-01' })]);
    expect(b.churnDate).toBe('2023-05-01');
  });

  it('is idempotent, and a row without an account is an account of its own', () => {
    const records = [deal('a'), deal('a', { stage: 'lost' }), rec(), rec()];
    const once = groupByAccount(records);
    expect(once).toHaveLength(3);
    expect(groupByAccount(once)).toEqual(once);
  });

  it('property: adding deals to existing accounts never changes the account counts', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 20; trial++) {
      const base = Array.from({ length: 40 }, (_, i) => deal(`a${i}`, { stage: random() < 0.5 ? 'won' : 'lost' }));
      const before = computeMetrics(base, { asOf });
      // Extra lost deals for accounts already won or lost, and extra won deals for accounts already won.
      const extra = base.flatMap((r) =>
        Array.from({ length: Math.floor(random() * 30) }, () => deal(r.account!, { stage: r.stage === 'won' && random() < 0.7 ? 'won' : 'lost' })),
      );
      const after = computeMetrics([...base, ...extra], { asOf });
      expect([after.n, after.won, after.lost]).toEqual([before.n, before.won, before.lost]);
      expect(after.deals.closed).toBe(base.length + extra.length);
    }
  });

  it('gives the win rate an interval in accounts: wide for a few deal-heavy accounts', () => {
    const heavy = Array.from({ length: 5 }, (_, a) =>
      Array.from({ length: 200 }, (_, i) => deal(`h${a}`, { stage: i < (a + 1) * 30 ? 'won' : 'lost' })),
    ).flat();
    const m = computeMetrics(heavy, { asOf });
    const i = m.winRateInterval!;
    expect(m.n).toBe(5);
    // 1,000 independent deals would give about ±3 points; five accounts cannot.
    expect(i.high - i.low).toBeGreaterThan(0.15);
  });
});

describe('metrics whose columns are missing', () => {
  const wonLostOnly = 'Account Name,Stage,Close Date,Amount\n' + Array.from({ length: 30 }, (_, i) => `Co ${i},${i % 3 ? 'Won' : 'Lost'},2023-01-${String((i % 28) + 1).padStart(2, '0')},1000`).join('\n');

  it('are "not in this file", never 100 %', () => {
    const parsed = parseOutcomesCsv(wonLostOnly);
    const m = computeMetrics(parsed.records, { asOf });
    expect(m.logoRetention).toBeNull();
    expect(m.nrr).toBeNull();
    expect(m.clv).toBeNull();
    expect(m.annualChurn).toBeNull();
    expect(m.notInFile.sort()).toEqual(['annualChurn', 'clv', 'logoRetention', 'nrr']);
    expect(m.winRate).toBeCloseTo(20 / 30, 12);
  });

  it('NRR without retention when the file has current ARR but no churn date', () => {
    const csv = 'Account Name,Stage,Close Date,Amount,Current ARR\nA,Won,2023-01-01,100,130\nB,Won,2023-01-01,100,90\n';
    const m = computeMetrics(parseOutcomesCsv(csv).records, { asOf });
    expect(m.nrr).toBeCloseTo(1.1, 12);
    expect(m.logoRetention).toBeNull();
    expect(m.notInFile).not.toContain('nrr');
  });

  it('a churn column with no churn in it is measured: retention 100 % is then a finding', () => {
    const csv = 'Account Name,Stage,Close Date,Amount,Churn Date\nA,Won,2023-01-01,100,\nB,Won,2023-01-01,100,\n';
    const m = computeMetrics(parseOutcomesCsv(csv).records, { asOf });
    expect(m.logoRetention).toBe(1);
  });
});

describe('win rate on its own', () => {
  const build = (retention: boolean) => {
    const rows: OutcomeRecord[] = [];
    let i = 0;
    const add = (sub: string, won: boolean, churned: boolean) =>
      rows.push(
        rec({
          account: `a${i++}`,
          facts: { subIndustry: sub },
          stage: won ? 'won' : 'lost',
          ...(churned ? { churnDate: '2023-01-01' } : {}),
          tracks: { churn: retention, currentArr: retention },
        }),
      );
    // Insurance wins 80 % of 100 accounts; the rest win 30 %. With retention: Insurance churns half its customers.
    for (let k = 0; k < 100; k++) add('Insurance', k < 80, retention && k < 40);
    for (let k = 0; k < 300; k++) add('Banking', k < 90, false);
    return analyseSegments(rows, { asOf });
  };

  it('flags a segment that stands out on win rate alone when retention is not in the file', () => {
    const s = build(false).segments.find((x) => x.key === 'subIndustry=Insurance')!;
    expect(s.flags).toContain('high-win-rate');
    expect(s.flags).not.toContain('accidental-icp');
    const banking = build(false).segments.find((x) => x.key === 'subIndustry=Banking')!;
    expect(banking.flags).toContain('low-win-rate');
  });

  it('calls it an accidental ICP when retention is known and low', () => {
    const s = build(true).segments.find((x) => x.key === 'subIndustry=Insurance')!;
    expect(s.flags).toEqual(expect.arrayContaining(['high-win-rate', 'low-retention', 'accidental-icp']));
  });
});

describe('icp derive and backtest on deal-heavy, won/lost-only exports', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'icp-accounts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('85 accounts, 8,800 deals: exits 0, writes the report saying nothing stands out and why, and no model', async () => {
    const file = join(dir, 'crm.csv');
    writeFileSync(file, rowsToCsv(generateDealHeavyOutcomes({ seed: 21 })));
    const io = captureIo();
    const code = await runDerive([file, '--map', 'close_value=initialArr', '--out', join(dir, 'crm-model.json'), '--report', join(dir, 'crm-report.json')], io);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'crm-model.json'))).toBe(false);
    const r = JSON.parse(readFileSync(join(dir, 'crm-report.json'), 'utf8'));
    expect(r.input).toMatchObject({ rows: 8800, closed: 8800, accounts: 85 });
    expect(r.baseline).toMatchObject({ n: 85, logoRetention: null, nrr: null, clv: null });
    expect(r.baseline.deals.closed).toBe(8800);
    expect(r.baseline.notInFile.nrr).toMatch(/not in this file/);
    expect(r.proposal).toBeNull();
    expect(r.standsOut).toBe(0);
    expect(r.findings.join('\n')).toMatch(/Nothing stands out: /);
    for (const s of r.segments) {
      expect(s.n).toBeLessThanOrEqual(85);
      expect(s.logoRetention).toBeNull();
    }
    expect(io.err).toMatch(/no model proposed/);
  });

  it('stands out on win rate alone when enough accounts differ, and still proposes no criterion from it', async () => {
    const file = join(dir, 'crm-big.csv');
    writeFileSync(file, rowsToCsv(generateDealHeavyOutcomes({ seed: 4, accounts: 600, deals: 6000, sectorWinRates: { Retail: 0.9 }, baseWinRate: 0.5 })));
    const io = captureIo();
    expect(await runDerive([file, '--map', 'close_value=initialArr', '--report', join(dir, 'big.json')], io)).toBe(0);
    const r = JSON.parse(readFileSync(join(dir, 'big.json'), 'utf8'));
    const retail = r.segments.find((s: { field: string; value: string }) => s.field === 'industry' && s.value === 'Retail');
    expect(retail.flags).toContain('high-win-rate');
    expect(r.findings.join('\n')).toMatch(/Retail.*stands out on win rate alone \(retention not in this file\)/);
    // Win rate alone is secondary evidence (the accidental-ICP trap): it is reported, not turned into points.
    expect(r.proposal).toBeNull();
  });

  it('records what the model was derived from, and backtest warns on those accounts but not on new ones', async () => {
    const file = join(dir, 'outcomes.csv');
    writeFileSync(file, syntheticOutcomesCsv({ seed: 8, deals: 2000 }));
    const model = join(dir, 'model.json');
    expect(await runDerive([file, '--out', model], captureIo())).toBe(0);
    const m = JSON.parse(readFileSync(model, 'utf8'));
    expect(checkModel(m).ok).toBe(true);
    expect(m.derivedFrom).toMatchObject({ file: 'outcomes.csv' });
    expect(m.derivedFrom.sha256).toMatch(/^[0-9a-f]{64}$/);

    const same = captureIo();
    expect(await runBacktest(['--model', model, file, '--json'], same)).toBe(0);
    expect(same.err).toMatch(/warning: this is the file the model was derived from.*100% of the test accounts/);
    expect(JSON.parse(same.out).inSample).toMatchObject({ sameFile: true, share: 1 });

    // New accounts (other names and domains): no warning.
    const fresh = join(dir, 'fresh.csv');
    writeFileSync(fresh, syntheticOutcomesCsv({ seed: 9, deals: 500 }).replace(/company(\d+)\.example/g, 'fresh$1.example').replace(/ Co (\d+)/g, ' Fresh $1'));
    const other = captureIo();
    expect(await runBacktest(['--model', model, fresh, '--json'], other)).toBe(0);
    expect(other.err).not.toMatch(/warning/);
    expect(JSON.parse(other.out).inSample.derivedOn).toBe(0);
  });

  it('the sketch keeps a sample when there are more accounts than it holds, and still estimates the overlap', () => {
    const records = Array.from({ length: 10000 }, (_, i) => rec({ account: `name:a${i}` }));
    const from = derivedFromOf(records);
    expect(from.accounts).toBe(10000);
    expect(from.accountHashes.length).toBe(8 * 4096);
    const half = [...records.slice(0, 5000), ...Array.from({ length: 5000 }, (_, i) => rec({ account: `name:new${i}` }))];
    const check = checkInSample(from, half);
    expect(check.share!).toBeGreaterThan(0.4);
    expect(check.share!).toBeLessThan(0.6);
  });

  it('a model without derivedFrom (the built-in one) gives no warning', () => {
    const e = evaluateModel(DEFAULT_MODEL, [rec({ account: 'a' })], { asOf });
    expect(e.inSample.warning).toBeUndefined();
  });
});
