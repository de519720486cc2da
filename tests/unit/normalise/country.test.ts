import { describe, expect, it } from 'vitest';
import { lookupSubdivision, parseCountry, parseLocation, parseRegion } from '../../../lib/facts/normalise/country';
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
    ['Perth, WA, Australia', { hqCity: 'Perth', hqRegion: 'Western Australia', hqCountry: 'AU' }], // not Washington
    ['Halifax, NS', { hqCity: 'Halifax', hqRegion: 'Nova Scotia', hqCountry: 'CA' }],
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

describe('parseRegion', () => {
  it.each<[string, string | undefined, object]>([
    // abbreviations expand within the known country
    ['NS', 'CA', { name: 'Nova Scotia', country: 'CA' }],
    ['ON', 'CA', { name: 'Ontario', country: 'CA' }],
    ['CA', 'US', { name: 'California', country: 'US' }],
    ['TX', 'US', { name: 'Texas', country: 'US' }],
    ['WA', 'AU', { name: 'Western Australia', country: 'AU' }],
    ['WA', 'US', { name: 'Washington', country: 'US' }],
    ['Bayern', 'DE', { name: 'Bavaria', country: 'DE' }],
    // without a country the region implies one, as in a location line ("Austin, TX")
    ['TX', undefined, { name: 'Texas', country: 'US' }],
    ['NS', undefined, { name: 'Nova Scotia', country: 'CA' }],
    ['WA', undefined, { name: 'Washington', country: 'US' }],
    // names are already expanded; unknown or foreign regions are kept as written
    ['Nova Scotia', 'CA', { name: 'Nova Scotia', country: 'CA' }],
    ['Rhône', 'FR', { name: 'Rhône', country: 'FR' }],
    ['CA', 'CA', { name: 'CA', country: 'CA' }], // no Canadian region is "CA"
    ['TX', 'DE', { name: 'TX', country: 'DE' }],
    ['  Somewhere   Else ', undefined, { name: 'Somewhere Else' }],
  ])('%j in %s → %j', (text, country, expected) => {
    expect(parseRegion(text, country)).toEqual(expected);
  });

  it('finds a subdivision within a country, and the first one without', () => {
    expect(lookupSubdivision('NT', 'AU')).toEqual({ name: 'Northern Territory', country: 'AU' });
    expect(lookupSubdivision('NT')).toEqual({ name: 'Northwest Territories', country: 'CA' });
    expect(lookupSubdivision('NT', 'US')).toBeUndefined();
  });
});

