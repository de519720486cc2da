import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { Unreadable } from './Unreadable';
import { Breakdown } from './Breakdown';
import { ChangeLine, ExceptionForm, FeedbackForm, type ExceptionInput, type FeedbackInput } from './CardActions';
import { Headline } from './Summary';
import { isTrusted, trusted } from './trusted';
import type { CardState } from '../lib/card/types';

export interface CardPosition {
  /** Distance in px from the viewport's right and top edges. */
  right: number;
  top: number;
}

export interface FitCardProps {
  state: CardState;
  expanded: boolean;
  minimised: boolean;
  position: CardPosition;
  /** The page under the card is dark: use the dark palette. */
  dark?: boolean;
  /** A one-line status, e.g. after logging an exception. */
  notice?: string;
  onToggleExpanded(): void;
  onToggleMinimised(): void;
  /** Called while dragging and at the end (final=true: persist it). */
  onMove(position: CardPosition, final: boolean): void;
  onAnswer?(field: string, value: boolean): void;
  /** "Advance anyway" on a not-fit or needs-data account. */
  onLogException?(input: ExceptionInput): void;
  /** "This score looks wrong". */
  onFeedback?(input: FeedbackInput): void;
}

const STEP = 24;

/** The ICP fit card: compact by default, expandable to the full breakdown. Presentational: state comes in as props. */
export function FitCard(props: FitCardProps) {
  const { state, expanded, minimised, position } = props;
  const drag = useRef<{ x: number; y: number; start: CardPosition } | null>(null);

  // Every action below ignores events a page script dispatched (components/trusted.ts).
  const onPointerDown = trusted((e: PointerEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest('button')) return;
    drag.current = { x: e.clientX, y: e.clientY, start: position };
    e.currentTarget.setPointerCapture(e.pointerId);
  });
  const moved = (e: PointerEvent<HTMLElement>): CardPosition | null => {
    if (!drag.current) return null;
    return {
      right: Math.max(0, drag.current.start.right - (e.clientX - drag.current.x)),
      top: Math.max(0, drag.current.start.top + (e.clientY - drag.current.y)),
    };
  };
  const onPointerMove = trusted((e: PointerEvent<HTMLElement>) => {
    const p = moved(e);
    if (p) props.onMove(p, false);
  });
  const onPointerUp = trusted((e: PointerEvent<HTMLElement>) => {
    const p = moved(e);
    drag.current = null;
    if (p) props.onMove(p, true);
  });
  // Keyboard users move the card with the arrow keys on the handle.
  const onHandleKey = trusted((e: KeyboardEvent<HTMLElement>) => {
    const d = { ArrowLeft: [STEP, 0], ArrowRight: [-STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[e.key];
    if (!d) return;
    e.preventDefault();
    props.onMove({ right: Math.max(0, position.right + d[0]), top: Math.max(0, position.top + d[1]) }, true);
  });

  const view = state.status === 'ready' ? state.view : null;
  const r = view?.result;
  const company = view?.company ?? (state.status === 'loading' || state.status === 'unreadable' ? state.company : undefined) ?? '';
  return (
    <div
      className={`card ${minimised ? 'minimised' : ''} ${props.dark ? 'dark' : ''} ${r ? r.verdict : state.status}`}
      data-testid="fit-card"
      data-state={state.status}
      data-record-key={view?.recordKey ?? ''}
      role="region"
      aria-label="ICP fit"
      // The whole card stays reachable: it scrolls inside the viewport below its top edge.
      style={{ right: position.right, top: position.top, maxHeight: `calc(100vh - ${position.top + 12}px)` }}
      onKeyDown={trusted((e) => {
        if (e.key === 'Escape' && expanded) props.onToggleExpanded();
      })}
    >
      <header
        className="handle"
        tabIndex={0}
        aria-label="ICP fit card: drag or use arrow keys to move"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onHandleKey}
      >
        <span className="brand">ICP Fit</span>
        <span className="company" data-testid="fit-company" title={company}>
          {company}
        </span>
        <button type="button" className="icon" onClick={trusted(() => props.onToggleMinimised())} aria-expanded={!minimised} aria-label={minimised ? 'Show card' : 'Minimise card'}>
          {minimised ? '▢' : '–'}
        </button>
      </header>
      {!minimised && (
        <div className="body">
          {state.status === 'loading' && <p className="muted">Reading this page…</p>}
          {state.status === 'unreadable' && <Unreadable diagnostic={state.diagnostic} />}
          {state.status === 'error' && (
            <p className="error" role="alert">
              {state.message}
            </p>
          )}
          {r && view && (
            <>
              <Headline result={r} />
              {view.change && <ChangeLine change={view.change} />}
              <button type="button" className="expand" data-testid="fit-expand" aria-expanded={expanded} onClick={trusted(() => props.onToggleExpanded())}>
                {expanded ? 'Hide breakdown' : 'Show breakdown'}
              </button>
              {expanded && <Breakdown view={view} onAnswer={props.onAnswer} />}
              {expanded && (props.onLogException || props.onFeedback) && (
                <div className="actions">
                  {r.verdict !== 'fit' && props.onLogException && <ExceptionForm onLog={props.onLogException} />}
                  {props.onFeedback && <FeedbackForm criteria={r.criteria} onSend={props.onFeedback} />}
                </div>
              )}
              {props.notice && (
                <p className="notice" role="status" data-testid="fit-notice">
                  {props.notice}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
