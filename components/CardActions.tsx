import { useRef, useState } from 'react';
import { describeCriterionChange, type ScoreChange } from '../lib/history/change';
import { isTrusted, trusted } from './trusted';

/**
 * What a rep can do about the score on the card, and what changed since the last model: "Advance anyway" (an
 * exception for the quarterly review), "This score looks wrong" (feedback for the model owner), and the change line.
 * Presentational: the content script sends what is submitted to the background.
 */

export interface ExceptionInput {
  reason: string;
  approver?: string;
}

/** Advance a not-fit or needs-data account anyway: why, and who approved it (optional). */
export function ExceptionForm({ onLog }: { onLog(input: ExceptionInput): void }) {
  const [open, setOpen] = useState(false);
  const reason = useRef<HTMLInputElement>(null);
  const approver = useRef<HTMLInputElement>(null);
  if (!open)
    return (
      <button type="button" className="action" data-testid="fit-advance" onClick={trusted(() => setOpen(true))}>
        Advance anyway…
      </button>
    );
  return (
    <form
      className="exception"
      data-testid="fit-exception"
      onSubmit={(e) => {
        e.preventDefault();
        if (!isTrusted(e)) return; // a page script's requestSubmit() must not log an exception in the user's name
        const text = reason.current?.value.trim();
        if (!text) return;
        const by = approver.current?.value.trim();
        onLog({ reason: text, ...(by ? { approver: by } : {}) });
        setOpen(false);
      }}
    >
      <label>
        Why advance it anyway? <input ref={reason} name="reason" maxLength={500} required data-testid="fit-exception-reason" />
      </label>
      <label>
        Approved by (optional) <input ref={approver} name="approver" maxLength={200} data-testid="fit-exception-approver" />
      </label>
      <div className="row">
        <button type="submit">Log exception</button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export interface FeedbackInput {
  comment: string;
  /** Criteria the rep thinks are wrong. */
  disputed: string[];
}

/** "This score looks wrong": a comment, and optionally which criteria. The facts as seen go with it. */
export function FeedbackForm(props: { criteria: readonly { id: string; label: string; status: string }[]; onSend(input: FeedbackInput): void }) {
  const [open, setOpen] = useState(false);
  const comment = useRef<HTMLTextAreaElement>(null);
  const [disputed, setDisputed] = useState<string[]>([]);
  if (!open)
    return (
      <button type="button" className="action" data-testid="fit-feedback-open" onClick={trusted(() => setOpen(true))}>
        This score looks wrong
      </button>
    );
  return (
    <form
      className="exception feedback"
      data-testid="fit-feedback"
      onSubmit={(e) => {
        e.preventDefault();
        if (!isTrusted(e)) return;
        const text = comment.current?.value.trim();
        if (!text) return;
        props.onSend({ comment: text, disputed });
        setDisputed([]);
        setOpen(false);
      }}
    >
      <label>
        What looks wrong? <textarea ref={comment} name="comment" rows={2} maxLength={2000} required data-testid="fit-feedback-comment" />
      </label>
      <fieldset>
        <legend>Which criteria (optional)</legend>
        {props.criteria.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              data-testid="fit-feedback-criterion"
              data-criterion-id={c.id}
              checked={disputed.includes(c.id)}
              onChange={(e) => setDisputed((d) => (e.target.checked ? [...d, c.id] : d.filter((x) => x !== c.id)))}
            />{' '}
            {c.label} <span className="kind">({c.status})</span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit">Send to the model owner</button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Was B 68 under v6, now A 81 under v7", and the criteria that caused it (the three biggest, then a count). */
export function ChangeLine({ change }: { change: ScoreChange }) {
  const shown = change.criteria.slice(0, 3);
  return (
    <div className="model-change" data-testid="fit-change" data-was-version={change.was.modelVersion} data-now-version={change.now.modelVersion}>
      <p>Since the model changed: {change.text}.</p>
      {shown.length > 0 && (
        <ul>
          {shown.map((c) => (
            <li key={c.id} data-testid="fit-change-criterion" data-criterion-id={c.id}>
              {describeCriterionChange(c)}
            </li>
          ))}
          {change.criteria.length > shown.length && <li>… and {change.criteria.length - shown.length} more</li>}
        </ul>
      )}
    </div>
  );
}
