import { axisRange, fieldLabel, flagLabel, percent, segmentStyle, STYLE_INFO, tickStep, ticks, type SegmentStyle } from './format';

/** What the chart needs of a segment (a SegmentRow from lib/builder/derive has all of it). */
export interface ChartSegment {
  field: string;
  kind?: string;
  value: string;
  n: number;
  won?: number;
  logoRetention: number | null;
  nrr: number | null;
  flags: readonly string[];
}

/** A stable key for a segment: its field (or "region") and value. */
export const segmentKey = (s: Pick<ChartSegment, 'field' | 'kind' | 'value'>) => `${s.kind === 'region' ? 'region' : s.field}=${s.value}`;

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { left: 56, right: 16, top: 12, bottom: 44 };
const MIN_R = 3;
const MAX_R = 14;

/** Area, not radius, grows with n, so a segment of 400 looks about 8× one of 6, not 65×. */
export function radiusFor(n: number, maxN: number): number {
  if (maxN <= 0) return MIN_R;
  return Math.round((MIN_R + (MAX_R - MIN_R) * Math.sqrt(Math.max(0, n) / maxN)) * 10) / 10;
}

function Marker({ style, x, y, r }: { style: SegmentStyle; x: number; y: number; r: number }) {
  const color = STYLE_INFO[style].color;
  if (style === 'accidental-icp') {
    // A triangle: the trap stands out even to readers who do not see red.
    const h = r * 1.3;
    return <path d={`M${x},${y - h} L${x + h},${y + h * 0.75} L${x - h},${y + h * 0.75} Z`} fill={color} fillOpacity={0.75} stroke={color} />;
  }
  if (style === 'poor')
    return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} fillOpacity={0.6} stroke={color} />;
  if (style === 'small-sample') return <circle cx={x} cy={y} r={r} fill="none" stroke={color} strokeDasharray="2 2" />;
  return <circle cx={x} cy={y} r={r} fill={color} fillOpacity={style === 'good' ? 0.7 : 0.35} stroke={color} />;
}

/**
 * Segments by outcome: x = logo retention, y = NRR, marker area by n (closed deals), marker shape and colour by the
 * segment's main flag. Dashed lines mark the baseline (all deals), so "above and to the right" means better than
 * average. Segments without won accounts have no retention or NRR and are not plotted (the caption counts them).
 */
export function SegmentChart(props: {
  segments: readonly ChartSegment[];
  baseline?: { logoRetention: number | null; nrr: number | null };
  selectedKey?: string;
  onSelect?: (key: string) => void;
}) {
  const plotted = props.segments.filter((s) => s.logoRetention !== null && s.nrr !== null);
  const left = props.segments.length - plotted.length;
  const base = props.baseline;
  const [x0, x1] = axisRange(
    plotted.map((s) => s.logoRetention!),
    [1, ...(base?.logoRetention != null ? [base.logoRetention] : [])],
  );
  const [y0, y1] = axisRange(
    plotted.map((s) => s.nrr!),
    [1, ...(base?.nrr != null ? [base.nrr] : [])],
  );
  const sx = (v: number) => MARGIN.left + ((v - x0) / (x1 - x0 || 1)) * (WIDTH - MARGIN.left - MARGIN.right);
  const sy = (v: number) => HEIGHT - MARGIN.bottom - ((v - y0) / (y1 - y0 || 1)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const maxN = Math.max(0, ...plotted.map((s) => s.n));
  // Biggest first, so small segments are drawn on top and stay clickable.
  const ordered = [...plotted].sort((a, b) => b.n - a.n);
  const styles = new Set(plotted.map((s) => segmentStyle(s.flags)));

  return (
    <figure className="segment-chart" data-testid="segment-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Segments by logo retention and NRR">
        <g className="axis" fontSize={11}>
          {ticks(x0, x1, tickStep(x0, x1)).map((t) => (
            <g key={`x${t}`}>
              <line x1={sx(t)} x2={sx(t)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} className="grid" />
              <text x={sx(t)} y={HEIGHT - MARGIN.bottom + 14} textAnchor="middle">
                {percent(t)}
              </text>
            </g>
          ))}
          {ticks(y0, y1, tickStep(y0, y1)).map((t) => (
            <g key={`y${t}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={sy(t)} y2={sy(t)} className="grid" />
              <text x={MARGIN.left - 6} y={sy(t) + 4} textAnchor="end">
                {percent(t)}
              </text>
            </g>
          ))}
          <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} textAnchor="middle" fontWeight={600}>
            Logo retention
          </text>
          <text transform={`translate(14 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontWeight={600}>
            NRR
          </text>
        </g>
        {base?.logoRetention != null && (
          <line data-testid="baseline-retention" className="baseline" x1={sx(base.logoRetention)} x2={sx(base.logoRetention)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
        )}
        {base?.nrr != null && (
          <line data-testid="baseline-nrr" className="baseline" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={sy(base.nrr)} y2={sy(base.nrr)} />
        )}
        {ordered.map((s) => {
          const key = segmentKey(s);
          const style = segmentStyle(s.flags);
          const r = radiusFor(s.n, maxN);
          const x = sx(s.logoRetention!);
          const y = sy(s.nrr!);
          return (
            <g
              key={key}
              data-testid="segment-point"
              data-key={key}
              data-n={s.n}
              data-r={r}
              data-style={style}
              data-flags={s.flags.join(' ')}
              className={props.selectedKey === key ? 'point selected' : 'point'}
              onClick={props.onSelect ? () => props.onSelect!(key) : undefined}
            >
              <title>
                {`${fieldLabel(s.field, s.kind)}: ${s.value} — NRR ${percent(s.nrr)}, logo retention ${percent(s.logoRetention)}, n=${s.n}` +
                  (s.flags.length ? ` (${s.flags.map(flagLabel).join(', ')})` : '')}
              </title>
              <Marker style={style} x={x} y={y} r={r} />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {(Object.keys(STYLE_INFO) as SegmentStyle[])
            .filter((s) => styles.has(s))
            .map((s) => (
              <li key={s} data-testid="legend-item" data-style={s}>
                <svg width={14} height={14} viewBox="0 0 28 28" aria-hidden="true">
                  <Marker style={s} x={14} y={14} r={8} />
                </svg>{' '}
                {STYLE_INFO[s].label}
              </li>
            ))}
          <li className="muted">Marker area grows with n (closed deals); dashed lines: all deals.</li>
        </ul>
        {left > 0 && (
          <p className="muted" data-testid="not-plotted">
            {left} segment{left === 1 ? '' : 's'} without won accounts (no retention or NRR) not plotted.
          </p>
        )}
      </figcaption>
    </figure>
  );
}
