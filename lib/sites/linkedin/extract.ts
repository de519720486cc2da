import type { RawFacts, RawFactName } from '../../facts/raw';
import type { RawExtraction } from '../types';
import { domShowsCompany, readOrganizationDom, type KnownFacts } from './dom';
import { readJsonLdOrganization } from './json-ld';
import { readSalesNavigator } from './sales-navigator';
import { matchUrl, parseLinkedInUrl } from './url';
import { readVoyagerCompany } from './voyager';

/**
 * Reads a LinkedIn company page. Sources, most trusted first (the first value per fact wins):
 *   1. Voyager JSON embedded in `<code id="bpr-guid-N">`, matched by URN and slug (logged in);
 *   2. JSON-LD Organization whose `url` names the slug (logged out);
 *   3. the rendered DOM — only when it shows this company (tab links / canonical), see dom.ts.
 * Returns null when none of them is about the URL's company (e.g. only the previous company's JSON, nothing
 * rendered yet). Values are raw; normaliseFacts() turns them into facts.
 */

/** Headquarters facts travel together: a structured address from one source is not mixed with another's text. */
const HQ_FACTS: RawFactName[] = ['hqLocation', 'hqCity', 'hqRegion', 'hqCountry'];

function hasValue(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** First value per fact wins; the HQ group is taken whole from the first source that has any part of it. */
export function mergeRaw(sources: RawFacts[]): RawFacts {
  const merged: RawFacts = {};
  let hqTaken = false;
  for (const source of sources) {
    const hasHq = HQ_FACTS.some((k) => hasValue(source[k]));
    for (const [key, value] of Object.entries(source) as [RawFactName, unknown][]) {
      if (!hasValue(value)) continue;
      if (HQ_FACTS.includes(key)) {
        if (!hqTaken) merged[key] = value;
      } else if (!(key in merged)) merged[key] = value;
    }
    if (hasHq) hqTaken = true;
  }
  return merged;
}

/** `<html lang>`, e.g. "de-DE" (LinkedIn sometimes writes "de_DE"). */
function readLocale(doc: Document): string | undefined {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? lang : undefined;
}

/** Known industry / HQ text from structured sources, to classify top-card items by content. */
function knownFrom(raw: RawFacts): KnownFacts {
  const industry = typeof raw.industry === 'string' ? raw.industry : undefined;
  return { industry, hq: typeof raw.hqLocation === 'string' ? [raw.hqLocation] : [] };
}

export function extract(doc: Document, url: URL): RawExtraction | null {
  const ref = matchUrl(url);
  const page = parseLinkedInUrl(url);
  if (!ref || !page) return null;
  const locale = readLocale(doc);

  if (page.kind === 'sales-navigator') {
    const raw = readSalesNavigator(doc, page.accountId, url);
    return raw ? { ref, raw, locale } : null;
  }

  const structured = mergeRaw([readVoyagerCompany(doc, page.slug, url) ?? {}, readJsonLdOrganization(doc, page.slug) ?? {}]);
  const dom = domShowsCompany(doc, page.slug, url) ? readOrganizationDom(doc, page.slug, url, knownFrom(structured)) : [];
  const raw = mergeRaw([structured, ...dom]);
  if (Object.keys(raw).length === 0) return null;
  raw.linkedinUrl = page.canonicalUrl;
  return { ref, raw, locale };
}
