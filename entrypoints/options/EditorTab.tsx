import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CriteriaEditor } from '../../components/editor/CriteriaEditor';
import { fieldOptions, isoDay, moveCriterion, newCriterion, removeCriterion, replaceCriterion, type Draft } from '../../components/editor/draft';
import { ProblemList } from '../../components/editor/inputs';
import { ModelSettings } from '../../components/editor/ModelSettings';
import { PreviewPanel } from '../../components/editor/PreviewPanel';
import { sameModelContent } from '../../lib/model/history';
import { checkModel, type ModelProblem } from '../../lib/model/validate';
import { sampleAccounts } from '../../lib/samples/accounts';
import { previewAccounts, previewModel } from '../../lib/samples/preview';
import type { Account } from '../../lib/storage/accounts';
import { saveEditedModel } from '../../lib/storage/model-history';
import type { StoredModel } from '../../lib/storage/models';
import { useAfterModelChange, useDeps } from './data';

/**
 * The model editor: a draft of the selected model, validated on every change (problems by JSON path, shown next to
 * their inputs) and re-scored against the sample and stored accounts. Save writes the draft as a new version.
 */
export function EditorTab({ stored, locked, accounts, customFields }: { stored: StoredModel; locked: boolean; accounts: Account[]; customFields: string[] }) {
  const { db } = useDeps();
  const afterChange = useAfterModelChange();
  const [draft, setDraft] = useState<Draft>(() => structuredClone(stored.model));
  const [saveProblems, setSaveProblems] = useState<ModelProblem[]>([]);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);

  // A new version arrived (a sync, a rollback, another window): take it if the draft had no unsaved edits.
  const base = useRef(stored.model);
  useEffect(() => {
    if (base.current.version === stored.model.version) return;
    if (sameModelContent(draft, base.current)) setDraft(structuredClone(stored.model));
    else setMessage(`Version ${stored.model.version} arrived while you were editing; saving puts your draft on top of it.`);
    base.current = stored.model;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored.model]);

  const check = useMemo(() => checkModel(draft), [draft]);
  const problems = check.ok ? [] : check.problems;
  const lastValid = useRef(stored.model);
  if (check.ok) lastValid.current = check.model;
  const previewed = useDeferredValue(check.ok ? check.model : lastValid.current);

  const now = useMemo(() => Date.now(), []);
  const today = isoDay(now);
  const pool = useMemo(() => previewAccounts(sampleAccounts(now), accounts), [now, accounts]);
  const preview = useMemo(() => previewModel(previewed, stored.model, pool, now), [previewed, stored.model, pool, now]);
  const fields = useMemo(() => fieldOptions(draft, customFields), [draft, customFields]);
  const dirty = !sameModelContent(draft, stored.model);

  const save = async () => {
    setSaving(true);
    setMessage('');
    try {
      const result = await saveEditedModel(db, draft);
      if (!result.ok) {
        setSaveProblems(result.problems);
        return;
      }
      setSaveProblems([]);
      base.current = result.model;
      setDraft(structuredClone(result.model));
      setMessage(result.created ? `Saved as version ${result.model.version}.` : 'Nothing changed.');
      await afterChange(result.model.id);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="layout">
      <div>
        {locked && <p className="muted">Editing is locked by your administrator: the model is shown read-only.</p>}
        <ProblemList problems={problems} title={`${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before saving`} />
        <ProblemList problems={saveProblems} testId="save-problems" title="Not saved" />
        <fieldset disabled={locked} style={{ border: 'none', padding: 0, margin: 0 }}>
          <ModelSettings draft={draft} problems={problems} disabled={locked} onChange={setDraft} />
          <h2>Criteria</h2>
          <CriteriaEditor
            criteria={draft.criteria}
            problems={problems}
            fields={fields}
            today={today}
            disabled={locked}
            onChange={(i, c) => setDraft((d) => replaceCriterion(d, i, c))}
            onMove={(i, dir) => setDraft((d) => moveCriterion(d, i, dir))}
            onRemove={(i) => setDraft((d) => removeCriterion(d, i))}
            onAdd={(dimension) => setDraft((d) => ({ ...d, criteria: [...d.criteria, newCriterion(d, dimension)] }))}
          />
        </fieldset>
        <div className="actions">
          <button type="button" data-testid="save-model" disabled={locked || !check.ok || !dirty || saving} onClick={() => void save()}>
            Save as version {stored.model.version + 1}
          </button>
          <button type="button" data-testid="discard" disabled={!dirty} onClick={() => setDraft(structuredClone(stored.model))}>
            Discard changes
          </button>
          <span data-testid="editor-message" role="status">
            {message || (dirty ? 'Unsaved changes.' : 'No changes.')}
          </span>
        </div>
      </div>
      <PreviewPanel preview={preview} stale={!check.ok} hasSaved />
    </div>
  );
}
