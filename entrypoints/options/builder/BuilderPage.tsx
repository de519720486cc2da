import { useMemo, useReducer } from 'react';
import { BacktestStep } from '../../../components/builder/steps/BacktestStep';
import { InputStep } from '../../../components/builder/steps/InputStep';
import { ReviewStep } from '../../../components/builder/steps/ReviewStep';
import { SaveStep } from '../../../components/builder/steps/SaveStep';
import { SegmentsStep } from '../../../components/builder/steps/SegmentsStep';
import {
  builderReducer,
  derivationOf,
  INITIAL_STATE,
  NO_STAGES,
  saveTargetOf,
  shownSegments,
  withColumn,
  withStage,
  type CsvFile,
  type Stages,
} from '../../../lib/builder/page-state';
import { applyReview, backtestReviewed, deriveFrom, readOutcomes, readProspects } from '../../../lib/builder/review';
import { modelForTarget, saveDerivedModel } from '../../../lib/builder/save-derived';
import { outcomesStatus } from '../../../lib/builder/status';
import { generateProspects, rowsToCsv, syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import { previewCsv, type MappingOverrides, type MappingTarget } from '../../../lib/mapping';
import { checkModel } from '../../../lib/model/validate';
import { rememberedOverrides, rememberOverrides } from '../../../lib/storage/column-mappings';
import { useAfterModelChange, useDeps, useModels, usePolicy } from '../data';

/**
 * The holistic ICP builder in the options page: pick an outcomes CSV (and optionally prospects), see every segment
 * by NRR and retention, review the proposed criteria, save the accepted ones as a model, and backtest them.
 * The files never leave the page: parsing, analysis and backtest run here with lib/builder. The state and its
 * transitions are lib/builder/page-state.ts; the steps are components/builder/steps; this file reads files and
 * storage and dispatches what came back.
 */

/** Lets React paint "Working…" before a computation that holds the main thread for a moment. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function BuilderPage({ onShowModels }: { onShowModels?: () => void }) {
  const { db } = useDeps();
  const models = useModels();
  const policy = usePolicy();
  const afterChange = useAfterModelChange();
  const locked = policy.data?.lockEditing ?? true; // read-only until the admin policy is known (see App.tsx)
  const [state, dispatch] = useReducer(builderReducer, INITIAL_STATE);
  const { outcomesFile, prospectsFile, mapping, stages, parsed, prospects, accepted } = state;

  /** Reads the files and derives, from scratch: a new file, a new mapping or a new prospect list. */
  const run = async (outcomes: CsvFile, prospectList: CsvFile | null, columns: MappingOverrides, stageChoices: Stages = stages) => {
    dispatch({ type: 'readStarted', message: `Reading ${outcomes.name}…` });
    await nextFrame();
    try {
      const p = readOutcomes(outcomes.text, outcomes.name, columns, stageChoices);
      const q = prospectList ? readProspects(prospectList.text, prospectList.name, columns) : null;
      dispatch({ type: 'read', sample: previewCsv(outcomes.text, 20), parsed: p, prospects: q });
      if (p.errors.length) return;
      dispatch({ type: 'busy', message: 'Measuring segments…' });
      await nextFrame();
      dispatch({ type: 'derived', derived: deriveFrom(p.records, q && !q.errors.length ? q : undefined) });
    } finally {
      dispatch({ type: 'busy', message: '' });
    }
  };

  /** A new outcomes file: the overrides remembered for its header set, if any, apply at once. */
  const openOutcomes = async (f: CsvFile) => {
    const remembered = await rememberedOverrides(db, previewCsv(f.text, 0).headers).catch(() => ({}));
    dispatch({ type: 'outcomesOpened', file: f, mapping: remembered });
    await run(f, prospectsFile, remembered, NO_STAGES);
  };
  const chooseProspects = async (f: CsvFile | null) => {
    dispatch({ type: 'prospectsChosen', file: f });
    if (outcomesFile) await run(outcomesFile, f, mapping);
  };
  const loadSample = async () => {
    dispatch({ type: 'busy', message: 'Generating sample outcomes…' });
    await nextFrame();
    await openOutcomes({ name: 'sample-outcomes.csv', text: syntheticOutcomesCsv() });
  };
  /** A column read as something else; remembered for this header set. */
  const changeColumn = (header: string, target: MappingTarget | undefined) => {
    const next = withColumn(mapping, header, target);
    dispatch({ type: 'mappingChanged', mapping: next });
    void rememberOverrides(db, state.sample.headers, next).catch(() => undefined);
    if (outcomesFile) void run(outcomesFile, prospectsFile, next);
  };
  const changeStage = (value: string, reading: 'won' | 'lost' | 'open') => {
    const next = withStage(stages, value, reading);
    dispatch({ type: 'stagesChanged', stages: next });
    if (outcomesFile) void run(outcomesFile, prospectsFile, mapping, next);
  };

  const derivation = derivationOf(state);
  const records = parsed?.records;
  const reviewed = useMemo(
    () => (derivation && records ? applyReview(derivation.proposal.model, accepted, records, derivation.asOf) : null),
    [derivation, records, accepted],
  );
  const stored = models.data ?? [];
  const saveTarget = saveTargetOf(state);
  const existingModel = saveTarget.kind === 'existing' ? stored.find((m) => m.model.id === saveTarget.id)?.model : undefined;
  // Validated as it would be saved (the id and name typed in, or the existing model's), so problems show before Save.
  const { target, newId, newName } = state;
  const check = useMemo(
    () => (reviewed ? checkModel(modelForTarget(reviewed, saveTargetOf({ target, newId, newName, activate: false }), existingModel)) : null),
    [reviewed, target, newId, newName, existingModel],
  );
  const problems = check && !check.ok ? check.problems : [];
  const shown = useMemo(() => shownSegments(derivation?.segments ?? [], state.view, state.flaggedOnly), [derivation, state.view, state.flaggedOnly]);

  const save = async () => {
    if (!reviewed) return;
    dispatch({ type: 'saveStarted' });
    try {
      const result = await saveDerivedModel(db, reviewed, saveTarget, { source: outcomesFile?.name });
      dispatch({ type: 'saved', result });
      if (result.ok) await afterChange(result.model.id);
    } finally {
      dispatch({ type: 'saveFinished' });
    }
  };

  const runBacktest = async () => {
    if (!derivation || !records) return;
    dispatch({ type: 'busy', message: 'Backtesting…' });
    await nextFrame();
    try {
      dispatch({ type: 'backtested', backtest: backtestReviewed(records, derivation, accepted) });
    } finally {
      dispatch({ type: 'busy', message: '' });
    }
  };

  const status =
    state.busy ||
    (parsed && outcomesFile
      ? outcomesStatus(outcomesFile.name, parsed) + (prospectsFile && prospects ? ` ${prospectsFile.name}: ${prospects.accounts.length} prospect accounts.` : '')
      : 'No outcomes loaded yet. Pick a CSV, or load the sample to try it.');

  return (
    <div className="builder" data-testid="builder">
      <h1>ICP builder — derive the model from outcomes</h1>
      <p className="muted">
        Import closed-won and closed-lost deals with their retention (a CRM export: stage, close date, initial and current ARR, churn date). The
        builder measures every segment — win rate, logo retention, NRR, CLV and, with a prospect list, TAM — flags the accidental ICP (wins easily,
        then churns), and proposes a model with the evidence attached. Nothing leaves this page.
      </p>

      <InputStep
        busy={state.busy}
        status={status}
        outcomesFile={outcomesFile}
        prospectsFile={prospectsFile}
        parsed={parsed}
        prospects={prospects}
        deriveError={state.derived && !state.derived.ok ? state.derived.error : null}
        stages={stages}
        sample={state.sample}
        mapping={mapping}
        onOutcomes={(file) => void file.text().then((text) => openOutcomes({ name: file.name, text }))}
        onProspects={(file) => void (file ? file.text().then((text) => chooseProspects({ name: file.name, text })) : chooseProspects(null))}
        onLoadSample={() => void loadSample()}
        onLoadSampleProspects={() => void chooseProspects({ name: 'sample-prospects.csv', text: rowsToCsv(generateProspects()) })}
        onStage={changeStage}
        onColumn={changeColumn}
      />

      {derivation && reviewed && (
        <>
          <SegmentsStep
            derivation={derivation}
            shown={shown}
            view={state.view}
            flaggedOnly={state.flaggedOnly}
            selectedKey={state.selectedKey}
            onView={(view) => dispatch({ type: 'segmentView', view })}
            onFlaggedOnly={(on) => dispatch({ type: 'flaggedOnly', on })}
            onSelect={(key) => dispatch({ type: 'selectSegment', key })}
          />
          <ReviewStep derivation={derivation} reviewed={reviewed} accepted={accepted} onToggle={(id, on) => dispatch({ type: 'toggleCriterion', id, on })} />
          <SaveStep
            form={state}
            stored={stored}
            problems={problems}
            saveProblems={state.saveProblems}
            canSave={!locked && !state.saving && !!check?.ok}
            locked={locked}
            saveMessage={state.saveMessage}
            onChange={(change) => dispatch({ type: 'saveForm', change })}
            onSave={() => void save()}
            onShowModels={onShowModels}
          />
          <BacktestStep backtest={state.backtest} disabled={!!state.busy || accepted.size === 0} onRun={() => void runBacktest()} />
        </>
      )}
    </div>
  );
}
