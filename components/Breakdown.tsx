import type { CriterionResult } from '../lib/engine/score';
import { DIMENSIONS } from '../lib/model/dimensions';
import { trusted } from './trusted';
import { factLabel, formatAge, formatFactValue, formatSource, percent, safeHref } from './format';
import type { CardView, FactView } from '../lib/card/types';

/** The full breakdown: dimensions, every criterion with its points, facts with sources, what would change the tier. */
export function Breakdown({ view, onAnswer }: { view: CardView; onAnswer?: (field: string, value: boolean) => void }) {
  const r = view.result;
  const byId = new Map(r.criteria.map((c) => [c.id, c]));
  const labels = (ids: string[]) => ids.map((id) => byId.get(id)?.label ?? id).join(', ');
  return (
    <div className="breakdown" data-testid="fit-breakdown">
      <section aria-label="Dimensions" className="dimensions">
        {DIMENSIONS.map((d) => (
          <div key={d} className="dimension" data-testid="fit-dimension" data-dimension={d}>
            <span className="dimension-name">{d}</span>
            <meter min={0} max={Math.max(r.dimensions[d].worth, 1)} value={r.dimensions[d].points} />
            <span className="dimension-points">
              {r.dimensions[d].points}/{r.dimensions[d].worth}
            </span>
          </div>
        ))}
      </section>
      <p className="summary-line">
        Confidence <b data-testid="fit-confidence">{percent(r.confidence)}</b> · potential score{' '}
        <b data-testid="fit-potential">{r.potentialScore}</b>
      </p>
      {r.whatWouldChange && (
        <p className="change" data-testid="fit-change">
          {r.whatWouldChange.target === 'fit' ? 'To become a fit' : `To reach tier ${r.whatWouldChange.target}`}
          {r.whatWouldChange.pointsNeeded > 0 && ` (+${r.whatWouldChange.pointsNeeded} points)`}:{' '}
          {r.whatWouldChange.unknown.length > 0 && <>find out {labels(r.whatWouldChange.unknown)}. </>}
          {r.whatWouldChange.fail.length > 0 && <>needs change: {labels(r.whatWouldChange.fail)}. </>}
          {!r.whatWouldChange.reachable && <>Not reachable with this model.</>}
        </p>
      )}
      {DIMENSIONS.map((d) => {
        const criteria = r.criteria.filter((c) => c.dimension === d);
        if (criteria.length === 0) return null;
        return (
          <section key={d} aria-label={`${d} criteria`}>
            <h3>{d}</h3>
            <ul className="criteria">
              {criteria.map((c) => (
                <CriterionRow key={c.id} c={c} onAnswer={onAnswer} />
              ))}
            </ul>
          </section>
        );
      })}
      <section aria-label="Facts">
        <h3>Facts</h3>
        {view.possibleMatches?.length ? (
          <p className="muted" data-testid="fit-possible-match">
            Possibly the same company (same name, not merged): {view.possibleMatches.map((m) => m.name).join(', ')}
          </p>
        ) : null}
        <FactList view={view} />
        {view.problems.length > 0 && (
          <ul className="problems" data-testid="fit-problems">
            {view.problems.map((p) => (
              <li key={p.field} data-field={p.field}>
                Ignored {factLabel(p.field)}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.alternatives.length > 0 && (
        <section aria-label="Other models">
          <h3>Other active models</h3>
          <ul className="alternatives">
            {view.alternatives.map((a) => (
              <li key={a.modelId} data-testid="fit-alternative" data-model-id={a.modelId}>
                {a.modelName} v{a.modelVersion}: {a.score} · {a.verdict}
                {a.tier ? ` · tier ${a.tier}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const STATUS_ICON = { pass: '✓', fail: '✗', unknown: '?' } as const;
const ANSWERABLE = new Set(['championIdentified', 'budgetOwnerKnown', 'openToPilot']);

function CriterionRow({ c, onAnswer }: { c: CriterionResult; onAnswer?: (field: string, value: boolean) => void }) {
  const kind = c.kind === 'must' ? 'must' : c.kind === 'exclude' ? 'hard-no' : `${c.worth} pts`;
  return (
    <li className={`criterion ${c.status}`} data-testid="fit-criterion" data-criterion-id={c.id} data-status={c.status}>
      <span className="status" aria-label={c.status}>
        {STATUS_ICON[c.status]}
      </span>
      {/* A hard-no's label names the red flag; passing means the flag is absent. */}
      <span className="label">{c.kind === 'exclude' ? `Not: ${c.label}` : c.label}</span>
      <span className="kind">{kind}</span>
      <span className="points" data-testid="fit-criterion-points">
        {c.points > 0 ? `+${c.points}` : '0'}
      </span>
      {c.status === 'unknown' && onAnswer && ANSWERABLE.has(c.field) && (
        <span className="answer">
          <button type="button" onClick={trusted(() => onAnswer(c.field, true))}>
            Yes
          </button>
          <button type="button" onClick={trusted(() => onAnswer(c.field, false))}>
            No
          </button>
        </span>
      )}
    </li>
  );
}

/**
 * Facts the model reads first, then the other vocabulary facts; imported columns the model does not read are folded
 * under "More fields (N)" so a wide list export does not bury the facts that decide the score.
 */
export function orderFacts(view: CardView): { shown: FactView[]; folded: FactView[] } {
  const read = new Set(view.result.criteria.map((c) => c.field));
  const shown: FactView[] = [];
  const other: FactView[] = [];
  const folded: FactView[] = [];
  for (const f of view.facts) {
    if (read.has(f.field)) shown.push(f);
    else if (f.field.startsWith('custom.')) folded.push(f);
    else other.push(f);
  }
  return { shown: [...shown, ...other], folded };
}

function FactList({ view }: { view: CardView }) {
  const { shown, folded } = orderFacts(view);
  return (
    <>
      <dl className="facts">
        {shown.map((f) => (
          <FactRow key={f.field} fact={f} />
        ))}
      </dl>
      {folded.length > 0 && (
        <details className="more-fields" data-testid="fit-more-fields">
          <summary>More fields ({folded.length})</summary>
          <dl className="facts">
            {folded.map((f) => (
              <FactRow key={f.field} fact={f} />
            ))}
          </dl>
        </details>
      )}
    </>
  );
}

function FactRow({ fact }: { fact: FactView }) {
  const text = formatFactValue(fact.field, fact.value);
  const href = fact.field === 'domain' ? safeHref(`https://${String(fact.value)}`) : fact.field.endsWith('Url') ? safeHref(fact.value) : undefined;
  return (
    <div
      className={fact.stale ? 'fact stale' : 'fact'}
      data-testid="fit-field"
      data-field={fact.field}
      data-source={fact.source.kind}
      data-source-site={fact.source.kind === 'page' || fact.source.kind === 'crm' ? fact.source.detail : undefined}
      data-stale={fact.stale ? 'true' : undefined}
      data-derived={fact.source.derivedFrom ? 'true' : undefined}
    >
      <dt>{factLabel(fact.field)}</dt>
      <dd>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {text}
          </a>
        ) : (
          text
        )}
        <span className="source" title={fact.source.at ?? ''}>
          {' '}
          · {fact.remembered && fact.source.detail ? fact.source.detail : formatSource(fact.source)}
          {fact.source.at && (fact.remembered || fact.stale || fact.source.kind !== 'page') ? ` · ${formatAge(fact.source.at, Date.now())}` : ''}
          {fact.stale && <b data-testid="fit-stale"> · stale</b>}
        </span>
        {fact.conflict && (
          <span className="conflict" data-testid="fit-conflict">
            {' '}
            ⚠ {fact.conflict}
          </span>
        )}
      </dd>
    </div>
  );
}
