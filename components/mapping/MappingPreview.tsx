import { sampleValues, targetLabel, type ColumnMapping, type FileMapping, type MappingOverrides, type MappingTarget } from '../../lib/mapping';
import { headerKey } from '../../lib/mapping/headers';

/**
 * The column mapping before a file is used: each column with what it is read as, a select to read it as something
 * else, a few sample values and how many rows had a value. The same table in the account-list import and the
 * builder, from the same lib/mapping result the command line prints.
 */
export function MappingPreview(props: {
  mapping: FileMapping;
  /** The first rows of the file, for the samples. */
  rows: readonly (readonly string[])[];
  /** Rows with a value per column, when the whole file was read. */
  filled?: { filled: readonly number[]; rows: number };
  /** What a column can be read as. */
  targets: readonly MappingTarget[];
  overrides: MappingOverrides;
  onChange: (header: string, target: MappingTarget | undefined) => void;
  disabled?: boolean;
}) {
  const { mapping, overrides } = props;
  const chosen = new Map(Object.entries(overrides).map(([h, t]) => [headerKey(h), t]));
  return (
    <table className="mapping-preview" data-testid="mapping-preview" data-kind={mapping.kind ?? ''}>
      <caption>
        {mapping.kind ? `Looks like: ${mapping.kind}. ` : ''}
        {mapping.people ? 'A people export: person columns (City, Title, Name…) are kept apart from the company. ' : ''}
        {mapping.columns.filter((c) => !c.custom || c.outcome).length} of {mapping.columns.length} columns read as facts or outcomes.
      </caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Read as</th>
          <th scope="col">Sample values</th>
          <th scope="col">Rows</th>
        </tr>
      </thead>
      <tbody>
        {mapping.columns.map((c) => (
          <MappingRow
            key={`${c.index}:${c.header}`}
            column={c}
            samples={sampleValues(props.rows, c.index)}
            filled={props.filled ? `${props.filled.filled[c.index] ?? 0}/${props.filled.rows}` : undefined}
            override={chosen.get(headerKey(c.header))}
            targets={props.targets}
            onChange={(t) => props.onChange(c.header, t)}
            disabled={props.disabled}
          />
        ))}
      </tbody>
    </table>
  );
}

function MappingRow(props: {
  column: ColumnMapping;
  samples: string[];
  filled?: string;
  override?: MappingTarget;
  targets: readonly MappingTarget[];
  onChange: (target: MappingTarget | undefined) => void;
  disabled?: boolean;
}) {
  const c = props.column;
  const target = c.outcome ?? c.fact;
  return (
    <tr data-testid="mapping-row" data-header={c.header} data-target={target} data-role={c.role} data-custom={String(c.custom && !c.outcome)}>
      <th scope="row">{c.header}</th>
      <td>
        <select
          aria-label={`read "${c.header}" as`}
          data-testid="mapping-select"
          value={props.override ?? ''}
          disabled={props.disabled}
          onChange={(e) => props.onChange((e.target.value || undefined) as MappingTarget | undefined)}
        >
          <option value="">{props.override ? 'automatic' : `automatic: ${targetLabel(c)}`}</option>
          {props.targets.map((t) => (
            <option key={t} value={t}>
              {t === 'custom' ? 'keep as a custom fact' : t}
            </option>
          ))}
        </select>
      </td>
      <td className="mapping-samples" data-testid="mapping-samples">
        {props.samples.join(' · ')}
      </td>
      <td className="mapping-filled">{props.filled ?? ''}</td>
    </tr>
  );
}
