import { CANONICAL_INDUSTRIES, CANONICAL_SUB_INDUSTRIES, parentIndustry } from '../../lib/facts/normalise/industries';
import { ISO_COUNTRIES } from '../../lib/facts/normalise/countries';
import { CANONICAL_TECHNOLOGIES } from '../../lib/facts/normalise/technology';
import {
  BUYING_PROCESSES,
  COMPANY_TYPES,
  FUNDING_STAGES,
  LIFECYCLE_STAGES,
  STANDARD_FACT_NAMES,
  factType,
} from '../../lib/facts/vocabulary';
import { operatorsForField, type Criterion, type Dimension, type IcpModel, type Operator } from '../../lib/model/schema';
import type { ModelProblem } from '../../lib/model/validate';
import { factLabel } from '../format';

/**
 * Pure helpers for the model editor: what the draft looks like after an edit, which operators and values fit a
 * field, and which validation problems belong to which input. The draft is an IcpModel that may be invalid while
 * the user types (an empty number, an empty list); checkModel says what is wrong, by JSON path.
 */

export type Draft = IcpModel;

/** A value that can be chosen from a list (a canonical industry, an ISO country code, a known tool). */
export interface Choice {
  value: string;
  label: string;
}

const plain = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value }));

/** Known values for a field, for the multi-select and the eq picker. Empty when any text goes. */
export function choicesFor(field: string): Choice[] {
  switch (field) {
    case 'industry':
      return plain(CANONICAL_INDUSTRIES);
    case 'subIndustry':
      return CANONICAL_SUB_INDUSTRIES.map((value) => ({ value, label: `${value} (${parentIndustry(value)})` }));
    case 'hqCountry':
      return ISO_COUNTRIES.map(([code, , name]) => ({ value: code, label: `${code} — ${name}` }));
    case 'technologies':
    case 'incumbentVendor':
      return plain(CANONICAL_TECHNOLOGIES);
    case 'companyType':
      return plain(COMPANY_TYPES);
    case 'fundingStage':
      return plain(FUNDING_STAGES);
    case 'buyingProcess':
      return plain(BUYING_PROCESSES);
    case 'lifecycleStage':
      return plain(LIFECYCLE_STAGES);
    default:
      return [];
  }
}

/** Fields for the field picker: the vocabulary, then custom fields (seen in stored accounts or used by the model). */
export function fieldOptions(model: Draft, customSeen: readonly string[]): { standard: Choice[]; custom: Choice[] } {
  const custom = new Set(customSeen);
  for (const c of model.criteria) if (c.field?.startsWith('custom.')) custom.add(c.field);
  return {
    standard: STANDARD_FACT_NAMES.map((f) => ({ value: f, label: `${factLabel(f)} (${f})` })),
    custom: [...custom].sort().map((f) => ({ value: f, label: f })),
  };
}

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: 'is exactly',
  gte: 'at least',
  gt: 'more than',
  lte: 'at most',
  lt: 'less than',
  between: 'between',
  in: 'is one of',
  notIn: 'is none of',
  anyOf: 'includes any of',
  allOf: 'includes all of',
  noneOf: 'includes none of',
  is: 'is yes / no',
  exists: 'is known',
  withinLastDays: 'within the last … days',
  withinNextDays: 'within the next … days',
  before: 'before',
  after: 'after',
  hasSignal: 'has a signal',
};

/** A value that fits the operator (and the field's type, for eq), used when the operator or field changes. */
export function defaultValue(op: Operator, field: string, today: string): unknown {
  switch (op) {
    case 'eq': {
      const type = factType(field);
      if (type === 'boolean') return true;
      if (type === 'number') return 0;
      return choicesFor(field)[0]?.value ?? '';
    }
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
      return 0;
    case 'between':
      return [0, 100];
    case 'in':
    case 'notIn':
    case 'anyOf':
    case 'allOf':
    case 'noneOf':
      return [];
    case 'is':
      return true;
    case 'exists':
      return undefined;
    case 'withinLastDays':
    case 'withinNextDays':
      return 90;
    case 'before':
    case 'after':
      return today;
    case 'hasSignal':
      return { types: ['funding'], withinLastDays: 365 };
  }
}

/** Sets the criterion's value (or removes it, for "exists"). */
function withValue(c: Criterion, value: unknown): Criterion {
  const next = { ...c } as Record<string, unknown>;
  if (value === undefined) delete next.value;
  else next.value = value;
  return next as Criterion;
}

/** A new field keeps the operator when it still fits; otherwise the first operator that does, with a fresh value. */
export function changeField(c: Criterion, field: string, today: string): Criterion {
  const ops = operatorsForField(field);
  if (ops.includes(c.op)) return { ...c, field } as Criterion;
  const op = ops[0] ?? c.op;
  return withValue({ ...c, field, op } as Criterion, defaultValue(op, field, today));
}

/** A new operator gets a value of its shape; between ↔ gte etc. keep what they can. */
export function changeOperator(c: Criterion, op: Operator, today: string): Criterion {
  const old = (c as { value?: unknown }).value;
  const numeric = ['gte', 'gt', 'lte', 'lt'];
  const lists = ['in', 'notIn', 'anyOf', 'allOf', 'noneOf'];
  let value = defaultValue(op, c.field, today);
  if (numeric.includes(op) && typeof old === 'number') value = old;
  if (numeric.includes(op) && Array.isArray(old) && typeof old[0] === 'number') value = old[0];
  if (op === 'between' && typeof old === 'number') value = [old, old];
  if (lists.includes(op) && Array.isArray(old) && old.every((v) => typeof v === 'string')) value = old;
  if (lists.includes(op) && typeof old === 'string' && old) value = [old];
  if (['withinLastDays', 'withinNextDays'].includes(op) && typeof old === 'number') value = old;
  return withValue({ ...c, op } as Criterion, value);
}

/** Must and scored criteria may carry points (a scored one must); a hard-no carries none. */
export function changeKind(c: Criterion, kind: Criterion['kind']): Criterion {
  const next = { ...c, kind };
  if (kind === 'exclude') delete next.points;
  if (kind === 'score' && next.points === undefined) next.points = 5;
  return next;
}

/** A criterion id not yet used in the model. */
export function newCriterionId(model: Draft, base = 'criterion'): string {
  const ids = new Set(model.criteria.map((c) => c.id));
  for (let i = 1; ; i++) if (!ids.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function newCriterion(model: Draft, dimension: Dimension): Criterion {
  return { id: newCriterionId(model), dimension, label: 'New criterion', field: 'industry', op: 'in', value: [], kind: 'score', points: 5 };
}

/**
 * Moves a criterion up or down among the criteria of its dimension (the editor shows them grouped), swapping it
 * with its neighbour in the model's flat list.
 */
export function moveCriterion(model: Draft, index: number, direction: -1 | 1): Draft {
  const dimension = model.criteria[index]?.dimension;
  let j = index + direction;
  while (j >= 0 && j < model.criteria.length && model.criteria[j].dimension !== dimension) j += direction;
  if (j < 0 || j >= model.criteria.length) return model;
  const criteria = [...model.criteria];
  [criteria[index], criteria[j]] = [criteria[j], criteria[index]];
  return { ...model, criteria };
}

export function replaceCriterion(model: Draft, index: number, c: Criterion): Draft {
  const criteria = [...model.criteria];
  criteria[index] = c;
  return { ...model, criteria };
}

export function removeCriterion(model: Draft, index: number): Draft {
  return { ...model, criteria: model.criteria.filter((_, i) => i !== index) };
}

/** Problems at a JSON path or below it ("criteria[2]" gets "criteria[2].value[0]" too). */
export function problemsAt(problems: readonly ModelProblem[], path: string): ModelProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** Today as YYYY-MM-DD (the default for before/after dates). */
export const isoDay = (now: number) => new Date(now).toISOString().slice(0, 10);
