/**
 * FROZEN REFERENCE, not used by the product: `icp score`'s pipeline as it was before the performance work
 * (normaliseFacts per row, Papa.unparse, full ScoreResult per row). tests/unit/csv/score-stream.test.ts checks
 * that lib/csv/score-stream.ts writes byte for byte the same output and problems.
 */
/**
 * The streaming pipeline behind `icp score`: CSV in → scored CSV out, one chunk of rows at a time.
 *
 * NODE-ONLY: this module takes Node streams and is used by the command line and the bench, never by the extension
 * (the pure pieces it is built from are columns.ts, row.ts and output.ts).
 *
 * Memory stays bounded whatever the file size: papaparse hands us the rows of one input chunk (~64 KB), we score
 * and write them, and when the output cannot keep up we pause the input until it drains (back-pressure).
 */
import Papa from 'papaparse';
import type { Readable, Writable } from 'node:stream';
import { scoreCompiled, type CompiledModel, type Verdict } from '../../engine/reference/score';
import type { FactSource } from '../../../../lib/facts/vocabulary';
import { mapColumns, type ColumnMapping } from '../../../../lib/mapping';
import { malformedCells, OUTPUT_COLUMNS, problemReason, resultCells } from './output';
import { rowFacts } from '../../../../lib/csv/row';

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
}

/** Line breaks inside the fields of a row: a quoted multi-line field spans several physical lines. */
function lineBreaksIn(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf('\n') === -1 && f.indexOf('\r') === -1) continue;
    n += f.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

const isBlankLine = (fields: readonly string[]) => fields.length === 1 && fields[0] === '';

/** A short preview of extra fields for the reason, so a shifted row can be fixed by hand. */
const preview = (fields: readonly string[]) =>
  fields
    .slice(0, 3)
    .map((f) => JSON.stringify(f.length > 40 ? `${f.slice(0, 40)}…` : f))
    .join(', ') + (fields.length > 3 ? ', …' : '');

export function scoreCsvStream(options: ScoreCsvOptions): Promise<ScoreCsvSummary> {
  const { input, output, compiled, now, fileName, onProblem = () => {}, endOutput = true } = options;
  const source: FactSource = { kind: 'list', detail: fileName.slice(0, 300) };
  const summary: ScoreCsvSummary = {
    rows: 0,
    verdicts: { fit: 0, 'not-fit': 0, 'needs-data': 0 },
    malformed: 0,
    rowsWithProblems: 0,
    columns: [],
  };
  let header: string[] | undefined;
  /** Physical line where the next row starts. */
  let nextLine = 1;

  /** Scores the rows of one chunk into output rows. `errors` are papaparse's, by row index within the chunk. */
  function scoreRows(data: string[][], errors: Map<number, string>): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < data.length; r++) {
      const fields = data[r];
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(fields);
      if (!header) {
        if (isBlankLine(fields)) continue; // blank lines before the header
        header = fields;
        summary.columns = mapColumns(header);
        out.push([...header, ...OUTPUT_COLUMNS]);
        continue;
      }
      if (isBlankLine(fields) && !errors.has(r)) continue; // a blank line is not a row
      summary.rows++;
      const width = header.length;
      let problem = errors.get(r);
      if (!problem && fields.length !== width) {
        problem = `expected ${width} fields (as in the header), found ${fields.length}`;
        if (fields.length > width) problem += `; extra: ${preview(fields.slice(width))}`;
      }
      if (problem) {
        onProblem(line, problem);
        summary.malformed++;
        summary.rowsWithProblems++;
        summary.verdicts['needs-data']++;
        // Keep the columns aligned: pad a short row, cut a long one (its extras are quoted in the reason).
        const cells = fields.length >= width ? fields.slice(0, width) : [...fields, ...new Array<string>(width - fields.length).fill('')];
        out.push([...cells, ...malformedCells(problem)]);
        continue;
      }
      const { values, problems } = rowFacts(summary.columns, fields, source);
      if (problems.length > 0) {
        summary.rowsWithProblems++;
        for (const p of problems) onProblem(line, problemReason(p));
      }
      const result = scoreCompiled(compiled, values, now);
      summary.verdicts[result.verdict]++;
      const row = fields.slice();
      for (const cell of resultCells(result, problems)) row.push(cell);
      out.push(row);
    }
    return out;
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
    // Strings, not Buffers: papaparse would otherwise decode each Buffer on its own and break a UTF-8 character
    // that straddles two chunks.
    input.setEncoding('utf8');

    Papa.parse<string[], NodeJS.ReadableStream>(input, {
      header: false,
      skipEmptyLines: false, // we count blank lines ourselves, to keep line numbers right
      delimitersToGuess: [',', ';', '\t', '|'],
      // papaparse strips a UTF-8 byte order mark from strings but not from streams.
      beforeFirstChunk: (chunk) => (chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk),
      chunk(results, parser) {
        if (failed) return parser.abort();
        try {
          const errors = new Map<number, string>();
          for (const e of results.errors) if (typeof e.row === 'number' && !errors.has(e.row)) errors.set(e.row, e.message);
          const rows = scoreRows(results.data, errors);
          if (rows.length === 0) return;
          const text = Papa.unparse(rows, { newline: '\n' }) + '\n';
          if (!output.write(text)) {
            input.pause();
            output.once('drain', () => input.resume());
          }
        } catch (error) {
          parser.abort();
          fail(error);
        }
      },
      complete() {
        if (failed) return;
        if (!header) return fail(new Error('the file is empty: no header row'));
        if (!endOutput) return resolve(summary);
        output.end(() => resolve(summary));
      },
      error: (error: Error) => fail(error),
    });
  });
}
