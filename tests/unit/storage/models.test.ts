import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_MODELS, DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import { createModelCache } from '../../../lib/engine/model-cache';
import type { IcpDb } from '../../../lib/storage/db';
import {
  getActiveModels,
  getActiveModelsThrough,
  getModel,
  getModelVersions,
  installBuiltinModels,
  listModels,
  saveModelVersion,
  setModelActive,
} from '../../../lib/storage/models';
import { openTestDb } from './helpers';

let db: IcpDb;
beforeEach(() => {
  db = openTestDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const v2 = () => ({ ...structuredClone(DEFAULT_MODEL), version: 2, name: 'Sales-led v2' });

describe('installBuiltinModels', () => {
  it('installs every built-in once, only the default active', async () => {
    const first = await installBuiltinModels(db);
    expect(first.installed).toEqual(BUILTIN_MODELS.map((m) => m.id));
    expect((await getActiveModels(db)).map((m) => m.id)).toEqual([DEFAULT_MODEL.id]);
    expect((await listModels(db)).map((m) => [m.model.id, m.source, m.active])).toEqual([
      [DEFAULT_MODEL.id, 'builtin', true],
      [PLG_MODEL.id, 'builtin', false],
    ]);
    const rowBefore = await db.models.get(DEFAULT_MODEL.id);
    const second = await installBuiltinModels(db);
    expect(second).toEqual({ installed: [], updated: [] });
    expect(await db.models.get(DEFAULT_MODEL.id)).toEqual(rowBefore);
    expect(await db.modelVersions.count()).toBe(BUILTIN_MODELS.length);
  });

  it('updates a built-in to a newer shipped version but keeps the user on/off choice', async () => {
    await installBuiltinModels(db);
    await setModelActive(db, PLG_MODEL.id, true);
    const newer = { ...structuredClone(PLG_MODEL), version: 5 };
    const result = await installBuiltinModels(db, [DEFAULT_MODEL, newer]);
    expect(result).toEqual({ installed: [], updated: [PLG_MODEL.id] });
    const stored = await getModel(db, PLG_MODEL.id);
    expect(stored?.model.version).toBe(5);
    expect(stored?.active).toBe(true);
  });

  it('never overwrites a model the user replaced', async () => {
    await installBuiltinModels(db);
    expect((await saveModelVersion(db, v2(), 'editor')).ok).toBe(true);
    await installBuiltinModels(db, [{ ...structuredClone(DEFAULT_MODEL), version: 9 }]);
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.name).toBe('Sales-led v2');
  });
});

describe('saveModelVersion', () => {
  it('keeps every version and makes the newest current', async () => {
    await installBuiltinModels(db);
    const saved = await saveModelVersion(db, v2(), 'file', { note: 'Q3 rebuild' });
    expect(saved).toMatchObject({ ok: true, created: true });
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.version).toBe(2);
    const versions = await getModelVersions(db, DEFAULT_MODEL.id);
    expect(versions.map((v) => [v.model.version, v.source, v.note])).toEqual([
      [2, 'file', 'Q3 rebuild'],
      [1, 'builtin', 'built-in model'],
    ]);
  });

  it('rejects a bad model with its problems and the last good one stays', async () => {
    await installBuiltinModels(db);
    const bad = { ...v2(), criteria: [{ ...DEFAULT_MODEL.criteria[0], op: 'near' }] };
    const result = await saveModelVersion(db, bad, 'url', { sourceUrl: 'https://example.com/icp.json' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.path === 'criteria[0].op')).toBe(true);
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.version).toBe(1);
    expect(await db.modelVersions.count()).toBe(2);
  });

  it('refuses to change a saved version or go back to an older one; the same version again is a no-op', async () => {
    await saveModelVersion(db, v2(), 'file');
    const changed = await saveModelVersion(db, { ...v2(), name: 'different' }, 'file');
    expect(changed.ok).toBe(false);
    const older = await saveModelVersion(db, DEFAULT_MODEL, 'file');
    expect(older.ok).toBe(false);
    if (!older.ok) expect(older.problems[0].message).toMatch(/older than the current version 2/);
    expect(await saveModelVersion(db, v2(), 'file')).toMatchObject({ ok: true, created: false });
    expect(await db.modelVersions.count()).toBe(1);
  });

  it('records the source URL of a model loaded from a URL', async () => {
    await saveModelVersion(db, PLG_MODEL, 'url', { sourceUrl: 'https://example.com/plg.json' });
    expect(await getModel(db, PLG_MODEL.id)).toMatchObject({ source: 'url', sourceUrl: 'https://example.com/plg.json', active: true });
  });
});

describe('reading models', () => {
  it('skips and reports a corrupt row instead of failing', async () => {
    await installBuiltinModels(db);
    await setModelActive(db, PLG_MODEL.id, true);
    await db.models.put({ id: 'broken', model: { format: 'nope' }, source: 'file', active: true, updatedAt: 'x' });
    await db.models.put({ id: 'weird', source: 'alien' } as never);
    const active = await getActiveModels(db);
    expect(active.map((m) => m.id)).toEqual([DEFAULT_MODEL.id, PLG_MODEL.id]);
    expect(db.problems.map((p) => [p.table, p.key])).toEqual([
      ['models', 'broken'],
      ['models', 'weird'],
    ]);
  });

  it('setModelActive says whether the model exists', async () => {
    await installBuiltinModels(db);
    expect(await setModelActive(db, DEFAULT_MODEL.id, false)).toBe(true);
    expect(await setModelActive(db, 'missing', true)).toBe(false);
    expect(await getActiveModels(db)).toEqual([]);
  });
});

describe('getActiveModelsThrough (the card)', () => {
  it('gives what getActiveModels gives, and checks a model the cache holds only once per id and version', async () => {
    await installBuiltinModels(db);
    const cache = createModelCache();
    const cold = await getActiveModelsThrough(db, cache);
    expect(cold).toEqual(await getActiveModels(db));
    cache.compile(cold);
    // The stored row of the held version is damaged behind saveModel's back: the version the cache checked and
    // compiled is still the one scored (saveModel refuses other content under a saved version) ...
    const row = await db.models.get(DEFAULT_MODEL.id);
    await db.models.put({ ...row!, model: { ...DEFAULT_MODEL, criteria: 'broken' } });
    expect(await getActiveModelsThrough(db, cache)).toEqual(cold);
    // ... while a cache that does not hold it checks the row, reports it and leaves it out.
    expect(await getActiveModelsThrough(db, createModelCache())).toEqual([]);
    expect(db.problems.at(-1)).toMatchObject({ table: 'models', key: DEFAULT_MODEL.id });
  });

  it('checks a new version, and leaves out models that are not active', async () => {
    await installBuiltinModels(db);
    const cache = createModelCache();
    cache.compile(await getActiveModelsThrough(db, cache));
    expect((await saveModelVersion(db, v2(), 'file')).ok).toBe(true);
    const row = await db.models.get(DEFAULT_MODEL.id);
    expect((row!.model as { version: number }).version).toBe(2);
    expect((await getActiveModelsThrough(db, cache)).map((m) => [m.id, m.version])).toEqual((await getActiveModels(db)).map((m) => [m.id, m.version]));
    await setModelActive(db, DEFAULT_MODEL.id, false);
    expect(await getActiveModelsThrough(db, cache)).toEqual(await getActiveModels(db));
  });
});
