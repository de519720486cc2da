import type { CardView, FactView } from './types';
import type { ScoreResult } from '../engine/score';
import { formatFactValue } from '../facts/display';
import { FACTS } from '../facts/vocabulary';
import type { CompanyFacts, Fact } from '../facts/vocabulary';
import type { FactConflict } from '../facts/merge';

/** Fact order on the card: the vocabulary's order (identity, firmographic, …), then custom facts by name. */
const ORDER = new Map(Object.keys(FACTS).map((name, i) => [name, i]));
const rank = (field: string) => ORDER.get(field) ?? ORDER.size;

const describe = (field: string, fact: Fact) => {
  const value = formatFactValue(field, fact.value);
  return `${fact.source.kind}${fact.source.detail ? ` (${fact.source.detail})` : ''} says ${value}`;
};

/**
 * What the card shows for a record, from the background's scoring: the best result, the other models' results,
 * every merged fact with its source, conflicts between sources, and the page values that were rejected.
 */
export function buildCardView(input: {
  recordKey: string;
  best: ScoreResult;
  results: ScoreResult[];
  facts: CompanyFacts;
  conflicts: FactConflict[];
  problems: { field: string; message: string }[];
}): CardView {
  const conflictOf = new Map(input.conflicts.map((c) => [c.field, c.others.map((other) => describe(c.field, other)).join('; ')]));
  const facts: FactView[] = Object.entries(input.facts)
    .filter((entry): entry is [string, Fact] => entry[1] !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([field, fact]) => ({ field, value: fact.value, source: fact.source, ...(conflictOf.has(field) ? { conflict: conflictOf.get(field) } : {}) }));
  const name = input.facts.name?.value;
  return {
    recordKey: input.recordKey,
    company: typeof name === 'string' ? name : input.recordKey,
    result: input.best,
    alternatives: input.results
      .filter((r) => r.modelId !== input.best.modelId)
      .map(({ modelId, modelName, modelVersion, score, tier, verdict }) => ({ modelId, modelName, modelVersion, score, tier, verdict })),
    facts,
    problems: input.problems,
  };
}
