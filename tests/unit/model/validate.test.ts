import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import { MODEL_JSON_SCHEMA_PATH, modelJsonSchema } from '../../../lib/model/json-schema';
import { operatorsForField } from '../../../lib/model/schema';
import { checkModel, parseModelJson } from '../../../lib/model/validate';

const base = () => structuredClone(DEFAULT_MODEL) as unknown as Record<string, any>;
const problemsOf = (input: unknown) => {
  const check = checkModel(input);
  if (check.ok) throw new Error('expected problems');
  return check.problems;
};

describe('built-in models', () => {
  it('are valid and use all four dimensions and all three kinds', () => {
    for (const m of [DEFAULT_MODEL, PLG_MODEL]) expect(checkModel(m).ok).toBe(true);
    expect(new Set(DEFAULT_MODEL.criteria.map((c) => c.dimension))).toEqual(
      new Set(['firmographic', 'technographic', 'behavioural', 'relationship']),
    );
    expect(new Set(DEFAULT_MODEL.criteria.map((c) => c.kind))).toEqual(new Set(['must', 'score', 'exclude']));
    expect(DEFAULT_MODEL.segments!.length).toBeGreaterThan(0);
    expect(DEFAULT_MODEL.tiers.length).toBeGreaterThan(1);
  });
});

describe('bad models are reported by JSON path, nothing half-loaded', () => {
  it.each([
    ['unknown top-level field', (m: any) => (m.colour = 'red'), 'colour', /unknown field "colour"/],
    ['unknown criterion field', (m: any) => (m.criteria[2].weight = 3), 'criteria[2].weight', /unknown field/],
    ['unknown fact', (m: any) => (m.criteria[4].field = 'revenue'), 'criteria[4].field', /unknown fact "revenue"/],
    ['unknown operator', (m: any) => (m.criteria[4].op = 'like'), 'criteria[4].op', /unknown operator/],
    ['operator not fitting the type', (m: any) => Object.assign(m.criteria[0], { op: 'anyOf', value: ['x'] }), 'criteria[0].op', /does not fit number fact "employees"/],
    ['list operator on a string fact', (m: any) => Object.assign(m.criteria[4], { op: 'allOf' }), 'criteria[4].op', /does not fit string fact "industry"/],
    ['duplicate criterion id', (m: any) => (m.criteria[5].id = m.criteria[4].id), 'criteria[5].id', /duplicate criterion id/],
    ['tiers out of order', (m: any) => m.tiers.reverse(), 'tiers[1].minScore', /ordered from the highest/],
    ['negative points', (m: any) => (m.criteria[4].points = -5), 'criteria[4].points', /positive/],
    ['zero points', (m: any) => (m.criteria[4].points = 0), 'criteria[4].points', /positive/],
    ['points as a string', (m: any) => (m.criteria[4].points = '5'), 'criteria[4].points', /number/],
    ['scored criterion without points', (m: any) => delete m.criteria[4].points, 'criteria[4].points', /needs positive points/],
    ['hard-no with points', (m: any) => (m.criteria[2].points = 3), 'criteria[2].points', /carries no points/],
    ['between out of order', (m: any) => (m.criteria[0].value = [5000, 201]), 'criteria[0].value', /min <= max/],
    ['wrong format', (m: any) => (m.format = 'other'), 'format', /format must be/],
    ['bad date', (m: any) => (m.updatedAt = 'yesterday'), 'updatedAt', /ISO date-time/],
    ['empty criteria', (m: any) => (m.criteria = []), 'criteria', /at least one criterion/],
    ['wrong kind', (m: any) => (m.criteria[4].kind = 'nice'), 'criteria[4].kind', /./],
  ])('%s', (_name, mutate, path, message) => {
    const m = base();
    mutate(m);
    const problems = problemsOf(m);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message).toMatch(message);
  });

  it('lists every problem in one pass, structural and cross-field together', () => {
    const m = base();
    m.colour = 'red';
    m.criteria[4].points = -1;
    m.criteria[5].id = m.criteria[6].id;
    m.tiers.reverse();
    const paths = problemsOf(m).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['colour', 'criteria[4].points', 'criteria[6].id', 'tiers[1].minScore']));
  });

  it('reports JSON syntax errors with line and column', () => {
    const check = parseModelJson('{\n  "format": "icp-fit/model@1",\n  "id": oops\n}');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0].message).toMatch(/line 3, column \d+/);
  });
});

describe('operators by field type', () => {
  it('offers operators that fit each fact', () => {
    expect(operatorsForField('employees')).toEqual(['eq', 'gte', 'gt', 'lte', 'lt', 'between', 'exists']);
    expect(operatorsForField('technologies')).toEqual(['anyOf', 'allOf', 'noneOf', 'exists']);
    expect(operatorsForField('lastFundingDate')).toEqual(['exists', 'withinLastDays', 'withinNextDays', 'before', 'after']);
    expect(operatorsForField('signals')).toEqual(['exists', 'hasSignal']);
    expect(operatorsForField('custom.region')).toContain('in');
    expect(operatorsForField('nope')).toEqual([]);
  });
});

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` to refresh)', () => {
    const onDisk = JSON.parse(readFileSync(MODEL_JSON_SCHEMA_PATH, 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(modelJsonSchema())));
  });
});
