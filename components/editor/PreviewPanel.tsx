import type { Preview, PreviewOutcome } from '../../lib/samples/preview';

const outcomeText = (o: PreviewOutcome | null) => (o ? `${o.verdict === 'fit' ? `tier ${o.tier ?? '—'}` : o.verdict} (${o.score})` : '—');

/** The live preview: tier distribution saved vs draft, the accounts whose outcome changed, and every score. */
export function PreviewPanel({ preview, stale, hasSaved }: { preview: Preview; stale: boolean; hasSaved: boolean }) {
  return (
    <section className="preview" data-testid="preview" aria-live="polite">
      <h2>Live preview</h2>
      <p className="muted">
        {preview.rows.length} accounts ({preview.rows.filter((r) => r.sample).length} samples, {preview.rows.filter((r) => !r.sample).length} stored) scored with the
        draft{hasSaved ? ' and with the saved version' : ''}.
        {stale && <strong> The draft has problems: this is the last valid draft.</strong>}
      </p>
      <table className="buckets">
        <thead>
          <tr>
            <th>Outcome</th>
            {hasSaved && <th>Saved</th>}
            <th>Draft</th>
          </tr>
        </thead>
        <tbody>
          {preview.buckets.map((b) => (
            <tr key={b.id} data-testid="preview-bucket" data-bucket={b.id} data-before={b.before} data-after={b.after}>
              <td>{b.label}</td>
              {hasSaved && <td>{b.before}</td>}
              <td className={hasSaved && b.before !== b.after ? 'changed' : ''}>{b.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasSaved && (
        <>
          <p data-testid="preview-scores-changed" data-count={preview.scoresChanged}>
            {preview.scoresChanged === 0 ? 'No score changed.' : `${preview.scoresChanged} score${preview.scoresChanged === 1 ? '' : 's'} changed.`}
          </p>
          <h3>Outcome changed ({preview.changed.length})</h3>
          {preview.changed.length === 0 ? (
            <p className="muted">No account changes verdict or tier.</p>
          ) : (
            <ul className="changed">
              {preview.changed.map((r) => (
                <li key={r.key} data-testid="preview-changed" data-key={r.key}>
                  {r.name}: {outcomeText(r.before)} → <strong>{outcomeText(r.after)}</strong>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <details>
        <summary>All accounts</summary>
        <table className="accounts">
          <thead>
            <tr>
              <th>Account</th>
              {hasSaved && <th>Saved</th>}
              <th>Draft</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.key} data-testid="preview-row" data-key={r.key} data-before={r.before?.score ?? ''} data-after={r.after.score}>
                <td>
                  {r.name}
                  {!r.sample && <span className="muted"> (stored)</span>}
                </td>
                {hasSaved && <td>{outcomeText(r.before)}</td>}
                <td>{outcomeText(r.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
