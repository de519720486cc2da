import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelForTarget, saveDerivedModel } from '../../../lib/builder/save-derived';
import { deriveFrom, readOutcomes } from '../../../lib/builder/review';
import { syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { IcpModel } from '../../../lib/model/schema';
import type { IcpDb } from '../../../lib/storage/db';
import { getModel, getModelVersions, installBuiltinModels, listModels } from '../../../lib/storage/models';
import { openTestDb } from '../storage/helpers';

let proposal: IcpModel;
let db: IcpDb;
const NOW = Date.parse('2025-02-01T10:00:00Z');

beforeAll(() => {
  const result = deriveFrom(readOutcomes(syntheticOutcomesCsv({ deals: 1500 }), 'sample.csv').records);
  if (!result.ok) throw new Error(result.error);
  proposal = result.derivation.proposal.model;
});
beforeEach(async () => {
  db = openTestDb();
  await installBuiltinModels(db);
});
afterEach(() => db.close());

describe('saving a reviewed proposal', () => {
  it('as a new model: version 1 under the chosen id and name, off until switched on, listed with the others', async () => {
    const result = await saveDerivedModel(db, proposal, { kind: 'new', id: 'fin-icp', name: 'Financial ICP', active: false }, { now: NOW, source: 'q1.csv' });
    expect(result).toMatchObject({ ok: true, created: true, model: { id: 'fin-icp', name: 'Financial ICP', version: 1, updatedAt: '2025-02-01T10:00:00.000Z' } });
    const stored = await getModel(db, 'fin-icp');
    expect(stored).toMatchObject({ source: 'editor', active: false });
    expect(stored!.model.criteria).toEqual(proposal.criteria);
    expect((await listModels(db)).map((m) => m.model.id)).toContain('fin-icp');
    expect((await getModelVersions(db, 'fin-icp'))[0].note).toBe('derived by the ICP builder from q1.csv');
  });

  it('as a new model that is switched on at once when asked', async () => {
    await saveDerivedModel(db, proposal, { kind: 'new', id: 'fin-icp', name: 'Financial ICP', active: true });
    expect((await getModel(db, 'fin-icp'))?.active).toBe(true);
  });

  it('will not take over an existing id as a "new" model', async () => {
    const result = await saveDerivedModel(db, proposal, { kind: 'new', id: DEFAULT_MODEL.id, name: 'x', active: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: 'id', message: expect.stringContaining('already exists') }]);
    expect((await getModel(db, DEFAULT_MODEL.id))?.model.version).toBe(DEFAULT_MODEL.version);
  });

  it('as the next version of an existing model, keeping its id, name and active switch', async () => {
    const before = (await getModel(db, DEFAULT_MODEL.id))!;
    const result = await saveDerivedModel(db, proposal, { kind: 'existing', id: DEFAULT_MODEL.id }, { now: NOW });
    expect(result).toMatchObject({ ok: true, created: true, model: { id: DEFAULT_MODEL.id, name: before.model.name, version: before.model.version + 1 } });
    const after = (await getModel(db, DEFAULT_MODEL.id))!;
    expect(after.active).toBe(before.active);
    expect(after.model.criteria.map((c) => c.id)).toEqual(proposal.criteria.map((c) => c.id));
    expect((await getModelVersions(db, DEFAULT_MODEL.id)).map((v) => v.model.version)).toEqual([2, 1]);
  });

  it('reports problems by JSON path and saves nothing when the model is not valid', async () => {
    const empty = { ...proposal, criteria: [] };
    const result = await saveDerivedModel(db, empty, { kind: 'new', id: 'bad id!', name: '', active: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['id', 'name', 'criteria']));
    expect(await getModel(db, 'bad id!')).toBeUndefined();
  });

  it('cannot add a version to a model that is not stored', async () => {
    const result = await saveDerivedModel(db, proposal, { kind: 'existing', id: 'nope' });
    expect(result).toEqual({ ok: false, problems: [{ path: 'id', message: 'no stored model "nope" to add a version to' }] });
  });

  it('modelForTarget trims the typed id and name, and keeps an existing model’s name and motion', () => {
    expect(modelForTarget(proposal, { kind: 'new', id: ' a ', name: ' B ', active: false })).toMatchObject({ id: 'a', name: 'B', version: 1 });
    const existing = { ...DEFAULT_MODEL, motion: 'product-led' as const };
    expect(modelForTarget(proposal, { kind: 'existing', id: existing.id }, existing)).toMatchObject({ id: existing.id, name: existing.name, motion: 'product-led' });
  });
});
