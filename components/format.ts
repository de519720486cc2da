import type { FactSource } from '../lib/facts/vocabulary';

/** Display text for fact values. Pure, so the card, side panel and popup show values the same way. */

// Fact values in words (enum ids never shown) live in lib/facts/display.ts, shared with the card view's notes.
export { formatFactValue, formatMoney } from '../lib/facts/display';

export const FACT_LABELS: Record<string, string> = {
  name: 'Company',
  domain: 'Website',
  linkedinUrl: 'LinkedIn',
  crunchbaseUrl: 'Crunchbase',
  crmId: 'CRM id',
  industry: 'Industry',
  subIndustry: 'Sub-industry',
  employees: 'Employees',
  revenueUsd: 'Revenue',
  hqCountry: 'HQ country',
  hqRegion: 'HQ region',
  hqCity: 'HQ city',
  foundedYear: 'Founded',
  companyType: 'Type',
  fundingStage: 'Funding stage',
  totalFundingUsd: 'Total funding',
  lastFundingDate: 'Last funding',
  employeeGrowth6m: 'Headcount growth (6m)',
  technologies: 'Technologies',
  signals: 'Signals',
  buyingProcess: 'Buying process',
  championIdentified: 'Champion identified',
  budgetOwnerKnown: 'Budget owner known',
  incumbentVendor: 'Incumbent vendor',
  contractRenewalDate: 'Contract renewal',
  openToPilot: 'Open to pilot',
  lifecycleStage: 'Lifecycle stage',
  owner: 'Owner',
};

export const factLabel = (field: string) =>
  FACT_LABELS[field] ?? (field.startsWith('custom.') ? field.slice('custom.'.length) : field);

export function formatSource(source: FactSource): string {
  const kind = { page: 'this page', list: 'account list', crm: 'CRM', user: 'you' }[source.kind];
  return source.detail ? `${kind} (${source.detail})` : kind;
}

/** Only http(s) links are ever rendered; anything else (javascript:, data:) is shown as text. */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
