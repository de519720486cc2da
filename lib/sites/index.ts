import { crunchbaseAdapter } from './crunchbase';
import { hubspotAdapter } from './hubspot';
import { linkedinAdapter } from './linkedin';
import { salesforceAdapter } from './salesforce';
import type { RecordRef, SiteAdapter, SiteId } from './types';

/** Every supported site. A URL is claimed by at most one adapter (tests/unit/sites/detectors.test.ts). */
export const ADAPTERS: readonly SiteAdapter[] = [linkedinAdapter, crunchbaseAdapter, hubspotAdapter, salesforceAdapter];

export const SITE_IDS: readonly SiteId[] = ADAPTERS.map((a) => a.site);

export function adapterFor(site: SiteId): SiteAdapter {
  return ADAPTERS.find((a) => a.site === site)!;
}

/** The adapter and record for a URL, or null when no supported record is on it. */
export function matchRecord(url: URL): { adapter: SiteAdapter; ref: RecordRef } | null {
  for (const adapter of ADAPTERS) {
    const ref = adapter.matchUrl(url);
    if (ref) return { adapter, ref };
  }
  return null;
}

/** Which site a host belongs to (for per-site settings), whether or not the page is a record. */
export function siteOfHost(host: string): SiteId | null {
  if (/(^|\.)linkedin\.com$/.test(host)) return 'linkedin';
  if (host === 'www.crunchbase.com') return 'crunchbase';
  if (/(^|\.)hubspot\.com$/.test(host)) return 'hubspot';
  if (/\.lightning\.force\.com$/.test(host)) return 'salesforce';
  return null;
}
