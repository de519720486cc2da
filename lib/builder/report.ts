import type { BacktestResult, Evaluation, GroupFigures } from './backtest';
import { metricsRow, segmentRow, type MetricsRow, type SegmentRow } from './derive';
import { findingsOf, standouts } from './findings';
import type { ParsedOutcomes } from './outcomes';
import type { Proposal } from './propose';
import type { SegmentAnalysisResult } from './segments';
import type { RowProblem } from './types';

/**
 * The derive report (`icp derive --report`): what was read, the baseline, every segment with its figures and
 * flags, the proposed criteria with their evidence, and a time-split backtest of the derivation. Plain JSON, for
 * RevOps review and the options page's charts.
 */
export interface DeriveReport {
  format: 'icp-fit/derive-report@1';
  asOf: string;
  input: {
    file?: string;
    rows: number;
    /** Rows used in metrics (won or lost). */
    closed: number;
    /** The accounts those deals belong to: every n in the report counts these. */
    accounts: number;
    /** Open opportunities: read, not outcomes. */
    open: number;
    bad: number;
    columns: ParsedOutcomes['columns'];
    prospects?: number;
    /** Derived on deals closed before this date (--until), when given. */
    until?: string;
  };
  baseline: MetricsRow;
  thresholds: SegmentAnalysisResult['thresholds'];
  /** What the derivation found, in sentences; when nothing stands out, why. */
  findings: string[];
  /** Segments with a finding (any flag but small-sample). */
  standsOut: number;
  segments: SegmentRow[];
  /** Null when no segment supports a criterion (see findings). */
  proposal: {
    modelId: string;
    criteria: { id: string; kind: string; label: string; field: string; points?: number; rationale?: string; evidence?: unknown }[];
    tiers: { id: string; minScore: number }[];
    notes: string[];
  } | null;
  /** A time-split backtest of the derivation itself (derive on the older 70 %, test on the rest). */
  backtest: Omit<BacktestResult, 'model'> | { error: string };
  badRows: RowProblem[];
  warnings: RowProblem[];
}

export function buildDeriveReport(args: {
  parsed: ParsedOutcomes;
  analysis: SegmentAnalysisResult;
  proposal: Proposal | null;
  backtest: DeriveReport['backtest'];
  asOf: string;
  file?: string;
  prospects?: number;
  until?: string;
}): DeriveReport {
  const { parsed, analysis, proposal } = args;
  const closed = parsed.records.filter((r) => r.stage !== 'open').length;
  return {
    format: 'icp-fit/derive-report@1',
    asOf: args.asOf,
    input: {
      ...(args.file ? { file: args.file } : {}),
      rows: parsed.rows,
      closed,
      accounts: analysis.baseline.n,
      open: parsed.records.length - closed,
      bad: parsed.bad.length,
      columns: parsed.columns,
      ...(args.prospects !== undefined ? { prospects: args.prospects } : {}),
      ...(args.until ? { until: args.until } : {}),
    },
    baseline: metricsRow(analysis.baseline),
    thresholds: analysis.thresholds,
    findings: findingsOf(analysis),
    standsOut: standouts(analysis).length,
    segments: analysis.segments.map(segmentRow),
    proposal: proposal && {
      modelId: proposal.model.id,
      criteria: proposal.model.criteria.map((c) => ({
        id: c.id,
        kind: c.kind,
        label: c.label,
        field: c.field,
        ...(c.points !== undefined ? { points: c.points } : {}),
        ...(c.rationale ? { rationale: c.rationale } : {}),
        ...(c.evidence ? { evidence: c.evidence } : {}),
      })),
      tiers: proposal.model.tiers.map((t) => ({ id: t.id, minScore: t.minScore })),
      notes: proposal.notes,
    },
    backtest: args.backtest,
    badRows: parsed.bad,
    warnings: parsed.warnings,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const usd = (x: number | null) => (x === null ? '—' : `$${Math.round(x).toLocaleString('en-US')}`);

/** The backtest as a plain-text table: one line per group (fit, not fit, needs data, then each tier). */
export function formatBacktestTable(e: Pick<Evaluation, 'fit' | 'notFit' | 'needsData' | 'tiers' | 'topTiers'>): string {
  const header = ['group', 'accounts', 'won', 'win rate', 'logo ret.', 'NRR', 'CLV', 'accounts', 'expansion'];
  const line = (name: string, g: GroupFigures) => [
    name,
    String(g.n),
    String(g.won),
    pct(g.winRate),
    pct(g.logoRetention),
    pct(g.nrr),
    usd(g.clv),
    pct(g.accountShare),
    pct(g.expansionShare),
  ];
  const rows = [
    header,
    line('fit', e.fit),
    line('not fit', e.notFit),
    line('needs data', e.needsData),
    ...e.tiers.map((t) => line(`  tier ${t.tier}`, t)),
  ];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const text = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
  const top = e.topTiers;
  return (
    `${text}\n\n` +
    `Top tier${top.tiers.length > 1 ? 's' : ''} (${top.tiers.join(', ')}): ${pct(top.accountShare)} of won accounts, ` +
    `${pct(top.expansionShare)} of expansion revenue.\n` +
    '"accounts" = share of won accounts, "expansion" = share of expansion revenue (growth above initial ARR).\n'
  );
}
