import type { FactValues } from '../facts/vocabulary';
import { notInFileReasons } from './findings';
import { type MetricName, type Metrics } from './metrics';
import { derivedFromOf } from './provenance';
import { proposeModel, type ProposeOptions, type Proposal } from './propose';
import { analyseSegments, type SegmentAnalysis, type SegmentAnalysisResult, type SegmentOptions } from './segments';
import { round } from './stats';
import type { Interval, OutcomeRecord } from './types';

/** The whole derivation: measure segments, then propose a model from them. */
export interface DeriveOptions extends ProposeOptions, Pick<SegmentOptions, 'thresholds' | 'pairs'> {
  prospects?: readonly FactValues[];
  /** The outcomes file, recorded in the model's `derivedFrom` with a sketch of its accounts. */
  source?: { file?: string; sha256?: string; until?: string };
}

/**
 * Throws NoProposalError (with the analysis) when no segment supports a criterion. The model records what it was
 * derived from (`derivedFrom`), so a backtest on the same accounts warns.
 */
export function derive(records: readonly OutcomeRecord[], options: DeriveOptions): { analysis: SegmentAnalysisResult; proposal: Proposal } {
  const analysis = analyseSegments(records, options);
  const proposal = proposeModel(analysis, records, options);
  proposal.model.derivedFrom = derivedFromOf(records, options.source);
  return { analysis, proposal };
}

/** Metrics as the report prints them: proportions and NRR to 3 decimals, money to whole units, intervals kept. */
export interface MetricsRow {
  /** Accounts with a closed deal; won / lost / churned are accounts too. */
  n: number;
  won: number;
  lost: number;
  churned: number;
  /** The deals behind the accounts. */
  deals: Metrics['deals'];
  /** Metrics the file cannot give (null above), with the column each needs. */
  notInFile: Partial<Record<MetricName, string>>;
  winRate: number | null;
  logoRetention: number | null;
  nrr: number | null;
  clv: number | null;
  tam: number | null;
  annualChurn: number | null;
  averageSellingPrice: number | null;
  expansionArr: number;
  intervals: { winRate: Interval | null; logoRetention: Interval | null; nrr: Interval | null };
}

/**
 * One segment in the report. `field` is a fact name (`subIndustry`, `employees`, `hqCountry`, `technologies`…);
 * for pairs it is the two joined with "+" (`subIndustry+employees`) and `fields` lists them; `value` is the display
 * value (pairs: "Credit Unions | 201-500"; regions: "EMEA", with `kind: "region"`). `when` is the segment as model
 * conditions, ready to paste into a model's `segments`.
 */
export interface SegmentRow extends MetricsRow {
  field: string;
  fields: string[];
  kind: SegmentAnalysis['kind'];
  value: string;
  label: string;
  flags: string[];
  lift: SegmentAnalysis['lift'];
  nrrWithout?: number | null;
  when: SegmentAnalysis['when'];
}

const r3 = (x: number | null) => (x === null ? null : round(x));
const money = (x: number | null) => (x === null ? null : Math.round(x));
const interval = (i: Interval | null) =>
  i === null ? null : { low: round(i.low), high: Number.isFinite(i.high) ? round(i.high) : i.high };

export function metricsRow(m: Metrics): MetricsRow {
  return {
    n: m.n,
    won: m.won,
    lost: m.lost,
    churned: m.churned,
    deals: { ...m.deals, perAccount: r3(m.deals.perAccount) },
    notInFile: notInFileReasons(m),
    winRate: r3(m.winRate),
    logoRetention: r3(m.logoRetention),
    nrr: r3(m.nrr),
    clv: money(m.clv),
    tam: money(m.tam),
    annualChurn: r3(m.annualChurn),
    averageSellingPrice: money(m.averageSellingPrice),
    expansionArr: Math.round(m.expansionArr),
    intervals: { winRate: interval(m.winRateInterval), logoRetention: interval(m.logoRetentionInterval), nrr: interval(m.nrrInterval) },
  };
}

export function segmentRow(s: SegmentAnalysis): SegmentRow {
  const row: SegmentRow = {
    field: s.field,
    fields: s.fields,
    kind: s.kind,
    value: s.value,
    label: s.label,
    ...metricsRow(s.metrics),
    flags: s.flags,
    lift: { nrr: r3(s.lift.nrr), logoRetention: r3(s.lift.logoRetention), winRate: r3(s.lift.winRate) },
    when: s.when,
  };
  if (s.nrrWithout !== undefined) row.nrrWithout = r3(s.nrrWithout);
  return row;
}
