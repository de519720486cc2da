import { describe, expect, it } from 'vitest';
import { score } from '../../../lib/engine/score';
import { describeCriterionChange, scoreChange, snapshotOf, type ScoreSnapshot } from '../../../lib/history/change';
import type { IcpModel } from '../../../lib/model/schema';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';

const snap = (version: number, score: number, tier: string | null, criteria: ScoreSnapshot['criteria'], verdict: ScoreSnapshot['verdict'] = 'fit'): ScoreSnapshot => ({
  modelId: 'm', modelVersion: version, score, tier, verdict, criteria,
});

describe('scoreChange', () => {
  it('says "was B 68 under v6, now A 81 under v7" and lists the criteria behind it, biggest effect first', () => {
    const was = snap(6, 68, 'B', [
      { id: 'industry', label: 'Industry', status: 'pass', points: 40 },
      { id: 'size', label: 'Size', status: 'pass', points: 28 },
      { id: 'crm', label: 'Uses a CRM', status: 'unknown', points: 0 },
    ]);
    const now = snap(7, 81, 'A', [
      { id: 'industry', label: 'Industry', status: 'pass', points: 40 },
      { id: 'size', label: 'Size', status: 'pass', points: 21 },
      { id: 'snowflake', label: 'Uses Snowflake', status: 'pass', points: 20 },
    ]);
    const change = scoreChange(was, now)!;
    expect(change.text).toBe('was B 68 under v6, now A 81 under v7');
    expect(change.criteria.map((c) => c.id)).toEqual(['snowflake', 'size', 'crm']);
    expect(change.criteria.map(describeCriterionChange)).toEqual([
      'new: Uses Snowflake (pass, +20)',
      'Size: pass (+28 → +21)',
      'removed: Uses a CRM (was unknown, 0)',
    ]);
  });

  it('names the verdict when out of tier, and says nothing within one version or across models', () => {
    const a = snap(1, 12, null, [], 'not-fit');
    const b = snap(2, 55, 'B', []);
    expect(scoreChange(a, b)!.text).toBe('was not fit 12 under v1, now B 55 under v2');
    expect(scoreChange(a, { ...b, modelVersion: 1 })).toBeUndefined();
    expect(scoreChange(a, { ...b, modelId: 'other' })).toBeUndefined();
  });

  it('property: applying the change list to the old criteria gives the new ones (real engine results)', () => {
    const v2: IcpModel = {
      ...DEFAULT_MODEL,
      version: DEFAULT_MODEL.version + 1,
      criteria: DEFAULT_MODEL.criteria.slice(1).map((c) => (c.points ? { ...c, points: c.points + 5 } : c)),
    };
    const facts = { employees: 800, hqCountry: 'US', industry: 'Software Development', technologies: ['Salesforce'] };
    const before = snapshotOf(score(DEFAULT_MODEL, facts, Date.parse('2026-01-01')));
    const after = snapshotOf(score(v2, facts, Date.parse('2026-01-01')));
    const change = scoreChange(before, after)!;
    const rebuilt = new Map(before.criteria.map((c) => [c.id, c]));
    for (const c of change.criteria) {
      if (!c.now) rebuilt.delete(c.id);
      else rebuilt.set(c.id, { id: c.id, label: c.label, status: c.now.status, points: c.now.points });
    }
    const sorted = (list: ScoreSnapshot['criteria']) => [...list].sort((x, y) => x.id.localeCompare(y.id)).map(({ id, status, points }) => ({ id, status, points }));
    expect(sorted([...rebuilt.values()])).toEqual(sorted(after.criteria));
  });
});
