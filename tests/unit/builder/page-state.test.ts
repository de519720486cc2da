import { beforeAll, describe, expect, it } from 'vitest';
import {
  builderReducer,
  derivationOf,
  INITIAL_STATE,
  saveTargetOf,
  shownSegments,
  withColumn,
  withStage,
  type BuilderAction,
  type BuilderState,
} from '../../../lib/builder/page-state';
import { deriveFrom, readOutcomes, type BacktestOutcome, type DeriveOutcome } from '../../../lib/builder/review';
import { syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import type { ParsedOutcomes } from '../../../lib/builder/outcomes';

/** The builder page's state transitions (lib/builder/page-state.ts), on a real derivation of the seeded sample. */
let parsed: ParsedOutcomes;
let derived: Extract<DeriveOutcome, { ok: true }>;
const ids = () => derived.derivation.proposal.model.criteria.map((c) => c.id);
const run = (state: BuilderState, ...actions: BuilderAction[]) => actions.reduce(builderReducer, state);
const file = { name: 'q1.csv', text: 'Stage\nClosed Won\n' };
const staleBacktest: BacktestOutcome = { ok: false, error: 'old' };

beforeAll(() => {
  parsed = readOutcomes(syntheticOutcomesCsv({ deals: 1500 }), 'sample.csv');
  const result = deriveFrom(parsed.records);
  if (!result.ok) throw new Error(result.error);
  derived = result;
});

/** A page that has read and derived the sample, then saved and backtested. */
const loaded = () =>
  run(
    INITIAL_STATE,
    { type: 'outcomesOpened', file, mapping: {} },
    { type: 'readStarted', message: 'Reading q1.csv…' },
    { type: 'read', sample: { headers: ['Stage'], rows: [] }, parsed, prospects: null },
    { type: 'derived', derived },
    { type: 'busy', message: '' },
    { type: 'saved', result: { ok: true, created: true, model: derived.derivation.proposal.model } },
    { type: 'backtested', backtest: staleBacktest },
  );

describe('the builder page reducer', () => {
  it('a derivation accepts every proposed criterion and offers the proposal id and name for a new model', () => {
    const state = loaded();
    expect([...state.accepted].sort()).toEqual(ids().sort());
    expect(state.newId).toBe(derived.derivation.proposal.model.id);
    expect(state.newName).toBe(derived.derivation.proposal.model.name);
    expect(derivationOf(state)).toBe(derived.derivation);
  });

  it('a failed derivation is shown but keeps the review, id and name the user had', () => {
    const before = run(loaded(), { type: 'saveForm', change: { newId: 'mine' } }, { type: 'toggleCriterion', id: ids()[0]!, on: false });
    const after = builderReducer(before, { type: 'derived', derived: { ok: false, error: 'no won deals' } });
    expect(after.derived).toEqual({ ok: false, error: 'no won deals' });
    expect(derivationOf(after)).toBeNull();
    expect(after.accepted).toBe(before.accepted);
    expect(after.newId).toBe('mine');
  });

  it('a new read drops what belonged to the old one: backtest, save message and problems', () => {
    const withProblems = builderReducer(loaded(), { type: 'saved', result: { ok: false, problems: [{ path: 'id', message: 'taken' }] } });
    expect(withProblems.saveProblems).toHaveLength(1);
    const state = builderReducer(withProblems, { type: 'readStarted', message: 'Reading q2.csv…' });
    expect(state).toMatchObject({ busy: 'Reading q2.csv…', backtest: null, saveMessage: '', saveProblems: [] });
  });

  it('a read with file errors clears the derivation; one without keeps it until the new one arrives', () => {
    const bad = { ...parsed, errors: ['initialArr (looked for "Amount") missing'] };
    expect(builderReducer(loaded(), { type: 'read', sample: INITIAL_STATE.sample, parsed: bad, prospects: null }).derived).toBeNull();
    expect(builderReducer(loaded(), { type: 'read', sample: INITIAL_STATE.sample, parsed, prospects: null }).derived).toBe(derived);
  });

  it('a new outcomes file starts the stage choices over and takes the remembered mapping', () => {
    const chosen = run(loaded(), { type: 'stagesChanged', stages: { won: ['87654321'], lost: [] } }, { type: 'mappingChanged', mapping: { Amount: 'initialArr' } });
    const state = builderReducer(chosen, { type: 'outcomesOpened', file: { name: 'q2.csv', text: '' }, mapping: { Value: 'initialArr' } });
    expect(state.stages).toEqual({ won: [], lost: [] });
    expect(state.mapping).toEqual({ Value: 'initialArr' });
    expect(state.outcomesFile?.name).toBe('q2.csv');
  });

  it('toggling a criterion changes only that one, makes the backtest and save message stale, and leaves the old state alone', () => {
    const before = loaded();
    expect(before.saveMessage).toMatch(/^Saved ".+" \(.+\) as version 1\.$/);
    const id = ids()[0]!;
    const off = builderReducer(before, { type: 'toggleCriterion', id, on: false });
    expect(off.accepted.has(id)).toBe(false);
    expect(off.accepted.size).toBe(before.accepted.size - 1);
    expect(before.accepted.has(id)).toBe(true);
    expect(off).toMatchObject({ backtest: null, saveMessage: '' });
    const on = builderReducer(off, { type: 'toggleCriterion', id, on: true });
    expect([...on.accepted].sort()).toEqual([...before.accepted].sort());
  });

  it('says when a save changed nothing, and keeps the message out of the way of problems', () => {
    const model = derived.derivation.proposal.model;
    const same = builderReducer(loaded(), { type: 'saved', result: { ok: true, created: false, model } });
    expect(same.saveMessage).toBe(`"${model.name}" already has this content (version ${model.version}): nothing saved.`);
    const started = builderReducer(same, { type: 'saveStarted' });
    expect(started).toMatchObject({ saving: true, saveMessage: '' });
    expect(builderReducer(started, { type: 'saveFinished' }).saving).toBe(false);
  });

  it('changes only what each action names (every other field is the same object)', () => {
    const state = loaded();
    const actions: [BuilderAction, (keyof BuilderState)[]][] = [
      [{ type: 'segmentView', view: 'pairs' }, ['view']],
      [{ type: 'flaggedOnly', on: true }, ['flaggedOnly']],
      [{ type: 'selectSegment', key: 'subIndustry=Insurance' }, ['selectedKey']],
      [{ type: 'saveForm', change: { target: 'default' } }, ['target']],
      [{ type: 'prospectsChosen', file: { name: 'p.csv', text: '' } }, ['prospectsFile']],
      [{ type: 'busy', message: 'Backtesting…' }, ['busy']],
      [{ type: 'backtested', backtest: { ok: false, error: 'new' } }, ['backtest']],
    ];
    for (const [action, changed] of actions) {
      const next = builderReducer(state, action);
      const moved = (Object.keys(state) as (keyof BuilderState)[]).filter((k) => next[k] !== state[k]);
      expect(moved, action.type).toEqual(changed);
    }
  });
});

describe('the page helpers', () => {
  it('withStage puts a value in at most one list, and "open" takes it out of both', () => {
    let stages = { won: [] as string[], lost: [] as string[] };
    for (const [value, reading] of [['a', 'won'], ['b', 'lost'], ['a', 'lost'], ['a', 'lost'], ['b', 'open'], ['c', 'won']] as const) {
      stages = withStage(stages, value, reading);
      expect(stages.won.filter((v) => stages.lost.includes(v))).toEqual([]);
      expect(new Set(stages.won).size).toBe(stages.won.length);
      expect(new Set(stages.lost).size).toBe(stages.lost.length);
    }
    expect(stages).toEqual({ won: ['c'], lost: ['a'] });
  });

  it('withColumn sets or clears one header and leaves the others and the input alone', () => {
    const before = { Amount: 'initialArr' as const };
    const set = withColumn(before, 'Close', 'closeDate');
    expect(set).toEqual({ Amount: 'initialArr', Close: 'closeDate' });
    expect(withColumn(set, 'Close', undefined)).toEqual(before);
    expect(before).toEqual({ Amount: 'initialArr' });
  });

  it('shownSegments: single fields and pairs split all segments; "only with a finding" drops only unflagged and small samples', () => {
    const all = derived.derivation.segments;
    const single = shownSegments(all, 'single', false);
    const pairs = shownSegments(all, 'pairs', false);
    expect(single.length + pairs.length).toBe(all.length);
    expect(single.every((s) => s.fields.length === 1) && pairs.every((s) => s.fields.length > 1)).toBe(true);
    expect(shownSegments(all, 'all', false)).toEqual(all);
    const flagged = shownSegments(all, 'all', true);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThan(all.length);
    expect(flagged.every((s) => s.flags.some((f) => f !== 'small-sample'))).toBe(true);
  });

  it('saveTargetOf: a new model with the typed id, name and switch, or the chosen stored model', () => {
    expect(saveTargetOf({ target: 'new', newId: 'x', newName: 'X', activate: true })).toEqual({ kind: 'new', id: 'x', name: 'X', active: true });
    expect(saveTargetOf({ target: 'default', newId: 'x', newName: 'X', activate: true })).toEqual({ kind: 'existing', id: 'default' });
  });
});
