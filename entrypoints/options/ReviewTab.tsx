import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DriftChart, GroupRateChart } from '../../components/review/ReviewCharts';
import { GroupTable, QuarterTable } from '../../components/review/ReviewTables';
import { ExceptionLog } from '../../components/review/ExceptionLog';
import { FeedbackList } from '../../components/review/FeedbackList';
import '../../components/review/review.css';
import { defaultAsOf } from '../../lib/builder/metrics';
import { parseOutcomesCsv, type ParsedOutcomes } from '../../lib/builder/outcomes';
import { exceptionsToCsv, toExceptionRecord } from '../../lib/review/exceptions';
import { feedbackToCsv } from '../../lib/review/feedback';
import { computeReview, versionsInForce, type Review } from '../../lib/review/review';
import { listExceptions } from '../../lib/storage/exceptions';
import { exportDatabase } from '../../lib/storage/export';
import { listFeedback } from '../../lib/storage/feedback';
import { getModelVersions, listModels } from '../../lib/storage/models';
import { downloadText, useDeps } from './data';

const POLL_MS = 5_000;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The quarterly review (lib/review, the same computation as `icp review`): load an outcomes export, see the drift
 * per quarter under the model versions saved here, how the logged exceptions turned out, churn and expansion by tier
 * and segment. Below, the exception log and the reps' feedback, each exported as CSV, and a full data export.
 */
export function ReviewTab() {
  const { db } = useDeps();
  const exceptions = useQuery({ queryKey: ['exceptions'], queryFn: () => listExceptions(db), refetchInterval: POLL_MS });
  const feedback = useQuery({ queryKey: ['feedback'], queryFn: () => listFeedback(db), refetchInterval: POLL_MS });
  const versions = useQuery({
    queryKey: ['activeVersions'],
    queryFn: async () => {
      const active = (await listModels(db)).filter((m) => m.active);
      return versionsInForce((await Promise.all(active.map((m) => getModelVersions(db, m.model.id)))).flat());
    },
  });
  const [outcomes, setOutcomes] = useState<{ file: string; parsed: ParsedOutcomes } | null>(null);
  const [now, setNow] = useState('');
  const exceptionRecords = (exceptions.data ?? []).map((x) => ({ ...toExceptionRecord(x), id: x.id }));

  let review: Review | null = null;
  let error = '';
  if (outcomes && versions.data) {
    if (!versions.data.length) error = 'No model is active: activate one in the Models tab.';
    else if (outcomes.parsed.errors.length) error = outcomes.parsed.errors.join('; ');
    else
      review = computeReview({
        records: outcomes.parsed.records,
        models: versions.data,
        exceptions: exceptionRecords,
        now: now || defaultAsOf(outcomes.parsed.records),
      });
  }

  return (
    <main className="review" data-testid="review-page">
      <h1>Quarterly review</h1>
      <section>
        <p className="muted">
          Load an outcomes export (closed-won and closed-lost deals, with churn and current ARR if you have them) to see how much of what
          was won lies outside the ICP each quarter, and how the exceptions turned out.
        </p>
        <label>
          Outcomes CSV{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="review-outcomes-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setOutcomes({ file: file.name, parsed: parseOutcomesCsv(await file.text(), { source: file.name }) });
            }}
          />
        </label>{' '}
        <label>
          As of <input type="date" data-testid="review-now" value={now} max={today()} onChange={(e) => setNow(e.target.value)} />
        </label>
        {outcomes && (
          <p className="muted" data-testid="review-status">
            {outcomes.file}: {outcomes.parsed.rows} rows, {outcomes.parsed.bad.length} bad rows left out
            {outcomes.parsed.bad.slice(0, 3).map((b) => ` · line ${b.line}: ${b.message}`)}
          </p>
        )}
        {error && <p className="error" role="alert" data-testid="review-error">{error}</p>}
      </section>
      {review && (
        <>
          <section data-testid="review-result">
            <ul data-testid="review-findings">
              {review.findings.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            <h2>Drift per quarter</h2>
            <DriftChart quarters={review.quarters} />
            <QuarterTable quarters={review.quarters} />
          </section>
          <section>
            <h2>Exceptions against the ICP</h2>
            <p className="muted">
              {review.exceptions.matched} of {review.exceptions.logged} logged exceptions found in the outcomes (by domain, else company name).
            </p>
            <GroupRateChart
              testId="review-exception-chart"
              groups={[
                { label: 'Exceptions', figures: review.exceptions.groups.exceptions },
                { label: 'In the ICP', figures: review.exceptions.groups.inIcp },
                { label: 'Outside, not logged', figures: review.exceptions.groups.outsideUnlogged },
              ]}
            />
          </section>
          <section>
            <h2>Churn and expansion by tier</h2>
            <GroupTable rows={review.byTier} testId="review-tiers" heading="Tier" notInFile={review.notInFile} />
            <h2>… and by segment</h2>
            <GroupTable rows={review.bySegment} testId="review-segments" heading="Segment" notInFile={review.notInFile} />
            <p className="muted">Models in force: {review.models.map((m) => `${m.name} v${m.version}${m.since ? ` (from ${m.since})` : ''}`).join(', ')}</p>
          </section>
        </>
      )}
      <ExceptionLog rows={exceptionRecords} onExport={(rows) => downloadText(`icp-exceptions-${today()}.csv`, exceptionsToCsv(rows), 'text/csv')} />
      <FeedbackList rows={feedback.data ?? []} onExport={() => downloadText(`icp-feedback-${today()}.csv`, feedbackToCsv(feedback.data ?? []), 'text/csv')} />
      <section>
        <h2>Your data</h2>
        <p className="muted">Everything this browser stores for ICP Fit — models and their versions, accounts, notes, exceptions, feedback, score history and settings — as one JSON file.</p>
        <button
          type="button"
          data-testid="export-database"
          onClick={async () => downloadText(`icp-fit-data-${today()}.json`, `${JSON.stringify(await exportDatabase(db), null, 2)}\n`)}
        >
          Export all data (JSON)
        </button>
      </section>
    </main>
  );
}
