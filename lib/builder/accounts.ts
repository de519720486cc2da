import type { FactValues } from '../facts/vocabulary';
import type { DealCounts, OutcomeRecord } from './types';

/**
 * Outcomes are measured per account, not per deal. CRM exports list opportunities: one customer can have a hundred
 * won deals (renewals, add-ons, products). Counted as deals, such an account passes a "20 won accounts" guard alone
 * and its renewals read as a high win rate. So rows are grouped into accounts first; a segment's n, its guards and
 * its intervals are in accounts, and deals per account are reported beside them.
 */

/** What identifies the account of a row, most reliable first. */
export interface AccountIdentity {
  accountId?: string;
  domain?: string;
  name?: string;
}

const LEGAL_SUFFIX = /\s+(inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|plc|ag|sa|s\.a|bv|b\.v|pty|co ltd)\.?$/;

/** "Acme, Inc." and "ACME Inc" are the same account; a name alone is the weakest identity, so it is compared loosely. */
export function nameKey(name: string): string {
  let key = name.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== key; ) {
    previous = key;
    key = key.replace(LEGAL_SUFFIX, '').trim();
  }
  return key;
}

/**
 * The account identity of a row: its account id, else its domain, else its name; undefined when the row has none
 * (it is then an account of its own). The single place that decides, so a shared column mapping can feed it.
 */
export function accountKeyOf(row: AccountIdentity): string | undefined {
  const id = row.accountId?.trim().toLowerCase();
  if (id) return `id:${id}`;
  const domain = row.domain?.trim().toLowerCase().replace(/^www\./, '');
  if (domain) return `domain:${domain}`;
  const name = row.name ? nameKey(row.name) : '';
  return name ? `name:${name}` : undefined;
}

/** The account a record counts for: its key, or its own line when the row named no account. */
export const accountOf = (r: OutcomeRecord): string => r.account ?? `line:${r.line}`;

/** A record's deals: those of a grouped account, or the row itself. */
export function dealsOf(r: OutcomeRecord): DealCounts {
  if (r.deals) return r.deals;
  return { won: r.stage === 'won' ? 1 : 0, lost: r.stage === 'lost' ? 1 : 0, open: r.stage === 'open' ? 1 : 0 };
}

/** Records (deals, or accounts already grouped) → one record per account. Idempotent. */
export function groupByAccount(records: readonly OutcomeRecord[]): OutcomeRecord[] {
  // Segments are cut from accounts already grouped: nothing to do (the hot path of the builder).
  if (records.every((r) => r.deals !== undefined)) return records as OutcomeRecord[];
  const byAccount = new Map<string, OutcomeRecord[]>();
  for (const r of records) {
    const key = accountOf(r);
    const rows = byAccount.get(key);
    if (rows) rows.push(r);
    else byAccount.set(key, [r]);
  }
  return [...byAccount.entries()].map(([key, rows]) => (rows.length === 1 && rows[0].deals ? rows[0] : mergeAccount(key, rows)));
}

/**
 * One account from its rows:
 * - a customer (won) when any deal was won, since its first won close date (tenure runs from there);
 *   otherwise lost, as of its last lost deal;
 * - initial ARR = Σ won deals' initial ARR; current ARR = Σ of theirs (churned deals count 0);
 * - churned only when every won deal churned, on the last churn date;
 * - facts from the newest row, gaps filled from older ones.
 */
function mergeAccount(key: string, rows: readonly OutcomeRecord[]): OutcomeRecord {
  const deals: DealCounts = { won: 0, lost: 0, open: 0 };
  for (const r of rows) {
    const d = dealsOf(r);
    deals.won += d.won;
    deals.lost += d.lost;
    deals.open += d.open;
  }
  const won = rows.filter((r) => r.stage === 'won');
  const lost = rows.filter((r) => r.stage === 'lost');
  const stage: OutcomeRecord['stage'] = won.length ? 'won' : lost.length ? 'lost' : 'open';
  const newestFirst = [...rows].sort((a, b) => (b.closeDate ?? '').localeCompare(a.closeDate ?? ''));
  const facts: FactValues = {};
  for (const r of newestFirst)
    for (const [name, value] of Object.entries(r.facts)) if (!(name in facts) && value !== undefined) (facts as Record<string, unknown>)[name] = value;

  const account: OutcomeRecord = {
    line: Math.min(...rows.map((r) => r.line)),
    facts,
    stage,
    account: key,
    deals,
    tracks: {
      churn: rows.some((r) => r.tracks?.churn ?? true),
      currentArr: rows.some((r) => r.tracks?.currentArr ?? true),
    },
  };
  const dates = (list: readonly OutcomeRecord[]) => list.map((r) => r.closeDate).filter((d): d is string => !!d).sort();
  if (stage === 'won') {
    account.closeDate = dates(won)[0];
    account.initialArr = won.reduce((s, r) => s + (r.initialArr ?? 0), 0);
    const churned = won.filter((r) => r.churnDate !== undefined);
    if (churned.length === won.length) account.churnDate = churned.map((r) => r.churnDate!).sort().at(-1);
    if (won.some((r) => r.currentArr !== undefined || r.churnDate !== undefined))
      account.currentArr = won.reduce((s, r) => s + (r.churnDate !== undefined ? 0 : (r.currentArr ?? r.initialArr ?? 0)), 0);
    const margins = won.filter((r) => r.grossMargin !== undefined);
    const weight = margins.reduce((s, r) => s + (r.initialArr ?? 0), 0);
    if (margins.length)
      account.grossMargin =
        weight > 0
          ? margins.reduce((s, r) => s + r.grossMargin! * (r.initialArr ?? 0), 0) / weight
          : margins.reduce((s, r) => s + r.grossMargin!, 0) / margins.length;
  } else {
    account.closeDate = dates(stage === 'lost' ? lost : rows).at(-1);
    const initial = rows.filter((r) => r.initialArr !== undefined);
    if (initial.length) account.initialArr = initial.reduce((s, r) => s + r.initialArr!, 0);
  }
  return account;
}
