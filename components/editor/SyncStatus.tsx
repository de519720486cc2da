import type { SyncState } from '../../lib/sync/state';
import { formatWhen } from './ModelList';

const CAUSE_LABELS: Record<string, string> = {
  url: 'bad URL',
  redirect: 'redirect refused',
  network: 'network error',
  timeout: 'timeout',
  http: 'server error',
  'too-large': 'file too large',
  json: 'invalid JSON',
  schema: 'invalid model',
  mismatch: 'wrong model',
  storage: 'storage error',
  internal: 'unexpected error',
};
const RESULT_LABELS = { updated: 'new version saved', unchanged: 'no change', 'not-modified': 'not modified (304)' } as const;

/** A source URL's sync state: last success, last error with its cause, next run. Presentational (options page, popup). */
export function SyncStatus({ state }: { state: SyncState | undefined }) {
  if (!state || (!state.lastAttempt && !state.nextRun)) return <p className="muted" data-testid="sync-status">Not synced yet.</p>;
  return (
    <dl className="sync-status" data-testid="sync-status" data-failures={state.failures}>
      <dt>Last success</dt>
      <dd data-testid="sync-last-success" data-result={state.lastSuccess?.result ?? ''}>
        {state.lastSuccess
          ? `${formatWhen(state.lastSuccess.at)}: ${RESULT_LABELS[state.lastSuccess.result]}${state.lastSuccess.version !== undefined ? ` (v${state.lastSuccess.version})` : ''}`
          : 'never'}
      </dd>
      {state.lastError && (
        <>
          <dt>Last error</dt>
          <dd className="error" role="alert" data-testid="sync-last-error" data-cause={state.lastError.cause}>
            {formatWhen(state.lastError.at)}: <strong>{CAUSE_LABELS[state.lastError.cause] ?? state.lastError.cause}</strong> — {state.lastError.message}
            {state.failures > 1 && ` (${state.failures} failures in a row)`}. The current model stays in use.
            {state.lastError.problems && state.lastError.problems.length > 0 && (
              <ul>
                {state.lastError.problems.slice(0, 20).map((p) => (
                  <li key={`${p.path}:${p.message}`} data-testid="sync-problem" data-path={p.path}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
      <dt>Next run</dt>
      <dd data-testid="sync-next-run">{formatWhen(state.nextRun)}</dd>
    </dl>
  );
}
