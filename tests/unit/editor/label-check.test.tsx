// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { CriteriaEditor } from '../../../components/editor/CriteriaEditor';
import { numbersInLabel, staleLabelNumbers, suggestLabel } from '../../../components/editor/label-check';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { Criterion } from '../../../lib/model/schema';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const size = DEFAULT_MODEL.criteria.find((c) => c.id === 'size-201-5000')!;
const revenue = DEFAULT_MODEL.criteria.find((c) => c.id === 'revenue-10m-500m')!;

describe('label-check', () => {
  it.each<[string, number[]]>([
    ['201-5,000 employees', [201, 5000]],
    ['Revenue $10M-$500M', [10e6, 500e6]],
    ['Headcount up 10%+ in 6 months', [10]],
    ['Raised money in the last 12 months', []],
    ['Founded 2012 or later', [2012]],
  ])('numbers in %j', (label, numbers) => expect(numbersInLabel(label)).toEqual(numbers));

  it('finds no stale numbers in any built-in criterion', () => {
    for (const c of DEFAULT_MODEL.criteria) expect(staleLabelNumbers(c), c.id).toEqual([]);
  });

  it('flags a label that still states the old value, and suggests one made from the new value', () => {
    const edited = { ...size, value: [51, 5000] } as Criterion;
    expect(staleLabelNumbers(edited)).toEqual([201]);
    expect(suggestLabel(edited)).toBe('51-5,000 employees');
    expect(staleLabelNumbers({ ...edited, label: suggestLabel(edited)! })).toEqual([]);
    const money = { ...revenue, value: [20e6, 500e6] } as Criterion;
    expect(staleLabelNumbers(money)).toEqual([10e6]);
    expect(suggestLabel(money)).toBe('Revenue $20M-$500M');
  });
});

describe('the criteria editor warns about a stale label', () => {
  it('shows the warning after the value changes, and the suggestion fixes the label', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    let criteria: Criterion[] = [{ ...size, value: [51, 5000] } as Criterion];
    const render = () =>
      act(async () => {
        root.render(
          <CriteriaEditor
            criteria={criteria}
            problems={[]}
            fields={{ standard: [{ value: 'employees', label: 'Employees' }], custom: [] }}
            today="2026-11-30"
            onChange={(_i, next) => {
              criteria = [next];
            }}
            onMove={() => {}}
            onRemove={() => {}}
            onAdd={() => {}}
          />,
        );
      });
    await render();
    const warning = container.querySelector('[data-testid=criterion-label-stale]');
    expect(warning?.textContent).toMatch(/The label says 201/);
    await act(async () => (container.querySelector('[data-testid=criterion-label-suggest]') as HTMLButtonElement).click());
    expect(criteria[0].label).toBe('51-5,000 employees');
    await render();
    expect(container.querySelector('[data-testid=criterion-label-stale]')).toBeNull();
    root.unmount();
  });
});
