import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../../cli/backtest';
import { UsageError } from '../../../cli/common';
import { runDerive } from '../../../cli/derive';
import { generateProspects, rowsToCsv, syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import { isFactName } from '../../../lib/facts/vocabulary';
import { checkModel } from '../../../lib/model/validate';
import { captureIo } from './helpers';

let dir: string;
let outcomes: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-builder-'));
  outcomes = join(dir, 'outcomes.csv');
  writeFileSync(outcomes, syntheticOutcomesCsv({ seed: 42 }));
  writeFileSync(join(dir, 'prospects.csv'), rowsToCsv(generateProspects({ accounts: 300 })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('icp derive', () => {
  it('writes a valid model and a report with segments and flags', async () => {
    const io = captureIo();
    const model = join(dir, 'model.json');
    const report = join(dir, 'report.json');
    const code = await runDerive([outcomes, '--prospects', join(dir, 'prospects.csv'), '--out', model, '--report', report], io);
    expect(code).toBe(0);
    expect(io.err).toMatch(/derived ".*" from \d+ accounts, \d+ closed deals/);
    expect(checkModel(JSON.parse(readFileSync(model, 'utf8'))).ok).toBe(true);

    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.format).toBe('icp-fit/derive-report@1');
    expect(r.input).toMatchObject({ rows: 3000, bad: 0, prospects: 300 });
    for (const s of r.segments) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['field', 'value', 'n', 'winRate', 'logoRetention', 'nrr', 'clv', 'flags']));
      for (const f of s.fields) expect(isFactName(f)).toBe(true);
    }
    const insurance = r.segments.find((s: { field: string; value: string }) => s.field === 'subIndustry' && s.value === 'Insurance');
    expect(insurance.flags).toContain('accidental-icp');
    expect(r.segments.some((s: { field: string }) => s.field === 'subIndustry+employees')).toBe(true);
    expect(r.segments.find((s: { value: string }) => s.value === 'Credit Unions').tam).toBeGreaterThan(0);
    expect(r.backtest.fit.nrr).toBeGreaterThan(r.backtest.notFit.nrr);
    expect(r.proposal.criteria.every((c: { evidence?: unknown }) => c.evidence)).toBe(true);
  });

  it('prints the model to stdout without --out, and lists bad rows by line on stderr', async () => {
    const file = join(dir, 'with-bad.csv');
    const lines = syntheticOutcomesCsv({ seed: 5, deals: 400 }).trimEnd().split('\n');
    lines.splice(3, 0, 'Broken Co,,,,,,,Closed Won,not a date,"$1.00",,,'); // becomes line 4
    writeFileSync(file, `${lines.join('\n')}\n`);
    const io = captureIo();
    expect(await runDerive([file, '--min-won', '10'], io)).toBe(0);
    expect(checkModel(JSON.parse(io.out)).ok).toBe(true);
    expect(io.err).toMatch(/with-bad\.csv:4: bad row, left out: close date "not a date" is not a date/);
    expect(io.err).toMatch(/1 bad rows left out/);
  });

  it('derives on older deals only with --until', async () => {
    const io = captureIo();
    const report = join(dir, 'until.json');
    expect(await runDerive([outcomes, '--until', '2023-06-01', '--out', join(dir, 'old.json'), '--report', report], io)).toBe(0);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.input.until).toBe('2023-06-01');
    expect(r.baseline.n).toBeLessThan(2500);
  });

  it('fails on a file without outcome columns, and on usage errors', async () => {
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, 'Account Name,Industry\nA,Banking\n');
    await expect(runDerive([file], captureIo())).rejects.toThrow(/missing the outcome columns the builder needs: stage \(looked for/);
    await expect(runDerive([], captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(runDerive([outcomes, '--column', 'bogus=X'], captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(runDerive([outcomes, '--until', 'June'], captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(runDerive([join(dir, 'missing.csv')], captureIo())).rejects.toThrow(/cannot read/);
  });
});

describe('icp backtest', () => {
  let model: string;
  beforeAll(async () => {
    model = join(dir, 'bt-model.json');
    await runDerive([outcomes, '--until', '2023-10-01', '--out', model], captureIo());
  });

  it('--json gives fit and notFit (n, logoRetention, nrr) and per-tier figures', async () => {
    const io = captureIo();
    expect(await runBacktest(['--model', model, outcomes, '--since', '2023-10-01', '--json'], io)).toBe(0);
    const r = JSON.parse(io.out);
    for (const g of [r.fit, r.notFit]) expect(g).toEqual(expect.objectContaining({ n: expect.any(Number), logoRetention: expect.any(Number), nrr: expect.any(Number) }));
    expect(r.fit.nrr).toBeGreaterThan(r.notFit.nrr);
    expect(r.fit.logoRetention).toBeGreaterThan(r.notFit.logoRetention);
    expect(r.test.from >= '2023-10-01').toBe(true);
    expect(r.tiers.length).toBeGreaterThan(1);
    expect(r.tiers[0]).toEqual(expect.objectContaining({ tier: 'A', n: expect.any(Number), nrr: expect.any(Number), expansionShare: expect.any(Number) }));
    expect(r.topTiers.expansionShare).toBeGreaterThan(r.topTiers.accountShare);
  });

  it('prints a table without --json', async () => {
    const io = captureIo();
    expect(await runBacktest(['--model', model, outcomes], io)).toBe(0);
    expect(io.out).toMatch(/^Backtest of ".*" v1 on \d+ accounts, \d+ closed deals/);
    expect(io.out).toMatch(/\nfit +\d+/);
    expect(io.out).toMatch(/\nnot fit +\d+/);
    expect(io.out).toMatch(/tier A/);
    expect(io.out).toMatch(/Top tiers \(A, B\): \d+% of won accounts, \d+% of expansion revenue/);
  });

  it('without --model runs the time split itself', async () => {
    const io = captureIo();
    expect(await runBacktest([outcomes, '--json'], io)).toBe(0);
    const r = JSON.parse(io.out);
    expect(r.model.from).toBe('derived');
    expect(r.cutDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.train.n + r.test.n).toBe(2944);
    expect(r.fit.nrr).toBeGreaterThan(r.notFit.nrr);
  });

  it('rejects mixed options', async () => {
    await expect(runBacktest(['--model', model, '--cut', '2024-01-01', outcomes], captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(runBacktest([outcomes, '--since', '2024-01-01'], captureIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('icp derive on real deal exports', () => {
  it.each(['hubspot-deals', 'salesforce-opportunities-report', 'salesforce-opportunities-dataloader'])(
    '%s: derives a model without hand mapping and prints the mapping',
    async (name) => {
      const io = captureIo();
      const file = fileURLToPath(new URL(`../../fixtures/exports/${name}.csv`, import.meta.url));
      expect(await runDerive([file, '--min-won', '10'], io)).toBe(0);
      const model = JSON.parse(io.out) as { criteria: unknown[] };
      expect(model.criteria.length).toBeGreaterThan(0);
      expect(io.err).toMatch(/column mapping \(looks like: (HubSpot deals|Salesforce opportunities)/);
      expect(io.err).toMatch(/→ stage \(outcome\)  400\/400 rows/);
      expect(io.err).toMatch(/derived ".*" from \d+ accounts, \d{3} closed deals \(0 bad rows left out\)/);
      if (name === 'hubspot-deals') expect(io.err).toMatch(/87654321 ×10 not recognised as won or lost \(read as open\); use --won\/--lost or map them/);
      const quiet = captureIo();
      await runDerive([file, '--quiet', '--won', '87654321'], quiet);
      expect(quiet.err).not.toMatch(/column mapping|not recognised/);
    },
    60_000,
  );
});
