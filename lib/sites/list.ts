import { crunchbaseSite } from './crunchbase/site';
import { hubspotSite } from './hubspot/site';
import { linkedinSite } from './linkedin/site';
import { salesforceSite } from './salesforce/site';

/**
 * Every supported site as plain data (no adapters, so the popup, the manifest and the content script's `matches`
 * can import it without the page readers). Everything per site is derived from this list: `SiteId`, host
 * permissions, content-script matches, `siteOfHost`, the source kind of page facts, the per-site settings and the
 * test site lists. A new site: its folder under lib/sites/ (with `site.ts`), one line here, and its adapter in
 * lib/sites/index.ts (the compiler asks for it).
 */
export const SITES = [linkedinSite, crunchbaseSite, hubspotSite, salesforceSite] as const satisfies readonly SiteInfo[];

export interface SiteInfo {
  site: string;
  /** Match patterns for the content script and host permissions. */
  matches: readonly string[];
  /** The hosts of `matches`, for `siteOfHost`. */
  host: RegExp;
  /** `page`: what the company shows about itself; `crm`: the team's own records (lib/facts/merge.ts ranks them). */
  sourceKind: 'page' | 'crm';
}

export type SiteId = (typeof SITES)[number]['site'];

export const SITE_IDS: readonly SiteId[] = SITES.map((s) => s.site);

/** Match patterns of every site, for the manifest's host permissions and the content script. */
export const SITE_MATCHES: string[] = SITES.flatMap((s) => [...s.matches]);

export const SOURCE_KIND = Object.fromEntries(SITES.map((s) => [s.site, s.sourceKind])) as { [S in (typeof SITES)[number] as S['site']]: S['sourceKind'] };

/** Which site a host belongs to (for per-site settings), whether or not the page is a record. */
export function siteOfHost(host: string): SiteId | null {
  return SITES.find((s) => s.host.test(host))?.site ?? null;
}
