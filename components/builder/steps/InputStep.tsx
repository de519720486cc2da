import type { ParsedOutcomes, ParsedProspects } from '../../../lib/builder/outcomes';
import type { CsvFile, Stages } from '../../../lib/builder/page-state';
import { MAPPING_TARGETS, type MappingOverrides, type MappingTarget } from '../../../lib/mapping';
import { MappingPreview } from '../../mapping/MappingPreview';
import { RowProblems, StageChoices } from '../InputSummary';

/** Step 1: the outcomes (and optional prospects) files, how they read, and the column and stage choices. */
export function InputStep(props: {
  busy: string;
  status: string;
  outcomesFile: CsvFile | null;
  prospectsFile: CsvFile | null;
  parsed: ParsedOutcomes | null;
  prospects: ParsedProspects | null;
  deriveError: string | null;
  stages: Stages;
  sample: { headers: string[]; rows: string[][] };
  mapping: MappingOverrides;
  onOutcomes: (file: File) => void;
  onProspects: (file: File | null) => void;
  onLoadSample: () => void;
  onLoadSampleProspects: () => void;
  onStage: (value: string, reading: 'won' | 'lost' | 'open') => void;
  onColumn: (header: string, target: MappingTarget | undefined) => void;
}) {
  const { busy, parsed, prospects, stages } = props;
  return (
    <section className="card-section" data-testid="builder-input">
      <h2>1. Outcomes</h2>
      <div className="row">
        <FileInput label="Outcomes CSV (closed deals with retention)" testId="builder-outcomes-file" onFile={props.onOutcomes} />
        <FileInput label="Prospects CSV (optional, for TAM)" testId="builder-prospects-file" onFile={props.onProspects} />
        <button type="button" data-testid="builder-load-sample" disabled={!!busy} onClick={props.onLoadSample}>
          Load sample outcomes
        </button>
        <button type="button" data-testid="builder-load-sample-prospects" disabled={!!busy} onClick={props.onLoadSampleProspects}>
          Load sample prospects
        </button>
        {props.prospectsFile && (
          <button type="button" data-testid="builder-clear-prospects" onClick={() => props.onProspects(null)}>
            Remove prospects
          </button>
        )}
      </div>
      <p role="status" data-testid="builder-status">
        {props.status}
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
      {props.deriveError !== null && (
        <p className="error" data-testid="builder-derive-error">
          {props.deriveError}
        </p>
      )}
      {parsed && <RowProblems title="Bad rows, left out of every figure" problems={parsed.bad} testId="builder-bad-rows" open={parsed.bad.length <= 20} />}
      {parsed && <RowProblems title="Facts that did not read (the row still counts)" problems={parsed.warnings} testId="builder-warnings" />}
      {parsed && (parsed.unknownStages.size > 0 || stages.won.length + stages.lost.length > 0) && (
        <StageChoices unknown={parsed.unknownStages} won={stages.won} lost={stages.lost} onChange={props.onStage} />
      )}
      {props.outcomesFile && parsed && props.sample.headers.length > 0 && (
        <details data-testid="builder-columns" open={!!parsed.errors.length || !parsed.records.some((r) => r.stage !== 'open')}>
          <summary>Columns: how the file is read</summary>
          <MappingPreview
            mapping={parsed.mapping}
            rows={props.sample.rows}
            filled={parsed.filled}
            targets={MAPPING_TARGETS}
            overrides={props.mapping}
            onChange={props.onColumn}
          />
        </details>
      )}
    </section>
  );
}

/** A CSV picker that can pick the same file twice (the value is cleared after each choice). */
function FileInput({ label, testId, onFile }: { label: string; testId: string; onFile: (file: File) => void }) {
  return (
    <label>
      {label}
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
