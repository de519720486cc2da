import type { Criterion, IcpModel } from '../lib/model/schema';
import { checkModel } from '../lib/model/validate';

/**
 * A 30-criterion model for the bench: every operator, every dimension, every kind (must / score / exclude).
 * Checked with the real validator so the bench never measures an invalid model.
 */
const criteria: Criterion[] = [
  // firmographic
  { id: 'size', dimension: 'firmographic', label: '50-5,000 employees', kind: 'must', field: 'employees', op: 'between', value: [50, 5000] },
  { id: 'geo', dimension: 'firmographic', label: 'Served country', kind: 'must', field: 'hqCountry', op: 'in', value: ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'SE', 'AU'] },
  { id: 'sanctioned', dimension: 'firmographic', label: 'Sanctioned country', kind: 'exclude', field: 'hqCountry', op: 'in', value: ['RU', 'IR', 'KP'] },
  { id: 'not-public-sector', dimension: 'firmographic', label: 'Not public sector', kind: 'score', points: 3, field: 'companyType', op: 'notIn', value: ['government', 'nonprofit'] },
  { id: 'industry', dimension: 'firmographic', label: 'Core industry', kind: 'score', points: 10, field: 'industry', op: 'in', value: ['Software Development', 'Financial Services', 'IT Services and IT Consulting'] },
  { id: 'sub-industry', dimension: 'firmographic', label: 'Proven sub-industry', kind: 'score', points: 8, field: 'subIndustry', op: 'eq', value: 'Credit Unions' },
  { id: 'revenue', dimension: 'firmographic', label: 'Revenue >= $10M', kind: 'score', points: 6, field: 'revenueUsd', op: 'gte', value: 10_000_000 },
  { id: 'revenue-cap', dimension: 'firmographic', label: 'Revenue < $1B', kind: 'score', points: 2, field: 'revenueUsd', op: 'lt', value: 1_000_000_000 },
  { id: 'growth', dimension: 'firmographic', label: 'Headcount growing > 10 %', kind: 'score', points: 5, field: 'employeeGrowth6m', op: 'gt', value: 10 },
  { id: 'young', dimension: 'firmographic', label: 'Founded 2005 or later', kind: 'score', points: 3, field: 'foundedYear', op: 'gte', value: 2005 },
  { id: 'funding-total', dimension: 'firmographic', label: 'Raised at most $500M', kind: 'score', points: 2, field: 'totalFundingUsd', op: 'lte', value: 500_000_000 },
  { id: 'stage', dimension: 'firmographic', label: 'Growth stage', kind: 'score', points: 5, field: 'fundingStage', op: 'in', value: ['series-b', 'series-c', 'series-d'] },
  { id: 'funded-recently', dimension: 'firmographic', label: 'Funded in the last 18 months', kind: 'score', points: 4, field: 'lastFundingDate', op: 'withinLastDays', value: 540 },
  { id: 'custom-tier', dimension: 'firmographic', label: 'Strategic list', kind: 'score', points: 2, field: 'custom.strategic', op: 'is', value: true },
  // technographic
  { id: 'crm', dimension: 'technographic', label: 'Uses a CRM we integrate with', kind: 'score', points: 10, field: 'technologies', op: 'anyOf', value: ['Salesforce', 'HubSpot'] },
  { id: 'warehouse', dimension: 'technographic', label: 'Has a warehouse', kind: 'score', points: 8, field: 'technologies', op: 'anyOf', value: ['Snowflake', 'BigQuery', 'Redshift', 'Databricks'] },
  { id: 'modern-stack', dimension: 'technographic', label: 'dbt and Airflow', kind: 'score', points: 4, field: 'technologies', op: 'allOf', value: ['dbt', 'Airflow'] },
  { id: 'no-competitor', dimension: 'technographic', label: 'Uses a competitor', kind: 'exclude', field: 'technologies', op: 'anyOf', value: ['CompetitorX'] },
  { id: 'no-legacy', dimension: 'technographic', label: 'No legacy BI', kind: 'score', points: 2, field: 'technologies', op: 'noneOf', value: ['Cognos', 'MicroStrategy'] },
  { id: 'stack-known', dimension: 'technographic', label: 'Stack known', kind: 'score', points: 1, field: 'technologies', op: 'exists' },
  // behavioural
  { id: 'recent-funding', dimension: 'behavioural', label: 'Funding in the last year', kind: 'score', points: 8, field: 'signals', op: 'hasSignal', value: { types: ['funding'], withinLastDays: 365 } },
  { id: 'leadership', dimension: 'behavioural', label: 'New leader in 6 months', kind: 'score', points: 6, field: 'signals', op: 'hasSignal', value: { types: ['leadership-hire'], withinLastDays: 180 } },
  { id: 'any-signal', dimension: 'behavioural', label: 'Any signal this quarter', kind: 'score', points: 3, field: 'signals', op: 'hasSignal', value: { withinLastDays: 90 } },
  { id: 'activation', dimension: 'behavioural', label: 'Product activated', kind: 'score', points: 5, field: 'custom.activated_users', op: 'gte', value: 5 },
  // relationship
  { id: 'champion', dimension: 'relationship', label: 'Champion identified', kind: 'score', points: 6, field: 'championIdentified', op: 'is', value: true },
  { id: 'budget', dimension: 'relationship', label: 'Budget owner known', kind: 'score', points: 4, field: 'budgetOwnerKnown', op: 'eq', value: true },
  { id: 'pilot', dimension: 'relationship', label: 'Open to a pilot', kind: 'score', points: 4, field: 'openToPilot', op: 'is', value: true },
  { id: 'renewal', dimension: 'relationship', label: 'Renewal in 6 months', kind: 'score', points: 5, field: 'contractRenewalDate', op: 'withinNextDays', value: 180 },
  { id: 'renewal-after', dimension: 'relationship', label: 'Renewal after mid-2025', kind: 'score', points: 1, field: 'contractRenewalDate', op: 'after', value: '2025-06-30' },
  { id: 'old-contract', dimension: 'relationship', label: 'Funded before 2015', kind: 'exclude', field: 'lastFundingDate', op: 'before', value: '2015-01-01' },
];

const modelJson = {
  format: 'icp-fit/model@1',
  id: 'bench-30',
  name: 'Bench model (30 criteria)',
  version: 1,
  updatedAt: '2025-01-01T00:00:00Z',
  dimensions: { firmographic: 40, technographic: 25, behavioural: 20, relationship: 15 },
  criteria,
  tiers: [
    { id: 'A', label: 'Tier A', minScore: 60 },
    { id: 'B', label: 'Tier B', minScore: 35 },
    { id: 'C', label: 'Tier C', minScore: 0 },
  ],
  gate: { minConfidence: 0.3, minScore: 20 },
};

const check = checkModel(modelJson);
if (!check.ok) throw new Error(`bench model is invalid: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
export const BENCH_MODEL: IcpModel = check.model;
