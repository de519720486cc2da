import { dealsOf, groupByAccount } from './accounts';
import { ratioInterval, sum, wilson } from './stats';
import type { Interval, OutcomeRecord } from './types';

/**
 * Lifecycle metrics for a set of outcome records (a segment, or all of them as the baseline). Records are grouped by
 * account first (lib/builder/accounts.ts): every count, guard and interval is in accounts.
 *
 * - n:             accounts with a closed deal (won or lost). Open opportunities are not outcomes and are skipped.
 * - won / lost:    accounts with a won deal (customers) / accounts with lost deals only.
 * - deals:         closed deals behind them, and deals per account.
 * - winRate:       won deals / closed deals; its interval treats each account as one observation (a ratio of sums
 *                  over accounts), so a hundred deals of one account do not make it narrow.
 * - logoRetention: won accounts without a churn date / won accounts (observed since each deal closed, not annualised).
 * - nrr:           Σ current ARR / Σ initial ARR over won accounts; a churned account's current ARR counts as 0.
 * - annualChurn:   churn events per account-year of observed tenure (closeDate → churnDate or asOf) give a hazard λ;
 *                  annual churn = 1 − e^(−λ). This corrects for tenure: a segment of recent deals has had less time to
 *                  churn than an old one.
 * - clv:           average initial ARR × gross margin × expected lifetime, where expected lifetime (years) =
 *                  1 / annual churn, capped at `lifetimeCapYears` (default 10; also used when no account churned).
 *                  Gross margin is the mean of the accounts' "Gross Margin" (or 1 − cost to serve / ARR) where known,
 *                  else `defaultGrossMargin` (default 1: CLV is then lifetime revenue).
 * - tam:           average selling price (average initial ARR of won deals) × matching prospect accounts, when a
 *                  prospect count is given.
 *
 * Every figure is null when its denominator is empty (no won deals → no retention, NRR or CLV), and when the file
 * lacks its columns (`notInFile`): no churn column → no logo retention, churn or CLV; no current ARR → no NRR.
 */
export interface Metrics {
  n: number;
  won: number;
  lost: number;
  churned: number;
  deals: DealFigures;
  /** Metrics the file cannot give (their columns are missing): null, never a default such as 100 %. */
  notInFile: MetricName[];
  winRate: number | null;
  winRateInterval: Interval | null;
  logoRetention: number | null;
  logoRetentionInterval: Interval | null;
  nrr: number | null;
  nrrInterval: Interval | null;
  /** Σ initial ARR of won accounts. */
  initialArr: number;
  /** Σ current ARR of won accounts (churned count 0). */
  currentArr: number;
  /** Σ max(0, current − initial) over won accounts still customers: the expansion revenue. */
  expansionArr: number;
  /** Average initial ARR of won deals (the average selling price). */
  averageSellingPrice: number | null;
  grossMargin: number | null;
  annualChurn: number | null;
  expectedLifetimeYears: number | null;
  clv: number | null;
  /** Matching prospect accounts (when a prospect list was given). */
  prospects: number | null;
  tam: number | null;
}

export interface DealFigures {
  /** Closed deals (won + lost). */
  closed: number;
  won: number;
  lost: number;
  /** Closed deals per account (mean), and the most any one account has. */
  perAccount: number | null;
  maxPerAccount: number;
}

export type MetricName = 'logoRetention' | 'annualChurn' | 'clv' | 'nrr';

/** Why each metric can be missing from a file: the column it needs. */
export const METRIC_COLUMNS: Record<MetricName, string> = {
  logoRetention: 'a churn date column',
  annualChurn: 'a churn date column',
  clv: 'a churn date column',
  nrr: 'a current ARR column',
};

/** Metrics a set of records cannot give, from the columns its file had. */
export function metricsNotInFile(records: readonly OutcomeRecord[]): MetricName[] {
  const churn = records.length === 0 || records.some((r) => r.tracks?.churn ?? true);
  const current = records.length === 0 || records.some((r) => r.tracks?.currentArr ?? true);
  return [...(churn ? [] : (['logoRetention', 'annualChurn', 'clv'] as const)), ...(current ? [] : (['nrr'] as const))];
}

export interface MetricOptions {
  /** "Today" for tenure (ISO date). Pass it explicitly: metrics are deterministic. See defaultAsOf. */
  asOf: string;
  lifetimeCapYears?: number;
  defaultGrossMargin?: number;
  /** Number of prospect accounts that match the segment; gives TAM. */
  prospectCount?: number;
}

export const DEFAULT_LIFETIME_CAP_YEARS = 10;
const YEAR_MS = 365.25 * 86_400_000;

/** Churned: the row carries a churn date. */
export const isChurned = (r: OutcomeRecord) => r.churnDate !== undefined;

/** Current ARR as the metrics read it: 0 once churned; unknown current ARR means "unchanged". */
export function currentArrOf(r: OutcomeRecord): number {
  if (isChurned(r)) return 0;
  return r.currentArr ?? r.initialArr ?? 0;
}

/** Expansion revenue of one won account: growth above its initial ARR while still a customer. */
export function expansionOf(r: OutcomeRecord): number {
  return Math.max(0, currentArrOf(r) - (r.initialArr ?? 0));
}

/** The latest close or churn date in the records: a deterministic "today" for an export. */
export function defaultAsOf(records: readonly OutcomeRecord[]): string {
  let latest = '';
  for (const r of records) {
    if (r.closeDate && r.closeDate > latest) latest = r.closeDate;
    if (r.churnDate && r.churnDate > latest) latest = r.churnDate;
  }
  return latest || '1970-01-01';
}

function years(fromIso: string, toIso: string): number {
  return (Date.parse(toIso.slice(0, 10)) - Date.parse(fromIso.slice(0, 10))) / YEAR_MS;
}

export function computeMetrics(records: readonly OutcomeRecord[], options: MetricOptions): Metrics {
  const cap = options.lifetimeCapYears ?? DEFAULT_LIFETIME_CAP_YEARS;
  const accounts = groupByAccount(records).filter((a) => a.stage !== 'open');
  const won = accounts.filter((r) => r.stage === 'won');
  const lost = accounts.length - won.length;
  const churned = won.filter(isChurned).length;
  const n = accounts.length;
  const notInFile = metricsNotInFile(accounts);
  const missing = (name: MetricName) => notInFile.includes(name);

  const perAccount = accounts.map(dealsOf);
  const dealsWon = sum(perAccount.map((d) => d.won));
  const closedPer = perAccount.map((d) => d.won + d.lost);
  const dealsClosed = sum(closedPer);
  const maxPerAccount = closedPer.length ? Math.max(...closedPer) : 0;

  const initial = won.map((r) => r.initialArr ?? 0);
  const current = won.map(currentArrOf);
  const initialArr = sum(initial);
  const currentArr = sum(current);
  const expansionArr = sum(won.map(expansionOf));

  // Tenure at risk: from close to churn (or to asOf for accounts still with us); never negative.
  let exposure = 0;
  for (const r of won) {
    if (!r.closeDate) continue;
    exposure += Math.max(0, years(r.closeDate, r.churnDate && r.churnDate < options.asOf ? r.churnDate : options.asOf));
  }
  let annualChurn: number | null = null;
  let lifetime: number | null = null;
  if (missing('annualChurn')) {
    // No churn column: churn is unknown, not zero.
  } else if (won.length > 0 && exposure > 0) {
    annualChurn = 1 - Math.exp(-churned / exposure);
    lifetime = annualChurn === 0 ? cap : Math.min(cap, 1 / annualChurn);
  } else if (won.length > 0 && churned === 0) {
    // Only brand-new accounts: no churn seen and no time to see any. Assume the cap, as with no churn at all.
    annualChurn = 0;
    lifetime = cap;
  }

  const margins = won.map((r) => r.grossMargin).filter((m): m is number => m !== undefined);
  const grossMargin = won.length === 0 ? null : margins.length ? sum(margins) / margins.length : (options.defaultGrossMargin ?? 1);
  const asp = won.length === 0 ? null : initialArr / won.length;
  const clv = asp === null || grossMargin === null || lifetime === null ? null : Math.max(0, asp * grossMargin * lifetime);
  const prospects = options.prospectCount ?? null;
  const retention = !missing('logoRetention');
  const nrrKnown = !missing('nrr');

  return {
    n,
    won: won.length,
    lost,
    churned,
    deals: {
      closed: dealsClosed,
      won: dealsWon,
      lost: dealsClosed - dealsWon,
      perAccount: n === 0 ? null : dealsClosed / n,
      maxPerAccount,
    },
    notInFile,
    winRate: dealsClosed === 0 ? null : dealsWon / dealsClosed,
    winRateInterval: winRateInterval(perAccount.map((d) => d.won), closedPer),
    logoRetention: retention && won.length > 0 ? (won.length - churned) / won.length : null,
    logoRetentionInterval: retention ? (wilson(won.length - churned, won.length) ?? null) : null,
    nrr: nrrKnown && initialArr > 0 ? currentArr / initialArr : null,
    nrrInterval: nrrKnown ? (ratioInterval(current, initial) ?? null) : null,
    initialArr,
    currentArr,
    expansionArr,
    averageSellingPrice: asp,
    grossMargin,
    annualChurn,
    expectedLifetimeYears: lifetime,
    clv,
    prospects,
    tam: prospects === null || asp === null ? null : asp * prospects,
  };
}

/**
 * Win rate's interval with accounts as the unit: Wilson when each account has one closed deal (the usual case, and
 * honest at small n); otherwise the ratio-of-sums interval over accounts, kept inside [0, 1].
 */
function winRateInterval(wonPer: readonly number[], closedPer: readonly number[]): Interval | null {
  const deals = sum(closedPer);
  if (deals === 0) return null;
  if (closedPer.every((c) => c === 1)) return wilson(sum(wonPer), deals) ?? null;
  const i = ratioInterval(wonPer, closedPer);
  return i ? { low: Math.max(0, i.low), high: Math.min(1, i.high) } : null;
}
