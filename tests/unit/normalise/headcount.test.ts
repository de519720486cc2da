import { describe, expect, it } from 'vitest';
import { parseHeadcount } from '../../../lib/facts/normalise/headcount';

describe('parseHeadcount', () => {
  it.each<[unknown, string | undefined, unknown]>([
    // LinkedIn bands, several languages
    ['1,001-5,000 employees', undefined, { min: 1001, max: 5000 }],
    ['10,001+ employees', undefined, { min: 10001 }],
    ['10,001+', undefined, { min: 10001 }],
    ['51-200', undefined, { min: 51, max: 200 }],
    ['2-10 employees', undefined, { min: 2, max: 10 }],
    ['201–500 employés', 'fr-FR', { min: 201, max: 500 }], // en dash
    ['1 001-5 000 employés', 'fr-FR', { min: 1001, max: 5000 }],
    ['1.001-5.000 Beschäftigte', 'de-DE', { min: 1001, max: 5000 }],
    ['11-50 empleados', 'es-ES', { min: 11, max: 50 }],
    ['51-200 Angestellte', 'de-DE', { min: 51, max: 200 }], // a noun not in our list
    ['de 11 a 50 empleados', 'es-ES', { min: 11, max: 50 }],
    ['51 to 200 employees', undefined, { min: 51, max: 200 }],
    ['Company size: 51-200 employees', undefined, { min: 51, max: 200 }],
    ['more than 1,000 employees', undefined, { min: 1000 }],
    ['less than 10', undefined, { min: 0, max: 10 }],
    // Crunchbase and LinkedIn API enums
    ['c_00251_00500', undefined, { min: 251, max: 500 }],
    ['c_00001_00010', undefined, { min: 1, max: 10 }],
    ['c_10001_max', undefined, { min: 10001 }],
    ['SIZE_51_TO_200', undefined, { min: 51, max: 200 }],
    ['SIZE_10001_OR_MORE', undefined, { min: 10001 }],
    // exact counts
    ['5K', undefined, 5000],
    ['3,250', undefined, 3250],
    // no locale: dots in a whole number can only group thousands (nobody has 1.2 employees)
    ['1.200', undefined, 1200],
    ['1.001-5.000', undefined, { min: 1001, max: 5000 }],
    ['3.250', 'de-DE', 3250],
    ['3,250 employees', undefined, 3250],
    [3250, undefined, 3250],
    [0, undefined, 0],
    ['Self-employed', undefined, 1],
    ['Myself only', undefined, 1],
    // already normal values pass through
    [{ min: 51, max: 200 }, undefined, { min: 51, max: 200 }],
    [{ min: 10001 }, undefined, { min: 10001 }],
    [{ start: 51, end: 200 }, undefined, { min: 51, max: 200 }], // LinkedIn API staffCountRange
  ])('%j (%s) → %j', (input, locale, expected) => {
    expect(parseHeadcount(input, locale)).toEqual(expected);
  });

  it.each<[unknown]>([
    ['abc'],
    [''],
    ['employees'],
    [-5],
    [NaN],
    [5_000_001],
    ['10,000,000 employees'],
    ['1e999'],
    ['200-51'],
    [{ min: 10, max: 5 }],
    [{ min: 1, max: 6_000_000 }],
    [null],
    [true],
    [['51-200']],
  ])('rejects %j', (input) => {
    expect(parseHeadcount(input)).toBeUndefined();
  });
});

describe('parseHeadcount with LinkedIn\'s abbreviated top-card bands', () => {
  const linkedin = { linkedinBands: true };

  it.each<[string, unknown]>([
    ['1K-5K employees', { min: 1001, max: 5000 }],
    ['5K-10K employees', { min: 5001, max: 10000 }],
    ['10K+ employees', { min: 10001 }],
    ['1K–5K', { min: 1001, max: 5000 }], // en dash
    ['501-1K employees', { min: 501, max: 1000 }], // lower bound not in K: unchanged
    ['11-50 employees', { min: 11, max: 50 }],
    ['1,001-5,000 employees', { min: 1001, max: 5000 }], // already the full band
    ['10,001+ employees', { min: 10001 }],
    ['5K', 5000], // an exact count, not a band
    ['1.5K-5K', { min: 1500, max: 5000 }], // not whole thousands: not one of LinkedIn's bands
  ])('%j → %j', (input, expected) => {
    expect(parseHeadcount(input, 'en', linkedin)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['1K-5K employees', { min: 1000, max: 5000 }],
    ['10K+ employees', { min: 10000 }],
  ])('elsewhere %j keeps its written bounds: %j', (input, expected) => {
    expect(parseHeadcount(input, 'en')).toEqual(expected);
  });
});

