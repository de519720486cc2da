import { finite, isObj, objectOf, string, stringOrStrings, strings, type Obj } from '../../json/shapes';
import { VOYAGER_COMPANY_QUERY_KEY, VOYAGER_COMPANY_TYPE, VOYAGER_LEGACY_COMPANY_TYPE } from './selectors';

/**
 * The shapes of LinkedIn's embedded data (JSON-LD on logged-out pages, Voyager responses on logged-in ones), checked
 * by hand (lib/json/shapes.ts says why: on the logged-out page, building and first running the JSON-LD schema and
 * loading zod were 1.7 ms of the content script's first task, traced in Chromium). Each function gives what the zod
 * schema it replaced gave, or undefined where that failed; tests/unit/sites/linkedin-shapes.test.ts holds those
 * schemas as the reference and compares them on generated values.
 *
 * Every field but the few that identify an entity is lenient: undefined on its own when odd, so one odd field does
 * not lose the company.
 */

// ---- JSON-LD ------------------------------------------------------------------------------------------------------

export interface JsonLdOrganization {
  '@type': string | string[];
  url: string;
  name?: string;
  /** The company website; sometimes without a scheme ("brightlane.io"), sometimes a list. */
  sameAs?: string | string[];
  address?: { addressLocality?: string; addressRegion?: string; addressCountry?: string | { name?: string } };
}

/** A JSON-LD node with a type and a url (whether it is an Organization is the caller's question). */
export function jsonLdOrganizationOf(node: unknown): JsonLdOrganization | undefined {
  if (!isObj(node)) return undefined;
  const type = stringOrStrings(node['@type']);
  const url = string(node.url);
  if (type === undefined || url === undefined) return undefined;
  return {
    '@type': type,
    url,
    name: string(node.name),
    sameAs: stringOrStrings(node.sameAs),
    address: objectOf(node.address, (address) => ({
      addressLocality: string(address.addressLocality),
      addressRegion: string(address.addressRegion),
      addressCountry: string(address.addressCountry) ?? objectOf(address.addressCountry, (country) => ({ name: string(country.name) })),
    })),
  };
}

// ---- Voyager ------------------------------------------------------------------------------------------------------

export interface Named {
  name?: string;
  localizedName?: string;
}
interface Range {
  start?: number;
  end?: number;
}
interface FlatAddress {
  city?: string;
  geographicArea?: string;
  country?: string;
}
/** Seen as a code ("PRIVATELY_HELD") and as an object with a code and a localised name. */
export type CompanyType = string | { code?: string; localizedName?: string };
export interface Money {
  amount?: string | number;
  currencyCode?: string;
}
interface VoyagerDate {
  year?: number;
  month?: number;
  day?: number;
}

/** Dash format (`com.linkedin.voyager.dash.organization.Company`). */
export interface VoyagerCompany {
  entityUrn: string;
  $type: typeof VOYAGER_COMPANY_TYPE;
  universalName: string;
  name?: string;
  websiteUrl?: string;
  companyPageUrl?: string;
  employeeCountRange?: Range;
  /** A plain string or an object with a name; sometimes only a URN reference (`*industry…`). */
  industry?: string | Named;
  '*industry'?: string[];
  '*industryV2Taxonomy'?: string[];
  headquarter?: { address?: FlatAddress };
  foundedOn?: { year?: number };
  companyType?: CompanyType;
}

/** Older format (`com.linkedin.voyager.organization.Company`): flat headquarter, staff counts, funding data. */
export interface LegacyCompany {
  entityUrn: string;
  $type: typeof VOYAGER_LEGACY_COMPANY_TYPE;
  universalName: string;
  name?: string;
  /** In this format `companyPageUrl` is the company's own website; `url` is the LinkedIn page. */
  companyPageUrl?: string;
  websiteUrl?: string;
  staffCountRange?: Range;
  headquarter?: FlatAddress;
  foundedOn?: { year?: number };
  companyType?: CompanyType;
  '*companyIndustries'?: string[];
  companyIndustries?: Named[];
  fundingData?: {
    numFundingRounds?: number;
    lastFundingRound?: { fundingType?: string; announcedOn?: VoyagerDate; moneyRaised?: Money };
  };
}

/** One Voyager response: the URNs it names as its company, and its `included[]` entities. */
export interface VoyagerPayload {
  /** The dash GraphQL response's (`data.data.<query>["*elements"][0]`), then the older REST one's (`data["*elements"][0]`). */
  companyUrns: string[];
  included: unknown[];
}

export const namedOf = (value: unknown): Named | undefined => objectOf(value, (o) => ({ name: string(o.name), localizedName: string(o.localizedName) }));
const rangeOf = (value: unknown): Range | undefined => objectOf(value, (o) => ({ start: finite(o.start), end: finite(o.end) }));
const flatAddressOf = (value: unknown): FlatAddress | undefined =>
  objectOf(value, (o) => ({ city: string(o.city), geographicArea: string(o.geographicArea), country: string(o.country) }));
const yearOf = (value: unknown) => objectOf(value, (o) => ({ year: finite(o.year) }));
const companyTypeOf = (value: unknown): CompanyType | undefined =>
  string(value) ?? objectOf(value, (o) => ({ code: string(o.code), localizedName: string(o.localizedName) }));
const moneyOf = (value: unknown): Money | undefined => objectOf(value, (o) => ({ amount: string(o.amount) ?? finite(o.amount), currencyCode: string(o.currencyCode) }));
const dateOf = (value: unknown): VoyagerDate | undefined => objectOf(value, (o) => ({ year: finite(o.year), month: finite(o.month), day: finite(o.day) }));

/** The entity's URN and universal name, when it is of `type`: what identifies a company entity of either format. */
function identified<T extends string>(value: unknown, type: T): (Obj & { entityUrn: string; $type: T; universalName: string }) | undefined {
  if (!isObj(value) || value.$type !== type || typeof value.entityUrn !== 'string' || typeof value.universalName !== 'string') return undefined;
  return value as Obj & { entityUrn: string; $type: T; universalName: string };
}

export function voyagerCompanyOf(value: unknown): VoyagerCompany | undefined {
  const company = identified(value, VOYAGER_COMPANY_TYPE);
  if (!company) return undefined;
  return {
    entityUrn: company.entityUrn,
    $type: company.$type,
    universalName: company.universalName,
    name: string(company.name),
    websiteUrl: string(company.websiteUrl),
    companyPageUrl: string(company.companyPageUrl),
    employeeCountRange: rangeOf(company.employeeCountRange),
    industry: string(company.industry) ?? namedOf(company.industry),
    '*industry': strings(company['*industry']),
    '*industryV2Taxonomy': strings(company['*industryV2Taxonomy']),
    headquarter: objectOf(company.headquarter, (hq) => ({ address: flatAddressOf(hq.address) })),
    foundedOn: yearOf(company.foundedOn),
    companyType: companyTypeOf(company.companyType),
  };
}

export function legacyCompanyOf(value: unknown): LegacyCompany | undefined {
  const company = identified(value, VOYAGER_LEGACY_COMPANY_TYPE);
  if (!company) return undefined;
  const industries = company.companyIndustries;
  return {
    entityUrn: company.entityUrn,
    $type: company.$type,
    universalName: company.universalName,
    name: string(company.name),
    companyPageUrl: string(company.companyPageUrl),
    websiteUrl: string(company.websiteUrl),
    staffCountRange: rangeOf(company.staffCountRange),
    headquarter: flatAddressOf(company.headquarter),
    foundedOn: yearOf(company.foundedOn),
    companyType: companyTypeOf(company.companyType),
    '*companyIndustries': strings(company['*companyIndustries']),
    // The list as a whole: one entry that is not an object drops it, as its schema did.
    companyIndustries: Array.isArray(industries) && industries.every(isObj) ? industries.map((i) => namedOf(i)!) : undefined,
    fundingData: objectOf(company.fundingData, (funding) => ({
      numFundingRounds: finite(funding.numFundingRounds),
      lastFundingRound: objectOf(funding.lastFundingRound, (round) => ({
        fundingType: string(round.fundingType),
        announcedOn: dateOf(round.announcedOn),
        moneyRaised: moneyOf(round.moneyRaised),
      })),
    })),
  };
}

/** The first URN of a `{ "*elements": [...] }` object, when the list is all strings. */
const firstElementOf = (value: unknown): string | undefined => objectOf(value, (o) => strings(o['*elements'])?.[0]);

/** A code block's JSON as a Voyager response; anything that is an object is one (its parts may each be missing). */
export function voyagerPayloadOf(json: unknown): VoyagerPayload | undefined {
  if (!isObj(json)) return undefined;
  const data = isObj(json.data) ? json.data : undefined;
  const dash = objectOf(data?.data, (inner) => firstElementOf(inner[VOYAGER_COMPANY_QUERY_KEY]));
  const rest = data && firstElementOf(data);
  const companyUrns = [dash, rest].filter((urn): urn is string => urn !== undefined);
  const included = Array.isArray(json.included) ? json.included : [];
  return { companyUrns, included };
}
