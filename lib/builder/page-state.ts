import type { MappingOverrides, MappingTarget } from '../mapping';
import type { ModelProblem } from '../model/validate';
import type { ParsedOutcomes, ParsedProspects } from './outcomes';
import type { BacktestOutcome, DeriveOutcome, Derivation } from './review';
import type { SaveDerivedResult, SaveTarget } from './save-derived';
import type { SegmentRow } from './derive';

/**
 * The builder page's state and its one reducer: files and mapping → segments → review → save → backtest. Pure, so
 * every transition is unit-tested; the page (entrypoints/options/builder) only reads files, calls lib/builder and
 * storage, and dispatches what came back.
 */

export interface CsvFile {
  name: string;
  text: string;
}

/** Stage values the user said are won or lost. */
export interface Stages {
  won: string[];
  lost: string[];
}

export type SegmentView = 'single' | 'pairs' | 'all';

export interface BuilderState {
  outcomesFile: CsvFile | null;
  prospectsFile: CsvFile | null;
  mapping: MappingOverrides;
  stages: Stages;
  /** The outcomes file's first rows, for the column preview. */
  sample: { headers: string[]; rows: string[][] };
  parsed: ParsedOutcomes | null;
  prospects: ParsedProspects | null;
  derived: DeriveOutcome | null;
  /** "Reading…", "Measuring segments…": non-empty while the page works. */
  busy: string;
  accepted: ReadonlySet<string>;
  view: SegmentView;
  flaggedOnly: boolean;
  selectedKey: string | undefined;
  /** 'new', or the id of the stored model to add a version to. */
  target: string;
  newId: string;
  newName: string;
  activate: boolean;
  saveProblems: ModelProblem[];
  saveMessage: string;
  saving: boolean;
  backtest: BacktestOutcome | null;
}

export const NO_STAGES: Stages = { won: [], lost: [] };

export const INITIAL_STATE: BuilderState = {
  outcomesFile: null,
  prospectsFile: null,
  mapping: {},
  stages: NO_STAGES,
  sample: { headers: [], rows: [] },
  parsed: null,
  prospects: null,
  derived: null,
  busy: '',
  accepted: new Set(),
  view: 'single',
  flaggedOnly: false,
  selectedKey: undefined,
  target: 'new',
  newId: '',
  newName: '',
  activate: false,
  saveProblems: [],
  saveMessage: '',
  saving: false,
  backtest: null,
};

export type BuilderAction =
  | { type: 'busy'; message: string }
  /** A new outcomes file, with the column overrides remembered for its headers; stage choices start over. */
  | { type: 'outcomesOpened'; file: CsvFile; mapping: MappingOverrides }
  | { type: 'prospectsChosen'; file: CsvFile | null }
  | { type: 'mappingChanged'; mapping: MappingOverrides }
  | { type: 'stagesChanged'; stages: Stages }
  /** A read starts from scratch: what was shown for the old read (backtest, save outcome) is stale. */
  | { type: 'readStarted'; message: string }
  | { type: 'read'; sample: BuilderState['sample']; parsed: ParsedOutcomes; prospects: ParsedProspects | null }
  | { type: 'derived'; derived: DeriveOutcome }
  | { type: 'toggleCriterion'; id: string; on: boolean }
  | { type: 'segmentView'; view: SegmentView }
  | { type: 'flaggedOnly'; on: boolean }
  | { type: 'selectSegment'; key: string | undefined }
  | { type: 'saveForm'; change: Partial<Pick<BuilderState, 'target' | 'newId' | 'newName' | 'activate'>> }
  | { type: 'saveStarted' }
  | { type: 'saved'; result: SaveDerivedResult }
  | { type: 'saveFinished' }
  | { type: 'backtested'; backtest: BacktestOutcome };

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'busy':
      return { ...state, busy: action.message };
    case 'outcomesOpened':
      return { ...state, outcomesFile: action.file, mapping: action.mapping, stages: NO_STAGES };
    case 'prospectsChosen':
      return { ...state, prospectsFile: action.file };
    case 'mappingChanged':
      return { ...state, mapping: action.mapping };
    case 'stagesChanged':
      return { ...state, stages: action.stages };
    case 'readStarted':
      return { ...state, busy: action.message, backtest: null, saveMessage: '', saveProblems: [] };
    case 'read':
      return {
        ...state,
        sample: action.sample,
        parsed: action.parsed,
        prospects: action.prospects,
        derived: action.parsed.errors.length ? null : state.derived,
      };
    case 'derived': {
      if (!action.derived.ok) return { ...state, derived: action.derived };
      // A fresh proposal: every criterion accepted, its id and name offered for a new model.
      const model = action.derived.derivation.proposal.model;
      return { ...state, derived: action.derived, accepted: new Set(model.criteria.map((c) => c.id)), newId: model.id, newName: model.name };
    }
    case 'toggleCriterion': {
      const accepted = new Set(state.accepted);
      if (action.on) accepted.add(action.id);
      else accepted.delete(action.id);
      // The backtest and save message were for the old review.
      return { ...state, accepted, backtest: null, saveMessage: '' };
    }
    case 'segmentView':
      return { ...state, view: action.view };
    case 'flaggedOnly':
      return { ...state, flaggedOnly: action.on };
    case 'selectSegment':
      return { ...state, selectedKey: action.key };
    case 'saveForm':
      return { ...state, ...action.change };
    case 'saveStarted':
      return { ...state, saving: true, saveMessage: '' };
    case 'saved':
      if (!action.result.ok) return { ...state, saveProblems: action.result.problems };
      return { ...state, saveProblems: [], saveMessage: savedMessage(action.result.model, action.result.created) };
    case 'saveFinished':
      return { ...state, saving: false };
    case 'backtested':
      return { ...state, backtest: action.backtest };
  }
}

function savedMessage(model: { id: string; name: string; version: number }, created: boolean): string {
  return created
    ? `Saved "${model.name}" (${model.id}) as version ${model.version}.`
    : `"${model.name}" already has this content (version ${model.version}): nothing saved.`;
}

/** The overrides with `header` read as `target` (or back to its guess when undefined). */
export function withColumn(mapping: MappingOverrides, header: string, target: MappingTarget | undefined): MappingOverrides {
  const next: Record<string, MappingTarget> = { ...mapping };
  if (target) next[header] = target;
  else delete next[header];
  return next;
}

/** The stage choices with `value` read as won, lost or open (neither list). */
export function withStage(stages: Stages, value: string, reading: 'won' | 'lost' | 'open'): Stages {
  return {
    won: stages.won.filter((v) => v !== value).concat(reading === 'won' ? [value] : []),
    lost: stages.lost.filter((v) => v !== value).concat(reading === 'lost' ? [value] : []),
  };
}

/** The derivation, when the last read derived one. */
export const derivationOf = (state: BuilderState): Derivation | null => (state.derived?.ok ? state.derived.derivation : null);

/** Where Save writes; `active` only matters for a new model. */
export function saveTargetOf(state: Pick<BuilderState, 'target' | 'newId' | 'newName' | 'activate'>): SaveTarget {
  return state.target === 'new' ? { kind: 'new', id: state.newId, name: state.newName, active: state.activate } : { kind: 'existing', id: state.target };
}

/** The segments the table and chart show: single fields, pairs or all; optionally only those with a finding. */
export function shownSegments(segments: readonly SegmentRow[], view: SegmentView, flaggedOnly: boolean): SegmentRow[] {
  return segments.filter(
    (s) => (view === 'all' || (view === 'pairs') === s.fields.length > 1) && (!flaggedOnly || s.flags.some((f) => f !== 'small-sample')),
  );
}
