import { headerSetKey, type MappingOverrides, type MappingTarget } from '../mapping';
import type { IcpDb } from './db';
import { getSetting, MAX_REMEMBERED_MAPPINGS, setSetting } from './settings';

/**
 * The column overrides a user chose for a header set, remembered in the settings table (zod-checked there), so the
 * next export with the same columns previews and imports the same way.
 */
export async function rememberedOverrides(db: IcpDb, headers: readonly string[]): Promise<Record<string, MappingTarget>> {
  const key = headerSetKey(headers);
  const found = (await getSetting(db, 'columnMappings')).find((m) => m.headers === key);
  return (found?.overrides ?? {}) as Record<string, MappingTarget>;
}

/** Stores (or, when empty, forgets) the overrides for this header set; newest first, at most MAX_REMEMBERED_MAPPINGS. */
export async function rememberOverrides(db: IcpDb, headers: readonly string[], overrides: MappingOverrides): Promise<void> {
  const key = headerSetKey(headers);
  const others = (await getSetting(db, 'columnMappings')).filter((m) => m.headers !== key);
  const next = Object.keys(overrides).length ? [{ headers: key, overrides: { ...overrides } }, ...others] : others;
  await setSetting(db, 'columnMappings', next.slice(0, MAX_REMEMBERED_MAPPINGS));
}
