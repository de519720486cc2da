import { writeCsv } from './csv';

/**
 * Synthetic outcome data with planted effects, for tests and demos. Seeded: the same options give the same file.
 *
 * Planted (see PLANTED):
 * - Credit Unions: high NRR (survivors expand ×1.4, churn 5 %/yr) → NRR ≈ 1.3.
 * - Insurance: the accidental ICP: win rate 60 % (others ≈ 30 %) but churn 30 %/yr and no expansion.
 * - Snowflake users expand ×1.25 more than others (an expansion driver).
 * - Companies under 51 employees churn 15 points a year more (the headcount gate).
 * Everything else is noise: ARR scales with company size with log-normal noise, expansion varies per account.
 *
 * Rows come out in the shape a CRM exports them: "Closed Won", "$114,300.00", "United States", "Salesforce; Slack".
 */

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SubIndustryProfile {
  industry: string;
  subIndustry: string;
  weight: number;
  winRate: number;
  annualChurn: number;
  /** Current ARR / initial ARR for accounts still customers (before noise and technology effects). */
  expansion: number;
}

export const PLANTED = {
  highNrrSubIndustry: 'Credit Unions',
  accidentalIcpSubIndustry: 'Insurance',
  accidentalIcpWinRate: 0.6,
  accidentalIcpAnnualChurn: 0.3,
  expansionTechnology: 'Snowflake',
  expansionTechnologyFactor: 1.25,
  smallCompanyMaxEmployees: 50,
  smallCompanyExtraChurn: 0.15,
} as const;

export const SUB_INDUSTRIES: readonly SubIndustryProfile[] = [
  { industry: 'Financial Services', subIndustry: 'Credit Unions', weight: 0.12, winRate: 0.3, annualChurn: 0.05, expansion: 1.4 },
  { industry: 'Financial Services', subIndustry: 'Insurance', weight: 0.12, winRate: 0.6, annualChurn: 0.3, expansion: 1.0 },
  { industry: 'Financial Services', subIndustry: 'Banking', weight: 0.1, winRate: 0.3, annualChurn: 0.1, expansion: 1.1 },
  { industry: 'Software Development', subIndustry: 'SaaS', weight: 0.18, winRate: 0.3, annualChurn: 0.12, expansion: 1.12 },
  { industry: 'Software Development', subIndustry: 'Data Infrastructure and Analytics', weight: 0.1, winRate: 0.28, annualChurn: 0.1, expansion: 1.15 },
  { industry: 'IT Services and IT Consulting', subIndustry: 'Cloud Computing Services', weight: 0.1, winRate: 0.3, annualChurn: 0.12, expansion: 1.08 },
  { industry: 'Hospitals and Health Care', subIndustry: 'Hospitals', weight: 0.1, winRate: 0.25, annualChurn: 0.12, expansion: 1.05 },
  { industry: 'Manufacturing', subIndustry: 'Medical Equipment Manufacturing', weight: 0.08, winRate: 0.28, annualChurn: 0.12, expansion: 1.05 },
];

/** Country as CRMs write it, with its share of deals. */
const COUNTRIES: readonly [string, number][] = [
  ['United States', 0.45], ['UK', 0.12], ['Germany', 0.1], ['Canada', 0.08], ['France', 0.07],
  ['Netherlands', 0.05], ['Australia', 0.06], ['India', 0.04], ['Brazil', 0.03],
];

/** Technology and the share of companies that use it. */
const TECHNOLOGIES: readonly [string, number][] = [
  ['Salesforce', 0.5], ['HubSpot', 0.3], ['Snowflake', 0.3], ['Slack', 0.6], ['Looker', 0.2], ['Tableau', 0.25],
  ['BigQuery', 0.15], ['Zendesk', 0.2],
];

export const SYNTHETIC_HEADERS = [
  'Account Name', 'Website', 'Industry', 'Sub-Industry', 'Number of Employees', 'Billing Country', 'Technologies',
  'Opportunity Stage', 'Close Date', 'Initial ARR', 'Current ARR', 'Churn Date', 'Gross Margin',
] as const;
export type SyntheticRow = Record<(typeof SYNTHETIC_HEADERS)[number], string>;

export interface SyntheticOptions {
  seed?: number;
  /** Number of closed (and a few open) opportunities. Default 3000. */
  deals?: number;
  /** First close date (ISO). Default 2021-01-01. */
  from?: string;
  /** The export date: churn and current ARR are as of this day. Default 2025-01-01. */
  asOf?: string;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "$114,300.00" */
export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function pick<T>(random: () => number, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let x = random() * total;
  for (const t of items) {
    x -= weight(t);
    if (x < 0) return t;
  }
  return items[items.length - 1];
}

/** A standard normal draw (Box-Muller). */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** The planted company facts, drawn once per deal. */
function drawCompany(random: () => number, i: number) {
  const profile = pick(random, SUB_INDUSTRIES, (p) => p.weight);
  const employees = Math.round(Math.exp(Math.log(3) + random() * (Math.log(20000) - Math.log(3))));
  const country = pick(random, COUNTRIES, ([, w]) => w)[0];
  const technologies = TECHNOLOGIES.filter(([, share]) => random() < share).map(([t]) => t);
  const name = `${profile.subIndustry.split(' ')[0]} Co ${i + 1}`;
  return { profile, employees, country, technologies, name, website: `https://www.company${i + 1}.example.com` };
}

/** Employee counts as CRMs show them: mostly "1,250", sometimes a LinkedIn band. */
function employeesText(random: () => number, employees: number): string {
  if (random() < 0.15) {
    const bands = [[2, 10], [11, 50], [51, 200], [201, 500], [501, 1000], [1001, 5000], [5001, 10000]];
    const band = bands.find(([lo, hi]) => employees >= lo && employees <= hi);
    if (band) return `${band[0].toLocaleString('en-US')}-${band[1].toLocaleString('en-US')}`;
  }
  return employees.toLocaleString('en-US');
}

export function generateOutcomes(options: SyntheticOptions = {}): SyntheticRow[] {
  const random = seededRandom(options.seed ?? 42);
  const deals = options.deals ?? 3000;
  const start = Date.parse(options.from ?? '2021-01-01');
  const asOf = Date.parse(options.asOf ?? '2025-01-01');
  const rows: SyntheticRow[] = [];
  for (let i = 0; i < deals; i++) {
    const c = drawCompany(random, i);
    const closeMs = start + Math.floor(random() * ((asOf - 30 * DAY_MS - start) / DAY_MS)) * DAY_MS;
    const open = random() < 0.02;
    const won = !open && random() < c.profile.winRate;
    // ARR grows with company size, with log-normal noise; rounded to $100 as price books are.
    const initial = Math.round((12000 * Math.pow(c.employees / 50, 0.35) * Math.exp(0.35 * normal(random))) / 100) * 100;
    const row: SyntheticRow = {
      'Account Name': c.name,
      Website: c.website,
      Industry: c.profile.industry,
      'Sub-Industry': c.profile.subIndustry,
      'Number of Employees': employeesText(random, c.employees),
      'Billing Country': c.country,
      Technologies: c.technologies.join('; '),
      'Opportunity Stage': open ? 'Negotiation' : won ? 'Closed Won' : 'Closed Lost',
      'Close Date': open ? '' : iso(closeMs),
      'Initial ARR': formatUsd(initial),
      'Current ARR': '',
      'Churn Date': '',
      'Gross Margin': '',
    };
    if (won) {
      const small = c.employees <= PLANTED.smallCompanyMaxEmployees;
      const annualChurn = Math.min(0.95, c.profile.annualChurn + (small ? PLANTED.smallCompanyExtraChurn : 0));
      const hazard = -Math.log(1 - annualChurn);
      const churnAfterMs = (-Math.log(Math.max(random(), 1e-12)) / hazard) * YEAR_MS;
      const techFactor = c.technologies.includes(PLANTED.expansionTechnology) ? PLANTED.expansionTechnologyFactor : 1;
      const current = Math.round((initial * c.profile.expansion * techFactor * Math.exp(0.15 * normal(random))) / 100) * 100;
      if (closeMs + churnAfterMs < asOf) {
        row['Churn Date'] = iso(closeMs + churnAfterMs);
        row['Current ARR'] = formatUsd(0);
      } else row['Current ARR'] = formatUsd(current);
      row['Gross Margin'] = `${Math.round(70 + random() * 15)}%`;
    }
    rows.push(row);
  }
  return rows;
}

/** Prospect accounts (not customers) with the same company mix, for TAM. */
export function generateProspects(options: { seed?: number; accounts?: number } = {}): Record<string, string>[] {
  const random = seededRandom(options.seed ?? 7);
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < (options.accounts ?? 1000); i++) {
    const c = drawCompany(random, 100_000 + i);
    rows.push({
      'Account Name': c.name,
      Website: c.website,
      Industry: c.profile.industry,
      'Sub-Industry': c.profile.subIndustry,
      'Number of Employees': employeesText(random, c.employees),
      'Billing Country': c.country,
      Technologies: c.technologies.join('; '),
    });
  }
  return rows;
}

/** Rows (objects keyed by header) → CSV text with those headers, in the order of the first row's keys. */
export function rowsToCsv(rows: readonly Record<string, string>[]): string {
  const headers = rows.length ? Object.keys(rows[0]) : [...SYNTHETIC_HEADERS];
  return writeCsv(headers, rows.map((r) => headers.map((h) => r[h] ?? '')));
}

/** A ready outcomes CSV (for sample files and benchmarks): `writeFileSync(path, syntheticOutcomesCsv())`. */
export function syntheticOutcomesCsv(options: SyntheticOptions = {}): string {
  return rowsToCsv(generateOutcomes(options));
}
