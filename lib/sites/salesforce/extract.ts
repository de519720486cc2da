import type { RawFacts, RawFactName } from '../../facts/raw';
import { isCustomFact } from '../../facts/custom';
import type { RawExtraction } from '../types';
import { withShadowHosts, type VisibilityCheck } from './deep-dom';
import type { FieldValue } from './field-value';
import { readHighlights, readHookedFields, type FieldsByApiName } from './readers';
import { findRecordPage } from './record-page';
import {
  ACCOUNT_FIELDS,
  BILLING_ADDRESS_FIELD,
  CUSTOM_FIELD_SUFFIX,
  CUSTOM_FIELDS_AS_FACTS,
  RECORD_TITLE_SEPARATOR,
  RECORD_TITLE_SUFFIX,
} from './selectors';
import { accountIdFromUrl, matchUrl } from './url';

export interface ExtractOptions {
  /** How to tell a shown record page from a hidden cached copy; defaults to attribute/inline-style checks. */
  isVisible?: VisibilityCheck;
}

/**
 * Reads the Account shown on a Lightning record page, raw (picklist labels, "3,250", "USD 410,000,000").
 * Null when the URL is not an Account record, or no visible record page shows the URL's record id yet — or, on
 * pages that carry no record id at all, when the one visible record page's names do not agree with the tab title.
 * Precedence: API-name-hooked fields (Details tab) > highlights panel (by English label) > header name.
 */
export function extract(doc: Document, url: URL, options: ExtractOptions = {}): RawExtraction | null {
  return withShadowHosts(() => read(doc, url, options));
}

function read(doc: Document, url: URL, options: ExtractOptions): RawExtraction | null {
  const ref = matchUrl(url);
  const recordId = accountIdFromUrl(url);
  if (!ref || !recordId) return null;

  const found = findRecordPage(doc, recordId, options.isVisible);
  if (!found) return null;
  const { page } = found;

  const hooked = readHookedFields(page);
  const highlights = readHighlights(page);
  const fields: FieldsByApiName = new Map([...highlights.fields, ...hooked]);
  if (!fields.has('Name') && highlights.name) fields.set('Name', { text: highlights.name });
  if (found.by === 'sole' && !confirmsRecord(doc, highlights.name, fields.get('Name')?.text)) return null;

  const raw = toRawFacts(fields);
  raw.crmId = `salesforce:${recordId}`;
  const locale = doc.documentElement.getAttribute('lang')?.trim() || undefined;
  return { ref, raw, ...(locale ? { locale } : {}) };
}

/**
 * A record page without any record id: the tab title ("<Name> | Account | Salesforce", localised object label) and
 * the names the page shows must agree, and at least one name must be shown. The watcher separately refuses content
 * identical to the previous record's.
 */
function confirmsRecord(doc: Document, highlightsName: string | undefined, fieldName: string | undefined): boolean {
  const names = [highlightsName, fieldName].filter((n): n is string => !!n).map(sameName);
  if (names.length === 0 || names.some((n) => n !== names[0])) return false;
  const titleName = recordNameInTitle(doc.title);
  return titleName === undefined || sameName(titleName) === names[0];
}

const sameName = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** "<Name> | <Object> | Salesforce" → Name; undefined for titles of another shape (e.g. "Lightning Experience"). */
export function recordNameInTitle(title: string): string | undefined {
  const parts = title.split(RECORD_TITLE_SEPARATOR);
  if (parts.length < 3 || parts[parts.length - 1].trim() !== RECORD_TITLE_SUFFIX) return undefined;
  return parts.slice(0, -2).join(' | ').trim() || undefined;
}

/** Maps field values by API name onto fact names (tables in selectors.ts). */
export function toRawFacts(fields: FieldsByApiName): RawFacts {
  const raw: RawFacts = {};
  // The compound address as free text; separate BillingCity / BillingState / BillingCountry fields, when the
  // layout has them, are more precise and normalisation prefers them.
  const address = fields.get(BILLING_ADDRESS_FIELD);
  if (address) Object.assign(raw, splitAddress(address));

  for (const [apiName, value] of fields) {
    const fact = factFor(apiName);
    if (!fact) continue;
    raw[fact] = rawValue(apiName, fact, value);
  }
  for (const key of Object.keys(raw) as RawFactName[]) if (raw[key] === undefined) delete raw[key];
  return raw;
}

function factFor(apiName: string): RawFactName | undefined {
  // Own keys only: a page field named "constructor" must not reach Object.prototype.
  if (Object.hasOwn(ACCOUNT_FIELDS, apiName)) return ACCOUNT_FIELDS[apiName];
  if (!apiName.endsWith(CUSTOM_FIELD_SUFFIX)) return undefined;
  if (Object.hasOwn(CUSTOM_FIELDS_AS_FACTS, apiName)) return CUSTOM_FIELDS_AS_FACTS[apiName];
  const name = `custom.${apiName.slice(0, -CUSTOM_FIELD_SUFFIX.length)}`;
  return isCustomFact(name) ? name : undefined;
}

const isHttpUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

function rawValue(apiName: string, fact: RawFactName, value: FieldValue): string | undefined {
  // Website: the link target is the full URL; the text may be shortened or scheme-less ("www.acme.com").
  if (apiName === 'Website') return value.href ?? value.text;
  // URL facts: only http(s) URLs, whatever the page shows.
  if (fact === 'linkedinUrl' || fact === 'crunchbaseUrl') {
    const candidate = value.href ?? value.text;
    return isHttpUrl(candidate) ? candidate : undefined;
  }
  if (apiName === 'AnnualRevenue') return revenueInCorporateCurrency(value.text);
  return value.text;
}

/**
 * Multi-currency orgs show "EUR 12,000,000 (USD 13,020,000)": the converted amount in the corporate currency
 * follows in parentheses. Prefer it when it is in USD.
 */
function revenueInCorporateCurrency(text: string): string {
  const converted = /\((USD\s*[^)]+)\)/.exec(text);
  return converted ? converted[1].trim() : text;
}

/**
 * BillingAddress renders as lines: street lines, then "City, State Postal" (or "Postal City"), then the country.
 * Street lines are dropped; the city line and the country become one free-text location for normalisation to split.
 */
function splitAddress(value: FieldValue): RawFacts {
  const lines = value.lines ?? [value.text];
  if (lines.length < 2) return { hqLocation: lines[0] };
  return { hqLocation: `${lines[lines.length - 2]}, ${lines[lines.length - 1]}` };
}
