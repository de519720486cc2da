import type { Criterion, Evidence } from '../../lib/model/schema';
import { formatFactValue } from '../format';
import { money, percent } from './format';

const GROUPS: { kind: Criterion['kind']; title: string; hint: string }[] = [
  { kind: 'must', title: 'Musts (firmographic gate)', hint: 'An account that fails one is not fit, whatever else matches.' },
  { kind: 'exclude', title: 'Hard-nos', hint: 'An account that matches one is not fit.' },
  { kind: 'score', title: 'Scored criteria', hint: 'Points = 100 × the NRR lift the segment showed.' },
];

const OPERATOR_TEXT: Record<string, string> = {
  in: 'is one of',
  notIn: 'is none of',
  anyOf: 'includes any of',
  allOf: 'includes all of',
  noneOf: 'includes none of',
  between: 'between',
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '=',
};

/** "subIndustry is one of Credit Unions" — the rule itself, under the human label. */
export function conditionText(c: Pick<Criterion, 'field' | 'op' | 'value'>): string {
  const value = c.op === 'between' && Array.isArray(c.value) ? `${c.value[0]} and ${c.value[1]}` : formatFactValue(c.field, c.value);
  return `${c.field} ${OPERATOR_TEXT[c.op] ?? c.op}${c.value === undefined ? '' : ` ${value}`}`;
}

/** The evidence as short "name value" pairs, in the order RevOps reads them. */
export function evidenceParts(e: Evidence | undefined): string[] {
  if (!e) return [];
  const parts: string[] = [];
  if (e.n !== undefined) parts.push(`n=${e.n}`);
  if (e.winRate !== undefined) parts.push(`win rate ${percent(e.winRate)}`);
  if (e.logoRetention !== undefined) parts.push(`logo retention ${percent(e.logoRetention)}`);
  if (e.nrr !== undefined) parts.push(`NRR ${percent(e.nrr)}`);
  if (e.clv !== undefined) parts.push(`CLV ${money(e.clv)}`);
  if (e.tam !== undefined) parts.push(`TAM ${money(e.tam)}`);
  if (e.lift !== undefined) parts.push(`NRR lift ${e.lift > 0 ? '+' : ''}${percent(e.lift)}`);
  return parts;
}

/**
 * The proposed criteria, grouped as musts, hard-nos and scored criteria, each with its rule, evidence and rationale
 * and an "accept" checkbox. Dropping one leaves it out of the model that is saved and backtested.
 */
export function CriteriaReview(props: {
  criteria: readonly Criterion[];
  accepted: ReadonlySet<string>;
  onToggle: (id: string, accepted: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div className="criteria-review" data-testid="criteria-review">
      {GROUPS.map((g) => {
        const items = props.criteria.filter((c) => c.kind === g.kind);
        return (
          <section key={g.kind} data-testid="review-group" data-kind={g.kind}>
            <h3>
              {g.title} <span className="muted">({items.filter((c) => props.accepted.has(c.id)).length} of {items.length} accepted)</span>
            </h3>
            <p className="muted">{items.length ? g.hint : 'None proposed: no segment with enough data called for one.'}</p>
            {items.map((c) => {
              const accepted = props.accepted.has(c.id);
              return (
                <div
                  key={c.id}
                  className={accepted ? 'review-criterion' : 'review-criterion dropped'}
                  data-testid="review-criterion"
                  data-criterion-id={c.id}
                  data-kind={c.kind}
                  data-accepted={accepted}
                >
                  <label className="accept">
                    <input
                      type="checkbox"
                      data-testid="criterion-accept"
                      checked={accepted}
                      disabled={props.disabled}
                      onChange={(e) => props.onToggle(c.id, e.target.checked)}
                    />
                    <span>
                      <strong>{c.label}</strong>
                      {c.points !== undefined && <span data-testid="criterion-points"> · {c.points} points</span>}
                      <span className="muted"> · {c.dimension}</span>
                    </span>
                  </label>
                  <div className="muted rule">
                    <code>{conditionText(c)}</code>
                  </div>
                  {c.evidence && (
                    <div className="evidence" data-testid="criterion-evidence">
                      {evidenceParts(c.evidence).join(' · ')}
                    </div>
                  )}
                  {c.rationale && (
                    <p className="rationale" data-testid="criterion-rationale">
                      {c.rationale}
                    </p>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
