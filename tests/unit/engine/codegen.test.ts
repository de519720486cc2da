import { describe, expect, it } from 'vitest';
import { makeAccounts, prng } from '../../../bench/accounts';
import { BENCH_MODEL } from '../../../bench/model-30';
import { generateEvaluators, useGeneratedCode } from '../../../lib/engine/codegen';
import { compileModel, evaluate, evaluateSlots, explain, type CompiledModel, type Evaluation } from '../../../lib/engine/score';
import type { FactValues } from '../../../lib/facts/vocabulary';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import type { Condition, Criterion, IcpModel } from '../../../lib/model/schema';
import { NOW } from './helpers';

/**
 * Differential tests of the Node-only generated evaluators (lib/engine/codegen.ts) against the closure engine (itself
 * checked against the frozen reference engine in differential.test.ts): every field of the Evaluation, every
 * status, and the explanation built from it, on the built-in models and on random models whose field names and
 * values hold quotes, backslashes, line separators and code, over random accounts with missing facts, bands
 * straddling thresholds, empty lists, odd and NaN-ish texts, dates in other formats and signals with `from`.
 */

const plain = (e: Evaluation) => ({ ...e, statuses: [...e.statuses] });

/** Generated and closure evaluations of one account, object and slot forms, must agree in every field. */
function expectSame(closures: CompiledModel, generated: CompiledModel, values: FactValues, now: number) {
  let want: Evaluation;
  try {
    want = evaluate(closures, values, now);
  } catch {
    // Malformed facts the closures cannot read (a signal list holding null): the generated code refuses them too.
    expect(() => evaluate(generated, values, now)).toThrow();
    return;
  }
  const got = evaluate(generated, values, now);
  expect(plain(got)).toEqual(plain(want));
  expect(explain(generated, got)).toEqual(explain(closures, want));
  const slots = closures.fields.map((f) => {
    const v = Object.prototype.hasOwnProperty.call(values, f) ? (values as Record<string, unknown>)[f] : undefined;
    return v === null || v === '' ? undefined : v;
  });
  expect(plain(evaluateSlots(generated, slots, now))).toEqual(plain(evaluateSlots(closures, slots, now)));
}

/** Texts that would break or inject into generated source if they were pasted into it raw. */
const NASTY = [
  'a"b',
  "a'b",
  'a\\',
  '\\"',
  '`${globalThis.__injected = 1}`',
  '"; globalThis.__injected = 1; "',
  "'); globalThis.__injected = 1; ('",
  '*/ globalThis.__injected = 1; /*',
  'line\u2028sep',
  'para\u2029sep',
  'new\nline',
  '</script>',
  '__proto__',
  'constructor',
  'toString',
];
const WORDS = ['US', 'us', 'Gold', 'gold', 'GOLD', 'Salesforce', 'salesforce', 'dbt', 'NaN', 'Infinity', '1e3', ' 1,200 ', '0x10', '', ...NASTY];
const SIGNALS = ['funding', 'leadership-hire', 'headcount-change', 'tech-stack-change', 'news'] as const;
const ODD_DATES = ['2025-02-30', '2025-13-01', '0099-06-01', 'June 1, 2025', '2025/06/01', '2025-06-01T10:00:00Z', 'x', '', '2024-02-29'];

function randomModel(seed: number): IcpModel {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (n: number) => Math.floor(rnd() * n);
  // Field names of every kind, odd custom ones included (the engine takes any name; the model schema is stricter).
  const fields = ['employees', 'hqCountry', 'technologies', 'signals', 'lastFundingDate', 'custom.x', ...NASTY.map((s) => `custom.${s}`), 'custom.a"b', 'a', 'b'];
  const words = () => Array.from({ length: 1 + int(4) }, () => pick(WORDS.filter(Boolean)));
  const day = () => new Date(NOW + (int(1400) - 700) * 86_400_000).toISOString().slice(0, 10);
  const conditionOf = (field: string): Omit<Condition, 'field'> => {
    switch (int(14)) {
      case 0:
        return { op: 'eq', value: pick([250, 0, -1.5, 1e21, pick(WORDS.filter(Boolean)), true, false]) } as Omit<Condition, 'field'>;
      case 1:
        return { op: pick(['gte', 'gt', 'lte', 'lt'] as const), value: pick([0, 100, 250, 5000, -3, 0.5, 1e9]) };
      case 2: {
        const a = pick([0, 50, 201, 1000]);
        return { op: 'between', value: [a, a + pick([0, 1, 300, 5000])] };
      }
      case 3:
      case 4:
        return { op: pick(['in', 'notIn'] as const), value: words() };
      case 5:
      case 6:
        return { op: pick(['anyOf', 'allOf', 'noneOf'] as const), value: words() };
      case 7:
        return { op: 'is', value: rnd() < 0.5 };
      case 8:
        return { op: 'exists' };
      case 9:
        return { op: pick(['withinLastDays', 'withinNextDays'] as const), value: 1 + int(800) };
      case 10:
        return { op: pick(['before', 'after'] as const), value: day() };
      case 11:
        // Wide lists: more wanted values than a mask holds, answered one by one.
        return { op: pick(['anyOf', 'allOf', 'noneOf'] as const), value: Array.from({ length: 40 }, (_, i) => `w${i}`) };
      default: {
        const types = rnd() < 0.3 ? undefined : Array.from(new Set(Array.from({ length: 1 + int(2) }, () => pick(SIGNALS))));
        return { op: 'hasSignal', value: { ...(types ? { types } : {}), ...(rnd() < 0.7 ? { withinLastDays: 1 + int(400) } : {}) } };
      }
    }
  };
  const count = int(33); // none at all, too
  const criteria = Array.from({ length: count }, (_, i): Criterion => {
    const field = pick(fields);
    const kind = pick(['must', 'score', 'score', 'score', 'exclude'] as const);
    return {
      id: `c${i}`,
      label: pick(NASTY),
      dimension: pick(['firmographic', 'technographic', 'behavioural', 'relationship'] as const),
      kind,
      ...(kind === 'score' ? { points: 1 + int(10) } : {}),
      field,
      ...conditionOf(field),
    } as Criterion;
  });
  const segments = Array.from({ length: int(3) }, (_, s) => ({
    id: `s${s}`,
    label: pick(NASTY),
    when: Array.from({ length: 1 + int(2) }, () => {
      const field = pick(fields);
      return { field, ...conditionOf(field) } as Condition;
    }),
    evidence: { n: 1 },
  }));
  return {
    format: 'icp-fit/model@1',
    id: `random-${seed}`,
    name: 'Random',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    dimensions: { firmographic: int(50), technographic: int(30), behavioural: int(20), relationship: int(20) },
    criteria,
    tiers: pick([[], [{ id: 'A', label: 'A', minScore: 60 }], [{ id: 'A', label: 'A', minScore: 50 }, { id: 'B', label: 'B', minScore: 20 }, { id: 'C', label: 'C', minScore: 0 }]]),
    gate: { minConfidence: pick([0, 0.3, 0.5, 1]), minScore: pick([0, 15, 40, 101]) },
    segments,
  } as IcpModel;
}

/** A random value of any shape a fact may hold (or a mistaken one). */
function randomValue(rnd: () => number): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (n: number) => Math.floor(rnd() * n);
  const day = () => new Date(NOW + (int(1400) - 900) * 86_400_000).toISOString().slice(0, 10);
  switch (int(12)) {
    case 0:
      return pick([0, -1, 49, 50, 51, 100, 250, 5000, 5001, 1e9, 0.5, NaN, Infinity]);
    case 1:
      return pick([{ min: 51, max: 200 }, { min: 201, max: 500 }, { min: 5001 }, { min: 10, max: 10 }, { min: 0, max: 1e10 }]);
    case 2:
      return pick(WORDS);
    case 3:
      return pick(['true', 'FALSE', 'True', 'yes', true, false, 1, 0]);
    case 4:
      return Array.from({ length: int(5) }, () => pick([...WORDS, `w${int(45)}`, 3, null]));
    case 5:
      return pick(['a; b', 'Gold | us', 'w3, w7', ' , ;', 'dbt;Salesforce']);
    case 6:
      return pick([day(), day(), ...ODD_DATES]);
    case 7:
      return Array.from({ length: int(4) }, () => ({
        type: pick(SIGNALS),
        date: rnd() < 0.15 ? pick(ODD_DATES) : day(),
        ...(rnd() < 0.4 ? { from: 'lastFundingDate' } : {}),
      }));
    case 8:
      return pick([null, '', undefined, [], {}]);
    default:
      return pick(['300', '1,200', 'many', ' 7 ', '-0', '1e3']);
  }
}

function randomAccount(rnd: () => number, fields: readonly string[]): FactValues {
  const a: Record<string, unknown> = Object.create(rnd() < 0.1 ? null : Object.prototype);
  for (const f of fields) if (rnd() < 0.6) a[f] = randomValue(rnd);
  if (rnd() < 0.2) a['custom.unused'] = 1;
  return a as FactValues;
}

describe('generated evaluators against the closure engine', { timeout: 60_000 }, () => {
  const nows = [NOW, Date.UTC(2025, 5, 1), Date.UTC(2025, 5, 1, 13, 30)];

  it.each([BENCH_MODEL, ...BUILTIN_MODELS].map((m) => [m.id, m] as const))('agree on every field and status (%s)', (_, model) => {
    const closures = compileModel(model);
    const generated = useGeneratedCode(compileModel(model));
    expect(generated.generated).toBeDefined();
    const rnd = prng(21);
    const accounts = [...makeAccounts(1500, NOW, 7), ...Array.from({ length: 1500 }, () => randomAccount(rnd, closures.fields))];
    accounts.forEach((values, i) => expectSame(closures, generated, values, nows[i % nows.length]));
  });

  it('agree on random models with odd field names and values, segments and wide lists', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const model = randomModel(seed);
      const closures = compileModel(model);
      const generated = compileModel(model);
      generated.generated = generateEvaluators(generated);
      const rnd = prng(seed * 31);
      for (let i = 0; i < 150; i++) expectSame(closures, generated, randomAccount(rnd, closures.fields), nows[i % nows.length]);
    }
  });

  it('never run model text as code', () => {
    delete (globalThis as { __injected?: unknown }).__injected;
    for (let seed = 1; seed <= 60; seed++) {
      const compiled = compileModel(randomModel(seed));
      const { evaluate: run } = generateEvaluators(compiled);
      const rnd = prng(seed);
      for (let i = 0; i < 20; i++) {
        try {
          run(randomAccount(rnd, compiled.fields), NOW, new Uint8Array(compiled.criteria.length));
        } catch {
          // a malformed signal list (see expectSame)
        }
      }
    }
    expect((globalThis as { __injected?: unknown }).__injected).toBeUndefined();
  });

  it('leave stale facts to the closures (their confidence counts half)', () => {
    const closures = compileModel(BENCH_MODEL);
    const generated = useGeneratedCode(compileModel(BENCH_MODEL));
    const stale = new Set(['technologies', 'hqCountry']);
    for (const values of makeAccounts(300, NOW, 3))
      expect(plain(evaluate(generated, values, NOW, undefined, stale))).toEqual(plain(evaluate(closures, values, NOW, undefined, stale)));
  });

  it('leave models too big for V8 to optimise to the closures', () => {
    const huge = { ...BENCH_MODEL, criteria: Array.from({ length: 20 }, (_, r) => BENCH_MODEL.criteria.map((c) => ({ ...c, id: `${c.id}-${r}` }))).flat() };
    expect(() => generateEvaluators(compileModel(huge))).toThrow(/too big/);
    const compiled = useGeneratedCode(compileModel(huge));
    expect(compiled.generated).toBeUndefined();
    const [a] = makeAccounts(1, NOW, 9);
    expect(plain(evaluate(compiled, a, NOW))).toEqual(plain(evaluate(compileModel(huge), a, NOW)));
  });

  it('reuse a passed statuses array, as batch callers do', () => {
    const generated = useGeneratedCode(compileModel(BENCH_MODEL));
    const statuses = new Uint8Array(generated.criteria.length);
    const [a, b] = makeAccounts(2, NOW, 5);
    expect(evaluate(generated, a, NOW, statuses).statuses).toBe(statuses);
    expect([...evaluate(generated, b, NOW, statuses).statuses]).toEqual([...evaluate(compileModel(BENCH_MODEL), b, NOW).statuses]);
  });
});
