/**
 * Sales regions by ISO 3166 alpha-2 code: the four territories most revenue teams plan by. Segments by region
 * become `hqCountry in [...]` conditions, so the model still speaks the fact vocabulary.
 */
export const SALES_REGIONS = {
  'North America': ['US', 'CA', 'BM', 'GL', 'PM'],
  'Latin America': [
    'MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CU', 'DO', 'HT', 'JM', 'PR', 'TT', 'BS', 'BB', 'AG', 'DM', 'GD',
    'KN', 'LC', 'VC', 'AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE', 'AW', 'CW', 'SX', 'BQ',
    'KY', 'VG', 'VI', 'TC', 'AI', 'MS', 'GP', 'MQ', 'GF', 'BL', 'MF', 'FK',
  ],
  EMEA: [
    // Europe
    'GB', 'IE', 'FR', 'DE', 'AT', 'CH', 'LI', 'NL', 'BE', 'LU', 'IT', 'ES', 'PT', 'AD', 'MC', 'SM', 'VA', 'MT', 'DK',
    'SE', 'NO', 'FI', 'IS', 'FO', 'AX', 'EE', 'LV', 'LT', 'PL', 'CZ', 'SK', 'HU', 'SI', 'HR', 'BA', 'RS', 'ME', 'MK',
    'AL', 'XK', 'RO', 'BG', 'GR', 'CY', 'MD', 'UA', 'BY', 'RU', 'GI', 'GG', 'JE', 'IM', 'SJ',
    // Middle East and the Caucasus
    'TR', 'IL', 'PS', 'JO', 'LB', 'SY', 'IQ', 'IR', 'SA', 'AE', 'QA', 'BH', 'KW', 'OM', 'YE', 'AM', 'AZ', 'GE',
    // Africa
    'DZ', 'AO', 'BJ', 'BW', 'BF', 'BI', 'CV', 'CM', 'CF', 'TD', 'KM', 'CG', 'CD', 'CI', 'DJ', 'EG', 'GQ', 'ER', 'SZ',
    'ET', 'GA', 'GM', 'GH', 'GN', 'GW', 'KE', 'LS', 'LR', 'LY', 'MG', 'MW', 'ML', 'MR', 'MU', 'YT', 'MA', 'MZ', 'NA',
    'NE', 'NG', 'RE', 'RW', 'SH', 'ST', 'SN', 'SC', 'SL', 'SO', 'ZA', 'SS', 'SD', 'TZ', 'TG', 'TN', 'UG', 'EH', 'ZM',
    'ZW',
  ],
  APAC: [
    'AU', 'NZ', 'JP', 'CN', 'HK', 'MO', 'TW', 'KR', 'KP', 'MN', 'SG', 'MY', 'ID', 'TH', 'VN', 'PH', 'KH', 'LA', 'MM',
    'BN', 'TL', 'IN', 'PK', 'BD', 'LK', 'NP', 'BT', 'MV', 'AF', 'KZ', 'UZ', 'KG', 'TJ', 'TM', 'PG', 'FJ', 'SB', 'VU',
    'NC', 'PF', 'WS', 'TO', 'KI', 'TV', 'NR', 'FM', 'MH', 'PW', 'GU', 'MP', 'AS', 'CK', 'NU', 'TK', 'WF', 'PN', 'NF',
    'CX', 'CC', 'IO',
  ],
} as const satisfies Record<string, readonly string[]>;

export type SalesRegion = keyof typeof SALES_REGIONS;

const REGION_OF = new Map<string, SalesRegion>();
for (const [region, codes] of Object.entries(SALES_REGIONS) as [SalesRegion, readonly string[]][])
  for (const code of codes) REGION_OF.set(code, region);

export function salesRegion(country: unknown): SalesRegion | undefined {
  return typeof country === 'string' ? REGION_OF.get(country) : undefined;
}
