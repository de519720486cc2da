import type { RowProblem } from '../../lib/builder/types';

/**
 * Rows the builder could not use (or read only in part), by line number in the file. Long lists are cut to `max`
 * with a count of the rest: a CSV with 2,000 bad dates needs the first few lines, not all of them.
 */
export function RowProblems(props: { title: string; problems: readonly RowProblem[]; testId: string; max?: number; open?: boolean }) {
  const max = props.max ?? 50;
  if (!props.problems.length) return null;
  return (
    <details className="row-problems" data-testid={props.testId} data-count={props.problems.length} open={props.open}>
      <summary>
        {props.title} ({props.problems.length})
      </summary>
      <ul>
        {props.problems.slice(0, max).map((p) => (
          <li key={`${p.line}:${p.message}`} data-testid="row-problem" data-line={p.line}>
            line {p.line}: {p.message}
          </li>
        ))}
      </ul>
      {props.problems.length > max && <p className="muted">… and {props.problems.length - max} more.</p>}
    </details>
  );
}

/**
 * Stage values read as neither won nor lost ("87654321" from a custom pipeline), with their counts, and a select
 * each to say what they mean. Values already chosen stay listed so the choice can be undone.
 */
export function StageChoices(props: {
  unknown: ReadonlyMap<string, number>;
  won: readonly string[];
  lost: readonly string[];
  onChange: (value: string, reading: 'won' | 'lost' | 'open') => void;
}) {
  const values = [...new Set([...props.unknown.keys(), ...props.won, ...props.lost])];
  return (
    <div className="stage-choices" data-testid="builder-stage-choices">
      <p>Stage values not recognised as won or lost (read as open until you say):</p>
      <ul>
        {values.map((v) => (
          <li key={v} data-testid="stage-choice" data-value={v}>
            <code>{v}</code> ×{props.unknown.get(v) ?? '—'}{' '}
            <select
              aria-label={`stage "${v}" means`}
              value={props.won.includes(v) ? 'won' : props.lost.includes(v) ? 'lost' : 'open'}
              onChange={(e) => props.onChange(v, e.target.value as 'won' | 'lost' | 'open')}
            >
              <option value="open">open</option>
              <option value="won">won</option>
              <option value="lost">lost</option>
            </select>
          </li>
        ))}
      </ul>
    </div>
  );
}
