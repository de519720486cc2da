import type { RawFacts } from '../facts/raw';
import type { FactSource, FactValues } from '../facts/vocabulary';
import { valuesOf, type FactProblem } from '../facts/parse';
import { normaliseFacts } from '../facts/normalise/index';
import { deriveFacts } from '../facts/derive';
import type { ColumnMapping } from './columns';

/**
 * One CSV row → raw facts → normalised facts. Pure. Empty cells are left out: an empty cell is an unknown fact,
 * not a value (the engine must see it as missing, never as "fails"). Trimming and clean-up are normaliseFacts' job.
 */
export function rawFactsOfRow(columns: readonly ColumnMapping[], fields: readonly string[]): RawFacts {
  const raw: Record<string, string> = {};
  const n = Math.min(columns.length, fields.length);
  for (let i = 0; i < n; i++) {
    const cell = fields[i];
    // Blank-but-not-empty cells ("  ") are left to normaliseFacts, which treats blank text as absent.
    if (cell !== undefined && cell !== '') raw[columns[i].fact] = cell;
  }
  return raw as RawFacts;
}

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
