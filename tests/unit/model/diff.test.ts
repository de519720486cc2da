import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { describeDiff, diffModels } from '../../../lib/model/diff';
import { asNextVersion, planIncoming, sameModelContent, stableJson } from '../../../lib/model/history';
import type { Criterion, IcpModel } from '../../../lib/model/schema';
import type { IcpDb } from '../../../lib/storage/db';
import { importModels, latestVersion, rollbackModel, saveEditedModel, saveIncomingModel } from '../../../lib/storage/model-history';
import { getModel, getModelVersions, installBuiltinModels } from '../../../lib/storage/models';
import { setModelSourceUrl } from '../../../lib/sync/store';
import { openTestDb } from '../storage/helpers';

const NOW = Date.parse('2027-01-15T10:00:00Z');
const base = (): IcpModel => structuredClone(DEFAULT_MODEL);
const criterion = (m: IcpModel, id: string) => m.criteria.find((c) => c.id === id)!;

describe('diffModels', () => {
  it('finds nothing between a model and a copy with another version and date', () => {
    const b = { ...base(), version: 7, updatedAt: '2030-01-01T00:00:00Z' };
    const diff = diffModels(base(), b);
    expect(diff.same).toBe(true);
    expect(describeDiff(diff)).toEqual(['v1 and v7 have the same content']);
  });

  it('reports criteria added, removed and changed by id, with field-level changes', () => {
    const a = base();
    const b = { ...base(), version: 2 };
    criterion(b, 'warehouse').points = 15;
    criterion(b, 'geo-served').value = ['US', 'CA'];
    b.criteria = b.criteria.filter((c) => c.id !== 'messaging');
    const added: Criterion = { id: 'uses-dbt', dimension: 'technographic', label: 'Uses dbt', field: 'technologies', op: 'anyOf', value: ['dbt'], kind: 'score', points: 3 };
    b.criteria.push(added);
    const diff = diffModels(a, b);
    expect(diff.criteria.added.map((c) => c.id)).toEqual(['uses-dbt']);
    expect(diff.criteria.removed.map((c) => c.id)).toEqual(['messaging']);
    expect(diff.criteria.changed).toEqual([
      { id: 'geo-served', label: criterion(b, 'geo-served').label, changes: [{ field: 'value', before: criterion(a, 'geo-served').value, after: ['US', 'CA'] }] },
      { id: 'warehouse', label: criterion(b, 'warehouse').label, changes: [{ field: 'points', before: 12, after: 15 }] },
    ]);
    expect(diff.criteria.reordered).toBe(false);
    const lines = describeDiff(diff);
    expect(lines).toContain('criterion "warehouse": points 12 → 15');
    expect(lines).toContain('criterion "uses-dbt" added: Uses dbt (score, 3 points)');
    expect(lines).toContain(`criterion "messaging" removed: ${criterion(a, 'messaging').label}`);
    expect(lines.find((l) => l.startsWith('criterion "geo-served"'))).toMatch(/value \[.*"US".*\] → \["US", "CA"\]/);
  });

  it('reports weights, tiers, gate, about fields and reordering', () => {
    const a = base();
    const b = { ...base(), version: 3, name: 'Sales-led FY27' };
    b.dimensions = { ...b.dimensions, firmographic: 40, relationship: 10 };
    b.tiers = [{ ...b.tiers[0], minScore: 70 }, b.tiers[1]];
    b.gate = { minConfidence: 0.6, minScore: 10 };
    b.criteria = [b.criteria[1], b.criteria[0], ...b.criteria.slice(2)];
    const diff = diffModels(a, b);
    expect(diff.weights).toEqual([
      { field: 'firmographic', before: 35, after: 40 },
      { field: 'relationship', before: 15, after: 10 },
    ]);
    expect(diff.tiers.changed).toEqual([{ id: 'A', label: b.tiers[0].label, changes: [{ field: 'minScore', before: 65, after: 70 }] }]);
    expect(diff.tiers.removed.map((t) => t.id)).toEqual(['C']);
    expect(diff.gate.map((g) => g.field)).toEqual(['minConfidence', 'minScore']);
    expect(diff.criteria.reordered).toBe(true);
    const lines = describeDiff(diff);
    expect(lines[0]).toBe(`model: name "${a.name}" → "Sales-led FY27"`);
    expect(lines).toContain('weight of firmographic: 35 → 40');
    expect(lines).toContain('tier "A": minScore 65 → 70');
    expect(lines).toContain('gate: minConfidence 0.5 → 0.6');
    expect(lines).toContain('criteria reordered');
  });
});

describe('version rules', () => {
  it('compares content regardless of key order, version and date', () => {
    const a = base();
    const reordered = JSON.parse(stableJson({ ...a, version: 9 })) as IcpModel;
    expect(sameModelContent(a, reordered)).toBe(true);
    const changed = base();
    criterion(changed, 'champion').points = 9;
    expect(sameModelContent(a, changed)).toBe(false);
  });

  it('plans incoming models: unchanged, newer as published, otherwise renumbered past the history', () => {
    const current = { ...base(), version: 4 };
    expect(planIncoming({ ...base(), version: 2 }, current, 4, NOW)).toEqual({ action: 'unchanged' });
    const newer = { ...base(), version: 5, name: 'v5' };
    expect(planIncoming(newer, current, 4, NOW)).toEqual({ action: 'save', model: newer, renumbered: false });
    const stale = { ...base(), version: 3, name: 'edited upstream without a bump' };
    expect(planIncoming(stale, current, 4, NOW)).toEqual({
      action: 'save',
      model: { ...stale, version: 5, updatedAt: new Date(NOW).toISOString() },
      renumbered: true,
    });
    expect(asNextVersion(base(), 4, NOW).version).toBe(5);
  });
});

describe('editing, rollback and import in storage', () => {
  let db: IcpDb;
  beforeEach(async () => {
    db = openTestDb();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await installBuiltinModels(db);
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  it('saves an edit as a new version and keeps the source URL and active flag', async () => {
    await setModelSourceUrl(db, DEFAULT_MODEL.id, 'https://models.example.com/sales.json');
    const draft = base();
    criterion(draft, 'warehouse').points = 20;
    const saved = await saveEditedModel(db, draft, { now: NOW });
    expect(saved).toMatchObject({ ok: true, created: true, model: { version: 2, updatedAt: new Date(NOW).toISOString() } });
    const stored = await getModel(db, DEFAULT_MODEL.id);
    expect(stored).toMatchObject({ source: 'editor', active: true, sourceUrl: 'https://models.example.com/sales.json' });
    expect(criterion(stored!.model, 'warehouse').points).toBe(20);
    // Saving the same content again creates nothing.
    expect(await saveEditedModel(db, draft, { now: NOW })).toMatchObject({ ok: true, created: false });
    expect(await latestVersion(db, DEFAULT_MODEL.id)).toBe(2);
  });

  it('refuses an invalid draft with problems by JSON path and stores nothing', async () => {
    const draft = base() as unknown as Record<string, unknown>;
    (draft.criteria as Record<string, unknown>[])[0].op = 'gte';
    const result = await saveEditedModel(db, draft, { now: NOW });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toContain('criteria[0].value');
    expect(await latestVersion(db, DEFAULT_MODEL.id)).toBe(1);
  });

  it('rolls back by saving the old content as a new version; history is never rewritten', async () => {
    const v2 = base();
    criterion(v2, 'warehouse').points = 30;
    await saveEditedModel(db, v2, { now: NOW });
    const back = await rollbackModel(db, DEFAULT_MODEL.id, 1, { now: NOW + 1000 });
    expect(back).toMatchObject({ ok: true, created: true, model: { version: 3 } });
    const versions = await getModelVersions(db, DEFAULT_MODEL.id);
    expect(versions.map((v) => v.model.version)).toEqual([3, 2, 1]);
    expect(versions[0].note).toBe('rolled back to v1');
    expect(sameModelContent(versions[0].model, DEFAULT_MODEL)).toBe(true);
    expect(criterion(versions[1].model, 'warehouse').points).toBe(30); // v2 is still there, unchanged
    expect(describeDiff(diffModels(versions[1].model, versions[0].model))).toEqual(['criterion "warehouse": points 30 → 12']);
    // Rolling back to what is already current saves nothing.
    expect(await rollbackModel(db, DEFAULT_MODEL.id, 3)).toMatchObject({ ok: true, created: false });
    expect(await rollbackModel(db, DEFAULT_MODEL.id, 42)).toMatchObject({ ok: false });
  });

  it('imports several models all or nothing', async () => {
    const fresh = { ...base(), id: 'team-model', name: 'Team' };
    const bumped = { ...base(), version: 2, name: 'Sales-led v2' };
    const ok = await importModels(db, [fresh, bumped]);
    expect(ok).toEqual({ ok: true, results: [{ id: 'team-model', version: 1, status: 'saved' }, { id: DEFAULT_MODEL.id, version: 2, status: 'saved' }] });
    // A second file whose second model cannot be saved (files are checked before import; this one slips past that
    // check to prove the transaction undoes the first model too).
    const broken = { ...base(), id: 'other', criteria: [] } as unknown as IcpModel;
    const failed = await importModels(db, [{ ...fresh, version: 2, name: 'Team 2' }, broken]);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.problems[0].path).toBe('[1].criteria');
    expect((await getModel(db, 'team-model'))?.model.version).toBe(1); // the first model of the failed file was rolled back
    expect(await getModel(db, 'other')).toBeUndefined();
  });

  it('saves an incoming model only when its content changed', async () => {
    const same = await saveIncomingModel(db, base(), 'url', { now: NOW, sourceUrl: 'https://x.example/m.json' });
    expect(same).toMatchObject({ ok: true, status: 'unchanged' });
    expect((await getModel(db, DEFAULT_MODEL.id))?.sourceUrl).toBe('https://x.example/m.json');
    const changed = base();
    changed.name = 'Published by RevOps';
    const saved = await saveIncomingModel(db, changed, 'url', { now: NOW, sourceUrl: 'https://x.example/m.json' });
    expect(saved).toMatchObject({ ok: true, status: 'saved', renumbered: true, model: { version: 2, name: 'Published by RevOps' } });
    const versions = await getModelVersions(db, DEFAULT_MODEL.id);
    expect(versions[0]).toMatchObject({ source: 'url', note: 'synced from https://x.example/m.json (published as version 1)' });
  });
});
