import type { RawFacts } from '../../facts/raw';
// The round label and USD format are Crunchbase's: LinkedIn's funding data comes from Crunchbase.
import { formatUsd, roundLabel } from '../crunchbase/funding';
import { mergeRaw } from './merge';
import { namesCompany, type CompanyIdentity } from './identity';
import { VOYAGER_CODE_BLOCKS } from './selectors';
import {
  legacyCompanyOf,
  namedOf,
  voyagerCompanyOf,
  voyagerPayloadOf,
  type CompanyType,
  type LegacyCompany,
  type Money,
  type VoyagerCompany,
  type VoyagerPayload as Payload,
} from './shapes';
import { cleanText, externalUrl, parseJson, placeText } from './text';

/**
 * Logged-in pages embed Voyager API responses in hidden `<code id="bpr-guid-N">` blocks. The company response names
 * the page's company by URN in `data.data.organizationDashCompaniesByUniversalName["*elements"][0]`; the entity
 * itself sits in some block's `included[]`. Their shapes are checked in ./shapes.ts.
 * Pitfalls handled here:
 * - the first block mentioning "headquarter" can be an affiliated company: we match by URN, never by order;
 * - blocks of the first-loaded company stay in the DOM after in-app navigation: `universalName` must equal the slug.
 */

const TEXT_NODE = 3;
const COMMENT_NODE = 8;

/** The JSON inside one code block: its text, or the text of an HTML comment wrapping it. */
function blockText(block: Element): string {
  let text = '';
  for (const node of Array.from(block.childNodes)) {
    if (node.nodeType === TEXT_NODE || node.nodeType === COMMENT_NODE) text += node.nodeValue ?? '';
  }
  return text.trim();
}

/** Inside an HTML comment the parser does not decode entities, so `&quot;`-escaped JSON arrives raw. */
function decodeBasicEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function readPayloads(doc: Document): Payload[] {
  const payloads: Payload[] = [];
  for (const block of Array.from(doc.querySelectorAll(VOYAGER_CODE_BLOCKS))) {
    const text = blockText(block);
    if (!text.startsWith('{')) continue;
    const json = parseJson(text) ?? parseJson(decodeBasicEntities(text));
    const payload = voyagerPayloadOf(json);
    if (payload) payloads.push(payload);
  }
  return payloads;
}

/** For the page diagnostic: blocks on the page, blocks that parse as Voyager payloads, and which formats name this company. */
export function voyagerStats(doc: Document, identity: CompanyIdentity): { blocks: number; payloads: number; formats: string[] } {
  const found = findVoyagerCompany(doc, identity);
  const formats = found ? (['dash', 'legacy'] as const).filter((f) => found[f] !== undefined) : [];
  return { blocks: doc.querySelectorAll(VOYAGER_CODE_BLOCKS).length, payloads: readPayloads(doc).length, formats: [...formats] };
}

/** Every entity of every payload's `included[]`, by URN. */
function indexEntities(payloads: Payload[]): Map<string, Record<string, unknown>> {
  const byUrn = new Map<string, Record<string, unknown>>();
  for (const payload of payloads) {
    for (const entity of payload.included) {
      if (entity && typeof entity === 'object' && typeof (entity as { entityUrn?: unknown }).entityUrn === 'string') {
        const record = entity as Record<string, unknown>;
        if (!byUrn.has(record.entityUrn as string)) byUrn.set(record.entityUrn as string, record);
      }
    }
  }
  return byUrn;
}

/** The page's company as each format gives it (either may be missing), with every entity by URN. */
export interface FoundCompany {
  dash?: VoyagerCompany;
  legacy?: LegacyCompany;
  entities: Map<string, Record<string, unknown>>;
}

/**
 * The Company entity of the page, in each format: named by URN in a company response (never an affiliate or a
 * "similar page" listed in some other response) and carrying the URL's company, by slug or by numeric id.
 */
export function findVoyagerCompany(doc: Document, identity: CompanyIdentity): FoundCompany | null {
  const payloads = readPayloads(doc);
  const entities = indexEntities(payloads);
  const found: FoundCompany = { entities };
  for (const urn of payloads.flatMap((payload) => payload.companyUrns)) {
    const entity = entities.get(urn);
    const dash = voyagerCompanyOf(entity);
    if (!found.dash && dash && namesCompany(identity, dash.universalName, dash.entityUrn)) found.dash = dash;
    const old = legacyCompanyOf(entity);
    if (!found.legacy && old && namesCompany(identity, old.universalName, old.entityUrn)) found.legacy = old;
  }
  return found.dash || found.legacy ? found : null;
}

/** Industry: a string, an object with a name, or a URN reference resolved through `included[]`. */
function industryOf(company: VoyagerCompany, entities: Map<string, Record<string, unknown>>): string | undefined {
  if (typeof company.industry === 'string') return cleanText(company.industry) || undefined;
  if (company.industry) return cleanText(company.industry.name ?? company.industry.localizedName) || undefined;
  return firstNamed([...(company['*industryV2Taxonomy'] ?? []), ...(company['*industry'] ?? [])], entities);
}

/** The first referenced entity with a name. */
function firstNamed(urns: string[], entities: Map<string, Record<string, unknown>>): string | undefined {
  for (const urn of urns) {
    const name = namedOf(entities.get(urn));
    const text = name ? cleanText(name.name ?? name.localizedName) : '';
    if (text) return text;
  }
  return undefined;
}

/** The code ("PRIVATELY_HELD") does not depend on the UI language; the localised name is the fallback. */
function companyTypeText(type: CompanyType | undefined): string | undefined {
  const value = typeof type === 'string' ? type : type?.code ?? type?.localizedName;
  return value ? cleanText(value) || undefined : undefined;
}

/** The band LinkedIn shows ("1,001-5,000 employees"): `employeeCountRange` (dash) or `staffCountRange` (older). */
function bandOf(range: { start?: number; end?: number } | undefined): RawFacts['employees'] {
  if (range?.start === undefined) return undefined;
  return range.end !== undefined ? { min: range.start, max: range.end } : { min: range.start };
}

/** "$42,000,000" for USD amounts, "EUR 5000000" otherwise. */
function moneyText(money: Money | undefined): string | undefined {
  const amount = Number(money?.amount);
  if (!Number.isFinite(amount) || amount <= 0) return undefined;
  const code = cleanText(money?.currencyCode).toUpperCase();
  return code === 'USD' || code === '' ? formatUsd(amount) : `${code} ${amount}`;
}

function isoDate(date: { year?: number; month?: number; day?: number } | undefined): string | undefined {
  if (date?.year === undefined || date.month === undefined) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day ?? 1)}`;
}

/** Older format's `fundingData.lastFundingRound`: stage, date and a funding signal. */
function fundingOf(company: LegacyCompany): RawFacts {
  const round = company.fundingData?.lastFundingRound;
  if (!round) return {};
  const raw: RawFacts = {};
  if (round.fundingType) raw.fundingStage = cleanText(round.fundingType);
  const date = isoDate(round.announcedOn);
  if (date) {
    raw.lastFundingDate = date;
    const title = [roundLabel(undefined, undefined, round.fundingType?.toLowerCase()), moneyText(round.moneyRaised)].filter(Boolean).join(' — ');
    raw.signals = [title ? { type: 'funding', date, title } : { type: 'funding', date }];
  }
  return raw;
}

function dashFacts(company: VoyagerCompany, entities: Map<string, Record<string, unknown>>, base: URL): RawFacts {
  const raw: RawFacts = {};
  const website = externalUrl(company.websiteUrl ?? company.companyPageUrl, base);
  if (website) raw.domain = website;
  const industry = industryOf(company, entities);
  if (industry) raw.industry = industry;
  // `employeeCount` is the number of associated LinkedIn members, not the headcount, so it is not read.
  raw.employees = bandOf(company.employeeCountRange);
  const address = company.headquarter?.address;
  raw.hqLocation = placeText(address?.city, address?.geographicArea);
  if (address?.country) raw.hqCountry = cleanText(address.country);
  return raw;
}

function legacyFacts(company: LegacyCompany, entities: Map<string, Record<string, unknown>>, base: URL): RawFacts {
  const raw: RawFacts = {};
  const website = externalUrl(company.companyPageUrl ?? company.websiteUrl, base);
  if (website) raw.domain = website;
  const inline = company.companyIndustries?.map((i) => cleanText(i.localizedName ?? i.name)).find((t) => t);
  const industry = inline || firstNamed(company['*companyIndustries'] ?? [], entities);
  if (industry) raw.industry = industry;
  // `staffCount` is the associated member count (like dash `employeeCount`), not the band: not read.
  raw.employees = bandOf(company.staffCountRange);
  const hq = company.headquarter;
  raw.hqLocation = placeText(hq?.city, hq?.geographicArea);
  if (hq?.country) raw.hqCountry = cleanText(hq.country);
  return { ...raw, ...fundingOf(company) };
}

function commonFacts(company: VoyagerCompany | LegacyCompany): RawFacts {
  const raw: RawFacts = {};
  if (company.name) raw.name = cleanText(company.name);
  if (company.foundedOn?.year !== undefined) raw.foundedYear = company.foundedOn.year;
  const type = companyTypeText(company.companyType);
  if (type) raw.companyType = type;
  return raw;
}

/**
 * Raw facts from the identity-matched Voyager company, or null when no embedded block is about this company.
 * A page can carry both formats: the dash entity wins per fact, the older one fills gaps (e.g. funding).
 */
export function readVoyagerCompany(doc: Document, identity: CompanyIdentity, base: URL): { raw: RawFacts; universalName: string } | null {
  const found = findVoyagerCompany(doc, identity);
  if (!found) return null;
  const sources: RawFacts[] = [];
  if (found.dash) sources.push({ ...commonFacts(found.dash), ...dashFacts(found.dash, found.entities, base) });
  if (found.legacy) sources.push({ ...commonFacts(found.legacy), ...legacyFacts(found.legacy, found.entities, base) });
  const universalName = (found.dash ?? found.legacy)!.universalName.toLowerCase();
  return { raw: mergeRaw(sources), universalName };
}
