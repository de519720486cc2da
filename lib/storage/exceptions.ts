import { z } from 'zod';
import { checkRow } from './check-row';
import { nowIso, type ExceptionRow, type IcpDb } from './db';

/**
 * An exception: an account advanced while the gate said not-fit or needs-data (reviewed each quarter), with who,
 * when, why, an optional approver, and the score, tier, verdict and model version at that moment.
 */
export const newExceptionSchema = z
  .object({
    accountKey: z.string().min(1).max(300),
    company: z.string().max(300).optional(),
    domain: z.string().max(300).optional(),
    modelId: z.string().min(1).max(64),
    modelVersion: z.number().int().positive(),
    score: z.number().min(0).max(100),
    tier: z.string().max(64).nullable().optional(),
    verdict: z.enum(['not-fit', 'needs-data'], { message: 'an exception is for a not-fit or needs-data account' }),
    reason: z.string().trim().min(1, 'say why the account is advanced anyway').max(2000),
    user: z.string().trim().min(1, 'say who advanced it').max(200),
    approver: z.string().trim().max(200).optional(),
    at: z.string().max(40).optional(),
  })
  .strict();
export type NewException = z.input<typeof newExceptionSchema>;

/** Stored rows: version-2 rows lack the newer fields, and may carry any verdict. */
export const exceptionRowSchema = newExceptionSchema.extend({
  id: z.number().int(),
  at: z.string(),
  verdict: z.enum(['fit', 'not-fit', 'needs-data']),
});
export type LoggedException = z.output<typeof exceptionRowSchema>;

/** Logs an exception; throws a zod error on a malformed entry (a reason and a user are required). */
export async function logException(db: IcpDb, entry: NewException): Promise<LoggedException> {
  const { approver, ...checked } = newExceptionSchema.parse(entry);
  const row: ExceptionRow = { ...checked, ...(approver ? { approver } : {}), at: checked.at ?? nowIso() };
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
