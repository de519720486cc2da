import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { VOYAGER_COMPANY_QUERY_KEY, VOYAGER_COMPANY_TYPE, VOYAGER_LEGACY_COMPANY_TYPE } from '../../../lib/sites/linkedin/selectors';
import { jsonLdOrganizationOf, legacyCompanyOf, namedOf, voyagerCompanyOf, voyagerPayloadOf } from '../../../lib/sites/linkedin/shapes';
import { int, pick, random, type Rnd } from '../fuzz/seeds';

/**
 * LinkedIn's embedded data is checked by hand in the content script (lib/sites/linkedin/shapes.ts says why). These
 * are the zod schemas it was read with before, kept as the reference: on every generated value, each hand check must
 * give what its schema gave (the parsed value on success, undefined on failure). The reference objects strip unknown
 * keys (`z.object`; the adapters' were `z.looseObject`, which accepts the same values and passes the rest through) so
 * that outputs compare key for key.
 */
/** A field that falls back to undefined on its own when odd, so one odd field does not lose the rest; and for null. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const lenientNullish = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullish(schema), undefined);
const text = lenient(z.string());
const num = lenient(z.number());
const named = z.object({ name: text, localizedName: text });
const range = lenient(z.object({ start: num, end: num }));
const flatAddress = z.object({ city: text, geographicArea: text, country: text });
const companyType = lenient(z.union([z.string(), z.object({ code: text, localizedName: text })]));
const urnList = lenient(z.array(z.string()));
const money = lenient(z.object({ amount: lenient(z.union([z.string(), z.number()])), currencyCode: text }));
const date = lenient(z.object({ year: num, month: num, day: num }));
const elements = z.object({ '*elements': lenient(z.array(z.string())) });

const REFERENCE = {
  organization: z.object({
    '@type': z.union([z.string(), z.array(z.string())]),
    url: z.string(),
    name: text,
    sameAs: lenient(z.union([z.string(), z.array(z.string())])),
    address: lenient(z.object({ addressLocality: text, addressRegion: text, addressCountry: lenient(z.union([z.string(), z.object({ name: text })])) })),
  }),
  named,
  company: z.object({
    entityUrn: z.string(),
    $type: z.literal(VOYAGER_COMPANY_TYPE),
    universalName: z.string(),
    name: text,
    websiteUrl: text,
    companyPageUrl: text,
    employeeCountRange: range,
    industry: lenient(z.union([z.string(), named])),
    '*industry': urnList,
    '*industryV2Taxonomy': urnList,
    headquarter: lenient(z.object({ address: lenient(flatAddress) })),
    foundedOn: lenient(z.object({ year: num })),
    companyType,
  }),
  legacyCompany: z.object({
    entityUrn: z.string(),
    $type: z.literal(VOYAGER_LEGACY_COMPANY_TYPE),
    universalName: z.string(),
    name: text,
    companyPageUrl: text,
    websiteUrl: text,
    staffCountRange: range,
    headquarter: lenient(flatAddress),
    foundedOn: lenient(z.object({ year: num })),
    companyType,
    '*companyIndustries': urnList,
    companyIndustries: lenient(z.array(named)),
    fundingData: lenient(
      z.object({
        numFundingRounds: num,
        lastFundingRound: lenient(z.object({ fundingType: text, announcedOn: date, moneyRaised: money })),
      }),
    ),
  }),
  payload: z.object({
    data: lenientNullish(z.object({ '*elements': lenient(z.array(z.string())), data: lenientNullish(z.object({ [VOYAGER_COMPANY_QUERY_KEY]: lenientNullish(elements) })) })),
    included: lenient(z.array(z.unknown())),
  }),
};

const KEYS = [
  '@type', 'url', 'name', 'sameAs', 'address', 'addressLocality', 'addressRegion', 'addressCountry', 'localizedName', 'entityUrn', '$type',
  'universalName', 'websiteUrl', 'companyPageUrl', 'employeeCountRange', 'staffCountRange', 'start', 'end', 'industry', '*industry',
  '*industryV2Taxonomy', 'headquarter', 'city', 'geographicArea', 'country', 'foundedOn', 'year', 'month', 'day', 'companyType', 'code',
  '*companyIndustries', 'companyIndustries', 'fundingData', 'numFundingRounds', 'lastFundingRound', 'fundingType', 'announcedOn',
  'moneyRaised', 'amount', 'currencyCode', 'data', '*elements', 'included', VOYAGER_COMPANY_QUERY_KEY, 'other',
];
const LEAVES: unknown[] = [
  '', ' Acme ', 'Organization', 'urn:li:fsd_company:1', 'https://www.linkedin.com/company/acme/', 'USD', 0, 11, 2015, -1, 1.5,
  Infinity, -Infinity, Number.NaN, null, true, false, undefined, VOYAGER_COMPANY_TYPE, VOYAGER_LEGACY_COMPANY_TYPE,
];

/** A JSON-like value (plus the non-finite numbers `1e309` parses to) from a small vocabulary of the data's keys. */
function value(rnd: Rnd, depth: number): unknown {
  const roll = int(rnd, 10);
  if (depth <= 0 || roll < 4) return pick(rnd, LEAVES);
  if (roll < 6) return Array.from({ length: int(rnd, 3) }, () => (int(rnd, 2) ? pick(rnd, ['a', 'urn:li:x', '']) : value(rnd, depth - 1)));
  const object: Record<string, unknown> = {};
  for (let i = int(rnd, 5); i > 0; i--) object[pick(rnd, KEYS)] = value(rnd, depth - 1);
  return object;
}

/** Values shaped like the data's (an Organization, a company of each format, a response), each part random, so some fail. */
function shaped(rnd: Rnd): unknown {
  const leaf = () => (int(rnd, 5) < 3 ? pick(rnd, ['', 'acme', ' Austin ', 'urn:li:fsd_company:1', 'Organization']) : int(rnd, 2) ? value(rnd, 2) : pick(rnd, LEAVES));
  const num = () => (int(rnd, 4) ? pick(rnd, [1, 51, 200, 2015, 3]) : leaf());
  const maybe = (make: () => unknown) => (int(rnd, 4) === 0 ? undefined : make());
  const list = (make: () => unknown) => Array.from({ length: int(rnd, 3) }, make);
  const obj = (make: () => Record<string, unknown>) => (int(rnd, 6) === 0 ? leaf() : make());
  const namedish = () => obj(() => ({ name: maybe(leaf), localizedName: maybe(leaf) }));
  const address = () => obj(() => ({ city: maybe(leaf), geographicArea: maybe(leaf), country: maybe(leaf) }));
  const common = (type: string) => ({
    entityUrn: int(rnd, 8) ? 'urn:li:fsd_company:1' : leaf(),
    $type: int(rnd, 8) ? type : pick(rnd, [VOYAGER_COMPANY_TYPE, VOYAGER_LEGACY_COMPANY_TYPE, 'x', undefined]),
    universalName: int(rnd, 8) ? 'acme' : leaf(),
    name: maybe(leaf),
    websiteUrl: maybe(leaf),
    companyPageUrl: maybe(leaf),
    foundedOn: maybe(() => obj(() => ({ year: num() }))),
    companyType: maybe(() => (int(rnd, 2) ? leaf() : obj(() => ({ code: maybe(leaf), localizedName: maybe(leaf) })))),
  });
  const templates: (() => unknown)[] = [
    () => ({
      '@type': pick(rnd, ['Organization', ['Organization', 'Corporation'], ['Organization', 3], 'WebPage', undefined, null]),
      url: int(rnd, 6) ? 'https://www.linkedin.com/company/acme' : leaf(),
      name: maybe(leaf),
      sameAs: maybe(() => pick(rnd, [leaf(), list(leaf), ['acme.io', 'https://acme.io']])),
      address: maybe(() => obj(() => ({ addressLocality: maybe(leaf), addressRegion: maybe(leaf), addressCountry: maybe(() => (int(rnd, 2) ? leaf() : obj(() => ({ name: maybe(leaf) })))) }))),
    }),
    () => ({
      ...common(VOYAGER_COMPANY_TYPE),
      employeeCountRange: maybe(() => obj(() => ({ start: maybe(num), end: maybe(num) }))),
      industry: maybe(() => (int(rnd, 2) ? leaf() : namedish())),
      '*industry': maybe(() => list(leaf)),
      '*industryV2Taxonomy': maybe(() => list(() => 'urn:li:fsd_industry:4')),
      headquarter: maybe(() => obj(() => ({ address: maybe(address) }))),
    }),
    () => ({
      ...common(VOYAGER_LEGACY_COMPANY_TYPE),
      staffCountRange: maybe(() => obj(() => ({ start: maybe(num), end: maybe(num) }))),
      headquarter: maybe(address),
      '*companyIndustries': maybe(() => list(leaf)),
      companyIndustries: maybe(() => list(namedish)),
      fundingData: maybe(() =>
        obj(() => ({
          numFundingRounds: maybe(num),
          lastFundingRound: maybe(() =>
            obj(() => ({
              fundingType: maybe(leaf),
              announcedOn: maybe(() => obj(() => ({ year: maybe(num), month: maybe(num), day: maybe(num) }))),
              moneyRaised: maybe(() => obj(() => ({ amount: maybe(() => (int(rnd, 2) ? num() : leaf())), currencyCode: maybe(leaf) }))),
            })),
          ),
        })),
      ),
    }),
    () => ({
      data: maybe(() =>
        obj(() => ({
          '*elements': maybe(() => list(() => (int(rnd, 5) ? 'urn:li:fsd_company:1' : leaf()))),
          data: maybe(() => obj(() => ({ [VOYAGER_COMPANY_QUERY_KEY]: maybe(() => obj(() => ({ '*elements': maybe(() => list(leaf)) }))) }))),
        })),
      ),
      included: maybe(() => (int(rnd, 4) ? list(() => value(rnd, 2)) : leaf())),
    }),
  ];
  return pick(rnd, templates)();
}

const ok = <T>(result: { success: boolean; data?: T }) => (result.success ? result.data : undefined);

/** What the Voyager reader took from a response: the URNs it names, dash first, and its included entities. */
function referencePayload(v: unknown) {
  const payload = ok(REFERENCE.payload.safeParse(v));
  if (!payload) return undefined;
  const urns = [payload.data?.data?.[VOYAGER_COMPANY_QUERY_KEY]?.['*elements']?.[0], payload.data?.['*elements']?.[0]];
  return { companyUrns: urns.filter((u): u is string => typeof u === 'string'), included: payload.included ?? [] };
}

describe('LinkedIn data shapes, checked by hand, against the zod schemas they replace', () => {
  const rnd = random(84);
  const values = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? value(rnd, 4) : shaped(rnd)));

  it('reads JSON-LD Organizations as the schema did', () => {
    for (const v of values) expect(jsonLdOrganizationOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.organization.safeParse(v)));
  });

  it('reads Voyager companies of both formats, and named entities, as the schemas did', () => {
    for (const v of values) {
      expect(voyagerCompanyOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.company.safeParse(v)));
      expect(legacyCompanyOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.legacyCompany.safeParse(v)));
      expect(namedOf(v), JSON.stringify(v)).toEqual(ok(REFERENCE.named.safeParse(v)));
    }
  });

  it('reads Voyager responses as the schema did', () => {
    for (const v of values) expect(voyagerPayloadOf(v), JSON.stringify(v)).toEqual(referencePayload(v));
  });

  it('generated enough of each shape to mean something', () => {
    const count = (check: (v: unknown) => unknown) => values.filter((v) => check(v) !== undefined).length;
    expect(count(jsonLdOrganizationOf)).toBeGreaterThan(1000);
    expect(count(voyagerCompanyOf)).toBeGreaterThan(1000);
    expect(count(legacyCompanyOf)).toBeGreaterThan(1000);
    expect(count((v) => legacyCompanyOf(v)?.fundingData?.lastFundingRound?.moneyRaised?.amount)).toBeGreaterThan(100);
    expect(count((v) => legacyCompanyOf(v)?.companyIndustries)).toBeGreaterThan(300);
    expect(count((v) => voyagerCompanyOf(v)?.headquarter?.address?.city)).toBeGreaterThan(100);
    expect(count((v) => jsonLdOrganizationOf(v)?.address?.addressCountry)).toBeGreaterThan(300);
    expect(count((v) => voyagerPayloadOf(v)?.companyUrns[0])).toBeGreaterThan(500);
    expect(count((v) => voyagerPayloadOf(v)?.companyUrns[1])).toBeGreaterThan(50);
  });
});
