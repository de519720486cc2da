/**
 * Writes CSV text exactly as `Papa.unparse(rows, { newline: '\n' })` does with its defaults (comma, double quotes),
 * without its per-cell overhead: Papa.unparse runs a global replace and several searches on every cell, and the
 * output side was a large share of `icp score`'s time. Pure; tests/unit/csv/write.test.ts compares it with papaparse.
 *
 * papaparse quotes a cell that holds a double quote, a comma, a line break (\r or \n) or a byte order mark, or that
 * begins or ends with a space; quotes inside are doubled.
 */

const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;
/**
 * NEEDS_QUOTES for byte text: UTF-8 held one byte per character (`icp score` passes the file's bytes through this
 * way, see score-stream.ts). The byte order mark is then its three bytes, which in valid UTF-8 only it encodes.
 */
const NEEDS_QUOTES_BYTES = /[",\r\n]|\u00ef\u00bb\u00bf|^ | $/;
const QUOTE = /"/g;

/** One cell, quoted when `needsQuotes` says so. */
const quoted = (cell: string, needsQuotes: RegExp): string => (needsQuotes.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell);

/** One row, without a line break. */
function row(cells: readonly string[], needsQuotes: RegExp): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? quoted(cells[i], needsQuotes) : `,${quoted(cells[i], needsQuotes)}`;
  return line;
}

/** One cell as papaparse writes it. */
export const csvCell = (cell: string): string => quoted(cell, NEEDS_QUOTES);

/** One row as papaparse writes it, without a line break. */
export const csvRow = (cells: readonly string[]): string => row(cells, NEEDS_QUOTES);

/** csvRow for cells in byte text (see NEEDS_QUOTES_BYTES): the bytes of csvRow's text for the decoded cells. */
export const csvRowOfBytes = (cells: readonly string[]): string => row(cells, NEEDS_QUOTES_BYTES);

/**
 * csvRow for a row read from a file, also counting the line breaks inside its cells (a quoted multi-line cell spans
 * several physical lines, which line numbers must count). Only a cell that needs quotes can hold a line break, so
 * the count costs nothing for the usual row.
 */
export function csvRowCountingBreaks(cells: readonly string[]): { text: string; lineBreaks: number } {
  let text = '';
  let lineBreaks = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    let written = cell;
    if (NEEDS_QUOTES.test(cell)) {
      written = `"${cell.replace(QUOTE, '""')}"`;
      lineBreaks += lineBreaksIn(cell);
    }
    text += i === 0 ? written : `,${written}`;
  }
  return { text, lineBreaks };
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line breaks in a cell ("\r\n" is one). */
export function lineBreaksIn(cell: string): number {
  if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) return 0;
  return cell.match(LINE_BREAK)?.length ?? 0;
}
