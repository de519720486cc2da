/**
 * Writes CSV text exactly as `Papa.unparse(rows, { newline: '\n' })` does with its defaults (comma, double quotes),
 * without its per-cell overhead: Papa.unparse runs a global replace and several searches on every cell, and the
 * output side was a large share of `icp score`'s time. Pure; tests/unit/csv/write.test.ts compares it with papaparse.
 *
 * papaparse quotes a cell that holds a double quote, a comma, a line break (\r or \n) or a byte order mark, or that
 * begins or ends with a space; quotes inside are doubled.
 */

const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;
const QUOTE = /"/g;

/** One cell as papaparse writes it. */
export function csvCell(cell: string): string {
  if (!NEEDS_QUOTES.test(cell)) return cell;
  return `"${cell.replace(QUOTE, '""')}"`;
}

/** One row, without a line break. */
export function csvRow(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return line;
}
