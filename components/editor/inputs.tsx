import { useEffect, useState } from 'react';
import type { ModelProblem } from '../../lib/model/validate';
import type { Choice } from './draft';

/** Small form controls shared by the editor: a number box that tolerates half-typed numbers, a chip multi-select. */

export function NumberInput(props: {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  testId?: string;
  label: string;
  step?: number;
  min?: number;
  max?: number;
  disabled?: boolean;
}) {
  const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));
  const [text, setText] = useState(shown(props.value));
  // Follow outside changes (a reset, a rollback) without fighting the user's typing ("1." is 1 until the next key).
  useEffect(() => {
    const parsed = text.trim() === '' ? undefined : Number(text);
    if (parsed !== props.value && !(Number.isNaN(parsed) && Number.isNaN(props.value))) setText(shown(props.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  return (
    <input
      type="number"
      aria-label={props.label}
      data-testid={props.testId}
      value={text}
      step={props.step ?? 'any'}
      min={props.min}
      max={props.max}
      disabled={props.disabled}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(e.target.value.trim() === '' ? undefined : Number(e.target.value));
      }}
    />
  );
}

/** Chips for the chosen values, and a filter box listing matching known values; Enter adds the first match or the text. */
export function MultiSelect(props: {
  values: string[];
  choices: Choice[];
  onChange: (values: string[]) => void;
  label: string;
  testId?: string;
  disabled?: boolean;
}) {
  const [filter, setFilter] = useState('');
  const values = Array.isArray(props.values) ? props.values : [];
  const labelOf = (v: string) => props.choices.find((c) => c.value === v)?.label ?? v;
  const needle = filter.trim().toLowerCase();
  const matches = needle
    ? props.choices.filter((c) => !values.includes(c.value) && c.label.toLowerCase().includes(needle)).slice(0, 12)
    : [];
  const add = (value: string) => {
    if (value && !values.includes(value)) props.onChange([...values, value]);
    setFilter('');
  };
  return (
    <div className="multi" data-testid={props.testId}>
      <ul className="chips">
        {values.map((v) => (
          <li key={v} className="chip" data-testid="chip" data-value={v}>
            {labelOf(v)}
            {!props.disabled && (
              <button type="button" aria-label={`remove ${v}`} onClick={() => props.onChange(values.filter((x) => x !== v))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!props.disabled && (
        <>
          <input
            type="text"
            aria-label={`add to ${props.label}`}
            data-testid="multi-filter"
            placeholder={props.choices.length ? 'type to search, Enter to add' : 'type a value, Enter to add'}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              add(matches[0]?.value ?? filter.trim());
            }}
          />
          {matches.length > 0 && (
            <ul className="matches">
              {matches.map((c) => (
                <li key={c.value}>
                  <button type="button" data-testid="multi-choice" onClick={() => add(c.value)}>
                    {c.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Validation messages under an input. */
export function FieldProblems({ problems }: { problems: readonly ModelProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems">
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`} data-testid="field-problem" data-path={p.path}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Every problem of the draft, by JSON path. */
export function ProblemList({ problems, testId = 'problems', title }: { problems: readonly ModelProblem[]; testId?: string; title: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="alert" data-testid={testId}>
      <strong>{title}</strong>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.message}`} data-testid="problem" data-path={p.path}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
