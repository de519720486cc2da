import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { useGeneratedCode } from '../lib/engine/codegen';
import { compileModel } from '../lib/engine/score';
import type { IcpModel } from '../lib/model/schema';
import { scoreCsvStream, type ScoreCsvSummary } from '../lib/csv/score-stream';
import { checkOverrides, formatMappingTable, identityError, type FileMapping, type MappingOverrides } from '../lib/mapping';
import { pathIn, print, printError, type CliIo } from './io';
import { EXIT_OK, help, InputError, loadModel, MAP_HELP, parseCommandArgs, parseMapOption, parseNow, UsageError } from './common';

export const SCORE_HELP = help(`
    Usage: icp score [--model <model.json>] [--out <scored.csv>] [--now <date>] [--engine js|duckdb] <accounts.csv | ->

    Scores every row of a CSV of accounts (a CRM export, a list) and writes the same CSV with five columns added:
      icp_score, icp_tier, icp_verdict, icp_confidence, icp_reasons (reasons joined with " | ").
    Export headers (HubSpot, Salesforce, Apollo, ZoomInfo, Crunchbase, Clearbit…) are mapped to facts; other
    columns become custom.<name> facts a model can use. The mapping is printed on stderr with the rows each column
    was read from. A file with no column naming the company (domain, CRM id, LinkedIn URL, name) is refused.
    The file is streamed: any size works in bounded memory.

    Problems go to stderr as <file>:<line>: <problem>. No row is dropped: a row with the wrong number of fields is
    written with verdict needs-data and no score; a row with rejected facts is scored on its other facts.

    Options:
      -m, --model <file|id>  model file, or a built-in model id (default: the built-in sales-led model)
      -o, --out <file>       write here instead of stdout
          --now <date>       "today" for date criteria, e.g. 2025-06-01 (default: now)
${MAP_HELP}
      -q, --quiet            do not print the column mapping
          --engine <name>    js (default, streams) or duckdb: the model runs as SQL in embedded DuckDB (the optional
                             @duckdb/node-api package), for big files; reads .csv or .parquet, writes CSV, or Parquet
                             when --out ends in .parquet. Same columns, rows and order; a malformed row stops it.
      -h, --help             this help
`);

const OPTIONS = {
  model: { type: 'string', short: 'm', multiple: true },
  out: { type: 'string', short: 'o' },
  now: { type: 'string' },
  map: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  engine: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runScore(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    print(io, SCORE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('score needs exactly one CSV file (or - for stdin)');
  if ((values.model?.length ?? 0) > 1) throw new UsageError('score takes one --model');
  const now = parseNow(values.now);
  const overrides = parseMapOption(values.map);
  const { model } = await loadModel(io, values.model?.[0]);
  const file = positionals[0];
  const engine = values.engine ?? 'js';
  if (engine !== 'js' && engine !== 'duckdb') throw new UsageError(`--engine is js or duckdb, got "${engine}"`);
  /** Refuses a file that names no company (or a --map header it lacks) before any row is scored. */
  const checkMapping = (name: string) => (mapping: FileMapping) => {
    const problem = checkOverrides(mapping.columns.map((c) => c.header), overrides)[0] ?? identityError(mapping);
    if (!problem) return;
    if (!values.quiet) printError(io, formatMappingTable(mapping));
    throw new InputError(`${name}: ${problem}`);
  };
  if (engine === 'duckdb') return runScoreDuckdb(io, file, values.out, model, now, { overrides, onMapping: checkMapping(file), quiet: values.quiet });

  let input: Readable;
  if (file === '-') input = io.stdin;
  else {
    const info = await stat(pathIn(io, file)).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`${file}: cannot read: ${error.code ?? error.message}`);
    });
    if (!info.isFile()) throw new InputError(`${file}: not a file`);
    input = createReadStream(pathIn(io, file));
  }
  const output: Writable = values.out ? createWriteStream(pathIn(io, values.out)) : io.stdout;
  const name = file === '-' ? '<stdin>' : file;

  let summary: ScoreCsvSummary;
  try {
    summary = await scoreCsvStream({
      input,
      output,
      // Node allows generated code: straight-line evaluators, about twice the closures' speed (bench, part engine).
      compiled: useGeneratedCode(compileModel(model)),
      now,
      fileName: file === '-' ? 'stdin' : basename(file),
      onProblem: (line, message) => printError(io, `${name}:${line}: ${message}\n`),
      overrides,
      onMapping: checkMapping(name),
      endOutput: values.out !== undefined,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EPIPE') return EXIT_OK; // `icp score … | head`: the reader has seen enough
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: ${e.message}`);
  }
  if (!values.quiet && summary.mapping) printError(io, formatMappingTable(summary.mapping, summary.filled, summary.rejected));
  printSummary(io, summary);
  return EXIT_OK;
}

const formatOf = (path: string) => (/\.parquet$/i.test(path) ? 'parquet' : 'csv');

/** `--engine duckdb`: the whole file in embedded DuckDB, scored by the model's SQL (cli/duckdb/score.ts). */
async function runScoreDuckdb(
  io: CliIo,
  file: string,
  out: string | undefined,
  model: IcpModel,
  now: number,
  mappingOptions: { overrides: MappingOverrides; onMapping: (mapping: FileMapping) => void; quiet?: boolean },
): Promise<number> {
  if (file === '-') throw new UsageError('--engine duckdb reads a file, not stdin');
  if (out === undefined && formatOf(file) === 'parquet') throw new UsageError('Parquet input needs --out (a .csv or .parquet file)');
  let scoreWithDuckdb: typeof import('./duckdb/score').scoreWithDuckdb;
  try {
    ({ scoreWithDuckdb } = await import('./duckdb/score'));
  } catch (error) {
    throw new InputError(`--engine duckdb needs the optional package @duckdb/node-api (npm install @duckdb/node-api): ${(error as Error).message}`);
  }
  const summary = await scoreWithDuckdb({
    input: pathIn(io, file),
    inputFormat: formatOf(file),
    output: out === undefined ? undefined : pathIn(io, out),
    outputFormat: out === undefined ? 'csv' : formatOf(out),
    stdout: io.stdout,
    compiled: compileModel(model),
    now,
    fileName: basename(file),
    onProblem: (row, message) => printError(io, `${file}: row ${row}: ${message}\n`),
    overrides: mappingOptions.overrides,
    onMapping: mappingOptions.onMapping,
  }).catch((error: Error) => {
    throw error instanceof InputError ? error : new InputError(`${file}: ${error.message}`);
  });
  if (!mappingOptions.quiet) printError(io, formatMappingTable(summary.mapping, summary.filled, summary.rejected));
  printSummary(io, summary);
  return EXIT_OK;
}

function printSummary(io: CliIo, summary: Pick<ScoreCsvSummary, 'verdicts' | 'columns' | 'rows' | 'rowsWithProblems'>) {
  const v = summary.verdicts;
  const custom = summary.columns.filter((c) => c.custom);
  printError(
    io,
    `columns: ${summary.columns.length - custom.length} mapped to facts, ${custom.length} kept as custom facts\n` +
      `scored ${summary.rows} rows (${v.fit} fit, ${v['not-fit']} not-fit, ${v['needs-data']} needs-data); ` +
      `${summary.rowsWithProblems} rows with problems\n`,
  );
}
