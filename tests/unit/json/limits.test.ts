import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, parseJsonWithinLimits } from '../../../lib/json/limits';
import { deepArray, deepObject, deepUnclosed, int, JSON_SEEDS, pick, random, type Rnd } from '../fuzz/seeds';

/**
 * parseJsonWithinLimits parses first and checks the depth of the result (lib/json/limits.ts says why); the reference
 * is the text scan it replaced: refuse text nested deeper than the limit, else JSON.parse it.
 */
function reference(text: string, maxDepth: number): unknown {
  if (findExcessiveNesting(text, maxDepth)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const STRINGS = ['"a"', '"[[{{"', '"]]}}"', '"\\"["', '"\\\\"', '"\\\\\\"{"', '""', '"\\u005b"'];

/** A random JSON value as text, nested up to `depth` levels, its strings full of brackets and escapes. */
function json(rnd: Rnd, depth: number): string {
  const roll = int(rnd, 10);
  if (depth <= 0 || roll < 3) return pick(rnd, [...STRINGS, '1', '-0.5', 'true', 'null', '1e309']);
  const items = Array.from({ length: int(rnd, 4) }, () => json(rnd, depth - 1));
  if (roll < 6) return `[${items.join(',')}]`;
  return `{${items.map((item, i) => `${pick(rnd, STRINGS.slice(0, 4))}${i}:${item}`.replace(/^"(.*)"(\d+):/, '"$1$2":')).join(',')}}`;
}

/** Small damage to valid text: a bracket dropped or added, a quote cut. */
function damaged(rnd: Rnd, text: string): string {
  const at = int(rnd, text.length + 1);
  return pick(rnd, [text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + pick(rnd, ['[', ']', '{', '}', '"', '\\']) + text.slice(at)]);
}

describe('parseJsonWithinLimits', () => {
  it('gives what the text scan and JSON.parse gave, on random nesting around the limit', () => {
    const rnd = random(85);
    let refused = 0;
    let parsed = 0;
    for (let i = 0; i < 20_000; i++) {
      const maxDepth = 1 + int(rnd, 6);
      const valid = json(rnd, 1 + int(rnd, 8));
      const text = i % 3 === 0 ? damaged(rnd, valid) : valid;
      const expected = reference(text, maxDepth);
      expect(parseJsonWithinLimits(text, maxDepth), `${text} (limit ${maxDepth})`).toEqual(expected);
      if (expected === undefined) refused++;
      else parsed++;
    }
    expect(refused).toBeGreaterThan(3000);
    expect(parsed).toBeGreaterThan(3000);
  });

  it('refuses what is too deep at once, however deep, and reads what is at the limit', () => {
    for (const text of [deepObject(10_000), deepArray(10_000), deepArray(200_000), deepUnclosed(10_000), deepArray(65)]) {
      expect(parseJsonWithinLimits(text, 64)).toBeUndefined();
    }
    expect(parseJsonWithinLimits(deepArray(64), 64)).toEqual(JSON.parse(deepArray(64)));
    expect(parseJsonWithinLimits(deepObject(64), 64)).toEqual(JSON.parse(deepObject(64)));
    for (const text of JSON_SEEDS) expect(parseJsonWithinLimits(text, 256), text.slice(0, 40)).toEqual(reference(text, 256));
  });
});
