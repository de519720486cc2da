import type { FactValues } from '../facts/vocabulary';

/**
 * One closed opportunity (or account) from an outcomes CSV, after normalisation. The builder measures segments of
 * these: who wins, who stays, who expands.
 */
export interface OutcomeRecord {
  /** Line in the CSV where the row starts (the header is line 1), for messages. */
  line: number;
  /** Company facts in the shared vocabulary: name, domain, industry, subIndustry, employees, hqCountry, technologies. */
  facts: FactValues;
  /** `open` rows (neither won nor lost yet) are read but are not outcomes: metrics skip them. */
  stage: 'won' | 'lost' | 'open';
  /** ISO date the deal closed. Needed for won and lost rows (tenure, time split). */
  closeDate?: string;
  /** ARR when the deal closed ("Initial ARR", or the opportunity "Amount"). Needed for won rows. */
  initialArr?: number;
  /** ARR today. Churned accounts count as 0 whatever the column says. */
  currentArr?: number;
  /** ISO date the account churned; its presence marks the account as lost. */
  churnDate?: string;
  /** Gross margin as a fraction (0.78), from "Gross Margin" or derived from "Cost to Serve". */
  grossMargin?: number;
  /**
   * Which account the row belongs to (`accountKeyOf`: account id, else domain, else name). Rows without one are
   * an account each. Metrics count accounts, not deals: one account with 105 won deals is one won account.
   */
  account?: string;
  /**
   * Which retention columns the file had. Absent = both (records built by hand). Without a churn column, logo
   * retention, churn and CLV are "not in this file"; without a current ARR column, NRR is.
   */
  tracks?: RetentionColumns;
  /** Set on records that stand for a whole account (`groupByAccount`): its closed and open deals. */
  deals?: DealCounts;
}

export interface RetentionColumns {
  churn: boolean;
  currentArr: boolean;
}

export interface DealCounts {
  won: number;
  lost: number;
  open: number;
}

/** A row the builder could not use, by line number. Such rows are counted and reported, never silently dropped. */
export interface RowProblem {
  line: number;
  message: string;
}

/** A 95 % interval for an estimate. */
export interface Interval {
  low: number;
  high: number;
}
