import { METRIC_COLUMNS, type MetricName, type Metrics } from './metrics';
import type { SegmentAnalysis, SegmentAnalysisResult } from './segments';

/**
 * What a derivation found, in sentences for the report and the terminal — including, when nothing stands out, why
 * (too few accounts per segment, or differences the data does not support), so an empty result is still an answer.
 */

/** A derivation that found no criterion to propose. The analysis is kept: the report still describes every segment. */
export class NoProposalError extends Error {
  constructor(readonly analysis: SegmentAnalysisResult) {
    super(`no segment differs from the baseline with enough data to propose criteria: ${whyNothingStandsOut(analysis)}`);
  }
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const FLAG_WORDS: Record<string, string> = {
  'accidental-icp': 'accidental ICP (wins easily, keeps or grows poorly)',
  'high-nrr': 'high NRR',
  'low-nrr': 'low NRR',
  'low-retention': 'low logo retention',
  'expansion-driver': 'expansion driver',
  'high-win-rate': 'high win rate',
  'low-win-rate': 'low win rate',
};

/** Segments with a finding (any flag but small-sample). */
export const standouts = (analysis: SegmentAnalysisResult) =>
  analysis.segments.filter((s) => s.flags.some((f) => f !== 'small-sample'));

/** { metric: "not in this file (no … column)" } for the metrics the file cannot give. */
export function notInFileReasons(m: Metrics): Partial<Record<MetricName, string>> {
  return Object.fromEntries(m.notInFile.map((name) => [name, `not in this file (needs ${METRIC_COLUMNS[name]})`]));
}

/** Win rate is the only finding when no retention or NRR flag came with it. */
const onWinRateAlone = (s: SegmentAnalysis) =>
  s.flags.some((f) => f === 'high-win-rate' || f === 'low-win-rate') &&
  !s.flags.some((f) => f === 'high-nrr' || f === 'low-nrr' || f === 'low-retention' || f === 'expansion-driver');

function describe(s: SegmentAnalysis, base: Metrics): string {
  const m = s.metrics;
  const flags = s.flags.filter((f) => f !== 'small-sample' && !(f === 'high-win-rate' && s.flags.includes('accidental-icp')));
  let text = `${s.label}: ${flags.map((f) => FLAG_WORDS[f] ?? f).join(', ')} — win rate ${pct(m.winRate)} vs ${pct(base.winRate)}`;
  if (m.nrr !== null) text += `, NRR ${pct(m.nrr)} vs ${pct(base.nrr)}`;
  if (m.logoRetention !== null) text += `, logo retention ${pct(m.logoRetention)} vs ${pct(base.logoRetention)}`;
  text += `; ${m.n} accounts (${m.won} won), ${m.deals.closed} closed deals`;
  if (onWinRateAlone(s)) text += base.notInFile.length ? '; stands out on win rate alone (retention not in this file)' : '; stands out on win rate alone';
  return text;
}

/** Why no segment stands out: too few accounts everywhere, or differences the intervals do not support. */
export function whyNothingStandsOut(analysis: SegmentAnalysisResult): string {
  const { segments, thresholds, baseline } = analysis;
  const judged = segments.filter((s) => !s.flags.includes('small-sample'));
  if (!judged.length) {
    const largest = [...segments].sort((a, b) => b.metrics.won - a.metrics.won)[0];
    return (
      `no segment has ${thresholds.minWon} won accounts (the guard; ${baseline.won} won accounts in all` +
      (largest ? `, the largest segment "${largest.label}" has ${largest.metrics.won}` : '') +
      `). Deals are counted per account (${baseline.deals.closed} closed deals from ${baseline.n} accounts). ` +
      'Add outcomes from more accounts, or lower the guard (--min-won) knowing the findings will be weaker'
    );
  }
  const closest = [...judged].sort((a, b) => Math.abs(b.lift.winRate ?? 0) - Math.abs(a.lift.winRate ?? 0))[0];
  const i = closest.metrics.winRateInterval;
  return (
    `${judged.length} segment${judged.length > 1 ? 's have' : ' has'} enough accounts, but none differs from the baseline ` +
    `by ${Math.round(thresholds.winRateDelta * 100)} points or more with a 95% interval that excludes it ` +
    `(closest on win rate: "${closest.label}" at ${pct(closest.metrics.winRate)} vs ${pct(baseline.winRate)}` +
    `${i ? `, interval ${pct(i.low)}–${pct(i.high)}` : ''})`
  );
}

/** The derivation in sentences: what was measured, what is not in the file, what stands out (or why nothing does). */
export function findingsOf(analysis: SegmentAnalysisResult): string[] {
  const base = analysis.baseline;
  const lines = [
    `${base.n} accounts with closed deals (${base.won} won), from ${base.deals.closed} closed deals` +
      (base.deals.maxPerAccount > 1
        ? ` (${(base.deals.perAccount ?? 0).toFixed(1)} per account on average, up to ${base.deals.maxPerAccount}); segments count accounts, not deals`
        : ''),
  ];
  const missing = Object.entries(notInFileReasons(base));
  if (missing.length)
    lines.push(`${missing.map(([name]) => METRIC_LABELS[name as MetricName]).join(', ')}: not in this file (${[...new Set(missing.map(([name]) => `no ${METRIC_COLUMNS[name as MetricName].replace(/^a /, '')}`))].join(', ')})`);
  const found = standouts(analysis);
  if (!found.length) lines.push(`Nothing stands out: ${whyNothingStandsOut(analysis)}.`);
  else for (const s of found) lines.push(describe(s, base));
  return lines;
}

const METRIC_LABELS: Record<MetricName, string> = {
  logoRetention: 'logo retention',
  annualChurn: 'annual churn',
  clv: 'CLV',
  nrr: 'NRR',
};
