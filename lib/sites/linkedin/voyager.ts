import { z } from 'zod';
import type { RawFacts } from '../../facts/raw';
import { VOYAGER_CODE_BLOCKS, VOYAGER_COMPANY_QUERY_KEY, VOYAGER_COMPANY_TYPE } from './selectors';
import { cleanText, externalUrl, parseJson, placeText } from './text';

/**
 * Logged-in pages embed Voyager API responses in hidden `<code id="bpr-guid-N">` blocks. The company response names
 * the page's company by URN in `data.data.organizationDashCompaniesByUniversalName["*elements"][0]`; the entity
 * itself sits in some block's `included[]`.
 * Pitfalls handled here:
 * - the first block mentioning "headquarter" can be an affiliated company: we match by URN, never by order;
 * - blocks of the first-loaded company stay in the DOM after in-app navigation: `universalName` must equal the slug.
 */

const TEXT_NODE = 3;
const COMMENT_NODE = 8;

// Zod at the boundary. Each field falls back to undefined on its own, so one odd field does not lose the company.
const optionalString = z.string().optional().catch(undefined);
const optionalNumber = z.number().finite().optional().catch(undefined);
const named = z.looseObject({ name: optionalString, localizedName: optionalString });

const companySchema = z.looseObject({
  entityUrn: z.string(),
  $type: z.literal(VOYAGER_COMPANY_TYPE),
  universalName: z.string(),
  name: optionalString,
  websiteUrl: optionalString,
  companyPageUrl: optionalString,
  employeeCountRange: z
    .looseObject({ start: optionalNumber, end: optionalNumber })
    .optional()
    .catch(undefined),
  // Seen as a plain string and as an object with a name. [I] Sometimes only a URN reference (`*industry…`).
  industry: z.union([z.string(), named]).optional().catch(undefined),
  '*industry': z.array(z.string()).optional().catch(undefined),
  '*industryV2Taxonomy': z.array(z.string()).optional().catch(undefined),
  headquarter: z
    .looseObject({
      address: z
        .looseObject({ city: optionalString, geographicArea: optionalString, country: optionalString })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  foundedOn: z.looseObject({ year: optionalNumber }).optional().catch(undefined),
  companyType: z
    .union([z.string(), z.looseObject({ code: optionalString, localizedName: optionalString })])
    .optional()
    .catch(undefined),
});
type VoyagerCompany = z.infer<typeof companySchema>;

const payloadSchema = z.looseObject({
  data: z
    .looseObject({
      data: z
        .looseObject({
          [VOYAGER_COMPANY_QUERY_KEY]: z
            .looseObject({ '*elements': z.array(z.string()).optional().catch(undefined) })
            .nullish()
            .catch(undefined),
        })
        .nullish()
        .catch(undefined),
    })
    .nullish()
    .catch(undefined),
  included: z.array(z.unknown()).optional().catch(undefined),
});
type Payload = z.infer<typeof payloadSchema>;

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
    const parsed = payloadSchema.safeParse(json);
    if (parsed.success) payloads.push(parsed.data);
  }
  return payloads;
}

/** Every entity of every payload's `included[]`, by URN. */
function indexEntities(payloads: Payload[]): Map<string, Record<string, unknown>> {
  const byUrn = new Map<string, Record<string, unknown>>();
  for (const payload of payloads) {
    for (const entity of payload.included ?? []) {
      if (entity && typeof entity === 'object' && typeof (entity as { entityUrn?: unknown }).entityUrn === 'string') {
        const record = entity as Record<string, unknown>;
        if (!byUrn.has(record.entityUrn as string)) byUrn.set(record.entityUrn as string, record);
      }
    }
  }
  return byUrn;
}

/** The Company entity of the page: named by URN in a company response and carrying the URL's slug. */
export function findVoyagerCompany(doc: Document, slug: string): { company: VoyagerCompany; entities: Map<string, Record<string, unknown>> } | null {
  const payloads = readPayloads(doc);
  const entities = indexEntities(payloads);
  for (const payload of payloads) {
    const urn = payload.data?.data?.[VOYAGER_COMPANY_QUERY_KEY]?.['*elements']?.[0];
    if (!urn) continue;
    const parsed = companySchema.safeParse(entities.get(urn));
    if (parsed.success && parsed.data.universalName.toLowerCase() === slug) return { company: parsed.data, entities };
  }
  return null;
}

/** Industry: a string, an object with a name, or a URN reference resolved through `included[]`. */
function industryOf(company: VoyagerCompany, entities: Map<string, Record<string, unknown>>): string | undefined {
  if (typeof company.industry === 'string') return cleanText(company.industry) || undefined;
  if (company.industry) return cleanText(company.industry.name ?? company.industry.localizedName) || undefined;
  for (const urn of [...(company['*industryV2Taxonomy'] ?? []), ...(company['*industry'] ?? [])]) {
    const name = named.safeParse(entities.get(urn));
    const text = name.success ? cleanText(name.data.name ?? name.data.localizedName) : '';
    if (text) return text;
  }
  return undefined;
}

/** Raw facts from the identity-matched Voyager company, or null when no embedded block is about this slug. */
export function readVoyagerCompany(doc: Document, slug: string, base: URL): RawFacts | null {
  const found = findVoyagerCompany(doc, slug);
  if (!found) return null;
  const { company, entities } = found;
  const raw: RawFacts = {};
  if (company.name) raw.name = cleanText(company.name);
  const website = externalUrl(company.websiteUrl ?? company.companyPageUrl, base);
  if (website) raw.domain = website;
  const industry = industryOf(company, entities);
  if (industry) raw.industry = industry;
  // employeeCountRange is the band LinkedIn shows ("1,001-5,000 employees"). `employeeCount` is the number of
  // associated LinkedIn members, not the headcount, so it is not read.
  const range = company.employeeCountRange;
  if (range?.start !== undefined) raw.employees = range.end !== undefined ? { min: range.start, max: range.end } : { min: range.start };
  // "City, Region" as LinkedIn shows it, plus the country code given separately.
  const address = company.headquarter?.address;
  const place = placeText(address?.city, address?.geographicArea);
  if (place) raw.hqLocation = place;
  if (address?.country) raw.hqCountry = cleanText(address.country);
  if (company.foundedOn?.year !== undefined) raw.foundedYear = company.foundedOn.year;
  // The code ("PRIVATELY_HELD") does not depend on the UI language; the localised name is the fallback.
  const type = typeof company.companyType === 'string' ? company.companyType : company.companyType?.code ?? company.companyType?.localizedName;
  if (type) raw.companyType = cleanText(type);
  return raw;
}
