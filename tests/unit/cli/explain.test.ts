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
});
