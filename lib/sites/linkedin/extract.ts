import type { RawFacts } from '../../facts/raw';
import type { RawExtraction } from '../types';
import { canonicalSlugs, domShowsCompany, readOrganizationDom, type DomScope, type KnownFacts } from './dom';
import { domCarriesCompanyId, identityFromSlug, withSlug, type CompanyIdentity } from './identity';
import { readJsonLdOrganization, soleOrganizationSlug } from './json-ld';
import { mergeRaw } from './merge';
import { PUBLIC_NAME_HEADING } from './selectors';
import { readText, sameText } from './text';
import { readSalesNavigator } from './sales-navigator';
import { matchUrl, parseLinkedInUrl } from './url';
import { readVoyagerCompany } from './voyager';

/**
 * Reads a LinkedIn company page. Sources, most trusted first (the first value per fact wins):
 *   1. Voyager JSON embedded in `<code id="bpr-guid-N">` (dash and older format), matched by URN and slug or id;
 *   2. JSON-LD Organization whose `url` names the company (logged out);
 *   3. the rendered DOM — only when it shows this company (tab links / canonical), or its public parts when the
 *      JSON-LD of the same document names it; see dom.ts. The top card's action button is never the website.
 * Returns null when none of them is about the URL's company (e.g. only the previous company's JSON, nothing
 * rendered yet). Values are raw; normaliseFacts() turns them into facts.
 */

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

/**
 * Who the page is about. A numeric URL (`/company/10529043/`) is resolved to a slug through the embedded entity
 * with that id, or — when the DOM carries the id (a company URN, the employees link) — through the canonical link,
 * og:url or the JSON-LD's one Organization.
 */
export function resolveIdentity(doc: Document, slug: string, base: URL): { identity: CompanyIdentity; voyager: RawFacts | null } {
  let identity = identityFromSlug(slug);
  const voyager = readVoyagerCompany(doc, identity, base);
  if (voyager) identity = withSlug(identity, voyager.universalName);
  else if (identity.id !== undefined && domCarriesCompanyId(doc, identity.id)) {
    const named = [...canonicalSlugs(doc, base), soleOrganizationSlug(doc)].filter((s): s is string => s !== undefined);
    for (const s of named) identity = withSlug(identity, s);
  }
  return { identity, voyager: voyager?.raw ?? null };
}

/**
 * A logged-out page without canonical / og:url is this company's when its JSON-LD Organization names the company
 * AND nothing contradicts it: no canonical naming another company, and the top card's name is the Organization's
 * (or the JSON-LD holds no other Organization).
 */
function publicPageIs(doc: Document, identity: CompanyIdentity, org: RawFacts, base: URL): boolean {
  if (canonicalSlugs(doc, base).some((slug) => !identity.slugs.has(slug))) return false;
  const heading = readText(doc.querySelector(PUBLIC_NAME_HEADING));
  if (heading) return sameText(heading, typeof org.name === 'string' ? org.name : undefined);
  const sole = soleOrganizationSlug(doc);
  return sole !== undefined && identity.slugs.has(sole);
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

  const { identity, voyager } = resolveIdentity(doc, page.slug, url);
  const jsonLd = readJsonLdOrganization(doc, identity);
  const structured = mergeRaw([voyager ?? {}, jsonLd ?? {}]);
  // The DOM counts when it names the company itself, or — logged-out pages without canonical / og:url — when the
  // same document's JSON-LD Organization does (then only the server-rendered public parts are read).
  const scope: DomScope | null = domShowsCompany(doc, identity, url) ? 'all' : jsonLd && publicPageIs(doc, identity, jsonLd, url) ? 'public' : null;
  const dom = scope ? readOrganizationDom(doc, identity, url, knownFrom(structured), scope) : [];
  const raw = mergeRaw([structured, ...dom]);
  if (Object.keys(raw).length === 0) return null;
  raw.linkedinUrl = page.canonicalUrl;
  return { ref, raw, locale };
}
