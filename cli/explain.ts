import { createInterface } from 'node:readline';
import { compileModel, scoreBest, type CompiledModel, type ScoreResult } from '../lib/engine/score';
import type { FactProblem } from '../lib/facts/parse';
import { valuesOf } from '../lib/facts/parse';
import { normaliseFacts } from '../lib/facts/normalise/index';
import type { RawFacts } from '../lib/facts/raw';
import { print, printError, type CliIo } from './io';
import { EXIT_BAD_INPUT, EXIT_OK, help, InputError, loadModel, parseCommandArgs, parseNow, UsageError, type LoadedModel } from './common';

export const EXPLAIN_HELP = help(`
    Usage: icp explain [--model <model.json>]... [--company <json>] [--now <date>]

    Scores one company and prints the full result as JSON: score, tier, verdict, confidence, every criterion with
    its status and points, what would change the outcome, the reasons, and the facts that were rejected (problems).

    --company takes a JSON object of facts, e.g.
      icp explain --company '{"name":"Acme","employees":"1,001-5,000","hqCountry":"Germany","technologies":["Snowflake"]}'
    Without --company, reads one such object per line from stdin and prints one result per line (JSON Lines).
    A bad line prints {"line": N, "error": "..."} and makes the exit code 1.

    Options:
      -m, --model <file|id>  model file or built-in model id; repeat to score against several models: the result is
                             the best match, with the others under "alternatives" (default: the built-in model)
      -c, --company <json>   the company's facts as a JSON object
          --now <date>       "today" for date criteria, e.g. 2025-06-01 (default: now)
      -h, --help             this help
`);

const OPTIONS = {
  model: { type: 'string', short: 'm', multiple: true },
  company: { type: 'string', short: 'c' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ExplainResult = ScoreResult & {
  model: { id: string; name: string; version: number; from: string };
  /** Facts rejected by normalisation (the company was scored on the others). */
  problems: FactProblem[];
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

function explain(raw: RawFacts, loaded: LoadedModel[], compiled: CompiledModel[], now: number): ExplainResult {
  const { facts, problems } = normaliseFacts(raw, { origin: 'user', source: { kind: 'user' } });
  const { best, results } = scoreBest(compiled, valuesOf(facts), now);
  const bestIndex = results.indexOf(best);
  const { model, from } = loaded[bestIndex];
  const result: ExplainResult = {
    ...best,
    model: { id: model.id, name: model.name, version: model.version, from },
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
