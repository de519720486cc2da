import type { FactValues } from '../facts/vocabulary';
import { DIMENSIONS, type Condition, type Criterion, type CriterionKind, type Dimension, type Evidence, type IcpModel } from '../model/schema';
import { compilePresent, HOLDS, NOT, UNKNOWN, type Predicate } from './conditions';
import { compileFieldEvaluator, type FieldCondition, type FieldEvaluator } from './fields';

/**
 * The scoring engine: pure and deterministic (the clock is an argument), no DOM, storage or network.
 * The same module runs in the extension and in Node (`icp`).
 *
 * Points: the model's scored points are turned once, per model, into whole "worth" points that add up to exactly 100
 * (dimension weight x the criterion's share of its dimension's points, apportioned by largest remainder). An account's
 * score is the sum of the worth of the criteria it passes, so the points shown per criterion add up exactly to the
 * score, with no rounding at scoring time. See docs/model-format.md.
 *
 * Two steps, so batch callers (the CSV pipeline, the bench) pay only for what they use:
 *   evaluate(compiled, values, now)  the hot path: score, verdict, tier, confidence and one status per criterion,
 *                                    in a few numbers and a Uint8Array; no per-criterion objects, no strings.
 *   explain(compiled, evaluation)    the full ScoreResult (criteria, dimensions, blockers, what would change,
 *                                    reasons) built from an evaluation, for the card and `icp explain`.
 * scoreCompiled = evaluate + explain. reasonsOf gives just the reasons (the CSV's icp_reasons) from an evaluation.
 */

export type Status = 'pass' | 'fail' | 'unknown';
export type Verdict = 'fit' | 'not-fit' | 'needs-data';

export interface CriterionResult {
  id: string;
  label: string;
  dimension: Dimension;
  kind: CriterionKind;
  field: string;
  /** pass = good for fit. A hard-no whose red flag is present is `fail`. */
  status: Status;
  /** Points earned: `worth` when passed, else 0. */
  points: number;
  /** Points this criterion is worth out of 100. */
  worth: number;
}

export interface WhatWouldChange {
  /** A tier id, or "fit" when the account is not fit yet. */
  target: string;
  /** Score points still needed for the target tier (0 when only gates stand in the way). */
  pointsNeeded: number;
  /** Unknown criteria whose answer would get there (best first). */
  unknown: string[];
  /** Failed criteria that would have to change (best first). */
  fail: string[];
  /** False when even every unknown and fail turning good would not reach the target. */
  reachable: boolean;
}

export interface ScoreResult {
  modelId: string;
  modelName: string;
  modelVersion: number;
  score: number;
  /** The score if every unknown criterion turned out to pass. */
  potentialScore: number;
  tier: string | null;
  tierLabel: string | null;
  verdict: Verdict;
  /** Share (0-1, two decimals) of the model's weight whose facts are known. */
  confidence: number;
  dimensions: Record<Dimension, { points: number; worth: number }>;
  criteria: CriterionResult[];
  /** Criteria that make the account not fit (failed musts, present hard-nos). */
  blockers: string[];
  whatWouldChange: WhatWouldChange | null;
  segment: { id: string; label: string; evidence: Evidence } | null;
  /** Short human-readable reasons, most important first. */
  reasons: string[];
}

/** Weight of a must or hard-no without points in the confidence measure. */
export const GATE_CONFIDENCE_WEIGHT = 10;

/** A criterion's status in an evaluation's `statuses` array (one byte per criterion, in model order). */
export const PASS = 0;
export const FAIL = 1;
export const UNKNOWN_STATUS = 2;
const STATUS_NAMES: readonly Status[] = ['pass', 'fail', 'unknown'];

interface CompiledCriterion {
  criterion: Criterion;
  /**
   * Reason texts made once per model, not per account. They never start with "+", "-", "=" or "@": spreadsheets
   * would read such a cell of `icp score`'s output as a formula.
   */
  passReason: string;
  unknownReason: string;
  /** "hard-no: …" or "failed must: …" (unused for scored criteria: their failing is no reason). */
  failReason: string;
  /** "unknown must: …" (musts only). */
  unknownMustReason: string;
  /** The answer when the criterion's fact is missing (present facts are answered by the fact's evaluator). */
  missingTruth: number;
  /** Index of the criterion's fact in CompiledModel.fields. */
  slot: number;
  worth: number;
  confidenceWeight: number;
}

interface CompiledSegment {
  id: string;
  label: string;
  evidence: Evidence;
  when: { field: string; slot: number; predicate: Predicate; missingTruth: number }[];
}

export interface CompiledModel {
  model: IcpModel;
  criteria: CompiledCriterion[];
  segments: CompiledSegment[];
  totalConfidenceWeight: number;
  /** Indexes of the criteria with points, biggest worth first: explanations walk this instead of sorting per account. */
  byWorth: number[];
  /** The distinct facts the criteria and segments read, each handed to its evaluator (see evaluate) or, by callers that lay facts out themselves, given in a slot (see evaluateSlots). */
  fields: string[];
  slotOf: Map<string, number>;
  /** Per dimension, the worth of its criteria (the same for every account). */
  dimensionWorth: Record<Dimension, number>;
  /** The hot loop's view of the criteria, in flat typed arrays (see evaluate). */
  hot: {
    /** Per slot, the evaluator answering every criterion that reads the slot's fact (see fields.ts). */
    evaluators: FieldEvaluator[];
    /** Status by truth: statusByTruth[3 * i + truth]. Folds "a hard-no's flag present is a fail" into a lookup. */
    statusByTruth: Uint8Array;
    /** Each criterion's answer when its fact is missing: copied into `truths` before each account. */
    missingTruth: Uint8Array;
    /** Scratch: each criterion's answer for the account being scored. */
    truths: Uint8Array;
    worth: Int32Array;
    confidenceWeight: Int32Array;
    /** 1 for musts and hard-nos: failing them blocks. */
    gate: Uint8Array;
    must: Uint8Array;
    tierMinScores: Float64Array;
    /**
     * Scratch for one account's facts, reused by every call (JavaScript runs one evaluate at a time). Filled by
     * evaluate only when the model has segments (their conditions read it).
     */
    values: unknown[];
  };
  /**
   * Generated straight-line evaluators, set only where code generation is allowed (Node: lib/engine/codegen.ts,
   * useGeneratedCode). evaluate and evaluateSlots use them when set, but for stale facts (the card's case).
   */
  generated?: GeneratedEvaluators;
}

/** evaluate and evaluateSlots for one model, without `stale` (see CompiledModel.generated). */
export interface GeneratedEvaluators {
  evaluate(values: FactValues, now: number, statuses: Uint8Array): Evaluation;
  evaluateSlots(slots: readonly unknown[], now: number, statuses: Uint8Array): Evaluation;
}

/** Largest-remainder apportionment of `total` whole points over exact shares (ties: earlier first). */
export function apportion(exact: number[], total: number): number[] {
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .filter((x) => x.frac > 1e-9)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

function worths(model: IcpModel): number[] {
  const pointsByDim = new Map<Dimension, number>();
  for (const c of model.criteria)
    if (c.points !== undefined) pointsByDim.set(c.dimension, (pointsByDim.get(c.dimension) ?? 0) + c.points);
  const totalWeight = DIMENSIONS.reduce((sum, d) => sum + (pointsByDim.get(d) ? model.dimensions[d] : 0), 0);
  if (totalWeight === 0) return model.criteria.map(() => 0);
  const exact = model.criteria.map((c) =>
    c.points === undefined ? 0 : (100 * model.dimensions[c.dimension] * c.points) / (totalWeight * pointsByDim.get(c.dimension)!),
  );
  return apportion(exact, 100);
}

/** A missing fact answers UNKNOWN, except to `exists`, for which absence is the answer NOT. */
const missingTruthOf = (c: Condition) => (c.op === 'exists' ? NOT : UNKNOWN);

export function compileModel(model: IcpModel): CompiledModel {
  const worth = worths(model);
  const fields: string[] = [];
  const slotOf = new Map<string, number>();
  const slotFor = (field: string) => {
    let slot = slotOf.get(field);
    if (slot === undefined) slotOf.set(field, (slot = fields.push(field) - 1));
    return slot;
  };
  const criteria: CompiledCriterion[] = model.criteria.map((criterion, i) => ({
    criterion,
    passReason: `${criterion.label} (+${worth[i]})`,
    unknownReason: `unknown: ${criterion.label} (${worth[i]})`,
    failReason: criterion.kind === 'exclude' ? `hard-no: ${criterion.label}` : `failed must: ${criterion.label}`,
    unknownMustReason: `unknown must: ${criterion.label}`,
    missingTruth: missingTruthOf(criterion),
    slot: slotFor(criterion.field),
    worth: worth[i],
    confidenceWeight: criterion.points === undefined ? GATE_CONFIDENCE_WEIGHT : Math.max(worth[i], 1),
  }));
  const segments = (model.segments ?? []).map((s) => ({
    id: s.id,
    label: s.label,
    evidence: s.evidence,
    when: s.when.map((c) => ({ field: c.field, slot: slotFor(c.field), predicate: compilePresent(c), missingTruth: missingTruthOf(c) })),
  }));
  const dimensionWorth = { firmographic: 0, technographic: 0, behavioural: 0, relationship: 0 };
  for (const c of criteria) dimensionWorth[c.criterion.dimension] += c.worth;
  const n = criteria.length;
  const statusByTruth = new Uint8Array(3 * n);
  criteria.forEach((c, i) => {
    const exclude = c.criterion.kind === 'exclude';
    statusByTruth[3 * i + HOLDS] = exclude ? FAIL : PASS;
    statusByTruth[3 * i + NOT] = exclude ? PASS : FAIL;
    statusByTruth[3 * i + UNKNOWN] = UNKNOWN_STATUS;
  });
  return {
    model,
    criteria,
    segments,
    totalConfidenceWeight: criteria.reduce((sum, c) => sum + c.confidenceWeight, 0),
    byWorth: criteria
      .map((c, i) => ({ worth: c.worth, i }))
      .filter((c) => c.worth > 0)
      .sort((a, b) => b.worth - a.worth || a.i - b.i)
      .map((c) => c.i),
    fields,
    slotOf,
    dimensionWorth,
    hot: {
      evaluators: fields.map((_, slot) =>
        compileFieldEvaluator(
          criteria.flatMap((c, index): FieldCondition[] => (c.slot === slot ? [{ index, condition: c.criterion }] : [])),
        ),
      ),
      statusByTruth,
      missingTruth: Uint8Array.from(criteria, (c) => c.missingTruth),
      truths: new Uint8Array(n),
      worth: Int32Array.from(criteria, (c) => c.worth),
      confidenceWeight: Int32Array.from(criteria, (c) => c.confidenceWeight),
      gate: Uint8Array.from(criteria, (c) => (c.criterion.kind === 'score' ? 0 : 1)),
      must: Uint8Array.from(criteria, (c) => (c.criterion.kind === 'must' ? 1 : 0)),
      tierMinScores: Float64Array.from(model.tiers, (t) => t.minScore),
      values: new Array<unknown>(fields.length).fill(undefined),
    },
  };
}

/** The compact result of scoring one account: what a batch needs, and all `explain` needs to build the rest. */
export interface Evaluation {
  score: number;
  /** The score if every unknown criterion turned out to pass. */
  potentialScore: number;
  verdict: Verdict;
  /** Index in model.tiers, -1 for none (only fits get a tier). */
  tierIndex: number;
  tier: string | null;
  /** Share (0-1, two decimals) of the model's weight whose facts are known. */
  confidence: number;
  /** True when a must failed or a hard-no's flag is present. */
  blocked: boolean;
  /** Index in compiled.segments, -1 for none. */
  segmentIndex: number;
  /** One of PASS / FAIL / UNKNOWN_STATUS per criterion, in model order. */
  statuses: Uint8Array;
}

/**
 * Scores one account into a compact Evaluation: the hot path. `now` (ms since epoch) decides "within the last N days";
 * pass it explicitly to stay deterministic. `statuses` may be passed in to be reused across accounts (then the
 * evaluation's statuses are overwritten by the next call: explain or reasonsOf it before evaluating the next one).
 *
 * Why this shape: accounts come as objects of many shapes (each has its own subset of facts), so looking fields up
 * by name (`values[field]` for each field) goes through V8's slow megamorphic property lookup once per field.
 * Walking the account's own properties once instead, and handing each known one (by a Map from field to slot) to
 * the evaluator of its fact, is faster; the facts the account lacks keep their "missing" answers.
 */
export function evaluate(
  compiled: CompiledModel,
  values: FactValues,
  now: number,
  statuses: Uint8Array = new Uint8Array(compiled.criteria.length),
  stale?: ReadonlySet<string>,
): Evaluation {
  if (compiled.generated !== undefined && (stale === undefined || stale.size === 0)) return compiled.generated.evaluate(values, now, statuses);
  const { hot, slotOf } = compiled;
  const { evaluators, truths } = hot;
  truths.set(hot.missingTruth);
  const slots = compiled.segments.length > 0 ? hot.values : undefined;
  slots?.fill(undefined);
  // Object.entries walks the account's own properties inside V8 (no per-key lookups from JavaScript): measured
  // about a third faster than for-in with `facts[field]` on the bench's accounts, whose shapes all differ.
  // V8 walks an object's properties fast (Object.entries in its builtin, no runtime call) only once the object's
  // shape has an enum cache, which for-in makes and Object.entries does not. Accounts come in a great many shapes
  // (each has its own subset of facts) and are scored again and again (re-scoring, several models), so starting a
  // for-in (stopped at once: its enumeration is prepared before the first key) gives each shape its cache on its
  // first walk: the bench's accounts walked about twice as fast from the second walk on (evaluate as a whole about
  // 1.25x), at some cost on the first. A no-op for the result.
  for (const _ in values) break;
  const entries = Object.entries(values);
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    const slot = slotOf.get(entry[0]);
    if (slot === undefined) continue;
    const v = entry[1];
    if (v === undefined || v === null || v === '') continue; // missing
    evaluators[slot](v, now, truths);
    if (slots) slots[slot] = v;
  }
  return settle(compiled, truths, slots, now, statuses, stale);
}

/**
 * How much a criterion decided by a stale fact (older than the staleAfterDays setting) counts toward confidence:
 * half of its weight. Its pass or fail and its points are unchanged; only how sure we are of them drops.
 */
export const STALE_CONFIDENCE_FACTOR = 0.5;

/**
 * evaluate for facts already laid out in slots: `slots[i]` holds the value of `compiled.fields[i]`, undefined when
 * missing (never null or ""). For callers that build facts per row anyway (the CSV pipeline) and can skip making an
 * object only for it to be read back.
 */
export function evaluateSlots(
  compiled: CompiledModel,
  slots: readonly unknown[],
  now: number,
  statuses: Uint8Array = new Uint8Array(compiled.criteria.length),
  stale?: ReadonlySet<string>,
): Evaluation {
  if (compiled.generated !== undefined && (stale === undefined || stale.size === 0)) return compiled.generated.evaluateSlots(slots, now, statuses);
  const { evaluators, truths } = compiled.hot;
  truths.set(compiled.hot.missingTruth);
  for (let s = 0; s < evaluators.length; s++) {
    const v = slots[s];
    if (v !== undefined) evaluators[s](v, now, truths);
  }
  return settle(compiled, truths, compiled.segments.length > 0 ? slots : undefined, now, statuses, stale);
}

/**
 * From each criterion's answer to the Evaluation: statuses, score, verdict, tier, confidence. The loop runs over flat
 * typed arrays made by compileModel, with no objects or strings made per criterion. `slots` (the account's facts by
 * slot) is needed only by segments.
 */
function settle(
  compiled: CompiledModel,
  truths: Uint8Array,
  slots: readonly unknown[] | undefined,
  now: number,
  statuses: Uint8Array,
  stale?: ReadonlySet<string>,
): Evaluation {
  const { model, hot } = compiled;
  const anyStale = stale !== undefined && stale.size > 0;
  const { statusByTruth, worth, confidenceWeight, gate, must } = hot;
  let score = 0;
  let potential = 0;
  let knownWeight = 0;
  let blocked = 0;
  let unknownMust = 0;
  // Branch-free (statuses are as good as random to the branch predictor): with PASS 0, FAIL 1 and UNKNOWN_STATUS 2,
  // a status s is a fail when s & 1, unknown when s >> 1, a pass when neither.
  for (let i = 0; i < truths.length; i++) {
    const status = statusByTruth[3 * i + truths[i]];
    statuses[i] = status;
    const weight = anyStale && stale.has(compiled.criteria[i].criterion.field) ? confidenceWeight[i] * STALE_CONFIDENCE_FACTOR : confidenceWeight[i];
    const failed = status & 1;
    const unknown = status >> 1;
    score += worth[i] * (1 ^ (failed | unknown));
    potential += worth[i] * (1 ^ failed);
    knownWeight += weight * (1 ^ unknown);
    blocked |= failed & gate[i];
    unknownMust |= unknown & must[i];
  }
  const confidence =
    compiled.totalConfidenceWeight === 0 ? 1 : Math.round((100 * knownWeight) / compiled.totalConfidenceWeight) / 100;
  const verdict = verdictOf(model.gate, blocked !== 0, unknownMust !== 0, score, potential, confidence);
  const tierIndex = verdict === 'fit' ? tierIndexFor(hot.tierMinScores, score) : -1;
  return {
    score,
    potentialScore: potential,
    verdict,
    tierIndex,
    tier: tierIndex === -1 ? null : model.tiers[tierIndex].id,
    confidence,
    blocked: blocked !== 0,
    segmentIndex: slots === undefined ? -1 : segmentIndexFor(compiled.segments, slots, now),
    statuses,
  };
}

/**
 * The verdict's decision table (docs/model-format.md, "Verdict"), in order:
 *   1. a failed must or a present hard-no                      → not-fit
 *   2. potential score (every unknown passing) < gate.minScore  → not-fit (no answer can make it a fit)
 *   3. an unknown must, score < gate.minScore, or confidence < gate.minConfidence → needs-data
 *   4. otherwise                                                → fit
 */
export function verdictOf(
  gate: IcpModel['gate'],
  blocked: boolean,
  unknownMust: boolean,
  score: number,
  potential: number,
  confidence: number,
): Verdict {
  if (blocked || potential < gate.minScore) return 'not-fit';
  if (unknownMust || score < gate.minScore || confidence < gate.minConfidence) return 'needs-data';
  return 'fit';
}

/** The first tier whose minimum the score reaches (tiers are listed best first), -1 for none. */
function tierIndexFor(minScores: Float64Array, score: number): number {
  for (let t = 0; t < minScores.length; t++) if (score >= minScores[t]) return t;
  return -1;
}

/** The first segment all of whose conditions hold, -1 for none. */
export function segmentIndexFor(segments: CompiledSegment[], slots: readonly unknown[], now: number): number {
  for (let s = 0; s < segments.length; s++) {
    let all = true;
    for (const w of segments[s].when) {
      const v = slots[w.slot];
      if ((v === undefined ? w.missingTruth : w.predicate(v, now)) !== HOLDS) {
        all = false;
        break;
      }
    }
    if (all) return s;
  }
  return -1;
}

/** Builds the full ScoreResult of an evaluation (the card, `icp explain`). */
export function explain(compiled: CompiledModel, evaluation: Evaluation): ScoreResult {
  const { model } = compiled;
  const { statuses, score, verdict } = evaluation;
  const dimensions = {
    firmographic: { points: 0, worth: compiled.dimensionWorth.firmographic },
    technographic: { points: 0, worth: compiled.dimensionWorth.technographic },
    behavioural: { points: 0, worth: compiled.dimensionWorth.behavioural },
    relationship: { points: 0, worth: compiled.dimensionWorth.relationship },
  };
  const blockers: string[] = [];
  const criteria = compiled.criteria.map((cc, i): CriterionResult => {
    const c = cc.criterion;
    const status = STATUS_NAMES[statuses[i]];
    const points = status === 'pass' ? cc.worth : 0;
    dimensions[c.dimension].points += points;
    if (status === 'fail' && c.kind !== 'score') blockers.push(c.id);
    return { id: c.id, label: c.label, dimension: c.dimension, kind: c.kind, field: c.field, status, points, worth: cc.worth };
  });
  const tier = evaluation.tierIndex === -1 ? null : model.tiers[evaluation.tierIndex];
  const segment = evaluation.segmentIndex === -1 ? null : compiled.segments[evaluation.segmentIndex];
  return {
    modelId: model.id,
    modelName: model.name,
    modelVersion: model.version,
    score,
    potentialScore: evaluation.potentialScore,
    tier: tier?.id ?? null,
    tierLabel: tier?.label ?? null,
    verdict,
    confidence: evaluation.confidence,
    dimensions,
    criteria,
    blockers,
    whatWouldChange: whatWouldChange(compiled, evaluation, blockers),
    segment: segment ? { id: segment.id, label: segment.label, evidence: segment.evidence } : null,
    reasons: reasonsOf(compiled, evaluation),
  };
}

function whatWouldChange(compiled: CompiledModel, evaluation: Evaluation, blockers: string[]): WhatWouldChange | null {
  const { model, byWorth, criteria } = compiled;
  const { statuses, verdict, score } = evaluation;
  const unknownScored: number[] = [];
  const failedScored: number[] = [];
  for (const i of byWorth) {
    if (statuses[i] === UNKNOWN_STATUS) unknownScored.push(i);
    else if (statuses[i] === FAIL) failedScored.push(i);
  }
  if (verdict !== 'fit') {
    const unknownMusts: string[] = [];
    let presentHardNo = false;
    criteria.forEach(({ criterion: c }, i) => {
      if (c.kind === 'must' && statuses[i] === UNKNOWN_STATUS) unknownMusts.push(c.id);
      if (c.kind === 'exclude' && statuses[i] === FAIL) presentHardNo = true;
    });
    const needed = Math.max(0, model.gate.minScore - score);
    const pick = pickPoints(compiled, needed, unknownScored, failedScored);
    // Low confidence: the unknowns that weigh most are the questions worth asking first.
    const forConfidence =
      verdict !== 'needs-data'
        ? []
        : unknownScored
            .map((i) => criteria[i].criterion.id)
            .filter((id) => !pick.unknown.includes(id))
            .slice(0, 3);
    return {
      target: 'fit',
      pointsNeeded: needed,
      unknown: [...unknownMusts, ...pick.unknown, ...forConfidence],
      fail: [...blockers, ...pick.fail],
      reachable: pick.reachable && !presentHardNo,
    };
  }
  const index = evaluation.tierIndex === -1 ? model.tiers.length : evaluation.tierIndex;
  if (index === 0) return null; // already in the top tier
  const next = model.tiers[index - 1];
  const needed = next.minScore - score;
  const pick = pickPoints(compiled, needed, unknownScored, failedScored);
  return { target: next.id, pointsNeeded: needed, unknown: pick.unknown, fail: pick.fail, reachable: pick.reachable };
}

/** Greedy: the fewest, biggest unknowns first (a question is cheaper than a change), then fails. */
function pickPoints({ criteria }: CompiledModel, needed: number, unknown: number[], failed: number[]) {
  const pick = { unknown: [] as string[], fail: [] as string[], reachable: needed <= 0 };
  let left = needed;
  for (const [list, into] of [[unknown, pick.unknown], [failed, pick.fail]] as const) {
    for (const i of list) {
      if (left <= 0) break;
      into.push(criteria[i].criterion.id);
      left -= criteria[i].worth;
    }
  }
  pick.reachable = left <= 0;
  return pick;
}

/**
 * Reasons are chosen as numbers, then made text (reasonsOf): batch writers (the CSV's icp_reasons) remember a list's
 * text by its numbers instead of building it for every row. A criterion's reason is `kind * n + i` (n criteria,
 * criterion i); the two reasons not about a criterion (their text names the evaluation's numbers) come after.
 */
export const REASON_FAIL = 0;
export const REASON_UNKNOWN_MUST = 1;
export const REASON_PASS = 2;
export const REASON_UNKNOWN = 3;
/** "confidence 0.2 below 0.3": names the confidence. */
export const lowConfidenceReasonId = (criteriaCount: number) => 4 * criteriaCount;
/** belowMinimumReason: names the score and the potential score. */
export const belowMinimumReasonId = (criteriaCount: number) => 4 * criteriaCount + 1;

/**
 * The reasons, most important first: failed musts and present hard-nos, unknown musts, a score below the fit
 * minimum, low confidence, then the three biggest passes and the two biggest unknowns. As numbers (see REASON_FAIL); reasonsOf gives their text.
 */
export function reasonIdsOf(compiled: CompiledModel, evaluation: Evaluation): number[] {
  const { model, byWorth, hot } = compiled;
  const { statuses, verdict, confidence } = evaluation;
  const n = statuses.length;
  const ids: number[] = [];
  if (evaluation.blocked)
    for (let i = 0; i < n; i++) if (statuses[i] === FAIL && hot.gate[i] === 1) ids.push(REASON_FAIL * n + i);
  for (let i = 0; i < n; i++) if (statuses[i] === UNKNOWN_STATUS && hot.must[i] === 1) ids.push(REASON_UNKNOWN_MUST * n + i);
  if (verdict !== 'fit' && !evaluation.blocked && evaluation.score < model.gate.minScore) ids.push(belowMinimumReasonId(n));
  if (verdict === 'needs-data' && confidence < model.gate.minConfidence) ids.push(lowConfidenceReasonId(n));
  let passed = 0;
  for (let k = 0; k < byWorth.length && passed < 3; k++)
    if (statuses[byWorth[k]] === PASS) {
      ids.push(REASON_PASS * n + byWorth[k]);
      passed++;
    }
  let unknown = 0;
  for (let k = 0; k < byWorth.length && unknown < 2; k++)
    if (statuses[byWorth[k]] === UNKNOWN_STATUS) {
      ids.push(REASON_UNKNOWN * n + byWorth[k]);
      unknown++;
    }
  return ids;
}

/** One reason's text (strings made by compileModel, but for the two that name the evaluation's numbers). */
export function reasonText(compiled: CompiledModel, evaluation: Evaluation, id: number): string {
  const n = compiled.criteria.length;
  const { gate } = compiled.model;
  if (id === lowConfidenceReasonId(n)) return `confidence ${evaluation.confidence} below ${gate.minConfidence}`;
  if (id === belowMinimumReasonId(n)) return belowMinimumReason(evaluation.score, evaluation.potentialScore, gate.minScore);
  const c = compiled.criteria[id % n];
  const kind = Math.floor(id / n);
  return kind === REASON_FAIL ? c.failReason : kind === REASON_UNKNOWN_MUST ? c.unknownMustReason : kind === REASON_PASS ? c.passReason : c.unknownReason;
}

/** Short human-readable reasons, most important first (see reasonIdsOf). */
export function reasonsOf(compiled: CompiledModel, evaluation: Evaluation): string[] {
  return reasonIdsOf(compiled, evaluation).map((id) => reasonText(compiled, evaluation, id));
}

/** "score 19 below the fit minimum 45 (could reach 100)". Shared with the reference oracle's reasons. */
export const belowMinimumReason = (score: number, potential: number, minScore: number) =>
  `score ${score} below the fit minimum ${minScore} (could reach ${potential})`;

/** Scores one account in full. `now` (ms since epoch) decides "within the last N days"; pass it explicitly. */
export function scoreCompiled(compiled: CompiledModel, values: FactValues, now: number, stale?: ReadonlySet<string>): ScoreResult {
  return explain(compiled, evaluate(compiled, values, now, undefined, stale));
}

/** Convenience for one-off calls; batch callers compile once and use scoreCompiled (or evaluate). */
export function score(model: IcpModel, values: FactValues, now: number): ScoreResult {
  return scoreCompiled(compileModel(model), values, now);
}

const VERDICT_RANK: Record<Verdict, number> = { fit: 0, 'needs-data': 1, 'not-fit': 2 };

/**
 * Scores against several active models (e.g. sales-led and PLG) and names the best match: a fit beats needs-data
 * beats not-fit; then the higher tier; then the higher score; then the earlier model.
 */
export function scoreBest(models: CompiledModel[], values: FactValues, now: number, stale?: ReadonlySet<string>) {
  const results = models.map((m) => scoreCompiled(m, values, now, stale));
  let best = 0;
  for (let i = 1; i < results.length; i++) if (better(results[i], models[i], results[best], models[best])) best = i;
  return { best: results[best], results };
}

function tierRank(result: ScoreResult, model: CompiledModel) {
  const i = model.model.tiers.findIndex((t) => t.id === result.tier);
  return i === -1 ? Infinity : i;
}

function better(a: ScoreResult, am: CompiledModel, b: ScoreResult, bm: CompiledModel): boolean {
  return ranksAbove(a.verdict, tierRank(a, am), a.score, b.verdict, tierRank(b, bm), b.score);
}

/** The order of scoreBest: a fit beats needs-data beats not-fit; then the higher tier (lower index); then the score. */
function ranksAbove(av: Verdict, at: number, as: number, bv: Verdict, bt: number, bs: number): boolean {
  if (VERDICT_RANK[av] !== VERDICT_RANK[bv]) return VERDICT_RANK[av] < VERDICT_RANK[bv];
  if (at !== bt) return at < bt;
  return as > bs;
}

/**
 * scoreBest for batch callers (the Accounts page over 100k accounts): compact evaluations only, the best one's model
 * index. Explain or reasonsOf the best before the next call (statuses are fresh arrays here, so they stay valid).
 */
export function evaluateBest(models: CompiledModel[], values: FactValues, now: number, stale?: ReadonlySet<string>): { index: number; evaluation: Evaluation } | null {
  let best: { index: number; evaluation: Evaluation } | null = null;
  const rank = (e: Evaluation) => (e.tierIndex === -1 ? Infinity : e.tierIndex);
  for (let i = 0; i < models.length; i++) {
    const evaluation = evaluate(models[i], values, now, undefined, stale);
    if (!best || ranksAbove(evaluation.verdict, rank(evaluation), evaluation.score, best.evaluation.verdict, rank(best.evaluation), best.evaluation.score))
      best = { index: i, evaluation };
  }
  return best;
}

export { HOLDS, NOT, UNKNOWN };
