import type { SegmentRow } from '../../../lib/builder/derive';
import type { SegmentView } from '../../../lib/builder/page-state';
import type { Derivation } from '../../../lib/builder/review';
import { money, percent } from '../format';
import { SegmentChart } from '../SegmentChart';
import { SegmentTable } from '../SegmentTable';

/** Step 2: the baseline, and every segment by NRR and logo retention in a chart and a table. */
export function SegmentsStep(props: {
  derivation: Derivation;
  shown: SegmentRow[];
  view: SegmentView;
  flaggedOnly: boolean;
  selectedKey: string | undefined;
  onView: (view: SegmentView) => void;
  onFlaggedOnly: (on: boolean) => void;
  onSelect: (key: string | undefined) => void;
}) {
  const { derivation, shown } = props;
  return (
    <section className="card-section" data-testid="builder-segments">
      <h2>2. Segments by NRR and logo retention</h2>
      <p data-testid="builder-baseline">
        All {derivation.baseline.n} closed deals as of {derivation.asOf}: win rate {percent(derivation.baseline.winRate)}, logo retention{' '}
        {percent(derivation.baseline.logoRetention)}, NRR {percent(derivation.baseline.nrr)}, CLV {money(derivation.baseline.clv)}.{' '}
        <span className="muted">
          CLV = average initial ARR × gross margin × expected lifetime (1 / annual churn, at most 10 years). Segments with fewer than{' '}
          {derivation.thresholds.minWon} won accounts are flagged small-sample and never proposed; ranking uses the lower end of each NRR
          interval, so a lucky small segment does not outrank a large one.
        </span>
      </p>
      <div className="row">
        <label>
          Show
          <select data-testid="segment-view" value={props.view} onChange={(e) => props.onView(e.target.value as SegmentView)}>
            <option value="single">single fields</option>
            <option value="pairs">pairs of fields</option>
            <option value="all">all segments</option>
          </select>
        </label>
        <label className="block" style={{ flexDirection: 'row', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" data-testid="segment-flagged-only" checked={props.flaggedOnly} onChange={(e) => props.onFlaggedOnly(e.target.checked)} />
          only segments with a finding
        </label>
        <span className="muted" data-testid="segment-count">
          {shown.length} of {derivation.segments.length} segments
        </span>
      </div>
      <div className="charts">
        <SegmentChart segments={shown} baseline={derivation.baseline} selectedKey={props.selectedKey} onSelect={props.onSelect} />
      </div>
      <div className="table-scroll">
        <SegmentTable segments={shown} selectedKey={props.selectedKey} onSelect={props.onSelect} />
      </div>
    </section>
  );
}
