import { describe, expect, it } from 'vitest';
import { parseCountry, parseLocation } from '../../../lib/facts/normalise/country';
import { ISO_COUNTRIES } from '../../../lib/facts/normalise/countries';

describe('parseCountry', () => {
  it.each<[string, string]>([
    // English names
    ['Germany', 'DE'],
    ['United States', 'US'],
    ['United Kingdom', 'GB'],
    ['South Korea', 'KR'],
    ['Côte d’Ivoire', 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['Bosnia & Herzegovina', 'BA'],
    ['The Netherlands', 'NL'],
    ['  france  ', 'FR'],
    // aliases
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['Northern Ireland', 'GB'],
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['Alemania', 'DE'],
    ['España', 'ES'],
    ['Espagne', 'ES'],
    ['États-Unis', 'US'],
    ['Estados Unidos', 'US'],
    ['Royaume-Uni', 'GB'],
    ['Reino Unido', 'GB'],
    ['Vereinigte Staaten', 'US'],
    ['Schweiz', 'CH'],
    ['Suisse', 'CH'],
    ['Nederland', 'NL'],
    ['Holland', 'NL'],
    ['Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['Russian Federation', 'RU'],
    ['Viet Nam', 'VN'],
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['UAE', 'AE'],
    // codes
    ['DE', 'DE'],
    ['de', 'DE'],
    ['DEU', 'DE'],
    ['fra', 'FR'],
    ['GBR', 'GB'],
    ['USA', 'US'],
    ['CA', 'CA'], // a country code wins over the state abbreviation
    // subdivisions → their country
    ['California', 'US'],
    ['NY', 'US'],
    ['TX', 'US'],
    ['Ontario', 'CA'],
    ['QC', 'CA'],
    ['British Columbia', 'CA'],
    ['Queensland', 'AU'],
    ['New South Wales', 'AU'],
    ['NSW', 'AU'],
    ['Georgia', 'GE'], // the country, not the state
  ])('%j → %s', (input, expected) => {
    expect(parseCountry(input)).toBe(expected);
  });

  it.each<[string]>([['Narnia'], [''], ['   '], ['XX'], ['ZZZ'], ['Earth'], ['x'.repeat(500)]])('rejects %j', (input) => {
    expect(parseCountry(input)).toBeUndefined();
  });

  it('knows every ISO 3166-1 country by English name, alpha-2 and alpha-3', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    for (const [alpha2, alpha3, name] of ISO_COUNTRIES) {
      expect(parseCountry(name), name).toBe(alpha2);
      expect(parseCountry(alpha2), alpha2).toBe(alpha2);
      expect(parseCountry(alpha3), alpha3).toBe(alpha2);
    }
  });
});

describe('parseLocation', () => {
  it.each<[string, object]>([
    ['San Francisco, California', { hqCity: 'San Francisco', hqRegion: 'California', hqCountry: 'US' }],
    ['Portland, Oregon', { hqCity: 'Portland', hqRegion: 'Oregon', hqCountry: 'US' }],
    ['Portland, OR', { hqCity: 'Portland', hqRegion: 'Oregon', hqCountry: 'US' }],
    ['London, England, United Kingdom', { hqCity: 'London', hqRegion: 'England', hqCountry: 'GB' }],
    ['Berlin, Berlin, Germany', { hqCity: 'Berlin', hqRegion: 'Berlin', hqCountry: 'DE' }],
    ['Paris, Île-de-France', { hqCity: 'Paris', hqRegion: 'Île-de-France', hqCountry: 'FR' }],
    ['Toronto, ON', { hqCity: 'Toronto', hqRegion: 'Ontario', hqCountry: 'CA' }],
    ['Austin, Texas, US', { hqCity: 'Austin', hqRegion: 'Texas', hqCountry: 'US' }],
    ['Austin, TX 78701, United States', { hqCity: 'Austin', hqRegion: 'Texas', hqCountry: 'US' }],
    ['Sydney, NSW, Australia', { hqCity: 'Sydney', hqRegion: 'New South Wales', hqCountry: 'AU' }],
    ['Munich, Bavaria, Germany', { hqCity: 'Munich', hqRegion: 'Bavaria', hqCountry: 'DE' }],
    ['Berlin, Germany', { hqCity: 'Berlin', hqCountry: 'DE' }],
    ['Lyon, Rhône, France', { hqCity: 'Lyon', hqRegion: 'Rhône', hqCountry: 'FR' }], // unknown region kept as written
    ['Springfield, Nowhere', { hqCity: 'Springfield', hqRegion: 'Nowhere' }],
    ['Germany', { hqCountry: 'DE' }],
    ['California', { hqRegion: 'California', hqCountry: 'US' }],
    ['Dublin', { hqCity: 'Dublin' }],
    ['Remote', {}],
    ['', {}],
  ])('%j → %j', (input, expected) => {
    expect(parseLocation(input)).toEqual(expected);
  });
});
