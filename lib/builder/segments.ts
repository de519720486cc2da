import { compileCondition, HOLDS, type Predicate } from '../engine/conditions';
import type { FactValues } from '../facts/vocabulary';
import type { Condition } from '../model/schema';
import { groupByAccount } from './accounts';
import { bandLabel, headcountBand, HEADCOUNT_BANDS } from './bands';
import { computeMetrics, type MetricOptions, type Metrics } from './metrics';
import { SALES_REGIONS, salesRegion, type SalesRegion } from './regions';
import type { Interval, OutcomeRecord } from './types';

/**
 * Candidate segments and what we measured in each. A segment is defined by model conditions (`when`), the same
 * ones the model and the card use, and membership is decided by the engine's own condition code: the segment the
 * report describes is exactly the one a criterion or the card would match.
 */

/** How a segment was cut. `region` is a group of hqCountry values; `pair` combines two single-field cuts. */
export type SegmentKind = 'industry' | 'subIndustry' | 'employees' | 'hqCountry' | 'region' | 'technology' | 'pair';

export const SEGMENT_FLAGS = [
  'small-sample',
  'high-nrr',
  'low-nrr',
  'low-retention',
  'accidental-icp',
  'expansion-driver',
  'high-win-rate',
  'low-win-rate',
] as const;
export type SegmentFlag = (typeof SEGMENT_FLAGS)[number];

export interface SegmentDefinition {
  /** Unique: "subIndustry=Credit Unions", "subIndustry+employees=Credit Unions|201-500". */
  key: string;
  kind: SegmentKind;
  /** The fact for single-field segments; "a+b" for pairs (e.g. "subIndustry+employees"). */
  field: string;
  /** The facts involved, in order. */
  fields: string[];
  /** Display value: "Credit Unions", "201-500", "EMEA", "Credit Unions | 201-500". */
  value: string;
  label: string;
  /** All must hold. */
  when: Condition[];
}

export interface SegmentAnalysis extends SegmentDefinition {
  metrics: Metrics;
  flags: SegmentFlag[];
  /** Against the baseline (every closed deal): nrr is relative (0.2 = NRR 20 % above baseline), the rest absolute. */
  lift: { nrr: number | null; logoRetention: number | null; winRate: number | null };
  /** For technologies: NRR of won accounts with known technologies that lack this one. */
  nrrWithout?: number | null;
}

export interface Thresholds {
  /** Below this many won accounts (not deals) a segment is `small-sample`: reported, but neither flagged nor proposed. */
  minWon: number;
  /** NRR difference (absolute, e.g. 0.1 = 10 points) that counts as high or low (and the interval must exclude the baseline). */
  nrrDelta: number;
  /** Logo retention difference (absolute) that counts as low. */
  retentionDelta: number;
  /** Win rate difference (absolute) that counts as high, for the accidental-ICP flag. */
  winRateDelta: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minWon: 20, nrrDelta: 0.1, retentionDelta: 0.1, winRateDelta: 0.1 };

export interface SegmentOptions extends Omit<MetricOptions, 'prospectCount'> {
  /** Prospect accounts (not yet customers) for TAM. */
  prospects?: readonly FactValues[];
  thresholds?: Partial<Thresholds>;
  /** Pairs of single-field kinds to cross. Default: sub-industry × headcount, industry × headcount, sub-industry × technology. */
  pairs?: readonly (readonly [SegmentKind, SegmentKind])[];
}

export const DEFAULT_PAIRS: readonly (readonly [SegmentKind, SegmentKind])[] = [
  ['subIndustry', 'employees'],
  ['industry', 'employees'],
  ['subIndustry', 'technology'],
];

export interface SegmentAnalysisResult {
  baseline: Metrics;
  /** Best first: segments with enough data, by the lower bound of their NRR interval, then retention's. */
  segments: SegmentAnalysis[];
  thresholds: Thresholds;
}

/** Single-field cuts present in the records, by kind. */
function singleCuts(records: readonly OutcomeRecord[]): Map<SegmentKind, SegmentDefinition[]> {
  const distinct = (pick: (f: FactValues) => unknown) => {
    const seen = new Set<string>();
    for (const r of records) {
      const v = pick(r.facts);
      if (typeof v === 'string' && v) seen.add(v);
    }
    return [...seen].sort();
  };
  const cuts = new Map<SegmentKind, SegmentDefinition[]>();
  const single = (kind: SegmentKind, field: string, value: string, label: string, when: Condition): SegmentDefinition => ({
    key: `${kind}=${value}`,
    kind,
    field,
    fields: [field],
    value,
    label,
    when: [when],
  });
  cuts.set(
    'industry',
    distinct((f) => f.industry).map((v) => single('industry', 'industry', v, v, { field: 'industry', op: 'in', value: [v] })),
  );
  cuts.set(
    'subIndustry',
    distinct((f) => f.subIndustry).map((v) =>
      single('subIndustry', 'subIndustry', v, v, { field: 'subIndustry', op: 'in', value: [v] }),
    ),
  );
  const bands = new Set(records.map((r) => headcountBand(r.facts.employees)).filter((b) => b !== undefined));
  cuts.set(
    'employees',
    HEADCOUNT_BANDS.filter((b) => bands.has(b)).map((b) =>
      single(
        'employees',
        'employees',
        bandLabel(b),
        `${bandLabel(b)} employees`,
        b.max === undefined
          ? { field: 'employees', op: 'gte', value: b.min }
          : { field: 'employees', op: 'between', value: [b.min, b.max] },
      ),
    ),
  );
  cuts.set(
    'hqCountry',
    distinct((f) => f.hqCountry).map((v) =>
      single('hqCountry', 'hqCountry', v, `HQ in ${v}`, { field: 'hqCountry', op: 'in', value: [v] }),
    ),
  );
  const regions = new Set(records.map((r) => salesRegion(r.facts.hqCountry)).filter((x) => x !== undefined));
  cuts.set(
    'region',
    (Object.keys(SALES_REGIONS) as SalesRegion[])
      .filter((region) => regions.has(region))
      .map((region) => ({
        ...single('region', 'hqCountry', region, `HQ in ${region}`, {
          field: 'hqCountry',
          op: 'in',
          value: [...SALES_REGIONS[region]],
        }),
        key: `region=${region}`,
      })),
  );
  const techs = new Set<string>();
  for (const r of records) for (const t of r.facts.technologies ?? []) techs.add(t);
  cuts.set(
    'technology',
    [...techs]
      .sort()
      .map((t) => single('technology', 'technologies', t, `Uses ${t}`, { field: 'technologies', op: 'anyOf', value: [t] })),
  );
  return cuts;
}

function pairCut(a: SegmentDefinition, b: SegmentDefinition): SegmentDefinition {
  const field = `${a.field}+${b.field}`;
  const value = `${a.value} | ${b.value}`;
  return {
    key: `${field}=${value}`,
    kind: 'pair',
    field,
    fields: [...a.fields, ...b.fields],
    value,
    label: `${a.label}, ${b.label}`,
    when: [...a.when, ...b.when],
  };
}

/** Membership test from the segment's conditions, through the engine's compiled predicates. */
export function segmentMatcher(when: readonly Condition[]): (facts: FactValues) => boolean {
  const tests: { field: string; predicate: Predicate }[] = when.map((c) => ({ field: c.field, predicate: compileCondition(c) }));
  return (facts) => tests.every((t) => t.predicate((facts as Record<string, unknown>)[t.field], 0) === HOLDS);
}

/** Every candidate segment (single fields, regions, technologies and the pairs asked for) present in the records. */
export function candidateSegments(
  records: readonly OutcomeRecord[],
  pairs: readonly (readonly [SegmentKind, SegmentKind])[] = DEFAULT_PAIRS,
  minPairClosed = 1,
): SegmentDefinition[] {
  const cuts = singleCuts(records);
  const out: SegmentDefinition[] = [...cuts.values()].flat();
  for (const [ka, kb] of pairs) {
    for (const a of cuts.get(ka) ?? []) {
      const matchA = segmentMatcher(a.when);
      const inA = records.filter((r) => matchA(r.facts));
      if (inA.length < minPairClosed) continue;
      for (const b of cuts.get(kb) ?? []) {
        const matchB = segmentMatcher(b.when);
        if (inA.filter((r) => matchB(r.facts)).length >= minPairClosed) out.push(pairCut(a, b));
      }
    }
  }
  return out;
}

const closed = (r: OutcomeRecord) => r.stage === 'won' || r.stage === 'lost';

/**
 * Measures every candidate segment against the baseline and flags what stands out. Deals are grouped into accounts
 * first, so each account sits in one segment of a kind (its newest facts) and counts once.
 */
export function analyseSegments(records: readonly OutcomeRecord[], options: SegmentOptions): SegmentAnalysisResult {
  const t = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const outcomes = groupByAccount(records).filter(closed);
  const baseline = computeMetrics(outcomes, { ...options, prospectCount: options.prospects?.length });
  // Pairs need at least minWon closed accounts to be worth a row: the cross product is large and mostly tiny.
  const definitions = candidateSegments(outcomes, options.pairs ?? DEFAULT_PAIRS, t.minWon);
  const segments = definitions.map((def) => {
    const match = segmentMatcher(def.when);
    const members = outcomes.filter((r) => match(r.facts));
    const prospectCount = options.prospects ? options.prospects.filter(match).length : undefined;
    const metrics = computeMetrics(members, { ...options, prospectCount });
    const analysis: SegmentAnalysis = { ...def, metrics, flags: [], lift: liftOf(metrics, baseline) };
    if (def.kind === 'technology') {
      // Compare with accounts whose stack we know but that lack this technology: "with vs without".
      const without = outcomes.filter((r) => r.facts.technologies !== undefined && !match(r.facts));
      analysis.nrrWithout = computeMetrics(without, options).nrr;
    }
    analysis.flags = flagsFor(analysis, baseline, t);
    return analysis;
  });
  segments.sort(bySupportedValue);
  return { baseline, segments, thresholds: t };
}

function liftOf(m: Metrics, base: Metrics): SegmentAnalysis['lift'] {
  return {
    nrr: m.nrr !== null && base.nrr ? m.nrr / base.nrr - 1 : null,
    logoRetention: m.logoRetention !== null && base.logoRetention !== null ? m.logoRetention - base.logoRetention : null,
    winRate: m.winRate !== null && base.winRate !== null ? m.winRate - base.winRate : null,
  };
}

/**
 * A flag needs the difference to be both material (at least the threshold's delta) and supported (the 95 % interval
 * excludes the baseline), so noise in a mid-sized segment does not become a finding.
 */
export function flagsFor(s: SegmentAnalysis, base: Metrics, t: Thresholds): SegmentFlag[] {
  const m = s.metrics;
  if (m.won < t.minWon) return ['small-sample'];
  const above = (x: number | null, i: Interval | null, b: number | null, delta: number) =>
    x !== null && i !== null && b !== null && x >= b + delta && i.low > b;
  const below = (x: number | null, i: Interval | null, b: number | null, delta: number) =>
    x !== null && i !== null && b !== null && x <= b - delta && i.high < b;
  const highNrr = above(m.nrr, m.nrrInterval, base.nrr, t.nrrDelta);
  const lowNrr = below(m.nrr, m.nrrInterval, base.nrr, t.nrrDelta);
  const lowRetention = below(m.logoRetention, m.logoRetentionInterval, base.logoRetention, t.retentionDelta);
  const highWin = above(m.winRate, m.winRateInterval, base.winRate, t.winRateDelta);
  const lowWin = below(m.winRate, m.winRateInterval, base.winRate, t.winRateDelta);
  const flags: SegmentFlag[] = [];
  // Win rate is tested on its own too: with won/lost-only exports it is the one thing the file can show.
  if (highWin) flags.push('high-win-rate');
  if (lowWin) flags.push('low-win-rate');
  if (highNrr) flags.push('high-nrr');
  if (lowNrr) flags.push('low-nrr');
  if (lowRetention) flags.push('low-retention');
  // The trap: easy to win, poor to keep. Win rate is secondary; retention and NRR decide.
  if (highWin && (lowRetention || lowNrr)) flags.push('accidental-icp');
  // A technology drives expansion when accounts with it out-grow accounts without it.
  if (s.kind === 'technology' && m.nrr !== null && s.nrrWithout != null && m.nrr - s.nrrWithout >= t.nrrDelta && (m.nrrInterval?.low ?? 0) > s.nrrWithout)
    flags.push('expansion-driver');
  return flags;
}

/**
 * Ranking by what the data supports, not by the point estimate: small samples last, then the lower bound of the
 * NRR interval, then that of logo retention. 6 accounts at 140 % NRR have a wide interval whose lower end sits below
 * that of 400 accounts at 125 %.
 */
export function bySupportedValue(a: SegmentAnalysis, b: SegmentAnalysis): number {
  const small = (s: SegmentAnalysis) => (s.flags.includes('small-sample') ? 1 : 0);
  const low = (i: { low: number } | null) => i?.low ?? -Infinity;
  return (
    small(a) - small(b) ||
    low(b.metrics.nrrInterval) - low(a.metrics.nrrInterval) ||
    low(b.metrics.logoRetentionInterval) - low(a.metrics.logoRetentionInterval) ||
    b.metrics.n - a.metrics.n ||
    a.key.localeCompare(b.key)
  );
}
