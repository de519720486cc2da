import { describe, expect, it } from 'vitest';
import { parseLocalisedNumber } from '../../../lib/facts/normalise/number';

describe('parseLocalisedNumber', () => {
  it.each<[string | number, string | undefined, number]>([
    ['3,250', undefined, 3250],
    ['3,250', 'en-US', 3250],
    ['1.234', 'de-DE', 1234],
    ['1.234', 'en-US', 1.234],
    ['1 234', 'fr-FR', 1234],
    ['1\u00A0234', 'fr-FR', 1234], // no-break space
    ['1\u202F234', 'fr-FR', 1234], // narrow no-break space (what Intl writes for fr)
    ["1'234", 'de-CH', 1234],
    ['1,5', 'de', 1.5],
    ['1,5', 'de-DE', 1.5],
    ['1,234,567', undefined, 1234567],
    ['1.234.567', 'de-DE', 1234567],
    ['1,234.5', undefined, 1234.5],
    ['1.234,5', 'de-DE', 1234.5],
    ['5K', undefined, 5000],
    ['12 k', undefined, 12000],
    ['2.5M', undefined, 2_500_000],
    ['2.3M', undefined, 2_300_000], // no float noise
    ['1.2B', undefined, 1_200_000_000],
    ['1,2 Mio.', 'de', 1_200_000],
    ['3 Mrd.', 'de', 3_000_000_000],
    ['10MM', undefined, 10_000_000],
    ['5 million', undefined, 5_000_000],
    ['$62,000,000', undefined, 62_000_000],
    ['€1.234', 'de-DE', 1234],
    ['62000000', undefined, 62_000_000],
    ['6.2E+07', undefined, 62_000_000],
    ['-3.5', undefined, -3.5],
    ['+12', undefined, 12],
    [42, undefined, 42],
  ])('%j (%s) → %d', (text, locale, expected) => {
    expect(parseLocalisedNumber(text, locale)).toBe(expected);
  });

  it.each<[string | number, string?]>([
    ['abc'],
    [''],
    ['   '],
    ['1e999'],
    [Infinity],
    [NaN],
    ['1,2345,6'],
    ['12,34,567'],
    ['1.2.3,4,5'],
    ['1,'],
    ['5 desks'],
    ['K'],
  ])('rejects %j', (text, locale) => {
    expect(parseLocalisedNumber(text, locale)).toBeUndefined();
  });
});
