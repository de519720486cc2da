import { formatMoney } from '../lib/facts/display';
import type { FactSource } from '../lib/facts/vocabulary';
import type { Evidence } from '../lib/model/schema';

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

/** "NRR 128%, logo retention 94%, CLV $412K, n=420": the figures of a segment's or criterion's evidence. */
export function evidenceFigures(e: Evidence): string {
  return [
    e.nrr !== undefined && `NRR ${percent(e.nrr)}`,
    e.logoRetention !== undefined && `logo retention ${percent(e.logoRetention)}`,
    e.clv !== undefined && `CLV ${formatMoney(e.clv)}`,
    e.n !== undefined && e.source === 'builder' && `n=${e.n}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Where to get real figures instead of examples. */
export const BUILDER_POINTER = 'build yours from your outcomes in Options → Builder';

/**
 * Says whose figures these are: the team's (from the builder, with n and date), example figures, or figures typed
 * into the model by hand. Only builder figures are presented as the team's data.
 */
export function evidenceProvenance(e: Evidence): string {
  if (e.source === 'builder') return `your outcomes${e.n !== undefined ? `, n=${e.n}` : ''}${e.asOf ? `, as of ${e.asOf}` : ''}`;
  if (e.source === 'example') return `example figures, not your data: ${BUILDER_POINTER}`;
  return `typed into the model, not computed from outcomes: ${BUILDER_POINTER}`;
}
