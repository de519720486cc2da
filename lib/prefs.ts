import * as z from 'zod/mini';
import { lazySchemas } from './json/lazy-schemas';
import type { SiteId } from './sites/list';

/**
 * Per-browser UI preferences, kept in extension storage (`storage.local`) where the content script, popup, side panel
 * and options page can all read them and hear changes. Checked with zod on every read: a corrupt value falls back to
 * the default instead of breaking the card.
 */
export const DEFAULT_CARD_POSITION = { right: 16, top: 72 };

/**
 * Built on first use (lazy-schemas.ts): the content script's first task needs the keys and defaults below, and reads
 * the stored prefs only in a later task. With zod's mini API, as the site adapters (lib/json/lenient.ts): this module
 * is the only one of the first task's that would otherwise load zod's classic API, which then is loaded with the
 * card's UI instead, while the background scores.
 */
const schemas = lazySchemas(() => {
  const offset = () => z.number().check(z.minimum(0), z.maximum(10_000));
  const cardPosition = z.object({ right: offset(), top: offset() });
  return {
    sitePrefs: z.object({
      position: z._default(cardPosition, DEFAULT_CARD_POSITION),
      minimised: z._default(z.boolean(), false),
    }),
    siteEnabled: z.record(z.string(), z.boolean()),
  };
});
/** The card's place and state on one site. */
export const sitePrefsSchema = () => schemas().sitePrefs;
export type SitePrefs = z.infer<ReturnType<typeof sitePrefsSchema>>;

export const PREF_KEYS = {
  site: (site: SiteId) => `prefs:site:${site}`,
  /** { linkedin: false, … }: a site missing from the record is on. */
  siteEnabled: 'prefs:siteEnabled',
} as const;

export function readSitePrefs(raw: unknown): SitePrefs {
  const parsed = sitePrefsSchema().safeParse(raw ?? {});
  return parsed.success ? parsed.data : sitePrefsSchema().parse({});
}

export function isSiteEnabled(raw: unknown, site: SiteId): boolean {
  const parsed = schemas().siteEnabled.safeParse(raw ?? {});
  return parsed.success ? parsed.data[site] !== false : true;
}
