import type { FactSource, FactValues } from '../facts/vocabulary';
import { valuesOf, type FactProblem } from '../facts/parse';
import { normaliseFacts } from '../facts/normalise/index';
import { deriveFacts } from '../facts/derive';
import { rawFactsOfRow, type ColumnMapping } from '../mapping';

export interface RowFacts {
  /** Plain values for the engine. */
  values: FactValues;
  /** Facts rejected by normalisation; the row keeps every other fact. */
  problems: FactProblem[];
}

/** Normalises one row and adds the derived facts (lib/facts/derive.ts). `source` says which list the facts came from (`{ kind: 'list', detail: 'accounts.csv' }`). */
export function rowFacts(columns: readonly ColumnMapping[], fields: readonly string[], source: FactSource): RowFacts {
  const { facts, problems } = normaliseFacts(rawFactsOfRow(columns, fields), { origin: 'csv', source });
  return { values: valuesOf(deriveFacts(facts)), problems };
}
