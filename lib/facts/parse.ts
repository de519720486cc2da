import {
  factSchema,
  factSourceSchema,
  isFactName,
  type CompanyFacts,
  type FactSource,
  type FactValues,
} from './vocabulary';

export interface FactProblem {
  field: string;
  message: string;
}

/**
 * Checks already-normalised values fact by fact. A value of the wrong type is rejected and reported on its own;
 * the company keeps every other fact (issue: "rejected per fact, not per company").
 */
export function parseFacts(
  values: Record<string, unknown>,
  source: FactSource,
): { facts: CompanyFacts; problems: FactProblem[] } {
  const facts: Record<string, { value: unknown; source: FactSource }> = {};
  const problems: FactProblem[] = [];
  const checkedSource = checkSource(source);
  for (const [field, raw] of Object.entries(values)) {
    if (raw === undefined || raw === null || raw === '') continue;
    if (!isFactName(field)) {
      problems.push({ field, message: `unknown fact "${field}" (custom facts are named custom.<name>)` });
      continue;
    }
    const result = factSchema(field)!.safeParse(raw);
    if (result.success) facts[field] = { value: result.data, source: checkedSource };
    else problems.push({ field, message: result.error.issues.map((i) => i.message).join('; ') });
  }
  return { facts: facts as CompanyFacts, problems };
}

/** Sources are checked once each, not once per row: a CSV import passes the same source object for every row. */
const checkedSources = new WeakSet<FactSource>();
function checkSource(source: FactSource): FactSource {
  if (checkedSources.has(source)) return source;
  factSourceSchema.parse(source);
  checkedSources.add(source);
  return source;
}

/** Plain values of facts, the form the engine reads. */
export function valuesOf(facts: CompanyFacts): FactValues {
  const values: Record<string, unknown> = {};
  for (const [field, fact] of Object.entries(facts)) if (fact) values[field] = fact.value;
  return values as FactValues;
}

