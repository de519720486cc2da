import type { FactProblem } from '../facts/parse';
import { belowMinimumReasonId, lowConfidenceReasonId, reasonIdsOf, reasonsOf, reasonText, type CompiledModel, type Evaluation, type ScoreResult } from '../engine/score';
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
  return scoreCellsText(evaluation, reasonsCell(reasonsOf(compiled, evaluation), problems));
}

/** The reasons cell, quoted as csvCell quotes it: the engine's reasons, then the rejected facts. */
function reasonsCell(reasons: readonly string[], problems: readonly FactProblem[]): string {
  let text = reasons.join(REASON_SEPARATOR);
  for (const p of problems) text += (text ? REASON_SEPARATOR : '') + problemReason(p);
  return csvCell(text);
}

/** The appended cells, given the reasons cell and the tier's cell: the others are numbers and a verdict. */
function scoreCellsText(evaluation: Evaluation, reasonsCellText: string, tierCell = evaluation.tier === null ? '' : csvCell(evaluation.tier)): string {
  return `${String(evaluation.score)},${tierCell},${evaluation.verdict},${String(evaluation.confidence)},${reasonsCellText}`;
}

/** Reasons cells a writer remembers before starting over: bounded memory on any file. */
const MAX_REMEMBERED_CELLS = 20_000;

/**
 * evaluationText for a whole file, remembering the quoted reasons cell of each distinct choice of reasons when
 * `remember` is on (the output is the same either way; tests compare both). `encode` is applied to the text of
 * the reasons and tier cells, once per remembered cell: `icp score` writes byte text (UTF-8 held one byte per
 * character, see score-stream.ts), and the reasons hold characters such as '·' and '—'.
 *
 * Why: the reasons cell is long (often 300 characters), and joining, scanning and quoting it for every row was the
 * largest share of `icp score`'s time after reading. Rows share comparatively few choices of reasons (the bench's
 * 100,000 rows have about 5,000), which the engine gives as numbers (reasonIdsOf). The key is two numbers: the
 * reasons' ids as digits, and the numbers the texts of two of them name (the confidence in hundredths; the score and
 * potential score), each in 16 bits. One number for both overflowed on a third of the bench's rows (low confidence
 * and a score below the minimum, six reasons or more), whose cells were then built every time.
 */
export function createEvaluationWriter(
  compiled: CompiledModel,
  remember = true,
  encode: (text: string) => string = (text) => text,
): (evaluation: Evaluation, problems: readonly FactProblem[]) => string {
  const n = compiled.criteria.length;
  const lowConfidence = lowConfidenceReasonId(n);
  const belowMinimum = belowMinimumReasonId(n);
  // Digits of the ids key: each reason's id + 1 (never 0, so lists of other lengths differ).
  const base = belowMinimum + 2;
  const limit = (Number.MAX_SAFE_INTEGER - base) / base;
  /** Cells by the ids key and the numbers key (0 when no reason names a number). */
  const cells = new CellTable();
  // A number the texts name fits the numbers key when it is whole and within 16 bits.
  const fits = (d: number) => Number.isInteger(d) && d >= 0 && d <= 0xffff;
  /** Tier cells by tier (a model has a handful). */
  const tierCells = new Map<string, string>();
  const tierCell = (tier: string | null) => {
    if (tier === null) return '';
    let cell = tierCells.get(tier);
    if (cell === undefined) tierCells.set(tier, (cell = encode(csvCell(tier))));
    return cell;
  };
  return (evaluation, problems) => {
    const ids = reasonIdsOf(compiled, evaluation);
    let keyed = remember && problems.length === 0;
    let key = 0;
    let numbers = 0;
    for (let k = 0; k < ids.length && keyed; k++) {
      const id = ids[k];
      if (key > limit) keyed = false;
      key = key * base + id + 1;
      if (id === lowConfidence) {
        const c = Math.round(evaluation.confidence * 100);
        keyed &&= fits(c);
        numbers = numbers * 0x10000 + c;
      } else if (id === belowMinimum) {
        keyed &&= fits(evaluation.score) && fits(evaluation.potentialScore);
        numbers = (numbers * 0x10000 + evaluation.score) * 0x10000 + evaluation.potentialScore;
      }
    }
    // Each of the two reasons comes at most once: the numbers key holds at most three 16-bit numbers, exactly.
    let cell = keyed ? cells.get(key, numbers) : undefined;
    if (cell === undefined) {
      cell = encode(
        reasonsCell(
          ids.map((id) => reasonText(compiled, evaluation, id)),
          problems,
        ),
      );
      if (keyed) cells.set(key, numbers, cell);
    }
    return scoreCellsText(evaluation, cell, tierCell(evaluation.tier));
  };
}

/** Slots of a CellTable: a power of two, with room to spare for MAX_REMEMBERED_CELLS. */
const TABLE_SLOTS = 1 << 15;

/**
 * Reasons cells by their two keys (whole numbers below 2^53), in an open-addressing table of typed arrays. Why not
 * nested Maps: looking a number above 2^31 up in a Map boxes it and hashes the box, and at one lookup per row that
 * was most of the writer's own time. Starts over when it holds MAX_REMEMBERED_CELLS. Exported for tests.
 */
export class CellTable {
  private keys = new Float64Array(2 * TABLE_SLOTS);
  private cells: (string | undefined)[] = new Array<string | undefined>(TABLE_SLOTS).fill(undefined);
  private count = 0;

  get(key: number, numbers: number): string | undefined {
    const { keys, cells } = this;
    for (let i = slotOf(key, numbers); ; i = (i + 1) & (TABLE_SLOTS - 1)) {
      const cell = cells[i];
      if (cell === undefined || (keys[2 * i] === key && keys[2 * i + 1] === numbers)) return cell;
    }
  }

  set(key: number, numbers: number, cell: string): void {
    if (this.count >= MAX_REMEMBERED_CELLS) {
      this.cells.fill(undefined);
      this.count = 0;
    }
    const { keys, cells } = this;
    let i = slotOf(key, numbers);
    while (cells[i] !== undefined && !(keys[2 * i] === key && keys[2 * i + 1] === numbers)) i = (i + 1) & (TABLE_SLOTS - 1);
    if (cells[i] === undefined) this.count++;
    keys[2 * i] = key;
    keys[2 * i + 1] = numbers;
    cells[i] = cell;
  }
}

/** A slot for two whole numbers below 2^53: both halves of each mixed in. */
function slotOf(key: number, numbers: number): number {
  let h = Math.imul(key % 0x40000000 | 0, 0x9e3779b1) ^ Math.imul((key / 0x40000000) | 0, 0x85ebca6b);
  h ^= Math.imul(numbers % 0x40000000 | 0, 0xc2b2ae35) ^ Math.imul((numbers / 0x40000000) | 0, 0x27d4eb2f);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> (32 - 15);
}
