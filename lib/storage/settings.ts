import { z } from 'zod';
import { parseTarget } from '../mapping/map';
import type { IcpDb } from './db';

/** A column mapping target ("domain", "stage", "custom.x"): only what lib/mapping accepts. */
const mappingTargetSchema = z.string().max(80).refine((t) => parseTarget(t) !== undefined, 'not a fact, outcome column or custom.<name>');

/** Most header sets whose column overrides are remembered; the oldest are forgotten first. */
export const MAX_REMEMBERED_MAPPINGS = 50;

/**
 * Settings are key/value rows, each key with its own schema and default. Unknown keys are refused on write;
 * a stored value that no longer fits its schema reads as the default (and is reported).
 */
export const SETTING_SCHEMAS = {
  /** Who is using the extension: recorded on answers and exceptions. */
  userName: z.string().trim().max(200),
  /**
   * Column overrides the user chose in a mapping preview, per header set (lib/mapping/preview.ts headerSetKey),
   * newest first: the next file with the same columns is read the same way.
   */
  columnMappings: z
    .array(z.object({ headers: z.string().max(4000), overrides: z.record(z.string().max(300), mappingTargetSchema) }))
    .max(MAX_REMEMBERED_MAPPINGS)
    .default([]), // optional in messages sent by an older build
} as const;
// Per-site on/off and the card's position are UI preferences in extension storage (lib/prefs.ts), where the content
// script reads them without a round trip to the background and hears changes at once.

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTING_SCHEMAS)[K]> };
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  userName: '',
  columnMappings: [],
};

export const settingsSchema = z.object(SETTING_SCHEMAS).strict();

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_SCHEMAS, key);

export async function getSetting<K extends SettingKey>(db: IcpDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? structuredClone(DEFAULT_SETTINGS[key]) : readValue(db, key, row.value);
}

/** Every setting, defaults filled in. */
export async function getSettings(db: IcpDb): Promise<Settings> {
  const settings = structuredClone(DEFAULT_SETTINGS) as Record<SettingKey, unknown>;
  for (const row of await db.settings.toArray()) {
    if (!row || typeof row.key !== 'string' || !isSettingKey(row.key)) continue; // a retired key: ignore it
    settings[row.key] = readValue(db, row.key, row.value);
  }
  return settings as Settings;
}

/** Checks and stores one setting; throws a zod error when the value does not fit (or the key is unknown). */
export async function setSetting<K extends SettingKey>(db: IcpDb, key: K, value: unknown): Promise<Settings[K]> {
  if (!isSettingKey(key)) throw new Error(`unknown setting "${String(key)}" (one of: ${SETTING_KEYS.join(', ')})`);
  const checked = SETTING_SCHEMAS[key].parse(value) as Settings[K];
  await db.settings.put({ key, value: checked });
  return checked;
}

function readValue<K extends SettingKey>(db: IcpDb, key: K, value: unknown): Settings[K] {
  const checked = SETTING_SCHEMAS[key].safeParse(value);
  if (checked.success) return checked.data as Settings[K];
  db.reportProblem({ table: 'settings', key, message: checked.error.issues.map((i) => i.message).join('; ') });
  return structuredClone(DEFAULT_SETTINGS[key]);
}
