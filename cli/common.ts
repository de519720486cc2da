import { stat } from 'node:fs/promises';
import { pathIn, readTextIn, type CliIo } from './io';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BUILTIN_MODELS, DEFAULT_MODEL } from '../lib/model/builtin';
import { parseMapOptions, type MappingTarget } from '../lib/mapping';
import type { IcpModel } from '../lib/model/schema';
import { MAX_MODEL_BYTES, modelFileTooBig, parseModelJson, type ModelProblem } from '../lib/model/validate';

/** Shared bits of the `icp` commands. Exit codes: 0 ok, 1 bad input, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: main.ts prints the message and a hint to --help, and exits with 2. */
export class UsageError extends Error {}

/** Bad input (unreadable file, invalid model, bad JSON): the message is printed as is, exit 1. */
export class InputError extends Error {}

/** node:util parseArgs, with its errors turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `--now 2025-06-01` → ms since epoch; current time when absent. */
export function parseNow(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`--now expects an ISO date such as 2025-06-01, got "${value}"`);
  return t;
}

export async function readTextFile(io: CliIo, path: string, maxBytes = Infinity): Promise<string> {
  try {
    // A file over the limit is refused from its size, before it is read into memory.
    const size = maxBytes === Infinity ? 0 : (await stat(pathIn(io, path))).size;
    if (size > maxBytes) throw new InputError(`${path}: ${modelFileTooBig(size)!.message}`);
    return await readTextIn(io, path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `<file>: <json path>: <message>`, one per line. */
export const formatModelProblems = (file: string, problems: readonly ModelProblem[]) =>
  problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n');

export interface LoadedModel {
  model: IcpModel;
  /** The file it came from, or "built-in". */
  from: string;
}

/**
 * Loads `--model`: a model file, or the id of a built-in model (e.g. "plg-…") when no such file exists.
 * Without `--model`, the built-in default model.
 */
export async function loadModel(io: CliIo, path: string | undefined): Promise<LoadedModel> {
  if (path === undefined) return { model: DEFAULT_MODEL, from: 'built-in' };
  const builtin = BUILTIN_MODELS.find((m) => m.id === path);
  let text: string;
  try {
    text = await readTextFile(io, path, MAX_MODEL_BYTES);
  } catch (error) {
    if (builtin) return { model: builtin, from: 'built-in' };
    throw error;
  }
  const check = parseModelJson(text);
  if (!check.ok) throw new InputError(`${formatModelProblems(path, check.problems)}\n${path}: invalid model`);
  return { model: check.model, from: path };
}

/** Dedent a help text written as a template literal. */
export const help = (text: string) => text.replace(/^\n/, '').replace(/^ {4}/gm, '');

/** --map's help line, the same for every command that reads a CSV. */
export const MAP_HELP = `      --map <Header=target>  read a column as another fact or outcome, e.g. --map "Acct Domain=domain",
                             --map "ACV (USD)=initialArr", --map "Notes=custom" (repeatable)`;

/** `--map "Header=target"` (repeatable) → overrides by header; a bad value is a usage error. */
export function parseMapOption(values: readonly string[] | undefined): Record<string, MappingTarget> {
  try {
    return parseMapOptions(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
