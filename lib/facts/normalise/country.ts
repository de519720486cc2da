import { ISO_COUNTRIES } from './countries';
import { SUBDIVISIONS } from './regions';
import { cleanText, lookupKey } from './text';

/**
 * Country names, codes and aliases → ISO 3166-1 alpha-2 ("US", "GB", "DE"), and free-text locations
 * ("Portland, OR", "London, England, United Kingdom") → city / region / country.
 */

/** Other names people and pages use, mapped to alpha-2. Keys go through lookupKey, so case and accents do not matter. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  // United States
  'united states of america': 'US', america: 'US', 'etats-unis': 'US',
  'estados unidos': 'US', 'vereinigte staaten': 'US', 'stati uniti': 'US', 'verenigde staten': 'US', eua: 'US',
  // United Kingdom (the four nations are also regions, see regions.ts)
  'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  'northern ireland': 'GB', 'royaume-uni': 'GB', 'reino unido': 'GB', 'vereinigtes königreich': 'GB',
  'regno unito': 'GB', 'verenigd koninkrijk': 'GB', 'united kingdom of great britain and northern ireland': 'GB',
  // Germany, Austria, Switzerland
  deutschland: 'DE', allemagne: 'DE', alemania: 'DE', germania: 'DE', duitsland: 'DE', niemcy: 'DE',
  'federal republic of germany': 'DE', 'bundesrepublik deutschland': 'DE',
  österreich: 'AT', autriche: 'AT',
  schweiz: 'CH', suisse: 'CH', svizzera: 'CH', suiza: 'CH', 'swiss confederation': 'CH',
  // Western Europe
  españa: 'ES', espagne: 'ES', spanien: 'ES', spagna: 'ES',
  frankreich: 'FR', francia: 'FR', frankrijk: 'FR', 'république française': 'FR',
  italia: 'IT', italie: 'IT', italien: 'IT',
  nederland: 'NL', holland: 'NL', 'pays-bas': 'NL', niederlande: 'NL', 'países bajos': 'NL',
  belgië: 'BE', belgique: 'BE', belgien: 'BE', bélgica: 'BE',
  luxemburg: 'LU', irlande: 'IE', irland: 'IE', irlanda: 'IE', eire: 'IE', 'republic of ireland': 'IE',
  sverige: 'SE', suède: 'SE', schweden: 'SE', suecia: 'SE', norge: 'NO', norwegen: 'NO', norvège: 'NO',
  danmark: 'DK', danemark: 'DK', dänemark: 'DK', dinamarca: 'DK', suomi: 'FI', finnland: 'FI', finlande: 'FI',
  polska: 'PL', pologne: 'PL', polen: 'PL', tschechien: 'CZ', 'czech republic': 'CZ', 'république tchèque': 'CZ',
  chequia: 'CZ', ungarn: 'HU', hongrie: 'HU', griechenland: 'GR', grèce: 'GR', grecia: 'GR',
  rumänien: 'RO', roumanie: 'RO', rumania: 'RO', kroatien: 'HR', croatie: 'HR',
  russland: 'RU', russie: 'RU', rusia: 'RU', 'russian federation': 'RU',
  turkey: 'TR', turkiye: 'TR', türkei: 'TR', turquie: 'TR', turquía: 'TR',
  // Americas
  kanada: 'CA', mexique: 'MX', brasil: 'BR', brasilien: 'BR', brésil: 'BR',
  'bolivia plurinational state of': 'BO', 'venezuela bolivarian republic of': 'VE',
  // Asia-Pacific
  australien: 'AU', australie: 'AU', 'new zealand aotearoa': 'NZ', aotearoa: 'NZ',
  inde: 'IN', indien: 'IN', chine: 'CN', 'peoples republic of china': 'CN', prc: 'CN', 'mainland china': 'CN',
  japon: 'JP', singapur: 'SG', singapour: 'SG', 'hong kong sar': 'HK', 'hong kong sar china': 'HK', hongkong: 'HK',
  'taiwan province of china': 'TW', 'republic of china': 'TW', macau: 'MO', 'macao sar china': 'MO',
  korea: 'KR', 'republic of korea': 'KR', 'korea republic of': 'KR', 'korea south': 'KR', 'südkorea': 'KR',
  'corée du sud': 'KR', 'corea del sur': 'KR',
  'north korea': 'KP', "democratic people's republic of korea": 'KP', "korea democratic people's republic of": 'KP',
  'korea north': 'KP', 'viet nam': 'VN', 'lao peoples democratic republic': 'LA', burma: 'MM',
  'brunei darussalam': 'BN', 'east timor': 'TL', 'micronesia federated states of': 'FM',
  // Middle East and Africa
  uae: 'AE', emirates: 'AE', 'émirats arabes unis': 'AE', 'vereinigte arabische emirate': 'AE',
  saudi: 'SA', ksa: 'SA', 'kingdom of saudi arabia': 'SA', 'iran islamic republic of': 'IR',
  'syrian arab republic': 'SY', 'palestine state of': 'PS', 'palestinian territories': 'PS',
  'south africa republic of': 'ZA', 'afrique du sud': 'ZA', südafrika: 'ZA', sudáfrica: 'ZA',
  'ivory coast': 'CI', "cote d'ivoire": 'CI', 'cape verde': 'CV', swaziland: 'SZ',
  'tanzania united republic of': 'TZ', congo: 'CG', 'congo brazzaville': 'CG', 'republic of congo': 'CG',
  'dr congo': 'CD', drc: 'CD', 'congo kinshasa': 'CD', 'democratic republic of congo': 'CD',
  'congo democratic republic of the': 'CD',
  // Europe, formal names
  'moldova republic of': 'MD', 'republic of moldova': 'MD', macedonia: 'MK', 'republic of north macedonia': 'MK',
  vatican: 'VA', 'holy see': 'VA', kosovo: 'XK', // XK: the user-assigned code everyone (EU, SWIFT) uses for Kosovo
  // Territories and islands, formal names
  'falkland islands malvinas': 'FK', 'saint martin french part': 'MF', 'sint maarten dutch part': 'SX',
  'virgin islands british': 'VG', 'virgin islands us': 'VI', 'us virgin islands': 'VI',
  'st kitts and nevis': 'KN', 'st lucia': 'LC', 'st vincent and the grenadines': 'VC', 'the bahamas': 'BS',
  'the gambia': 'GM', 'bonaire sint eustatius and saba': 'BQ', 'reunion': 'RE', 'curacao': 'CW',
};

/** lookupKey(name or alias) → alpha-2. */
const BY_NAME = new Map<string, string>();
/** Alpha-2 and alpha-3 codes, upper-case → alpha-2. */
const BY_CODE = new Map<string, string>();
for (const [alpha2, alpha3, name] of ISO_COUNTRIES) {
  BY_NAME.set(lookupKey(name), alpha2);
  BY_CODE.set(alpha2, alpha2);
  BY_CODE.set(alpha3, alpha2);
}
for (const [alias, alpha2] of Object.entries(COUNTRY_ALIASES)) BY_NAME.set(lookupKey(alias), alpha2);
BY_CODE.set('UK', 'GB'); // not ISO, but what everyone writes
BY_CODE.set('XK', 'XK');

interface Subdivision {
  name: string;
  country: string;
}
/**
 * lookupKey(name or alias) → every subdivision it names, in table order, so that without a country the first
 * wins a clash (US before Canada before Australia: "WA" is Washington) and with one the right one is found
 * ("WA" in Australia is Western Australia).
 */
const SUBDIVISIONS_BY_KEY = new Map<string, Subdivision[]>();
for (const [name, country, ...aliases] of SUBDIVISIONS) {
  for (const alias of [name, ...aliases]) {
    const key = lookupKey(alias);
    const list = SUBDIVISIONS_BY_KEY.get(key) ?? [];
    if (!list.some((s) => s.name === name)) list.push({ name, country });
    SUBDIVISIONS_BY_KEY.set(key, list);
  }
}

/** A country name, alias or code. No subdivisions. */
function countryOnly(text: string): string | undefined {
  const trimmed = cleanText(text);
  const compact = trimmed.replace(/\./g, ''); // "U.S.A." and "U.K." are codes with dots
  if (/^[A-Za-z]{2,3}$/.test(compact)) {
    const byCode = BY_CODE.get(compact.toUpperCase());
    if (byCode) return byCode;
  }
  return BY_NAME.get(lookupKey(trimmed));
}

/** A state / province / region by name or abbreviation; within `country` (alpha-2) when it is given. */
export function lookupSubdivision(text: string, country?: string): Subdivision | undefined {
  const found = SUBDIVISIONS_BY_KEY.get(lookupKey(text));
  if (!found) return undefined;
  return country ? found.find((s) => s.country === country) : found[0];
}

/**
 * ISO 3166-1 alpha-2 (upper-case) from a country name in English or a common local spelling, an alpha-2 / alpha-3
 * code ("UK" reads as "GB"), or a US state, Canadian province or Australian state (→ its country).
 * A country reading wins over a subdivision one: "Georgia" is the country, "CA" is Canada, "NY" is the US.
 */
export function parseCountry(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const text = cleanText(input);
  if (!text || text.length > 100) return undefined;
  return countryOnly(text) ?? lookupSubdivision(text)?.country;
}

export interface ParsedLocation {
  hqCity?: string;
  hqRegion?: string;
  hqCountry?: string;
}

/** Words location fields hold that name no place. */
const NOT_A_PLACE = /^(remote|worldwide|global|anywhere|various|multiple|unknown|n\/?a|none|-+)$/i;

/** Drops postal codes: "TX 78701" → "TX", "75008 Paris" → "Paris", "SW1A 1AA" is left alone. */
function withoutPostalCode(part: string): string {
  return part.replace(/\s+\d{4,6}(-\d{4})?$/, '').replace(/^\d{4,6}\s+/, '').trim();
}

/**
 * A region as a display name when we know it and it fits the country: "OR" → "Oregon", "NS" in Canada →
 * "Nova Scotia", "WA" in Australia → "Western Australia". Without a country the region implies one ("TX" → US).
 * Unknown regions, and regions that do not fit the country, are kept as written (cleaned).
 */
export function parseRegion(text: string, country?: string): { name: string; country?: string } {
  const clean = cleanText(text);
  const sub = lookupSubdivision(clean, country);
  if (sub) return { name: sub.name, country: sub.country };
  return country ? { name: clean, country } : { name: clean };
}

/**
 * Splits a location line into city, region and country: "San Francisco, California", "Portland, OR",
 * "London, England, United Kingdom", "Toronto, ON", "Germany". In "City, XX" a two-letter code is read as a
 * US state or Canadian province first (LinkedIn's US format), so "Berlin, DE" would read as Delaware; write
 * "Berlin, Germany" instead.
 */
export function parseLocation(text: string): ParsedLocation {
  if (typeof text !== 'string' || text.length > 300) return {};
  const parts = text
    .split(/[,;·|]/)
    .map((p) => withoutPostalCode(cleanText(p)))
    .filter((p) => p && !/^\d+$/.test(p));
  if (parts.length === 0) return {};

  const last = parts[parts.length - 1];
  if (parts.length === 1) {
    if (NOT_A_PLACE.test(last)) return {};
    const country = countryOnly(last);
    if (country) return { hqCountry: country };
    const sub = lookupSubdivision(last);
    if (sub) return { hqRegion: sub.name, hqCountry: sub.country };
    return { hqCity: last };
  }

  const country = countryOnly(last);
  if (parts.length >= 3 && country) {
    const region = parseRegion(parts[parts.length - 2], country);
    return { hqCity: parts[parts.length - 3], hqRegion: region.name, hqCountry: country };
  }

  // "City, Region" (or a longer line whose last part is not a country: read its last two parts).
  const city = parts[parts.length - 2];
  const sub = lookupSubdivision(last);
  if (sub) return { hqCity: city, hqRegion: sub.name, hqCountry: sub.country };
  if (country) return { hqCity: city, hqCountry: country };
  return { hqCity: city, hqRegion: last };
}
