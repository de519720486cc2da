import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { Unreadable } from './Unreadable';
import { Breakdown } from './Breakdown';
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
  onLogException?(reason: string): void;
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
      style={{ right: position.right, top: position.top }}
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
              <button type="button" className="expand" data-testid="fit-expand" aria-expanded={expanded} onClick={trusted(() => props.onToggleExpanded())}>
                {expanded ? 'Hide breakdown' : 'Show breakdown'}
              </button>
              {expanded && <Breakdown view={view} onAnswer={props.onAnswer} />}
              {expanded && r.verdict === 'not-fit' && props.onLogException && <ExceptionForm onLog={props.onLogException} />}
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

/** AEs who advance a not-fit account anyway log why; RevOps reviews these each quarter. */
function ExceptionForm({ onLog }: { onLog(reason: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      className="exception"
      data-testid="fit-exception"
      onSubmit={(e) => {
        e.preventDefault();
        if (!isTrusted(e)) return;
        const reason = input.current?.value.trim();
        if (reason) {
          onLog(reason);
          input.current!.value = '';
        }
      }}
    >
      <label>
        Advancing anyway? Log why: <input ref={input} maxLength={500} required />
      </label>
      <button type="submit">Log exception</button>
    </form>
  );
}
