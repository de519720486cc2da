import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BacktestPanel, TierBarChart, type BacktestView } from '../../../components/builder/BacktestPanel';
import { axisRange, segmentStyle, ticks } from '../../../components/builder/format';
import { radiusFor, SegmentChart, segmentKey, type ChartSegment } from '../../../components/builder/SegmentChart';
import type { GroupFigures } from '../../../lib/builder/backtest';

/** Renders to static markup and parses it, so tests query the SVG like a browser would. */
function render(element: React.ReactElement): Document {
  return new JSDOM(`<body>${renderToStaticMarkup(element)}</body>`).window.document;
}

const seg = (value: string, n: number, logoRetention: number | null, nrr: number | null, flags: string[] = [], field = 'subIndustry'): ChartSegment => ({
  field,
  value,
  n,
  logoRetention,
  nrr,
  flags,
});

const SEGMENTS = [
  seg('Credit Unions', 420, 0.94, 1.28, ['high-nrr']),
  seg('Insurance', 300, 0.55, 0.7, ['accidental-icp', 'low-retention', 'low-nrr']),
  seg('Banking', 120, 0.85, 1.05),
  seg('Tiny', 6, 1, 1.6, ['small-sample']),
  seg('Hospitals', 200, 0.7, 0.95, ['low-retention']),
];

describe('SegmentChart', () => {
  it('draws one point per segment with figures, and counts the ones without', () => {
    const doc = render(<SegmentChart segments={[...SEGMENTS, seg('Never won', 12, null, null)]} />);
    const points = [...doc.querySelectorAll('[data-testid=segment-point]')];
    expect(points).toHaveLength(SEGMENTS.length);
    expect(points.map((p) => p.getAttribute('data-key')).sort()).toEqual(SEGMENTS.map(segmentKey).sort());
    expect(doc.querySelector('[data-testid=not-plotted]')?.textContent).toMatch(/^1 segment without won accounts/);
  });

  it('sizes points by n: a larger n never gets a smaller marker', () => {
    const doc = render(<SegmentChart segments={SEGMENTS} />);
    const points = [...doc.querySelectorAll('[data-testid=segment-point]')].map((p) => ({
      n: Number(p.getAttribute('data-n')),
      r: Number(p.getAttribute('data-r')),
    }));
    const byN = [...points].sort((a, b) => a.n - b.n);
    for (let i = 1; i < byN.length; i++) expect(byN[i].r).toBeGreaterThan(byN[i - 1].r);
    // Area, not radius, follows n: 420 vs 6 is not a 70× radius.
    expect(byN.at(-1)!.r / byN[0].r).toBeLessThan(8);
  });

  it('shows each flag: the accidental ICP as a red triangle, with the flags in the tooltip and a legend entry', () => {
    const doc = render(<SegmentChart segments={SEGMENTS} />);
    const insurance = doc.querySelector(`[data-key="${segmentKey(SEGMENTS[1])}"]`)!;
    expect(insurance.getAttribute('data-style')).toBe('accidental-icp');
    expect(insurance.querySelector('path')?.getAttribute('fill')).toBe('#c62828');
    expect(insurance.querySelector('title')?.textContent).toBe(
      'Sub-industry: Insurance — NRR 70%, logo retention 55%, n=300 (accidental ICP, low retention, low NRR)',
    );
    const styles = [...doc.querySelectorAll('[data-testid=segment-point]')].map((p) => p.getAttribute('data-style'));
    expect(styles.sort()).toEqual(['accidental-icp', 'good', 'plain', 'poor', 'small-sample']);
    expect([...doc.querySelectorAll('[data-testid=legend-item]')].map((l) => l.getAttribute('data-style'))).toEqual([
      'accidental-icp',
      'poor',
      'good',
      'small-sample',
      'plain',
    ]);
  });

  it('places points by retention (x) and NRR (y): better outcomes go right and up', () => {
    const doc = render(<SegmentChart segments={SEGMENTS.slice(0, 2)} baseline={{ logoRetention: 0.8, nrr: 1.05 }} />);
    const circle = doc.querySelector(`[data-key="${segmentKey(SEGMENTS[0])}"] circle`)!;
    const triangle = doc.querySelector(`[data-key="${segmentKey(SEGMENTS[1])}"] path`)!;
    const [tx, ty] = triangle.getAttribute('d')!.slice(1).split(' ')[0].split(',').map(Number); // the apex: x, y − h
    expect(Number(circle.getAttribute('cx'))).toBeGreaterThan(tx);
    expect(Number(circle.getAttribute('cy'))).toBeLessThan(ty);
    expect(doc.querySelector('[data-testid=baseline-nrr]')).not.toBeNull();
    expect(doc.querySelector('[data-testid=baseline-retention]')).not.toBeNull();
  });

  it('draws an empty chart for no segments', () => {
    const doc = render(<SegmentChart segments={[]} />);
    expect(doc.querySelectorAll('[data-testid=segment-point]')).toHaveLength(0);
    expect(doc.querySelector('svg')).not.toBeNull();
  });
});

describe('chart helpers', () => {
  it('grows the radius with n and caps it at the largest segment', () => {
    expect(radiusFor(0, 100)).toBe(3);
    expect(radiusFor(100, 100)).toBe(14);
    expect(radiusFor(25, 100)).toBe(8.5); // sqrt(0.25) = half of the 11 px range
    expect(radiusFor(5, 0)).toBe(3);
  });

  it('picks the telling flag for a style', () => {
    expect(segmentStyle(['low-retention', 'accidental-icp'])).toBe('accidental-icp');
    expect(segmentStyle(['expansion-driver'])).toBe('good');
    expect(segmentStyle(['low-nrr'])).toBe('poor');
    expect(segmentStyle(['small-sample'])).toBe('small-sample');
    expect(segmentStyle([])).toBe('plain');
  });

  it('rounds axes out to tenths and includes the 100% line', () => {
    expect(axisRange([0.62, 0.97], [1])).toEqual([0.6, 1]);
    expect(axisRange([1.28, 0.7], [1])).toEqual([0.7, 1.3]);
    expect(axisRange([])).toEqual([0, 1]);
    expect(ticks(0.6, 1, 0.1)).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
  });
});

const group = (partial: Partial<GroupFigures>): GroupFigures => ({
  n: 0,
  won: 0,
  winRate: null,
  logoRetention: null,
  nrr: null,
  clv: null,
  annualChurn: null,
  accountShare: null,
  expansionArr: 0,
  expansionShare: null,
  ...partial,
});

const RESULT: BacktestView = {
  cutDate: '2023-10-11',
  train: { n: 2000, from: '2021-01-02', to: '2023-10-10' },
  test: { n: 900, accounts: 900, from: '2023-10-11', to: '2024-12-01' },
  inSample: { sameFile: false, checked: 0, derivedOn: 0, share: null },
  fit: group({ n: 500, won: 180, winRate: 0.36, logoRetention: 0.95, nrr: 1.2, clv: 250000, accountShare: 0.7, expansionShare: 0.9 }),
  notFit: group({ n: 400, won: 80, winRate: 0.2, logoRetention: 0.7, nrr: 0.8, accountShare: 0.3, expansionShare: 0.1 }),
  needsData: group({}),
  tiers: [
    { tier: 'A', label: 'Tier A — work now', ...group({ n: 150, won: 60, logoRetention: 1, nrr: 1.46, accountShare: 0.25, expansionShare: 0.6 }) },
    { tier: 'B', label: 'Tier B — work this quarter', ...group({ n: 250, won: 90, logoRetention: 0.94, nrr: 1.12 }) },
    { tier: 'C', label: 'Tier C — nurture', ...group({ n: 100, won: 0 }) },
  ],
  topTiers: { tiers: ['A', 'B'], accountShare: 0.35, expansionShare: 0.69 },
  notes: ['proposed from the older deals only (kept): Uses Looker'],
};

describe('backtest charts', () => {
  it('draws NRR and logo retention bars per tier, with n, and none where nothing was won', () => {
    const doc = render(<TierBarChart tiers={RESULT.tiers} />);
    const tiers = [...doc.querySelectorAll('[data-testid=backtest-tier]')];
    expect(tiers.map((t) => [t.getAttribute('data-tier'), t.getAttribute('data-n')])).toEqual([
      ['A', '150'],
      ['B', '250'],
      ['C', '100'],
    ]);
    const bars = (tier: string) =>
      [...doc.querySelectorAll(`[data-tier=${tier}] [data-testid=backtest-bar]`)].map((b) => [b.getAttribute('data-metric'), Number(b.getAttribute('data-value'))]);
    expect(bars('A')).toEqual([
      ['nrr', 1.46],
      ['logoRetention', 1],
    ]);
    expect(bars('C')).toEqual([]);
    expect(tiers[2].textContent).toContain('n=100 (0 won)');
    // Taller bar for the higher figure: A's NRR bar is taller than B's.
    const height = (tier: string) => Number(doc.querySelector(`[data-tier=${tier}] [data-metric=nrr] rect`)!.getAttribute('height'));
    expect(height('A')).toBeGreaterThan(height('B'));
  });

  it('shows fit vs not-fit figures and the top tiers’ share of expansion against their share of accounts', () => {
    const doc = render(<BacktestPanel result={RESULT} />);
    const row = (group: string) => doc.querySelector(`[data-testid=backtest-group][data-group=${group}]`)!;
    expect([...row('fit').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['500', '180', '36%', '95%', '120%', '$250K', '70%', '90%']);
    expect(row('notFit').querySelectorAll('td')[4].textContent).toBe('80%');
    expect(doc.querySelector('[data-testid=backtest-expansion]')?.textContent).toContain(
      'Top tiers (A, B): 35% of the won accounts, 69% of the expansion revenue.',
    );
    expect(doc.querySelector('[data-testid=backtest-cut]')?.textContent).toBe('2023-10-11');
    expect(doc.querySelector('[data-testid=backtest-notes]')?.textContent).toContain('Uses Looker');
  });
});
