import type { Condition } from '../model/schema';
import {
  compareInterval,
  compilePresent,
  dateTestOf,
  high,
  HOLDS,
  inSignalWindow,
  intervalOf,
  low,
  memo,
  NOT,
  signalWindowOf,
  textTruthOf,
  time,
  toList,
  UNKNOWN,
  wantedOf,
  type Predicate,
} from './conditions';

/**
 * One evaluator per fact: answers every criterion that reads the fact in one go, from the fact's present value.
 *
 * Why: criteria share facts (the bench's 30 read 19: six read `technologies`, three `signals`, two each the country,
 * revenue and dates). Asked one criterion at a time, a list was walked and its items looked up once per criterion,
 * a date parsed once per criterion, a band read once per criterion. Grouped per fact, the value is read once:
 *   - numbers and bands: the interval is read once, then compared with each criterion's bounds;
 *   - texts (eq, in, notIn): one memo lookup gives the answers of all of them, packed two bits each;
 *   - lists (anyOf, allOf, noneOf): one walk and one memo lookup per item give a bit mask of the wanted values
 *     present, which answers each criterion with one AND;
 *   - dates: parsed once; signals: each signal's date parsed once for all hasSignal criteria;
 *   - anything else (is, eq with a boolean, exists, and groups too big for the masks): the criterion's own predicate.
 * Plain closures built per model (no eval: extension pages forbid it). The answers are exactly compilePresent's
 * (tests/unit/engine/fields.test.ts checks them against it, and the differential tests against the reference engine).
 *
 * `truths` holds each criterion's answer by its index in the model; the caller fills it with the answers for a
 * missing fact first (UNKNOWN, NOT for `exists`), so an evaluator may leave an UNKNOWN answer unwritten.
 */
export type FieldEvaluator = (value: unknown, now: number, truths: Uint8Array) => void;

/** A criterion (or segment condition) reading the fact, and where its answer goes in `truths`. */
export interface FieldCondition {
  index: number;
  condition: Condition;
}

/** Text answers are packed two bits per criterion into one memoised number: at most 15 criteria per pack. */
export const TEXT_PACK = 15;
/** List masks are 31-bit ints: at most 31 distinct wanted values across a fact's list criteria. */
export const LIST_BITS = 31;

type ListOp = 'anyOf' | 'allOf' | 'noneOf';

/**
 * A fact's conditions sorted into the families answered together. Shared with the Node-only code generator
 * (codegen.ts), so both answer each condition by the same family.
 */
export interface ConditionGroups {
  intervals: { index: number; bounds: [number, number, boolean, boolean] }[];
  texts: { index: number; truth: (s: string) => number }[];
  /** List criteria answered by one mask (empty when their wanted values do not fit in LIST_BITS: then in `others`). */
  lists: { index: number; op: ListOp; wanted: string[]; condition: Condition }[];
  /** The distinct wanted values of `lists`, lower-cased: bit i of a mask stands for union[i]. */
  union: string[];
  dates: { index: number; test: (t: number, now: number) => boolean; condition: Condition }[];
  signals: { index: number; within: ReturnType<typeof signalWindowOf> }[];
  others: { index: number; predicate: Predicate; condition: Condition }[];
}

export function groupConditions(conditions: readonly FieldCondition[]): ConditionGroups {
  const g: ConditionGroups = { intervals: [], texts: [], lists: [], union: [], dates: [], signals: [], others: [] };
  for (const { index, condition: c } of conditions) {
    const bounds = intervalOf(c);
    const truth = textTruthOf(c);
    const test = dateTestOf(c);
    if (bounds) g.intervals.push({ index, bounds });
    else if (truth) g.texts.push({ index, truth });
    else if (test) g.dates.push({ index, test, condition: c });
    else if (c.op === 'anyOf' || c.op === 'allOf' || c.op === 'noneOf') g.lists.push({ index, op: c.op, wanted: wantedOf(c.value), condition: c });
    else if (c.op === 'hasSignal') g.signals.push({ index, within: signalWindowOf(c.value) });
    else g.others.push({ index, predicate: compilePresent(c), condition: c });
  }
  const union = new Set(g.lists.flatMap((l) => l.wanted));
  if (union.size <= LIST_BITS) g.union = [...union];
  else {
    for (const { index, condition } of g.lists) g.others.push({ index, predicate: compilePresent(condition), condition });
    g.lists = [];
  }
  return g;
}

export function compileFieldEvaluator(conditions: readonly FieldCondition[]): FieldEvaluator {
  const parts: FieldEvaluator[] = [];
  const { intervals, texts, lists, union, dates, signals, others } = groupConditions(conditions);
  if (intervals.length > 0) parts.push(intervalEvaluator(intervals));
  for (let k = 0; k < texts.length; k += TEXT_PACK) parts.push(textEvaluator(texts.slice(k, k + TEXT_PACK)));
  if (lists.length > 0) parts.push(listEvaluator(lists, union));
  if (dates.length > 0) parts.push(dateEvaluator(dates));
  if (signals.length > 0) parts.push(signalEvaluator(signals));
  for (const { index, predicate } of others) parts.push((v, now, truths) => void (truths[index] = predicate(v, now)));
  if (parts.length === 1) return parts[0];
  return (v, now, truths) => {
    for (let p = 0; p < parts.length; p++) parts[p](v, now, truths);
  };
}

function intervalEvaluator(intervals: { index: number; bounds: [number, number, boolean, boolean] }[]): FieldEvaluator {
  const n = intervals.length;
  const index = Int32Array.from(intervals, (x) => x.index);
  const lo = Float64Array.from(intervals, (x) => x.bounds[0]);
  const hi = Float64Array.from(intervals, (x) => x.bounds[1]);
  const loOpen = intervals.map((x) => x.bounds[2]);
  const hiOpen = intervals.map((x) => x.bounds[3]);
  return (v, _now, truths) => {
    const a = low(v);
    const b = high(v);
    if (Number.isNaN(a) || Number.isNaN(b)) return; // unknown to all
    for (let k = 0; k < n; k++) truths[index[k]] = compareInterval(a, b, lo[k], hi[k], loOpen[k], hiOpen[k]);
  };
}

function textEvaluator(texts: { index: number; truth: (s: string) => number }[]): FieldEvaluator {
  const n = texts.length;
  const index = Int32Array.from(texts, (x) => x.index);
  const packed = memo((s) => {
    let code = 0;
    for (let k = 0; k < n; k++) code |= texts[k].truth(s) << (2 * k);
    return code;
  });
  return (v, _now, truths) => {
    if (typeof v !== 'string') return; // unknown to all
    const code = packed(v);
    for (let k = 0; k < n; k++) truths[index[k]] = (code >>> (2 * k)) & 3;
  };
}

function listEvaluator(lists: { index: number; op: 'anyOf' | 'allOf' | 'noneOf'; wanted: string[] }[], union: string[]): FieldEvaluator {
  const n = lists.length;
  const index = Int32Array.from(lists, (x) => x.index);
  const maskOf = (wanted: readonly string[]) => wanted.reduce((m, w) => m | (1 << union.indexOf(w)), 0);
  const masks = Int32Array.from(lists, (x) => maskOf(x.wanted));
  const ANY = 0;
  const ALL = 1;
  const NONE = 2;
  const ops = Uint8Array.from(lists, (x) => (x.op === 'anyOf' ? ANY : x.op === 'allOf' ? ALL : NONE));
  const bitOf = memo((item) => {
    const i = union.indexOf(item.toLowerCase());
    return i === -1 ? 0 : 1 << i;
  });
  return (v, _now, truths) => {
    const list = toList(v);
    if (!list) return; // unknown to all
    let present = 0;
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      if (typeof item === 'string') present |= bitOf(item);
    }
    for (let k = 0; k < n; k++) {
      const hits = present & masks[k];
      const op = ops[k];
      if (op === ANY) truths[index[k]] = hits !== 0 ? HOLDS : NOT;
      else if (op === NONE) truths[index[k]] = hits !== 0 ? NOT : HOLDS;
      else truths[index[k]] = hits === masks[k] ? HOLDS : NOT;
    }
  };
}

function dateEvaluator(dates: { index: number; test: (t: number, now: number) => boolean }[]): FieldEvaluator {
  const n = dates.length;
  const index = Int32Array.from(dates, (x) => x.index);
  const tests = dates.map((x) => x.test);
  return (v, now, truths) => {
    const t = time(v);
    if (t === undefined) return; // unknown to all
    for (let k = 0; k < n; k++) truths[index[k]] = tests[k](t, now) ? HOLDS : NOT;
  };
}

function signalEvaluator(signals: { index: number; within: ReturnType<typeof signalWindowOf> }[]): FieldEvaluator {
  const n = signals.length;
  const index = Int32Array.from(signals, (x) => x.index);
  const types = signals.map((x) => x.within.types);
  const typeLists = types.map((t) => (t ? [...t] : undefined));
  const spans = Float64Array.from(signals, (x) => x.within.span);
  const found = new Uint8Array(n);
  return (v, now, truths) => {
    if (!Array.isArray(v)) return; // unknown to all
    found.fill(0);
    // As compilePresent's hasSignal: a signal derived from another fact (`from`) speaks only for its own type.
    let sourced = v.length === 0;
    let derivedTypes: Set<string> | undefined;
    for (let j = 0; j < v.length; j++) {
      const s = v[j] as { type: string; date: string; from?: string };
      if (s.from === undefined) sourced = true;
      else (derivedTypes ??= new Set()).add(s.type);
      const t = time(s.date);
      if (t === undefined) continue;
      for (let k = 0; k < n; k++) {
        if (found[k] === 1) continue;
        const ts = types[k];
        if (ts !== undefined && !ts.has(s.type)) continue;
        if (inSignalWindow(t, now, spans[k])) found[k] = 1;
      }
    }
    for (let k = 0; k < n; k++) {
      const list = typeLists[k];
      truths[index[k]] =
        found[k] === 1 ? HOLDS : sourced || (list !== undefined && list.every((t) => derivedTypes!.has(t))) ? NOT : UNKNOWN;
    }
  };
}
