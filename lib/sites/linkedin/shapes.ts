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

/** What both formats of a company entity carry, under the same names. */
interface CompanyBase<T extends string> {
  entityUrn: string;
  $type: T;
  universalName: string;
  name?: string;
  websiteUrl?: string;
  /** The dash format's LinkedIn page; the older format's own website (its `url` is the LinkedIn page). */
  companyPageUrl?: string;
  foundedOn?: { year?: number };
  companyType?: CompanyType;
}

/** Dash format (`com.linkedin.voyager.dash.organization.Company`). */
export interface VoyagerCompany extends CompanyBase<typeof VOYAGER_COMPANY_TYPE> {
  employeeCountRange?: Range;
  /** A plain string or an object with a name; sometimes only a URN reference (`*industry…`). */
  industry?: string | Named;
  '*industry'?: string[];
  '*industryV2Taxonomy'?: string[];
  headquarter?: { address?: FlatAddress };
}

/** Older format (`com.linkedin.voyager.organization.Company`): flat headquarter, staff counts, funding data. */
export interface LegacyCompany extends CompanyBase<typeof VOYAGER_LEGACY_COMPANY_TYPE> {
  staffCountRange?: Range;
  headquarter?: FlatAddress;
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

/**
 * A company entity of `type` (its URN and universal name identify it; without them it is not one) as the object it
 * is, with the fields both formats share read.
 */
function companyOf<T extends string>(value: unknown, type: T): { entity: Obj; base: CompanyBase<T> } | undefined {
  if (!isObj(value) || value.$type !== type || typeof value.entityUrn !== 'string' || typeof value.universalName !== 'string') return undefined;
  const base: CompanyBase<T> = {
    entityUrn: value.entityUrn,
    $type: type,
    universalName: value.universalName,
    name: string(value.name),
    websiteUrl: string(value.websiteUrl),
    companyPageUrl: string(value.companyPageUrl),
    foundedOn: yearOf(value.foundedOn),
    companyType: companyTypeOf(value.companyType),
  };
  return { entity: value, base };
}

export function voyagerCompanyOf(value: unknown): VoyagerCompany | undefined {
  const found = companyOf(value, VOYAGER_COMPANY_TYPE);
  if (!found) return undefined;
  const { entity: company, base } = found;
  return {
    ...base,
    employeeCountRange: rangeOf(company.employeeCountRange),
    industry: string(company.industry) ?? namedOf(company.industry),
    '*industry': strings(company['*industry']),
    '*industryV2Taxonomy': strings(company['*industryV2Taxonomy']),
    headquarter: objectOf(company.headquarter, (hq) => ({ address: flatAddressOf(hq.address) })),
  };
}

export function legacyCompanyOf(value: unknown): LegacyCompany | undefined {
  const found = companyOf(value, VOYAGER_LEGACY_COMPANY_TYPE);
  if (!found) return undefined;
  const { entity: company, base } = found;
  const industries = company.companyIndustries;
  return {
    ...base,
    staffCountRange: rangeOf(company.staffCountRange),
    headquarter: flatAddressOf(company.headquarter),
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
