import type { z } from 'zod';
import type { IcpDb } from './db';

/**
 * Checks one row read from the database. A row that does not match (an old bug, a hand-edited database, a partial
 * write) is skipped and reported on `db.problems`, so one bad row never takes the extension down.
 */
export function checkRow<S extends z.ZodType>(db: IcpDb, table: string, row: unknown, schema: S): z.output<S> | undefined {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  db.reportProblem({ table, key: keyOf(row), message: result.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ') });
  return undefined;
}

export function keyOf(row: unknown): string {
  if (!row || typeof row !== 'object') return '?';
  const r = row as Record<string, unknown>;
  const key = r.key ?? r.id ?? '?';
  return 'version' in r ? `${String(key)}@${String(r.version)}` : String(key);
}
