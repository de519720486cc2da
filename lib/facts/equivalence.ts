import { parseCountry } from './normalise/country';
import { parseDomain } from './normalise/domain';
import { normaliseIndustry } from './normalise/industry';
import { lookupKey } from './normalise/text';
import type { Band } from './vocabulary';

/**
 * When two sources' values for one fact say the same thing, so the card flags only real conflicts:
 *
 * - URLs compare canonically: no scheme, no "www." or country subdomain, no trailing slash, query or fragment, case
 *   folded; a LinkedIn company URL is `linkedin.com/company/<slug>` whatever page of it was linked ("/about/",
 *   "/mycompany/"), a Crunchbase one `crunchbase.com/organization/<slug>`.
 * - Domains compare without "www." and case.
 * - A number agrees with a band that contains it ("412" and "201-500"); two bands agree when one contains the other
 *   (a source with finer bands); two numbers only when equal.
 * - Countries and industries compare after normalisation ("Germany" = "DE"; "COMPUTER_SOFTWARE" = "Software
 *   Development"); other text ignores case, accents and punctuation.
 * - Lists compare as sets of such texts.
 */
export function sameFactValue(field: string, a: unknown, b: unknown): boolean {
  if (isNumberLike(a) && isNumberLike(b)) return numbersAgree(a, b);
  if (typeof a === 'string' && typeof b === 'string') return textKey(field, a) === textKey(field, b);
  if (Array.isArray(a) && Array.isArray(b)) return setKey(field, a) === setKey(field, b);
  return structuralKey(a) === structuralKey(b);
}

type NumberLike = number | Band;
const isNumberLike = (v: unknown): v is NumberLike =>
  typeof v === 'number' || (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Band).min === 'number');
const bandOf = (v: NumberLike): { min: number; max: number } =>
  typeof v === 'number' ? { min: v, max: v } : { min: v.min, max: v.max ?? Infinity };
const contains = (outer: { min: number; max: number }, inner: { min: number; max: number }) => outer.min <= inner.min && inner.max <= outer.max;

function numbersAgree(a: NumberLike, b: NumberLike): boolean {
  const x = bandOf(a);
  const y = bandOf(b);
  return contains(x, y) || contains(y, x);
}

/** "https://uk.linkedin.com/company/Acme/about/?trk=x" → "linkedin.com/company/acme". */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`);
  } catch {
    return raw.trim().toLowerCase();
  }
  let host = url.hostname.toLowerCase().replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s).toLowerCase());
  if (/(^|\.)linkedin\.com$/.test(host)) {
    host = 'linkedin.com';
    const at = segments.findIndex((s) => s === 'company' || s === 'school' || s === 'showcase');
    if (at !== -1 && segments[at + 1]) return `${host}/company/${segments[at + 1]}`;
  }
  if (/(^|\.)crunchbase\.com$/.test(host)) {
    host = 'crunchbase.com';
    const at = segments.findIndex((s) => s === 'organization');
    if (at !== -1 && segments[at + 1]) return `${host}/organization/${segments[at + 1]}`;
  }
  return [host, ...segments].join('/');
}

function textKey(field: string, s: string): string {
  if (field.endsWith('Url') || /^https?:\/\//i.test(s.trim())) return `url:${canonicalUrl(s)}`;
  if (field === 'domain') return `domain:${parseDomain(s) ?? s.trim().toLowerCase().replace(/^www\./, '')}`;
  if (field === 'hqCountry') return `country:${parseCountry(s) ?? lookupKey(s)}`;
  if (field === 'industry') return `industry:${normaliseIndustry(s)?.industry ?? lookupKey(s)}`;
  if (field === 'subIndustry') return `sub:${normaliseIndustry(s)?.subIndustry ?? lookupKey(s)}`;
  return `text:${lookupKey(s) || s.trim().toLowerCase()}`;
}

function setKey(field: string, list: unknown[]): string {
  return [...new Set(list.map((v) => (typeof v === 'string' ? textKey(field, v) : structuralKey(v))))].sort().join('|');
}

/** Objects with their keys in a fixed order, so equal values give equal keys. */
function structuralKey(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${structuralKey((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(structuralKey).sort().join(',')}]`;
  return JSON.stringify(value);
}
