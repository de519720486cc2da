import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_TYPES, duckdbValue } from '../../../cli/duckdb/cells';
import { PGlite } from '@electric-sql/pglite';
import type { FactValues } from '../../../lib/facts/vocabulary';
import { factCells, factColumns, type CellValue, type SignalCell } from '../../../lib/sql/columns';
import { DIALECT, type ColumnType, type DialectName } from '../../../lib/sql/dialect';

/**
 * Embedded databases for the differential tests: an `accounts` table laid out as docs/sql.md says, filled with
 * random accounts without writing any value into SQL text (DuckDB's appender; one jsonb parameter for Postgres).
 */

export interface Column {
  name: string;
  type: ColumnType;
}

/** The table's columns for these facts, in order, each once. */
export function tableColumns(fields: readonly string[]): Column[] {
  const seen = new Set<string>();
  return fields.flatMap((f) => factColumns(f)).filter((c) => !seen.has(c.name) && seen.add(c.name));
}

export function cellsOf(fields: readonly string[], values: FactValues): Record<string, CellValue> {
  const facts = values as Record<string, unknown>;
  return Object.assign({}, ...fields.map((f) => factCells(f, facts[f] === '' ? undefined : facts[f])));
}

const createTable = (dialect: DialectName, columns: readonly Column[]) => {
  const d = DIALECT[dialect];
  return `CREATE TABLE accounts (row_id INTEGER, ${columns.map((c) => `${d.ident(c.name)} ${d.columnType(c.type)}`).join(', ')})`;
};

export interface Engine {
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function duckdbWith(columns: readonly Column[], rows: readonly Record<string, CellValue>[]): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run(createTable('duckdb', columns));
  const appender = await connection.createAppender('accounts');
  rows.forEach((row, i) => {
    appender.appendInteger(i);
    for (const c of columns) appender.appendValue(duckdbValue(c.type, row[c.name]), DUCKDB_TYPES[c.type]);
    appender.endRow();
  });
  appender.closeSync();
  return {
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Postgres cells as JSON for jsonb_populate_recordset: timestamps as ISO text, signals as a jsonb array. */
function pgValue(type: ColumnType, v: CellValue): unknown {
  if (v === null) return null;
  if (type === 'timestamp') return new Date(v as number).toISOString().replace('Z', '');
  if (type === 'signals')
    return (v as SignalCell[]).map((s) => ({
      type: s.type,
      date: s.date === null ? null : new Date(s.date).toISOString().replace('Z', ''),
      derived_from: s.derivedFrom,
    }));
  return v;
}

export async function pgliteWith(columns: readonly Column[], rows: readonly Record<string, CellValue>[]): Promise<Engine> {
  const db = new PGlite();
  await db.exec(createTable('postgres', columns));
  const json = rows.map((row, i) => Object.fromEntries([['row_id', i], ...columns.map((c) => [c.name, pgValue(c.type, row[c.name] ?? null)])]));
  await db.query('INSERT INTO accounts SELECT * FROM jsonb_populate_recordset(NULL::accounts, $1::jsonb)', [JSON.stringify(json)]);
  return {
    async query(sql) {
      return (await db.query<Record<string, unknown>>(sql)).rows;
    },
    close: () => db.close(),
  };
}
