import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/accounts';
import { compilePresent, NOT, UNKNOWN } from '../../../lib/engine/conditions';
import { compileFieldEvaluator } from '../../../lib/engine/fields';
import type { Condition } from '../../../lib/model/schema';
import { NOW } from './helpers';

/**
 * A fact's evaluator answers all its criteria at once; each answer must be exactly what the criterion's own
 * predicate gives. Many criteria share one fact here, of every operator family, mixed, and past the sizes at which
 * the evaluator packs texts (15 per memo) and lists (31 wanted values per mask) differently.
 */

const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString().slice(0, 10);
const words = ['Gold', 'gold', 'GOLD', 'platinum', 'Salesforce', 'salesforce', 'dbt', 'Airflow', 'US', 'us', 'RU', 'a', 'B'];

function values(): unknown[] {
  const rnd = prng(3);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: unknown[] = [0, -1, 250, 5000, 5001, '300', ' 1,200 ', 'many', true, false, 'true', 'FALSE', NaN, [], {}, { min: 10 }];
  for (let i = 0; i < 400; i++) {
    out.push(Math.floor(rnd() * 10_000), { min: Math.floor(rnd() * 1000), max: Math.floor(rnd() * 10_000) }, { min: Math.floor(rnd() * 6000) });
    out.push(pick(words), `${pick(words)}${i}`, [pick(words), pick(words).toUpperCase(), `w${i % 40}`], `${pick(words)}; ${pick(words)} | w${i % 40}`);
    out.push(day(Math.floor(rnd() * 1400 - 700)), pick(['2025-02-30', '2025-13-01', 'June 1, 2025', '0099-06-01', 'x']));
    // Some signals derived from another fact (`from`): they speak only for their own type.
    out.push(
      Array.from({ length: Math.floor(rnd() * 4) }, () => ({
        type: pick(['funding', 'news', 'leadership-hire', 'tech-stack-change']),
        date: rnd() < 0.1 ? 'bad' : day(Math.floor(rnd() * 800 - 100)),
        ...(rnd() < 0.5 ? { from: 'lastFundingDate' } : {}),
      })),
    );
  }
  return out;
}

const manyTexts: Condition[] = Array.from({ length: 20 }, (_, i) =>
  i % 3 === 0 ? { op: 'eq', value: words[i % words.length] } : { op: i % 2 ? 'in' : 'notIn', value: [words[i % words.length], words[(i * 5) % words.length]] },
) as Condition[];
const wideLists: Condition[] = [
  { op: 'anyOf', value: Array.from({ length: 20 }, (_, i) => `w${i}`) },
  { op: 'allOf', value: Array.from({ length: 20 }, (_, i) => `W${i + 15}`) },
  { op: 'noneOf', value: ['gold', 'w39'] },
] as Condition[];

const GROUPS: Record<string, Condition[]> = {
  'numbers and bands': [
    { op: 'between', value: [50, 5000] },
    { op: 'gte', value: 100 },
    { op: 'gt', value: 250 },
    { op: 'lte', value: 5000 },
    { op: 'lt', value: 5001 },
    { op: 'eq', value: 250 },
  ] as Condition[],
  'texts, more than one memo holds': manyTexts,
  'lists, within one mask': [
    { op: 'anyOf', value: ['Salesforce', 'HubSpot'] },
    { op: 'allOf', value: ['dbt', 'Airflow', 'DBT'] },
    { op: 'noneOf', value: ['Cognos', 'gold'] },
    { op: 'exists' },
  ] as Condition[],
  'lists, more wanted values than one mask holds': wideLists,
  dates: [
    { op: 'withinLastDays', value: 540 },
    { op: 'withinNextDays', value: 180 },
    { op: 'before', value: '2015-01-01' },
    { op: 'after', value: '2025-06-30' },
  ] as Condition[],
  signals: [
    { op: 'hasSignal', value: { types: ['funding'], withinLastDays: 365 } },
    { op: 'hasSignal', value: { types: ['leadership-hire', 'news'], withinLastDays: 30 } },
    { op: 'hasSignal', value: { withinLastDays: 90 } },
    { op: 'hasSignal', value: {} },
  ] as Condition[],
  'every family on one custom fact': [
    { op: 'gte', value: 5 },
    { op: 'in', value: ['gold', 'platinum'] },
    { op: 'anyOf', value: ['a', 'b'] },
    { op: 'after', value: '2024-02-29' },
    { op: 'is', value: true },
    { op: 'eq', value: false },
    { op: 'exists' },
  ] as Condition[],
};

describe('a fact evaluator answers each criterion as its own predicate does', () => {
  const all = values();
  it.each(Object.entries(GROUPS))('%s', (_, conditions) => {
    const evaluator = compileFieldEvaluator(conditions.map((condition, index) => ({ index, condition: { ...condition, field: 'x' } })));
    const predicates = conditions.map((c) => compilePresent({ ...c, field: 'x' }));
    const truths = new Uint8Array(conditions.length);
    for (const now of [NOW, NOW + 3_600_000]) {
      for (const v of all) {
        // What the engine puts there before a present fact is read: the answers for a missing one.
        conditions.forEach((c, i) => (truths[i] = c.op === 'exists' ? NOT : UNKNOWN));
        evaluator(v, now, truths);
        const got = [...truths];
        const want = predicates.map((p) => p(v, now));
        if (got.join() !== want.join()) expect([v, got]).toEqual([v, want]);
      }
    }
  });

  it('writes only the answers of its own criteria', () => {
    const evaluator = compileFieldEvaluator([
      { index: 1, condition: { field: 'x', op: 'gte', value: 5 } },
      { index: 3, condition: { field: 'x', op: 'in', value: ['a'] } },
    ]);
    const truths = Uint8Array.of(7, 7, 7, 7, 7);
    evaluator('a', NOW, truths);
    expect([...truths]).toEqual([7, 7, 7, 1, 7]);
  });
});
