import { describe, expect, it } from 'vitest';
import { compileCondition, HOLDS, NOT, UNKNOWN } from '../../../lib/engine/conditions';
import type { Condition } from '../../../lib/model/schema';
import { NOW } from './helpers';

const run = (c: Condition, v: unknown) => compileCondition(c)(v, NOW);

describe('operators', () => {
  it.each<[Condition, unknown, number]>([
    [{ field: 'employees', op: 'gte', value: 100 }, 100, HOLDS],
    [{ field: 'employees', op: 'gt', value: 100 }, 100, NOT],
    [{ field: 'employees', op: 'lt', value: 100 }, 99, HOLDS],
    [{ field: 'employees', op: 'lte', value: 100 }, { min: 51, max: 100 }, HOLDS],
    [{ field: 'employees', op: 'gte', value: 100 }, { min: 51, max: 200 }, UNKNOWN],
    [{ field: 'employees', op: 'gte', value: 100 }, { min: 10001 }, HOLDS],
    [{ field: 'employees', op: 'eq', value: 100 }, 100, HOLDS],
    [{ field: 'employees', op: 'between', value: [10, 20] }, 21, NOT],
    [{ field: 'employees', op: 'between', value: [10, 20] }, undefined, UNKNOWN],
    [{ field: 'industry', op: 'in', value: ['Banking'] }, 'banking', HOLDS],
    [{ field: 'industry', op: 'notIn', value: ['Banking'] }, 'Retail', HOLDS],
    [{ field: 'industry', op: 'notIn', value: ['Banking'] }, 'Banking', NOT],
    [{ field: 'industry', op: 'eq', value: 'Banking' }, 'BANKING', HOLDS],
    [{ field: 'technologies', op: 'anyOf', value: ['Slack', 'Zoom'] }, ['zoom'], HOLDS],
    [{ field: 'technologies', op: 'allOf', value: ['Slack', 'Zoom'] }, ['Zoom', 'zoom'], NOT],
    [{ field: 'technologies', op: 'allOf', value: ['Slack', 'Zoom'] }, ['Zoom', 'Slack', 'Jira'], HOLDS],
    [{ field: 'technologies', op: 'noneOf', value: ['Slack'] }, ['Zoom'], HOLDS],
    [{ field: 'technologies', op: 'noneOf', value: ['Slack'] }, [], HOLDS],
    [{ field: 'technologies', op: 'anyOf', value: ['Slack'] }, [], NOT],
    [{ field: 'championIdentified', op: 'is', value: true }, false, NOT],
    [{ field: 'championIdentified', op: 'is', value: false }, false, HOLDS],
    [{ field: 'owner', op: 'exists' }, undefined, NOT],
    [{ field: 'owner', op: 'exists' }, 'Ana', HOLDS],
    [{ field: 'lastFundingDate', op: 'withinLastDays', value: 30 }, '2026-11-01', HOLDS],
    [{ field: 'lastFundingDate', op: 'withinLastDays', value: 30 }, '2026-09-01', NOT],
    [{ field: 'lastFundingDate', op: 'withinLastDays', value: 30 }, '2027-01-01', NOT],
    [{ field: 'contractRenewalDate', op: 'withinNextDays', value: 90 }, '2027-01-15', HOLDS],
    [{ field: 'contractRenewalDate', op: 'withinNextDays', value: 90 }, '2027-06-01', NOT],
    [{ field: 'lastFundingDate', op: 'before', value: '2026-01-01' }, '2025-12-31', HOLDS],
    [{ field: 'lastFundingDate', op: 'after', value: '2026-01-01' }, '2025-12-31', NOT],
    [{ field: 'signals', op: 'hasSignal', value: { types: ['funding'] } }, [{ type: 'news', date: '2026-01-01' }], NOT],
    [{ field: 'signals', op: 'hasSignal', value: { withinLastDays: 10 } }, [{ type: 'news', date: '2026-11-20' }], HOLDS],
    [{ field: 'custom.tier', op: 'gte', value: 3 }, '4', HOLDS],
    [{ field: 'custom.tier', op: 'gte', value: 3 }, 'abc', UNKNOWN],
  ])('%j on %j', (condition, value, expected) => {
    expect(run(condition, value)).toBe(expected);
  });
});
