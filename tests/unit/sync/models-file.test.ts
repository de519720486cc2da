import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import { checkModels, modelsFileName, modelsFileText, parseModelsFile } from '../../../lib/sync/models-file';

describe('model files', () => {
  it('round-trips one model and an array of models', () => {
    expect(parseModelsFile(modelsFileText([DEFAULT_MODEL]))).toEqual({ ok: true, models: [DEFAULT_MODEL], many: false });
    expect(parseModelsFile(modelsFileText([DEFAULT_MODEL, PLG_MODEL]))).toEqual({ ok: true, models: [DEFAULT_MODEL, PLG_MODEL], many: true });
    expect(modelsFileName([DEFAULT_MODEL])).toBe(`${DEFAULT_MODEL.id}-v1.json`);
    expect(modelsFileName([DEFAULT_MODEL, PLG_MODEL])).toBe('icp-models.json');
  });

  it('lists every problem of every model by JSON path', () => {
    const bad = structuredClone(PLG_MODEL) as unknown as Record<string, unknown>;
    (bad.criteria as Record<string, unknown>[])[1].op = 'gte';
    bad.version = 0;
    const result = checkModels([DEFAULT_MODEL, bad, { ...DEFAULT_MODEL }]);
    expect(result.ok).toBe(false);
    const paths = !result.ok ? result.problems.map((p) => p.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['[1].version', '[1].criteria[1].value', '[2].id']));
    expect(!result.ok && result.problems.find((p) => p.path === '[2].id')?.message).toMatch(/appears twice/);
  });

  it('reports syntax errors and empty files', () => {
    expect(parseModelsFile('{"format": ')).toMatchObject({ ok: false, problems: expect.arrayContaining([{ path: '$', message: expect.stringMatching(/not valid JSON.*line 1/) }]) });
    expect(parseModelsFile('[]')).toMatchObject({ ok: false, problems: [{ path: '$' }] });
    expect(parseModelsFile('{"format": "x"}')).toMatchObject({ ok: false, problems: expect.arrayContaining([{ path: 'format', message: expect.any(String) }]) });
  });

  it('refuses a file nested 10,000 deep before parsing it, with the depth limit in the message (issue 15)', () => {
    expect(parseModelsFile(`[${'['.repeat(10_000)}${']'.repeat(10_000)}]`)).toEqual({
      ok: false,
      problems: [{ path: '$', message: 'too deeply nested: nested more than 64 levels deep (the limit for this file) at line 1, column 65' }],
    });
  });
});
