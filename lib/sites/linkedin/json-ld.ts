import type { RawFacts } from '../../facts/raw';
import { namesCompany, type CompanyIdentity } from './identity';
import { JSON_LD_SCRIPTS } from './selectors';
import { jsonLdOrganizationOf, type JsonLdOrganization as Organization } from './shapes';
import { cleanText, parseJson, placeText, websiteFromText } from './text';
import { parseLinkedInUrl } from './url';

/**
 * Logged-out pages carry JSON-LD: an `@graph` of DiscussionForumPosting items (the company's posts, whose authors
 * can be other organisations) and one Organization. We take the Organization whose `url` names the URL's slug.
 */

/** All JSON-LD nodes on the page: top-level objects, arrays and `@graph` members. */
function jsonLdNodes(doc: Document): unknown[] {
  const nodes: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll(JSON_LD_SCRIPTS))) {
    const json = parseJson(script.textContent ?? '');
    const top = Array.isArray(json) ? json : [json];
    for (const item of top) {
      nodes.push(item);
      const graph = (item as { '@graph'?: unknown } | null)?.['@graph'];
      if (Array.isArray(graph)) nodes.push(...graph);
    }
  }
  return nodes;
}

function isOrganization(type: string | string[]): boolean {
  return (Array.isArray(type) ? type : [type]).includes('Organization');
}

/** The company slug an Organization's `url` names, or undefined. */
function slugOf(org: Organization): string | undefined {
  try {
    const page = parseLinkedInUrl(new URL(org.url));
    return page?.kind === 'organization' ? page.slug : undefined;
  } catch {
    return undefined;
  }
}

function organizations(doc: Document): Organization[] {
  const found: Organization[] = [];
  for (const node of jsonLdNodes(doc)) {
    const org = jsonLdOrganizationOf(node);
    if (org && isOrganization(org['@type'])) found.push(org);
  }
  return found;
}

/** For the page diagnostic: JSON-LD scripts, Organizations among their nodes, and whether one names this company. */
export function jsonLdStats(doc: Document, identity: CompanyIdentity): { scripts: number; organizations: number; matched: boolean } {
  return {
    scripts: doc.querySelectorAll(JSON_LD_SCRIPTS).length,
    organizations: organizations(doc).length,
    matched: findJsonLdOrganization(doc, identity) !== null,
  };
}

export function findJsonLdOrganization(doc: Document, identity: CompanyIdentity): Organization | null {
  return organizations(doc).find((org) => namesCompany(identity, slugOf(org), undefined)) ?? null;
}

/** The slug of the page's Organization when the JSON-LD holds exactly one (posts' authors are nested, not counted). */
export function soleOrganizationSlug(doc: Document): string | undefined {
  const slugs = new Set(organizations(doc).map(slugOf).filter((s): s is string => s !== undefined));
  return slugs.size === 1 ? [...slugs][0] : undefined;
}

/**
 * Raw facts from the matching Organization, or null when there is none.
 * `numberOfEmployees.value` is not read: it is the count of associated LinkedIn members, not the headcount band.
 */
export function readJsonLdOrganization(doc: Document, identity: CompanyIdentity): RawFacts | null {
  const org = findJsonLdOrganization(doc, identity);
  if (!org) return null;
  const raw: RawFacts = {};
  const name = cleanText(org.name);
  if (name) raw.name = name;
  const sameAs = Array.isArray(org.sameAs) ? org.sameAs : org.sameAs ? [org.sameAs] : [];
  const website = sameAs.map(websiteFromText).find((u) => u !== undefined);
  if (website) raw.domain = website;
  const address = org.address;
  const place = placeText(address?.addressLocality, address?.addressRegion);
  if (place) raw.hqLocation = place;
  const country = typeof address?.addressCountry === 'string' ? address.addressCountry : address?.addressCountry?.name;
  if (country) raw.hqCountry = cleanText(country);
  return raw;
}
