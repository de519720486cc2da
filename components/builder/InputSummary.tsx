import type { Column } from '../../lib/builder/columns';
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

/** Our column names as people read them. */
const COLUMN_LABELS: Record<Column, string> = {
  accountId: 'Account id',
  name: 'Account name',
  domain: 'Website / domain',
  industry: 'Industry',
  subIndustry: 'Sub-industry',
  employees: 'Employees',
  country: 'Country',
  technologies: 'Technologies',
  stage: 'Opportunity stage (required)',
  closeDate: 'Close date (required)',
  initialArr: 'Initial ARR or amount (required)',
  currentArr: 'Current ARR',
  churnDate: 'Churn date',
  grossMargin: 'Gross margin',
  costToServe: 'Cost to serve',
};

/**
 * Which header each column is read from. Usual CRM headers map on their own; a select per column overrides it
 * (e.g. "ACV (USD)" as the initial ARR). The empty choice means "automatic".
 */
export function ColumnMapping(props: {
  columns: readonly Column[];
  headers: readonly string[];
  resolved: Partial<Record<Column, string>>;
  overrides: Partial<Record<Column, string>>;
  onChange: (column: Column, header: string | undefined) => void;
}) {
  return (
    <table className="column-mapping" data-testid="column-mapping">
      <tbody>
        {props.columns.map((c) => (
          <tr key={c} data-testid="column-row" data-column={c} data-header={props.resolved[c] ?? ''}>
            <th scope="row">{COLUMN_LABELS[c]}</th>
            <td>
              <select
                aria-label={`header for ${COLUMN_LABELS[c]}`}
                data-testid="column-select"
                value={props.overrides[c] ?? ''}
                onChange={(e) => props.onChange(c, e.target.value || undefined)}
              >
                <option value="">automatic{!props.overrides[c] && props.resolved[c] ? ` ("${props.resolved[c]}")` : props.resolved[c] ? '' : ' (not found)'}</option>
                {props.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
