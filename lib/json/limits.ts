/**
 * Limits checked on JSON text BEFORE it is parsed. Parsers and the code that walks their result recurse once per
 * nesting level, so `{"a":` repeated 10,000 times overflows the stack ("Maximum call stack size exceeded") instead of
 * failing as bad input; a scan that only counts brackets cannot overflow and costs one pass over the text.
 */

/** Nesting deeper than this is not a model (whose deepest path is about 6 levels) nor any page data we read. */
export const MAX_JSON_DEPTH = 64;

/** Page data (LinkedIn's voyager blocks, JSON-LD, Crunchbase's state) nests a few dozen levels; far more is not it. */
export const PAGE_JSON_MAX_DEPTH = 256;

export type JsonLimitProblem = { offset: number; message: string };

/**
 * The first place where `text` nests arrays/objects deeper than `maxDepth`, or undefined. Brackets inside strings
 * (with their escapes) do not count. Syntax is not checked here: the parser does that once the depth is known safe.
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_JSON_DEPTH): JsonLimitProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { offset: i, message: `nested more than ${maxDepth} levels deep (the limit for this file)` };
    } else if ((c === 0x7d /* } */ || c === 0x5d) /* ] */ && depth > 0) depth--;
  }
  return undefined;
}

/**
 * JSON.parse with the depth limit: `undefined` for text that is too deep or not JSON (page data is optional). The
 * page's own data is read in the content script's first task, where a loop over every character runs cold, in the
 * interpreter (0.8 ms for Crunchbase's 5 KB fixture state, traced): so the native parser goes first and the depth is
 * checked on its result, container by container, without recursion. A parser that recursed too deep throws, which
 * reads as "not JSON"; either way the answer is findExcessiveNesting's (tests/unit/json/limits.test.ts).
 */
export function parseJsonWithinLimits(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  return nestsWithin(value, maxDepth) ? value : undefined;
}

/** Whether no array or object in `value` sits deeper than `maxDepth` (the outermost one is at depth 1). */
function nestsWithin(value: unknown, maxDepth: number): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const item = pending.pop();
    const depth = depths.pop()! + 1;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > maxDepth) return false;
    if (Array.isArray(item)) {
      for (const inner of item) if (typeof inner === 'object' && inner !== null) (pending.push(inner), depths.push(depth));
    } else {
      for (const key in item) {
        const inner = (item as Record<string, unknown>)[key];
        if (typeof inner === 'object' && inner !== null) (pending.push(inner), depths.push(depth));
      }
    }
  }
  return true;
}
