import { factType, isCustomFact, CUSTOM_PREFIX } from '../facts/vocabulary';
import { time } from '../engine/conditions';
import type { ColumnType } from './dialect';

/**
 * How facts are laid out as columns of the input table (docs/sql.md). Pure.
 *
 * - Counts that may be bands (employees, revenueUsd) are two columns, `<fact>_min` and `<fact>_max`: an exact count
 *   has min = max, an open-ended band ("10,001+") a NULL max, a missing fact a NULL min.
 * - Other numbers, texts and booleans are one column named as the fact; '' counts as missing like NULL.
 * - Dates are one TIMESTAMP column (UTC; a date is its midnight).
 * - `technologies` is a list of texts; `signals` a list of {type, date, derived_from} (see each dialect's columnType):
 *   `derived_from` names the fact a derived signal came from (lib/facts/derive.ts), NULL for a signal given as such.
 * - `custom.<name>` facts are a text column `custom_<name>`, read as a number where the operator wants one.
 */

/** Facts whose value is a count or a band {min, max?} (lib/facts/vocabulary.ts: countOrBand). */
export const BAND_FACTS: ReadonlySet<string> = new Set(['employees', 'revenueUsd']);

export type FactLayout =
  | { kind: 'band'; min: string; max: string }
  | { kind: 'number' | 'text' | 'boolean' | 'date' | 'list' | 'signals' | 'custom'; column: string };

export function factLayout(field: string): FactLayout {
  if (BAND_FACTS.has(field)) return { kind: 'band', min: `${field}_min`, max: `${field}_max` };
  if (isCustomFact(field)) return { kind: 'custom', column: customColumn(field) };
  const type = factType(field);
  const kind = type === undefined || type === 'custom' ? undefined : KIND_OF_TYPE[type];
  if (!kind) throw new Error(`unknown fact "${field}"`);
  return { kind, column: field };
}

const KIND_OF_TYPE = { number: 'number', string: 'text', boolean: 'boolean', date: 'date', list: 'list', signals: 'signals' } as const;

/** "custom.deal_size" → "custom_deal_size": a name every warehouse takes without quoting tricks. */
export const customColumn = (field: string) => `custom_${field.slice(CUSTOM_PREFIX.length)}`;

const TYPE_OF: Record<Exclude<FactLayout['kind'], 'band'>, ColumnType> = {
  number: 'double',
  text: 'text',
  boolean: 'boolean',
  date: 'timestamp',
  list: 'textList',
  signals: 'signals',
  custom: 'text',
};

/** The input columns a fact takes, with their types. */
export function factColumns(field: string): { name: string; type: ColumnType }[] {
  const layout = factLayout(field);
  if (layout.kind === 'band')
    return [
      { name: layout.min, type: 'double' },
      { name: layout.max, type: 'double' },
    ];
  return [{ name: layout.column, type: TYPE_OF[layout.kind] }];
}

/** A signal as a cell's item: date in ms since epoch (null when unreadable), derivedFrom null for a given signal. */
export interface SignalCell {
  type: string;
  date: number | null;
  derivedFrom: string | null;
}

/** A cell of the input table, as JavaScript: timestamps are ms since epoch. */
export type CellValue = string | number | boolean | null | string[] | SignalCell[];

/**
 * One account's facts (as the engine reads them) laid out as the input table's cells: the loader's side of the
 * encoding above, used by `icp score --engine duckdb` and the differential tests. Dates are read by the engine's own
 * parser (`time`); a value of the wrong shape for its column is left out (NULL).
 */
export function factCells(field: string, value: unknown): Record<string, CellValue> {
  const layout = factLayout(field);
  const present = value !== undefined && value !== null;
  if (layout.kind === 'band') {
    if (typeof value === 'number') return { [layout.min]: value, [layout.max]: value };
    if (present && typeof value === 'object' && 'min' in value) {
      const band = value as { min: number; max?: number };
      return { [layout.min]: band.min, [layout.max]: band.max ?? null };
    }
    return { [layout.min]: null, [layout.max]: null };
  }
  const cell = (): CellValue => {
    if (!present) return null;
    switch (layout.kind) {
      case 'number':
        return typeof value === 'number' ? value : null;
      case 'boolean':
        return typeof value === 'boolean' ? value : null;
      case 'text':
        return typeof value === 'string' ? value : null;
      case 'custom':
        return typeof value === 'string' ? value : String(value);
      case 'date':
        return time(value) ?? null;
      case 'list':
        return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
      case 'signals':
        // A signal with an unreadable date is kept (date NULL): it matches no date test, but still makes the list
        // non-empty and, given as such, says "not" to other types as in the engine.
        return Array.isArray(value)
          ? (value as { type: string; date: string; from?: string }[]).map((s) => ({
              type: s.type,
              date: time(s.date) ?? null,
              derivedFrom: s.from ?? null,
            }))
          : null;
    }
  };
  return { [layout.column]: cell() };
}
