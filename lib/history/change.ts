import type { ScoreResult } from '../engine/score';

/**
 * What changed in an account's score between two model versions: "was B 68 under v6, now A 81 under v7", and the
 * criteria that caused it (added, removed, or with other points or status). Pure: the card and the side panel
 * show it; the background finds the previous score in the account's history.
 */

export interface CriterionSnapshot {
  id: string;
  label: string;
  status: 'pass' | 'fail' | 'unknown';
  points: number;
}

export interface ScoreSnapshot {
  modelId: string;
  modelVersion: number;
  score: number;
  tier: string | null;
  verdict: 'fit' | 'not-fit' | 'needs-data';
  criteria: CriterionSnapshot[];
  at?: string;
}

export interface CriterionChange {
  id: string;
  label: string;
  /** Absent when the criterion is new in this version, or gone from it. */
  was?: { status: CriterionSnapshot['status']; points: number };
  now?: { status: CriterionSnapshot['status']; points: number };
}

export interface ScoreChange {
  was: Omit<ScoreSnapshot, 'criteria'>;
  now: Omit<ScoreSnapshot, 'criteria'>;
  /** "was B 68 under v6, now A 81 under v7" */
  text: string;
  criteria: CriterionChange[];
}

/** The snapshot history keeps of an engine result. */
export function snapshotOf(result: ScoreResult): ScoreSnapshot {
  return {
    modelId: result.modelId,
    modelVersion: result.modelVersion,
    score: result.score,
    tier: result.tier,
    verdict: result.verdict,
    criteria: result.criteria.map((c) => ({ id: c.id, label: c.label, status: c.status, points: c.points })),
  };
}

/** "B 68", "not fit 12", "needs data 40". */
export function describeScore(s: Pick<ScoreSnapshot, 'score' | 'tier' | 'verdict'>): string {
  const label = s.verdict === 'fit' ? (s.tier ?? 'fit') : s.verdict.replace('-', ' ');
  return `${label} ${s.score}`;
}

/** The change between the previous version's score and this one's; undefined when the model version is the same. */
export function scoreChange(previous: ScoreSnapshot, current: ScoreSnapshot): ScoreChange | undefined {
  if (previous.modelId !== current.modelId || previous.modelVersion === current.modelVersion) return undefined;
  const before = new Map(previous.criteria.map((c) => [c.id, c]));
  const after = new Map(current.criteria.map((c) => [c.id, c]));
  const criteria: CriterionChange[] = [];
  for (const c of current.criteria) {
    const old = before.get(c.id);
    if (!old) criteria.push({ id: c.id, label: c.label, now: { status: c.status, points: c.points } });
    else if (old.status !== c.status || old.points !== c.points)
      criteria.push({ id: c.id, label: c.label, was: { status: old.status, points: old.points }, now: { status: c.status, points: c.points } });
  }
  for (const c of previous.criteria)
    if (!after.has(c.id)) criteria.push({ id: c.id, label: c.label, was: { status: c.status, points: c.points } });
  // Biggest effect on the score first.
  const effect = (c: CriterionChange) => Math.abs((c.now?.points ?? 0) - (c.was?.points ?? 0));
  criteria.sort((a, b) => effect(b) - effect(a) || a.id.localeCompare(b.id));
  const strip = ({ criteria: _c, ...rest }: ScoreSnapshot) => rest;
  return {
    was: strip(previous),
    now: strip(current),
    text: `was ${describeScore(previous)} under v${previous.modelVersion}, now ${describeScore(current)} under v${current.modelVersion}`,
    criteria,
  };
}

/** One criterion's change in words: "Industry: fail → pass (+20)", "New: Uses Snowflake (pass, +15)". */
export function describeCriterionChange(c: CriterionChange): string {
  const pts = (n: number) => (n > 0 ? `+${n}` : String(n));
  if (!c.was) return `new: ${c.label} (${c.now!.status}, ${pts(c.now!.points)})`;
  if (!c.now) return `removed: ${c.label} (was ${c.was.status}, ${pts(c.was.points)})`;
  const status = c.was.status === c.now.status ? c.now.status : `${c.was.status} → ${c.now.status}`;
  return `${c.label}: ${status} (${pts(c.was.points)} → ${pts(c.now.points)})`;
}
