import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from './accounts';

/**
 * Writes a CRM-export-like CSV of synthetic accounts for the CSV bench: the headers and value spellings a HubSpot or
 * Salesforce export has ("Number of Employees" as "1,001-5,000" or "250", "Annual Revenue" as "$12,000,000",
 * country names, "Yes"/"No"), so the bench pays for real normalisation. Seeded: same file every run.
 */
export const CSV_HEADERS = [
  'Company Name', 'Website', 'Industry', 'Number of Employees', 'Annual Revenue', 'Billing Country', 'City',
  'Year Founded', 'Last Funding Type', 'Total Funding', 'Last Funding Date', 'Technologies', 'Champion Identified',
  'Open to Pilot', 'Contract Renewal Date', 'Lifecycle Stage', 'Account Owner', 'Notes',
];

const INDUSTRIES = ['Software Development', 'Financial Services', 'IT Services and IT Consulting', 'Retail', 'Manufacturing', 'Banking', 'Hospital & Health Care'];
const EMPLOYEES = ['11-50', '51-200', '201-500', '501-1,000', '1,001-5,000', '5,001-10,000', '10,001+', '250', '1200', '45', '3,400'];
const REVENUE = ['$12,000,000', '5M', '$250M', '1.2B', '$800,000', '45000000', '$10M-$50M'];
const COUNTRIES = ['United States', 'US', 'Germany', 'United Kingdom', 'France', 'Canada', 'Netherlands', 'India', 'Brazil', 'Australia'];
const CITIES = ['Austin', 'Berlin', 'London', 'Paris', 'Toronto', 'Amsterdam', 'Bangalore', 'São Paulo', 'Sydney'];
const STAGES = ['Seed', 'Series A', 'Series B', 'Series C', 'Series D', 'Private Equity', 'IPO', 'Debt Financing'];
const TECH = ['Salesforce', 'HubSpot', 'Snowflake', 'BigQuery', 'Looker', 'Tableau', 'Slack', 'Microsoft Teams', 'dbt', 'AWS'];
const STAGE_NAMES = ['Lead', 'MQL', 'SQL', 'Opportunity', 'Customer'];

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeAccountsCsv(path: string, rows: number, seed = 7): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const maybe = (p: number, value: () => string) => (rnd() < p ? value() : '');
  const day = (from: number, span: number) => new Date(Date.UTC(2025, 0, 1) + Math.floor(from + rnd() * span) * 86_400_000).toISOString().slice(0, 10);
  const out = createWriteStream(path);
  let buffer = CSV_HEADERS.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    const cells = [
      `Company ${i}`,
      `company${i}.com`,
      maybe(0.85, () => pick(INDUSTRIES)),
      maybe(0.9, () => pick(EMPLOYEES)),
      maybe(0.6, () => pick(REVENUE)),
      maybe(0.9, () => pick(COUNTRIES)),
      maybe(0.7, () => pick(CITIES)),
      maybe(0.6, () => String(1970 + Math.floor(rnd() * 54))),
      maybe(0.6, () => pick(STAGES)),
      maybe(0.5, () => `$${Math.floor(rnd() * 300)},000,000`),
      maybe(0.5, () => day(-2000, 2100)),
      maybe(0.75, () => [pick(TECH), pick(TECH), pick(TECH)].join('; ')),
      maybe(0.4, () => pick(['Yes', 'No'])),
      maybe(0.3, () => pick(['true', 'false'])),
      maybe(0.4, () => day(0, 700)),
      maybe(0.5, () => pick(STAGE_NAMES)),
      maybe(0.8, () => pick(['Ana', 'Ben', 'Chloé', 'Dmitri'])),
      maybe(0.2, () => 'Met at SaaStr, "warm" intro, follow up in Q3'),
    ];
    buffer += cells.map(quote).join(',') + '\n';
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
