import { writeCsv } from '../builder/csv';
import type { CriterionSnapshot } from '../history/change';

/** Rep feedback as the model owner exports it: one row per comment, with the criteria involved and the facts as seen. */
export interface FeedbackRecord {
  at: string;
  user: string;
  company?: string;
  domain?: string;
  accountKey: string;
  modelId: string;
  modelVersion: number;
  score: number;
  tier?: string | null;
  verdict: string;
  comment: string;
  disputed: string[];
  criteria: CriterionSnapshot[];
  facts: { field: string; value: unknown; source: string }[];
}

export const FEEDBACK_CSV_HEADERS = [
  'at', 'user', 'company', 'domain', 'account_key', 'model_id', 'model_version', 'score', 'tier', 'verdict', 'comment',
  'disputed_criteria', 'criteria', 'facts',
] as const;

const pts = (n: number) => (n > 0 ? `+${n}` : String(n));
const value = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** "Industry: fail (0)" for each disputed criterion, or every failed and unknown one when the rep named none. */
export function criteriaInvolved(f: Pick<FeedbackRecord, 'disputed' | 'criteria'>): CriterionSnapshot[] {
  if (f.disputed.length) return f.criteria.filter((c) => f.disputed.includes(c.id));
  return f.criteria.filter((c) => c.status !== 'pass');
}

export function feedbackToCsv(rows: readonly FeedbackRecord[]): string {
  return writeCsv(
    FEEDBACK_CSV_HEADERS,
    rows.map((f) => [
      f.at, f.user, f.company ?? '', f.domain ?? '', f.accountKey, f.modelId, f.modelVersion, f.score, f.tier ?? '', f.verdict, f.comment,
      criteriaInvolved(f).map((c) => `${c.label}: ${c.status} (${pts(c.points)})`).join('; '),
      f.criteria.map((c) => `${c.id}=${c.status}(${pts(c.points)})`).join('; '),
      f.facts.map((x) => `${x.field}=${value(x.value)} [${x.source}]`).join('; '),
    ]),
  );
}
