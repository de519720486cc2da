import type { GroupFigures, Review } from '../../lib/review/review';
import { money, percent } from '../builder/format';

/** Tables of the review: drift per quarter, and account groups (tiers, segments) with churn and expansion. */

export function QuarterTable({ quarters }: { quarters: Review['quarters'] }) {
  return (
    <div className="table-scroll">
      <table className="figures" data-testid="review-quarters">
        <thead>
          <tr>
            <th>Quarter</th>
            <th className="num">Won deals</th>
            <th className="num">Outside ICP</th>
            <th className="num">Drift</th>
            <th className="num">Won ARR</th>
            <th className="num">ARR drift</th>
            <th className="num">Exceptions</th>
            <th className="num">Churned</th>
            <th>Model versions</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.quarter} data-testid="review-quarter" data-quarter={q.quarter}>
              <td>{q.quarter}</td>
              <td className="num">{q.won}</td>
              <td className="num">{q.wonOutsideIcp}</td>
              <td className="num" data-testid="review-drift">{percent(q.driftShare)}</td>
              <td className="num">{money(q.wonArr)}</td>
              <td className="num">{percent(q.arrDriftShare)}</td>
              <td className="num">{q.exceptions}</td>
              <td className="num">{q.churned ?? 'not in file'}</td>
              <td>{q.modelVersions.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const rate = (v: number | null, accounts: number, missing: boolean) => (v === null && accounts > 0 && missing ? 'not in file' : percent(v));

export function GroupTable(props: { rows: readonly ({ group: string; label: string } & GroupFigures)[]; testId: string; heading: string; notInFile: Review['notInFile'] }) {
  const noChurn = 'logoRetention' in props.notInFile;
  const noNrr = 'nrr' in props.notInFile;
  return (
    <table className="figures" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.heading}</th>
          <th className="num">Accounts</th>
          <th className="num">Won</th>
          <th className="num">Win rate</th>
          <th className="num">Logo retention</th>
          <th className="num">Churned</th>
          <th className="num">NRR</th>
          <th className="num">Expansion</th>
          <th className="num">Share of expansion</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.group} data-group={r.group}>
            <td>{r.label}</td>
            <td className="num">{r.accounts}</td>
            <td className="num">{r.won}</td>
            <td className="num">{percent(r.winRate)}</td>
            <td className="num">{rate(r.logoRetention, r.won, noChurn)}</td>
            <td className="num">{noChurn ? 'not in file' : r.churned}</td>
            <td className="num">{rate(r.nrr, r.won, noNrr)}</td>
            <td className="num">{noNrr ? 'not in file' : money(r.expansionArr)}</td>
            <td className="num">{percent(r.expansionShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
