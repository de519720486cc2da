import type { SiteId } from './sites/list';

/**
 * Per-browser UI preferences, kept in extension storage (`storage.local`) where the content script, popup, side panel
 * and options page can all read them and hear changes. Their keys and defaults are here; they are checked with zod on
 * every read (./prefs-schema.ts): a corrupt value falls back to the default instead of breaking the card.
 *
 * Apart from the checks because the content script's first task needs the keys and defaults only, and loads no zod
 * at all (lib/json/shapes.ts says why): the checks load with the card's UI, while the background scores.
 */
export const DEFAULT_CARD_POSITION = { right: 16, top: 72 };

/** The card's place and state on one site. */
export interface SitePrefs {
  position: { right: number; top: number };
  minimised: boolean;
}

export const PREF_KEYS = {
  site: (site: SiteId) => `prefs:site:${site}`,
  /** { linkedin: false, … }: a site missing from the record is on. */
  siteEnabled: 'prefs:siteEnabled',
} as const;
