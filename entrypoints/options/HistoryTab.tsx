import { useState } from 'react';
import { DiffView } from '../../components/editor/DiffView';
import { formatWhen } from '../../components/editor/ModelList';
import { diffModels } from '../../lib/model/diff';
import { rollbackModel } from '../../lib/storage/model-history';
import type { StoredModel } from '../../lib/storage/models';
import { modelsFileName, modelsFileText } from '../../lib/sync/models-file';
import { downloadText, useAfterModelChange, useDeps, useVersions } from './data';

/** Every saved version, a diff between any two, and one-click rollback (the old content saved as a new version). */
export function HistoryTab({ stored, locked }: { stored: StoredModel; locked: boolean }) {
  const { db } = useDeps();
  const afterChange = useAfterModelChange();
  const versions = useVersions(stored.model.id);
  const [pick, setPick] = useState<{ from?: number; to?: number }>({});
  const [message, setMessage] = useState('');
  const list = versions.data ?? [];
  if (list.length === 0) return <p className="muted">Loading history…</p>;
  const to = pick.to ?? list[0].model.version;
  const from = pick.from ?? list[1]?.model.version ?? to;
  const a = list.find((v) => v.model.version === from)?.model;
  const b = list.find((v) => v.model.version === to)?.model;

  const rollback = async (version: number) => {
    const result = await rollbackModel(db, stored.model.id, version);
    if (!result.ok) setMessage(result.problems.map((p) => p.message).join('; '));
    else {
      setMessage(result.created ? `Rolled back: version ${version} saved again as version ${result.model.version}.` : 'That version is already current.');
      setPick({});
      await afterChange(stored.model.id);
    }
  };

  const versionSelect = (value: number, testId: string, onChange: (v: number) => void) => (
    <select data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {list.map((v) => (
        <option key={v.model.version} value={v.model.version}>
          v{v.model.version}
        </option>
      ))}
    </select>
  );

  return (
    <div>
      <p role="status" data-testid="history-message">
        {message}
      </p>
      <table>
        <thead>
          <tr>
            <th>Version</th>
            <th>Saved</th>
            <th>Source</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((v) => (
            <tr key={v.model.version} data-testid="version-row" data-version={v.model.version}>
              <td>v{v.model.version}{v.model.version === stored.model.version && ' (current)'}</td>
              <td>{formatWhen(v.savedAt)}</td>
              <td>{v.source}</td>
              <td>{v.note ?? ''}</td>
              <td>
                {v.model.version !== stored.model.version && (
                  <button type="button" data-testid="rollback" disabled={locked} onClick={() => void rollback(v.model.version)}>
                    Roll back to this version
                  </button>
                )}{' '}
                <button type="button" onClick={() => downloadText(modelsFileName([v.model]), modelsFileText([v.model]))}>
                  Export
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Compare versions</h2>
      <div className="row">
        <label>From {versionSelect(from, 'diff-from', (v) => setPick({ from: v, to }))}</label>
        <label>To {versionSelect(to, 'diff-to', (v) => setPick({ from, to: v }))}</label>
      </div>
      {a && b && <DiffView diff={diffModels(a, b)} />}
    </div>
  );
}
