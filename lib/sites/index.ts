import { crunchbaseAdapter } from './crunchbase';
import { hubspotAdapter } from './hubspot';
import { linkedinAdapter } from './linkedin';
import { salesforceAdapter } from './salesforce';
import { SITE_IDS, type SiteId } from './list';
import type { RecordRef, SiteAdapter } from './types';

export { SITES, SITE_IDS, SITE_MATCHES, SOURCE_KIND, siteOfHost, type SiteId, type SiteInfo } from './list';

/** The page reader of every site in lib/sites/list.ts (a site missing here does not compile). */
const ADAPTER_OF: Record<SiteId, SiteAdapter> = {
  linkedin: linkedinAdapter,
  crunchbase: crunchbaseAdapter,
  hubspot: hubspotAdapter,
  salesforce: salesforceAdapter,
};

/** Every supported site, in list order. A URL is claimed by at most one adapter (tests/unit/sites/detectors.test.ts). */
export const ADAPTERS: readonly SiteAdapter[] = SITE_IDS.map((site) => ADAPTER_OF[site]);

export function adapterFor(site: SiteId): SiteAdapter {
  return ADAPTER_OF[site];
}

/** The adapter and record for a URL, or null when no supported record is on it. */
export function matchRecord(url: URL): { adapter: SiteAdapter; ref: RecordRef } | null {
  for (const adapter of ADAPTERS) {
    const ref = adapter.matchUrl(url);
    if (ref) return { adapter, ref };
  }
  return null;
}
