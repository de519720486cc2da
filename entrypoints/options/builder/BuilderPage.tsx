import { useMemo, useState } from 'react';
import { BacktestPanel } from '../../../components/builder/BacktestPanel';
import { CriteriaReview } from '../../../components/builder/CriteriaReview';
import { money, percent } from '../../../components/builder/format';
import { RowProblems, StageChoices } from '../../../components/builder/InputSummary';
import { MappingPreview } from '../../../components/mapping/MappingPreview';
import { SegmentChart } from '../../../components/builder/SegmentChart';
import { SegmentTable } from '../../../components/builder/SegmentTable';
import { ProblemList } from '../../../components/editor/inputs';
import type { ParsedOutcomes, ParsedProspects } from '../../../lib/builder/outcomes';
import { outcomesStatus } from '../../../lib/builder/status';
import { MAPPING_TARGETS, previewCsv, type MappingOverrides, type MappingTarget } from '../../../lib/mapping';
import { rememberedOverrides, rememberOverrides } from '../../../lib/storage/column-mappings';
import { generateProspects, rowsToCsv, syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import { checkModel, type ModelProblem } from '../../../lib/model/validate';
import { useAfterModelChange, useDeps, useModels, usePolicy } from '../data';
import { applyReview, backtestReviewed, deriveFrom, readOutcomes, readProspects, type BacktestOutcome, type DeriveOutcome } from './pipeline';
import { modelForTarget, saveDerivedModel, type SaveTarget } from './save';

/**
 * The holistic ICP builder in the options page: pick an outcomes CSV (and optionally prospects), see every segment
 * by NRR and retention, review the proposed criteria, save the accepted ones as a model, and backtest them.
 * The files never leave the page: parsing, analysis and backtest run here with lib/builder.
 */

interface CsvFile {
  name: string;
  text: string;
}

/** Stage values the user said are won or lost. */
interface Stages {
  won: string[];
  lost: string[];
}

type SegmentView = 'single' | 'pairs' | 'all';

/** Lets React paint "Working…" before a computation that holds the main thread for a moment. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function BuilderPage({ onShowModels }: { onShowModels?: () => void }) {
  const { db } = useDeps();
  const models = useModels();
  const policy = usePolicy();
  const afterChange = useAfterModelChange();
  const locked = policy.data?.lockEditing ?? true; // read-only until the admin policy is known (see App.tsx)

  const [outcomesFile, setOutcomesFile] = useState<CsvFile | null>(null);
  const [prospectsFile, setProspectsFile] = useState<CsvFile | null>(null);
  const [mapping, setMapping] = useState<MappingOverrides>({});
  const [stages, setStages] = useState<Stages>({ won: [], lost: [] });
  const [sample, setSample] = useState<{ headers: string[]; rows: string[][] }>({ headers: [], rows: [] });
  const [parsed, setParsed] = useState<ParsedOutcomes | null>(null);
  const [prospects, setProspects] = useState<ParsedProspects | null>(null);
  const [derived, setDerived] = useState<DeriveOutcome | null>(null);
  const [busy, setBusy] = useState('');

  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [view, setView] = useState<SegmentView>('single');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();

  const [target, setTarget] = useState<string>('new');
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [activate, setActivate] = useState(false);
  const [saveProblems, setSaveProblems] = useState<ModelProblem[]>([]);
  const [saveMessage, setSaveMessage] = useState('');
  const [saving, setSaving] = useState(false);

  const [backtest, setBacktest] = useState<BacktestOutcome | null>(null);

  /** Reads the files and derives, from scratch: a new file, a new mapping or a new prospect list. */
  const run = async (outcomes: CsvFile, prospectList: CsvFile | null, columns: MappingOverrides, stageChoices: Stages = stages) => {
    setBusy(`Reading ${outcomes.name}…`);
    setBacktest(null);
    setSaveMessage('');
    setSaveProblems([]);
    await nextFrame();
    try {
      setSample(previewCsv(outcomes.text, 20));
      const p = readOutcomes(outcomes.text, outcomes.name, columns, stageChoices);
      const q = prospectList ? readProspects(prospectList.text, prospectList.name, columns) : null;
      setParsed(p);
      setProspects(q);
      if (p.errors.length) {
        setDerived(null);
        return;
      }
      setBusy('Measuring segments…');
      await nextFrame();
      const d = deriveFrom(p.records, q && !q.errors.length ? q : undefined);
      setDerived(d);
      if (d.ok) {
        setAccepted(new Set(d.derivation.proposal.model.criteria.map((c) => c.id)));
        setNewId(d.derivation.proposal.model.id);
        setNewName(d.derivation.proposal.model.name);
      }
    } finally {
      setBusy('');
    }
  };

  /** A new outcomes file: the overrides remembered for its header set, if any, apply at once. */
  const openOutcomes = async (f: CsvFile) => {
    setOutcomesFile(f);
    const remembered = await rememberedOverrides(db, previewCsv(f.text, 0).headers).catch(() => ({}));
    setMapping(remembered);
    setStages({ won: [], lost: [] });
    await run(f, prospectsFile, remembered, { won: [], lost: [] });
  };
  const pickOutcomes = async (file: File) => openOutcomes({ name: file.name, text: await file.text() });
  const pickProspects = async (file: File | null) => {
    const f = file ? { name: file.name, text: await file.text() } : null;
    setProspectsFile(f);
    if (outcomesFile) await run(outcomesFile, f, mapping);
  };
  const loadSample = async () => {
    setBusy('Generating sample outcomes…');
    await nextFrame();
    await openOutcomes({ name: 'sample-outcomes.csv', text: syntheticOutcomesCsv() });
  };
  const loadSampleProspects = async () => {
    const f = { name: 'sample-prospects.csv', text: rowsToCsv(generateProspects()) };
    setProspectsFile(f);
    if (outcomesFile) await run(outcomesFile, f, mapping);
  };
  /** A column read as something else; remembered for this header set. */
  const changeColumn = (header: string, target: MappingTarget | undefined) => {
    const next: Record<string, MappingTarget> = { ...mapping };
    if (target) next[header] = target;
    else delete next[header];
    setMapping(next);
    void rememberOverrides(db, sample.headers, next).catch(() => undefined);
    if (outcomesFile) void run(outcomesFile, prospectsFile, next);
  };
  const changeStage = (value: string, reading: 'won' | 'lost' | 'open') => {
    const next = {
      won: stages.won.filter((v) => v !== value).concat(reading === 'won' ? [value] : []),
      lost: stages.lost.filter((v) => v !== value).concat(reading === 'lost' ? [value] : []),
    };
    setStages(next);
    if (outcomesFile) void run(outcomesFile, prospectsFile, mapping, next);
  };

  const derivation = derived?.ok ? derived.derivation : null;
  const records = parsed?.records;

  const reviewed = useMemo(
    () => (derivation && records ? applyReview(derivation.proposal.model, accepted, records, derivation.asOf) : null),
    [derivation, records, accepted],
  );
  const stored = models.data ?? [];
  const existing = target === 'new' ? undefined : stored.find((m) => m.model.id === target);
  const saveTarget: SaveTarget = target === 'new' ? { kind: 'new', id: newId, name: newName, active: activate } : { kind: 'existing', id: target };
  // Validated as it would be saved (the id and name typed in, or the existing model's), so problems show before Save.
  const existingModel = existing?.model;
  const check = useMemo(() => {
    if (!reviewed) return null;
    const to: SaveTarget = target === 'new' ? { kind: 'new', id: newId, name: newName, active: false } : { kind: 'existing', id: target };
    return checkModel(modelForTarget(reviewed, to, existingModel));
  }, [reviewed, target, newId, newName, existingModel]);
  const problems = check && !check.ok ? check.problems : [];

  const shown = useMemo(() => {
    const all = derivation?.segments ?? [];
    return all.filter(
      (s) =>
        (view === 'all' || (view === 'pairs') === s.fields.length > 1) &&
        (!flaggedOnly || s.flags.some((f) => f !== 'small-sample')),
    );
  }, [derivation, view, flaggedOnly]);

  const toggle = (id: string, on: boolean) => {
    setAccepted((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    setBacktest(null);
    setSaveMessage('');
  };

  const save = async () => {
    if (!reviewed) return;
    setSaving(true);
    setSaveMessage('');
    try {
      const result = await saveDerivedModel(db, reviewed, saveTarget, { source: outcomesFile?.name });
      if (!result.ok) {
        setSaveProblems(result.problems);
        return;
      }
      setSaveProblems([]);
      setSaveMessage(
        result.created
          ? `Saved "${result.model.name}" (${result.model.id}) as version ${result.model.version}.`
          : `"${result.model.name}" already has this content (version ${result.model.version}): nothing saved.`,
      );
      await afterChange(result.model.id);
    } finally {
      setSaving(false);
    }
  };

  const runBacktest = async () => {
    if (!derivation || !records) return;
    setBusy('Backtesting…');
    await nextFrame();
    try {
      setBacktest(backtestReviewed(records, derivation, accepted));
    } finally {
      setBusy('');
    }
  };

  return (
    <div className="builder" data-testid="builder">
      <h1>ICP builder — derive the model from outcomes</h1>
      <p className="muted">
        Import closed-won and closed-lost deals with their retention (a CRM export: stage, close date, initial and current ARR, churn date). The
        builder measures every segment — win rate, logo retention, NRR, CLV and, with a prospect list, TAM — flags the accidental ICP (wins easily,
        then churns), and proposes a model with the evidence attached. Nothing leaves this page.
      </p>

      <section className="card-section" data-testid="builder-input">
        <h2>1. Outcomes</h2>
        <div className="row">
          <label>
            Outcomes CSV (closed deals with retention)
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="builder-outcomes-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void pickOutcomes(file);
              }}
            />
          </label>
          <label>
            Prospects CSV (optional, for TAM)
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="builder-prospects-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void pickProspects(file);
              }}
            />
          </label>
          <button type="button" data-testid="builder-load-sample" disabled={!!busy} onClick={() => void loadSample()}>
            Load sample outcomes
          </button>
          <button type="button" data-testid="builder-load-sample-prospects" disabled={!!busy} onClick={() => void loadSampleProspects()}>
            Load sample prospects
          </button>
          {prospectsFile && (
            <button type="button" data-testid="builder-clear-prospects" onClick={() => void pickProspects(null)}>
              Remove prospects
            </button>
          )}
        </div>
        <p role="status" data-testid="builder-status">
          {busy ||
            (parsed && outcomesFile
              ? outcomesStatus(outcomesFile.name, parsed) +
                (prospectsFile && prospects ? ` ${prospectsFile.name}: ${prospects.accounts.length} prospect accounts.` : '')
              : 'No outcomes loaded yet. Pick a CSV, or load the sample to try it.')}
        </p>
        {parsed && parsed.errors.length > 0 && (
          <ul className="error" data-testid="builder-file-errors">
            {parsed.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {prospects && prospects.errors.length > 0 && (
          <ul className="error" data-testid="builder-prospect-errors">
            {prospects.errors.map((e) => (
              <li key={e}>prospects: {e}</li>
            ))}
          </ul>
        )}
        {derived && !derived.ok && (
          <p className="error" data-testid="builder-derive-error">
            {derived.error}
          </p>
        )}
        {parsed && <RowProblems title="Bad rows, left out of every figure" problems={parsed.bad} testId="builder-bad-rows" open={parsed.bad.length <= 20} />}
        {parsed && <RowProblems title="Facts that did not read (the row still counts)" problems={parsed.warnings} testId="builder-warnings" />}
        {parsed && (parsed.unknownStages.size > 0 || stages.won.length + stages.lost.length > 0) && (
          <StageChoices unknown={parsed.unknownStages} won={stages.won} lost={stages.lost} onChange={changeStage} />
        )}
        {outcomesFile && parsed && sample.headers.length > 0 && (
          <details data-testid="builder-columns" open={!!parsed.errors.length || !parsed.records.some((r) => r.stage !== 'open')}>
            <summary>Columns: how the file is read</summary>
            <MappingPreview
              mapping={parsed.mapping}
              rows={sample.rows}
              filled={parsed.filled}
              targets={MAPPING_TARGETS}
              overrides={mapping}
              onChange={changeColumn}
            />
          </details>
        )}
      </section>

      {derivation && reviewed && (
        <>
          <section className="card-section" data-testid="builder-segments">
            <h2>2. Segments by NRR and logo retention</h2>
            <p data-testid="builder-baseline">
              All {derivation.baseline.n} closed deals as of {derivation.asOf}: win rate {percent(derivation.baseline.winRate)}, logo retention{' '}
              {percent(derivation.baseline.logoRetention)}, NRR {percent(derivation.baseline.nrr)}, CLV {money(derivation.baseline.clv)}.{' '}
              <span className="muted">
                CLV = average initial ARR × gross margin × expected lifetime (1 / annual churn, at most 10 years). Segments with fewer than{' '}
                {derivation.thresholds.minWon} won accounts are flagged small-sample and never proposed; ranking uses the lower end of each NRR
                interval, so a lucky small segment does not outrank a large one.
              </span>
            </p>
            <div className="row">
              <label>
                Show
                <select data-testid="segment-view" value={view} onChange={(e) => setView(e.target.value as SegmentView)}>
                  <option value="single">single fields</option>
                  <option value="pairs">pairs of fields</option>
                  <option value="all">all segments</option>
                </select>
              </label>
              <label className="block" style={{ flexDirection: 'row', gap: 6, alignItems: 'center' }}>
                <input type="checkbox" data-testid="segment-flagged-only" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />
                only segments with a finding
              </label>
              <span className="muted" data-testid="segment-count">
                {shown.length} of {derivation.segments.length} segments
              </span>
            </div>
            <div className="charts">
              <SegmentChart segments={shown} baseline={derivation.baseline} selectedKey={selectedKey} onSelect={setSelectedKey} />
            </div>
            <div className="table-scroll">
              <SegmentTable segments={shown} selectedKey={selectedKey} onSelect={setSelectedKey} />
            </div>
          </section>

          <section className="card-section" data-testid="builder-review">
            <h2>3. Review the proposed criteria</h2>
            <p className="muted">Untick a criterion to drop it. The model that is saved and backtested has only the ticked ones; tiers are re-fitted.</p>
            <CriteriaReview criteria={derivation.proposal.model.criteria} accepted={accepted} onToggle={toggle} />
            {derivation.proposal.notes.length > 0 && (
              <details data-testid="proposal-notes">
                <summary>Considered and left out ({derivation.proposal.notes.length})</summary>
                <ul className="muted">
                  {derivation.proposal.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </details>
            )}
            <p className="muted" data-testid="review-tiers">
              Tiers: {reviewed.tiers.map((t) => `${t.id} from ${t.minScore}`).join(', ')}.
            </p>
          </section>

          <section className="card-section" data-testid="builder-save">
            <h2>4. Save as a model</h2>
            <div className="row">
              <label>
                Save to
                <select data-testid="builder-target" value={target} onChange={(e) => setTarget(e.target.value)}>
                  <option value="new">a new model</option>
                  {stored.map((m) => (
                    <option key={m.model.id} value={m.model.id}>
                      new version of {m.model.name} (v{m.model.version} → v{m.model.version + 1})
                    </option>
                  ))}
                </select>
              </label>
              {target === 'new' && (
                <>
                  <label>
                    Model id
                    <input type="text" data-testid="builder-new-id" value={newId} onChange={(e) => setNewId(e.target.value)} />
                  </label>
                  <label className="grow">
                    Name
                    <input type="text" data-testid="builder-new-name" value={newName} onChange={(e) => setNewName(e.target.value)} />
                  </label>
                  <label className="block" style={{ flexDirection: 'row', gap: 6, alignItems: 'center' }}>
                    <input type="checkbox" data-testid="builder-activate" checked={activate} onChange={(e) => setActivate(e.target.checked)} />
                    use it on the card now
                  </label>
                </>
              )}
            </div>
            {existing && (
              <p className="muted">
                Becomes version {existing.model.version + 1} of “{existing.model.name}”, keeping its name, its active switch and its sync URL. The previous
                versions stay in its history.
              </p>
            )}
            <ProblemList problems={problems} testId="builder-problems" title={`${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before saving`} />
            <ProblemList problems={saveProblems} testId="builder-save-problems" title="Not saved" />
            <div className="actions">
              <button type="button" data-testid="builder-save-model" disabled={locked || saving || !check?.ok} onClick={() => void save()}>
                Save as {target === 'new' ? 'new model' : 'new version'}
              </button>
              <span role="status" data-testid="builder-save-message">
                {locked ? 'Model editing is locked by your administrator.' : saveMessage}
              </span>
              {saveMessage && onShowModels && (
                <button type="button" className="link" data-testid="builder-show-models" onClick={onShowModels}>
                  Open the models to edit or publish it
                </button>
              )}
            </div>
          </section>

          <section className="card-section" data-testid="builder-backtest">
            <h2>5. Backtest</h2>
            <p className="muted">
              Time split: the same review applied to a model derived from the older 70 % of deals, scored on the newest 30 %. Does it pick the accounts
              that stay and grow?
            </p>
            <button type="button" data-testid="builder-run-backtest" disabled={!!busy || accepted.size === 0} onClick={() => void runBacktest()}>
              Run the backtest
            </button>
            {backtest && !backtest.ok && (
              <p className="error" data-testid="backtest-error">
                {backtest.error}
              </p>
            )}
            {backtest?.ok && <BacktestPanel result={backtest.result} />}
          </section>
        </>
      )}
    </div>
  );
}
