import type { BuilderState } from '../../../lib/builder/page-state';
import type { IcpModel } from '../../../lib/model/schema';
import type { ModelProblem } from '../../../lib/model/validate';
import { ProblemList } from '../../editor/inputs';

type SaveForm = Pick<BuilderState, 'target' | 'newId' | 'newName' | 'activate'>;

/** Step 4: save the reviewed model as a new model or as the next version of a stored one. */
export function SaveStep(props: {
  form: SaveForm;
  stored: readonly { model: IcpModel }[];
  /** Problems of the model as it would be saved (shown before Save), and those Save itself returned. */
  problems: ModelProblem[];
  saveProblems: ModelProblem[];
  canSave: boolean;
  locked: boolean;
  saveMessage: string;
  onChange: (change: Partial<SaveForm>) => void;
  onSave: () => void;
  onShowModels?: () => void;
}) {
  const { form, problems } = props;
  const existing = form.target === 'new' ? undefined : props.stored.find((m) => m.model.id === form.target);
  return (
    <section className="card-section" data-testid="builder-save">
      <h2>4. Save as a model</h2>
      <div className="row">
        <label>
          Save to
          <select data-testid="builder-target" value={form.target} onChange={(e) => props.onChange({ target: e.target.value })}>
            <option value="new">a new model</option>
            {props.stored.map((m) => (
              <option key={m.model.id} value={m.model.id}>
                new version of {m.model.name} (v{m.model.version} → v{m.model.version + 1})
              </option>
            ))}
          </select>
        </label>
        {form.target === 'new' && (
          <>
            <label>
              Model id
              <input type="text" data-testid="builder-new-id" value={form.newId} onChange={(e) => props.onChange({ newId: e.target.value })} />
            </label>
            <label className="grow">
              Name
              <input type="text" data-testid="builder-new-name" value={form.newName} onChange={(e) => props.onChange({ newName: e.target.value })} />
            </label>
            <label className="block" style={{ flexDirection: 'row', gap: 6, alignItems: 'center' }}>
              <input type="checkbox" data-testid="builder-activate" checked={form.activate} onChange={(e) => props.onChange({ activate: e.target.checked })} />
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
      <ProblemList problems={props.saveProblems} testId="builder-save-problems" title="Not saved" />
      <div className="actions">
        <button type="button" data-testid="builder-save-model" disabled={!props.canSave} onClick={props.onSave}>
          Save as {form.target === 'new' ? 'new model' : 'new version'}
        </button>
        <span role="status" data-testid="builder-save-message">
          {props.locked ? 'Model editing is locked by your administrator.' : props.saveMessage}
        </span>
        {props.saveMessage && props.onShowModels && (
          <button type="button" className="link" data-testid="builder-show-models" onClick={props.onShowModels}>
            Open the models to edit or publish it
          </button>
        )}
      </div>
    </section>
  );
}
