import type { Condition } from '../model/schema';
import { HOLDS, high, low, memo, NOT, time, toList, UNKNOWN } from './conditions';
import { groupConditions, TEXT_PACK, type ConditionGroups } from './fields';
import { FAIL, PASS, segmentIndexFor, UNKNOWN_STATUS, type CompiledModel, type GeneratedEvaluators } from './score';

/**
 * Node only: the model's evaluators as generated JavaScript (new Function), for `icp score`, the bench and other Node
 * callers. Never imported by the extension: extension pages forbid eval and new Function (MV3's CSP), and the
 * content script must not carry it either. The extension scores with the closures of fields.ts.
 *
 * Why: the closure engine calls one small function per fact through a megamorphic call site, looks each fact name up
 * in a Map, keeps each criterion's answer in a typed array and settles it in a loop over typed arrays. Generated
 * code does the same work straight-line: a switch on the fact's name (by its length, then its text) picks the
 * fact's code inline; each criterion's answer is a local; constants are baked in; the settle step is a few integer
 * operations per criterion, without branches. The answers are the closure engine's exactly: tests/unit/engine/codegen.test.ts compares every field of
 * the Evaluation on random accounts and random models.
 *
 * Injection: field names, texts and other values of a model are user input. They reach the source only as
 * JSON.stringify'd string literals or checked numbers (lit); everything else in the source is made here. Anything
 * else a condition needs (a predicate, a memo) is handed over in arrays and referenced by index.
 */

/** A number as a source literal: only ever a number (the text of a finite number, or a division for the infinities). */
function lit(n: unknown): string {
  if (typeof n !== 'number') throw new Error(`codegen: expected a number, got ${typeof n}`);
  if (Number.isNaN(n)) return '(0/0)';
  if (n === Infinity) return '(1/0)';
  if (n === -Infinity) return '(-1/0)';
  return Object.is(n, -0) ? '(-0)' : String(n);
}
/** A string as a source literal. */
const str = (s: unknown): string => {
  if (typeof s !== 'string') throw new Error(`codegen: expected a text, got ${typeof s}`);
  return JSON.stringify(s);
};

const DAY_MS = 86_400_000;

// The settle code's arithmetic (settleCode) relies on these values.
if (HOLDS !== 1 || NOT !== 0 || UNKNOWN !== 2 || PASS !== 0 || FAIL !== 1 || UNKNOWN_STATUS !== 2) throw new Error('codegen: truth or status values changed');
/** Most literal cases a text or list switch gets before the rest go to the memo: a long switch costs more than a Map. */
const MAX_CASES = 24;

/**
 * The longest generated function accepted. V8 optimises no function past a bytecode size (60 KB in Node 20), and an
 * unoptimised generated function is many times slower than the closures: on the bench model repeated, 330 criteria
 * (61,000 characters) ran at 2.7x the closures' rate, 360 (65,000) at a third of it. Well below that, about 200
 * criteria; real models have tens.
 */
const MAX_FUNCTION_SOURCE = 40_000;

/** What the generated code reads besides its own literals. */
interface Helpers {
  low: typeof low;
  high: typeof high;
  time: typeof time;
  toList: typeof toList;
  /** Per slot's text pack: the memoised packed answer of a text (see fields.ts, textEvaluator). */
  packs: ((s: string) => number)[];
  /** Per slot's list group: the memoised bit of an item. */
  bits: ((s: string) => number)[];
  /** Predicates of the conditions answered one by one. */
  predicates: ((v: unknown, now: number) => number)[];
  segmentIndexFor: typeof segmentIndexFor;
  segments: CompiledModel['segments'];
  tiers: string[];
}

class Source {
  lines: string[] = [];
  add(line: string) {
    this.lines.push(line);
  }
}

/** The code answering every criterion that reads one fact, from its present value `v` (the closure evaluator's logic). */
function factCode(out: Source, g: ConditionGroups, conditionOf: Map<number, Condition>, h: Helpers, t: (index: number) => string) {
  if (g.intervals.length > 0) {
    out.add('{ const a = typeof v === "number" ? v : low(v), b = typeof v === "number" ? v : high(v);');
    out.add('if (a === a && b === b) {');
    for (const { index, bounds } of g.intervals) {
      const [lo, hi, loOpen, hiOpen] = bounds;
      const aOk = `a ${loOpen ? '>' : '>='} ${lit(lo)}`;
      const bOk = `b ${hiOpen ? '<' : '<='} ${lit(hi)}`;
      const bAboveLo = `b ${loOpen ? '>' : '>='} ${lit(lo)}`;
      const aBelowHi = `a ${hiOpen ? '<' : '<='} ${lit(hi)}`;
      out.add(`${t(index)} = ${aOk} && ${bOk} ? ${HOLDS} : !(${bAboveLo}) || !(${aBelowHi}) ? ${NOT} : ${UNKNOWN};`);
    }
    out.add('} }');
  }
  for (let k = 0; k < g.texts.length; k += TEXT_PACK) {
    const texts = g.texts.slice(k, k + TEXT_PACK);
    const packed = (s: string) => texts.reduce((code, x, j) => code | (x.truth(s) << (2 * j)), 0);
    const p = h.packs.push(memo(packed)) - 1;
    out.add('if (typeof v === "string") { let c;');
    // The texts the model names, spelled as in the model, are answered by a literal case: the common values.
    const spellings = [...new Set(texts.flatMap((x) => spellingsOf(conditionOf.get(x.index)!)))].slice(0, MAX_CASES);
    out.add('switch (v) {');
    for (const s of spellings) out.add(`case ${str(s)}: c = ${lit(packed(s))}; break;`);
    out.add(`default: c = packs[${p}](v); }`);
    texts.forEach((x, j) => out.add(`${t(x.index)} = ${j === 0 ? 'c' : `c >>> ${2 * j}`} & 3;`));
    out.add('}');
  }
  if (g.lists.length > 0) {
    const { union } = g;
    const bitOf = (item: string) => {
      const i = union.indexOf(item.toLowerCase());
      return i === -1 ? 0 : 1 << i;
    };
    const b = h.bits.push(memo(bitOf)) - 1;
    const spellings = [...new Set(g.lists.flatMap((l) => (l.condition as { value: string[] }).value))].slice(0, MAX_CASES);
    out.add('{ const L = Array.isArray(v) ? v : toList(v);');
    out.add('if (L !== undefined) { let m = 0;');
    out.add('for (let i = 0; i < L.length; i++) { const it = L[i]; if (typeof it !== "string") continue;');
    out.add('switch (it) {');
    for (const s of spellings) out.add(`case ${str(s)}: m |= ${lit(bitOf(s))}; break;`);
    out.add(`default: m |= bits[${b}](it); } }`);
    for (const { index, op, wanted } of g.lists) {
      const mask = wanted.reduce((m, w) => m | (1 << union.indexOf(w)), 0);
      if (op === 'anyOf') out.add(`${t(index)} = (m & ${lit(mask)}) !== 0 ? ${HOLDS} : ${NOT};`);
      else if (op === 'noneOf') out.add(`${t(index)} = (m & ${lit(mask)}) !== 0 ? ${NOT} : ${HOLDS};`);
      else out.add(`${t(index)} = (m & ${lit(mask)}) === ${lit(mask)} ? ${HOLDS} : ${NOT};`);
    }
    out.add('} }');
  }
  if (g.dates.length > 0) {
    out.add('{ const T = time(v); if (T !== undefined) {');
    for (const { index, condition } of g.dates) out.add(`${t(index)} = ${dateTest(condition)} ? ${HOLDS} : ${NOT};`);
    out.add('} }');
  }
  if (g.signals.length > 0) {
    out.add('if (Array.isArray(v)) {');
    out.add(`let sourced = v.length === 0, derived;${g.signals.map((_, k) => ` let f${k} = false;`).join('')}`);
    out.add('for (let j = 0; j < v.length; j++) { const s = v[j]; const ty = s.type;');
    // As compilePresent's hasSignal: a signal derived from another fact (`from`) speaks only for its own type.
    out.add('if (s.from === undefined) sourced = true; else (derived ??= new Set()).add(ty);');
    out.add('const T = time(s.date); if (T === undefined || T > now) continue;');
    g.signals.forEach(({ within }, k) => {
      const types = within.types ? [...within.types] : undefined;
      const typeTest = types === undefined ? 'true' : types.length === 0 ? 'false' : types.map((x) => `ty === ${str(x)}`).join(' || ');
      out.add(`if (!f${k} && (${typeTest}) && now - T <= ${lit(within.span)}) f${k} = true;`);
    });
    out.add('}');
    g.signals.forEach(({ index, within }, k) => {
      const types = within.types ? [...within.types] : undefined;
      const allDerived = types === undefined ? 'false' : types.length === 0 ? 'true' : types.map((x) => `derived.has(${str(x)})`).join(' && ');
      out.add(`${t(index)} = f${k} ? ${HOLDS} : sourced || (${allDerived}) ? ${NOT} : ${UNKNOWN};`);
    });
    out.add('}');
  }
  for (const { index, predicate, condition } of g.others) {
    const q = h.predicates.push(predicate) - 1;
    if ((condition.op === 'is' || condition.op === 'eq') && typeof condition.value === 'boolean') {
      const want = condition.value ? 'true' : 'false';
      out.add(`${t(index)} = typeof v === "boolean" ? (v === ${want} ? ${HOLDS} : ${NOT}) : predicates[${q}](v, now);`);
    } else out.add(`${t(index)} = predicates[${q}](v, now);`);
  }
}

/** The texts a text condition names, as spelled in the model. */
function spellingsOf(c: Condition): string[] {
  if (c.op === 'eq' && typeof c.value === 'string') return [c.value];
  if (c.op === 'in' || c.op === 'notIn') return c.value;
  return [];
}

/** dateTestOf's test as an expression of T (the date, ms) and now. */
function dateTest(c: Condition): string {
  switch (c.op) {
    case 'withinLastDays':
      return `(T <= now && now - T <= ${lit(c.value * DAY_MS)})`;
    case 'withinNextDays':
      return `(T >= now - ${lit(DAY_MS)} && T - now <= ${lit(c.value * DAY_MS)})`;
    case 'before':
      return `(T < ${lit(Date.parse(c.value))})`;
    case 'after':
      return `(T > ${lit(Date.parse(c.value))})`;
    default:
      throw new Error(`codegen: ${c.op} is not a date operator`);
  }
}

/** The statuses, score, verdict, tier and confidence from the answers: settle (score.ts) unrolled. */
function settleCode(out: Source, compiled: CompiledModel, segmentsFrom: string) {
  const { criteria, model } = compiled;
  // Branch-free: an account's statuses are as good as random to the processor, so a branch per criterion would be
  // mispredicted half the time. With truths HOLDS 1, NOT 0, UNKNOWN 2 and statuses PASS 0, FAIL 1, UNKNOWN 2
  // (checked below), a scored criterion's status is t ^ 1 ^ (t >> 1) and a hard-no's is t; then a status s is a
  // fail when s & 1, unknown when s >> 1, a pass when neither.
  out.add('let score = 0, potential = 0, known = 0, blocked = 0, unknownMust = 0, s = 0;');
  criteria.forEach((cc, i) => {
    const kind = cc.criterion.kind;
    const w = cc.worth;
    const cw = cc.confidenceWeight;
    const line = [kind === 'exclude' ? `s = t${i};` : `s = t${i} ^ 1 ^ (t${i} >> 1);`, `statuses[${i}] = s;`];
    if (w) line.push(`score += ${lit(w)} * (1 ^ ((s & 1) | (s >> 1)));`, `potential += ${lit(w)} * (1 ^ (s & 1));`);
    line.push(`known += ${lit(cw)} * (1 ^ (s >> 1));`);
    if (kind !== 'score') line.push('blocked |= s & 1;');
    if (kind === 'must') line.push('unknownMust |= s >> 1;');
    out.add(line.join(' '));
  });
  const total = compiled.totalConfidenceWeight;
  out.add(`const confidence = ${total === 0 ? '1' : `Math.round((100 * known) / ${lit(total)}) / 100`};`);
  const { minScore, minConfidence } = model.gate;
  out.add(
    `const verdict = blocked !== 0 || potential < ${lit(minScore)} ? "not-fit" : unknownMust !== 0 || score < ${lit(minScore)} || confidence < ${lit(minConfidence)} ? "needs-data" : "fit";`,
  );
  const tierChain = model.tiers.map((tier, k) => `score >= ${lit(tier.minScore)} ? ${k} : `).join('');
  out.add(`const tierIndex = verdict === "fit" ? ${tierChain}-1 : -1;`);
  out.add(
    `return { score, potentialScore: potential, verdict, tierIndex, tier: tierIndex === -1 ? null : tiers[tierIndex], confidence, blocked: blocked !== 0, segmentIndex: ${segmentsFrom}, statuses };`,
  );
}

/**
 * Generates the model's evaluate and evaluateSlots (same contracts as score.ts's, without `stale`). Throws where code
 * cannot be generated (new Function forbidden) or would be too big to run fast: see useGeneratedCode.
 */
export function generateEvaluators(compiled: CompiledModel): GeneratedEvaluators {
  const h: Helpers = {
    low,
    high,
    time,
    toList,
    packs: [],
    bits: [],
    predicates: [],
    segmentIndexFor,
    segments: compiled.segments,
    tiers: compiled.model.tiers.map((t) => t.id),
  };
  const { fields, criteria } = compiled;
  const hasSegments = compiled.segments.length > 0;
  // Per slot, the code for a present value.
  const blocks = fields.map((_, slot) => {
    const out = new Source();
    const conditions = criteria.flatMap((c, index) => (c.slot === slot ? [{ index, condition: c.criterion as Condition }] : []));
    factCode(out, groupConditions(conditions), new Map(conditions.map((c) => [c.index, c.condition])), h, (i) => `t${i}`);
    return out.lines;
  });
  const declareTruths = criteria.length ? `let ${criteria.map((c, i) => `t${i} = ${lit(c.missingTruth)}`).join(', ')};` : '';

  const walk = new Source();
  walk.add('function evaluate(values, now, statuses) {');
  walk.add(declareTruths);
  if (hasSegments) walk.add('S.fill(undefined);');
  // Object.entries walks the account's own properties inside V8; the switch on the name's length, then its text,
  // replaces a Map lookup per property (property names are internalised strings: each comparison is cheap).
  walk.add('for (const _ in values) break;'); // keeps V8's enum cache on the account's shape: see evaluate in score.ts
  walk.add('const E = Object.entries(values);');
  walk.add('for (let e = 0; e < E.length; e++) { const en = E[e]; const v = en[1];');
  walk.add('if (v === undefined || v === null || v === "") continue;');
  walk.add('const k = en[0];');
  const byLength = new Map<number, number[]>();
  fields.forEach((f, slot) => byLength.set(f.length, [...(byLength.get(f.length) ?? []), slot]));
  walk.add('switch (k.length) {');
  for (const [length, slots] of byLength) {
    walk.add(`case ${lit(length)}:`);
    slots.forEach((slot, j) => {
      walk.add(`${j ? 'else ' : ''}if (k === ${str(fields[slot])}) {`);
      for (const line of blocks[slot]) walk.add(line);
      // Segments read the account's facts by slot: the object walk lays them out (evaluateSlots is given them so).
      if (hasSegments) walk.add(`S[${slot}] = v;`);
      walk.add('}');
    });
    walk.add('break;');
  }
  walk.add('} }');
  settleCode(walk, compiled, hasSegments ? 'segmentIndexFor(segments, S, now)' : '-1');
  walk.add('}');

  const bySlot = new Source();
  bySlot.add('function evaluateSlots(slots, now, statuses) {');
  bySlot.add(declareTruths);
  bySlot.add('let v;');
  fields.forEach((_, slot) => {
    bySlot.add(`v = slots[${slot}]; if (v !== undefined) {`);
    for (const line of blocks[slot]) bySlot.add(line);
    bySlot.add('}');
  });
  settleCode(bySlot, compiled, hasSegments ? 'segmentIndexFor(segments, slots, now)' : '-1');
  bySlot.add('}');

  const size = Math.max(walk.lines.join('\n').length, bySlot.lines.join('\n').length);
  if (size > MAX_FUNCTION_SOURCE) throw new Error(`codegen: ${size} characters of code is too big for V8 to optimise; the closures score this model`);
  const names = Object.keys(h) as (keyof Helpers)[];
  const source = [
    '"use strict";',
    `const { ${names.join(', ')} } = h;`,
    hasSegments ? `const S = new Array(${lit(fields.length)}).fill(undefined);` : '',
    ...walk.lines,
    ...bySlot.lines,
    'return { evaluate, evaluateSlots };',
  ].join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- Node only (see above); the source holds no model text but as JSON literals.
  const make = new Function('h', source) as (h: Helpers) => GeneratedEvaluators;
  return make(h);
}

/**
 * Gives `compiled` generated evaluators when this runtime allows new Function (Node does) and the model is not too
 * big (MAX_FUNCTION_SOURCE), so evaluate and evaluateSlots use them; keeps the closures otherwise. Returns `compiled`.
 */
export function useGeneratedCode(compiled: CompiledModel): CompiledModel {
  try {
    compiled.generated = generateEvaluators(compiled);
  } catch {
    compiled.generated = undefined;
  }
  return compiled;
}
