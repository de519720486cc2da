import type { FactSource, FactValues } from '../facts/vocabulary';
import { valuesOf, type FactProblem } from '../facts/parse';
import { normaliseFacts } from '../facts/normalise/index';
import { rawFactsOfRow, type ColumnMapping } from '../mapping';

export { rawFactsOfRow };

export interface RowFacts {
  /** Plain values for the engine. */
  values: FactValues;
  /** Facts rejected by normalisation; the row keeps every other fact. */
  problems: FactProblem[];
}

/** Normalises one row. `source` says which list the facts came from (`{ kind: 'list', detail: 'accounts.csv' }`). */
export function rowFacts(columns: readonly ColumnMapping[], fields: readonly string[], source: FactSource): RowFacts {
  const { facts, problems } = normaliseFacts(rawFactsOfRow(columns, fields), { origin: 'csv', source });
  return { values: valuesOf(facts), problems };
}
