import { CUSTOM_PREFIX, isCustomFact, STANDARD_FACT_NAMES, type StandardFactName } from '../facts/vocabulary';
import type { RawFactName } from '../facts/raw';

/**
 * Maps CSV headers (CRM exports, list tools, hand-made sheets) to fact names. Pure: no I/O.
 *
 * Headers are compared by a key that ignores case, spaces and punctuation, so "Company Name", "company_name" and
 * "COMPANY-NAME" are the same column. Anything we do not recognise is kept as `custom.<slug>` so a model can still
 * use it ("custom.deal_size_usd").
 */

/** "Number of Employees" → "numberofemployees". */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Aliases by fact, as the usual exports spell them (HubSpot, Salesforce, Apollo, Crunchbase, LinkedIn Sales Nav). */
const ALIASES: Record<StandardFactName | 'hqLocation', readonly string[]> = {
  name: ['Company Name', 'Account Name', 'Company', 'Name', 'Organization', 'Organization Name', 'Organisation Name'],
  domain: ['Website', 'Domain', 'Company Domain Name', 'Company Domain', 'Website URL', 'Web Site'],
  linkedinUrl: ['LinkedIn URL', 'LinkedIn', 'LinkedIn Company Page', 'Company LinkedIn URL', 'LinkedIn Profile'],
  crunchbaseUrl: ['Crunchbase URL', 'Crunchbase', 'Organization Name URL'],
  crmId: ['CRM ID', 'Record ID', 'Account ID', 'Company ID'],
  industry: ['Industry', 'Industries'],
  subIndustry: ['Sub-Industry', 'Sub Industry', 'Subindustry', 'Sub-vertical'],
  employees: [
    'Employees',
    'Number of Employees',
    'Employee Count',
    'Company size',
    'Headcount',
    'Employee Range',
    'Number of Employees Range',
    '# Employees',
  ],
  revenueUsd: ['Annual Revenue', 'Revenue', 'Revenue (USD)', 'Annual Revenue (USD)', 'Estimated Revenue Range'],
  hqCountry: ['Country', 'Billing Country', 'HQ Country', 'Country/Region', 'Headquarters Country', 'Company Country'],
  hqRegion: ['State', 'Region', 'State/Region', 'Billing State', 'Billing State/Province', 'State/Province', 'HQ Region', 'HQ State'],
  hqCity: ['City', 'Billing City', 'HQ City', 'Company City'],
  hqLocation: ['Location', 'HQ Location', 'Headquarters', 'Headquarters Location'],
  foundedYear: ['Founded', 'Year Founded', 'Founded Year', 'Founding Year'],
  companyType: ['Company Type', 'Ownership'],
  fundingStage: ['Funding Stage', 'Last Funding Type', 'Latest Funding Type', 'Last Funding Round'],
  totalFundingUsd: ['Total Funding', 'Total Funding Amount', 'Total Funding Amount (in USD)', 'Total Funding (USD)'],
  lastFundingDate: ['Last Funding Date', 'Last Funding Round Date', 'Latest Funding Date', 'Last Funded'],
  employeeGrowth6m: ['Employee Growth 6m', 'Employee Growth (6 months)', 'Headcount Growth 6m', '6 Month Headcount Growth'],
  technologies: ['Technologies', 'Tech Stack', 'Technology', 'Technologies Used'],
  signals: [],
  buyingProcess: ['Buying Process'],
  championIdentified: ['Champion Identified'],
  budgetOwnerKnown: ['Budget Owner Known'],
  incumbentVendor: ['Incumbent Vendor', 'Current Vendor', 'Incumbent'],
  contractRenewalDate: ['Contract Renewal Date', 'Renewal Date'],
  openToPilot: ['Open to Pilot'],
  lifecycleStage: ['Lifecycle Stage'],
  owner: ['Owner', 'Account Owner', 'Company Owner'],
};

/** headerKey → fact. Exact fact names ("revenueUsd", "hqCountry") are aliases of themselves. */
const BY_KEY: ReadonlyMap<string, RawFactName> = (() => {
  const map = new Map<string, RawFactName>();
  for (const fact of [...STANDARD_FACT_NAMES, 'hqLocation' as const]) map.set(headerKey(fact), fact);
  for (const [fact, aliases] of Object.entries(ALIASES))
    for (const alias of aliases) map.set(headerKey(alias), fact as RawFactName);
  return map;
})();

/** "Deal Size (USD)" → "deal_size_usd": what follows `custom.` (letters, digits, "_" or "-", at most 64). */
export function customSlug(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Région" → "Region" rather than "r_gion"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
    .replace(/_+$/, '');
}

/** The fact a header names, or undefined when it is not one we know (see mapColumns for the custom fallback). */
export function factForHeader(header: string): RawFactName | undefined {
  const trimmed = header.trim();
  if (isCustomFact(trimmed)) return trimmed;
  return BY_KEY.get(headerKey(trimmed));
}

export interface ColumnMapping {
  /** The header as written in the file. */
  header: string;
  /** Where the column's values go. */
  fact: RawFactName;
  /** True when the header was not recognised and the column became a custom fact. */
  custom: boolean;
}

/**
 * Maps a header row. When two columns name the same fact ("Website" and "Domain"), the first one wins and the later
 * ones stay available as custom facts; two unknown columns with the same slug get "_2", "_3"… so none is lost.
 */
export function mapColumns(headers: readonly string[]): ColumnMapping[] {
  const used = new Set<string>();
  return headers.map((header, i) => {
    const known = factForHeader(header);
    if (known && !used.has(known)) {
      used.add(known);
      return { header, fact: known, custom: known.startsWith(CUSTOM_PREFIX) };
    }
    const base = customSlug(header) || `column_${i + 1}`;
    let fact = `${CUSTOM_PREFIX}${base}`;
    for (let n = 2; used.has(fact); n++) fact = `${CUSTOM_PREFIX}${base.slice(0, 60)}_${n}`;
    used.add(fact);
    return { header, fact: fact as RawFactName, custom: true };
  });
}
