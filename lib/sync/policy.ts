import { z } from 'zod';

/**
 * Enterprise policy, set by an admin through managed storage (`storage.managed`; schema: public/managed-schema.json; keys
 * documented in the README). Read by the background (source URL, interval) and the options page (lock).
 */
export interface ManagedPolicy {
  /** A model source every browser syncs from (https, or http on localhost). */
  modelSourceUrl?: string;
  /** Users cannot edit, import, roll back or switch models; syncing still works. */
  lockEditing: boolean;
  /** Overrides the user's sync interval. */
  syncIntervalMinutes?: number;
  /** Account list CSVs every browser syncs as named lists (lib/sync/list-source.ts). */
  accountListUrls?: string[];
}

export const POLICY_KEYS = ['modelSourceUrl', 'lockEditing', 'syncIntervalMinutes', 'accountListUrls'] as const;

const fields = {
  modelSourceUrl: z.string().trim().min(1).max(2000),
  lockEditing: z.boolean(),
  syncIntervalMinutes: z.number().int().min(1).max(10_080),
  accountListUrls: z.array(z.string().trim().min(1).max(2000)).max(50),
};

/**
 * Reads the managed storage object. Each key is checked on its own: a bad value is ignored (and reported) instead of
 * throwing away the whole policy, and a missing or broken lock reads as unlocked.
 */
export function parsePolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  const policy: ManagedPolicy = { lockEditing: false };
  const problems: string[] = [];
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  for (const key of POLICY_KEYS) {
    if (input[key] === undefined) continue;
    const checked = fields[key].safeParse(input[key]);
    if (!checked.success) {
      problems.push(`policy ${key}: ${checked.error.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    (policy as unknown as Record<string, unknown>)[key] = checked.data;
  }
  return { policy, problems };
}
