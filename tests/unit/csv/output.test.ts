import { describe, expect, it } from 'vitest';
import { CellTable, createEvaluationWriter, evaluationCells, evaluationText } from '../../../lib/csv/output';
import { seededRandom } from '../../../lib/builder/synthetic';
import { csvRow } from '../../../lib/csv/write';
import { compileModel, evaluate } from '../../../lib/engine/score';
import { makeAccounts } from '../../../bench/accounts';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import { makeModel } from '../engine/helpers';
import type { Criterion } from '../../../lib/model/schema';

/** evaluationText writes directly what csvRow(evaluationCells(…)) writes, tiers and reasons quoted alike. */
describe('evaluationText', () => {
  const NOW = Date.UTC(2025, 5, 1);
  // A tier id and labels that need quotes ("a,b", a double quote), beside the built-in models.
  const quoting = makeModel({
    criteria: [
      { id: 'big', dimension: 'firmographic', label: 'Big, "really"', field: 'employees', op: 'gte', value: 100, kind: 'score', points: 5 },
      { id: 'known', dimension: 'firmographic', label: ' edge space', field: 'hqCountry', op: 'exists', kind: 'must' },
    ],
  });
  quoting.tiers = [{ ...quoting.tiers[0], id: 'tier,one' }, ...quoting.tiers.slice(1)];

  it('matches csvRow(evaluationCells) on thousands of accounts, with and without problems', () => {
    const accounts = makeAccounts(3000, NOW);
    const problems = [{ field: 'employees', message: 'could not read a headcount: "lots, really"' }];
    let quotedTiers = 0;
    for (const model of [...BUILTIN_MODELS, quoting]) {
      const compiled = compileModel(model);
      accounts.forEach((account, i) => {
        const evaluation = evaluate(compiled, account, NOW);
        const p = i % 7 === 0 ? problems : [];
        const text = evaluationText(compiled, evaluation, p);
        expect(text).toBe(csvRow(evaluationCells(compiled, evaluation, p)));
        if (text.includes('"tier,one"')) quotedTiers++;
      });
    }
    expect(quotedTiers).toBeGreaterThan(0);
  });
});

/** The file writer remembers reasons cells by the engine's reason numbers: it must write what evaluationText writes. */
describe('createEvaluationWriter', () => {
  const NOW = Date.UTC(2025, 5, 1);
  // Twenty musts on facts the accounts lack: twenty "unknown must" reasons are more than one number keys exactly.
  const manyMusts: Criterion[] = Array.from({ length: 20 }, (_, i) => ({
    id: `m${i}`, dimension: 'relationship', label: `Must, "${i}"`, field: `custom.m${i}`, op: 'exists', kind: 'must',
  }));
  const wide = makeModel({ id: 'many-musts', criteria: [...makeModel().criteria, ...manyMusts] });
  // Low confidence (most accounts lack most facts) names the confidence in its reason.
  const strict = makeModel({ id: 'strict', gate: { minConfidence: 0.95, minScore: 0 } });
  // A high fit minimum: "score … below the fit minimum … (could reach …)" names two numbers.
  const highBar = makeModel({ id: 'high-bar', gate: { minConfidence: 0, minScore: 60 } });

  it.each([...BUILTIN_MODELS, wide, strict, highBar].map((m) => [m.id, m] as const))('writes what evaluationText writes (%s)', (_, model) => {
    const compiled = compileModel(model);
    const remembering = createEvaluationWriter(compiled);
    const plain = createEvaluationWriter(compiled, false);
    const problems = [{ field: 'employees', message: 'could not read a headcount: "lots, really"' }];
    const accounts = makeAccounts(4000, NOW);
    // Twice over: the second pass reads remembered cells.
    for (const account of [...accounts, ...accounts]) {
      const evaluation = evaluate(compiled, account, NOW);
      const p = account.name?.endsWith('7') ? problems : [];
      const want = evaluationText(compiled, evaluation, p);
      expect(remembering(evaluation, p)).toBe(want);
      expect(plain(evaluation, p)).toBe(want);
    }
  });
  it('encodes the cells it adds (icp score writes byte text), reasons and problems beyond ASCII included', () => {
    const unicode = makeModel({
      id: 'unicode',
      criteria: makeModel().criteria.map((c) => ({ ...c, label: `${c.label} · Zürich — 東京 🚀` })),
    });
    const compiled = compileModel(unicode);
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    const writers = [createEvaluationWriter(compiled, true, bytes), createEvaluationWriter(compiled, false, bytes)];
    const problems = [{ field: 'hqCountry', message: 'unknown country: "Österreich, 日本"' }];
    let nonAscii = 0;
    for (const [i, account] of makeAccounts(2000, NOW).entries()) {
      const evaluation = evaluate(compiled, account, NOW);
      const p = i % 5 === 0 ? problems : [];
      const want = evaluationText(compiled, evaluation, p);
      if (/[^\x00-\x7f]/.test(want)) nonAscii++;
      // Twice: the second time from the remembered cell.
      for (const write of [...writers, ...writers]) expect(write(evaluation, p)).toBe(bytes(want));
    }
    expect(nonAscii).toBeGreaterThan(1000);
  });

});

describe('CellTable', () => {
  it('gives back the cell set for the same two keys, or none once it started over, never another', () => {
    const rnd = seededRandom(99);
    const table = new CellTable();
    const reference = new Map<string, string>();
    let found = 0;
    for (let i = 0; i < 200_000; i++) {
      // Keys from small (colliding often) to near 2^53, as the writer makes them.
      const key = rnd() < 0.5 ? Math.floor(rnd() * 50) : Math.floor(rnd() * Number.MAX_SAFE_INTEGER);
      const numbers = rnd() < 0.7 ? 0 : Math.floor(rnd() * 2 ** 48);
      const want = reference.get(`${key}/${numbers}`);
      const got = table.get(key, numbers);
      if (got !== undefined) {
        expect(got).toBe(want);
        found++;
      }
      if (got === undefined || rnd() < 0.1) {
        const cell = `cell ${i}`;
        table.set(key, numbers, cell);
        reference.set(`${key}/${numbers}`, cell);
        expect(table.get(key, numbers)).toBe(cell);
      }
    }
    expect(found).toBeGreaterThan(50_000);
  });
});
