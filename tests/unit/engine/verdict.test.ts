import { describe, expect, it } from 'vitest';
import { makeAccounts } from '../../../bench/accounts';
import { compileModel, scoreCompiled } from '../../../lib/engine/score';
import type { FactValues } from '../../../lib/facts/vocabulary';
import * as reference from './reference/score';
import { makeModel, NOW } from './helpers';

/**
 * The verdict decision table of docs/model-format.md, one test per row, each run on the engine and on the reference
 * oracle. The helper model's worths: industry 50, crm 15, dwh 15, funding 20 (size must, not-gov hard-no).
 */
const gate = (minScore: number, minConfidence: number) => makeModel({ gate: { minScore, minConfidence } });
const engines = [
  ['engine', (m: ReturnType<typeof makeModel>, v: FactValues) => scoreCompiled(compileModel(m), v, NOW)],
  ['reference', (m: ReturnType<typeof makeModel>, v: FactValues) => reference.scoreCompiled(reference.compileModel(m), v, NOW)],
] as const;

const software = { employees: 300, companyType: 'private' as const, industry: 'Software Development' };
const everything = { ...software, technologies: ['Salesforce', 'Snowflake'], signals: [{ type: 'funding' as const, date: '2026-09-01' }] };

describe.each(engines)('verdict decision table (%s)', (_name, run) => {
  it('row 1: a failed must is not-fit, whatever the score', () => {
    const r = run(gate(0, 0), { ...everything, employees: 12 });
    expect(r).toMatchObject({ verdict: 'not-fit', tier: null, score: 100 });
  });

  it('row 2: a present hard-no is not-fit, whatever the score', () => {
    const r = run(gate(0, 0), { ...everything, companyType: 'government' });
    expect(r).toMatchObject({ verdict: 'not-fit', tier: null });
  });

  it('row 3: when even the potential score is under the fit minimum it is not-fit, unknown must or not', () => {
    // Industry fails (Retail), tech fails: potential = funding 20 < 45.
    const known = run(gate(45, 0), { employees: 300, companyType: 'private', industry: 'Retail', technologies: [] });
    expect(known).toMatchObject({ verdict: 'not-fit', score: 0, potentialScore: 20 });
    const unknownMust = run(gate(45, 0), { companyType: 'private', industry: 'Retail', technologies: [] });
    expect(unknownMust.verdict).toBe('not-fit');
  });

  it('row 4: an unknown must is needs-data when the minimum is still reachable', () => {
    const r = run(gate(45, 0), { ...everything, employees: undefined });
    expect(r).toMatchObject({ verdict: 'needs-data', tier: null, score: 100 });
  });

  it('row 5: a score under the minimum that unknowns could lift is needs-data, saying what it could reach', () => {
    const r = run(gate(45, 0), { employees: 300, companyType: 'private', technologies: ['Salesforce'] });
    expect(r).toMatchObject({ verdict: 'needs-data', score: 15, potentialScore: 85, tier: null });
    expect(r.reasons).toContain('score 15 below the fit minimum 45 (could reach 85)');
    expect(r.whatWouldChange).toMatchObject({ target: 'fit', pointsNeeded: 30, reachable: true });
  });

  it('row 6: a score over the minimum at low confidence is needs-data, never a bare fit', () => {
    const r = run(gate(45, 0.9), software);
    expect(r.score).toBe(50);
    expect(r.confidence).toBeLessThan(0.9);
    expect(r).toMatchObject({ verdict: 'needs-data', tier: null });
    expect(r.reasons.some((x) => x.startsWith('confidence '))).toBe(true);
  });

  it('row 7: gate passed, score and confidence at their minimums is fit, with a tier', () => {
    const r = run(gate(45, 0.5), everything);
    expect(r).toMatchObject({ verdict: 'fit', score: 100, confidence: 1, tier: 'A' });
    const atMinimum = run(gate(50, 0.5), { ...software, technologies: [], signals: [] });
    expect(atMinimum).toMatchObject({ verdict: 'fit', score: 50, tier: 'B' });
  });
});

describe('verdict properties on random accounts', () => {
  it('fit needs gate, minimum score and minimum confidence; not-fit means blocked or out of reach', () => {
    const model = gate(40, 0.5);
    const compiled = compileModel(model);
    const seen = new Set<string>();
    for (const account of makeAccounts(3000, NOW, 9)) {
      const r = scoreCompiled(compiled, account as FactValues, NOW);
      const blocked = r.blockers.length > 0;
      seen.add(r.verdict);
      if (r.verdict === 'fit') {
        expect(r.score).toBeGreaterThanOrEqual(40);
        expect(r.confidence).toBeGreaterThanOrEqual(0.5);
        expect(blocked).toBe(false);
      }
      if (r.verdict === 'not-fit') expect(blocked || r.potentialScore < 40).toBe(true);
      if (r.verdict === 'needs-data') expect(!blocked && r.potentialScore >= 40).toBe(true);
    }
    expect([...seen].sort()).toEqual(['fit', 'needs-data', 'not-fit']);
  });
});
