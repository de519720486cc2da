/**
 * FROZEN REFERENCE, not used by the product: the scoring engine as it was before the performance work (one
 * ScoreResult built per account, no compact path). tests/unit/engine/differential.test.ts checks that
 * lib/engine/score.ts gives exactly the same results.
 */
import type { FactValues } from '../../../../lib/facts/vocabulary';
import { DIMENSIONS, type Criterion, type CriterionKind, type Dimension, type Evidence, type IcpModel } from '../../../../lib/model/schema';
import { compileCondition, HOLDS, NOT, UNKNOWN, type Predicate } from './conditions';

/**
 * The scoring engine: pure and deterministic (the clock is an argument), no DOM, storage or network.
 * The same module runs in the extension and in Node (`icp`).
 *
 * Points: the model's scored points are turned once, per model, into whole "worth" points that add up to exactly 100
 * (dimension weight x the criterion's share of its dimension's points, apportioned by largest remainder). An account's
 * score is the sum of the worth of the criteria it passes, so the points shown per criterion add up exactly to the
 * score, with no rounding at scoring time. See docs/model-format.md.
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

interface CompiledCriterion {
  criterion: Criterion;
  /** Reason texts made once per model, not per account. */
  passReason: string;
  unknownReason: string;
  predicate: Predicate;
  worth: number;
  confidenceWeight: number;
}

export interface CompiledModel {
  model: IcpModel;
  criteria: CompiledCriterion[];
  segments: { id: string; label: string; evidence: Evidence; when: { field: string; predicate: Predicate }[] }[];
  totalConfidenceWeight: number;
  /** Indexes of the criteria with points, biggest worth first: explanations walk this instead of sorting per account. */
  byWorth: number[];
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

export function compileModel(model: IcpModel): CompiledModel {
  const worth = worths(model);
  const criteria = model.criteria.map((criterion, i) => ({
    criterion,
    passReason: `${criterion.label} (+${worth[i]})`,
    unknownReason: `unknown: ${criterion.label} (${worth[i]})`,
    predicate: compileCondition(criterion),
    worth: worth[i],
    confidenceWeight: criterion.points === undefined ? GATE_CONFIDENCE_WEIGHT : Math.max(worth[i], 1),
  }));
  return {
    model,
    criteria,
    segments: (model.segments ?? []).map((s) => ({
      id: s.id,
      label: s.label,
      evidence: s.evidence,
      when: s.when.map((c) => ({ field: c.field, predicate: compileCondition(c) })),
    })),
    totalConfidenceWeight: criteria.reduce((sum, c) => sum + c.confidenceWeight, 0),
    byWorth: criteria
      .map((c, i) => ({ worth: c.worth, i }))
      .filter((c) => c.worth > 0)
      .sort((a, b) => b.worth - a.worth || a.i - b.i)
      .map((c) => c.i),
  };
}

function statusOf(kind: CriterionKind, truth: number): Status {
  if (truth === UNKNOWN) return 'unknown';
  // A hard-no's condition describes the red flag: the flag being there is the failure.
  if (kind === 'exclude') return truth === HOLDS ? 'fail' : 'pass';
  return truth === HOLDS ? 'pass' : 'fail';
}

function tierFor(model: IcpModel, score: number) {
  return model.tiers.find((t) => score >= t.minScore) ?? null;
}

function whatWouldChange(
  { model, byWorth }: CompiledModel,
  verdict: Verdict,
  score: number,
  criteria: CriterionResult[],
  blockers: string[],
): WhatWouldChange | null {
  const unknownScored: CriterionResult[] = [];
  const failedScored: CriterionResult[] = [];
  for (const i of byWorth) {
    if (criteria[i].status === 'unknown') unknownScored.push(criteria[i]);
    else if (criteria[i].status === 'fail') failedScored.push(criteria[i]);
  }
  if (verdict !== 'fit') {
    const unknownMusts = criteria.filter((c) => c.kind === 'must' && c.status === 'unknown').map((c) => c.id);
    const needed = Math.max(0, model.gate.minScore - score);
    const pick = pickPoints(needed, unknownScored, failedScored);
    // Low confidence: the unknowns that weigh most are the questions worth asking first.
    const forConfidence = verdict !== 'needs-data' ? [] : unknownScored.filter((c) => !pick.unknown.includes(c.id)).slice(0, 3).map((c) => c.id);
    const presentHardNo = criteria.some((c) => c.kind === 'exclude' && c.status === 'fail');
    return {
      target: 'fit',
      pointsNeeded: needed,
      unknown: [...unknownMusts, ...pick.unknown, ...forConfidence],
      fail: [...blockers, ...pick.fail],
      reachable: pick.reachable && !presentHardNo,
    };
  }
  const current = tierFor(model, score);
  const index = current ? model.tiers.indexOf(current) : model.tiers.length;
  if (index === 0) return null; // already in the top tier
  const next = model.tiers[index - 1];
  const needed = next.minScore - score;
  const pick = pickPoints(needed, unknownScored, failedScored);
  return { target: next.id, pointsNeeded: needed, unknown: pick.unknown, fail: pick.fail, reachable: pick.reachable };
}

/** Greedy: the fewest, biggest unknowns first (a question is cheaper than a change), then fails. */
function pickPoints(needed: number, unknown: CriterionResult[], failed: CriterionResult[]) {
  const pick = { unknown: [] as string[], fail: [] as string[], reachable: needed <= 0 };
  let left = needed;
  for (const [list, into] of [[unknown, pick.unknown], [failed, pick.fail]] as const) {
    for (const c of list) {
      if (left <= 0) break;
      into.push(c.id);
      left -= c.worth;
    }
  }
  pick.reachable = left <= 0;
  return pick;
}

function reasonsFor(
  { model, byWorth, criteria: compiled }: CompiledModel,
  verdict: Verdict,
  criteria: CriterionResult[],
  confidence: number,
): string[] {
  const reasons: string[] = [];
  for (const c of criteria) {
    if (c.status !== 'fail') continue;
    if (c.kind === 'exclude') reasons.push(`hard-no: ${c.label}`);
    else if (c.kind === 'must') reasons.push(`failed must: ${c.label}`);
  }
  for (const c of criteria) if (c.kind === 'must' && c.status === 'unknown') reasons.push(`unknown must: ${c.label}`);
  const score = criteria.reduce((sum, c) => sum + c.points, 0);
  const potential = criteria.reduce((sum, c) => sum + (c.status === 'fail' ? 0 : c.worth), 0);
  if (verdict !== 'fit' && !criteria.some((c) => c.status === 'fail' && c.kind !== 'score') && score < model.gate.minScore)
    reasons.push(`score ${score} below the fit minimum ${model.gate.minScore} (could reach ${potential})`);
  if (verdict === 'needs-data' && confidence < model.gate.minConfidence)
    reasons.push(`confidence ${confidence} below ${model.gate.minConfidence}`);
  let passed = 0;
  let unknown = 0;
  for (const i of byWorth) {
    const c = criteria[i];
    if (c.status === 'pass' && passed++ < 3) reasons.push(compiled[i].passReason);
  }
  for (const i of byWorth) {
    const c = criteria[i];
    if (c.status === 'unknown' && unknown++ < 2) reasons.push(compiled[i].unknownReason);
  }
  return reasons;
}

/** Scores one account. `now` (ms since epoch) decides "within the last N days"; pass it explicitly to stay deterministic. */
export function scoreCompiled(compiled: CompiledModel, values: FactValues, now: number): ScoreResult {
  const { model } = compiled;
  const facts = values as Record<string, unknown>;
  const criteria: CriterionResult[] = new Array(compiled.criteria.length);
  const dimensions = {
    firmographic: { points: 0, worth: 0 },
    technographic: { points: 0, worth: 0 },
    behavioural: { points: 0, worth: 0 },
    relationship: { points: 0, worth: 0 },
  };
  let score = 0;
  let potential = 0;
  let knownWeight = 0;
  const blockers: string[] = [];
  let unknownMust = false;
  for (let i = 0; i < compiled.criteria.length; i++) {
    const cc = compiled.criteria[i];
    const c = cc.criterion;
    const truth = cc.predicate(facts[c.field], now);
    const status = statusOf(c.kind, truth);
    const points = status === 'pass' ? cc.worth : 0;
    score += points;
    potential += status === 'fail' ? 0 : cc.worth;
    if (status !== 'unknown') knownWeight += cc.confidenceWeight;
    if (status === 'fail' && c.kind !== 'score') blockers.push(c.id);
    if (status === 'unknown' && c.kind === 'must') unknownMust = true;
    const dim = dimensions[c.dimension];
    dim.points += points;
    dim.worth += cc.worth;
    criteria[i] = { id: c.id, label: c.label, dimension: c.dimension, kind: c.kind, field: c.field, status, points, worth: cc.worth };
  }
  const confidence =
    compiled.totalConfidenceWeight === 0 ? 1 : Math.round((100 * knownWeight) / compiled.totalConfidenceWeight) / 100;
  // Written out again rather than imported: the oracle must not share the engine's decision code.
  let verdict: Verdict;
  if (blockers.length > 0) verdict = 'not-fit';
  else if (potential < model.gate.minScore) verdict = 'not-fit';
  else if (unknownMust) verdict = 'needs-data';
  else if (score < model.gate.minScore) verdict = 'needs-data';
  else if (confidence < model.gate.minConfidence) verdict = 'needs-data';
  else verdict = 'fit';
  const tier = verdict === 'fit' ? tierFor(model, score) : null;
  return {
    modelId: model.id,
    modelName: model.name,
    modelVersion: model.version,
    score,
    potentialScore: potential,
    tier: tier?.id ?? null,
    tierLabel: tier?.label ?? null,
    verdict,
    confidence,
    dimensions,
    criteria,
    blockers,
    whatWouldChange: whatWouldChange(compiled, verdict, score, criteria, blockers),
    segment: segmentFor(compiled, facts, now),
    reasons: reasonsFor(compiled, verdict, criteria, confidence),
  };
}

function segmentFor(compiled: CompiledModel, facts: Record<string, unknown>, now: number) {
  for (const s of compiled.segments)
    if (s.when.every((w) => w.predicate(facts[w.field], now) === HOLDS))
      return { id: s.id, label: s.label, evidence: s.evidence };
  return null;
}

/** Convenience for one-off calls; batch callers compile once and use scoreCompiled. */
export function score(model: IcpModel, values: FactValues, now: number): ScoreResult {
  return scoreCompiled(compileModel(model), values, now);
}

const VERDICT_RANK: Record<Verdict, number> = { fit: 0, 'needs-data': 1, 'not-fit': 2 };

/**
 * Scores against several active models (e.g. sales-led and PLG) and names the best match: a fit beats needs-data
 * beats not-fit; then the higher tier; then the higher score; then the earlier model.
 */
export function scoreBest(models: CompiledModel[], values: FactValues, now: number) {
  const results = models.map((m) => scoreCompiled(m, values, now));
  let best = 0;
  for (let i = 1; i < results.length; i++) if (better(results[i], models[i], results[best], models[best])) best = i;
  return { best: results[best], results };
}

function tierRank(result: ScoreResult, model: CompiledModel) {
  const i = model.model.tiers.findIndex((t) => t.id === result.tier);
  return i === -1 ? Infinity : i;
}

function better(a: ScoreResult, am: CompiledModel, b: ScoreResult, bm: CompiledModel): boolean {
  if (VERDICT_RANK[a.verdict] !== VERDICT_RANK[b.verdict]) return VERDICT_RANK[a.verdict] < VERDICT_RANK[b.verdict];
  if (tierRank(a, am) !== tierRank(b, bm)) return tierRank(a, am) < tierRank(b, bm);
  return a.score > b.score;
}

export { HOLDS, NOT, UNKNOWN };
