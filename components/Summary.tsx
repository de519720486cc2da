import type { ScoreResult } from '../lib/engine/score';
import { formatMoney, percent } from './format';
import type { CardView } from '../lib/card/types';

const VERDICT_TEXT = { fit: 'Fit', 'not-fit': 'Not fit', 'needs-data': 'Needs data' } as const;

/** Score, verdict, tier, model and top reasons: the card's compact body, the popup, the side panel's heading. */
export function Headline({ result: r, reasons = 2 }: { result: ScoreResult; reasons?: number }) {
  return (
    <>
      <div className="headline">
        <span className="score" data-testid="fit-score" aria-label={`score ${r.score} of 100`}>
          {r.score}
        </span>
        <span className="verdict" data-testid="fit-verdict" data-verdict={r.verdict}>
          {VERDICT_TEXT[r.verdict]}
        </span>
        <span className="tier" data-testid="fit-tier" data-tier={r.tier ?? ''}>
          {r.tierLabel ?? 'No tier'}
        </span>
      </div>
      <p className="meta">
        <span data-testid="fit-model">
          {r.modelName} v{r.modelVersion}
        </span>
        {' · '}confidence {percent(r.confidence)}
      </p>
      {r.reasons.length > 0 && <p className="reasons">{r.reasons.slice(0, reasons).join(' · ')}</p>}
      {r.segment && <SegmentLine segment={r.segment} />}
    </>
  );
}

export function Summary({ view }: { view: CardView }) {
  return (
    <div className="summary">
      <p className="company" data-testid="fit-company">
        {view.company}
      </p>
      <Headline result={view.result} reasons={3} />
    </div>
  );
}

/** The segment's outcomes from the model's evidence: "accounts like this: NRR 128%, logo retention 94%, n=420". */
function SegmentLine({ segment }: { segment: NonNullable<ScoreResult['segment']> }) {
  const e = segment.evidence;
  const figures = [
    e.nrr !== undefined && `NRR ${percent(e.nrr)}`,
    e.logoRetention !== undefined && `logo retention ${percent(e.logoRetention)}`,
    e.clv !== undefined && `CLV ${formatMoney(e.clv)}`,
    e.n !== undefined && `n=${e.n}`,
  ].filter(Boolean);
  return (
    <p className="segment" data-testid="fit-segment" data-segment-id={segment.id}>
      Accounts like this ({segment.label}): {figures.join(', ')}
    </p>
  );
}
