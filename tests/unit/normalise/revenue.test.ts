import { describe, expect, it } from 'vitest';
import { isNonUsdAmount, parseRevenueUsd } from '../../../lib/facts/normalise/revenue';

describe('parseRevenueUsd', () => {
  it.each<[unknown, unknown]>([
    ['$10M-$50M', { min: 10e6, max: 50e6 }],
    ['$10M - $50M', { min: 10e6, max: 50e6 }],
    ['$10M to $50M', { min: 10e6, max: 50e6 }],
    ['$10-50M', { min: 10e6, max: 50e6 }],
    ['$1B+', { min: 1e9 }],
    ['less than $1M', { min: 0, max: 1e6 }],
    ['USD 410,000,000', 410e6],
    ['US$5M', 5e6],
    ['$62,000,000', 62e6],
    ['62000000', 62e6],
    ['$2.5M', 2.5e6],
    [62000000, 62e6],
    // Crunchbase revenue_range
    ['r_00000000', { min: 0, max: 1e6 }],
    ['r_00001000', { min: 1e6, max: 10e6 }],
    ['r_00010000', { min: 10e6, max: 50e6 }],
    ['r_00050000', { min: 50e6, max: 100e6 }],
    ['r_00100000', { min: 100e6, max: 500e6 }],
    ['r_00500000', { min: 500e6, max: 1e9 }],
    ['r_01000000', { min: 1e9, max: 10e9 }],
    ['r_10000000', { min: 10e9 }],
    // already normal
    [{ min: 10e6, max: 50e6 }, { min: 10e6, max: 50e6 }],
  ])('%j → %j', (input, expected) => {
    expect(parseRevenueUsd(input)).toEqual(expected);
  });

  it.each<[unknown]>([
    ['€5M'],
    ['EUR 5,000,000'],
    ['£10M'],
    ['5 000 000 CHF'],
    ['A$5M'],
    ['CA$5M'],
    ['¥1B'],
    ['abc'],
    [''],
    [-1],
    [1e14],
    ['$50M-$10M'],
    ['r_99999999'],
  ])('rejects %j', (input) => {
    expect(parseRevenueUsd(input)).toBeUndefined();
  });

  it('tells non-USD amounts apart', () => {
    expect(isNonUsdAmount('€5M')).toBe(true);
    expect(isNonUsdAmount('EUR 5,000,000')).toBe(true);
    expect(isNonUsdAmount('US$5M')).toBe(false);
    expect(isNonUsdAmount('$5M')).toBe(false);
  });
});
