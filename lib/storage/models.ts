import { z } from 'zod';
import { BUILTIN_MODELS, DEFAULT_MODEL } from '../model/builtin';
import type { ModelCache } from '../engine/model-cache';
import type { IcpModel } from '../model/schema';
import { checkModel, type ModelProblem } from '../model/validate';
import { checkRow, keyOf } from './check-row';
import { MODEL_SOURCES, nowIso, type IcpDb, type ModelRow, type ModelSource, type ModelVersionRow } from './db';

/** A model as stored: the validated model plus where it came from and whether it is in use. */
export interface StoredModel {
  model: IcpModel;
  source: ModelSource;
  active: boolean;
  sourceUrl?: string;
  updatedAt: string;
}

export interface StoredModelVersion {
  model: IcpModel;
  source: ModelSource;
  savedAt: string;
  note?: string;
}

export type SaveModelResult =
  | { ok: true; model: IcpModel; /** false when this exact version was already saved */ created: boolean }
  | { ok: false; problems: ModelProblem[] };

const modelRowSchema = z.object({
  id: z.string(),
  model: z.unknown(),
  source: z.enum(MODEL_SOURCES),
  active: z.boolean(),
  sourceUrl: z.string().optional(),
  updatedAt: z.string(),
});

const versionRowSchema = z.object({
  id: z.string(),
  version: z.number(),
  model: z.unknown(),
  source: z.enum(MODEL_SOURCES),
  savedAt: z.string(),
  note: z.string().optional(),
});

/** The row's shape and then the model itself must check out; otherwise the row is skipped and reported. */
function readModelRow(db: IcpDb, row: unknown): StoredModel | undefined {
  const checked = checkRow(db, 'models', row, modelRowSchema);
  return checked && storedModelOf(db, row, checked);
}

/** readModelRow's second half: the model of a row whose shape has been checked. */
function storedModelOf(db: IcpDb, row: unknown, checked: z.output<typeof modelRowSchema>): StoredModel | undefined {
  const model = checkModel(checked.model);
  if (!model.ok) {
    db.reportProblem({ table: 'models', key: keyOf(row), message: model.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
    return undefined;
  }
  const { model: _json, id: _id, ...rest } = checked;
  return { ...rest, model: model.model };
}

/** Every stored model, ordered by id (so "the earlier model" in scoreBest ties is stable). */
export async function listModels(db: IcpDb): Promise<StoredModel[]> {
  const rows = await db.models.orderBy('id').toArray();
  return rows.map((row) => readModelRow(db, row)).filter((m): m is StoredModel => m !== undefined);
}

/** The models the card scores against, ordered by id. */
export async function getActiveModels(db: IcpDb): Promise<IcpModel[]> {
  return (await listModels(db)).filter((m) => m.active).map((m) => m.model);
}

/**
 * getActiveModels for a caller that compiles them through `cache` (the card): a model the cache already holds for
 * the row's id and version is not checked again, since saveModel refuses a saved version with other content.
 * Checking both built-in models on every card answer was about a millisecond of the worker's answer.
 */
export async function getActiveModelsThrough(db: IcpDb, cache: Pick<ModelCache, 'held'>): Promise<IcpModel[]> {
  const models: IcpModel[] = [];
  for (const row of await db.models.orderBy('id').toArray()) {
    const checked = checkRow(db, 'models', row, modelRowSchema);
    if (!checked?.active) continue;
    const { id, version } = (checked.model ?? {}) as { id?: unknown; version?: unknown };
    const held = typeof id === 'string' && id === checked.id && typeof version === 'number' ? cache.held(id, version) : undefined;
    const model = held ?? storedModelOf(db, row, checked)?.model;
    if (model) models.push(model);
  }
  return models;
}

export async function getModel(db: IcpDb, id: string): Promise<StoredModel | undefined> {
  const row = await db.models.get(id);
  return row === undefined ? undefined : readModelRow(db, row);
}

/** Every saved version of a model, newest first. */
export async function getModelVersions(db: IcpDb, id: string): Promise<StoredModelVersion[]> {
  const rows = await db.modelVersions.where('id').equals(id).toArray();
  const out: StoredModelVersion[] = [];
  for (const row of rows) {
    const checked = checkRow(db, 'modelVersions', row, versionRowSchema);
    const model = checked && checkModel(checked.model);
    if (!checked || !model) continue;
    if (!model.ok) {
      db.reportProblem({ table: 'modelVersions', key: keyOf(row), message: model.problems.map((p) => p.message).join('; ') });
      continue;
    }
    out.push({ model: model.model, source: checked.source, savedAt: checked.savedAt, note: checked.note });
  }
  return out.sort((a, b) => b.model.version - a.model.version);
}

/**
 * Validates and saves a model (from a file, a URL, the editor or the built-ins). A model that fails validation is
 * rejected with its problems and the stored one stays as it was. Saved versions are immutable: the same id and
 * version with different content is rejected (bump `version`), and an older version than the current one too.
 * A model id seen for the first time becomes active unless `active: false` is passed.
 */
export async function saveModelVersion(
  db: IcpDb,
  input: unknown,
  source: ModelSource,
  options: { note?: string; sourceUrl?: string; active?: boolean } = {},
): Promise<SaveModelResult> {
  const check = checkModel(input);
  if (!check.ok) return check;
  const model = check.model;
  return db.transaction('rw', db.models, db.modelVersions, async () => {
    const current = await getModel(db, model.id);
    const saved = await db.modelVersions.get([model.id, model.version]);
    if (saved) {
      if (JSON.stringify(saved.model) !== JSON.stringify(model))
        return problem('version', `version ${model.version} of "${model.id}" is already saved with different content: bump the version`);
      if (current && current.model.version === model.version) {
        if (options.active !== undefined && options.active !== current.active)
          await db.models.update(model.id, { active: options.active, updatedAt: nowIso() });
        return { ok: true, model, created: false };
      }
    }
    if (current && model.version < current.model.version)
      return problem('version', `version ${model.version} is older than the current version ${current.model.version} of "${model.id}"`);
    const at = nowIso();
    if (!saved) await db.modelVersions.add({ id: model.id, version: model.version, model, source, savedAt: at, note: options.note });
    const row: ModelRow = {
      id: model.id,
      model,
      source,
      active: options.active ?? current?.active ?? true,
      updatedAt: at,
      ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
    };
    await db.models.put(row);
    return { ok: true, model, created: true } as const;
  });
}

function problem(path: string, message: string): SaveModelResult {
  return { ok: false, problems: [{ path, message }] };
}

/** Turns a stored model on or off. Returns false when there is no such model. */
export async function setModelActive(db: IcpDb, id: string, active: boolean): Promise<boolean> {
  return (await db.models.update(id, { active, updatedAt: nowIso() })) === 1;
}

/**
 * Installs the built-in models: on first run each is saved (only the default one active); after an extension update
 * a newer built-in version replaces the stored one if the user has not replaced it with their own (source other
 * than "builtin"). Running it again changes nothing, so it is safe on every service-worker start.
 */
export async function installBuiltinModels(
  db: IcpDb,
  builtins: readonly IcpModel[] = BUILTIN_MODELS,
): Promise<{ installed: string[]; updated: string[] }> {
  const installed: string[] = [];
  const updated: string[] = [];
  for (const model of builtins) {
    const row = await db.models.get(model.id);
    if (row && (row.source !== 'builtin' || versionOf(row) >= model.version)) continue;
    const result = await saveModelVersion(db, model, 'builtin', {
      note: row ? 'built-in model updated with the extension' : 'built-in model',
      active: row ? row.active : model.id === DEFAULT_MODEL.id,
    });
    if (result.ok && result.created) (row ? updated : installed).push(model.id);
  }
  return { installed, updated };
}

function versionOf(row: ModelRow | ModelVersionRow): number {
  const v = (row.model as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : 0;
}
