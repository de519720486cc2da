import { describe, expect, it } from 'vitest';
import plgModel from '../../../lib/model/builtin-models/plg-model.json';
import { lines, runIcp, tempDir } from './run-icp';

const NOW = ['--now', '2025-06-01'];

interface Result {
  score: number;
  verdict: string;
  tier: string | null;
  confidence: number;
  criteria: { id: string; status: string; points: number; field: string }[];
  problems: { field: string; message: string }[];
  model: { id: string; version: number };
  alternatives?: { modelId: string; score: number; verdict: string }[];
}

const pointsAddUp = (r: Result) => expect(r.criteria.reduce((sum, c) => sum + c.points, 0)).toBe(r.score);

describe('icp explain', () => {
  it('prints one JSON result for --company, with the rejected facts under problems', async () => {
    const company = { name: 'Acme', employees: '300', hqCountry: 'Germany', industry: 'Software Development', technologies: ['Snowflake', 'Salesforce'], foundedYear: 99999, revenueUsd: '$50M', fundingStage: 'Series C', championIdentified: true, budgetOwnerKnown: true };
    const run = await runIcp(['explain', ...NOW, '--company', JSON.stringify(company)]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.verdict).toBe('fit');
    expect(result.model.id).toBe('b2b-saas-sales-led');
    expect(result.criteria.find((c) => c.id === 'size-201-5000')?.status).toBe('pass');
    expect(result.criteria.find((c) => c.id === 'warehouse')?.status).toBe('pass');
    expect(result.criteria.find((c) => c.id === 'open-to-pilot')?.status).toBe('unknown');
    expect(result.problems.map((p) => p.field)).toEqual(['foundedYear']);
    expect(result.alternatives).toBeUndefined();
    pointsAddUp(result);
  }, 30_000);

  it('with several models, gives the best match and the others as alternatives', async () => {
    const dir = tempDir({ 'plg.json': JSON.stringify(plgModel) });
    const run = await runIcp(['explain', ...NOW, '-m', 'b2b-saas-sales-led', '-m', 'plg.json', '--company', '{"name":"Acme","employees":300,"hqCountry":"US"}'], { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.alternatives).toHaveLength(1);
    const ids = [result.model.id, result.alternatives![0].modelId].sort();
    expect(ids).toEqual([plgModel.id, 'b2b-saas-sales-led'].sort());
    pointsAddUp(result);
  }, 30_000);

  it('reads JSON lines on stdin: one result per line, a bad line as {line, error} on stdout and stderr, exit 1', async () => {
    const input = [
      '{"name":"Acme","employees":300,"hqCountry":"DE","industry":"Software Development","championIdentified":true,"budgetOwnerKnown":true,"revenueUsd":50000000,"fundingStage":"Series C","technologies":["Salesforce","Snowflake"]}',
      '{"name": broken',
      '',
      '{"name":"Tiny","employees":5,"hqCountry":"US"}',
      '["not", "an", "object"]',
      '{"name":"Huge","employees":1e15,"hqCountry":"Narnia"}',
    ].join('\n');
    const run = await runIcp(['explain', ...NOW], { stdin: input });
    expect(run.code).toBe(1);
    const out = lines(run.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[1]).toEqual({ line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(out[3]).toEqual({ line: 5, error: 'expected a JSON object of facts' });
    expect(run.stderr).toMatch(/^<stdin>:2: not valid JSON/m);
    expect(run.stderr).toMatch(/^<stdin>:5: expected a JSON object/m);
    const results = [out[0], out[2], out[4]] as Result[];
    expect(results.map((r) => r.verdict)).toEqual(['fit', 'not-fit', 'needs-data']);
    expect(results[2].problems.map((p) => p.field).sort()).toEqual(['employees', 'hqCountry']);
    for (const r of results) pointsAddUp(r);
  }, 30_000);

  it('exit 1 for bad --company JSON, 2 for usage errors', async () => {
    const bad = await runIcp(['explain', '--company', '{oops']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--company: not valid JSON/);
    expect((await runIcp(['explain', '--company', '[]'])).code).toBe(1);
    expect((await runIcp(['explain', '--now', 'nope', '--company', '{}'])).code).toBe(2);
    expect((await runIcp(['explain', 'stray', '--company', '{}'])).code).toBe(2);
  }, 30_000);
  it('includes the facts it scored, normalised and derived, each with value and source (the issue\'s cases)', async () => {
    const company = { industry: 'Technology', employees: '250', hqCountry: 'Australia', lastFundingDate: '2025-03-14' };
    const run = await runIcp(['explain', '--now', '2025-12-01', '--company', JSON.stringify(company)]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Result & { facts: Record<string, { value: unknown; source: { kind: string; detail?: string } }>; potentialScore: number };
    expect(result.facts.hqCountry).toEqual({ value: 'AU', source: { kind: 'user' } });
    expect(result.facts.employees.value).toBe(250);
    expect(result.facts.signals.source).toMatchObject({ kind: 'user', detail: 'derived from last funding date' });
    // Salesforce's "Technology" counts as core for the sales-led model; the funding date answers the 12-month criterion.
    expect(result.criteria.find((c) => c.id === 'industry-core')?.status).toBe('pass');
    expect(result.criteria.find((c) => c.id === 'recent-funding')?.status).toBe('pass');
    // Low score and confidence: not a fit yet, and not a bare "fit" either.
    expect(result.verdict).toBe('needs-data');
    expect(result.potentialScore).toBeGreaterThan(result.score);
  }, 30_000);

  it('--csv reads rows with the same mapping as icp score and prints one JSON line per row, bad rows as {line, error}', async () => {
    const csv = [
      'Company Name,Industry,Number of Employees,Billing Country,Last Funding Date,Notes',
      'Acme,COMPUTER_SOFTWARE,"1,200",Germany,2025-03-14,"two',
      'lines"',
      'Broken,row',
      'Helping Hands,Not For Profit,300,United States,,',
    ].join('\n');
    const dir = tempDir({ 'accounts.csv': csv });
    const run = await runIcp(['explain', '--now', '2025-12-01', '--csv', 'accounts.csv'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = lines(run.stdout).map((l) => JSON.parse(l));
    expect(out.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(out[1]).toEqual({ line: 4, error: 'expected 6 fields (as in the header), found 2' });
    expect(run.stderr).toMatch(/^accounts\.csv:4: expected 6 fields/m);
    expect(out[0].facts.industry).toEqual({ value: 'Software Development', source: { kind: 'list', detail: 'accounts.csv' } });
    expect(out[0].facts['custom.notes'].value).toBe('two lines'); // normalised text: line breaks folded
    expect(out[2].facts.companyType).toMatchObject({ value: 'nonprofit', source: { kind: 'list', detail: 'derived from industry' } });
    expect(out[2].verdict).toBe('not-fit');
    for (const r of [out[0], out[2]]) pointsAddUp(r);
  }, 30_000);

  it('refuses --company together with --csv, and a missing CSV file', async () => {
    expect((await runIcp(['explain', '--company', '{}', '--csv', 'x.csv'])).code).toBe(2);
    const missing = await runIcp(['explain', '--csv', 'nope.csv'], { cwd: tempDir({}) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read: ENOENT/);
  }, 30_000);
});
