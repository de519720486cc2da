import { compileModel, scoreCompiled, type Verdict } from '../engine/score';
import { valuesOf } from '../facts/parse';
import type { CompanyFacts, FactValues } from '../facts/vocabulary';
import type { IcpModel } from '../model/schema';
import type { SampleAccount } from './accounts';

/**
 * The model editor's live preview: every preview account scored with the draft and with the saved version, the
 * tier distribution of both, and the accounts whose outcome (verdict or tier) changed. Pure; compiling a model
 * and scoring a few hundred accounts takes well under a millisecond per keystroke.
 */
export interface PreviewAccount {
  key: string;
  name: string;
  values: FactValues;
  /** A built-in sample (true) or a stored account (false). */
  sample: boolean;
}

export interface PreviewOutcome {
  score: number;
  verdict: Verdict;
  tier: string | null;
}

export interface PreviewRow {
  key: string;
  name: string;
  sample: boolean;
  /** With the saved version; null for a model that has not been saved yet. */
  before: PreviewOutcome | null;
  after: PreviewOutcome;
}

export interface PreviewBucket {
  /** A tier id, "needs-data" or "not-fit". */
  id: string;
  label: string;
  before: number;
  after: number;
}

export interface Preview {
  buckets: PreviewBucket[];
  rows: PreviewRow[];
  /** Rows whose verdict or tier differs between the saved version and the draft. */
  changed: PreviewRow[];
  /** How many accounts' scores changed. */
  scoresChanged: number;
}

export function previewAccounts(samples: readonly SampleAccount[], stored: readonly { key: string; name?: string; facts: CompanyFacts }[]): PreviewAccount[] {
  return [
    ...samples.map((s) => ({ key: s.key, name: s.name, values: s.values, sample: true })),
    ...stored.map((a) => ({ key: a.key, name: a.name ?? (a.facts.name?.value as string | undefined) ?? a.key, values: valuesOf(a.facts), sample: false })),
  ];
}

const bucketOf = (o: PreviewOutcome) => (o.verdict === 'fit' ? (o.tier ?? 'fit') : o.verdict);

export function previewModel(draft: IcpModel, saved: IcpModel | undefined, accounts: readonly PreviewAccount[], now: number): Preview {
  const after = compileModel(draft);
  const before = saved ? compileModel(saved) : null;
  const outcome = (result: ReturnType<typeof scoreCompiled>): PreviewOutcome => ({ score: result.score, verdict: result.verdict, tier: result.tier });
  const rows: PreviewRow[] = accounts.map((account) => ({
    key: account.key,
    name: account.name,
    sample: account.sample,
    before: before ? outcome(scoreCompiled(before, account.values, now)) : null,
    after: outcome(scoreCompiled(after, account.values, now)),
  }));

  const buckets: PreviewBucket[] = [];
  const bucket = (id: string, label: string) => {
    let b = buckets.find((x) => x.id === id);
    if (!b) buckets.push((b = { id, label, before: 0, after: 0 }));
    return b;
  };
  for (const t of draft.tiers) bucket(t.id, t.label);
  for (const t of saved?.tiers ?? []) bucket(t.id, t.label);
  bucket('needs-data', 'Needs data');
  bucket('not-fit', 'Not fit');
  for (const row of rows) {
    bucket(bucketOf(row.after), bucketOf(row.after)).after++;
    if (row.before) bucket(bucketOf(row.before), bucketOf(row.before)).before++;
  }
  return {
    buckets,
    rows,
    changed: rows.filter((r) => r.before && (r.before.verdict !== r.after.verdict || r.before.tier !== r.after.tier)),
    scoresChanged: rows.filter((r) => r.before && r.before.score !== r.after.score).length,
  };
}
