import Papa from 'papaparse';
import { headerDelimiter } from './delimiter';

/**
 * Splits CSV text into records, fed in chunks (streaming) or whole, and recovers from broken quotes so that one bad
 * row never swallows the rows after it. Every reader of CSV files (icp score, the list import, the builder) uses it.
 *
 * Well-formed CSV (RFC 4180: quoted commas, line breaks and doubled quotes) reads exactly as papaparse reads it.
 * Broken quoting reads the way Python's csv module reads it, which is what people check a file with:
 * - a quote inside an unquoted cell is a character (`5" disk` stays `5" disk`), without a problem;
 * - a quoted cell that closes early and goes on (`"acme" inc.com`) reads as `acme inc.com`, and the record is
 *   reported, since the text may not be what was meant;
 * - a quote that opens a cell and does not close by the end of the record is where Python (and papaparse) lose
 *   rows: everything up to the next stray quote becomes one cell. Here a quoted cell that spans lines is accepted
 *   at most MAX_QUOTED_LINES lines, and is taken for a stray quote when text follows its closing quote or it leaves
 *   its record with another number of fields than the header (a real multi-line cell, e.g. an address, closes
 *   cleanly and keeps the record's width; a record of the wrong width is malformed anyway). Two stray quotes in the
 *   same column, each alone in an otherwise empty cell, still pair up, as they do in Python. A stray quote is reported and its record read as the first line alone (the open cell
 *   runs to the end of that line); reading goes on at the next line.
 * The delimiter comes from the header line (guessDelimiter); papaparse's own parser has no way to recover from a broken quote.
 */

export interface CsvRecord {
  fields: string[];
  /** Physical line where the record starts; the first line is 1. */
  line: number;
  /** Set when the quoting was broken: what was wrong and how the record was read. */
  problem?: string;
}

/** A quoted cell may span this many lines at most (a long address or note); more is a stray quote. */
export const MAX_QUOTED_LINES = 200;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

interface Parsed {
  fields: string[];
  /** Index just after the record's line break (or the end of the text). */
  end: number;
  /** Line breaks consumed, the record's own included. */
  breaks: number;
  problem?: string;
  /** A quoted cell ran past a line break. */
  spansLines: boolean;
  /** A quoted cell was still open at the end of the text. */
  unclosed: boolean;
  /** The text ended before the record did, and more may come. */
  needMore: boolean;
}

/**
 * Parses one record from `start`. `firstLineOnly`: a line break ends the record even inside a quoted cell (the
 * recovery read). `final`: no more text will come.
 */
function parseRecord(text: string, start: number, delimiter: string, final: boolean, firstLineOnly: boolean): Parsed {
  const delim = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let problem: string | undefined;
  let breaks = 0;
  let spansLines = false;
  let i = start;
  const n = text.length;
  const result = (end: number, extra: Partial<Parsed> = {}): Parsed => ({ fields, end, breaks, problem, spansLines, unclosed: false, needMore: false, ...extra });
  for (;;) {
    // Start of a field.
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const cellStart = i;
      let value = '';
      let j = i + 1;
      let closed = false;
      for (;;) {
        const q = text.indexOf('"', j);
        const lf = firstLineOnly ? text.indexOf('\n', j) : -1;
        if (lf !== -1 && (q === -1 || lf < q)) {
          // Recovery read: the open cell ends with the line.
          value += text.slice(j, lf > j && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf);
          fields.push(value);
          return result(lf + 1, { breaks: breaks + 1 });
        }
        if (q === -1) {
          // Waiting for a closing quote: but not beyond the line limit, or one stray quote would buffer the whole file.
          if (!final) return breaks + countBreaks(text, j, n) > MAX_QUOTED_LINES ? result(n, { unclosed: true }) : result(n, { needMore: true });
          value += text.slice(j);
          breaks += countBreaks(text, j, n);
          fields.push(value);
          return result(n, { unclosed: true, spansLines: spansLines || breaks > 0 });
        }
        const inside = countBreaks(text, j, q);
        if (inside > 0) {
          breaks += inside;
          spansLines = true;
          if (breaks > MAX_QUOTED_LINES) return result(q, { unclosed: true });
        }
        value += text.slice(j, q);
        if (q + 1 >= n && !final) return result(n, { needMore: true });
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = true;
        break;
      }
      i = j;
      if (closed && i < n) {
        const c = text.charCodeAt(i);
        if (c !== delim && c !== LF && !(c === CR && text.charCodeAt(i + 1) === LF) && !(c === CR && i + 1 >= n)) {
          // Text after the closing quote: Python keeps it as part of the cell.
          const rest = readUnquoted(text, i, delim);
          problem ??= `field ${fields.length + 1}: text after a closing quote (${preview(text.slice(cellStart, rest.end))}); read as ${JSON.stringify(clip(value + rest.value))}`;
          value += rest.value;
          i = rest.end;
        }
      }
      fields.push(value);
    } else {
      const cell = readUnquoted(text, i, delim);
      fields.push(cell.value);
      i = cell.end;
    }
    // After a field: a delimiter, a line break or the end.
    if (i >= n) return final ? result(n) : result(n, { needMore: true });
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    if (c === CR && i + 1 >= n && !final) return result(n, { needMore: true });
    const end = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    return result(end, { breaks: breaks + 1 });
  }
}

/** An unquoted cell from `i` up to the delimiter or line break (a trailing CR of CRLF left out). */
function readUnquoted(text: string, i: number, delim: number): { value: string; end: number } {
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === delim || c === LF) break;
    if (c === CR && (j + 1 >= n || text.charCodeAt(j + 1) === LF)) break;
    j++;
  }
  return { value: text.slice(i, j), end: j };
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
const preview = (s: string) => JSON.stringify(clip(s.split('\n')[0]));

/** Incremental reader: `push` chunks, then `end`. The first non-blank record is the header and sets the width. */
export class CsvRecordReader {
  private buffer = '';
  private line = 1;
  private width: number | undefined;
  private started = false;

  constructor(private readonly delimiter = ',') {}

  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer += chunk;
    return this.drain(false);
  }

  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const text = this.buffer;
    let pos = 0;
    let nextQuote = text.indexOf('"');
    while (pos < text.length) {
      // Fast path: a whole line without quotes is its cells split at the delimiter.
      const lf = text.indexOf('\n', pos);
      if (lf !== -1) {
        const end = lf > pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
        // The next quote is looked up again only once passed (searching from every line would be quadratic).
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
        if (nextQuote === -1 || nextQuote > lf) {
          const fields = text.slice(pos, end).split(this.delimiter);
          if (this.width === undefined && !(fields.length === 1 && fields[0] === '')) this.width = fields.length;
          out.push({ fields, line: this.line++ });
          pos = lf + 1;
          continue;
        }
      }
      let parsed = parseRecord(text, pos, this.delimiter, final, false);
      if (parsed.needMore) break;
      let problem = parsed.problem;
      // A multi-line cell that closes early (text after its closing quote) or leaves its record with another width
      // than the header's comes from a stray quote.
      const broken =
        parsed.unclosed || (parsed.spansLines && (parsed.problem !== undefined || (this.width !== undefined && parsed.fields.length !== this.width)));
      if (broken) {
        const whole = parsed;
        parsed = parseRecord(text, pos, this.delimiter, true, true);
        const field = parsed.fields.length;
        problem = whole.unclosed
          ? `field ${field}: a quote opens a cell that is never closed; read this line alone`
          : `field ${field}: a quote opens a cell that runs over ${whole.breaks} line${whole.breaks === 1 ? '' : 's'} (${whole.fields.length} fields where the header has ${this.width}${whole.problem ? ', text after its closing quote' : ''}); read this line alone`;
      }
      const record: CsvRecord = { fields: parsed.fields, line: this.line, ...(problem ? { problem } : {}) };
      this.line += parsed.breaks;
      pos = parsed.end;
      if (this.width === undefined && !(record.fields.length === 1 && record.fields[0] === '')) this.width = record.fields.length;
      out.push(record);
    }
    this.buffer = text.slice(pos);
    return out;
  }
}

/** Every record of a whole text (header included; blank lines come as `['']`). */
export function readCsvRecords(text: string, delimiter = guessDelimiter(text)): CsvRecord[] {
  const reader = new CsvRecordReader(delimiter);
  return [...reader.push(text), ...reader.end()];
}

export const DELIMITERS_TO_GUESS = [',', ';', '\t', '|'];

/**
 * The delimiter, read from the header line (comma when it cannot tell): see delimiter.ts for why papaparse's guess
 * over the first rows is not used (unquoted ";" lists in HubSpot cells fool it).
 */
export const guessDelimiter = (sample: string): string => headerDelimiter(sample.slice(0, 64 * 1024));

/** A blank line: not a row. */
export const isBlankRecord = (fields: readonly string[]) => fields.length === 1 && fields[0] === '';
