import { useState } from 'react';
import { ProblemList } from '../../components/editor/inputs';
import { modelJsonSchema } from '../../lib/model/json-schema';
import { modelFileTooBig, type ModelProblem } from '../../lib/model/validate';
import { importModels } from '../../lib/storage/model-history';
import type { StoredModel } from '../../lib/storage/models';
import { modelsFileName, modelsFileText, parseModelsFile } from '../../lib/sync/models-file';
import { downloadText, useAfterModelChange, useDeps } from './data';

/** Import a model file (one model or an array; all or nothing), export all models, and the JSON Schema. */
export function ImportExport({ models, locked }: { models: StoredModel[]; locked: boolean }) {
  const { db } = useDeps();
  const afterChange = useAfterModelChange();
  const [problems, setProblems] = useState<ModelProblem[]>([]);
  const [result, setResult] = useState('');

  const importFile = async (file: File) => {
    setResult('');
    setProblems([]);
    // A file over the limit is refused before it is read into memory.
    const big = modelFileTooBig(file.size);
    const parsed = big ? { ok: false as const, problems: [big] } : parseModelsFile(await file.text());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      setResult(`${file.name}: nothing was imported.`);
      return;
    }
    const saved = await importModels(db, parsed.models, { many: parsed.many });
    if (!saved.ok) {
      setProblems(saved.problems);
      setResult(`${file.name}: nothing was imported.`);
      return;
    }
    setResult(`${file.name}: ${saved.results.map((r) => `${r.id} v${r.version} ${r.status === 'saved' ? 'imported' : 'unchanged'}`).join(', ')}.`);
    await afterChange(...saved.results.map((r) => r.id));
  };

  return (
    <section className="card-section" data-testid="import-export">
      <h2>Import and export</h2>
      <div className="row">
        <label>
          Import a model file (.json: one model or a list)
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={locked}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // choosing the same file again must fire again
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" data-testid="export-all" onClick={() => downloadText(modelsFileName(models.map((m) => m.model)), modelsFileText(models.map((m) => m.model)))}>
          Export all models
        </button>
        <button type="button" data-testid="json-schema" onClick={() => downloadText('model.schema.json', `${JSON.stringify(modelJsonSchema(), null, 2)}\n`, 'application/schema+json')}>
          JSON Schema of the model file
        </button>
      </div>
      <p role="status" data-testid="import-result">
        {result}
      </p>
      <ProblemList problems={problems} testId="import-problems" title={`${problems.length} problem${problems.length === 1 ? '' : 's'} in the file`} />
    </section>
  );
}
