import { Engine, type RuleProperties } from 'json-rules-engine';
import type { CompiledModel } from '../lib/engine/score';
import type { Criterion } from '../lib/model/schema';

/**
 * The bench's baseline: the same criteria as json-rules-engine rules (one rule per criterion, the event carrying the
 * points). Built-in operators where json-rules-engine has them; custom operators for bands, lists, dates and signals.
 * Two-valued: json-rules-engine has no "unknown", so a missing fact simply fails, which only makes its job easier.
 */

const DAY_MS = 86_400_000;
/** Facts that may be a band {min, max?} instead of a number. */
const BAND_FIELDS = new Set(['employees', 'revenueUsd']);

type Band = { min: number; max?: number };
const lo = (v: unknown) => (typeof v === 'number' ? v : (v as Band).min);
const hi = (v: unknown) => (typeof v === 'number' ? v : ((v as Band).max ?? Infinity));
const isNumeric = (v: unknown) => typeof v === 'number' || (v !== null && typeof v === 'object' && 'min' in v);
const lowerList = (v: unknown) => (Array.isArray(v) ? (v as string[]).map((s) => s.toLowerCase()) : undefined);
const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);

function operatorFor(c: Criterion): { operator: string; value: unknown } {
  switch (c.op) {
    case 'eq':
    case 'is':
      return { operator: 'equal', value: c.value };
    case 'gte':
      return BAND_FIELDS.has(c.field) ? { operator: 'bandGte', value: c.value } : { operator: 'greaterThanInclusive', value: c.value };
    case 'gt':
      return BAND_FIELDS.has(c.field) ? { operator: 'bandGt', value: c.value } : { operator: 'greaterThan', value: c.value };
    case 'lte':
      return BAND_FIELDS.has(c.field) ? { operator: 'bandLte', value: c.value } : { operator: 'lessThanInclusive', value: c.value };
    case 'lt':
      return BAND_FIELDS.has(c.field) ? { operator: 'bandLt', value: c.value } : { operator: 'lessThan', value: c.value };
    case 'between':
      return { operator: 'between', value: c.value };
    case 'in':
      return { operator: 'in', value: c.value };
    case 'notIn':
      return { operator: 'notIn', value: c.value };
    case 'exists':
      return { operator: 'exists', value: true };
    default:
      return { operator: c.op, value: c.value };
  }
}

/** An Engine holding the model's criteria as rules. `now` is fixed at build time (operators cannot see facts). */
export function buildRulesEngine(compiled: CompiledModel, now: number): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<unknown, number>('bandGte', (v, x) => isNumeric(v) && lo(v) >= x);
  engine.addOperator<unknown, number>('bandGt', (v, x) => isNumeric(v) && lo(v) > x);
  engine.addOperator<unknown, number>('bandLte', (v, x) => isNumeric(v) && hi(v) <= x);
  engine.addOperator<unknown, number>('bandLt', (v, x) => isNumeric(v) && hi(v) < x);
  engine.addOperator<unknown, [number, number]>('between', (v, [a, b]) => isNumeric(v) && lo(v) >= a && hi(v) <= b);
  engine.addOperator<unknown, string[]>('anyOf', (v, want) => {
    const list = lowerList(v);
    return !!list && want.some((w) => list.includes(w.toLowerCase()));
  });
  engine.addOperator<unknown, string[]>('allOf', (v, want) => {
    const list = lowerList(v);
    return !!list && want.every((w) => list.includes(w.toLowerCase()));
  });
  engine.addOperator<unknown, string[]>('noneOf', (v, want) => {
    const list = lowerList(v);
    return !!list && !want.some((w) => list.includes(w.toLowerCase()));
  });
  engine.addOperator<unknown, boolean>('exists', (v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  engine.addOperator<unknown, number>('withinLastDays', (v, days) => {
    const t = time(v);
    return t <= now && now - t <= days * DAY_MS;
  });
  engine.addOperator<unknown, number>('withinNextDays', (v, days) => {
    const t = time(v);
    return t >= now - DAY_MS && t - now <= days * DAY_MS;
  });
  engine.addOperator<unknown, string>('before', (v, d) => time(v) < Date.parse(d));
  engine.addOperator<unknown, string>('after', (v, d) => time(v) > Date.parse(d));
  engine.addOperator<unknown, { types?: string[]; withinLastDays?: number }>('hasSignal', (v, want) => {
    if (!Array.isArray(v)) return false;
    const span = want.withinLastDays === undefined ? Infinity : want.withinLastDays * DAY_MS;
    return (v as { type: string; date: string }[]).some((s) => {
      const t = Date.parse(s.date);
      return (!want.types || want.types.includes(s.type)) && t <= now && now - t <= span;
    });
  });
  for (const cc of compiled.criteria) {
    const c = cc.criterion;
    const rule: RuleProperties = {
      name: c.id,
      conditions: { all: [{ fact: c.field, ...operatorFor(c) }] },
      event: { type: c.id, params: { kind: c.kind, worth: cc.worth } },
    };
    engine.addRule(rule);
  }
  return engine;
}

/** Scores one account the json-rules-engine way: run the rules, then add up points and gates from the results. */
export async function scoreWithRulesEngine(engine: Engine, facts: Record<string, unknown>) {
  const { events, failureEvents } = await engine.run(facts);
  let score = 0;
  let blocked = false;
  for (const e of events) {
    const { kind, worth } = e.params as { kind: string; worth: number };
    if (kind === 'exclude') blocked = true;
    else score += worth;
  }
  for (const e of failureEvents) if ((e.params as { kind: string }).kind === 'must') blocked = true;
  return { score, blocked };
}
