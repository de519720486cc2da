import { SIGNAL_TYPES, factType } from '../../lib/facts/vocabulary';
import type { Criterion } from '../../lib/model/schema';
import { choicesFor } from './draft';
import { MultiSelect, NumberInput } from './inputs';

/** The value input that fits the criterion's operator (and field, for "is exactly"). */
export function ValueInput({ criterion, onChange, disabled }: { criterion: Criterion; onChange: (value: unknown) => void; disabled?: boolean }) {
  const value = (criterion as { value?: unknown }).value;
  const choices = choicesFor(criterion.field);
  switch (criterion.op) {
    case 'exists':
      return <span className="muted">no value needed</span>;
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
      return <NumberInput label="value" testId="criterion-value" value={value as number} onChange={onChange} disabled={disabled} />;
    case 'withinLastDays':
    case 'withinNextDays':
      return (
        <span>
          <NumberInput label="days" testId="criterion-value" value={value as number} step={1} min={1} onChange={onChange} disabled={disabled} /> days
        </span>
      );
    case 'between': {
      const [lo, hi] = Array.isArray(value) ? (value as (number | undefined)[]) : [undefined, undefined];
      return (
        <span className="range">
          <NumberInput label="minimum" testId="criterion-min" value={lo} onChange={(v) => onChange([v, hi])} disabled={disabled} /> to{' '}
          <NumberInput label="maximum" testId="criterion-max" value={hi} onChange={(v) => onChange([lo, v])} disabled={disabled} />
        </span>
      );
    }
    case 'in':
    case 'notIn':
    case 'anyOf':
    case 'allOf':
    case 'noneOf':
      return <MultiSelect label="values" testId="criterion-values" values={value as string[]} choices={choices} onChange={onChange} disabled={disabled} />;
    case 'is':
      return (
        <select aria-label="value" data-testid="criterion-value" value={String(value)} onChange={(e) => onChange(e.target.value === 'true')} disabled={disabled}>
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      );
    case 'before':
    case 'after':
      return <input type="date" aria-label="date" data-testid="criterion-value" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} disabled={disabled} />;
    case 'hasSignal': {
      const signal = (value ?? {}) as { types?: string[]; withinLastDays?: number };
      return (
        <span className="signal">
          <MultiSelect
            label="signal types"
            testId="criterion-signal-types"
            values={signal.types ?? []}
            choices={SIGNAL_TYPES.map((t) => ({ value: t, label: t }))}
            onChange={(types) => onChange({ ...signal, types: types.length ? types : undefined })}
            disabled={disabled}
          />
          within the last{' '}
          <NumberInput
            label="within the last days"
            testId="criterion-signal-days"
            value={signal.withinLastDays}
            step={1}
            min={1}
            onChange={(days) => onChange({ ...signal, withinLastDays: days })}
            disabled={disabled}
          />{' '}
          days (empty: ever)
        </span>
      );
    }
    case 'eq': {
      const type = factType(criterion.field);
      if (type === 'boolean') return <ValueInput criterion={{ ...criterion, op: 'is', value: value === true } as Criterion} onChange={onChange} disabled={disabled} />;
      if (type === 'number' || typeof value === 'number')
        return <NumberInput label="value" testId="criterion-value" value={value as number} onChange={onChange} disabled={disabled} />;
      if (choices.length > 0)
        return (
          <select aria-label="value" data-testid="criterion-value" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
            {!choices.some((c) => c.value === value) && <option value={String(value ?? '')}>{String(value ?? '(choose)')}</option>}
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        );
      return <input type="text" aria-label="value" data-testid="criterion-value" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} disabled={disabled} />;
    }
  }
}
