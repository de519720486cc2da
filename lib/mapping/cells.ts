import type { RawFacts } from '../facts/raw';
import type { ColumnMapping } from './map';

/**
 * A mapped column's cell as the normaliser should see it. Only scaled columns change: ZoomInfo writes revenue and
 * funding "in 000s USD", so every number in the cell is multiplied ("12,500" → "12500000", "1,000 - 5,000" →
 * "1000000 - 5000000"). Other cells are passed through untouched.
 */
export function cellValue(column: Pick<ColumnMapping, 'scale'>, cell: string): string {
  if (!column.scale) return cell;
  const factor = column.scale;
  return cell.replace(/\d[\d,]*(?:\.\d+)?/g, (n) => String(Math.round(Number(n.replace(/,/g, '')) * factor)));
}

/**
 * One CSV row → raw facts, by the mapping (all of a file's columns, or some of them: each knows its index). Empty cells are left out: an empty cell is an unknown fact, not a value
 * (the engine must see it as missing, never as "fails"). Trimming and clean-up are normaliseFacts' job. Outcome
 * columns are kept as their custom facts, so a scored deal export still carries them.
 */
export function rawFactsOfRow(columns: readonly ColumnMapping[], fields: readonly string[]): RawFacts {
  const raw: Record<string, string> = {};
  for (const column of columns) {
    const cell = fields[column.index];
    // Blank-but-not-empty cells ("  ") are left to normaliseFacts, which treats blank text as absent.
    if (cell !== undefined && cell !== '') raw[column.fact] = cellValue(column, cell);
  }
  return raw as RawFacts;
}
