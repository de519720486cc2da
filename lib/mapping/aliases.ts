import type { StandardFactName } from '../facts/vocabulary';

/**
 * Header aliases, as the exports teams bring spell them: HubSpot companies and deals (property labels and internal
 * names), Salesforce reports (labels) and Data Loader (API names), Apollo company and people exports, ZoomInfo,
 * Crunchbase Pro, Clearbit/Breeze enrichment (`company.metrics.employees` or flattened "Company Employees"), LinkedIn
 * Sales Navigator and hand-made sheets. Matched by headerKey (case, spaces and punctuation do not matter).
 *
 * Order matters: when two columns of one file name the same fact, the one whose alias comes first in the list wins
 * ("Total Funding Amount (in USD)" over "Total Funding Amount", "Annual recurring revenue" over "Amount"), and the
 * other stays a custom fact. Columns a header names on purpose as something else (a ZoomInfo company id is not a
 * CRM id; Apollo's "Account Stage" is not a deal stage) are simply not listed: they become `custom.<name>`.
 */
export type FactTarget = StandardFactName | 'hqLocation';

export const FACT_ALIASES: Readonly<Partial<Record<FactTarget, readonly string[]>>> = {
  name: [
    'Company Name',
    'Account Name',
    'Company',
    'Account',
    'Organization Name',
    'Organisation Name',
    'Organization',
    'Associated Company',
    'Associated Company (Primary)',
    'company.name',
    'Name',
    'Company Name for Emails',
  ],
  domain: [
    'Company Domain Name',
    'Domain',
    'Company Domain',
    'company.domain',
    'Website',
    'Company Website',
    'Website URL',
    'Web Site',
    'URL',
  ],
  linkedinUrl: [
    'Company Linkedin Url',
    'LinkedIn Company Profile URL',
    'LinkedIn Company Page',
    'linkedin_company_page',
    'LinkedIn URL',
    'LinkedIn',
    'LinkedIn Profile',
  ],
  crunchbaseUrl: ['Crunchbase URL', 'Organization Name URL', 'Crunchbase'],
  crmId: [
    'CRM ID',
    'Record ID',
    'hs_object_id',
    'Account ID',
    'Id',
    'AccountId',
    'Associated Company IDs',
    'Associated Company IDs (Primary)',
    'Associated Company ID',
  ],
  industry: ['Industry', 'Primary Industry', 'company.category.industry', 'Industries', 'company.category.sector', 'Sector'],
  subIndustry: [
    'Sub-Industry',
    'Primary Sub-Industry',
    'company.category.subIndustry',
    'Sub-vertical',
    'Vertical',
  ],
  employees: [
    'Employees',
    'Number of Employees',
    'NumberOfEmployees',
    'company.metrics.employees',
    'Employee Count',
    'Headcount',
    'Company size',
    'Employee Range',
    'Number of Employees Range',
    'company.metrics.employeesRange',
    'Employees Range',
  ],
  revenueUsd: [
    'Annual Revenue',
    'AnnualRevenue',
    'Revenue (USD)',
    'Annual Revenue (USD)',
    'Revenue',
    'company.metrics.annualRevenue',
    'company.metrics.estimatedAnnualRevenue',
    'Estimated Annual Revenue',
    'Revenue Range (in USD)',
    'Revenue Range',
    'Estimated Revenue Range',
  ],
  hqCountry: [
    'Country',
    'Billing Country',
    'BillingCountry',
    'Country/Region',
    'HQ Country',
    'Headquarters Country',
    'company.geo.country',
    'company.geo.countryCode',
    'Billing Country Code',
    'Country Code',
  ],
  hqRegion: [
    'State',
    'State/Region',
    'Billing State/Province',
    'Billing State',
    'BillingState',
    'State/Province',
    'Region',
    'HQ Region',
    'HQ State',
    'company.geo.state',
  ],
  hqCity: ['City', 'Billing City', 'BillingCity', 'HQ City', 'company.geo.city'],
  hqLocation: ['Headquarters Location', 'HQ Location', 'Headquarters', 'Location', 'company.location'],
  foundedYear: ['Founded Year', 'Year Founded', 'founded_year', 'Founded', 'Founding Year', 'Founded Date', 'company.foundedYear'],
  // Crunchbase's "Company Type" is For Profit / Non-profit: its "IPO Status" says more when both are there.
  companyType: ['Ownership Type', 'Ownership', 'IPO Status', 'Company Type', 'company.type'],
  fundingStage: [
    'Funding Stage',
    'Last Funding Type',
    'Latest Funding Type',
    'Latest Funding',
    'Recent Funding Round',
    'Last Funding Round',
    'Latest Funding Round',
  ],
  totalFundingUsd: [
    'Total Funding Amount (in USD)',
    'Total Funding Amount Currency (in USD)',
    'Total Funding (USD)',
    'Total Funding Amount',
    'Total Funding',
    'Total Money Raised',
    'total_money_raised',
    'company.metrics.raised',
    'Funding Raised',
    'Raised',
  ],
  lastFundingDate: ['Last Funding Date', 'Latest Funding Date', 'Recent Funding Date', 'Last Raised At', 'Last Funding Round Date', 'Last Funded'],
  employeeGrowth6m: ['Employee Growth 6m', 'Employee Growth (6 months)', 'Headcount Growth 6m', '6 Month Headcount Growth'],
  technologies: ['Technologies', 'Web Technologies', 'web_technologies', 'Tech Stack', 'Technology', 'Technologies Used', 'company.tech', 'Tech'],
  buyingProcess: ['Buying Process'],
  championIdentified: ['Champion Identified'],
  budgetOwnerKnown: ['Budget Owner Known'],
  incumbentVendor: ['Incumbent Vendor', 'Current Vendor', 'Incumbent'],
  contractRenewalDate: ['Contract Renewal Date', 'Renewal Date'],
  openToPilot: ['Open to Pilot'],
  // Salesforce's Account `Type` (Prospect, Customer - Direct…) is the relationship to us, as on the record page.
  lifecycleStage: ['Lifecycle Stage', 'lifecyclestage', 'Type'],
  owner: ['Company owner', 'Account Owner', 'Owner', 'OwnerId', 'hubspot_owner_id'],
};

/** Columns whose amounts are in thousands of US dollars (ZoomInfo): the factor their numbers are multiplied by. */
export const SCALED_HEADERS: Readonly<Record<string, { fact: FactTarget; factor: number }>> = {
  'Revenue (in 000s USD)': { fact: 'revenueUsd', factor: 1000 },
  'Revenue (in 000s)': { fact: 'revenueUsd', factor: 1000 },
  'Total Funding Amount (in 000s USD)': { fact: 'totalFundingUsd', factor: 1000 },
};

/** What the builder reads from a deal or account outcome file besides company facts. */
export const OUTCOME_COLUMNS = [
  'stage',
  'won',
  'closed',
  'closeDate',
  'initialArr',
  'currentArr',
  'churnDate',
  'churned',
  'grossMargin',
  'costToServe',
] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

export const OUTCOME_ALIASES: Readonly<Record<OutcomeColumn, readonly string[]>> = {
  stage: ['Deal Stage', 'dealstage', 'Opportunity Stage', 'Stage', 'Stage Name', 'StageName', 'Outcome'],
  // Salesforce's IsWon / IsClosed and HubSpot's "Is Closed Won": a stage without reading the stage names.
  won: ['IsWon', 'Is Closed Won', 'hs_is_closed_won', 'Won'],
  closed: ['IsClosed', 'Is Closed', 'hs_is_closed', 'Closed'],
  closeDate: ['Close Date', 'closedate', 'CloseDate', 'Closed Date', 'Closed Won Date'],
  initialArr: [
    'Initial ARR',
    'Annual recurring revenue',
    'hs_arr',
    'ARR',
    'Annual contract value',
    'hs_acv',
    'ACV',
    'Opportunity Amount',
    'Amount',
    'amount',
  ],
  currentArr: ['Current ARR', 'ARR Today'],
  churnDate: ['Churn Date', 'Churned Date', 'Churned On', 'Cancellation Date'],
  churned: ['Churned', 'Is Churned', 'Churn Flag', 'Churn', 'Customer Status'],
  grossMargin: ['Gross Margin', 'Margin'],
  costToServe: ['Cost to Serve'],
};

/**
 * Headers that say the file lists people (contacts, leads), not companies: Apollo and HubSpot contact exports,
 * Sales Navigator lead lists. Two of them make a people export.
 */
export const PEOPLE_SIGNALS: readonly string[] = [
  'First Name',
  'Last Name',
  'Full Name',
  'Email',
  'Email Address',
  'Email Status',
  'Title',
  'Job Title',
  'Seniority',
  'Departments',
  'Person Linkedin Url',
  'Contact Owner',
  'Apollo Contact Id',
  'Mobile Phone',
  'Work Direct Phone',
  'Contact ID',
];

/**
 * Facts a people export's unprefixed columns may still give: Apollo writes the company's "# Employees", "Industry",
 * "Website", "Technologies" and funding without "Company" in front. Everything else unprefixed in such a file (City,
 * State, Country, Name, LinkedIn, Lifecycle Stage…) describes the person and is never a company fact.
 */
export const COMPANY_LEVEL_FACTS: ReadonlySet<FactTarget> = new Set<FactTarget>([
  'domain',
  'industry',
  'subIndustry',
  'employees',
  'revenueUsd',
  'technologies',
  'fundingStage',
  'totalFundingUsd',
  'lastFundingDate',
  'foundedYear',
  'crunchbaseUrl',
  'employeeGrowth6m',
]);

/** Header beginnings that name the company (or account) explicitly: such a column is a company fact in any file. */
export const COMPANY_PREFIXES: readonly string[] = ['company', 'account', 'organization', 'organisation', 'billing', 'hq', 'headquarters', 'associatedcompany'];

/**
 * Headers that say the file has one row per deal (opportunity): a HubSpot deals export, a Salesforce opportunity
 * report or Data Loader extract. In such a file the unqualified Name, Id, Record ID, Owner and Type are the deal's.
 */
export const DEAL_SIGNALS: readonly string[] = ['Deal Name', 'dealname', 'Deal Stage', 'dealstage', 'Opportunity Name', 'Opportunity Stage', 'StageName', 'IsWon', 'Pipeline'];
export const DEAL_LEVEL_HEADERS: readonly string[] = ['Name', 'Id', 'Record ID', 'hs_object_id', 'Owner', 'OwnerId', 'hubspot_owner_id', 'Type', 'Create Date', 'CreatedDate'];
