import { describe, expect, it } from 'vitest';
import defaultModel from '../../../lib/model/builtin-models/default-model.json';
import { lines, runIcp, tempDir } from './run-icp';

/** A deep copy of the built-in model to break in one way per test. */
const model = () => structuredClone(defaultModel) as Record<string, any>;

async function validate(json: unknown) {
  const dir = tempDir({ 'model.json': typeof json === 'string' ? json : JSON.stringify(json, null, 2) });
  return runIcp(['validate', 'model.json'], { cwd: dir });
}

describe('icp validate', () => {
  it('accepts a valid model: exit 0 and a one-line summary', async () => {
    const run = await validate(model());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`ok: ${defaultModel.name} v${defaultModel.version}, ${defaultModel.criteria.length} criteria\n`);
  }, 30_000);

  const cases: [string, (m: Record<string, any>) => unknown, string, RegExp][] = [
    ['an unknown field', (m) => ((m.criteria[0].field = 'headcount'), m), 'criteria[0].field', /unknown fact "headcount"/],
    [
      'an operator that does not fit the fact type',
      (m) => ((m.criteria[4].op = 'gte'), (m.criteria[4].value = 5), m),
      'criteria[4].op',
      /operator "gte" does not fit string fact "industry"/,
    ],
    ['duplicate criterion ids', (m) => ((m.criteria[1].id = m.criteria[0].id), m), 'criteria[1].id', /duplicate criterion id/],
    ['tiers out of order', (m) => (m.tiers.reverse(), m), 'tiers[1].minScore', /ordered from the highest minScore down/],
    ['non-positive points', (m) => ((m.criteria[4].points = 0), m), 'criteria[4].points', /positive/],
    ['negative points', (m) => ((m.criteria[5].points = -3), m), 'criteria[5].points', /positive/],
  ];

  it.each(cases)('rejects %s with its JSON path, exit 1', async (_name, breakIt, path, message) => {
    const run = await validate(breakIt(model()));
    expect(run.code).toBe(1);
    const problem = lines(run.stdout).find((l) => l.startsWith(`model.json: ${path}: `));
    expect(problem, run.stdout).toBeDefined();
    expect(problem).toMatch(message);
  }, 30_000);

  it('gives the line and column of a JSON syntax error', async () => {
    const run = await validate('{\n  "format": "icp-fit/model@1",\n  "id": ,\n}');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^model\.json: \$: not valid JSON: .* at line 3, column 9$/m);
  }, 30_000);

  it('lists every problem of a file, one per line', async () => {
    const m = model();
    m.criteria[0].field = 'headcount';
    m.criteria[2].id = m.criteria[1].id;
    m.tiers.reverse();
    const run = await validate(m);
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const l of out) expect(l).toMatch(/^model\.json: \S+: .+/);
  }, 30_000);

  it('exit 1 for a missing file, exit 2 for usage errors', async () => {
    const dir = tempDir();
    const missing = await runIcp(['validate', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot read: ENOENT/);
    expect((await runIcp(['validate'], { cwd: dir })).code).toBe(2);
    expect((await runIcp(['validate', '--bogus', 'x.json'], { cwd: dir })).code).toBe(2);
    expect((await runIcp(['frobnicate'], { cwd: dir })).code).toBe(2);
  }, 30_000);

  it('reports JSON nested 10,000 deep, and a file over the size limit, as one clean line each (issue 15)', async () => {
    const deep = await validate(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    expect(deep.code).toBe(1);
    expect(deep.stdout).toBe('model.json: $: too deeply nested: nested more than 64 levels deep (the limit for this file) at line 1, column 321\n');
    expect(deep.stderr).not.toMatch(/Maximum call stack|at .*\.ts:\d+/);
    const big = await validate(`{"description": "${'x'.repeat(2_100_000)}"}`);
    expect(big.code).toBe(1);
    // Refused from its size, before it is read.
    expect(big.stderr).toBe('model.json: too big: 2100019 bytes; a model file is at most 2000000\n');
  }, 30_000);

  it('prints help with exit 0', async () => {
    const run = await runIcp(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: icp validate/);
    const main = await runIcp(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/validate.*\n.*score.*\n.*explain/);
  }, 30_000);
});
