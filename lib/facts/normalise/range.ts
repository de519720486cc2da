import type { Band } from '../vocabulary';
import { parseLocalisedNumber, splitMagnitude } from './number';

/**
 * Amounts and bands written as text, shared by headcount.ts and revenue.ts: "51-200", "10,001+", "10M to 50M",
 * "more than 1,000", "less than 10", "1-5K". The caller strips nouns ("employees") and currency first.
 */

const RANGE_SEPARATOR = /^(.+?)(?:\s*[-–—]\s*|\s+(?:to|bis|à|a|y|and|et|und)\s+)(.+)$/i;
const AT_LEAST_PREFIX = /^(?:more than|over|above|greater than|at least|plus de|mehr als|über|más de|>=|>|≥)\s*/i;
const AT_LEAST_SUFFIX = /\s*(?:\+|or more|and above|and over|or above|et plus|und mehr|o más)$/i;
const AT_MOST_PREFIX = /^(?:less than|under|below|fewer than|up to|moins de|weniger als|unter|bis zu|menos de|<=|<|≤)\s*/i;
const RANGE_PREFIX = /^(?:between|from|de|von|zwischen|entre)\s+/i;

/** A single non-negative amount. */
function amount(text: string, locale?: string): number | undefined {
  const n = parseLocalisedNumber(text.trim(), locale);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** "10-50M" means 10M to 50M: the lower end borrows the upper end's magnitude when that keeps min <= max. */
function rangeEnds(lowText: string, highText: string, locale?: string): Band | undefined {
  const high = amount(highText, locale);
  let low = amount(lowText, locale);
  if (low === undefined || high === undefined) return undefined;
  const lowMagnitude = splitMagnitude(lowText.trim());
  const highMagnitude = splitMagnitude(highText.trim());
  if (!lowMagnitude.hasMagnitude && highMagnitude.hasMagnitude && low * highMagnitude.multiplier <= high) {
    low = Math.round(low * highMagnitude.multiplier * 1e6) / 1e6;
  }
  return low <= high ? { min: low, max: high } : undefined;
}

/** An exact amount, a band, or undefined when the text is not one of the shapes above. */
export function parseAmountOrBand(text: string, locale?: string): number | Band | undefined {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;

  const atMost = s.match(AT_MOST_PREFIX);
  if (atMost) {
    const max = amount(s.slice(atMost[0].length), locale);
    return max === undefined ? undefined : { min: 0, max };
  }
  const atLeastPrefix = s.match(AT_LEAST_PREFIX);
  if (atLeastPrefix) {
    const min = amount(s.slice(atLeastPrefix[0].length), locale);
    return min === undefined ? undefined : { min };
  }
  const atLeastSuffix = s.match(AT_LEAST_SUFFIX);
  if (atLeastSuffix) {
    const min = amount(s.slice(0, s.length - atLeastSuffix[0].length), locale);
    return min === undefined ? undefined : { min };
  }

  const single = amount(s, locale);
  if (single !== undefined) return single;

  const range = s.replace(RANGE_PREFIX, '').match(RANGE_SEPARATOR);
  if (range) return rangeEnds(range[1], range[2], locale);
  return undefined;
}

/** A band object given directly ({min, max}, or LinkedIn's API shape {start, end}), checked. */
export function bandFromObject(input: object): Band | undefined {
  const o = input as Record<string, unknown>;
  const min = o.min ?? o.start;
  const max = o.max ?? o.end;
  if (typeof min !== 'number' || !Number.isFinite(min) || min < 0) return undefined;
  if (max === undefined || max === null) return { min };
  if (typeof max !== 'number' || !Number.isFinite(max) || max < min) return undefined;
  return { min, max };
}

/** True when the amount or band stays within `limit` (bands: both ends). */
export function withinLimit(value: number | Band, limit: number): boolean {
  if (typeof value === 'number') return value >= 0 && value <= limit;
  return value.min <= limit && (value.max ?? 0) <= limit;
}
