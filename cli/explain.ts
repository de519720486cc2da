import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { mapColumns, type ColumnMapping } from '../lib/mapping';
import { rawFactsOfRow } from '../lib/mapping';
import { lineBreaksIn } from '../lib/csv/write';
import type { CompanyFacts, FactSource } from '../lib/facts/vocabulary';
import { compileModel, scoreBest, type CompiledModel, type ScoreResult } from '../lib/engine/score';
import type { FactProblem } from '../lib/facts/parse';
import { valuesOf } from '../lib/facts/parse';
import { normaliseFacts } from '../lib/facts/normalise/index';
import { deriveFacts } from '../lib/facts/derive';
import type { RawFacts } from '../lib/facts/raw';
import { pathIn, print, printError, type CliIo } from './io';
import { EXIT_BAD_INPUT, EXIT_OK, help, InputError, loadModel, parseCommandArgs, parseNow, UsageError, type LoadedModel } from './common';

export const EXPLAIN_HELP = help(`
    Usage: icp explain [--model <model.json>]... [--company <json> | --csv <accounts.csv>] [--now <date>]

    Scores one company and prints the full result as JSON: score, tier, verdict, confidence, every criterion with
    its status and points, what would change the outcome, the reasons, the facts it scored (normalised, derived
    ones included, each with its value and source) and the facts that were rejected (problems).

    --company takes a JSON object of facts, e.g.
      icp explain --company '{"name":"Acme","employees":"1,001-5,000","hqCountry":"Germany","technologies":["Snowflake"]}'
    Without --company, reads one such object per line from stdin and prints one result per line (JSON Lines).
    A bad line prints {"line": N, "error": "..."} and makes the exit code 1.
    --csv reads a CSV with the same column mapping as icp score and prints one result per row (JSON Lines), each
    with its "line" in the file.

    Options:
      -m, --model <file|id>  model file or built-in model id; repeat to score against several models: the result is
                             the best match, with the others under "alternatives" (default: the built-in model)
      -c, --company <json>   the company's facts as a JSON object
          --csv <file>       a CSV of accounts (as for icp score): one result per row
          --now <date>       "today" for date criteria, e.g. 2025-06-01 (default: now)
      -h, --help             this help
`);

const OPTIONS = {
  model: { type: 'string', short: 'm', multiple: true },
  company: { type: 'string', short: 'c' },
  csv: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ExplainResult = ScoreResult & {
  model: { id: string; name: string; version: number; from: string };
  /** The facts scored: normalised, derived ones included, each with its value and source. */
  facts: CompanyFacts;
  /** Facts rejected by normalisation (the company was scored on the others). */
  problems: FactProblem[];
  /** With --csv: the row's line in the file. */
  line?: number;
  /** With several models: how the company fares against the others. */
  alternatives?: { modelId: string; score: number; tier: string | null; verdict: ScoreResult['verdict'] }[];
};

/** Parses one company's JSON; throws a plain message for anything but a JSON object. */
function parseCompany(text: string): RawFacts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('expected a JSON object of facts');
  return data as RawFacts;
}

function explain(raw: RawFacts, loaded: LoadedModel[], compiled: CompiledModel[], now: number, csv?: { source: FactSource }): ExplainResult {
  const normalised = normaliseFacts(raw, csv ? { origin: 'csv', source: csv.source } : { origin: 'user', source: { kind: 'user' } });
  const facts = deriveFacts(normalised.facts);
  const { problems } = normalised;
  const { best, results } = scoreBest(compiled, valuesOf(facts), now);
  const bestIndex = results.indexOf(best);
  const { model, from } = loaded[bestIndex];
  const result: ExplainResult = {
    ...best,
    model: { id: model.id, name: model.name, version: model.version, from },
    facts,
    problems,
  };
  if (results.length > 1)
    result.alternatives = results
      .filter((r) => r !== best)
      .map((r) => ({ modelId: r.modelId, score: r.score, tier: r.tier, verdict: r.verdict }));
  return result;
}

export async function runExplain(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    print(io, EXPLAIN_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (facts go in --company)`);
  const now = parseNow(values.now);
  const loaded = await Promise.all((values.model ?? [undefined]).map((m) => loadModel(io, m)));
  const compiled = loaded.map((l) => compileModel(l.model));

  if (values.company !== undefined && values.csv !== undefined) throw new UsageError('give --company or --csv, not both');
  if (values.csv !== undefined) return explainCsv(io, values.csv, loaded, compiled, now);

  if (values.company !== undefined) {
    let raw: RawFacts;
    try {
      raw = parseCompany(values.company);
    } catch (error) {
      throw new InputError(`--company: ${(error as Error).message}`);
    }
    print(io, `${JSON.stringify(explain(raw, loaded, compiled, now), null, 2)}\n`);
    return EXIT_OK;
  }

  if (io.stdin.isTTY) throw new UsageError('give --company, or pipe one company JSON per line on stdin');
  let code = EXIT_OK;
  let lineNo = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      print(io, `${JSON.stringify(explain(parseCompany(line), loaded, compiled, now))}\n`);
    } catch (error) {
      const message = (error as Error).message;
      print(io, `${JSON.stringify({ line: lineNo, error: message })}\n`);
      printError(io, `<stdin>:${lineNo}: ${message}\n`);
      code = EXIT_BAD_INPUT;
    }
  }
  return code;
}

/**
 * `--csv`: each row mapped to facts exactly as `icp score` maps it (lib/csv: mapColumns, rawFactsOfRow), then
 * explained like --company, one JSON line per row with its line number. A malformed row prints {line, error}.
 */
async function explainCsv(io: CliIo, file: string, loaded: LoadedModel[], compiled: CompiledModel[], now: number): Promise<number> {
  // Through the command's IO (its directory and streams), as every other command: in-process runs read and print there.
  const path = pathIn(io, file);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${file}: cannot read: ${error.code ?? error.message}`);
  });
  if (!info.isFile()) throw new InputError(`${file}: not a file`);
  const source: FactSource = { kind: 'list', detail: basename(file).slice(0, 300) };
  let columns: ColumnMapping[] | undefined;
  let width = 0;
  let line = 0;
  let code = EXIT_OK;
  const rows = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  createReadStream(path).pipe(rows);
  for await (const fields of rows as AsyncIterable<string[]>) {
    line++;
    const at = line;
    line += fields.reduce((n, f) => n + lineBreaksIn(f), 0);
    if (fields.length === 1 && fields[0] === '') continue;
    if (!columns) {
      columns = mapColumns(fields);
      width = fields.length;
      continue;
    }
    if (fields.length !== width) {
      const error = `expected ${width} fields (as in the header), found ${fields.length}`;
      print(io, `${JSON.stringify({ line: at, error })}\n`);
      printError(io, `${file}:${at}: ${error}\n`);
      code = EXIT_BAD_INPUT;
      continue;
    }
    const result = explain(rawFactsOfRow(columns, fields), loaded, compiled, now, { source });
    print(io, `${JSON.stringify({ line: at, ...result })}\n`);
  }
  return code;
}
