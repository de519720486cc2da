import { recordKey } from '../record-key';
import type { RecordRef } from '../types';

/**
 * Crunchbase organisation pages and their tabs; the record key is `cb:<permalink>` for all tabs.
 *
 *   https://www.crunchbase.com/organization/acme-robotics                     → cb:acme-robotics, kind "company"
 *   https://www.crunchbase.com/organization/acme-robotics/company_financials  → cb:acme-robotics, kind "company_financials"
 *   https://www.crunchbase.com/organization/acme-robotics/people              → cb:acme-robotics, kind "people"
 *
 * Not records: /person/<x>, /search/…, /hub/…, /organization (no permalink), /discover/…, other hosts.
 */

const HOSTS = new Set(['www.crunchbase.com', 'crunchbase.com']);

/** Permalinks are lower-case slugs ("acme-robotics", "stripe", "acme-robotics-4f2a"). */
const PERMALINK = /^[a-z0-9][a-z0-9._-]*$/;
/** Tab segments are snake_case words ("company_financials", "people", "technology"). */
const TAB = /^[a-z][a-z_]*$/;

/** The organisation permalink and tab the URL names, or null for any other page. */
export function parseOrganizationUrl(url: URL): { permalink: string; tab?: string } | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;

  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments.length < 2 || segments.length > 3 || segments[0] !== 'organization') return null;

  const permalink = safeDecode(segments[1]!).toLowerCase();
  if (!PERMALINK.test(permalink)) return null;

  const tab = segments[2];
  if (tab !== undefined && !TAB.test(tab)) return null;

  return { permalink, tab };
}

export function matchUrl(url: URL): RecordRef | null {
  const page = parseOrganizationUrl(url);
  return page && { site: 'crunchbase', recordKey: recordKey('cb', page.permalink), kind: page.tab ?? 'company' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
