import type { StoredModel } from '../../lib/storage/models';

const SOURCE_LABELS: Record<StoredModel['source'], string> = { builtin: 'built-in', file: 'file', url: 'URL', editor: 'editor' };

export const formatWhen = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** Every stored model with its version, source and last change; several can be active at once. */
export function ModelList(props: {
  models: StoredModel[];
  selected: string | null;
  locked: boolean;
  onSelect(id: string): void;
  onToggleActive(id: string, active: boolean): void;
  onExport(id: string): void;
}) {
  return (
    <table className="models" data-testid="model-list">
      <thead>
        <tr>
          <th>Active</th>
          <th>Model</th>
          <th>Version</th>
          <th>Source</th>
          <th>Last change</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.models.map(({ model, source, active, sourceUrl, updatedAt }) => (
          <tr
            key={model.id}
            className={props.selected === model.id ? 'selected' : ''}
            data-testid="model-row"
            data-model-id={model.id}
            data-version={model.version}
            data-active={active}
          >
            <td>
              <input
                type="checkbox"
                data-testid="model-active"
                aria-label={`use ${model.name}`}
                checked={active}
                disabled={props.locked}
                onChange={(e) => props.onToggleActive(model.id, e.target.checked)}
              />
            </td>
            <td>
              <button type="button" className="link" data-testid="model-select" onClick={() => props.onSelect(model.id)}>
                {model.name}
              </button>
              <div className="muted">{model.id}</div>
            </td>
            <td data-testid="model-version">v{model.version}</td>
            <td>
              {SOURCE_LABELS[source]}
              {sourceUrl && (
                <div className="muted url" title={sourceUrl}>
                  syncs from {sourceUrl}
                </div>
              )}
            </td>
            <td>{formatWhen(updatedAt)}</td>
            <td>
              <button type="button" data-testid="model-export" onClick={() => props.onExport(model.id)}>
                Export
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
