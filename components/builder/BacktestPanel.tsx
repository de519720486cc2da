import type { Evaluation, GroupFigures } from '../../lib/builder/backtest';
import { money, percent, tickStep, ticks } from './format';

export interface BacktestView extends Evaluation {
  cutDate: string;
  train: { n: number; from: string | null; to: string | null };
  notes?: readonly string[];
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { left: 48, right: 12, top: 20, bottom: 48 };
const METRICS = [
  { key: 'nrr', label: 'NRR', color: '#1e6fd9' },
  { key: 'logoRetention', label: 'Logo retention', color: '#2e7d32' },
] as const;

/**
 * Per tier of the tested model: NRR and logo retention side by side, with n under each tier. A model that works
 * shows tier A above B above C. Tiers with no won accounts have no bars (nothing to measure), only their n.
 */
export function TierBarChart({ tiers }: { tiers: Evaluation['tiers'] }) {
  const values = tiers.flatMap((t) => [t.nrr, t.logoRetention]).filter((v): v is number => v !== null);
  const top = Math.max(1, Math.ceil(Math.max(0, ...values) * 4) / 4);
  const sy = (v: number) => HEIGHT - MARGIN.bottom - (v / top) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const groupWidth = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, tiers.length);
  const barWidth = Math.min(48, (groupWidth - 24) / METRICS.length);
  return (
    <figure data-testid="backtest-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="NRR and logo retention per tier">
        <g className="axis" fontSize={11}>
          {ticks(0, top, tickStep(0, top) < 0.25 ? 0.25 : tickStep(0, top)).map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={sy(t)} y2={sy(t)} className={t === 1 ? 'baseline' : 'grid'} />
              <text x={MARGIN.left - 6} y={sy(t) + 4} textAnchor="end">
                {percent(t)}
              </text>
            </g>
          ))}
        </g>
        {tiers.map((t, i) => {
          const x0 = MARGIN.left + i * groupWidth + (groupWidth - barWidth * METRICS.length) / 2;
          return (
            <g key={t.tier} data-testid="backtest-tier" data-tier={t.tier} data-n={t.n}>
              {METRICS.map((m, j) => {
                const v = t[m.key];
                if (v === null) return null;
                const x = x0 + j * barWidth;
                return (
                  <g key={m.key} data-testid="backtest-bar" data-metric={m.key} data-value={v}>
                    <title>{`${t.label}: ${m.label} ${percent(v)} (n=${t.n}, ${t.won} won)`}</title>
                    <rect x={x + 2} y={sy(v)} width={barWidth - 4} height={Math.max(0, sy(0) - sy(v))} fill={m.color} fillOpacity={0.8} />
                    <text x={x + barWidth / 2} y={sy(v) - 4} textAnchor="middle" fontSize={11}>
                      {percent(v)}
                    </text>
                  </g>
                );
              })}
              <text x={MARGIN.left + i * groupWidth + groupWidth / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={12} fontWeight={600}>
                {t.label}
              </text>
              <text x={MARGIN.left + i * groupWidth + groupWidth / 2} y={HEIGHT - MARGIN.bottom + 32} textAnchor="middle" fontSize={11}>
                n={t.n} ({t.won} won)
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {METRICS.map((m) => (
          <span key={m.key}>
            <svg width={12} height={12} aria-hidden="true">
              <rect width={12} height={12} fill={m.color} />
            </svg>{' '}
            {m.label}{' '}
          </span>
        ))}
        <span className="muted">The darker line is 100%.</span>
      </figcaption>
    </figure>
  );
}

const GROUPS: { key: 'fit' | 'notFit' | 'needsData'; label: string }[] = [
  { key: 'fit', label: 'Fit' },
  { key: 'notFit', label: 'Not fit' },
  { key: 'needsData', label: 'Needs data' },
];

function FiguresRow({ label, testId, group, g }: { label: string; testId: string; group: string; g: GroupFigures }) {
  return (
    <tr data-testid={testId} data-group={group} data-n={g.n}>
      <th scope="row">{label}</th>
      <td className="num">{g.n}</td>
      <td className="num">{g.won}</td>
      <td className="num">{percent(g.winRate)}</td>
      <td className="num">{percent(g.logoRetention)}</td>
      <td className="num">{percent(g.nrr)}</td>
      <td className="num">{money(g.clv)}</td>
      <td className="num">{percent(g.accountShare)}</td>
      <td className="num">{percent(g.expansionShare)}</td>
    </tr>
  );
}

/** Proportional bars: share of won accounts vs share of expansion revenue in the top tiers. */
function ShareBars({ accountShare, expansionShare }: { accountShare: number | null; expansionShare: number | null }) {
  const rows = [
    { label: 'won accounts', value: accountShare, color: '#9e9e9e' },
    { label: 'expansion revenue', value: expansionShare, color: '#2e7d32' },
  ];
  return (
    <svg className="share-bars" viewBox="0 0 640 56" width="100%" role="img" aria-label="Top tiers: share of accounts and of expansion revenue">
      {rows.map((r, i) => (
        <g key={r.label} data-testid="share-bar" data-value={r.value ?? ''}>
          <text x={0} y={20 + i * 26} fontSize={12}>
            {r.label}
          </text>
          <rect x={140} y={8 + i * 26} width={440} height={16} className="track" />
          <rect x={140} y={8 + i * 26} width={440 * (r.value ?? 0)} height={16} fill={r.color} />
          <text x={588} y={20 + i * 26} fontSize={12}>
            {percent(r.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * The backtest: which deals trained and which tested, a bar chart per tier, fit vs not-fit figures, and whether the
 * top tiers capture more of the expansion revenue than their share of accounts.
 */
export function BacktestPanel({ result }: { result: BacktestView }) {
  const top = result.topTiers;
  return (
    <div className="backtest" data-testid="backtest-result">
      <p>
        Derived on {result.train.n} deals closed {result.train.from} to {result.train.to}; tested on the {result.test.n} deals closed from{' '}
        <strong data-testid="backtest-cut">{result.cutDate}</strong> to {result.test.to} ({result.test.accounts} accounts).
      </p>
      {result.inSample.warning && (
        <p className="warning" role="alert" data-testid="backtest-in-sample">
          In-sample: {result.inSample.warning}
        </p>
      )}
      <TierBarChart tiers={result.tiers} />
      <table className="figures" data-testid="backtest-figures">
        <thead>
          <tr>
            <th />
            <th className="num">Accounts</th>
            <th className="num">Won</th>
            <th className="num">Win rate</th>
            <th className="num">Logo retention</th>
            <th className="num">NRR</th>
            <th className="num">CLV</th>
            <th className="num">Share of won accounts</th>
            <th className="num">Share of expansion</th>
          </tr>
        </thead>
        <tbody>
          {GROUPS.map((g) => (
            <FiguresRow key={g.key} label={g.label} testId="backtest-group" group={g.key} g={result[g.key]} />
          ))}
          {result.tiers.map((t) => (
            <FiguresRow key={t.tier} label={t.label} testId="backtest-tier-row" group={t.tier} g={t} />
          ))}
        </tbody>
      </table>
      <div data-testid="backtest-expansion" data-account-share={top.accountShare ?? ''} data-expansion-share={top.expansionShare ?? ''}>
        <p>
          Top tier{top.tiers.length === 1 ? '' : 's'} ({top.tiers.join(', ')}): {percent(top.accountShare)} of the won accounts, {percent(top.expansionShare)} of
          the expansion revenue.
        </p>
        <ShareBars accountShare={top.accountShare} expansionShare={top.expansionShare} />
      </div>
      {result.notes && result.notes.length > 0 && (
        <ul className="muted" data-testid="backtest-notes">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
