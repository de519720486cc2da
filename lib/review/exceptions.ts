import { z } from 'zod';
import { readCsv, writeCsv } from '../builder/csv';
import { headerKey } from '../mapping/headers';
import type { RowProblem } from '../builder/types';

/**
 * An exception as the review reads it: an account advanced although the gate said not-fit or needs-data, with
 * who, when, why, an optional approver, and the score, tier, verdict and model version at that moment. The options
 * page exports the log in this CSV shape and `icp review --exceptions` reads it back.
 */
export const exceptionRecordSchema = z
  .object({
    at: z.string().min(1).max(40),
    user: z.string().min(1).max(200),
    approver: z.string().max(200).optional(),
    reason: z.string().min(1).max(2000),
    company: z.string().max(300).optional(),
    domain: z.string().max(300).optional(),
    accountKey: z.string().max(300).optional(),
    verdict: z.enum(['fit', 'not-fit', 'needs-data']),
    score: z.number().min(0).max(100),
    tier: z.string().max(64).optional(),
    modelId: z.string().min(1).max(64),
    modelVersion: z.number().int().positive(),
  })
  .strict();
export type ExceptionRecord = z.infer<typeof exceptionRecordSchema>;

/** Columns of the exported exception log, in order. */
export const EXCEPTION_CSV_HEADERS = [
  'at', 'user', 'approver', 'company', 'domain', 'account_key', 'verdict', 'score', 'tier', 'model_id', 'model_version', 'reason',
] as const;

const FIELD_OF: Record<string, keyof ExceptionRecord> = {
  at: 'at',
  user: 'user',
  approver: 'approver',
  company: 'company',
  domain: 'domain',
  accountkey: 'accountKey',
  verdict: 'verdict',
  score: 'score',
  tier: 'tier',
  modelid: 'modelId',
  modelversion: 'modelVersion',
  reason: 'reason',
};

export function exceptionsToCsv(rows: readonly ExceptionRecord[]): string {
  return writeCsv(
    EXCEPTION_CSV_HEADERS,
    rows.map((r) => [r.at, r.user, r.approver ?? '', r.company ?? '', r.domain ?? '', r.accountKey ?? '', r.verdict, r.score, r.tier ?? '', r.modelId, r.modelVersion, r.reason]),
  );
}

/** Reads an exported exception log; a row that does not check is reported by line and field, the rest are kept. */
export function parseExceptionsCsv(text: string): { exceptions: ExceptionRecord[]; bad: RowProblem[]; errors: string[] } {
  const csv = readCsv(text);
  const fields = csv.headers.map((h) => FIELD_OF[headerKey(h)]);
  const errors: string[] = [];
  for (const required of ['at', 'user', 'reason', 'verdict', 'score', 'modelId', 'modelVersion'] as const)
    if (!fields.includes(required)) errors.push(`no ${required} column (expected the headers ${EXCEPTION_CSV_HEADERS.join(', ')})`);
  const exceptions: ExceptionRecord[] = [];
  const bad: RowProblem[] = csv.errors.map((e) => ({ line: e.line, message: `unreadable CSV row: ${e.message}` }));
  if (errors.length) return { exceptions, bad, errors };
  for (const row of csv.rows) {
    const raw: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      const cell = (row.cells[i] ?? '').trim();
      if (!field || cell === '') return;
      raw[field] = field === 'score' || field === 'modelVersion' ? Number(cell) : cell;
    });
    const checked = exceptionRecordSchema.safeParse(raw);
    if (checked.success) exceptions.push(checked.data);
    else bad.push({ line: row.line, message: checked.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ') });
  }
  return { exceptions, bad, errors };
}

/** A stored exception (lib/storage) as the review and the CSV read it: the database id dropped, old rows' gaps left out. */
export function toExceptionRecord(row: {
  at: string; user: string; approver?: string; reason: string; company?: string; domain?: string; accountKey: string;
  verdict: ExceptionRecord['verdict']; score: number; tier?: string | null; modelId: string; modelVersion: number;
}): ExceptionRecord {
  return {
    at: row.at,
    user: row.user,
    ...(row.approver ? { approver: row.approver } : {}),
    reason: row.reason,
    ...(row.company ? { company: row.company } : {}),
    ...(row.domain ? { domain: row.domain } : {}),
    accountKey: row.accountKey,
    verdict: row.verdict,
    score: row.score,
    ...(row.tier ? { tier: row.tier } : {}),
    modelId: row.modelId,
    modelVersion: row.modelVersion,
  };
}

export interface ExceptionFilter {
  /** Words to find in the company, domain, account, reason, user or approver. */
  text?: string;
  verdict?: ExceptionRecord['verdict'] | '';
  modelId?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
}

/** The log as the options page filters it: every word must appear somewhere in the row; dates by day. */
export function filterExceptions<T extends ExceptionRecord>(rows: readonly T[], filter: ExceptionFilter): T[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.verdict && r.verdict !== filter.verdict) return false;
    if (filter.modelId && r.modelId !== filter.modelId) return false;
    const day = r.at.slice(0, 10);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    const haystack = [r.company, r.domain, r.accountKey, r.reason, r.user, r.approver].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
