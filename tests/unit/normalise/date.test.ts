import { describe, expect, it } from 'vitest';
import { parseDate, parseYear } from '../../../lib/facts/normalise/date';

describe('parseDate', () => {
  it.each<[unknown, string | undefined, string]>([
    ['2024-03-05', undefined, '2024-03-05'],
    ['2024-03-05T10:00:00Z', undefined, '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', undefined, '2024-03-05'], // the date as written
    ['2024-03-05T10:00:00.123+01:00', undefined, '2024-03-05'],
    ['2024-03', undefined, '2024-03-01'],
    ['2024/03/05', undefined, '2024-03-05'],
    ['Mar 5, 2024', undefined, '2024-03-05'],
    ['March 5, 2024', undefined, '2024-03-05'],
    ['Tuesday, March 5, 2024', undefined, '2024-03-05'],
    ['March 5th, 2024', undefined, '2024-03-05'],
    ['5 March 2024', undefined, '2024-03-05'],
    ['5 mars 2024', 'fr-FR', '2024-03-05'],
    ['1er mars 2024', 'fr-FR', '2024-03-01'],
    ['5. März 2024', 'de-DE', '2024-03-05'],
    ['5 de marzo de 2024', 'es-ES', '2024-03-05'],
    ['March 2024', undefined, '2024-03-01'],
    ['03/04/2024', undefined, '2024-03-04'], // no locale: US order, March 4
    ['03/04/2024', 'en-US', '2024-03-04'],
    ['03/04/2024', 'en-GB', '2024-04-03'], // 3 April
    ['03/04/2024', 'fr', '2024-04-03'],
    ['03/04/2024', 'de', '2024-04-03'],
    ['05/03/2024', 'en-GB', '2024-03-05'],
    ['05.03.2024', undefined, '2024-03-05'], // dots are day-first everywhere
    ['13/05/2024', 'en-US', '2024-05-13'], // only one reading is possible
    ['5/3/24', 'en-GB', '2024-03-05'],
    [1709596800000, undefined, '2024-03-05'], // epoch milliseconds
    [1709596800, undefined, '2024-03-05'], // epoch seconds
    ['1709596800000', undefined, '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5)), undefined, '2024-03-05'],
  ])('%j (%s) → %s', (input, locale, expected) => {
    expect(parseDate(input, locale)).toBe(expected);
  });

  it.each<[unknown]>([
    ['2024-02-30'],
    ['2023-02-29'],
    ['2024-13-01'],
    ['31/04/2024'],
    ['2024-03-05T25:00:00Z'],
    ['March 32, 2024'],
    ['garbage 2024'],
    ['yesterday'],
    [''],
    [NaN],
    [Infinity],
    [null],
    [{}],
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
  });
});

describe('parseYear', () => {
  it.each<[unknown, number]>([
    ['Founded 2015', 2015],
    ['2015', 2015],
    ['Fondée en 2015', 2015],
    ['Gegründet 1998', 1998],
    [2015, 2015],
    ['2015-06-01', 2015],
    [1600, 1600],
    [2100, 2100],
  ])('%j → %d', (input, expected) => {
    expect(parseYear(input)).toBe(expected);
  });

  it.each<[unknown]>([[1599], [2101], [2015.5], ['20155'], ['abc'], [''], ['Founded 2015, refounded 2019'], [null]])(
    'rejects %j',
    (input) => {
      expect(parseYear(input)).toBeUndefined();
    },
  );
});
