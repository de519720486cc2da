import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { parseModelJson, type ModelCheck } from '../../../lib/model/validate';
import { parseModelsFile } from '../../../lib/sync/models-file';
import { deepObject, JSON_SEEDS, mutate, random } from './seeds';

/**
 * Model JSON (icp validate, the options import, sync all read it through these two): whatever the text, the parsers
 * answer a model or problems, never throw, and every problem names a JSON path and what is wrong.
 */
const VALID = JSON.stringify(DEFAULT_MODEL, null, 2);
const TOKENS = ['{', '}', '[', ']', '"', ',', ':', '\\', '1e308', '{"a":', '"\\u0000"', 'null', '\n', '/*', '0x1F'];

function expectWellFormed(check: ModelCheck | { ok: true; models: unknown[] } | { ok: false; problems: { path: string; message: string }[] }) {
  if (check.ok) return;
  expect(check.problems.length).toBeGreaterThan(0);
  for (const p of check.problems) {
    expect(p.path).toMatch(/^(\$|[\w[])/);
    expect(p.message.length).toBeGreaterThan(5);
    expect(p.message).not.toMatch(/Maximum call stack|undefined is not|Cannot read properties/);
  }
}

describe('fuzz: model JSON', () => {
  it('answers every seed of issue 15 with a model or named problems', () => {
    for (const text of [...JSON_SEEDS, `{"criteria": ${deepObject(10_000)}}`, `[${VALID}, ${deepObject(5_000)}]`]) {
      for (const check of [parseModelJson(text), parseModelsFile(text)]) {
        expectWellFormed(check);
        expect(check.ok).toBe(false);
      }
    }
    expect(parseModelJson(deepObject(10_000))).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/nested more than 64 levels/) }] });
  });

  it('answers random mutations of a valid model with a model or named problems', () => {
    const rnd = random(1);
    for (let i = 0; i < 250; i++) {
      const text = mutate(rnd, VALID, TOKENS);
      expectWellFormed(parseModelJson(text));
      expectWellFormed(parseModelsFile(i % 2 ? `[${text}]` : text));
    }
  });

  it('answers random values in every field with named problems (1e308, huge strings, wrong types)', () => {
    const rnd = random(2);
    const values: unknown[] = [1e308, -1e308, 'x'.repeat(100_000), null, [], {}, true, -1, 0.5, '', [[[[]]]], { a: { b: { c: {} } } }];
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      value && typeof value === 'object'
        ? [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]))]
        : [prefix];
    const all = paths(DEFAULT_MODEL).filter((p) => p.length > 0);
    for (let i = 0; i < 300; i++) {
      const model = structuredClone(DEFAULT_MODEL) as unknown as Record<string | number, unknown>;
      const path = all[Math.floor(rnd() * all.length)];
      let target = model;
      for (const part of path.slice(0, -1)) target = target[part] as Record<string | number, unknown>;
      target[path.at(-1)!] = values[Math.floor(rnd() * values.length)];
      expectWellFormed(parseModelJson(JSON.stringify(model)));
    }
  });
});
