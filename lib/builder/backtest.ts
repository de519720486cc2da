import { compileModel, scoreCompiled, type Verdict } from '../engine/score';
import type { IcpModel } from '../model/schema';
import { groupByAccount } from './accounts';
import { derive, type DeriveOptions } from './derive';
import { checkInSample, type InSampleCheck } from './provenance';
import { computeMetrics, expansionOf, type Metrics } from './metrics';
import { quantile, sum } from './stats';
import type { OutcomeRecord } from './types';

/**
 * Backtest: does the model pick the accounts that stay and grow? Score the test accounts with the engine, then
 * compare the outcomes of fit and not-fit accounts, and of each tier. The honest version is a time split: derive on
 * the older deals, test on the newer ones (`backtest`); `evaluateModel` scores any model on any records.
 */

export interface GroupFigures {
  /** Closed deals (won + lost) in the group. */
  n: number;
  won: number;
  winRate: number | null;
  logoRetention: number | null;
  nrr: number | null;
  clv: number | null;
  annualChurn: number | null;
  /** Share of the test set's won accounts in this group. */
  accountShare: number | null;
  /** Expansion revenue (Σ growth above initial ARR of retained accounts) in the group. */
  expansionArr: number;
  /** Share of the test set's expansion revenue in this group. */
  expansionShare: number | null;
}

export interface Evaluation {
  /** n = closed deals tested; accounts = the accounts they belong to (each scored once). */
  test: { n: number; accounts: number; from: string | null; to: string | null };
  /** Whether the model was derived on these accounts (from its `derivedFrom`); `warning` when it was. */
  inSample: InSampleCheck;
  fit: GroupFigures;
  notFit: GroupFigures;
  /** Accounts the model could not decide for lack of facts. */
  needsData: GroupFigures;
  /** Fit accounts by tier, in the model's tier order (best first). */
  tiers: ({ tier: string; label: string } & GroupFigures)[];
  /** The top tiers (all but the last, or the only one): their share of expansion revenue vs their share of accounts. */
  topTiers: { tiers: string[]; accountShare: number | null; expansionShare: number | null };
}

export interface BacktestResult extends Evaluation {
  cutDate: string;
  train: { n: number; from: string | null; to: string | null };
  model: IcpModel;
}

const closed = (r: OutcomeRecord) => (r.stage === 'won' || r.stage === 'lost') && r.closeDate !== undefined;

function span(records: readonly OutcomeRecord[]) {
  const dates = records.map((r) => r.closeDate!).sort();
  return { n: records.length, from: dates[0] ?? null, to: dates.at(-1) ?? null };
}

/** The default cut: the 70th percentile of close dates, so 70 % of the deals derive and the newest 30 % test. */
export function defaultCutDate(records: readonly OutcomeRecord[]): string {
  const times = records.filter(closed).map((r) => Date.parse(r.closeDate!));
  const q = quantile(times, 0.7);
  if (q === undefined) throw new Error('no closed deals with a close date to split');
  return new Date(q).toISOString().slice(0, 10);
}

/** Deals closed before the cut train; deals closed on or after it test. */
export function timeSplit(records: readonly OutcomeRecord[], cutDate = defaultCutDate(records)) {
  const train = records.filter((r) => closed(r) && r.closeDate! < cutDate);
  const test = records.filter((r) => closed(r) && r.closeDate! >= cutDate);
  return { cutDate, train, test };
}

function figures(records: readonly OutcomeRecord[], totals: { won: number; expansion: number }, asOf: string): GroupFigures {
  const m: Metrics = computeMetrics(records, { asOf });
  const expansionArr = sum(records.filter((r) => r.stage === 'won').map(expansionOf));
  return {
    n: m.n,
    won: m.won,
    winRate: m.winRate,
    logoRetention: m.logoRetention,
    nrr: m.nrr,
    clv: m.clv,
    annualChurn: m.annualChurn,
    accountShare: totals.won ? m.won / totals.won : null,
    expansionArr,
    expansionShare: totals.expansion ? expansionArr / totals.expansion : null,
  };
}

/**
 * Scores each closed account with the model (as of `asOf`) and compares outcomes by verdict and tier. Deals are
 * grouped into accounts first: an account is scored once, on its newest facts, and counts once.
 */
export function evaluateModel(
  model: IcpModel,
  records: readonly OutcomeRecord[],
  options: { asOf: string; sha256?: string },
): Evaluation {
  const deals = records.filter(closed);
  const test = groupByAccount(deals);
  const compiled = compileModel(model);
  const now = Date.parse(options.asOf.slice(0, 10));
  const byVerdict: Record<Verdict, OutcomeRecord[]> = { fit: [], 'not-fit': [], 'needs-data': [] };
  const byTier = new Map<string, OutcomeRecord[]>(model.tiers.map((t) => [t.id, []]));
  for (const r of test) {
    const result = scoreCompiled(compiled, r.facts, now);
    byVerdict[result.verdict].push(r);
    if (result.tier) byTier.get(result.tier)!.push(r);
  }
  const won = test.filter((r) => r.stage === 'won');
  const totals = { won: won.length, expansion: sum(won.map(expansionOf)) };
  const tiers = model.tiers.map((t) => ({ tier: t.id, label: t.label, ...figures(byTier.get(t.id)!, totals, options.asOf) }));
  const top = tiers.length > 1 ? tiers.slice(0, -1) : tiers;
  return {
    test: { ...span(deals), accounts: test.length },
    inSample: checkInSample(model.derivedFrom, deals, options.sha256),
    fit: figures(byVerdict.fit, totals, options.asOf),
    notFit: figures(byVerdict['not-fit'], totals, options.asOf),
    needsData: figures(byVerdict['needs-data'], totals, options.asOf),
    tiers,
    topTiers: {
      tiers: top.map((t) => t.tier),
      accountShare: totals.won ? sum(top.map((t) => t.won)) / totals.won : null,
      expansionShare: totals.expansion ? sum(top.map((t) => t.expansionArr)) / totals.expansion : null,
    },
  };
}

/** Time-split backtest of the builder itself: derive on deals before the cut, evaluate on the rest. */
export function backtest(
  records: readonly OutcomeRecord[],
  options: DeriveOptions & { cutDate?: string },
): BacktestResult {
  const { cutDate, train, test } = timeSplit(records, options.cutDate);
  if (!train.length || !test.length) throw new Error(`the cut date ${cutDate} leaves no deals on one side`);
  const { proposal } = derive(train, options);
  return { cutDate, train: span(train), model: proposal.model, ...evaluateModel(proposal.model, test, options) };
}
