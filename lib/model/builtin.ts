import defaultModelJson from './builtin-models/default-model.json';
import plgModelJson from './builtin-models/plg-model.json';
import type { IcpModel } from './schema';
import { checkModel } from './validate';

/** The models shipped with the extension and the command line. Checked on load: a broken built-in fails loudly. */
function load(json: unknown, file: string): IcpModel {
  const check = checkModel(json);
  if (!check.ok) throw new Error(`built-in model ${file} is invalid: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return check.model;
}

export const DEFAULT_MODEL: IcpModel = load(defaultModelJson, 'default-model.json');
export const PLG_MODEL: IcpModel = load(plgModelJson, 'plg-model.json');
export const BUILTIN_MODELS: readonly IcpModel[] = [DEFAULT_MODEL, PLG_MODEL];
