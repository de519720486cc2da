/**
 * The streaming pipeline behind `icp score`: CSV in → scored CSV out, one chunk of rows at a time.
 *
 * NODE-ONLY: this module takes Node streams and is used by the command line and the bench, never by the extension
 * (the pure pieces it is built from are lib/mapping, row.ts and output.ts).
 *
 * Memory stays bounded whatever the file size: the record reader (records.ts) hands us the rows of one input chunk
 * (~64 KB), we score and write them, and when the output cannot keep up we pause the input until it drains (back-pressure).
 *
 * The file goes through as bytes: each chunk is read into "byte text", a string holding one byte per character
 * (latin1), and the output is written the same way. Why: decoding the input's UTF-8 and encoding the output's (whose
 * reasons hold characters such as '·' and '—', which made every piece of it a two-byte string) were among the
 * largest costs of `icp score`; latin1 both ways is a plain copy. The CSV's own characters (quotes, delimiters, line
 * breaks) are ASCII, the same in byte text, so the record reader works on it as it is. What is read for meaning is
 * decoded (decodeBytes): the header names, the cells handed to normalisation (once per remembered cell), and the
 * text of problems; what is added to the output is encoded (encodeText), once per remembered cell.
 *
 * Invalid UTF-8 in a file (a Windows-1252 export, say) is copied to the output as it was, byte for byte, where
 * reading it as UTF-8 text would have replaced it with U+FFFD; normalisation and messages still see U+FFFD.
 */
import type { Readable, Writable } from 'node:stream';
import { evaluate, evaluateSlots, type CompiledModel, type Evaluation, type Verdict } from '../engine/score';
import type { FactSource } from '../facts/vocabulary';
import { FilledCounter, mapHeaders, type ColumnMapping, type FileMapping, type MappingOverrides } from '../mapping';
import { createEvaluationWriter, malformedCells, OUTPUT_COLUMNS, problemReason } from './output';
import { rowFacts } from './row';
import { createRowNormaliser, type RowNormaliser } from './row-cache';
import { CsvRecordReader, guessDelimiter, isBlankRecord, type CsvRecord } from './records';
import { csvRowOfBytes } from './write';

export interface ScoreCsvOptions {
  /** The CSV (bytes or text). */
  input: Readable;
  /** Receives the scored CSV. */
  output: Writable;
  /** The model, compiled once for the whole file. */
  compiled: CompiledModel;
  /** "Now" for date criteria, ms since epoch. */
  now: number;
  /** The file's name: the facts' provenance (`{ kind: 'list', detail }`). */
  fileName: string;
  /** Called for each problem with the physical line number (the header is line 1). */
  onProblem?: (line: number, message: string) => void;
  /** End `output` when done (default true). Pass false for process.stdout. */
  endOutput?: boolean;
  /**
   * Remember what repeated cell values normalise to (default true; see row-cache.ts). The output is the same either
   * way; false normalises every row from scratch, which tests use to check exactly that.
   */
  rememberValues?: boolean;
  /** The user's column mapping (`--map`), over the automatic one. */
  overrides?: MappingOverrides;
  /**
   * Called with the mapping once the header is read, before any row: the command line prints it, and may throw to
   * refuse the file (no identity column) before anything is written.
   */
  onMapping?: (mapping: FileMapping) => void;
}

export interface ScoreCsvSummary {
  /** Data rows written (every data row of the input: none is dropped). */
  rows: number;
  verdicts: Record<Verdict, number>;
  /** Rows that could not be read (wrong number of fields, broken quotes): written as needs-data without a score. */
  malformed: number;
  /** Rows with any problem: malformed, or with at least one rejected fact. */
  rowsWithProblems: number;
  columns: ColumnMapping[];
  /** The whole mapping (export kind, people / deals file). */
  mapping?: FileMapping;
  /** Rows with a value, per column. */
  filled?: FilledCounter;
  /** Values refused by normalisation, per fact. */
  rejected: Map<string, number>;
}

/** A character beyond ASCII; in byte text, a byte of one (0x80 and above). ASCII reads the same in both. */
const NOT_ASCII = /[^\u0000-\u007f]/;

/** Byte text (see above) → text. An ASCII cell (most) is the same string. */
export const decodeBytes = (bytes: string): string => (NOT_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes);

/**
 * Text → byte text. Without a test for ASCII first: it runs on new reasons cells (long, and most hold '·' or '—'),
 * where the test's scan cost more than the copy it would have saved (valgrind).
 */
export const encodeText = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** The byte order mark at the start of byte text. */
const LEADING_BOM = /^\u00ef\u00bb\u00bf/;

/** A short preview of extra fields for the reason, so a shifted row can be fixed by hand. */
const preview = (fields: readonly string[]) =>
  fields
    .slice(0, 3)
    .map((f) => JSON.stringify(f.length > 40 ? `${f.slice(0, 40)}…` : f))
    .join(', ') + (fields.length > 3 ? ', …' : '');

/** Output (bytes or characters, as the stream counts) waiting to be written before the input is paused. */
const MAX_PENDING_OUTPUT = 1 << 20;

/** Characters of output text handed to the output stream at a time (see scoreRows). */
const PIECE = 30_000;

export function scoreCsvStream(options: ScoreCsvOptions): Promise<ScoreCsvSummary> {
  const { input, output, compiled, now, fileName, onProblem = () => {}, endOutput = true, rememberValues = true, overrides, onMapping } = options;
  const source: FactSource = { kind: 'list', detail: fileName.slice(0, 300) };
  const summary: ScoreCsvSummary = {
    rows: 0,
    verdicts: { fit: 0, 'not-fit': 0, 'needs-data': 0 },
    malformed: 0,
    rowsWithProblems: 0,
    columns: [],
    rejected: new Map(),
  };
  /** The header's cells, as byte text. */
  let header: string[] | undefined;
  let normaliser: RowNormaliser | undefined;
  /** Reused for every row: the engine writes each criterion's status here (only the reasons read them). */
  const statuses = new Uint8Array(compiled.criteria.length);
  const evaluationText = createEvaluationWriter(compiled, rememberValues, encodeText);

  /**
   * Scores a batch of records into CSV byte text. A record with broken quoting was still read (see records.ts) and
   * is written as malformed with its problem. The text is the bytes of what Papa.unparse would write for these rows
   * (see write.ts).
   * It comes in pieces of about PIECE characters: writing flattens a text made by concatenation, and a text much
   * longer (a batch's output can be ~200,000) is flattened into V8's large-object space, which measured slower.
   * Each piece is joined from an array of its parts: concatenating them one by one built a tree of small strings
   * per piece that writing then had to walk (measured about a third slower to build and encode).
   */
  function scoreRows(records: readonly CsvRecord[]): string[] {
    const texts: string[] = [];
    let parts: string[] = [];
    let length = 0;
    const add = (s: string) => {
      parts.push(s);
      length += s.length;
    };
    for (const { fields, line, problem: quoteProblem, text } of records) {
      if (!header) {
        if (isBlankRecord(fields)) continue; // blank lines before the header
        header = fields;
        summary.mapping = mapHeaders(header.map(decodeBytes), overrides);
        summary.columns = summary.mapping.columns;
        summary.filled = new FilledCounter(header.length, decodeBytes);
        onMapping?.(summary.mapping);
        if (rememberValues) normaliser = createRowNormaliser(summary.columns, source, compiled.slotOf, { decode: decodeBytes });
        add(`${csvRowOfBytes([...header, ...OUTPUT_COLUMNS])}\n`);
        continue;
      }
      if (isBlankRecord(fields) && !quoteProblem) continue; // a blank line is not a row
      summary.rows++;
      const width = header.length;
      let problem = quoteProblem;
      if (!problem && fields.length !== width) {
        problem = `expected ${width} fields (as in the header), found ${fields.length}`;
        if (fields.length > width) problem += `; extra: ${preview(fields.slice(width).map(decodeBytes))}`;
      }
      if (problem) {
        onProblem(line, problem);
        summary.malformed++;
        summary.rowsWithProblems++;
        summary.verdicts['needs-data']++;
        // Keep the columns aligned: pad a short row, cut a long one (its extras are quoted in the reason).
        const cells = fields.length >= width ? fields.slice(0, width) : [...fields, ...new Array<string>(width - fields.length).fill('')];
        add(`${csvRowOfBytes([...cells, ...malformedCells(encodeText(problem))])}\n`);
        continue;
      }
      summary.filled!.add(fields);
      let evaluation: Evaluation;
      let problems;
      if (normaliser) {
        const row = normaliser.normalise(fields);
        problems = row.problems;
        evaluation = evaluateSlots(compiled, row.slots, now, statuses);
      } else {
        const row = rowFacts(summary.columns, fields.map(decodeBytes), source);
        problems = row.problems;
        evaluation = evaluate(compiled, row.values, now, statuses);
      }
      if (problems.length > 0) {
        summary.rowsWithProblems++;
        for (const p of problems) {
          onProblem(line, problemReason(p));
          summary.rejected.set(p.field, (summary.rejected.get(p.field) ?? 0) + 1);
        }
      }
      summary.verdicts[evaluation.verdict]++;
      // The row's own text when the reader found it already written as csvRow writes it (most rows).
      const row = text ?? csvRowOfBytes(fields);
      const appended = evaluationText(evaluation, problems);
      parts.push(row, ',', appended, '\n');
      length += row.length + appended.length + 2;
      if (length > PIECE) {
        texts.push(parts.join(''));
        parts = [];
        length = 0;
      }
    }
    if (parts.length > 0) texts.push(parts.join(''));
    return texts;
  }

  return new Promise<ScoreCsvSummary>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      input.pause();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    output.on('error', fail);
    input.on('error', fail);
    /** A high surrogate that ended the last text chunk, waiting for its pair (text chunks: see 'data'). */
    let pendingSurrogate = '';
    let reader: CsvRecordReader | undefined;
    /** The input is paused until the output drains (back-pressure). */
    let draining = false;
    const write = (records: CsvRecord[]) => {
      for (const text of scoreRows(records)) output.write(text, 'latin1');
      // Back-pressure past MAX_PENDING_OUTPUT rather than the stream's own mark (16 KB for a file, less than one
      // chunk's output): the output is written while the next chunk is scored, instead of one waiting for the other.
      if (output.writableLength > MAX_PENDING_OUTPUT && output.writableNeedDrain) {
        draining = true;
        input.pause();
        output.once('drain', () => {
          draining = false;
          if (!scheduled) input.resume();
        });
      }
    };
    // A chunk is scored on the next turn of the event loop, not inside its 'data' event: the file stream asks for its
    // next chunk only once the event returns, so scoring inside it left the file idle while we worked. The input is
    // paused meanwhile (it still reads ahead into its buffer), so chunks do not pile up faster than they are scored.
    let queued: string[] = [];
    let scheduled = false;
    const scoreQueued = () => {
      scheduled = false;
      const chunks = queued;
      queued = [];
      for (const chunk of chunks) {
        if (failed) return;
        try {
          // The delimiter is guessed once, from the start of the file (a BOM does not count).
          reader ??= new CsvRecordReader(guessDelimiter(chunk.replace(LEADING_BOM, '')), { keepText: true, decode: decodeBytes });
          write(reader.push(chunk));
        } catch (error) {
          return fail(error);
        }
      }
      if (!draining) input.resume();
    };
    input.on('data', (data: Uint8Array | string) => {
      if (failed) return;
      let chunk: string;
      if (typeof data === 'string') {
        // Text (an object-mode stream, or one set to decode): its bytes. A character split in two halves is not.
        let text = pendingSurrogate + data;
        const last = text.charCodeAt(text.length - 1);
        pendingSurrogate = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
        if (pendingSurrogate) text = text.slice(0, -1);
        chunk = encodeText(text);
      } else {
        // Bytes stay bytes: a character split between two chunks is no matter.
        chunk = (Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString('latin1');
      }
      if (chunk === '') return;
      queued.push(chunk);
      if (!scheduled) {
        scheduled = true;
        input.pause();
        setImmediate(scoreQueued);
      }
    });
    input.on('end', () => {
      if (failed) return;
      if (pendingSurrogate) queued.push(encodeText(pendingSurrogate));
      scoreQueued();
      if (failed) return;
      try {
        if (reader) write(reader.end());
      } catch (error) {
        return fail(error);
      }
      if (!header) return fail(new Error('the file is empty: no header row'));
      if (!endOutput) return resolve(summary);
      output.end(() => resolve(summary));
    });
  });
}
