import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { findExcessiveNesting } from '../json/limits';
import { crossCheckModel, modelSchema, OPERATOR_TYPES, type IcpModel } from './schema';

export interface ModelProblem {
  /** JSON path like `criteria[3].op`; `$` for the document itself. */
  path: string;
  message: string;
}

export type ModelCheck = { ok: true; model: IcpModel } | { ok: false; problems: ModelProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '$';
}

function problemsOf(error: z.ZodError): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const issue of error.issues) {
    // A discriminated union with an unknown `op` reports "invalid input" at `op`: name the allowed operators instead.
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'op') {
      problems.push({ path: formatPath(issue.path), message: `unknown operator (one of: ${Object.keys(OPERATOR_TYPES).join(', ')})` });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...issue.path, key]), message: `unknown field "${key}"` });
      continue;
    }
    problems.push({ path: formatPath(issue.path), message: issue.message });
  }
  return problems;
}

/** Checks a parsed JSON value against the model schema. Nothing is half-loaded: either a whole model or problems. */
export function checkModel(input: unknown): ModelCheck {
  const result = modelSchema.safeParse(input);
  if (result.success) return { ok: true, model: result.data as IcpModel };
  const problems = problemsOf(result.error);
  // zod skips the cross-field rules when the structure is broken; run them anyway so one pass lists everything.
  if (input && typeof input === 'object')
    for (const p of crossCheckModel(input as Record<string, unknown>)) {
      const path = formatPath(p.path);
      if (!problems.some((q) => q.path === path && q.message === p.message)) problems.push({ path, message: p.message });
    }
  return { ok: false, problems };
}

/**
 * A model file is a few KB; anything this big is not one (and must not fill the extension's memory). The same limit
 * holds for sync, the options import and the command line.
 */
export const MAX_MODEL_BYTES = 2_000_000;

/**
 * Parses model JSON text, never throwing: a syntax error is reported with its line and column (JSON.parse's messages
 * often have neither); text over the size limit or nested deeper than the depth limit is refused before parsing, as
 * the parser would otherwise overflow its stack on it.
 */
export function parseJsonDocument(text: string): { ok: true; data: unknown } | { ok: false; problems: ModelProblem[] } {
  const big = modelFileTooBig(text.length, 'characters');
  if (big) return { ok: false, problems: [big] };
  const deep = findExcessiveNesting(text);
  if (deep) return { ok: false, problems: [{ path: '$', message: `too deeply nested: ${deep.message} at ${lineColumn(text, deep.offset)}` }] };
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.slice(0, 5).map((e) => ({ path: '$', message: `not valid JSON: ${printParseErrorCode(e.error)} at ${lineColumn(text, e.offset)}` })),
    };
  }
  return { ok: true, data };
}

/** The problem with a model file of this size, if it is over the limit: checked before reading a file whole. */
export function modelFileTooBig(size: number, unit: 'bytes' | 'characters' = 'bytes'): ModelProblem | undefined {
  return size > MAX_MODEL_BYTES ? { path: '$', message: `too big: ${size} ${unit}; a model file is at most ${MAX_MODEL_BYTES}` } : undefined;
}

/** Parses and checks one model's JSON text. */
export function parseModelJson(text: string): ModelCheck {
  const parsed = parseJsonDocument(text);
  return parsed.ok ? checkModel(parsed.data) : parsed;
}

export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
