import { evaluateModel, timeSplit, type Evaluation } from './backtest';
import { derive, metricsRow, segmentRow, type DeriveOptions, type MetricsRow, type SegmentRow } from './derive';
import { defaultAsOf } from './metrics';
import { parseOutcomesCsv, parseProspectsCsv, type ParsedOutcomes, type ParsedProspects } from './outcomes';
import { tiersFor, type Proposal } from './propose';
import type { Thresholds } from './segments';
import type { OutcomeRecord } from './types';
import type { MappingOverrides, StageChoices } from '../mapping';
import type { Dimension, IcpModel } from '../model/schema';

/**
 * The builder page's computations, without React or storage: read the CSVs, derive a proposal, apply RevOps' review
 * (accepted / dropped criteria) and backtest the reviewed model. Everything here runs on the page's main thread; on
 * a few thousand deals each step takes well under a second.
 */

export function readOutcomes(text: string, fileName: string, overrides: MappingOverrides = {}, stages: StageChoices = {}): ParsedOutcomes {
  return parseOutcomesCsv(text, { overrides, stages, source: fileName });
}

export function readProspects(text: string, fileName: string, overrides: MappingOverrides = {}): ParsedProspects {
  return parseProspectsCsv(text, { overrides, source: fileName });
}

/** What the page shows after a derivation: the report-shaped rows for the table and chart, and the proposal. */
export interface Derivation {
  asOf: string;
  options: DeriveOptions;
  baseline: MetricsRow;
  thresholds: Thresholds;
  /** Every segment, in the analysis' order: best supported first, small samples last. */
  segments: SegmentRow[];
  proposal: Proposal;
}

export type DeriveOutcome = { ok: true; derivation: Derivation } | { ok: false; error: string };

/** Derives a proposal; "no won deals" and "nothing differs from the baseline" come back as readable errors. */
export function deriveFrom(records: readonly OutcomeRecord[], prospects?: ParsedProspects): DeriveOutcome {
  if (!records.some((r) => r.stage === 'won')) return { ok: false, error: 'the file has no won deals: nothing to derive from' };
  const asOf = defaultAsOf(records);
  const options: DeriveOptions = { asOf, ...(prospects ? { prospects: prospects.accounts } : {}) };
  try {
    const { analysis, proposal } = derive(records, options);
    return {
      ok: true,
      derivation: { asOf, options, baseline: metricsRow(analysis.baseline), thresholds: analysis.thresholds, segments: analysis.segments.map(segmentRow), proposal },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Tiers re-fitted on the closed deals with the proposal's own rule (lib/builder/propose.ts): dropping a scored
 * criterion changes every score, so the proposal's thresholds no longer fit.
 */
export function retier(model: IcpModel, records: readonly OutcomeRecord[], asOf: string): IcpModel['tiers'] {
  return tiersFor(model, records.filter((r) => r.stage === 'won' || r.stage === 'lost'), asOf);
}

/**
 * The proposal as reviewed: only the accepted criteria, dimension weights re-summed from their points (as the
 * proposal sets them) and tiers re-fitted on the same records. With every criterion accepted this is the proposal.
 * The result is not validated here: dropping everything leaves a model without criteria, which checkModel reports.
 */
export function applyReview(model: IcpModel, accepted: ReadonlySet<string>, records: readonly OutcomeRecord[], asOf: string): IcpModel {
  const criteria = model.criteria.filter((c) => accepted.has(c.id));
  const dropped = model.criteria.filter((c) => !accepted.has(c.id));
  if (!dropped.length) return structuredClone(model);
  const dimensions: Record<Dimension, number> = { firmographic: 0, technographic: 0, behavioural: 0, relationship: 0 };
  for (const c of criteria) if (c.points !== undefined) dimensions[c.dimension] += c.points;
  if (Object.values(dimensions).every((w) => w === 0)) dimensions.firmographic = 1;
  const note = ` Reviewed: dropped ${dropped.map((c) => `"${c.label}"`).join(', ')}.`;
  const reviewed: IcpModel = {
    ...structuredClone(model),
    criteria: structuredClone(criteria),
    dimensions,
    description: `${model.description ?? ''}${note}`.trim().slice(0, 2000),
  };
  // An empty model cannot be scored (and will not save): keep the proposal's tiers for checkModel to look at.
  if (criteria.length) reviewed.tiers = retier(reviewed, records, asOf);
  return reviewed;
}

export interface ReviewedBacktest extends Evaluation {
  cutDate: string;
  train: { n: number; from: string | null; to: string | null };
  /** The model derived from the older deals, with the review applied. */
  model: IcpModel;
  /** Where the older deals' proposal differs from the one that was reviewed. */
  notes: string[];
}

export type BacktestOutcome = { ok: true; result: ReviewedBacktest } | { ok: false; error: string };

/**
 * The time-split backtest of the reviewed model: derive on the older 70 % of deals, apply the same review (the
 * criteria dropped by id are dropped), and score the newer 30 %. Testing the reviewed model itself on the newer
 * deals would flatter it, since it was derived from them too.
 */
export function backtestReviewed(
  records: readonly OutcomeRecord[],
  derivation: Pick<Derivation, 'options' | 'proposal'>,
  accepted: ReadonlySet<string>,
): BacktestOutcome {
  try {
    const { cutDate, train, test } = timeSplit(records);
    if (!train.length || !test.length) return { ok: false, error: `the cut date ${cutDate} leaves no deals on one side` };
    if (!train.some((r) => r.stage === 'won')) return { ok: false, error: `no won deals before ${cutDate} to derive from` };
    const { proposal } = derive(train, derivation.options);
    const reviewedIds = new Set(derivation.proposal.model.criteria.map((c) => c.id));
    const dropped = new Set([...reviewedIds].filter((id) => !accepted.has(id)));
    const keep = new Set(proposal.model.criteria.map((c) => c.id).filter((id) => !dropped.has(id)));
    const model = applyReview(proposal.model, keep, train, derivation.options.asOf);
    if (!model.criteria.length) return { ok: false, error: 'no accepted criterion is left to test' };
    const notes: string[] = [];
    const trainIds = new Set(proposal.model.criteria.map((c) => c.id));
    const unseen = proposal.model.criteria.filter((c) => !reviewedIds.has(c.id));
    if (unseen.length) notes.push(`proposed from the older deals only (kept): ${unseen.map((c) => c.label).join('; ')}`);
    const missing = derivation.proposal.model.criteria.filter((c) => accepted.has(c.id) && !trainIds.has(c.id));
    if (missing.length) notes.push(`accepted but not proposed from the older deals alone: ${missing.map((c) => c.label).join('; ')}`);
    const dates = (rs: readonly OutcomeRecord[]) => rs.map((r) => r.closeDate!).sort();
    const trainDates = dates(train);
    return {
      ok: true,
      result: {
        cutDate,
        train: { n: train.length, from: trainDates[0] ?? null, to: trainDates.at(-1) ?? null },
        model,
        notes,
        ...evaluateModel(model, test, { asOf: derivation.options.asOf }),
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
