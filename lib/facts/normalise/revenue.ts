import type { Band } from '../vocabulary';
import { bandFromObject, parseAmountOrBand, withinLimit } from './range';

/** Same bound as the vocabulary: ten trillion dollars is beyond any company's revenue. */
export const MAX_USD = 1e13;

/** Crunchbase revenue_range enum → USD band. */
export const CRUNCHBASE_REVENUE_RANGES: Readonly<Record<string, Band>> = {
  r_00000000: { min: 0, max: 1e6 },
  r_00001000: { min: 1e6, max: 1e7 },
  r_00010000: { min: 1e7, max: 5e7 },
  r_00050000: { min: 5e7, max: 1e8 },
  r_00100000: { min: 1e8, max: 5e8 },
  r_00500000: { min: 5e8, max: 1e9 },
  r_01000000: { min: 1e9, max: 1e10 },
  r_10000000: { min: 1e10 },
};

/**
 * Any currency other than US dollars. We do not guess exchange rates (they move, and a stale rate would quietly
 * shift accounts across revenue bands), so such amounts are left unknown rather than converted.
 */
const OTHER_CURRENCY =
  /[€£¥₹₩₽₺₪]|zł|\b(eur|euros?|gbp|chf|jpy|cny|rmb|inr|cad|aud|nzd|sek|nok|dkk|pln|brl|mxn|krw|rub|zar|sgd|hkd|try|ils)\b|(?<![a-z])(c|ca|a|au|nz|hk|s|r|mx)\$|\bkr\b/i;

/** True when the text names a currency other than US dollars ("€5M", "EUR 5,000,000"). */
export function isNonUsdAmount(text: string): boolean {
  return typeof text === 'string' && OTHER_CURRENCY.test(text);
}

/** US-dollar marks and revenue labels stripped before reading the amount. */
const USD_AND_LABELS = /(us\$|\busd\b|\$|\bus dollars?\b|\bdollars?\b|\bannual\b|\brevenue\b|\bper year\b|\/ ?year|\/ ?yr|\bestimated\b|\best\.|\bapprox\.?|~)/gi;

/**
 * Revenue in US dollars: an exact amount or a band. Reads "$10M-$50M", "$10M to $50M", "$1B+", "USD 410,000,000",
 * "62000000", Crunchbase revenue_range enums and numbers. Other currencies give undefined (see OTHER_CURRENCY).
 */
export function parseRevenueUsd(input: unknown, locale?: string): number | Band | undefined {
  let value: number | Band | undefined;
  if (typeof input === 'number') value = Number.isFinite(input) ? input : undefined;
  else if (input && typeof input === 'object' && !Array.isArray(input)) value = bandFromObject(input);
  else if (typeof input === 'string') value = parseRevenueText(input, locale);
  if (value === undefined || !withinLimit(value, MAX_USD)) return undefined;
  return value;
}

function parseRevenueText(input: string, locale?: string): number | Band | undefined {
  const text = input.trim();
  if (!text || text.length > 100) return undefined;
  const band = CRUNCHBASE_REVENUE_RANGES[text.toLowerCase()];
  if (band) return { ...band };
  if (OTHER_CURRENCY.test(text)) return undefined;
  return parseAmountOrBand(text.replace(USD_AND_LABELS, ' '), locale);
}
