import type { Derivation } from '../../../lib/builder/review';
import type { IcpModel } from '../../../lib/model/schema';
import { CriteriaReview } from '../CriteriaReview';

/** Step 3: accept or drop each proposed criterion; the tiers shown are re-fitted to what is accepted. */
export function ReviewStep(props: {
  derivation: Derivation;
  reviewed: IcpModel;
  accepted: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const { notes, model } = props.derivation.proposal;
  return (
    <section className="card-section" data-testid="builder-review">
      <h2>3. Review the proposed criteria</h2>
      <p className="muted">Untick a criterion to drop it. The model that is saved and backtested has only the ticked ones; tiers are re-fitted.</p>
      <CriteriaReview criteria={model.criteria} accepted={props.accepted} onToggle={props.onToggle} />
      {notes.length > 0 && (
        <details data-testid="proposal-notes">
          <summary>Considered and left out ({notes.length})</summary>
          <ul className="muted">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted" data-testid="review-tiers">
        Tiers: {props.reviewed.tiers.map((t) => `${t.id} from ${t.minScore}`).join(', ')}.
      </p>
    </section>
  );
}
