import type { GroupFigures, QuarterRow } from '../../lib/review/review';
import { percent } from '../builder/format';

/** The review's charts: drift per quarter, and outcome rates of groups side by side. Plain SVG, no library. */

const WIDTH = 680;
const HEIGHT = 240;
const M = { left: 44, right: 12, top: 22, bottom: 40 };
const IN_COLOR = '#1e6fd9';
const OUT_COLOR = '#ef8a00';

/**
 * Won deals per quarter, stacked: inside the ICP below, outside above, with the drift share on top of each bar.
 * A growing orange share is the drift the quarterly review is for.
 */
export function DriftChart({ quarters }: { quarters: readonly QuarterRow[] }) {
  const max = Math.max(1, ...quarters.map((q) => q.won));
  const plotH = HEIGHT - M.top - M.bottom;
  const sy = (v: number) => (v / max) * plotH;
  const slot = (WIDTH - M.left - M.right) / Math.max(1, quarters.length);
  const bar = Math.min(40, slot * 0.7);
  const every = Math.ceil(quarters.length / 12);
  return (
    <figure data-testid="review-drift-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Won deals per quarter, inside and outside the ICP">
        <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} className="grid" />
        <text x={M.left - 6} y={M.top + 4} textAnchor="end" fontSize={11}>
          {max}
        </text>
        <text x={M.left - 6} y={HEIGHT - M.bottom + 4} textAnchor="end" fontSize={11}>
          0
        </text>
        {quarters.map((q, i) => {
          const x = M.left + i * slot + (slot - bar) / 2;
          const inside = q.won - q.wonOutsideIcp;
          const base = HEIGHT - M.bottom;
          return (
            <g key={q.quarter} data-testid="review-drift-bar" data-quarter={q.quarter} data-drift={q.driftShare ?? ''}>
              <title>{`${q.quarter}: ${q.won} won, ${q.wonOutsideIcp} outside the ICP (${percent(q.driftShare)}; ${percent(q.arrDriftShare)} of won ARR)`}</title>
              <rect x={x} width={bar} y={base - sy(inside)} height={sy(inside)} fill={IN_COLOR} />
              <rect x={x} width={bar} y={base - sy(q.won)} height={sy(q.wonOutsideIcp)} fill={OUT_COLOR} />
              {q.won > 0 && (
                <text x={x + bar / 2} y={base - sy(q.won) - 4} textAnchor="middle" fontSize={10}>
                  {percent(q.driftShare)}
                </text>
              )}
              {i % every === 0 && (
                <text x={x + bar / 2} y={base + 14} textAnchor="middle" fontSize={10}>
                  {q.quarter}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        <li><Swatch color={IN_COLOR} /> won inside the ICP</li>
        <li><Swatch color={OUT_COLOR} /> won outside the ICP (not fit or needs data); % = drift</li>
      </ul>
    </figure>
  );
}

const Swatch = ({ color }: { color: string }) => (
  <svg width="12" height="12" aria-hidden="true">
    <rect width="12" height="12" fill={color} />
  </svg>
);

const RATES = [
  { key: 'winRate', label: 'Win rate', color: '#6a4fc1' },
  { key: 'logoRetention', label: 'Logo retention', color: '#2e7d32' },
  { key: 'nrr', label: 'NRR', color: '#1e6fd9' },
] as const;

/**
 * Win rate, logo retention and NRR of a few groups side by side (exceptions vs in-ICP vs outside and unlogged).
 * A rate the file does not have is written as "not in this file" instead of a bar.
 */
export function GroupRateChart({ groups, testId }: { groups: readonly { label: string; figures: GroupFigures }[]; testId: string }) {
  const values = groups.flatMap((g) => RATES.map((r) => g.figures[r.key])).filter((v): v is number => v !== null);
  const top = Math.max(1, Math.ceil(Math.max(0, ...values) * 4) / 4);
  const h = 200;
  const plotH = h - M.top - M.bottom;
  const sy = (v: number) => (v / top) * plotH;
  const slot = (WIDTH - M.left - M.right) / Math.max(1, groups.length);
  const bar = Math.min(36, (slot - 24) / RATES.length);
  return (
    <figure data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${h}`} width="100%" role="img" aria-label="Win rate, logo retention and NRR per group">
        <line x1={M.left} x2={WIDTH - M.right} y1={h - M.bottom - sy(1)} y2={h - M.bottom - sy(1)} className="baseline" />
        <text x={M.left - 6} y={h - M.bottom - sy(1) + 4} textAnchor="end" fontSize={11}>
          100%
        </text>
        {groups.map((g, i) => {
          const x0 = M.left + i * slot + (slot - bar * RATES.length) / 2;
          return (
            <g key={g.label}>
              {RATES.map((r, j) => {
                const v = g.figures[r.key];
                const x = x0 + j * bar;
                // No accounts: nothing to draw. A rate the file lacks is said where its bar would be.
                if (v === null)
                  return g.figures.accounts ? (
                    <text key={r.key} x={x + bar / 2} y={h - M.bottom - 4} fontSize={9} transform={`rotate(-90 ${x + bar / 2} ${h - M.bottom - 4})`}>
                      not in file
                    </text>
                  ) : null;
                return (
                  <g key={r.key}>
                    <title>{`${g.label}: ${r.label} ${percent(v)}`}</title>
                    <rect x={x + 1} width={bar - 2} y={h - M.bottom - sy(v)} height={sy(v)} fill={r.color} />
                    <text x={x + bar / 2} y={h - M.bottom - sy(v) - 3} textAnchor="middle" fontSize={9}>
                      {percent(v)}
                    </text>
                  </g>
                );
              })}
              <text x={M.left + i * slot + slot / 2} y={h - M.bottom + 14} textAnchor="middle" fontSize={11}>
                {g.label}
              </text>
              <text x={M.left + i * slot + slot / 2} y={h - M.bottom + 28} textAnchor="middle" fontSize={10}>
                {g.figures.accounts} accounts
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {RATES.map((r) => (
          <li key={r.key}><Swatch color={r.color} /> {r.label}</li>
        ))}
      </ul>
    </figure>
  );
}
