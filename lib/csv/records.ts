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
  /**
   * The record's own text when it is exactly what csvRow (write.ts) writes for its fields, so a writer can copy it
   * instead of quoting every cell again. Only with the reader's `keepText` option, and only when the reader can tell
   * cheaply (a comma-delimited line, each cell quoted exactly when csvRow quotes it); otherwise absent.
   */
  text?: string;
}

export interface CsvReaderOptions {
  /** Give records their `text` where it can (see CsvRecord.text). */
  keepText?: boolean;
  /**
   * Read every record with the recovering parser, without the per-line shortcuts (default true: use them). The
   * records are the same either way; tests compare the two.
   */
  lineShortcuts?: boolean;
  /**
   * The text is byte text: UTF-8 held one byte per character (`icp score` passes a file's bytes through this way,
   * see score-stream.ts). Its records then hold byte text too, the byte order mark is looked for as its three bytes,
   * and `decode` turns the pieces of a problem's message into text (a message is read by people).
   */
  decode?: (bytes: string) => string;
}

/** The byte order mark, as text and as byte text (see CsvReaderOptions.decode). */
const BOM = '\ufeff';
const BOM_BYTES = '\u00ef\u00bb\u00bf';

const same = (s: string) => s;

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
function parseRecord(text: string, start: number, delimiter: string, final: boolean, firstLineOnly: boolean, decode: (bytes: string) => string): Parsed {
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
          problem ??= `field ${fields.length + 1}: text after a closing quote (${preview(decode(text.slice(cellStart, rest.end)))}); read as ${JSON.stringify(clip(decode(value + rest.value)))}`;
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

/** Set by readLine: the line's text is what csvRow writes for its fields (comma delimiter assumed by the caller). */
let lineIsWritten = false;

/**
 * The fields of the line text[start, end) (its line break excluded) when every quoted cell in it closes within the
 * line and is followed by the delimiter or the line's end: then it reads exactly as parseRecord reads it, without a
 * problem. Undefined otherwise (a cell spanning lines, text after a closing quote, a lone CR after one), for
 * parseRecord. Why: most lines of a CRM export hold a quoted cell ("$12,000,000"), and parseRecord's general
 * bookkeeping (line counts, recovery) made reading them a large share of `icp score`'s time.
 *
 * Also sets lineIsWritten: no cell holds a CR or a byte order mark, each quoted cell needs its quotes (csvCell would
 * quote it) and no unquoted one does (a quote or a space at either end).
 */
function readLine(text: string, start: number, end: number, delimiter: string): string[] | undefined {
  const delim = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let written = true;
  let i = start;
  /** The next quote at or after `i`, text.length for none (looked up again only once passed, not per cell). */
  let nextQuote = -1;
  for (;;) {
    if (i < end && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let j = i + 1;
      let doubled = false;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || q >= end) return undefined;
        if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(j, q + 1);
          j = q + 2;
          doubled = true;
          continue;
        }
        value += text.slice(j, q);
        i = q + 1;
        break;
      }
      if (i < end && text.charCodeAt(i) !== delim) return undefined;
      if (written && !doubled && value.indexOf(',') === -1 && !(value.length > 0 && (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32)))
        written = false;
      fields[fields.length] = value; // not push: see below
    } else {
      let d = text.indexOf(delimiter, i);
      if (d === -1 || d > end) d = end;
      if (written && d > i) {
        if (nextQuote < i) {
          nextQuote = text.indexOf('"', i);
          if (nextQuote === -1) nextQuote = text.length;
        }
        if (nextQuote < d || text.charCodeAt(i) === 32 || text.charCodeAt(d - 1) === 32) written = false;
      }
      // An indexed store, not push: optimised code called the push builtin for every cell (valgrind).
      fields[fields.length] = text.slice(i, d);
      i = d;
    }
    if (i >= end) break;
    i++; // the delimiter
  }
  lineIsWritten = written;
  return fields;
}

/** A line split at the delimiter (no quotes in it) is what csvRow writes when no cell begins or ends with a space. */
const splitLineIsWritten = (line: string) =>
  line.indexOf(' ,') === -1 && line.indexOf(', ') === -1 && !(line.length > 0 && (line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32));

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
  private readonly keepText: boolean;
  private readonly shortcuts: boolean;
  private readonly decode: (bytes: string) => string;
  /** The byte order mark as this text holds it. */
  private readonly bom: string;

  constructor(
    private readonly delimiter = ',',
    options: CsvReaderOptions = {},
  ) {
    // csvRow writes commas: a line read with another delimiter is never its own written text.
    this.keepText = options.keepText === true && delimiter === ',';
    this.shortcuts = options.lineShortcuts !== false;
    this.decode = options.decode ?? same;
    this.bom = options.decode ? BOM_BYTES : BOM;
  }

  push(chunk: string): CsvRecord[] {
    this.buffer += chunk;
    if (!this.started) {
      // Byte text may come a byte at a time: wait until the mark can be told from the start of the text.
      if (this.buffer.length < this.bom.length && this.bom.startsWith(this.buffer)) return [];
      this.dropBom();
    }
    return this.drain(false);
  }

  end(): CsvRecord[] {
    if (!this.started) this.dropBom();
    return this.drain(true);
  }

  private dropBom() {
    this.started = true;
    if (this.buffer.startsWith(this.bom)) this.buffer = this.buffer.slice(this.bom.length);
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const text = this.buffer;
    const keepText = this.keepText;
    let pos = 0;
    // The next quote, CR and byte order mark are looked up again only once passed (searching from every line would
    // be quadratic). A CR or BOM inside a line keeps its text from being reused (csvCell quotes such a cell).
    let nextQuote = this.shortcuts ? text.indexOf('"') : 0;
    let nextCr = keepText ? text.indexOf('\r') : -1;
    const bom = this.bom;
    let nextBom = keepText ? text.indexOf(bom) : -1;
    while (pos < text.length) {
      // Shortcuts for a whole line: without quotes it is its cells split at the delimiter; with quotes that all
      // close within it, readLine reads it.
      const lf = this.shortcuts ? text.indexOf('\n', pos) : -1;
      if (lf !== -1) {
        const end = lf > pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
        let fields: string[] | undefined;
        let written = false;
        if (nextQuote === -1 || nextQuote > lf) {
          const line = text.slice(pos, end);
          fields = line.split(this.delimiter);
          written = keepText && splitLineIsWritten(line);
        } else {
          fields = readLine(text, pos, end, this.delimiter);
          written = keepText && lineIsWritten;
        }
        if (fields !== undefined) {
          if (this.width === undefined && !(fields.length === 1 && fields[0] === '')) this.width = fields.length;
          if (written) {
            if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
            if (nextBom !== -1 && nextBom < pos) nextBom = text.indexOf(bom, pos);
            written = (nextCr === -1 || nextCr >= end) && (nextBom === -1 || nextBom >= end);
          }
          out.push(written ? { fields, line: this.line++, text: text.slice(pos, end) } : { fields, line: this.line++ });
          pos = lf + 1;
          continue;
        }
      }
      let parsed = parseRecord(text, pos, this.delimiter, final, false, this.decode);
      if (parsed.needMore) break;
      let problem = parsed.problem;
      // A multi-line cell that closes early (text after its closing quote) or leaves its record with another width
      // than the header's comes from a stray quote.
      const broken =
        parsed.unclosed || (parsed.spansLines && (parsed.problem !== undefined || (this.width !== undefined && parsed.fields.length !== this.width)));
      if (broken) {
        const whole = parsed;
        parsed = parseRecord(text, pos, this.delimiter, true, true, this.decode);
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
