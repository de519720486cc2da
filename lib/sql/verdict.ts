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
  /** SQL expressions of the score (integer) and the confidence (double). */
  score: string;
  confidence: string;
  /** The model's minimum confidence as a DOUBLE literal. */
  minConfidence: string;
}

export function verdictSql(model: IcpModel, v: VerdictInputs): string {
  const whens: string[] = [];
  if (v.blocked.length > 0) whens.push(`WHEN ${v.blocked.join(' OR ')} THEN 'not-fit'`);
  whens.push(`WHEN ${[...v.unknownMust, `${v.confidence} < ${v.minConfidence}`].join(' OR ')} THEN 'needs-data'`);
  whens.push(`WHEN ${v.score} < ${model.gate.minScore} THEN 'not-fit'`);
  return `CASE ${whens.join(' ')} ELSE 'fit' END`;
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
