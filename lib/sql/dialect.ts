/**
 * What differs between the SQL dialects the model compiles to: quoting, literals, dates, arrays, signals and text
 * joins. Everything else in lib/sql is written once against this interface, so the four dialects share one query
 * shape (the differential tests run DuckDB and Postgres; Snowflake and BigQuery are checked against golden files).
 * Pure: strings in, strings out.
 */

export const DIALECTS = ['duckdb', 'postgres', 'snowflake', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

/** Column types of the input table (see docs/sql.md). */
export type ColumnType = 'text' | 'double' | 'boolean' | 'timestamp' | 'textList' | 'signals';

export interface Dialect {
  name: DialectName;
  /** A quoted identifier. */
  ident(name: string): string;
  /** A string literal. */
  string(text: string): string;
  /** A DOUBLE literal: the same IEEE value JavaScript reads from String(x). */
  double(x: number): string;
  /** A UTC timestamp literal (ms since epoch). */
  timestamp(ms: number): string;
  /** The current UTC time, for queries generated without a fixed `now`. */
  now(): string;
  /** A timestamp expression moved by whole days (negative: back). */
  addDays(ts: string, days: number): string;
  /** An integer expression as text. */
  intText(expr: string): string;
  /** Text → DOUBLE, NULL when the text is not a number. */
  tryNumber(expr: string): string;
  /** Distinct lower-cased items of a text list that are among `wanted` (already lower-cased). */
  countListMatches(list: string, wanted: readonly string[]): string;
  /**
   * Whether a (non-NULL) signals list holds a signal for which `test` is true; `test` gets the SQL of the signal's
   * type (text), date (timestamp, NULL when unreadable) and derived_from (text, NULL for a signal given as such).
   */
  anySignal(signals: string, test: (s: SignalParts) => string): string;
  /** Whether a (non-NULL) text list or signals list is empty. */
  isEmptyList(list: string, type: 'textList' | 'signals'): string;
  /** The non-NULL texts joined by `separator` ('' when all are NULL). */
  joinNonNull(texts: readonly string[], separator: string): string;
  /**
   * How a step of the query is introduced: "AS MATERIALIZED" in Postgres, whose planner would otherwise inline every
   * step into the next (each status computed again wherever the score, verdict and reasons read it: ~15x slower);
   * plain "AS" in DuckDB, where materialising is ~6x slower than its own handling of the shared expressions.
   */
  cte: string;
  /** The SQL type of an input column. */
  columnType(type: ColumnType): string;
}

/** SQL for one element of a signals list, inside Dialect.anySignal. */
export interface SignalParts {
  type: string;
  date: string;
  derivedFrom: string;
}

/** "2025-06-01 00:00:00.000": the ISO form every dialect's timestamp literal takes. */
const isoTimestamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** SQL-standard string literal: quotes doubled, backslashes literal (DuckDB, Postgres with standard strings). */
const standardString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const doubleQuoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const inList = (items: readonly string[], string: (s: string) => string) => items.map(string).join(', ');

const duckdb: Dialect = {
  name: 'duckdb',
  cte: 'AS',
  ident: doubleQuoted,
  string: standardString,
  double: (x) => `CAST(${String(x)} AS DOUBLE)`,
  timestamp: (ms) => `TIMESTAMP '${isoTimestamp(ms)}'`,
  now: () => `CAST(get_current_timestamp() AT TIME ZONE 'UTC' AS TIMESTAMP)`,
  addDays: (ts, days) => `(${ts} ${days < 0 ? '-' : '+'} INTERVAL '${Math.abs(days)} days')`,
  intText: (expr) => `CAST(${expr} AS VARCHAR)`,
  tryNumber: (expr) => `TRY_CAST(REPLACE(TRIM(${expr}), ',', '') AS DOUBLE)`,
  countListMatches: (list, wanted) =>
    `len(list_distinct(list_filter(list_transform(${list}, lambda x: lower(x)), lambda x: x IN (${inList(wanted, standardString)}))))`,
  anySignal: (signals, test) => `len(list_filter(${signals}, lambda s: ${test({ type: 's.type', date: 's.date', derivedFrom: 's.derived_from' })})) > 0`,
  isEmptyList: (list) => `len(${list}) = 0`,
  joinNonNull: (texts, separator) => `concat_ws(${standardString(separator)}, ${texts.join(', ')})`,
  columnType: (type) =>
    ({
      text: 'VARCHAR',
      double: 'DOUBLE',
      boolean: 'BOOLEAN',
      timestamp: 'TIMESTAMP',
      textList: 'VARCHAR[]',
      signals: 'STRUCT("type" VARCHAR, "date" TIMESTAMP, "derived_from" VARCHAR)[]',
    })[type],
};

/** Postgres (and PGlite). Signals are a jsonb array of {"type", "date", "derived_from"} objects: no composite type to create first. */
const postgres: Dialect = {
  name: 'postgres',
  cte: 'AS MATERIALIZED',
  ident: doubleQuoted,
  string: standardString,
  double: (x) => `CAST(${String(x)} AS DOUBLE PRECISION)`,
  timestamp: (ms) => `TIMESTAMP '${isoTimestamp(ms)}'`,
  now: () => `(now() AT TIME ZONE 'UTC')`,
  addDays: (ts, days) => `(${ts} ${days < 0 ? '-' : '+'} INTERVAL '${Math.abs(days)} days')`,
  intText: (expr) => `CAST(${expr} AS TEXT)`,
  // Postgres has no TRY_CAST: take the text only when it is a whole decimal number (substring gives NULL otherwise).
  tryNumber: (expr) =>
    `CAST(substring(REPLACE(TRIM(${expr}), ',', '') FROM '^[-+]?(?:[0-9]+[.]?[0-9]*|[.][0-9]+)(?:[eE][-+]?[0-9]+)?$') AS DOUBLE PRECISION)`,
  countListMatches: (list, wanted) =>
    `(SELECT count(DISTINCT lower(x)) FROM unnest(${list}) AS x WHERE lower(x) IN (${inList(wanted, standardString)}))`,
  anySignal: (signals, test) =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements(${signals}) AS s WHERE ${test({ type: `s ->> 'type'`, date: `CAST(s ->> 'date' AS TIMESTAMP)`, derivedFrom: `s ->> 'derived_from'` })})`,
  isEmptyList: (list, type) => (type === 'signals' ? `jsonb_array_length(${list}) = 0` : `cardinality(${list}) = 0`),
  joinNonNull: (texts, separator) => `concat_ws(${standardString(separator)}, ${texts.join(', ')})`,
  columnType: (type) =>
    ({ text: 'TEXT', double: 'DOUBLE PRECISION', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP', textList: 'TEXT[]', signals: 'JSONB' })[
      type
    ],
};

/**
 * Snowflake: lists are ARRAYs of strings, signals ARRAYs of OBJECTs {"type", "date", "derived_from"}; timestamps TIMESTAMP_NTZ in UTC.
 * Backslash is an escape in Snowflake string literals, so it is doubled as well as the quote.
 */
const snowflakeString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
const snowflake: Dialect = {
  name: 'snowflake',
  cte: 'AS',
  ident: doubleQuoted,
  string: snowflakeString,
  double: (x) => `CAST(${String(x)} AS DOUBLE)`,
  timestamp: (ms) => `CAST('${isoTimestamp(ms)}' AS TIMESTAMP_NTZ)`,
  now: () => `SYSDATE()`,
  addDays: (ts, days) => `DATEADD(day, ${days}, ${ts})`,
  intText: (expr) => `CAST(${expr} AS VARCHAR)`,
  tryNumber: (expr) => `TRY_TO_DOUBLE(REPLACE(TRIM(${expr}), ',', ''))`,
  countListMatches: (list, wanted) =>
    `ARRAY_SIZE(ARRAY_DISTINCT(FILTER(TRANSFORM(${list}, x -> LOWER(x::VARCHAR)), x -> x IN (${inList(wanted, snowflakeString)}))))`,
  anySignal: (signals, test) =>
    `ARRAY_SIZE(FILTER(${signals}, s -> ${test({ type: 's:type::VARCHAR', date: 's:date::TIMESTAMP_NTZ', derivedFrom: 'STRIP_NULL_VALUE(s:derived_from)' })})) > 0`,
  isEmptyList: (list) => `ARRAY_SIZE(${list}) = 0`,
  joinNonNull: (texts, separator) => `ARRAY_TO_STRING(ARRAY_CONSTRUCT_COMPACT(${texts.join(', ')}), ${snowflakeString(separator)})`,
  columnType: (type) =>
    ({ text: 'VARCHAR', double: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP_NTZ', textList: 'ARRAY', signals: 'ARRAY' })[type],
};

/** BigQuery: backticked names, backslash-escaped strings, ARRAY<STRING> lists and ARRAY<STRUCT<type, date, derived_from>> signals. */
const bigqueryString = (text: string) =>
  `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
const bigquery: Dialect = {
  name: 'bigquery',
  cte: 'AS',
  ident: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  string: bigqueryString,
  double: (x) => `CAST(${String(x)} AS FLOAT64)`,
  timestamp: (ms) => `TIMESTAMP '${isoTimestamp(ms)}+00'`,
  now: () => `CURRENT_TIMESTAMP()`,
  addDays: (ts, days) => `TIMESTAMP_ADD(${ts}, INTERVAL ${days} DAY)`,
  intText: (expr) => `CAST(${expr} AS STRING)`,
  tryNumber: (expr) => `SAFE_CAST(REPLACE(TRIM(${expr}), ',', '') AS FLOAT64)`,
  countListMatches: (list, wanted) =>
    `(SELECT COUNT(DISTINCT LOWER(x)) FROM UNNEST(${list}) AS x WHERE LOWER(x) IN (${inList(wanted, bigqueryString)}))`,
  anySignal: (signals, test) => `EXISTS (SELECT 1 FROM UNNEST(${signals}) AS s WHERE ${test({ type: 's.type', date: 's.date', derivedFrom: 's.derived_from' })})`,
  isEmptyList: (list) => `ARRAY_LENGTH(${list}) = 0`,
  // ARRAY_TO_STRING leaves NULL elements out (with their separator) when no null_text is given.
  joinNonNull: (texts, separator) => `ARRAY_TO_STRING([${texts.join(', ')}], ${bigqueryString(separator)})`,
  columnType: (type) =>
    ({
      text: 'STRING',
      double: 'FLOAT64',
      boolean: 'BOOL',
      timestamp: 'TIMESTAMP',
      textList: 'ARRAY<STRING>',
      signals: 'ARRAY<STRUCT<type STRING, date TIMESTAMP, derived_from STRING>>',
    })[type],
};

export const DIALECT: Record<DialectName, Dialect> = { duckdb, postgres, snowflake, bigquery };
