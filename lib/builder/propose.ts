import { compileModel, scoreCompiled } from '../engine/score';
import { parentIndustry } from '../facts/normalise';
import { MODEL_FORMAT, type Condition, type Criterion, type Dimension, type Evidence, type IcpModel } from '../model/schema';
import { checkModel } from '../model/validate';
import { bandLabel, HEADCOUNT_BANDS } from './bands';
import { computeMetrics, type MetricOptions, type Metrics } from './metrics';
import { segmentMatcher, type SegmentAnalysis, type SegmentAnalysisResult } from './segments';
import { quantile, round } from './stats';
import type { OutcomeRecord } from './types';

/**
 * Turns a segment analysis into a model proposal in our format, every criterion carrying its evidence:
 *
 * - **Musts** (firmographic gate): a headcount range and a list of served countries, each proposed only when some
 *   band or country with enough data is *poor* (low NRR, low retention or an accidental ICP): the gate then keeps the
 *   span of bands, or the countries where we have won customers, that are not poor.
 * - **Hard-nos**: industries and sub-industries with enough data that are poor. A sub-industry is not listed when its
 *   whole industry already is.
 * - **Scored criteria**: industries, sub-industries, headcount bands and technologies flagged `high-nrr` (or, for a
 *   technology, `expansion-driver`): NRR above the baseline by the threshold *and* an NRR interval that clears it
 *   (so a lucky small segment does not qualify). Points = 100 × relative NRR lift (0.25 → 25 points). NRR already counts churned
 *   accounts at 0, so it carries retention in revenue terms. An industry is skipped when one of its sub-industries
 *   is scored or excluded (no double counting).
 * - **Tiers**: A from the 80th and B from the 50th percentile of the proposed model's scores on the fit accounts the
 *   model was derived from; C takes the rest of the fits.
 * - **Segments** (what the card shows as "accounts like this"): the best-supported segments with enough data, most
 *   specific first, so the engine's first match is the closest one.
 */

export interface ProposeOptions extends Omit<MetricOptions, 'prospectCount'> {
  id?: string;
  name?: string;
  version?: number;
  /** ISO date-time; default asOf at midnight UTC, so the output is deterministic. */
  updatedAt?: string;
  /** Most segments to carry for the card (default 40). */
  maxSegments?: number;
}

export interface Proposal {
  model: IcpModel;
  /** What was considered and left out, for the reviewer. */
  notes: string[];
}

const POOR = ['low-nrr', 'low-retention', 'accidental-icp'] as const;
export const isPoor = (s: SegmentAnalysis) => POOR.some((f) => s.flags.includes(f));
const hasData = (s: SegmentAnalysis) => !s.flags.includes('small-sample');

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** Evidence in the model's shape: rounded, within the schema's bounds, nulls left out. */
export function evidenceOf(m: Metrics, lift?: number | null, note?: string): Evidence {
  const e: Evidence = { n: m.n };
  if (m.winRate !== null) e.winRate = round(m.winRate);
  if (m.logoRetention !== null) e.logoRetention = round(m.logoRetention);
  if (m.nrr !== null) e.nrr = round(Math.min(10, m.nrr));
  if (m.clv !== null) e.clv = Math.round(m.clv);
  if (m.tam !== null) e.tam = Math.round(m.tam);
  if (lift !== undefined && lift !== null) e.lift = round(lift);
  if (note) e.note = note.slice(0, 1000);
  return e;
}

/** "NRR 131% vs 104% baseline, logo retention 93% vs 85%, win rate 28% vs 31%; 212 closed deals, 118 won". */
export function describeAgainst(m: Metrics, base: Metrics): string {
  return (
    `NRR ${pct(m.nrr)} vs ${pct(base.nrr)} baseline, logo retention ${pct(m.logoRetention)} vs ${pct(base.logoRetention)}, ` +
    `win rate ${pct(m.winRate)} vs ${pct(base.winRate)}; ${m.n} closed deals, ${m.won} won`
  );
}

function findingOf(s: SegmentAnalysis): string {
  if (s.flags.includes('accidental-icp')) return 'Accidental ICP: wins easily but keeps and grows poorly';
  if (s.flags.includes('low-retention')) return 'Low logo retention';
  if (s.flags.includes('low-nrr')) return 'Low net revenue retention';
  if (s.flags.includes('expansion-driver')) return 'Expansion driver';
  if (s.flags.includes('high-nrr')) return 'High net revenue retention';
  return '';
}

/** Ids: letters, digits, ".", "_" or "-", at most 64, unique within the model. */
function idMaker() {
  const used = new Set<string>();
  return (base: string) => {
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'c';
    let id = slug;
    for (let i = 2; used.has(id); i++) id = `${slug}-${i}`;
    used.add(id);
    return id;
  };
}

export function proposeModel(
  analysis: SegmentAnalysisResult,
  records: readonly OutcomeRecord[],
  options: ProposeOptions,
): Proposal {
  const { baseline, segments } = analysis;
  const notes: string[] = [];
  const makeId = idMaker();
  const closed = records.filter((r) => r.stage === 'won' || r.stage === 'lost');
  const measure = (when: Condition[]) => {
    const match = segmentMatcher(when);
    return computeMetrics(closed.filter((r) => match(r.facts)), options);
  };
  const of = (kind: SegmentAnalysis['kind']) => segments.filter((s) => s.kind === kind);
  const criteria: Criterion[] = [];

  // Musts: the headcount span.
  const bands = of('employees').sort((a, b) => bandIndex(a) - bandIndex(b));
  const goodBands = bands.filter((s) => hasData(s) && !isPoor(s));
  const poorBands = bands.filter((s) => hasData(s) && isPoor(s));
  if (poorBands.length && goodBands.length) {
    const lo = HEADCOUNT_BANDS[bandIndex(goodBands[0])];
    const hi = HEADCOUNT_BANDS[bandIndex(goodBands.at(-1)!)];
    const condition: Condition =
      hi.max === undefined ? { field: 'employees', op: 'gte', value: lo.min } : { field: 'employees', op: 'between', value: [lo.min, hi.max] };
    const label = `${bandLabel({ min: lo.min, max: hi.max })} employees`;
    const m = measure([condition]);
    criteria.push({
      ...condition,
      id: makeId(`size-${label}`),
      dimension: 'firmographic',
      kind: 'must',
      label,
      rationale: `Outside this range outcomes are poor: ${poorBands
        .filter((b) => bandIndex(b) < bandIndex(goodBands[0]) || bandIndex(b) > bandIndex(goodBands.at(-1)!))
        .map((b) => `${b.value} (${findingOf(b).toLowerCase()}, NRR ${pct(b.metrics.nrr)}, n=${b.metrics.n})`)
        .join('; ') || 'see the excluded bands'}. Inside: ${describeAgainst(m, baseline)}.`,
      evidence: evidenceOf(m, m.nrr !== null && baseline.nrr ? m.nrr / baseline.nrr - 1 : null),
    });
    // A poor band inside the span cannot be cut by a range: it becomes a hard-no of its own.
    for (const b of poorBands)
      if (bandIndex(b) > bandIndex(goodBands[0]) && bandIndex(b) < bandIndex(goodBands.at(-1)!))
        criteria.push(hardNo(b, baseline, makeId));
  }

  // Musts: served countries.
  const countries = of('hqCountry');
  const poorCountries = countries.filter((s) => hasData(s) && isPoor(s));
  if (poorCountries.length) {
    const served = countries.filter((s) => s.metrics.won > 0 && !(hasData(s) && isPoor(s))).map((s) => s.value);
    if (served.length) {
      const condition: Condition = { field: 'hqCountry', op: 'in', value: served };
      const m = measure([condition]);
      criteria.push({
        ...condition,
        id: makeId('served-countries'),
        dimension: 'firmographic',
        kind: 'must',
        label: `HQ in a served country (${served.join(', ')})`.slice(0, 200),
        rationale: `Countries where we have won customers, without ${poorCountries
          .map((c) => `${c.value} (${findingOf(c).toLowerCase()}, NRR ${pct(c.metrics.nrr)}, n=${c.metrics.n})`)
          .join('; ')}. ${describeAgainst(m, baseline)}.`.slice(0, 2000),
        evidence: evidenceOf(m, m.nrr !== null && baseline.nrr ? m.nrr / baseline.nrr - 1 : null),
      });
    }
  }

  // Hard-nos: poor industries, then poor sub-industries not already covered by their industry.
  const excludedIndustries = new Set<string>();
  for (const s of of('industry').filter((s) => hasData(s) && isPoor(s))) {
    criteria.push(hardNo(s, baseline, makeId));
    excludedIndustries.add(s.value);
  }
  const excludedSubs = new Set<string>();
  for (const s of of('subIndustry').filter((s) => hasData(s) && isPoor(s))) {
    if (excludedIndustries.has(industryOf(s.value, closed) ?? '')) continue;
    criteria.push(hardNo(s, baseline, makeId));
    excludedSubs.add(s.value);
  }

  // Scored criteria: a material, supported NRR lift (the high-nrr or expansion-driver flag), not poor otherwise.
  const proven = (s: SegmentAnalysis) =>
    hasData(s) && !isPoor(s) && (s.flags.includes('high-nrr') || s.flags.includes('expansion-driver')) && (s.lift.nrr ?? 0) > 0;
  const scoredSubs = of('subIndustry').filter(proven);
  const subsByIndustry = new Set(
    [...scoredSubs.map((s) => s.value), ...excludedSubs].map((v) => industryOf(v, closed)).filter(Boolean),
  );
  const scoredIndustries = of('industry').filter((s) => proven(s) && !subsByIndustry.has(s.value));
  for (const s of of('industry').filter((s) => proven(s) && subsByIndustry.has(s.value)))
    notes.push(`industry ${s.value} not scored: its sub-industries carry the evidence`);
  const scoredBands = bands.filter(proven);
  const scoredTech = of('technology').filter(proven);
  const scored: [SegmentAnalysis, Dimension, string][] = [
    ...scoredSubs.map((s) => [s, 'firmographic', `Sub-industry: ${s.value}`] as [SegmentAnalysis, Dimension, string]),
    ...scoredIndustries.map((s) => [s, 'firmographic', `Industry: ${s.value}`] as [SegmentAnalysis, Dimension, string]),
    ...scoredBands.map((s) => [s, 'firmographic', `${s.value} employees`] as [SegmentAnalysis, Dimension, string]),
    ...scoredTech.map((s) => [s, 'technographic', `Uses ${s.value}`] as [SegmentAnalysis, Dimension, string]),
  ];
  for (const [s, dimension, label] of scored) {
    const lift = s.lift.nrr!;
    const finding = findingOf(s);
    criteria.push({
      ...(s.when[0] as Condition),
      id: makeId(`${s.kind === 'technology' ? 'tech' : s.kind === 'employees' ? 'size' : s.kind}-${s.value}`),
      dimension,
      kind: 'score',
      points: Math.min(1000, Math.max(1, Math.round(100 * lift))),
      label,
      rationale: `${finding ? `${finding}. ` : ''}${describeAgainst(s.metrics, baseline)}${
        s.kind === 'technology' && s.nrrWithout != null ? `; NRR without it ${pct(s.nrrWithout)}` : ''
      }. Points = 100 × NRR lift.`,
      evidence: evidenceOf(s.metrics, lift),
    });
  }
  const unproven = [...of('subIndustry'), ...bands, ...of('technology')].filter(
    (s) => hasData(s) && !isPoor(s) && (s.lift.nrr ?? 0) >= 0.05 && !proven(s),
  );
  for (const s of unproven)
    notes.push(`${s.label}: NRR ${pct(s.lift.nrr)} above baseline, not enough to be sure (see thresholds); not scored`);

  if (!criteria.length)
    throw new Error('no segment differs from the baseline with enough data to propose criteria; add more outcomes or lower the thresholds');

  // Weights: each dimension gets its criteria's points, so a criterion's share of the score follows its lift.
  const dimensions: Record<Dimension, number> = { firmographic: 0, technographic: 0, behavioural: 0, relationship: 0 };
  for (const c of criteria) if (c.points !== undefined) dimensions[c.dimension] += c.points;
  if (Object.values(dimensions).every((w) => w === 0)) dimensions.firmographic = 1;

  const asOfDate = options.asOf.slice(0, 10);
  const draft: IcpModel = {
    format: MODEL_FORMAT,
    id: options.id ?? 'derived-icp',
    name: options.name ?? 'Derived ICP (from outcomes)',
    version: options.version ?? 1,
    updatedAt: options.updatedAt ?? `${asOfDate}T00:00:00Z`,
    description:
      `Proposed by the holistic ICP builder from ${baseline.n} closed deals (${baseline.won} won) as of ${asOfDate}. ` +
      `Baseline: win rate ${pct(baseline.winRate)}, logo retention ${pct(baseline.logoRetention)}, NRR ${pct(baseline.nrr)}. ` +
      'Review each criterion and its evidence before publishing.',
    dimensions,
    criteria,
    tiers: [{ id: 'C', label: 'Tier C', minScore: 0 }],
    gate: { minConfidence: 0.3, minScore: 0 },
    segments: cardSegments(segments, options.maxSegments ?? 40),
  };
  // Provenance: these figures are the team's own outcomes, so the card may show them as the team's data.
  for (const c of draft.criteria) if (c.evidence) c.evidence = { source: 'builder', asOf: asOfDate, ...c.evidence };
  for (const s of draft.segments ?? []) s.evidence = { source: 'builder', asOf: asOfDate, ...s.evidence };
  draft.tiers = tiersFor(draft, closed, options.asOf);
  const check = checkModel(draft);
  if (!check.ok)
    // The proposal is built from the outcomes alone, so a model that fails validation comes from the input (extreme
    // or inconsistent values): say so, and what failed, rather than crash.
    throw new Error(
      `the proposed model does not pass validation, so the input holds values it cannot use (extreme or inconsistent amounts, or a bad id, name or version): ${check.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  return { model: check.model, notes };
}

function hardNo(s: SegmentAnalysis, baseline: Metrics, makeId: (base: string) => string): Criterion {
  const what = s.kind === 'subIndustry' ? 'Sub-industry' : s.kind === 'industry' ? 'Industry' : 'Company size';
  return {
    ...(s.when[0] as Condition),
    id: makeId(`no-${s.kind === 'employees' ? 'size' : s.kind}-${s.value}`),
    dimension: 'firmographic',
    kind: 'exclude',
    label: `${what}: ${s.value}`,
    rationale: `${findingOf(s)}. ${describeAgainst(s.metrics, baseline)}.`,
    evidence: evidenceOf(s.metrics, s.lift.nrr, findingOf(s)),
  };
}

function bandIndex(s: SegmentAnalysis): number {
  const cond = s.when[0];
  const min = cond.op === 'between' ? cond.value[0] : cond.op === 'gte' ? cond.value : -1;
  return HEADCOUNT_BANDS.findIndex((b) => b.min === min);
}

/** The industry a sub-industry belongs to: the taxonomy's parent, else the industry most rows give it. */
function industryOf(sub: string, records: readonly OutcomeRecord[]): string | undefined {
  const parent = parentIndustry(sub);
  if (parent) return parent;
  const counts = new Map<string, number>();
  for (const r of records)
    if (r.facts.subIndustry === sub && r.facts.industry) counts.set(r.facts.industry, (counts.get(r.facts.industry) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Which segments the card can show, most specific first: firmographic pairs, then sub-industry, industry and
 * headcount band. Technology cuts are left to the criteria: "accounts like this" should describe the company.
 */
const CARD_ORDER: Record<string, number> = {
  'subIndustry+employees': 0,
  'industry+employees': 1,
  subIndustry: 2,
  industry: 3,
  employees: 4,
};

/** Segments for the card: enough data, most specific first, best supported first within a kind. */
function cardSegments(segments: readonly SegmentAnalysis[], max: number): NonNullable<IcpModel['segments']> {
  const makeId = idMaker();
  const order = (s: SegmentAnalysis) => CARD_ORDER[s.field] ?? Infinity;
  return segments
    .filter((s) => hasData(s) && s.kind !== 'region' && order(s) < Infinity)
    .sort((a, b) => order(a) - order(b)) // stable: keeps the supported-value order within a kind
    .slice(0, max)
    .map((s) => ({
      id: makeId(s.key),
      label: s.label.slice(0, 200),
      when: s.when,
      evidence: evidenceOf(s.metrics, s.lift.nrr, findingOf(s)),
    }));
}

/**
 * Tier thresholds from the spread of scores among the fit accounts the model was derived from: A from the 80th
 * percentile, B from the median, C the rest. Exported for the options page, which re-fits tiers after a review.
 */
export function tiersFor(model: IcpModel, records: readonly OutcomeRecord[], asOf: string): IcpModel['tiers'] {
  const compiled = compileModel(model);
  const now = Date.parse(asOf.slice(0, 10));
  const scores = records
    .map((r) => scoreCompiled(compiled, r.facts, now))
    .filter((s) => s.verdict === 'fit')
    .map((s) => s.score);
  const a = Math.round(quantile(scores, 0.8) ?? 0);
  const b = Math.round(quantile(scores, 0.5) ?? 0);
  const tiers: IcpModel['tiers'] = [];
  if (a > 0) tiers.push({ id: 'A', label: 'Tier A — work now', minScore: a, description: 'Top fifth of fit accounts by score' });
  if (b > 0 && b < a) tiers.push({ id: 'B', label: 'Tier B — work this quarter', minScore: b, description: 'Above the median fit score' });
  tiers.push({ id: 'C', label: 'Tier C — nurture', minScore: 0 });
  return tiers;
}
