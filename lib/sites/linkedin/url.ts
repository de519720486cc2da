import type { RecordRef } from '../types';
import { recordKey } from '../record-key';

/**
 * LinkedIn URL detector. The record key comes from the URL alone.
 *
 * Positives:
 *   https://www.linkedin.com/company/acme/                     → li:acme          (kind "company")
 *   https://www.linkedin.com/company/acme/about/               → li:acme          (kind "about")
 *   https://www.linkedin.com/company/acme/posts/?feedView=all  → li:acme          (kind "posts"; also jobs, people…)
 *   https://www.linkedin.com/company/acme/insights/            → li:acme          (kind "insights", Premium)
 *   https://in.linkedin.com/company/acme?trk=public_profile    → li:acme          (logged-out country subdomain)
 *   https://www.linkedin.com/showcase/acme-cloud/              → li:acme-cloud    (kind "showcase")
 *   https://www.linkedin.com/sales/company/1234567             → li:sales:1234567 (kind "sales-navigator")
 *
 * Negatives: /in/<person>/, /feed/, /jobs/view/…, /authwall, /company/unavailable/, /company/setup/…, other sites.
 *   /school/<slug>/ is deliberately NOT supported: school pages describe universities through students and
 *   alumni ("N alumni", "N students"), so their counts would be misread as headcount; the product scores companies.
 */

export type LinkedInPage =
  | { kind: 'organization'; slug: string; tab: string; canonicalUrl: string }
  | { kind: 'sales-navigator'; accountId: string };

/** Slugs under /company/ that are LinkedIn's own pages, not companies. */
const RESERVED_COMPANY_SLUGS = new Set(['unavailable', 'setup', 'admin']);

/** Tabs of an organisation page we recognise; any other sub-path still names the company ("company"). */
const KNOWN_TABS = new Set(['about', 'posts', 'jobs', 'people', 'insights', 'life', 'events', 'videos', 'products']);

export function isLinkedInHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

/** Reads the page a LinkedIn URL names, or null when it is not a company-like page. */
export function parseLinkedInUrl(url: URL): LinkedInPage | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isLinkedInHost(url.hostname)) return null;
  const parts = url.pathname.split('/').filter((p) => p !== '');

  if (parts[0] === 'sales' && parts[1] === 'company' && parts[2] && /^\d+$/.test(parts[2])) {
    return { kind: 'sales-navigator', accountId: parts[2] };
  }

  if ((parts[0] === 'company' || parts[0] === 'showcase') && parts[1]) {
    const slug = decodeSlug(parts[1]);
    if (!slug || RESERVED_COMPANY_SLUGS.has(slug)) return null;
    const sub = parts[2]?.toLowerCase();
    const tab = sub && KNOWN_TABS.has(sub) ? sub : parts[0] === 'showcase' ? 'showcase' : 'company';
    return { kind: 'organization', slug, tab, canonicalUrl: `https://www.linkedin.com/${parts[0]}/${encodeURIComponent(slug)}/` };
  }
  return null;
}

/** Slugs are case-insensitive and may be percent-encoded (non-ASCII names). */
function decodeSlug(segment: string): string | null {
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return null;
  }
  slug = slug.trim().toLowerCase();
  return slug && !/[\s/?#]/.test(slug) ? slug : null;
}

export function matchUrl(url: URL): RecordRef | null {
  const page = parseLinkedInUrl(url);
  if (!page) return null;
  if (page.kind === 'sales-navigator') {
    return { site: 'linkedin', recordKey: recordKey('li:sales', page.accountId), kind: 'sales-navigator' };
  }
  return { site: 'linkedin', recordKey: recordKey('li', page.slug), kind: page.tab };
}
