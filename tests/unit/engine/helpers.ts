import type { Criterion, IcpModel } from '../../../lib/model/schema';
import { checkModel } from '../../../lib/model/validate';

export const NOW = Date.parse('2026-11-23T12:00:00Z');

/** A small valid model; tests override what they need. Goes through checkModel so tests never score invalid models. */
export function makeModel(overrides: Partial<IcpModel> & { criteria?: Criterion[] } = {}): IcpModel {
  const check = checkModel({
    format: 'icp-fit/model@1',
    id: 'test',
    name: 'Test model',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    dimensions: { firmographic: 50, technographic: 30, behavioural: 20, relationship: 0 },
    criteria: [
      { id: 'size', dimension: 'firmographic', label: 'Size', field: 'employees', op: 'between', value: [200, 5000], kind: 'must' },
      { id: 'not-gov', dimension: 'firmographic', label: 'Government', field: 'companyType', op: 'in', value: ['government'], kind: 'exclude' },
      { id: 'industry', dimension: 'firmographic', label: 'Software', field: 'industry', op: 'in', value: ['Software Development'], kind: 'score', points: 10 },
      { id: 'crm', dimension: 'technographic', label: 'CRM', field: 'technologies', op: 'anyOf', value: ['Salesforce', 'HubSpot'], kind: 'score', points: 5 },
      { id: 'dwh', dimension: 'technographic', label: 'Warehouse', field: 'technologies', op: 'anyOf', value: ['Snowflake'], kind: 'score', points: 5 },
      { id: 'funding', dimension: 'behavioural', label: 'Funding', field: 'signals', op: 'hasSignal', value: { types: ['funding'], withinLastDays: 365 }, kind: 'score', points: 1 },
    ],
    tiers: [
      { id: 'A', label: 'A', minScore: 70 },
      { id: 'B', label: 'B', minScore: 40 },
      { id: 'C', label: 'C', minScore: 0 },
    ],
    gate: { minConfidence: 0.3, minScore: 0 },
    ...overrides,
  });
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.model;
}
