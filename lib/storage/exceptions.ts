import { z } from 'zod';
import { newExceptionSchema } from './exception-schema';
import { checkRow } from './check-row';
import { nowIso, type ExceptionRow, type IcpDb } from './db';

export { newExceptionSchema };
export type NewException = z.input<typeof newExceptionSchema>;

const exceptionRowSchema = newExceptionSchema.extend({ id: z.number().int(), at: z.string() });
export type LoggedException = z.output<typeof exceptionRowSchema>;

/** Logs an exception; throws a zod error on a malformed entry (a reason and a user are required). */
export async function logException(db: IcpDb, entry: NewException): Promise<LoggedException> {
  const checked = newExceptionSchema.parse(entry);
  const row: ExceptionRow = { ...checked, at: checked.at ?? nowIso() };
  const id = await db.exceptions.add(row);
  return { ...row, id };
}

/** The exception log, newest first; optionally for one account or one model. */
export async function listExceptions(db: IcpDb, filter: { accountKey?: string; modelId?: string } = {}): Promise<LoggedException[]> {
  const rows = filter.accountKey
    ? await db.exceptions.where('accountKey').equals(filter.accountKey).toArray()
    : filter.modelId
      ? await db.exceptions.where('modelId').equals(filter.modelId).toArray()
      : await db.exceptions.toArray();
  return rows
    .map((row) => checkRow(db, 'exceptions', row, exceptionRowSchema))
    .filter((e): e is LoggedException => e !== undefined && (!filter.modelId || e.modelId === filter.modelId))
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
}
