import type { FactValues, Signal } from '../facts/vocabulary';

/**
 * Sample accounts for the model editor's live preview: thirty made-up but realistic companies across industries,
 * sizes, countries and stacks, so that any reasonable model sorts them into fits (in several tiers), not-fits and
 * accounts that need data. Some deliberately sit on the edge of the built-in models' criteria (199 vs 201
 * employees, a band straddling a threshold, a sanctioned HQ, a public-sector buyer, missing headcount).
 *
 * Dates are relative to `now`, so "raised money in the last 12 months" means the same thing whenever the preview
 * runs.
 */
export interface SampleAccount {
  key: string;
  name: string;
  /** What the account is there to show. */
  note: string;
  values: FactValues;
}

const DAY = 86_400_000;

export function sampleAccounts(now: number): SampleAccount[] {
  const daysAgo = (n: number) => new Date(now - n * DAY).toISOString().slice(0, 10);
  const inDays = (n: number) => new Date(now + n * DAY).toISOString().slice(0, 10);
  const signal = (type: Signal['type'], days: number, title?: string): Signal => ({ type, date: daysAgo(days), ...(title ? { title } : {}) });
  const a = (key: string, name: string, note: string, values: FactValues): SampleAccount => ({ key: `sample:${key}`, name, note, values: { name, ...values } });

  return [
    a('northwind-cu', 'Northwind Credit Union', 'proven sub-industry, full stack, warm relationship', {
      industry: 'Financial Services', subIndustry: 'Credit Unions', employees: { min: 501, max: 1000 }, hqCountry: 'US', revenueUsd: 120_000_000,
      technologies: ['Salesforce', 'Snowflake', 'Tableau', 'Microsoft Teams'], companyType: 'private',
      signals: [signal('leadership-hire', 40, 'New CRO'), signal('tech-stack-change', 90)],
      championIdentified: true, budgetOwnerKnown: true, openToPilot: true, contractRenewalDate: inDays(120), buyingProcess: 'champion-led',
    }),
    a('helix-data', 'Helix Data', 'funded data-infrastructure software company', {
      industry: 'Software Development', subIndustry: 'Data Infrastructure and Analytics', employees: 640, hqCountry: 'GB', revenueUsd: { min: 50_000_000, max: 100_000_000 },
      fundingStage: 'series-c', employeeGrowth6m: 18, technologies: ['HubSpot', 'BigQuery', 'Looker', 'Slack'],
      signals: [signal('funding', 120, 'Series C'), signal('headcount-change', 30)], championIdentified: true, foundedYear: 2015,
    }),
    a('brightpath', 'Brightpath Software', 'mid-market SaaS, good stack, no relationship yet', {
      industry: 'Software Development', subIndustry: 'SaaS', employees: { min: 201, max: 500 }, hqCountry: 'DE', fundingStage: 'series-b',
      technologies: ['Salesforce', 'Snowflake', 'Slack'], signals: [signal('funding', 200)], foundedYear: 2016, employeeGrowth6m: 12,
    }),
    a('kestrel-bank', 'Kestrel Bank', 'banking, large, partial stack', {
      industry: 'Financial Services', subIndustry: 'Banking', employees: 4200, hqCountry: 'NL', revenueUsd: 480_000_000, companyType: 'public',
      technologies: ['Salesforce', 'Power BI', 'Microsoft Teams'], budgetOwnerKnown: true,
    }),
    a('quantly', 'Quantly', 'IT services with a warehouse, nothing else known', {
      industry: 'IT Services and IT Consulting', employees: 350, hqCountry: 'SE', technologies: ['Databricks', 'HubSpot'],
    }),
    a('meridian-insure', 'Meridian Insurance', 'insurer: the "accidental ICP" segment', {
      industry: 'Financial Services', subIndustry: 'Insurance', employees: 2300, hqCountry: 'US', revenueUsd: 300_000_000,
      technologies: ['Salesforce', 'Snowflake'], openToPilot: true,
    }),
    a('tiny-tools', 'Tiny Tools', 'too small for sales-led (12 people), a PLG fit', {
      industry: 'Software Development', subIndustry: 'Developer Tools', employees: 12, hqCountry: 'US', fundingStage: 'seed', foundedYear: 2021,
      technologies: ['Slack', 'BigQuery'], signals: [signal('product-activation', 10, 'Team workspace activated'), signal('funding', 60)],
    }),
    a('edge-199', 'Edgewise Analytics', 'just under 201 employees', {
      industry: 'Software Development', subIndustry: 'Business Intelligence Platforms', employees: 199, hqCountry: 'CA', fundingStage: 'series-a',
      technologies: ['HubSpot', 'Snowflake', 'Looker'],
    }),
    a('straddle', 'Straddle Systems', 'headcount band straddles the 5,000 limit: unknown must', {
      industry: 'Software Development', employees: { min: 1001, max: 10000 }, hqCountry: 'US', technologies: ['Salesforce', 'Redshift'],
    }),
    a('giga-corp', 'GigaCorp Industries', 'enterprise, far above 5,000 employees', {
      industry: 'Manufacturing', employees: 48_000, hqCountry: 'US', revenueUsd: 12_000_000_000, companyType: 'public', technologies: ['Salesforce', 'Snowflake', 'Tableau'],
    }),
    a('volga-soft', 'Volga Soft', 'HQ in a sanctioned country: hard no', {
      industry: 'Software Development', employees: 400, hqCountry: 'RU', technologies: ['Salesforce'],
    }),
    a('city-council', 'Lakeside City Council', 'government buyer: hard no', {
      industry: 'Government Administration', employees: 1500, hqCountry: 'GB', companyType: 'government', technologies: ['Microsoft Teams', 'Power BI'],
    }),
    a('ngo-aid', 'Harbor Aid Foundation', 'non-profit: hard no', {
      industry: 'Non-profit Organizations', employees: 260, hqCountry: 'US', companyType: 'nonprofit', technologies: ['Salesforce'],
    }),
    a('sao-pay', 'SãoPay', 'good fintech outside the served markets', {
      industry: 'Financial Services', subIndustry: 'Banking', employees: 900, hqCountry: 'BR', fundingStage: 'series-c', technologies: ['Salesforce', 'Snowflake'],
    }),
    a('mumbai-it', 'Saffron IT Services', 'IT services outside the served markets', {
      industry: 'IT Services and IT Consulting', employees: 3000, hqCountry: 'IN', technologies: ['Microsoft Teams'],
    }),
    a('no-size', 'Unsized Ventures', 'no headcount known: needs data', {
      industry: 'Software Development', hqCountry: 'US', technologies: ['HubSpot', 'Snowflake'],
    }),
    a('no-country', 'Nomad Labs', 'no HQ country known: needs data', {
      industry: 'Software Development', employees: 420, technologies: ['Salesforce'],
    }),
    a('only-name', 'Mystery Holdings', 'almost nothing known', {}),
    a('alpine-fin', 'Alpine Finanz', 'DACH financial services with a renewal coming', {
      industry: 'Financial Services', employees: { min: 1001, max: 5000 }, hqCountry: 'CH', revenueUsd: 250_000_000,
      technologies: ['Salesforce', 'Tableau'], incumbentVendor: 'Gong', contractRenewalDate: inDays(60), budgetOwnerKnown: true,
    }),
    a('fjord-cloud', 'Fjord Cloud', 'Nordic SaaS, growing fast', {
      industry: 'Software Development', subIndustry: 'SaaS', employees: 280, hqCountry: 'NO', fundingStage: 'series-b', employeeGrowth6m: 35,
      technologies: ['HubSpot', 'BigQuery', 'Slack'], signals: [signal('funding', 300), signal('leadership-hire', 100)], foundedYear: 2018,
    }),
    a('paris-media', 'Lumière Media', 'media company in a served market', {
      industry: 'Media and Entertainment', employees: 700, hqCountry: 'FR', technologies: ['Salesforce', 'Looker'],
    }),
    a('aussie-retail', 'Koala Retail Group', 'retailer in ANZ with a warehouse', {
      industry: 'Retail', employees: 2400, hqCountry: 'AU', technologies: ['Snowflake', 'Power BI', 'Microsoft Teams'], revenueUsd: 900_000_000,
    }),
    a('dublin-ai', 'Liffey AI', 'young AI company, PLG-shaped', {
      industry: 'Software Development', subIndustry: 'Artificial Intelligence', employees: 85, hqCountry: 'IE', fundingStage: 'series-a', foundedYear: 2022,
      technologies: ['Slack', 'BigQuery', 'HubSpot'], signals: [signal('product-activation', 5), signal('funding', 150)], employeeGrowth6m: 40,
    }),
    a('texas-health', 'Lone Star Health', 'healthcare provider, no stack known', {
      industry: 'Hospitals and Health Care', employees: 3800, hqCountry: 'US', companyType: 'private',
    }),
    a('benelux-log', 'Benelux Logistics', 'logistics, old funding, a committee buyer', {
      industry: 'Transportation, Logistics, Supply Chain and Storage', employees: 1200, hqCountry: 'BE', fundingStage: 'private-equity',
      technologies: ['Salesforce'], buyingProcess: 'committee', signals: [signal('funding', 900)],
    }),
    a('kiwi-fin', 'Kiwi Credit Union', 'credit union in NZ, small but in range', {
      industry: 'Financial Services', subIndustry: 'Credit Unions', employees: 230, hqCountry: 'NZ', technologies: ['HubSpot'], championIdentified: false,
    }),
    a('denmark-data', 'Dansk Dataværk', 'data consultancy with every tool', {
      industry: 'IT Services and IT Consulting', subIndustry: 'Data Infrastructure and Analytics', employees: 520, hqCountry: 'DK', revenueUsd: 60_000_000,
      fundingStage: 'series-d', technologies: ['Salesforce', 'HubSpot', 'Snowflake', 'Databricks', 'Looker', 'Slack'],
      signals: [signal('funding', 45), signal('leadership-hire', 20), signal('tech-stack-change', 15)],
      championIdentified: true, budgetOwnerKnown: true, openToPilot: true, contractRenewalDate: inDays(30),
    }),
    a('lux-fund', 'Luxembourg Fund Services', 'financial services, very little stack', {
      industry: 'Financial Services', subIndustry: 'Investment Management', employees: 610, hqCountry: 'LU', technologies: ['Microsoft Teams'],
    }),
    a('austin-games', 'Bluebonnet Games', 'games studio, out of the core industries', {
      industry: 'Software Development', subIndustry: 'Computer Games', employees: 450, hqCountry: 'US', fundingStage: 'series-b',
      technologies: ['Slack'],
    }),
    a('custom-tier', 'Custom Fields Inc', 'carries imported custom columns', {
      industry: 'Software Development', employees: 300, hqCountry: 'US', technologies: ['HubSpot'],
      'custom.plan': 'enterprise', 'custom.seats': 140, 'custom.trial': true,
    }),
  ];
}
