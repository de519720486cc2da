import { z } from 'zod';
import type { SiteId } from './sites/list';

/**
 * Per-browser UI preferences, kept in extension storage (`storage.local`) where the content script, popup, side panel
 * and options page can all read them and hear changes. Checked with zod on every read: a corrupt value falls back to
 * the default instead of breaking the card.
 */
export const cardPositionSchema = z.object({ right: z.number().min(0).max(10_000), top: z.number().min(0).max(10_000) });
export const DEFAULT_CARD_POSITION = { right: 16, top: 72 };

export const sitePrefsSchema = z.object({
  position: cardPositionSchema.default(DEFAULT_CARD_POSITION),
  minimised: z.boolean().default(false),
});
export type SitePrefs = z.infer<typeof sitePrefsSchema>;

export const siteEnabledSchema = z.record(z.string(), z.boolean());

export const PREF_KEYS = {
  site: (site: SiteId) => `prefs:site:${site}`,
  /** { linkedin: false, … }: a site missing from the record is on. */
  siteEnabled: 'prefs:siteEnabled',
} as const;

export function readSitePrefs(raw: unknown): SitePrefs {
  const parsed = sitePrefsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : sitePrefsSchema.parse({});
}

export function isSiteEnabled(raw: unknown, site: SiteId): boolean {
  const parsed = siteEnabledSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data[site] !== false : true;
}
