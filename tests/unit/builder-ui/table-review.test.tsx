// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conditionText, CriteriaReview, evidenceParts } from '../../../components/builder/CriteriaReview';
import { RowProblems, StageChoices } from '../../../components/builder/InputSummary';
import { SegmentTable, sortSegments, type TableSegment } from '../../../components/builder/SegmentTable';
import type { Criterion } from '../../../lib/model/schema';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement;
function mount(element: React.ReactElement) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(element));
}
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

const seg = (value: string, n: number, nrr: number | null, flags: string[] = [], field = 'subIndustry'): TableSegment => ({
  field,
  value,
  n,
  winRate: n / 1000,
  logoRetention: nrr === null ? null : Math.min(1, nrr - 0.3),
  nrr,
  clv: nrr === null ? null : nrr * 100_000,
  flags,
});
const SEGMENTS = [
  seg('Credit Unions', 420, 1.28, ['high-nrr']),
  seg('Insurance', 300, 0.7, ['accidental-icp', 'low-retention']),
  seg('Never won', 12, null, ['small-sample']),
  seg('SaaS', 500, 1.1),
  { ...seg('Credit Unions | 201-500', 90, 1.3), field: 'subIndustry+employees' },
];

const values = () => [...container.querySelectorAll('[data-testid=segment-row]')].map((r) => r.getAttribute('data-value'));
const click = (el: Element | null) => act(() => (el as HTMLElement).click());

describe('SegmentTable', () => {
  it('lists field, value, n, win rate, retention, NRR, CLV and flags, in the analysis order first', () => {
    mount(<SegmentTable segments={SEGMENTS} />);
    expect(values()).toEqual(SEGMENTS.map((s) => s.value));
    const insurance = container.querySelector('[data-testid=segment-row][data-value=Insurance]')!;
    expect([...insurance.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '2',
      'Sub-industry',
      'Insurance',
      '300',
      '30%',
      '40%',
      '70%',
      '$70K',
      'accidental ICPlow retention',
    ]);
    expect(insurance.getAttribute('data-flags')).toBe('accidental-icp low-retention');
    expect(container.querySelector('[data-value="Credit Unions | 201-500"] td:nth-child(2)')?.textContent).toBe('Sub-industry × Headcount');
    // No prospect list: no TAM column.
    expect(container.querySelector('[data-testid=sort-tam]')).toBeNull();
  });

  it('sorts by a column when its heading is clicked, numbers high first, again to reverse; missing figures last', () => {
    mount(<SegmentTable segments={SEGMENTS} />);
    click(container.querySelector('[data-testid=sort-nrr]'));
    expect(values()).toEqual(['Credit Unions | 201-500', 'Credit Unions', 'SaaS', 'Insurance', 'Never won']);
    expect(container.querySelector('[data-testid=segment-table]')?.getAttribute('data-descending')).toBe('true');
    click(container.querySelector('[data-testid=sort-nrr]'));
    expect(values()).toEqual(['Insurance', 'SaaS', 'Credit Unions', 'Credit Unions | 201-500', 'Never won']);
    click(container.querySelector('[data-testid=sort-n]'));
    expect(values()).toEqual(['SaaS', 'Credit Unions', 'Insurance', 'Credit Unions | 201-500', 'Never won']);
    click(container.querySelector('[data-testid=sort-value]'));
    expect(values()).toEqual(['Credit Unions', 'Credit Unions | 201-500', 'Insurance', 'Never won', 'SaaS']);
    click(container.querySelector('[data-testid=sort-rank]'));
    expect(values()).toEqual(SEGMENTS.map((s) => s.value));
  });

  it('shows TAM when a prospect list gave it, and reports the clicked row', () => {
    const onSelect = vi.fn();
    mount(<SegmentTable segments={[{ ...SEGMENTS[0], tam: 2_500_000 }, SEGMENTS[1]]} onSelect={onSelect} />);
    expect(container.querySelector('[data-value="Credit Unions"] td:nth-child(9)')?.textContent).toBe('$2.5M');
    click(container.querySelector('[data-value=Insurance]'));
    expect(onSelect).toHaveBeenCalledWith('subIndustry=Insurance');
  });

  it('sortSegments leaves its input alone', () => {
    const input = [...SEGMENTS];
    sortSegments(input, { key: 'clv', descending: true });
    expect(input).toEqual(SEGMENTS);
  });
});

const CRITERIA: Criterion[] = [
  { id: 'size-51', dimension: 'firmographic', kind: 'must', label: '51+ employees', field: 'employees', op: 'gte', value: 51, evidence: { n: 2400, nrr: 1.15 } },
  {
    id: 'no-insurance',
    dimension: 'firmographic',
    kind: 'exclude',
    label: 'Sub-industry: Insurance',
    field: 'subIndustry',
    op: 'in',
    value: ['Insurance'],
    rationale: 'Accidental ICP: wins easily but keeps and grows poorly.',
    evidence: { n: 380, winRate: 0.6, logoRetention: 0.52, nrr: 0.61, clv: 30000, lift: -0.45 },
  },
  { id: 'cu', dimension: 'firmographic', kind: 'score', points: 46, label: 'Sub-industry: Credit Unions', field: 'subIndustry', op: 'in', value: ['Credit Unions'] },
  { id: 'snow', dimension: 'technographic', kind: 'score', points: 22, label: 'Uses Snowflake', field: 'technologies', op: 'anyOf', value: ['Snowflake'] },
];

describe('CriteriaReview', () => {
  it('groups musts, hard-nos and scored criteria, each with its rule, evidence and rationale', () => {
    mount(<CriteriaReview criteria={CRITERIA} accepted={new Set(CRITERIA.map((c) => c.id))} onToggle={() => undefined} />);
    const group = (kind: string) => [...container.querySelectorAll(`[data-testid=review-group][data-kind=${kind}] [data-testid=review-criterion]`)].map((c) => c.getAttribute('data-criterion-id'));
    expect(group('must')).toEqual(['size-51']);
    expect(group('exclude')).toEqual(['no-insurance']);
    expect(group('score')).toEqual(['cu', 'snow']);
    const insurance = container.querySelector('[data-criterion-id=no-insurance]')!;
    expect(insurance.querySelector('[data-testid=criterion-evidence]')?.textContent).toBe(
      'n=380 · win rate 60% · logo retention 52% · NRR 61% · CLV $30K · NRR lift -45%',
    );
    expect(insurance.querySelector('[data-testid=criterion-rationale]')?.textContent).toContain('Accidental ICP');
    expect(insurance.querySelector('code')?.textContent).toBe('subIndustry is one of Insurance');
    expect(container.querySelector('[data-criterion-id=cu] [data-testid=criterion-points]')?.textContent).toBe(' · 46 points');
  });

  it('reports a toggle, and shows dropped criteria unticked', () => {
    const onToggle = vi.fn();
    mount(<CriteriaReview criteria={CRITERIA} accepted={new Set(['size-51', 'no-insurance', 'cu'])} onToggle={onToggle} />);
    const snow = container.querySelector('[data-criterion-id=snow]')!;
    expect(snow.getAttribute('data-accepted')).toBe('false');
    expect((snow.querySelector('[data-testid=criterion-accept]') as HTMLInputElement).checked).toBe(false);
    expect(container.querySelector('[data-kind=score] h3')?.textContent).toContain('(1 of 2 accepted)');
    click(container.querySelector('[data-criterion-id=cu] [data-testid=criterion-accept]'));
    expect(onToggle).toHaveBeenCalledWith('cu', false);
    click(snow.querySelector('[data-testid=criterion-accept]'));
    expect(onToggle).toHaveBeenLastCalledWith('snow', true);
  });

  it('writes rules and evidence readably', () => {
    expect(conditionText({ field: 'employees', op: 'between', value: [51, 5000] })).toBe('employees between 51 and 5000');
    expect(conditionText({ field: 'employees', op: 'gte', value: 1001 })).toBe('employees ≥ 1,001');
    expect(evidenceParts(undefined)).toEqual([]);
    expect(evidenceParts({ n: 3, lift: 0.25 })).toEqual(['n=3', 'NRR lift +25%']);
  });
});

describe('input summary', () => {
  it('lists bad rows by line number, cut to a maximum', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ line: i + 2, message: `close date "x${i}" is not a date` }));
    mount(<RowProblems title="Bad rows" problems={problems} testId="bad" max={5} />);
    const items = [...container.querySelectorAll('[data-testid=row-problem]')];
    expect(items.map((i) => i.getAttribute('data-line'))).toEqual(['2', '3', '4', '5', '6']);
    expect(items[0].textContent).toBe('line 2: close date "x0" is not a date');
    expect(container.textContent).toContain('… and 2 more.');
    expect(container.querySelector('[data-testid=bad]')?.getAttribute('data-count')).toBe('7');
  });

  it('shows nothing when every row was read', () => {
    mount(<RowProblems title="Bad rows" problems={[]} testId="bad" />);
    expect(container.innerHTML).toBe('');
  });

  it('lists stage values not recognised with their counts, and reports what the user says they mean', () => {
    const onChange = vi.fn();
    mount(<StageChoices unknown={new Map([['87654321', 12], ['Signed', 3]])} won={[]} lost={[]} onChange={onChange} />);
    const items = [...container.querySelectorAll('[data-testid=stage-choice]')];
    expect(items.map((i) => i.textContent?.split(' ')[0])).toEqual(['87654321', 'Signed']);
    expect(items[0].textContent).toContain('×12');
    const select = items[1].querySelector('select') as HTMLSelectElement;
    act(() => {
      select.value = 'won';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith('Signed', 'won');
  });
});
