import { criteriaInvolved, type FeedbackRecord } from '../../lib/review/feedback';

const pts = (n: number) => (n > 0 ? `+${n}` : String(n));

/** "This score looks wrong" from the reps, for the model owner: the comment, the score, and the criteria involved. */
export function FeedbackList(props: { rows: readonly (FeedbackRecord & { id: number })[]; onExport(): void }) {
  return (
    <section data-testid="feedback-log">
      <h2>Rep feedback</h2>
      <p className="muted">Scores reps flagged from the card, with their comment, the criteria involved and the facts as they saw them.</p>
      <button type="button" data-testid="feedback-export" disabled={!props.rows.length} onClick={props.onExport}>
        Export (CSV)
      </button>
      {props.rows.length ? (
        <div className="table-scroll">
          <table className="figures" data-testid="feedback">
            <thead>
              <tr>
                <th>When</th>
                <th>Account</th>
                <th>Score</th>
                <th>Model</th>
                <th>Who</th>
                <th>Comment</th>
                <th>Criteria involved</th>
                <th>Facts as seen</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((f) => (
                <tr key={f.id} data-testid="feedback-row">
                  <td title={f.at}>{f.at.slice(0, 10)}</td>
                  <td title={f.accountKey}>{f.company ?? f.domain ?? f.accountKey}</td>
                  <td>
                    {f.verdict === 'fit' ? (f.tier ?? 'fit') : f.verdict.replace('-', ' ')} {f.score}
                  </td>
                  <td>{f.modelId} v{f.modelVersion}</td>
                  <td>{f.user}</td>
                  <td data-testid="feedback-comment">{f.comment}</td>
                  <td data-testid="feedback-criteria">
                    {criteriaInvolved(f).map((c) => (
                      <div key={c.id}>
                        {c.label}: {c.status} ({pts(c.points)})
                      </div>
                    ))}
                  </td>
                  <td className="muted">
                    {f.facts.map((x) => `${x.field}: ${typeof x.value === 'object' ? JSON.stringify(x.value) : String(x.value)} (${x.source})`).join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted" data-testid="feedback-empty">No feedback yet.</p>
      )}
    </section>
  );
}
