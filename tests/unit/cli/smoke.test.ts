import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import defaultModel from '../../../lib/model/builtin-models/default-model.json';
import { spawnIcp, tempDir } from './run-icp';

/**
 * One run of the real binary (bin/icp.mjs → tsx → cli/main.ts) per command: the launcher, the process's streams and
 * exit code. Everything else about the commands is tested in-process (runIcp), which is much faster.
 */

const dir = tempDir({
  'model.json': JSON.stringify(defaultModel),
  // Acme is a fit only with the funding signal derived from its last funding date (issue 9).
  'accounts.csv':
    'Company Name,Number of Employees,Billing Country,Industry,Technologies,Last Funding Date\n' +
    'Acme,300,Germany,Software Development,"Salesforce; Snowflake",2025-03-14\nGlobex,40,France,Retail,,\n',
  'outcomes.csv': syntheticOutcomesCsv({ seed: 3 }),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the icp binary', () => {
  it('validate', async () => {
    const run = await spawnIcp(['validate', 'model.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok: /);
  }, 30_000);

  it('score (stdin to stdout)', async () => {
    const run = await spawnIcp(['score', '--now', '2025-06-01', '-'], { cwd: dir, stdin: readFileSync(join(dir, 'accounts.csv'), 'utf8') });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Company Name,Number of Employees,Billing Country,Industry,Technologies,Last Funding Date,icp_score,icp_tier,icp_verdict,icp_confidence,icp_reasons');
    expect(run.stderr).toMatch(/scored 2 rows \(1 fit, 1 not-fit, 0 needs-data\)/);
  }, 30_000);

  it('score --engine duckdb', async () => {
    const run = await spawnIcp(['score', '--now', '2025-06-01', '--engine', 'duckdb', 'accounts.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^Acme,300,Germany,Software Development,Salesforce; Snowflake,2025-03-14,\d+,\w+,fit,/);
  }, 30_000);

  it('explain (JSON lines on stdin, a bad line gives exit 1)', async () => {
    const run = await spawnIcp(['explain', '--now', '2025-06-01'], { cwd: dir, stdin: '{"employees":"300","hqCountry":"DE","industry":"Software Development","technologies":["Salesforce","Snowflake"],"lastFundingDate":"2025-03-14"}\nnot json\n' });
    expect(run.code).toBe(1);
    const [first, second] = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(first.verdict).toBe('fit');
    expect(second).toMatchObject({ line: 2 });
  }, 30_000);

  it('derive and backtest', async () => {
    const derive = await spawnIcp(['derive', 'outcomes.csv', '--out', 'derived.json'], { cwd: dir });
    expect(derive.code, derive.stderr).toBe(0);
    const backtest = await spawnIcp(['backtest', '--model', 'derived.json', 'outcomes.csv', '--json'], { cwd: dir });
    expect(backtest.code, backtest.stderr).toBe(0);
    expect(JSON.parse(backtest.stdout)).toHaveProperty('fit');
  }, 60_000);

  it('sql, and a usage error exits 2', async () => {
    const run = await spawnIcp(['sql', '--dialect', 'postgres', '--table', 'crm.accounts'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/FROM "crm"\."accounts" AS t/);
    const usage = await spawnIcp(['sql', '--dialect', 'oracle'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown dialect "oracle"/);
  }, 30_000);
});
