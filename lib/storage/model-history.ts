import { asNextVersion, planIncoming, sameModelContent } from '../model/history';
import type { IcpModel } from '../model/schema';
import { checkModel, formatPath, type ModelProblem } from '../model/validate';
import type { IcpDb } from './db';
import { getModel, getModelVersions, saveModelVersion, type SaveModelResult } from './models';

/**
 * Editing, rolling back, importing and syncing models on top of saveModelVersion (models.ts). Every change is a new
 * version; nothing saved is ever overwritten. The model's source URL and active flag carry over to each new version
 * (saveModelVersion would otherwise drop the URL).
 */

/** The highest version saved for a model id (0 when there is none). */
export async function latestVersion(db: IcpDb, id: string): Promise<number> {
  const keys = await db.modelVersions.where('id').equals(id).primaryKeys();
  return keys.reduce((max, key) => Math.max(max, (key as [string, number])[1]), 0);
}

export type ChangeResult = SaveModelResult;

/**
 * Saves the editor's draft as the next version (source "editor"). Unchanged content saves nothing
 * (`created: false`). A draft with a new id starts a new model at version 1.
 */
export async function saveEditedModel(db: IcpDb, draft: unknown, options: { now?: number; note?: string } = {}): Promise<ChangeResult> {
  const check = checkModel(draft);
  if (!check.ok) return check;
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.models, db.modelVersions, async () => {
    const current = await getModel(db, check.model.id);
    if (current && sameModelContent(current.model, check.model)) return { ok: true, model: current.model, created: false };
    const next = asNextVersion(check.model, await latestVersion(db, check.model.id), now);
    return saveModelVersion(db, next, 'editor', {
      note: options.note ?? 'edited',
      ...(current?.sourceUrl ? { sourceUrl: current.sourceUrl } : {}),
      active: current?.active ?? true,
    });
  });
}

/** Saves an old version's content as the next version ("rolled back to v3"). */
export async function rollbackModel(db: IcpDb, id: string, version: number, options: { now?: number } = {}): Promise<ChangeResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.models, db.modelVersions, async () => {
    const old = (await getModelVersions(db, id)).find((v) => v.model.version === version);
    if (!old) return { ok: false, problems: [{ path: 'version', message: `no saved version ${version} of "${id}"` }] };
    const current = await getModel(db, id);
    if (current && sameModelContent(current.model, old.model)) return { ok: true, model: current.model, created: false };
    const next = asNextVersion(old.model, await latestVersion(db, id), now);
    return saveModelVersion(db, next, 'editor', {
      note: `rolled back to v${version}`,
      ...(current?.sourceUrl ? { sourceUrl: current.sourceUrl } : {}),
      active: current?.active ?? true,
    });
  });
}

export type IncomingResult =
  | { ok: true; status: 'unchanged' | 'saved'; model: IcpModel; renumbered: boolean }
  | { ok: false; problems: ModelProblem[] };

/**
 * Saves a model that arrived from a file or a URL (see planIncoming): unchanged content saves nothing; otherwise
 * it becomes the next version. `sourceUrl` binds the model to the URL it came from.
 */
export async function saveIncomingModel(
  db: IcpDb,
  incoming: IcpModel,
  source: 'file' | 'url',
  options: { now?: number; sourceUrl?: string; note?: string } = {},
): Promise<IncomingResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.models, db.modelVersions, async () => {
    const current = await getModel(db, incoming.id);
    const plan = planIncoming(incoming, current?.model, await latestVersion(db, incoming.id), now);
    const sourceUrl = options.sourceUrl ?? current?.sourceUrl;
    if (plan.action === 'unchanged') {
      if (current && options.sourceUrl && current.sourceUrl !== options.sourceUrl)
        await db.models.update(incoming.id, { sourceUrl: options.sourceUrl });
      return { ok: true, status: 'unchanged', model: current!.model, renumbered: false };
    }
    const note =
      options.note ?? (source === 'url' ? `synced from ${options.sourceUrl ?? 'its URL'}` : 'imported from a file');
    const saved = await saveModelVersion(db, plan.model, source, {
      note: plan.renumbered ? `${note} (published as version ${incoming.version})` : note,
      ...(sourceUrl ? { sourceUrl } : {}),
      ...(current ? { active: current.active } : {}),
    });
    if (!saved.ok) return saved;
    return { ok: true, status: 'saved', model: saved.model, renumbered: plan.renumbered };
  });
}

/** Why an import transaction was rolled back. */
class ImportAborted extends Error {
  constructor(readonly problems: ModelProblem[]) {
    super('import aborted');
  }
}

/**
 * Imports checked models (lib/sync/models-file.ts) all or nothing: in one transaction, and if any of them cannot
 * be saved, none is. `many` prefixes problem paths with the model's index in the file ("[1].version").
 */
export async function importModels(
  db: IcpDb,
  models: readonly IcpModel[],
  options: { now?: number; many?: boolean } = {},
): Promise<{ ok: true; results: { id: string; version: number; status: 'unchanged' | 'saved' }[] } | { ok: false; problems: ModelProblem[] }> {
  try {
    const results = await db.transaction('rw', db.models, db.modelVersions, async () => {
      const out: { id: string; version: number; status: 'unchanged' | 'saved' }[] = [];
      for (const [i, model] of models.entries()) {
        const result = await saveIncomingModel(db, model, 'file', { now: options.now });
        if (!result.ok) {
          const prefix = options.many ?? models.length > 1 ? formatPath([i]) : '';
          throw new ImportAborted(result.problems.map((p) => ({ path: prefix ? `${prefix}.${p.path}` : p.path, message: p.message })));
        }
        out.push({ id: result.model.id, version: result.model.version, status: result.status });
      }
      return out;
    });
    return { ok: true, results };
  } catch (error) {
    if (error instanceof ImportAborted) return { ok: false, problems: error.problems };
    throw error;
  }
}
