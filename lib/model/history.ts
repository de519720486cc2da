import type { IcpModel } from './schema';

/**
 * Version rules for models, pure (the storage side is lib/storage/model-history.ts).
 *
 * History is never rewritten: every change (an edit, a rollback, an import, a sync) is saved as a NEW version. A
 * rollback is the old version's content saved again under the next version number.
 */

/** JSON with object keys sorted, so two models with the same content compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The parts of a model that are bookkeeping, not content: two models differing only here score the same. */
const BOOKKEEPING = ['version', 'updatedAt', '$schema'] as const;

function content(model: IcpModel): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...model };
  for (const key of BOOKKEEPING) delete copy[key];
  return copy;
}

/** True when two models say the same thing (ignoring version, updatedAt and $schema). */
export function sameModelContent(a: IcpModel, b: IcpModel): boolean {
  return stableJson(content(a)) === stableJson(content(b));
}

/** `model`'s content as the version after `latestVersion`, stamped with `now`. */
export function asNextVersion(model: IcpModel, latestVersion: number, now: number): IcpModel {
  return { ...structuredClone(model), version: latestVersion + 1, updatedAt: new Date(now).toISOString() };
}

export type IncomingPlan =
  /** Same content as the current model: nothing to save. */
  | { action: 'unchanged' }
  /** Save `model`; `renumbered` when its version had to be moved past the stored history. */
  | { action: 'save'; model: IcpModel; renumbered: boolean };

/**
 * What to do with a model arriving from a file or a URL, given the current stored model with the same id (if any)
 * and the highest version saved for that id. The incoming model wins: a newer version is saved as published; an
 * incoming model that is not newer but says something different (the publisher forgot to bump `version`, or the
 * model was edited locally since) is saved as the next version, so nothing stored is overwritten.
 */
export function planIncoming(incoming: IcpModel, current: IcpModel | undefined, latestVersion: number, now: number): IncomingPlan {
  if (current && sameModelContent(incoming, current)) return { action: 'unchanged' };
  if (incoming.version > latestVersion) return { action: 'save', model: incoming, renumbered: false };
  return { action: 'save', model: asNextVersion(incoming, latestVersion, now), renumbered: true };
}
