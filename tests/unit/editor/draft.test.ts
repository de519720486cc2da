import { describe, expect, it } from 'vitest';
import {
  changeField,
  changeKind,
  changeOperator,
  choicesFor,
  defaultValue,
  fieldOptions,
  moveCriterion,
  newCriterion,
  problemsAt,
  removeCriterion,
} from '../../../components/editor/draft';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { operatorsForField, type Criterion, type Operator } from '../../../lib/model/schema';
import { checkModel } from '../../../lib/model/validate';

const TODAY = '2027-05-01';
const model = () => structuredClone(DEFAULT_MODEL);
const byId = (id: string) => model().criteria.find((c) => c.id === id)!;

describe('editor draft helpers', () => {
  it('gives every operator of every field a default value the schema accepts', () => {
    const fields = ['industry', 'employees', 'technologies', 'signals', 'championIdentified', 'lastFundingDate', 'hqCountry', 'custom.plan'];
    for (const field of fields)
      for (const op of operatorsForField(field)) {
        // From "is known" (no value), so the operator's own default is what gets checked.
        const { value: _none, ...bare } = byId('industry-core');
        const c = changeOperator({ ...bare, field, op: 'exists' } as Criterion, op as Operator, TODAY);
        const m = model();
        m.criteria[0] = { ...c, id: m.criteria[0].id };
        const check = checkModel(m);
        const problems = check.ok ? [] : check.problems.filter((p) => p.path.startsWith('criteria[0]'));
        // Lists start empty on purpose (the user picks values); everything else is valid as it comes.
        if (['in', 'notIn', 'anyOf', 'allOf', 'noneOf'].includes(op)) expect(problems.map((p) => p.path), `${field} ${op}`).toEqual(['criteria[0].value']);
        else if (op === 'eq' && field === 'custom.plan') expect(problems.map((p) => p.path)).toEqual(['criteria[0].value']);
        else expect(problems, `${field} ${op}`).toEqual([]);
      }
  });

  it('keeps the operator when a new field fits it, otherwise picks one that does', () => {
    const industry = byId('industry-core');
    expect(changeField(industry, 'subIndustry', TODAY)).toMatchObject({ field: 'subIndustry', op: 'in', value: industry.value });
    const toNumber = changeField(industry, 'employees', TODAY);
    expect(toNumber.field).toBe('employees');
    expect(operatorsForField('employees')).toContain(toNumber.op);
    const toExists = changeOperator(industry, 'exists', TODAY);
    expect('value' in toExists).toBe(false);
  });

  it('carries values across operators where it can', () => {
    const size = byId('size-201-5000');
    expect(changeOperator(size, 'gte', TODAY)).toMatchObject({ op: 'gte', value: 201 });
    expect(changeOperator({ ...size, op: 'gte', value: 50 } as Criterion, 'between', TODAY)).toMatchObject({ value: [50, 50] });
    expect(changeOperator(byId('geo-served'), 'notIn', TODAY)).toMatchObject({ value: byId('geo-served').value });
    expect(defaultValue('hasSignal', 'signals', TODAY)).toEqual({ types: ['funding'], withinLastDays: 365 });
    expect(defaultValue('before', 'lastFundingDate', TODAY)).toBe(TODAY);
  });

  it('drops points from a hard-no and gives a scored criterion some', () => {
    expect('points' in changeKind(byId('warehouse'), 'exclude')).toBe(false);
    expect(changeKind(byId('size-201-5000'), 'score').points).toBe(5);
    expect(changeKind(byId('warehouse'), 'must').points).toBe(12);
  });

  it('moves a criterion among its dimension only, and adds and removes criteria', () => {
    const m = model();
    const firstTechno = m.criteria.findIndex((c) => c.dimension === 'technographic');
    // Moving the first technographic criterion up does nothing: it is first in its group.
    expect(moveCriterion(m, firstTechno, -1)).toBe(m);
    const moved = moveCriterion(m, firstTechno, 1);
    expect(moved.criteria[firstTechno].id).toBe(m.criteria[firstTechno + 1].id);
    expect(moved.criteria[firstTechno + 1].id).toBe(m.criteria[firstTechno].id);
    const lastFirmo = m.criteria.map((c) => c.dimension).lastIndexOf('firmographic');
    expect(moveCriterion(m, lastFirmo, 1)).toBe(m); // the next one is technographic: stays put
    const added = newCriterion(m, 'relationship');
    expect(added).toMatchObject({ id: 'criterion-1', dimension: 'relationship', kind: 'score' });
    expect(removeCriterion(m, 0).criteria).toHaveLength(m.criteria.length - 1);
  });

  it('offers canonical values and custom fields', () => {
    expect(choicesFor('industry').map((c) => c.value)).toContain('Financial Services');
    expect(choicesFor('subIndustry').find((c) => c.value === 'Credit Unions')?.label).toBe('Credit Unions (Financial Services)');
    expect(choicesFor('hqCountry').find((c) => c.value === 'DE')?.label).toBe('DE — Germany');
    expect(choicesFor('technologies').map((c) => c.value)).toContain('Snowflake');
    expect(choicesFor('name')).toEqual([]);
    const m = model();
    m.criteria[0] = { ...m.criteria[0], field: 'custom.tier' } as Criterion;
    expect(fieldOptions(m, ['custom.plan']).custom.map((c) => c.value)).toEqual(['custom.plan', 'custom.tier']);
  });

  it('finds the problems at a path and below it', () => {
    const problems = [
      { path: 'criteria[1].value[0]', message: 'a' },
      { path: 'criteria[1]', message: 'b' },
      { path: 'criteria[10].op', message: 'c' },
      { path: 'criteria[1].op', message: 'd' },
    ];
    expect(problemsAt(problems, 'criteria[1]').map((p) => p.message)).toEqual(['a', 'b', 'd']);
    expect(problemsAt(problems, 'criteria[1].value').map((p) => p.message)).toEqual(['a']);
  });
});
