import type { ScoreResult } from '../lib/engine/score';
import { evidenceFigures, evidenceProvenance, factLabel, percent } from './format';
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
      {r.verdict !== 'fit' && r.potentialScore > r.score && <StillOpen result={r} />}
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

/**
 * The facts worth finding first: the fields of the unknown criteria the engine names (what would make it a fit),
 * then of the other unknowns by worth, without repeats ("Revenue, Funding stage, Technologies").
 */
export function factsToFind(r: ScoreResult, max = 3): string[] {
  const byId = new Map(r.criteria.map((c) => [c.id, c]));
  const unknownByWorth = r.criteria.filter((c) => c.status === 'unknown').sort((a, b) => b.worth - a.worth);
  const ordered = [...(r.whatWouldChange?.unknown ?? []).map((id) => byId.get(id)).filter((c) => c?.status === 'unknown'), ...unknownByWorth];
  const fields: string[] = [];
  for (const c of ordered) if (c && !fields.includes(c.field)) fields.push(c.field);
  return fields.slice(0, max).map(factLabel);
}

/** Not a fit yet, with unknowns: "19 now · could reach 100 · find: Revenue, Funding stage, Technologies". */
function StillOpen({ result: r }: { result: ScoreResult }) {
  const find = factsToFind(r);
  return (
    <p className="still-open" data-testid="fit-still-open">
      <b>{r.score}</b> now · could reach <b data-testid="fit-could-reach">{r.potentialScore}</b>
      {find.length > 0 && <> · find: {find.join(', ')}</>}
    </p>
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

/**
 * The segment's outcomes from the model's evidence, saying whose figures they are: the team's own (from the builder,
 * with n and date) or example figures (the built-in models'), never example figures passed off as the team's.
 */
function SegmentLine({ segment }: { segment: NonNullable<ScoreResult['segment']> }) {
  const e = segment.evidence;
  const own = e.source === 'builder';
  return (
    <p className={`segment ${own ? '' : 'example'}`} data-testid="fit-segment" data-segment-id={segment.id} data-evidence-source={e.source ?? 'manual'}>
      {own ? 'Your accounts like this' : 'Accounts like this'} ({segment.label}): {evidenceFigures(e)}{' '}
      <span className="provenance" data-testid="fit-evidence-source">
        ({evidenceProvenance(e)})
      </span>
    </p>
  );
}
