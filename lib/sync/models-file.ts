import type { IcpModel } from '../model/schema';
import { checkModel, formatPath, parseJsonDocument, type ModelProblem } from '../model/validate';

/**
 * Model files in and out of the options page: one model, or an array of models ("export all"). Import is all or
 * nothing: every problem in every model is listed by JSON path, and a file with any problem changes nothing.
 */
export type ModelsFileCheck = { ok: true; models: IcpModel[]; many: boolean } | { ok: false; problems: ModelProblem[] };

export function parseModelsFile(text: string): ModelsFileCheck {
  const parsed = parseJsonDocument(text);
  return parsed.ok ? checkModels(parsed.data) : parsed;
}

export function checkModels(data: unknown): ModelsFileCheck {
  const many = Array.isArray(data);
  const items: unknown[] = many ? (data as unknown[]) : [data];
  if (items.length === 0) return { ok: false, problems: [{ path: '$', message: 'the file holds an empty list: no models' }] };
  const problems: ModelProblem[] = [];
  const models: IcpModel[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const prefix = many ? [i] : [];
    const check = checkModel(item);
    if (!check.ok) {
      for (const p of check.problems) problems.push({ path: joinPath(prefix, p.path), message: p.message });
      return;
    }
    const seen = firstIndex.get(check.model.id);
    if (seen !== undefined) problems.push({ path: formatPath([...prefix, 'id']), message: `model id "${check.model.id}" appears twice in the file (also [${seen}])` });
    else firstIndex.set(check.model.id, i);
    models.push(check.model);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, models, many };
}

/** "[2]" + "criteria[0].op" → "[2].criteria[0].op"; "[2]" + "$" → "[2]". */
function joinPath(prefix: number[], path: string): string {
  if (prefix.length === 0) return path;
  const head = formatPath(prefix);
  if (path === '$') return head;
  return path.startsWith('[') ? `${head}${path}` : `${head}.${path}`;
}

/** A model file's text: one model as an object, several as an array, two-space indented like the built-ins. */
export function modelsFileText(models: readonly IcpModel[]): string {
  return `${JSON.stringify(models.length === 1 ? models[0] : models, null, 2)}\n`;
}

/** A file name for an export: the model id and version, or "icp-models" for several. */
export function modelsFileName(models: readonly IcpModel[]): string {
  return models.length === 1 ? `${models[0].id}-v${models[0].version}.json` : 'icp-models.json';
}
