import { describe, expect, it } from 'vitest';
import { makeAccounts, prng } from '../../../bench/accounts';
import { BENCH_MODEL } from '../../../bench/model-30';
import { compileCondition, time } from '../../../lib/engine/conditions';
import {
  compileModel,
  evaluate,
  evaluateSlots,
  explain,
  FAIL,
  PASS,
  reasonsOf,
  scoreBest,
  scoreCompiled,
  UNKNOWN_STATUS,
  type CompiledModel,
} from '../../../lib/engine/score';
import type { FactValues } from '../../../lib/facts/vocabulary';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import type { Condition, Criterion } from '../../../lib/model/schema';
import { compileCondition as referenceCondition, time as referenceTime } from './reference/conditions';
import * as reference from './reference/score';
import { makeModel, NOW } from './helpers';

/**
 * Differential tests: the optimised engine (slots, typed arrays, memoised string answers, date arithmetic, the
 * compact evaluate path) against the frozen pre-optimisation engine in ./reference, on thousands of random accounts
 * with every operator, bands, missing facts (absent, null, ""), odd spellings, custom facts and bad dates.
 */

const STATUS = { pass: PASS, fail: FAIL, unknown: UNKNOWN_STATUS } as const;

/** Every operator, with values chosen to hit both sides of each, gates of every kind, and custom facts. */
const criteria: Criterion[] = [
  ...BENCH_MODEL.criteria,
  { id: 'eq-num', dimension: 'firmographic', label: 'Exactly 250', kind: 'score', points: 2, field: 'employees', op: 'eq', value: 250 },
  { id: 'eq-str', dimension: 'firmographic', label: 'Germany', kind: 'score', points: 2, field: 'hqCountry', op: 'eq', value: 'de' },
  { id: 'custom-num', dimension: 'behavioural', label: 'Deal size', kind: 'score', points: 3, field: 'custom.deal_size', op: 'between', value: [1000, 50000] },
  { id: 'custom-in', dimension: 'behavioural', label: 'Custom tier', kind: 'must', field: 'custom.tier', op: 'in', value: ['Gold', 'platinum'] },
  { id: 'custom-notin', dimension: 'technographic', label: 'Custom tools', kind: 'score', points: 2, field: 'custom.tools', op: 'notIn', value: ['a', 'B'] },
  { id: 'custom-exists', dimension: 'relationship', label: 'Has owner', kind: 'score', points: 1, field: 'owner', op: 'exists' },
  { id: 'custom-lt', dimension: 'relationship', label: 'Custom since', kind: 'score', points: 1, field: 'custom.since', op: 'lt', value: 2020 },
  { id: 'custom-is', dimension: 'relationship', label: 'Custom flag', kind: 'exclude', field: 'custom.blocked', op: 'is', value: true },
];

const wide = makeModel({
  criteria,
  dimensions: { firmographic: 40, technographic: 25, behavioural: 20, relationship: 15 },
  tiers: [
    { id: 'A', label: 'Tier A', minScore: 55 },
    { id: 'B', label: 'Tier B', minScore: 30 },
    { id: 'C', label: 'Tier C', minScore: 10 },
  ],
  gate: { minConfidence: 0.35, minScore: 15 },
  segments: [
    { id: 'de-software', label: 'German software', when: [{ field: 'hqCountry', op: 'in', value: ['DE'] }, { field: 'industry', op: 'eq', value: 'Software Development' }], evidence: { n: 10 } },
    { id: 'no-stack', label: 'Stack unknown', when: [{ field: 'technologies', op: 'exists' }], evidence: { n: 5 } },
  ],
} as Parameters<typeof makeModel>[0]);

const MODELS = [wide, BENCH_MODEL, ...BUILTIN_MODELS];

const ODD_DATES = [
  '2025-02-30', '2025-13-01', '2025-00-10', '2024-02-29', '2023-02-29', '0099-06-01', '0100-03-01', '1600-01-01',
  '2025-1a-01', 'abcd-ef-gh', '2025/06/01', '2025-06-01T10:00:00Z', 'June 1, 2025', '', ' 2025-06-01', '2025-06-1',
  '9999-12-31', '2100-02-29', '2000-02-29', '1969-12-31', '2025-06-00', '2025-06-31',
];

/** Random accounts: the bench's generator, then noise that the bench does not have. */
function randomAccounts(count: number, seed: number): FactValues[] {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  return makeAccounts(count, NOW, seed).map((base) => {
    const a = { ...base } as Record<string, unknown>;
    const missing = [undefined, null, ''];
    for (const field of Object.keys(a)) if (rnd() < 0.05) a[field] = pick(missing);
    if (rnd() < 0.3) a.hqCountry = pick(['de', 'De', 'DE', 'us', 'RU', 'XX', 'Iran', 'kp']);
    if (rnd() < 0.2) a.industry = pick(['software development', 'SOFTWARE DEVELOPMENT', 'Software Development']);
    if (rnd() < 0.2) a.technologies = pick([[], ['salesforce'], ['DBT', 'airflow', 'dbt'], ['CompetitorX', 'Cognos'], [1, 'Slack'], 'Salesforce; dbt | Airflow']);
    if (rnd() < 0.2) a.employees = pick([250, { min: 201, max: 500 }, { min: 5001 }, '300', ' 1,200 ', 'many', 0, -1]);
    if (rnd() < 0.2) a.revenueUsd = pick([{ min: 5_000_000, max: 20_000_000 }, 1_000_000_000, 999_999_999, '12,000,000']);
    if (rnd() < 0.2) a.lastFundingDate = pick(ODD_DATES);
    if (rnd() < 0.2) a.contractRenewalDate = pick(ODD_DATES);
    if (rnd() < 0.2) a.signals = [{ type: pick(['funding', 'news', 'leadership-hire']), date: pick(ODD_DATES) }];
    if (rnd() < 0.5) a['custom.deal_size'] = pick([500, 1000, 50000, 50001, '2,500', '', 'n/a', true]);
    if (rnd() < 0.5) a['custom.tier'] = pick(['gold', 'GOLD', 'Platinum', 'silver', 3, false]);
    if (rnd() < 0.5) a['custom.tools'] = pick(['a; b', 'A', 'a', '', 'b', 'B']);
    if (rnd() < 0.5) a.owner = pick(['Ana', '', null, 'x']);
    if (rnd() < 0.5) a['custom.since'] = pick([2019, '2021', ' 1,999 ', 'x', 2020, -5]);
    if (rnd() < 0.5) a['custom.blocked'] = pick(['true', 'FALSE', 'yes', true, false, 1]);
    if (rnd() < 0.1) a.championIdentified = pick(['True', 'false', 'nope']);
    return a as FactValues;
  });
}

/** The slots evaluateSlots expects, made the plain way. */
function slotsOf(compiled: CompiledModel, values: FactValues): unknown[] {
  return compiled.fields.map((f) => {
    const v = (values as Record<string, unknown>)[f];
    return v === null || v === '' ? undefined : v;
  });
}

// Thousands of accounts per model: generous time, for a busy machine.
describe('the optimised engine against the reference engine', { timeout: 60_000 }, () => {
  const accounts = randomAccounts(4000, 11);
  const nows = [NOW, Date.UTC(2025, 5, 1), Date.UTC(2025, 5, 1, 13, 30)];

  it.each(MODELS.map((m) => [m.id, m] as const))('gives the same full ScoreResult, key order included (%s)', (_, model) => {
    const compiled = compileModel(model);
    const ref = reference.compileModel(model);
    accounts.forEach((values, i) => {
      const now = nows[i % nows.length];
      expect(JSON.stringify(scoreCompiled(compiled, values, now))).toBe(JSON.stringify(reference.scoreCompiled(ref, values, now)));
    });
  }, 60_000);

  it.each(MODELS.map((m) => [m.id, m] as const))('compact evaluation agrees with the full result (%s)', (_, model) => {
    const compiled = compileModel(model);
    const ref = reference.compileModel(model);
    const reused = new Uint8Array(compiled.criteria.length);
    accounts.forEach((values, i) => {
      const now = nows[i % nows.length];
      const full = reference.scoreCompiled(ref, values, now);
      const compact = evaluate(compiled, values, now, reused);
      expect(compact.score).toBe(full.score);
      expect(compact.potentialScore).toBe(full.potentialScore);
      expect(compact.verdict).toBe(full.verdict);
      expect(compact.tier).toBe(full.tier);
      expect(compact.confidence).toBe(full.confidence);
      expect(compact.blocked).toBe(full.blockers.length > 0);
      expect([...compact.statuses]).toEqual(full.criteria.map((c) => STATUS[c.status]));
      expect(reasonsOf(compiled, compact)).toEqual(full.reasons);
      expect(explain(compiled, compact)).toEqual(full);
      // The slot form sees the same facts.
      const bySlots = evaluateSlots(compiled, slotsOf(compiled, values), now);
      expect({ ...bySlots, statuses: [...bySlots.statuses] }).toEqual({ ...compact, statuses: [...compact.statuses] });
    });
  }, 60_000); // thousands of accounts twice over: more than the default 5 s on a loaded machine

  it('picks the same best model across several', () => {
    const compiled = BUILTIN_MODELS.map(compileModel);
    const ref = BUILTIN_MODELS.map(reference.compileModel);
    for (const values of accounts.slice(0, 1000)) {
      expect(scoreBest(compiled, values, NOW)).toEqual(reference.scoreBest(ref, values, NOW));
    }
  });

  it('reads facts from objects without a prototype and ignores facts the model does not use', () => {
    const compiled = compileModel(wide);
    const ref = reference.compileModel(wide);
    for (const values of accounts.slice(0, 200)) {
      const bare = Object.assign(Object.create(null), values, { 'custom.unused': 1, toString: 'x' }) as FactValues;
      expect(scoreCompiled(compiled, bare, NOW)).toEqual(reference.scoreCompiled(ref, values, NOW));
    }
  });
});

describe('conditions against the reference conditions', () => {
  it('reads every calendar day from 1600 to 2200 to the same millisecond as Date.UTC', () => {
    for (let t = Date.UTC(1600, 0, 1); t <= Date.UTC(2200, 11, 31); t += 86_400_000) {
      const s = new Date(t).toISOString().slice(0, 10);
      if (time(s) !== t) expect(`${s} → ${time(s)}`).toBe(`${s} → ${t}`);
    }
  });

  it('reads odd and invalid date texts exactly as before (rollover, years before 100, non-digits, other forms)', () => {
    const texts = [...ODD_DATES];
    for (let m = 0; m <= 19; m++) for (const d of ['00', '01', '28', '29', '30', '31', '32', '99']) texts.push(`2024-${String(m).padStart(2, '0')}-${d}`);
    for (const y of ['0000', '0001', '0099', '0100', '1899', '2024', '9999']) texts.push(`${y}-02-29`, `${y}-12-31`);
    for (const s of texts) expect([s, time(s)]).toEqual([s, referenceTime(s)]);
  });

  it('answers every operator as before, including case-insensitive matches past the memo size', () => {
    // Straight to the compiler (no model validation): list and date operators on text too, as custom facts give.
    const conditions: Condition[] = [
      ...criteria,
      { field: 'custom.tools', op: 'allOf', value: ['a', 'B'] },
      { field: 'custom.tools', op: 'noneOf', value: ['gold'] },
      { field: 'custom.since', op: 'withinNextDays', value: 400 },
      { field: 'custom.since', op: 'after', value: '2024-02-29' },
    ];
    const rnd = prng(5);
    const words = ['Gold', 'gold', 'GOLD', 'platinum', 'Salesforce', 'salesforce', 'dbt', 'Airflow', 'US', 'us', 'RU'];
    const values: unknown[] = [...ODD_DATES];
    // More distinct spellings than a memo keeps (4,096), so answers are checked across a memo starting over.
    for (let i = 0; i < 6000; i++) values.push(`${words[i % words.length]}${i % 3 === 0 ? '' : i}`);
    for (let i = 0; i < 3000; i++) {
      values.push(Math.floor(rnd() * 100_000), { min: Math.floor(rnd() * 1000), max: rnd() < 0.3 ? undefined : Math.floor(rnd() * 10_000) });
      values.push([words[i % words.length], words[(i * 7) % words.length].toUpperCase()], String(rnd() * 1000));
    }
    values.push(true, false, null, undefined, '', [], 'true', 'False', NaN, [{ type: 'funding', date: '2026-11-01' }]);
    for (const c of conditions) {
      const ours = compileCondition(c);
      const theirs = referenceCondition(c);
      for (const v of values) {
        const v2 = v && typeof v === 'object' && !Array.isArray(v) && (v as { max?: number }).max === undefined ? { min: (v as { min: number }).min } : v;
        if (ours(v2, NOW) !== theirs(v2, NOW)) expect([c.op, c.value, v2, ours(v2, NOW)]).toEqual([c.op, c.value, v2, theirs(v2, NOW)]);
      }
    }
  });
});
