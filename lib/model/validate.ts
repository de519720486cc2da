import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
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

/** Parses model JSON text; a syntax error is reported with its line and column (JSON.parse's messages often have neither). */
export function parseModelJson(text: string): ModelCheck {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.slice(0, 5).map((e) => ({ path: '$', message: `not valid JSON: ${printParseErrorCode(e.error)} at ${lineColumn(text, e.offset)}` })),
    };
  }
  return checkModel(data);
}

export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
