import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { compileModel } from '../lib/engine/score';
import { scoreCsvStream, type ScoreCsvSummary } from '../lib/csv/score-stream';
import { checkOverrides, formatMappingTable, identityError } from '../lib/mapping';
import { EXIT_OK, help, InputError, loadModel, MAP_HELP, parseCommandArgs, parseMapOption, parseNow, UsageError } from './common';

export const SCORE_HELP = help(`
    Usage: icp score [--model <model.json>] [--out <scored.csv>] [--now <date>] <accounts.csv | ->

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
      -h, --help             this help
`);

const OPTIONS = {
  model: { type: 'string', short: 'm', multiple: true },
  out: { type: 'string', short: 'o' },
  now: { type: 'string' },
  map: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runScore(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    process.stdout.write(SCORE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('score needs exactly one CSV file (or - for stdin)');
  if ((values.model?.length ?? 0) > 1) throw new UsageError('score takes one --model');
  const now = parseNow(values.now);
  const overrides = parseMapOption(values.map);
  const { model } = await loadModel(values.model?.[0]);
  const file = positionals[0];

  let input: Readable;
  if (file === '-') input = process.stdin;
  else {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`${file}: cannot read: ${error.code ?? error.message}`);
    });
    if (!info.isFile()) throw new InputError(`${file}: not a file`);
    input = createReadStream(file);
  }
  const output: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  const name = file === '-' ? '<stdin>' : file;

  let summary: ScoreCsvSummary;
  try {
    summary = await scoreCsvStream({
      input,
      output,
      compiled: compileModel(model),
      now,
      fileName: file === '-' ? 'stdin' : basename(file),
      onProblem: (line, message) => process.stderr.write(`${name}:${line}: ${message}\n`),
      overrides,
      onMapping: (mapping) => {
        const problem = checkOverrides(mapping.columns.map((c) => c.header), overrides)[0] ?? identityError(mapping);
        if (problem) {
          if (!values.quiet) process.stderr.write(formatMappingTable(mapping));
          throw new InputError(`${name}: ${problem}`);
        }
      },
      endOutput: values.out !== undefined,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EPIPE') return EXIT_OK; // `icp score … | head`: the reader has seen enough
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: ${e.message}`);
  }
  const v = summary.verdicts;
  const custom = summary.columns.filter((c) => c.custom);
  if (!values.quiet && summary.mapping) process.stderr.write(formatMappingTable(summary.mapping, summary.filled, summary.rejected));
  process.stderr.write(
    `columns: ${summary.columns.length - custom.length} mapped to facts, ${custom.length} kept as custom facts\n` +
      `scored ${summary.rows} rows (${v.fit} fit, ${v['not-fit']} not-fit, ${v['needs-data']} needs-data); ` +
      `${summary.rowsWithProblems} rows with problems\n`,
  );
  return EXIT_OK;
}
