import { seededRandom } from '../../../lib/builder/synthetic';
import { deriveValues } from '../../../lib/facts/derive';
import { SIGNAL_TYPES, type FactValues } from '../../../lib/facts/vocabulary';
import { checkModel } from '../../../lib/model/validate';
import type { Criterion, IcpModel } from '../../../lib/model/schema';

/**
 * Random accounts and random models for the differential tests: values crowd around the thresholds (bands that
 * straddle them, dates on the day boundaries), facts go missing, lists come empty or repeat items in other cases,
 * and texts carry quotes, backslashes and non-ASCII letters.
 */

export const NOW = Date.parse('2025-06-01');
const DAY = 86_400_000;

export type Random = () => number;
export const randomOf = seededRandom;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const chance = (r: Random, p: number) => r() < p;

const NUMBERS = [0, 5, 10, 11, 14.5, 15, 16, 50, 99, 100, 101, 200, 201, 202, 500, 999, 1000, 1001, 2012, 2011, 5000, 5001, 10_000, 1e6, 1e7, 1e7 + 1, 5e8, 2e9];
const ODD = [`O'Reilly "Media"`, 'Zürich AG', '東京 株式会社', 'back\\slash', '🚀 Rocket', '  ', 'Ünïcödé', "it's"];
const TEXTS = [
  'Software Development', 'software development', 'SOFTWARE DEVELOPMENT', 'Financial Services', 'Retail', 'Government Administration',
  'Technology, Information and Internet', 'Credit Unions', 'banking', 'Insurance', 'Data Infrastructure and Analytics', ...ODD,
];
const COUNTRIES = ['US', 'us', 'GB', 'DE', 'FR', 'RU', 'IR', 'BR', 'JP', 'Ü1'];
const ENUMS = ['series-a', 'series-b', 'Series-C', 'seed', 'public', 'government', 'nonprofit', 'private', 'champion-led', 'founder-led', 'committee'];
const TECHS = ['Salesforce', 'salesforce', 'HubSpot', 'SNOWFLAKE', 'BigQuery', 'Looker', 'Slack', 'dbt', 'Segment', 'Excel', "O'Brien CRM", 'Zoho 🚀', 'Power BI', 'Microsoft Teams'];
const CUSTOM = ['12', '1,200', ' 7 ', 'abc', 'TRUE', 'false', '-3.5', '1e3', "it's", '0', '100', '250', 'Gold', 'gold', 'Zürich'];
const DAY_OFFSETS = [-400, -366, -365, -364, -181, -180, -179, -31, -30, -29, -2, -1, 0, 1, 2, 29, 30, 179, 180, 181, 400];

function date(r: Random): string {
  const t = NOW + pick(r, DAY_OFFSETS) * DAY;
  const iso = new Date(t).toISOString();
  return chance(r, 0.8) ? iso.slice(0, 10) : chance(r, 0.5) ? iso : `${iso.slice(0, 10)}T12:30:00Z`;
}

function count(r: Random): number | { min: number; max?: number } {
  const a = pick(r, NUMBERS);
  if (chance(r, 0.4)) return a;
  if (chance(r, 0.2)) return { min: a };
  const b = pick(r, NUMBERS);
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

export function randomAccount(r: Random): FactValues {
  const v: Record<string, unknown> = {};
  const maybe = (field: string, make: () => unknown) => {
    if (chance(r, 0.75)) v[field] = make();
    else if (chance(r, 0.2)) v[field] = '';
  };
  maybe('employees', () => count(r));
  maybe('revenueUsd', () => count(r));
  maybe('foundedYear', () => pick(r, [1990, 2011, 2012, 2013, 2020]));
  maybe('employeeGrowth6m', () => pick(r, [-5, 0, 9.99, 10, 14, 15, 16, 40]));
  maybe('totalFundingUsd', () => pick(r, NUMBERS));
  for (const f of ['industry', 'subIndustry', 'incumbentVendor', 'hqCity']) maybe(f, () => pick(r, TEXTS));
  maybe('hqCountry', () => pick(r, COUNTRIES));
  for (const f of ['companyType', 'fundingStage', 'buyingProcess']) maybe(f, () => pick(r, ENUMS));
  for (const f of ['championIdentified', 'budgetOwnerKnown', 'openToPilot']) maybe(f, () => chance(r, 0.5));
  for (const f of ['lastFundingDate', 'contractRenewalDate']) maybe(f, () => date(r));
  maybe('technologies', () => Array.from({ length: Math.floor(r() * 5) }, () => pick(r, TECHS)));
  maybe('signals', () =>
    Array.from({ length: Math.floor(r() * 4) }, () => ({
      type: pick(r, SIGNAL_TYPES),
      date: new Date(NOW + pick(r, DAY_OFFSETS) * DAY).toISOString().slice(0, 10),
      // Some signals derived from another fact: they speak only for their own type (hasSignal's unknown branch).
      ...(chance(r, 0.3) ? { from: 'lastFundingDate' } : {}),
    })),
  );
  for (const f of ['custom.deal_size', 'custom.tier_name', 'custom.flag']) maybe(f, () => pick(r, CUSTOM));
  // Most accounts as they are scored: with the derived facts (a funding signal from lastFundingDate, companyType from
  // industry, industry from sub-industry) that the table must hold too (docs/sql.md).
  if (chance(r, 0.8)) for (const d of deriveValues((f) => (v[f] === '' ? undefined : v[f]))) v[d.field] = d.value;
  return v as FactValues;
}

/** Fields the random accounts carry: the columns of the test table. */
export const ACCOUNT_FIELDS = [
  'employees', 'revenueUsd', 'foundedYear', 'employeeGrowth6m', 'totalFundingUsd', 'industry', 'subIndustry', 'incumbentVendor', 'hqCity',
  'hqCountry', 'companyType', 'fundingStage', 'buyingProcess', 'championIdentified', 'budgetOwnerKnown', 'openToPilot',
  'lastFundingDate', 'contractRenewalDate', 'technologies', 'signals', 'custom.deal_size', 'custom.tier_name', 'custom.flag',
];

type Condition = Omit<Criterion, 'id' | 'dimension' | 'label' | 'kind' | 'points'>;

/** Every operator, on every kind of column it fits (band, number, text, boolean, date, list, signals, custom text). */
function conditions(r: Random): Condition[] {
  const n = () => pick(r, NUMBERS);
  const lohi = (): [number, number] => {
    const a = n();
    const b = n();
    return [Math.min(a, b), Math.max(a, b)];
  };
  const texts = (from: readonly string[], k = 3) => [...new Set(Array.from({ length: 1 + Math.floor(r() * k) }, () => pick(r, from)))];
  const days = () => pick(r, [1, 29, 30, 180, 365]);
  const isoDay = () => new Date(NOW + pick(r, DAY_OFFSETS) * DAY).toISOString().slice(0, 10);
  return [
    { field: 'employees', op: 'between', value: lohi() },
    { field: 'employees', op: 'gte', value: n() },
    { field: 'revenueUsd', op: 'gt', value: n() },
    { field: 'revenueUsd', op: 'lte', value: n() },
    { field: 'employees', op: 'lt', value: n() },
    { field: 'employees', op: 'eq', value: n() },
    { field: 'employees', op: 'exists' },
    { field: 'foundedYear', op: 'eq', value: pick(r, [2012, 2020]) },
    { field: 'foundedYear', op: 'between', value: [2011, 2013] },
    { field: 'employeeGrowth6m', op: 'gt', value: pick(r, [0, 10, 15]) },
    { field: 'totalFundingUsd', op: 'lt', value: n() },
    { field: 'industry', op: 'eq', value: pick(r, TEXTS) },
    { field: 'industry', op: 'in', value: texts(TEXTS) },
    { field: 'subIndustry', op: 'notIn', value: texts(TEXTS) },
    { field: 'hqCountry', op: 'in', value: texts(COUNTRIES, 4) },
    { field: 'hqCountry', op: 'notIn', value: texts(COUNTRIES, 4) },
    { field: 'incumbentVendor', op: 'exists' },
    { field: 'buyingProcess', op: 'eq', value: pick(r, ENUMS) },
    { field: 'openToPilot', op: 'is', value: chance(r, 0.5) },
    { field: 'championIdentified', op: 'eq', value: chance(r, 0.5) },
    { field: 'budgetOwnerKnown', op: 'exists' },
    { field: 'technologies', op: 'anyOf', value: texts(TECHS) },
    { field: 'technologies', op: 'allOf', value: texts(TECHS) },
    { field: 'technologies', op: 'noneOf', value: texts(TECHS) },
    { field: 'technologies', op: 'exists' },
    { field: 'signals', op: 'hasSignal', value: { types: texts(SIGNAL_TYPES, 2) as never, withinLastDays: days() } },
    { field: 'signals', op: 'hasSignal', value: { withinLastDays: days() } },
    { field: 'signals', op: 'hasSignal', value: { types: [pick(r, SIGNAL_TYPES)] } },
    { field: 'signals', op: 'hasSignal', value: { types: ['funding'], withinLastDays: days() } },
    { field: 'signals', op: 'exists' },
    { field: 'lastFundingDate', op: 'withinLastDays', value: days() },
    { field: 'contractRenewalDate', op: 'withinNextDays', value: days() },
    { field: 'lastFundingDate', op: 'before', value: isoDay() },
    { field: 'contractRenewalDate', op: 'after', value: isoDay() },
    { field: 'contractRenewalDate', op: 'exists' },
    { field: 'custom.deal_size', op: 'gte', value: pick(r, [0, 7, 12, 100]) },
    { field: 'custom.deal_size', op: 'between', value: [1, 250] },
    { field: 'custom.deal_size', op: 'eq', value: 12 },
    { field: 'custom.tier_name', op: 'eq', value: pick(r, ['gold', 'ZÜRICH', "it's"]) },
    { field: 'custom.tier_name', op: 'in', value: texts(CUSTOM) },
    { field: 'custom.flag', op: 'is', value: chance(r, 0.5) },
    { field: 'custom.flag', op: 'eq', value: true },
    { field: 'custom.flag', op: 'exists' },
  ] as Condition[];
}

const DIMENSIONS = ['firmographic', 'technographic', 'behavioural', 'relationship'] as const;

/** A valid model with a criterion for every operator, of random kinds, points, weights, tiers and gate. */
export function randomModel(r: Random, id: string): IcpModel {
  const criteria = conditions(r).map((c, i) => {
    const kind = pick(r, ['score', 'score', 'score', 'must', 'exclude'] as const);
    return {
      ...c,
      id: `c${i}-${c.op}`,
      dimension: pick(r, DIMENSIONS),
      label: `${c.op} on ${c.field} — "${pick(r, ODD)}"`,
      kind,
      ...(kind === 'score' ? { points: pick(r, [1, 2, 3, 5, 7.5, 10, 13]) } : {}),
    };
  });
  const tiers = [
    { id: 'A', label: 'A', minScore: pick(r, [40, 55, 60]) },
    { id: 'B', label: 'B', minScore: pick(r, [20, 30]) },
    ...(chance(r, 0.5) ? [{ id: 'C', label: 'C', minScore: pick(r, [0, 5]) }] : []),
  ];
  const model = {
    format: 'icp-fit/model@1',
    id,
    name: `Random ${id}`,
    version: 1,
    updatedAt: '2025-01-01T00:00:00Z',
    dimensions: { firmographic: pick(r, [5, 10, 35]), technographic: pick(r, [10, 30]), behavioural: pick(r, [1, 20, 45]), relationship: pick(r, [5, 15]) },
    criteria,
    tiers,
    // Every fit gets a tier: the fit minimum is at least the lowest tier's.
    gate: { minConfidence: pick(r, [0, 0.295, 0.3, 0.55, 0.57]), minScore: Math.max(pick(r, [0, 10, 25]), tiers[tiers.length - 1].minScore) },
  };
  const check = checkModel(model);
  if (!check.ok) throw new Error(`random model is invalid: ${JSON.stringify(check.problems)}`);
  return check.model;
}
