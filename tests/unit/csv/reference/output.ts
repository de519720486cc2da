/**
 * FROZEN REFERENCE, not used by the product: `icp score`'s pipeline as it was before the performance work
 * (normaliseFacts per row, Papa.unparse, full ScoreResult per row). tests/unit/csv/score-stream.test.ts checks
 * that lib/csv/score-stream.ts writes byte for byte the same output and problems.
 */
import type { FactProblem } from '../../../../lib/facts/parse';
import type { ScoreResult } from '../../engine/reference/score';

/** The columns `icp score` appends after every input column, in this order. */
export const OUTPUT_COLUMNS = ['icp_score', 'icp_tier', 'icp_verdict', 'icp_confidence', 'icp_reasons'] as const;

/** Reasons are joined into one cell with this separator. */
export const REASON_SEPARATOR = ' | ';

/** How a rejected fact reads among the reasons. */
export const problemReason = (p: FactProblem): string => `rejected ${p.field}: ${p.message}`;

/** The appended cells for a scored row: the engine's reasons first, then the facts that were rejected. */
export function resultCells(result: ScoreResult, problems: readonly FactProblem[] = []): string[] {
  let reasons = result.reasons.join(REASON_SEPARATOR);
  for (const p of problems) reasons += (reasons ? REASON_SEPARATOR : '') + problemReason(p);
  return [String(result.score), result.tier ?? '', result.verdict, String(result.confidence), reasons];
}

/** The appended cells for a row that could not be read (wrong number of fields, broken quotes): no score, no tier. */
export function malformedCells(reason: string): string[] {
  return ['', '', 'needs-data', '', reason];
}
