import { seededRandom } from '../../../lib/builder/synthetic';

/**
 * Shared pieces of the parser fuzz suite: a seeded random source (every run is the same, and a failure names its
 * seed and case) and the hostile inputs of issue 15 as seeds: deep nesting, 60 KB of it, stray quotes, 1e308 and huge
 * strings. Each suite mixes these seeds with random mutations of valid input.
 */
export const FUZZ_SEED = 15;

export type Rnd = () => number;
export const random = (salt: number): Rnd => seededRandom(FUZZ_SEED * 1000 + salt);
export const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
export const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[int(rnd, xs.length)];

/** `{"a":` × depth … `}` × depth: 10,000 levels is the case (about 60 KB). */
export const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
export const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** Opened and never closed: no parser gets to the end. */
export const deepUnclosed = (depth: number) => '[{"a":'.repeat(depth);

export const HUGE_STRING = 'x'.repeat(1_000_000);

/** JSON-ish seeds: each must be refused or read, never crash a parser. */
export const JSON_SEEDS: readonly string[] = [
  deepObject(10_000),
  deepArray(10_000),
  deepUnclosed(10_000),
  deepObject(65),
  deepObject(300),
  `{"n": 1e308, "m": -1e308, "o": 1e309, "p": 5e-324}`,
  `{"s": "${HUGE_STRING}"}`,
  `"${'\\"'.repeat(30_000)}"`,
  `{"a": "[[[[[[", "b": "{{{{{{{"}`,
  '{"a": "unterminated',
  '',
  '\uFEFF{}',
  'null',
  '[]',
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
];

/** Random edits of valid text: cut, duplicate, insert hostile tokens, swap numbers for 1e308. */
export function mutate(rnd: Rnd, text: string, tokens: readonly string[]): string {
  let out = text;
  const edits = 1 + int(rnd, 4);
  for (let e = 0; e < edits; e++) {
    const at = int(rnd, out.length + 1);
    switch (int(rnd, 6)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + int(rnd, 20));
        break;
      case 1:
        out = out.slice(0, at) + pick(rnd, tokens) + out.slice(at);
        break;
      case 2:
        out = out.replace(/\d+(\.\d+)?/, pick(rnd, ['1e308', '-1e308', 'NaN', '-0', '1e-400', '99999999999999999999']));
        break;
      case 3:
        out = out.slice(0, at) + out.slice(int(rnd, out.length), int(rnd, out.length)) + out.slice(at);
        break;
      case 4:
        out = out.slice(0, at) + pick(rnd, tokens).repeat(1 + int(rnd, 200)) + out.slice(at);
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}
