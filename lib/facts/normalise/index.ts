import { parseFacts, type FactProblem } from '../parse';
import type { RawFacts, RawOrigin } from '../raw';
import { FACTS, STANDARD_FACT_NAMES, customValueSchema, factSchema, isCustomFact, type CompanyFacts, type FactName, type FactSource } from '../vocabulary';
import { parseCountry, parseLocation, parseRegion } from './country';
import { parseDate, parseYear } from './date';
import { isBareDomain, parseBoolean, parseDomain, parseHttpUrl } from './domain';
import { parseBuyingProcess, parseCompanyType, parseGrowthPercent, parseLifecycleStage } from './enums';
import { parseFundingStage } from './funding';
import { MAX_EMPLOYEES, parseHeadcount } from './headcount';
import { normaliseIndustry, normaliseIndustryFromCategories, normaliseSubIndustry, type NormalisedIndustry } from './industry';
import { isNonUsdAmount, parseRevenueUsd } from './revenue';
import { canonicalTechnology, parseTechnologies } from './technology';
import { cleanText, quoteRaw } from './text';

export * from './number';
export * from './headcount';
export * from './revenue';
export * from './country';
export * from './funding';
export * from './date';
export * from './technology';
export * from './industries';
export * from './industry';
export * from './industry-translations';
export * from './domain';
export * from './enums';

export interface NormaliseOptions {
  /** Which edge the values come from (LinkedIn, a CSV…). */
  origin: RawOrigin;
  /** Provenance recorded on every fact. */
  source: FactSource;
  /** The page's or file's locale, for "1.234" and "03/05/2024". */
  locale?: string;
}

/** Why a value was refused; the caller adds the quoted raw value. */
class Refused {
  constructor(readonly reason: string) {}
}
type Outcome = unknown; // a normalised value, or a Refused

/** Plain text facts: trimmed, whitespace collapsed. Numbers are accepted (HubSpot ids are numbers). */
function plainText(raw: unknown): Outcome {
  if (typeof raw === 'string') return cleanText(raw);
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return new Refused('expected text');
}

function asString(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function orRefuse<T>(value: T | undefined, reason: string): Outcome {
  return value === undefined ? new Refused(reason) : value;
}

function employees(raw: unknown, locale?: string, origin?: RawOrigin): Outcome {
  // LinkedIn's top card writes its bands short: "1K-5K" is 1,001-5,000 there (headcount.ts).
  const value = parseHeadcount(raw, locale, { linkedinBands: origin === 'linkedin' });
  if (value !== undefined) return value;
  if (typeof raw === 'number' && raw > MAX_EMPLOYEES) return new Refused('employee count above 5,000,000 is not believable');
  return new Refused('could not read a headcount');
}

function usd(raw: unknown, locale?: string): Outcome {
  const value = parseRevenueUsd(raw, locale);
  if (value !== undefined) return value;
  if (typeof raw === 'string' && isNonUsdAmount(raw)) {
    return new Refused('not in US dollars (exchange rates are not guessed)');
  }
  return new Refused('could not read a US-dollar amount');
}

function totalFunding(raw: unknown, locale?: string): Outcome {
  const value = usd(raw, locale);
  if (typeof value === 'object' && !(value instanceof Refused)) return new Refused('a range, but total funding is one amount');
  return value;
}

function country(raw: unknown): Outcome {
  const text = asString(raw);
  if (text === undefined) return new Refused('expected a country');
  // A whole location in the country column ("Austin, TX, USA"): take its country.
  return orRefuse(parseCountry(text) ?? parseLocation(text).hqCountry, 'unknown country');
}

function technologies(raw: unknown, problems: FactProblem[]): Outcome {
  const list = parseTechnologies(raw);
  // One overlong entry must not cost the whole list: drop it and say so.
  const tooLong = list.filter((t) => t.length > 100);
  for (const t of tooLong) problems.push({ field: 'technologies', message: `dropped an entry longer than 100 characters: ${quoteRaw(t)}` });
  const kept = list.filter((t) => t.length <= 100);
  return kept.length > 0 ? kept : new Refused('no technology names');
}

function custom(raw: unknown): Outcome {
  if (typeof raw === 'string') return cleanText(raw);
  if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean') return raw;
  return new Refused('custom facts hold text, a number or yes/no');
}

/** Normalisers for facts that need only the raw value, the locale and the edge. */
const SIMPLE: Partial<Record<FactName, (raw: unknown, locale?: string, origin?: RawOrigin) => Outcome>> = {
  name: plainText,
  crmId: plainText,
  hqRegion: plainText,
  hqCity: plainText,
  owner: plainText,
  incumbentVendor: (raw) => {
    const text = plainText(raw);
    return typeof text === 'string' ? canonicalTechnology(text) : text; // "SFDC" reads as "Salesforce"
  },
  domain: (raw) => orRefuse(parseDomain(asString(raw) ?? ''), 'not a web domain'),
  linkedinUrl: (raw) => orRefuse(parseHttpUrl(asString(raw) ?? ''), 'not an http(s) URL'),
  crunchbaseUrl: (raw) => orRefuse(parseHttpUrl(asString(raw) ?? ''), 'not an http(s) URL'),
  employees,
  revenueUsd: usd,
  totalFundingUsd: totalFunding,
  hqCountry: country,
  foundedYear: (raw) => orRefuse(parseYear(raw), 'not a year between 1600 and 2100'),
  companyType: (raw) => orRefuse(parseCompanyType(raw), 'unknown company type'),
  fundingStage: (raw) => orRefuse(parseFundingStage(asString(raw) ?? ''), 'unknown funding stage'),
  lastFundingDate: (raw, locale) => orRefuse(parseDate(raw, locale), 'not a date'),
  contractRenewalDate: (raw, locale) => orRefuse(parseDate(raw, locale), 'not a date'),
  employeeGrowth6m: (raw, locale) => orRefuse(parseGrowthPercent(raw, locale), 'not a percentage'),
  buyingProcess: (raw) => orRefuse(parseBuyingProcess(raw), 'unknown buying process'),
  lifecycleStage: (raw) => orRefuse(parseLifecycleStage(raw), 'unknown lifecycle stage'),
  championIdentified: (raw) => orRefuse(parseBoolean(raw), 'expected yes or no'),
  budgetOwnerKnown: (raw) => orRefuse(parseBoolean(raw), 'expected yes or no'),
  openToPilot: (raw) => orRefuse(parseBoolean(raw), 'expected yes or no'),
  signals: (raw) => raw, // already structured; parseFacts checks the shape
};

const isStandardFact = (field: string): boolean => (STANDARD_FACT_NAMES as string[]).includes(field);

/** A character cleanText keeps: it removes only whitespace, and \s covers all of it (no-break spaces included). */
const NOT_BLANK = /\S/;

/** Absent: nothing, blank text, or an empty list. */
function isEmpty(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && !NOT_BLANK.test(raw)) || // as cleanText(raw) === '', without making a string
    (Array.isArray(raw) && raw.length === 0)
  );
}

function industryOf(raw: unknown, origin: RawOrigin): NormalisedIndustry | undefined {
  if (Array.isArray(raw)) return normaliseIndustryFromCategories(raw.filter((c): c is string => typeof c === 'string'));
  const text = asString(raw);
  return text === undefined ? undefined : normaliseIndustry(text, origin);
}

/** A standard or custom fact. Own-property check: "toString" or "__proto__" from a hostile CSV header must not reach a lookup table. */
const isKnownField = (field: string): boolean => Object.hasOwn(SIMPLE, field) || isCustomFact(field) || isStandardFact(field);

/**
 * The normaliser for one known fact that reads no other (industry, subIndustry and hqLocation have their own branches
 * in normaliseFacts). Notes that do not refuse the value (a dropped technology) go to `problems`.
 */
function normaliseField(field: string, rawValue: unknown, locale: string | undefined, origin: RawOrigin, problems: FactProblem[]): Outcome {
  if (field === 'technologies') return technologies(rawValue, problems);
  const simple = Object.hasOwn(SIMPLE, field) ? SIMPLE[field as FactName] : undefined;
  if (simple) return simple(rawValue, locale, origin);
  if (isCustomFact(field)) return custom(rawValue);
  return rawValue; // a standard fact with no normaliser: parseFacts checks it as is
}

/**
 * Facts whose normalisation reads or fills other facts (see normaliseFacts' "Derived facts"): normaliseLoneFact
 * refuses them.
 */
export const LINKED_FACTS: ReadonlySet<string> = new Set(['industry', 'subIndustry', 'hqLocation', 'hqCity', 'hqRegion', 'hqCountry']);

/**
 * Cells already in their fact's normal form: normaliseFacts would keep them exactly as they are, with no problem.
 * A shortcut for normaliseLoneFact on the columns whose cells never repeat (names, domains, ids), where normalising
 * and checking every cell cost more than all the rest of a CSV row. Each test must imply both the normaliser's
 * output and the vocabulary's check; tests/unit/csv/row-cache.test.ts compares them with normaliseFacts.
 */
const CLEAN_TEXT = /^(?:\S+ )*\S+$/; // what cleanText leaves as it is (and not blank)
/** Clean text within text(max)'s length, which is all that schema checks once trimmed. */
const cleanTextUpTo = (max: number | null) => (raw: string) => max !== null && raw.length <= max && CLEAN_TEXT.test(raw);
const NORMAL_FORM: Partial<Record<FactName, (raw: string) => boolean>> = {
  name: cleanTextUpTo(FACTS.name.schema.maxLength),
  crmId: cleanTextUpTo(FACTS.crmId.schema.maxLength),
  owner: cleanTextUpTo(FACTS.owner.schema.maxLength),
  // parseDomain keeps a bare domain as it is, and the vocabulary's domain pattern takes every bare domain.
  domain: isBareDomain,
};
const customNormalForm = cleanTextUpTo(customValueSchema.options[0].maxLength);

/**
 * The normal-form test of a lone fact, undefined when it has none: when it passes, normaliseLoneFact(field, raw)
 * is raw itself. For callers that test every cell of a column (lib/csv/row-cache.ts), so the field's lookups are
 * made once per column rather than per cell.
 */
export function normalFormCheck(field: string): ((raw: string) => boolean) | undefined {
  if (LINKED_FACTS.has(field)) return undefined;
  const check = Object.hasOwn(NORMAL_FORM, field) ? NORMAL_FORM[field as FactName] : undefined;
  return check ?? (isCustomFact(field) ? customNormalForm : undefined);
}

/** CLEAN_TEXT of ASCII characters only. */
const CLEAN_ASCII = /^(?:[^\s\u0080-\uffff]+ )*[^\s\u0080-\uffff]+$/;
const cleanAsciiUpTo = (max: number | null) => (raw: string) => max !== null && raw.length <= max && CLEAN_ASCII.test(raw);
const ASCII_NORMAL_FORM: Partial<Record<FactName, (raw: string) => boolean>> = {
  name: cleanAsciiUpTo(FACTS.name.schema.maxLength),
  crmId: cleanAsciiUpTo(FACTS.crmId.schema.maxLength),
  owner: cleanAsciiUpTo(FACTS.owner.schema.maxLength),
  domain: isBareDomain, // ASCII only already
};
const customAsciiNormalForm = cleanAsciiUpTo(customValueSchema.options[0].maxLength);

/**
 * normalFormCheck for cells that are also all ASCII: a cell that passes passes normalFormCheck, and reads the same
 * whether taken as text or as UTF-8 bytes one per character. For `icp score`, which reads files as bytes
 * (lib/csv/score-stream.ts): a cell that passes is its own value without being decoded, in one test instead of two.
 */
export function asciiNormalFormCheck(field: string): ((raw: string) => boolean) | undefined {
  if (LINKED_FACTS.has(field)) return undefined;
  const check = Object.hasOwn(ASCII_NORMAL_FORM, field) ? ASCII_NORMAL_FORM[field as FactName] : undefined;
  return check ?? (isCustomFact(field) ? customAsciiNormalForm : undefined);
}

function isNormalForm(field: string, raw: string): boolean {
  return normalFormCheck(field)?.(raw) ?? false;
}

/** normaliseLoneFact's answer for a value that normaliseFacts would report any problem about. */
export const REJECTED: unique symbol = Symbol('rejected');

/** Scratch for normaliseLoneFact's notes: it only asks whether there were any, so one array serves every call. */
const loneProblems: FactProblem[] = [];

/**
 * One fact on its own, for batch callers that remember what each cell normalises to (lib/csv/row-cache.ts): the
 * value `normaliseFacts({ [field]: raw })` would give the fact once checked against the vocabulary, undefined when
 * it would give none (a blank cell), or REJECTED when it would report any problem (the caller then asks
 * normaliseFacts for the messages). The same normalisers and checks, without the objects normaliseFacts makes.
 * `field` must not be one of LINKED_FACTS: those depend on each other.
 */
export function normaliseLoneFact(field: string, raw: unknown, options: Omit<NormaliseOptions, 'source'>): unknown {
  if (LINKED_FACTS.has(field)) throw new Error(`${field} is normalised with the facts it is linked to`);
  if (isEmpty(raw)) return undefined;
  if (!isKnownField(field)) return REJECTED;
  // Most identifier cells are already normal: no normaliser, no schema check, nothing allocated.
  if (typeof raw === 'string' && isNormalForm(field, raw)) return raw;
  loneProblems.length = 0;
  let outcome: Outcome;
  try {
    outcome = normaliseField(field, raw, options.locale, options.origin, loneProblems);
  } catch {
    return REJECTED;
  }
  if (outcome instanceof Refused || loneProblems.length > 0) return REJECTED;
  // As parseFacts: these are no value, and the rest must pass the fact's schema.
  if (outcome === undefined || outcome === null || outcome === '') return undefined;
  const checked = factSchema(field)!.safeParse(outcome);
  return checked.success ? checked.data : REJECTED;
}

/**
 * Normalises raw facts from one edge and checks them against the vocabulary. Each value goes through the
 * normaliser for its fact; a value that cannot be read becomes a problem quoting it (cut to 80 characters) and
 * the other facts are kept. Never throws for bad values. Normalising already-normal facts changes nothing.
 *
 * Derived facts: `hqLocation` fills hqCity / hqRegion / hqCountry, a known hqRegion fills hqCountry, and
 * `industry` fills subIndustry (and a known subIndustry fills industry), each only where the raw facts gave no
 * usable value of their own. A region abbreviation is expanded the same way from either field ("NS" → "Nova
 * Scotia" when the country is Canada).
 */
export function normaliseFacts(
  raw: RawFacts,
  options: NormaliseOptions,
): { facts: CompanyFacts; problems: FactProblem[] } {
  const { origin, source, locale } = options;
  // Null-prototype records: field names come from pages and CSV headers.
  const values: Record<string, unknown> = Object.create(null);
  const rawOf: Record<string, unknown> = Object.create(null);
  const problems: FactProblem[] = [];
  const refuse = (field: string, rawValue: unknown, reason: string) =>
    problems.push({ field, message: `${reason}: ${quoteRaw(rawValue)}` });

  let impliedSubIndustry: string | undefined;
  let impliedIndustry: string | undefined;
  let location: unknown;

  for (const [field, rawValue] of Object.entries(raw)) {
    if (isEmpty(rawValue)) continue;
    rawOf[field] = rawValue;
    try {
      if (field === 'hqLocation') {
        location = rawValue;
      } else if (field === 'industry') {
        const found = industryOf(rawValue, origin);
        if (!found) refuse(field, rawValue, 'unknown industry');
        else {
          values.industry = found.industry;
          impliedSubIndustry = found.subIndustry;
        }
      } else if (field === 'subIndustry') {
        const text = asString(rawValue);
        if (text === undefined) refuse(field, rawValue, 'expected text');
        else {
          // A known sub-industry gets its canonical spelling and its parent; sub-industries finer than the
          // taxonomy ("Regional Banks") are kept as written.
          const found = normaliseSubIndustry(text);
          values.subIndustry = found?.subIndustry ?? cleanText(text);
          impliedIndustry = found?.industry;
        }
      } else if (isKnownField(field)) {
        const outcome = normaliseField(field, rawValue, locale, origin, problems);
        if (outcome instanceof Refused) refuse(field, rawValue, outcome.reason);
        else values[field] = outcome;
      } else {
        problems.push({ field, message: `unknown fact ${quoteRaw(field)} (custom facts are named custom.<name>)` });
      }
    } catch {
      refuse(field, rawValue, 'could not read'); // a normaliser bug must not lose the other facts
    }
  }

  if (values.subIndustry === undefined && impliedSubIndustry) values.subIndustry = impliedSubIndustry;
  if (values.industry === undefined && impliedIndustry) values.industry = impliedIndustry;

  if (location !== undefined) {
    const parsed = typeof location === 'string' ? parseLocation(location) : {};
    if (!parsed.hqCity && !parsed.hqRegion && !parsed.hqCountry) refuse('hqLocation', location, 'could not read a location');
    for (const key of ['hqCity', 'hqRegion', 'hqCountry'] as const) {
      if (values[key] === undefined && parsed[key]) values[key] = parsed[key];
    }
  }

  // A region from its own field reads as it would in a location line: "NS" with country CA → "Nova Scotia",
  // "TX" → "Texas" (and the US when no country was given).
  if (typeof values.hqRegion === 'string') {
    const country = typeof values.hqCountry === 'string' ? values.hqCountry : undefined;
    const region = parseRegion(values.hqRegion, country);
    values.hqRegion = region.name;
    if (values.hqCountry === undefined && region.country) values.hqCountry = region.country;
  }

  const checked = parseFacts(values, source);
  for (const problem of checked.problems) {
    const rawValue = rawOf[problem.field];
    problems.push(rawValue === undefined ? problem : { ...problem, message: `${problem.message}: ${quoteRaw(rawValue)}` });
  }
  return { facts: checked.facts, problems };
}
