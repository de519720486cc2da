import type { IcpModel } from '../model/schema';

/**
 * The gate: the verdict from the criteria's statuses, the score and the confidence, as SQL. The one place the SQL
 * decides fit / needs-data / not-fit; it mirrors evaluateSlots in lib/engine/score.ts and must change with it.
 */
export interface VerdictInputs {
  /** SQL booleans: a must failed or a hard-no's flag is present (empty: none can). */
  blocked: string[];
  /** SQL booleans: a must is unknown. */
  unknownMust: string[];
  /** SQL expressions of the score and the potential score (integers: every unknown passing) and the confidence (double). */
  score: string;
  potential: string;
  confidence: string;
  /** The model's minimum confidence as a DOUBLE literal. */
  minConfidence: string;
}

/** The decision table of verdictOf (docs/model-format.md, "Verdict"): the first matching row wins. */
export function verdictSql(model: IcpModel, v: VerdictInputs): string {
  const { minScore } = model.gate;
  const notFit = [...v.blocked, `${v.potential} < ${minScore}`];
  const needsData = [...v.unknownMust, `${v.score} < ${minScore}`, `${v.confidence} < ${v.minConfidence}`];
  return `CASE WHEN ${notFit.join(' OR ')} THEN 'not-fit' WHEN ${needsData.join(' OR ')} THEN 'needs-data' ELSE 'fit' END`;
}

/** Whether the "score below the fit minimum" reason applies (reasonsOf: not a fit, nothing blocks, score under it). */
export function belowMinimumSql(model: IcpModel, v: Pick<VerdictInputs, 'blocked' | 'score'>): string {
  const below = `${v.score} < ${model.gate.minScore}`;
  return v.blocked.length ? `NOT (${v.blocked.join(' OR ')}) AND ${below}` : below;
}

/** Whether the low-confidence reason applies (reasonsOf: needs-data and confidence under the minimum). */
export const lowConfidenceSql = (verdict: string, v: Pick<VerdictInputs, 'confidence' | 'minConfidence'>) =>
  `${verdict} = 'needs-data' AND ${v.confidence} < ${v.minConfidence}`;

/** The tier: the first (best) tier whose minimum the score reaches, for fits only (tierIndexFor). */
export function tierSql(model: IcpModel, verdict: string, score: string, string: (s: string) => string): string {
  if (model.tiers.length === 0) return 'NULL';
  const whens = model.tiers.map((t) => `WHEN ${score} >= ${t.minScore} THEN ${string(t.id)}`).join(' ');
  return `CASE WHEN ${verdict} = 'fit' THEN CASE ${whens} END END`;
}

/**
 * The best of several models' results (scoreBest): fit beats needs-data beats not-fit, then the better tier, then
 * the higher score, then the earlier model. As one number per model, lowest best: verdict rank, tier rank (999 for
 * none) and 100 - score never overlap since scores are whole numbers 0-100.
 */
export function rankSql(model: IcpModel, verdict: string, tier: string, score: string, string: (s: string) => string): string {
  const tierRank = model.tiers.length
    ? `CASE ${model.tiers.map((t, i) => `WHEN ${tier} = ${string(t.id)} THEN ${i}`).join(' ')} ELSE 999 END`
    : '999';
  return `(CASE ${verdict} WHEN 'fit' THEN 0 WHEN 'needs-data' THEN 1 ELSE 2 END * 100000 + ${tierRank} * 1000 + (100 - ${score}))`;
}
