import * as z from 'zod/mini';
import { lazySchemas } from './json/lazy-schemas';
import { DEFAULT_CARD_POSITION, type SitePrefs } from './prefs';
import type { SiteId } from './sites/list';

/**
 * The checks of the prefs stored by ./prefs.ts: a corrupt value falls back to the default. With zod's mini API, and
 * built on first use (lazy-schemas.ts), as the content script reads them in the task after its first.
 */
const schemas = lazySchemas(() => {
  const offset = () => z.number().check(z.minimum(0), z.maximum(10_000));
  const cardPosition = z.object({ right: offset(), top: offset() });
  const sitePrefs: z.ZodMiniType<SitePrefs> = z.object({
    position: z._default(cardPosition, DEFAULT_CARD_POSITION),
    minimised: z._default(z.boolean(), false),
  });
  return { sitePrefs, siteEnabled: z.record(z.string(), z.boolean()) };
});

/** The card's place and state on one site. */
export const sitePrefsSchema = () => schemas().sitePrefs;

export function readSitePrefs(raw: unknown): SitePrefs {
  const parsed = sitePrefsSchema().safeParse(raw ?? {});
  return parsed.success ? parsed.data : sitePrefsSchema().parse({});
}

export function isSiteEnabled(raw: unknown, site: SiteId): boolean {
  const parsed = schemas().siteEnabled.safeParse(raw ?? {});
  return parsed.success ? parsed.data[site] !== false : true;
}
