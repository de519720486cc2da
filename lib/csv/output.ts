import type { FactProblem } from '../facts/parse';
import { reasonsOf, type CompiledModel, type Evaluation, type ScoreResult } from '../engine/score';
import { csvCell } from './write';

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

/** The same cells from the engine's compact evaluation (the batch path: no full ScoreResult is built). */
export function evaluationCells(compiled: CompiledModel, evaluation: Evaluation, problems: readonly FactProblem[] = []): string[] {
  let reasons = reasonsOf(compiled, evaluation).join(REASON_SEPARATOR);
  for (const p of problems) reasons += (reasons ? REASON_SEPARATOR : '') + problemReason(p);
  return [String(evaluation.score), evaluation.tier ?? '', evaluation.verdict, String(evaluation.confidence), reasons];
}

/** The appended cells for a row that could not be read (wrong number of fields, broken quotes): no score, no tier. */
export function malformedCells(reason: string): string[] {
  return ['', '', 'needs-data', '', reason];
}

/**
 * csvRow(evaluationCells(compiled, evaluation, problems)), written directly: of its cells only the tier and the
 * reasons can need quotes (the rest are numbers and a verdict). Why: building the array of cells and quoting each
 * was a visible share of `icp score`'s time.
 */
export function evaluationText(compiled: CompiledModel, evaluation: Evaluation, problems: readonly FactProblem[] = []): string {
  let reasons = reasonsOf(compiled, evaluation).join(REASON_SEPARATOR);
  for (const p of problems) reasons += (reasons ? REASON_SEPARATOR : '') + problemReason(p);
  const tier = evaluation.tier === null ? '' : csvCell(evaluation.tier);
  return `${String(evaluation.score)},${tier},${evaluation.verdict},${String(evaluation.confidence)},${csvCell(reasons)}`;
}
