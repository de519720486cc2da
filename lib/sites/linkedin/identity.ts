import { COMPANY_URN_ATTRIBUTES, COMPANY_URN_ID, EMPLOYEES_FACET_LINKS, EMPLOYEES_FACET_ID } from './selectors';

/**
 * Which company a LinkedIn page is about. The URL names it by slug (`/company/acme/`) or by numeric id
 * (`/company/10529043/`); embedded data names it by `universalName` (a slug) and by URN
 * (`urn:li:company:<id>`, `urn:li:fsd_company:<id>`, `urn:li:fs_normalized_company:<id>`). A page matches when
 * either name agrees.
 */
export interface CompanyIdentity {
  /** Slugs (lower case) this page's company is known by: the URL's, plus the one a numeric URL resolves to. */
  readonly slugs: ReadonlySet<string>;
  /** The numeric company id, when the URL or the embedded data gives it. */
  readonly id?: string;
}

const NUMERIC = /^\d+$/;

export function identityFromSlug(slug: string): CompanyIdentity {
  return NUMERIC.test(slug) ? { slugs: new Set([slug]), id: slug } : { slugs: new Set([slug]) };
}

/** The same company, now also known by `slug` (e.g. the universalName of the entity a numeric URL names). */
export function withSlug(identity: CompanyIdentity, slug: string): CompanyIdentity {
  return { ...identity, slugs: new Set([...identity.slugs, slug.toLowerCase()]) };
}

/** The numeric id inside a company URN, or undefined for other URNs. */
export function companyIdOfUrn(urn: string | null | undefined): string | undefined {
  return urn ? COMPANY_URN_ID.exec(urn)?.[1] : undefined;
}

export function namesCompany(identity: CompanyIdentity, universalName: string | undefined, urn: string | undefined): boolean {
  if (universalName && identity.slugs.has(universalName.toLowerCase())) return true;
  return identity.id !== undefined && companyIdOfUrn(urn) === identity.id;
}

/**
 * Whether the rendered DOM carries the numeric id as its own company: a URN attribute (`data-entity-urn` …) or
 * the "View all N employees" link filtered by this company id.
 */
export function domCarriesCompanyId(doc: Document, id: string): boolean {
  for (const el of Array.from(doc.querySelectorAll(COMPANY_URN_ATTRIBUTES.map((a) => `[${a}]`).join(', ')))) {
    if (COMPANY_URN_ATTRIBUTES.some((a) => companyIdOfUrn(el.getAttribute(a)) === id)) return true;
  }
  for (const a of Array.from(doc.querySelectorAll(EMPLOYEES_FACET_LINKS))) {
    let href: URL;
    try {
      href = new URL(a.getAttribute('href') ?? '', 'https://www.linkedin.com/');
    } catch {
      continue;
    }
    const facet = href.searchParams.get('facetCurrentCompany') ?? '';
    if (EMPLOYEES_FACET_ID.exec(facet)?.[1] === id) return true;
  }
  return false;
}
