import type { BacktestOutcome } from '../../../lib/builder/review';
import { BacktestPanel } from '../BacktestPanel';

/** Step 5: the time-split backtest of the reviewed model. */
export function BacktestStep(props: { backtest: BacktestOutcome | null; disabled: boolean; onRun: () => void }) {
  const { backtest } = props;
  return (
    <section className="card-section" data-testid="builder-backtest">
      <h2>5. Backtest</h2>
      <p className="muted">
        Time split: the same review applied to a model derived from the older 70 % of deals, scored on the newest 30 %. Does it pick the accounts that
        stay and grow?
      </p>
      <button type="button" data-testid="builder-run-backtest" disabled={props.disabled} onClick={props.onRun}>
        Run the backtest
      </button>
      {backtest && !backtest.ok && (
        <p className="error" data-testid="backtest-error">
          {backtest.error}
        </p>
      )}
      {backtest?.ok && <BacktestPanel result={backtest.result} />}
    </section>
  );
}
