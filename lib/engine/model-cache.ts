import { compileModel, type CompiledModel } from './score';
import type { IcpModel } from '../model/schema';

/**
 * Compiled models, reused across score requests. Keyed by id and version, which identify a model's content (saved
 * versions never change, see lib/storage/models.ts). Holding it in a service-worker global is fine: when the worker
 * is restarted the cache is simply empty and rebuilt from the database on the next request.
 */
export interface ModelCache {
  compile(models: readonly IcpModel[]): CompiledModel[];
  /** The model held for this id and version, if it was compiled here (it was checked before it was). */
  held(id: string, version: number): IcpModel | undefined;
}

export function createModelCache(): ModelCache {
  const compiled = new Map<string, { model: IcpModel; compiled: CompiledModel }>();
  return {
    compile(models) {
      const keys = models.map((m) => `${m.id}@${m.version}`);
      for (const key of compiled.keys()) if (!keys.includes(key)) compiled.delete(key);
      return models.map((model, i) => {
        let entry = compiled.get(keys[i]);
        if (!entry) compiled.set(keys[i], (entry = { model, compiled: compileModel(model) }));
        return entry.compiled;
      });
    },
    held: (id, version) => compiled.get(`${id}@${version}`)?.model,
  };
}
