import type { IcpModel } from '../model/schema';
import { checkModel, type ModelProblem } from '../model/validate';
import type { IcpDb } from '../storage/db';
import { saveEditedModel } from '../storage/model-history';
import { getModel, saveModelVersion } from '../storage/models';

/**
 * Saving a reviewed proposal. Either as a **new model** (version 1, under an id and name RevOps can change; off by
 * default, so the card keeps scoring with the current model until someone switches the new one on) or as the
 * **next version of an existing model** (keeping that model's id, name, motion, active flag and sync URL). Either
 * way it is then an ordinary stored model: the editor edits it, the history diffs it, export publishes it.
 */
export type SaveTarget =
  | { kind: 'new'; id: string; name: string; active: boolean }
  | { kind: 'existing'; id: string };

export type SaveDerivedResult =
  | { ok: true; model: IcpModel; created: boolean }
  | { ok: false; problems: ModelProblem[] };

/** The model as it would be saved to `target` (not yet validated). */
export function modelForTarget(reviewed: IcpModel, target: SaveTarget, existing?: IcpModel): IcpModel {
  if (target.kind === 'new') return { ...structuredClone(reviewed), id: target.id.trim(), name: target.name.trim(), version: 1 };
  const model: IcpModel = { ...structuredClone(reviewed), id: target.id, name: existing?.name ?? reviewed.name };
  if (existing?.motion) model.motion = existing.motion;
  return model;
}

export async function saveDerivedModel(
  db: IcpDb,
  reviewed: IcpModel,
  target: SaveTarget,
  options: { now?: number; source?: string } = {},
): Promise<SaveDerivedResult> {
  const now = options.now ?? Date.now();
  const note = `derived by the ICP builder${options.source ? ` from ${options.source}` : ''}`;
  const existing = await getModel(db, target.id);
  if (target.kind === 'existing') {
    if (!existing) return { ok: false, problems: [{ path: 'id', message: `no stored model "${target.id}" to add a version to` }] };
    return saveEditedModel(db, modelForTarget(reviewed, target, existing.model), { now, note });
  }
  const draft = { ...modelForTarget(reviewed, target), updatedAt: new Date(now).toISOString() };
  const check = checkModel(draft);
  if (!check.ok) return check;
  if (existing)
    return {
      ok: false,
      problems: [{ path: 'id', message: `a model "${target.id}" already exists: choose another id, or save as a new version of it` }],
    };
  return saveModelVersion(db, check.model, 'editor', { note, active: target.active });
}
