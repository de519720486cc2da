import { useState } from 'react';
import { DIMENSIONS, KINDS, operatorsForField, type Criterion, type Dimension, type Operator } from '../../lib/model/schema';
import type { ModelProblem } from '../../lib/model/validate';
import { OPERATOR_LABELS, changeField, changeKind, changeOperator, problemsAt, type Choice } from './draft';
import { FieldProblems, NumberInput } from './inputs';
import { staleLabelNumbers, suggestLabel } from './label-check';
import { ValueInput } from './ValueInput';

const KIND_LABELS: Record<Criterion['kind'], string> = { must: 'must have', score: 'scored', exclude: 'hard no' };

export interface CriteriaEditorProps {
  criteria: Criterion[];
  problems: readonly ModelProblem[];
  fields: { standard: Choice[]; custom: Choice[] };
  today: string;
  disabled?: boolean;
  onChange(index: number, criterion: Criterion): void;
  onMove(index: number, direction: -1 | 1): void;
  onRemove(index: number): void;
  onAdd(dimension: Dimension): void;
}

/** Criteria grouped by dimension (the hierarchy: firmographic gates first), each editable in place. */
export function CriteriaEditor(props: CriteriaEditorProps) {
  return (
    <div className="criteria">
      {DIMENSIONS.map((dimension) => {
        const rows = props.criteria.map((c, index) => ({ c, index })).filter(({ c }) => c.dimension === dimension);
        return (
          <section key={dimension} className="dimension" data-testid="dimension-group" data-dimension={dimension}>
            <h3>
              {dimension} <span className="muted">({rows.length})</span>
            </h3>
            {rows.map(({ c, index }, i) => (
              <CriterionRow
                key={`${index}:${c.id}`}
                criterion={c}
                problems={problemsAt(props.problems, `criteria[${index}]`)}
                path={`criteria[${index}]`}
                fields={props.fields}
                today={props.today}
                disabled={props.disabled}
                first={i === 0}
                last={i === rows.length - 1}
                onChange={(next) => props.onChange(index, next)}
                onMove={(d) => props.onMove(index, d)}
                onRemove={() => props.onRemove(index)}
              />
            ))}
            {!props.disabled && (
              <button type="button" data-testid="add-criterion" onClick={() => props.onAdd(dimension)}>
                + Add a {dimension} criterion
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

interface RowProps {
  criterion: Criterion;
  problems: ModelProblem[];
  path: string;
  fields: { standard: Choice[]; custom: Choice[] };
  today: string;
  disabled?: boolean;
  first: boolean;
  last: boolean;
  onChange(next: Criterion): void;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
}

function CriterionRow({ criterion: c, problems, path, fields, today, disabled, first, last, onChange, onMove, onRemove }: RowProps) {
  const [customField, setCustomField] = useState('');
  const at = (field: string) => problemsAt(problems, `${path}.${field}`);
  const ops = operatorsForField(c.field);
  const known = fields.standard.some((f) => f.value === c.field) || fields.custom.some((f) => f.value === c.field);
  return (
    <div className={`criterion ${problems.length ? 'has-problems' : ''}`} data-testid="criterion" data-criterion-id={c.id}>
      <div className="row">
        <label>
          Label
          <input type="text" data-testid="criterion-label" value={c.label} disabled={disabled} onChange={(e) => onChange({ ...c, label: e.target.value })} />
        </label>
        <label>
          Id
          <input type="text" data-testid="criterion-id" className="short" value={c.id} disabled={disabled} onChange={(e) => onChange({ ...c, id: e.target.value })} />
        </label>
        <label>
          Dimension
          <select data-testid="criterion-dimension" value={c.dimension} disabled={disabled} onChange={(e) => onChange({ ...c, dimension: e.target.value as Dimension })}>
            {DIMENSIONS.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        {!disabled && (
          <span className="row-actions">
            <button type="button" aria-label="move up" data-testid="move-up" disabled={first} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button type="button" aria-label="move down" data-testid="move-down" disabled={last} onClick={() => onMove(1)}>
              ↓
            </button>
            <button type="button" data-testid="remove-criterion" onClick={onRemove}>
              Remove
            </button>
          </span>
        )}
      </div>
      <FieldProblems problems={[...at('label'), ...at('id'), ...at('dimension')]} />
      <StaleLabel criterion={c} disabled={disabled} onChange={onChange} />
      <div className="row">
        <label>
          Field
          <select
            data-testid="criterion-field"
            value={c.field}
            disabled={disabled}
            onChange={(e) => {
              if (e.target.value === '__custom__') setCustomField('custom.');
              else onChange(changeField(c, e.target.value, today));
            }}
          >
            <optgroup label="Company facts">
              {fields.standard.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Custom fields">
              {fields.custom.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
              {!known && <option value={c.field}>{c.field}</option>}
              <option value="__custom__">another custom field…</option>
            </optgroup>
          </select>
        </label>
        {customField && (
          <span>
            <input type="text" aria-label="custom field name" data-testid="custom-field" value={customField} onChange={(e) => setCustomField(e.target.value)} />
            <button
              type="button"
              onClick={() => {
                onChange(changeField(c, customField.trim(), today));
                setCustomField('');
              }}
            >
              Use
            </button>
          </span>
        )}
        <label>
          Operator
          <select data-testid="criterion-op" value={c.op} disabled={disabled} onChange={(e) => onChange(changeOperator(c, e.target.value as Operator, today))}>
            {!ops.includes(c.op) && <option value={c.op}>{OPERATOR_LABELS[c.op] ?? c.op} (does not fit)</option>}
            {ops.map((op) => (
              <option key={op} value={op}>
                {OPERATOR_LABELS[op]}
              </option>
            ))}
          </select>
        </label>
        <span className="value">
          <ValueInput criterion={c} disabled={disabled} onChange={(value) => onChange({ ...c, value } as Criterion)} />
        </span>
      </div>
      <FieldProblems problems={[...at('field'), ...at('op'), ...at('value')]} />
      <div className="row">
        <label>
          Kind
          <select data-testid="criterion-kind" value={c.kind} disabled={disabled} onChange={(e) => onChange(changeKind(c, e.target.value as Criterion['kind']))}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {c.kind !== 'exclude' && (
          <label>
            Points
            <NumberInput
              label="points"
              testId="criterion-points"
              value={c.points}
              min={0}
              disabled={disabled}
              onChange={(points) => {
                const next = { ...c, points };
                if (points === undefined) delete next.points;
                onChange(next);
              }}
            />
          </label>
        )}
        <label className="grow">
          Rationale
          <input
            type="text"
            data-testid="criterion-rationale"
            value={c.rationale ?? ''}
            disabled={disabled}
            onChange={(e) => {
              const next: Criterion = { ...c, rationale: e.target.value };
              if (!e.target.value) delete next.rationale;
              onChange(next);
            }}
          />
        </label>
      </div>
      <FieldProblems problems={[...at('kind'), ...at('points'), ...at('rationale'), ...at('evidence')]} />
    </div>
  );
}

/** Warns when the label states numbers the value no longer holds ("201-5,000 employees" after 201 became 51). */
function StaleLabel({ criterion: c, disabled, onChange }: { criterion: Criterion; disabled?: boolean; onChange(next: Criterion): void }) {
  const stale = staleLabelNumbers(c);
  if (stale.length === 0) return null;
  const suggestion = suggestLabel(c);
  return (
    <p className="warning" role="status" data-testid="criterion-label-stale">
      The label says {stale.map((n) => n.toLocaleString('en-US')).join(', ')}, which the value no longer does: the card shows the label.
      {suggestion && !disabled && (
        <>
          {' '}
          <button type="button" data-testid="criterion-label-suggest" onClick={() => onChange({ ...c, label: suggestion })}>
            Use “{suggestion}”
          </button>
        </>
      )}
    </p>
  );
}
