/**
 * NODE-ONLY (@duckdb/node-api, an optional dependency): input-table cells (lib/sql/columns.ts) as DuckDB values,
 * for the appender. Used by `icp score --engine duckdb` and the differential tests.
 */
import { LIST, listValue, STRUCT, structValue, TIMESTAMP, timestampValue, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { CellValue, SignalCell } from '../../lib/sql/columns';
import type { ColumnType } from '../../lib/sql/dialect';

const micros = (ms: number) => BigInt(ms) * 1000n;

/** The appender's type for the columns whose values it cannot infer (lists, structs). */
export const DUCKDB_TYPES: Partial<Record<ColumnType, DuckDBType>> = {
  textList: LIST(VARCHAR),
  signals: LIST(STRUCT({ type: VARCHAR, date: TIMESTAMP, derived_from: VARCHAR })),
};

export function duckdbValue(type: ColumnType, v: CellValue | undefined): DuckDBValue {
  if (v === null || v === undefined) return null;
  if (type === 'timestamp') return timestampValue(micros(v as number));
  if (type === 'textList') return listValue(v as string[]);
  if (type === 'signals')
    return listValue(
      (v as SignalCell[]).map((s) =>
        structValue({ type: s.type, date: s.date === null ? null : timestampValue(micros(s.date)), derived_from: s.derivedFrom }),
      ),
    );
  return v as DuckDBValue;
}
