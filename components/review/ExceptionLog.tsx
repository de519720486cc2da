import { useState } from 'react';
import { filterExceptions, type ExceptionFilter, type ExceptionRecord } from '../../lib/review/exceptions';

/** The exception log: every account advanced outside the gate, filtered by words, verdict, model and dates; exported as CSV. */
export function ExceptionLog(props: { rows: readonly (ExceptionRecord & { id: number })[]; onExport(rows: ExceptionRecord[]): void }) {
  const [filter, setFilter] = useState<ExceptionFilter>({});
  const set = (patch: ExceptionFilter) => setFilter((f) => ({ ...f, ...patch }));
  const shown = filterExceptions(props.rows, filter);
  const models = [...new Set(props.rows.map((r) => r.modelId))].sort();
  return (
    <section data-testid="exception-log">
      <h2>Exceptions</h2>
      <p className="muted">Accounts advanced although the gate said not fit or needs data, with who, why and the score at that moment.</p>
      <div className="filters">
        <input type="search" placeholder="Search company, reason, who…" aria-label="Search exceptions" data-testid="exception-filter-text" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value })} />
        <select aria-label="Verdict" data-testid="exception-filter-verdict" value={filter.verdict ?? ''} onChange={(e) => set({ verdict: e.target.value as ExceptionFilter['verdict'] })}>
          <option value="">any verdict</option>
          <option value="not-fit">not fit</option>
          <option value="needs-data">needs data</option>
        </select>
        <select aria-label="Model" data-testid="exception-filter-model" value={filter.modelId ?? ''} onChange={(e) => set({ modelId: e.target.value })}>
          <option value="">any model</option>
          {models.map((m) => (
            <option key={m} value={m}>{m}</option>
          ))}
        </select>
        <label>from <input type="date" data-testid="exception-filter-from" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value })} /></label>
        <label>to <input type="date" data-testid="exception-filter-to" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value })} /></label>
        <button type="button" data-testid="exception-export" disabled={!shown.length} onClick={() => props.onExport(shown)}>
          Export {shown.length === props.rows.length ? 'all' : `${shown.length} shown`} (CSV)
        </button>
      </div>
      {shown.length ? (
        <div className="table-scroll">
          <table className="figures" data-testid="exceptions">
            <thead>
              <tr>
                <th>When</th>
                <th>Account</th>
                <th>Verdict</th>
                <th className="num">Score</th>
                <th>Tier</th>
                <th>Model</th>
                <th>Who</th>
                <th>Approver</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((x) => (
                <tr key={x.id} data-testid="exception-row" data-verdict={x.verdict}>
                  <td title={x.at}>{x.at.slice(0, 10)}</td>
                  <td title={x.accountKey}>{x.company ?? x.domain ?? x.accountKey}</td>
                  <td>{x.verdict.replace('-', ' ')}</td>
                  <td className="num">{x.score}</td>
                  <td>{x.tier ?? '—'}</td>
                  <td>{x.modelId} v{x.modelVersion}</td>
                  <td>{x.user}</td>
                  <td>{x.approver ?? '—'}</td>
                  <td>{x.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted" data-testid="exceptions-empty">{props.rows.length ? 'No exception matches the filter.' : 'No exceptions logged.'}</p>
      )}
    </section>
  );
}
