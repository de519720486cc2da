import type { Signal } from '../../facts/vocabulary';

/**
 * Funding rounds, whichever part of the page they come from, and what the adapter derives from them:
 * one `funding` signal per round and the date of the latest round.
 */
export interface FundingRound {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** "Series B" (the transaction name without the company suffix), when known. */
  label?: string;
  /** The amount as the page gives it: "$40,000,000" (from USD numbers) or "$40M" (shown in the DOM). */
  amount?: string;
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** 40000000 → "$40,000,000". */
export function formatUsd(value: number): string {
  return USD.format(value);
}

/**
 * The round's label from Crunchbase's transaction name ("Series B - Acme Robotics" → "Series B"), else from its
 * investment type ("series_b" → "Series B").
 */
export function roundLabel(transactionName: string | undefined, companyName: string | undefined, investmentType?: string): string | undefined {
  const name = transactionName?.trim();
  if (name) {
    const suffix = companyName ? ` - ${companyName.trim()}` : undefined;
    if (suffix && name.toLowerCase().endsWith(suffix.toLowerCase())) return name.slice(0, -suffix.length).trim();
    return name;
  }
  if (investmentType) {
    return investmentType
      .split('_')
      .filter((word) => word !== '')
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join(' ');
  }
  return undefined;
}

/** One `funding` signal per round, newest first; the title is "Series B — $40,000,000" (parts that are known). */
export function fundingSignals(rounds: FundingRound[]): Signal[] {
  return newestFirst(rounds).map((round) => {
    const title = [round.label, round.amount].filter((part) => part !== undefined && part !== '').join(' — ');
    return title ? { type: 'funding', date: round.date, title } : { type: 'funding', date: round.date };
  });
}

/** The date of the most recent round. */
export function latestRoundDate(rounds: FundingRound[]): string | undefined {
  return newestFirst(rounds)[0]?.date;
}

function newestFirst(rounds: FundingRound[]): FundingRound[] {
  // ISO dates sort as strings.
  return [...rounds].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
