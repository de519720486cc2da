import { parseExceptionsCsv } from '../lib/review/exceptions';
import { computeReview, type GroupFigures, type Review } from '../lib/review/review';
import { EXIT_OK, help, InputError, loadModel, parseCommandArgs, UsageError } from './common';
import { loadOutcomes, MAPPING_OPTIONS, outcomeReadOptions, parseIsoOption, readInput, reportRows } from './derive';
import { print, type CliIo } from './io';

export const REVIEW_HELP = help(`
    Usage: icp review <outcomes.csv> [--model m.json] [--exceptions e.csv] [--now YYYY-MM-DD] [--json]

    The quarterly review of the gate: per quarter, the share of won deals (and of won ARR) whose account
    was outside the ICP (not-fit or needs-data) — the drift; how exceptions turned out against in-ICP
    accounts (win rate, logo retention, NRR where the file has them); churn and expansion by tier and by
    segment; and the model versions in force. Deals are grouped by account for every account figure.

    Options:
      --model <file|id>      the model (default: the built-in default model)
      --exceptions <file>    the exception log exported from the options page (CSV)
      --now <date>           "today": the last quarter, tenure and date criteria (default: the latest date in the file)
      --json                 print JSON ({quarters: [{quarter, won, wonOutsideIcp, driftShare, …}], exceptions, byTier, bySegment, …})
      --map "Header=target", --won <value>, --lost <value>, -q   column mapping and stages (as in icp derive)
      --locale <tag>         locale of numbers and dates (default en-US)

    Exit code: 0 ok, 1 bad input, 2 usage error.
`);

export async function runReview(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, {
    help: { type: 'boolean', short: 'h' },
    model: { type: 'string', short: 'm' },
    exceptions: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'boolean' },
    ...MAPPING_OPTIONS,
    locale: { type: 'string' },
  });
  if (values.help) {
    print(io, REVIEW_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('review needs exactly one outcomes CSV');
  const [file] = positionals;
  const nowOption = parseIsoOption('now', values.now);
  const parsed = await loadOutcomes(io, file, outcomeReadOptions(values));
  const { model } = await loadModel(io, values.model);
  let exceptions;
  if (values.exceptions) {
    const x = parseExceptionsCsv(await readInput(io, values.exceptions));
    if (x.errors.length) throw new InputError(x.errors.map((e) => `${values.exceptions}: ${e}`).join('\n'));
    reportRows(io, values.exceptions, 'bad exception, left out', x.bad);
    exceptions = x.exceptions;
  }
  const now = nowOption ?? latestDate(parsed.records);
  const review = computeReview({ records: parsed.records, models: [{ model }], exceptions, now });
  if (values.json) print(io, `${JSON.stringify(review, null, 2)}\n`);
  else print(io, formatReview(review));
  return EXIT_OK;
}

function latestDate(records: readonly { closeDate?: string; churnDate?: string }[]): string {
  let latest = '';
  for (const r of records) for (const d of [r.closeDate, r.churnDate]) if (d && d > latest) latest = d;
  return latest || new Date().toISOString().slice(0, 10);
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

const groupCells = (g: GroupFigures, churnKnown: boolean) => [
  String(g.accounts), String(g.won), pct(g.winRate), pct(g.logoRetention), pct(g.nrr), churnKnown ? String(g.churned) : '—', pct(g.expansionShare),
];
const GROUP_HEADER = ['accounts', 'won', 'win rate', 'logo ret.', 'NRR', 'churned', 'expansion'];

/** The review as text: findings, the drift per quarter, exceptions vs the ICP, tiers and segments. */
export function formatReview(r: Review): string {
  const quarters = table(
    ['quarter', 'won', 'outside ICP', 'drift', 'won ARR', 'ARR drift', 'exceptions', 'churned', 'models'],
    r.quarters.map((q) => [
      q.quarter, String(q.won), String(q.wonOutsideIcp), pct(q.driftShare), `$${q.wonArr.toLocaleString('en-US')}`, pct(q.arrDriftShare),
      String(q.exceptions), q.churned === null ? '—' : String(q.churned), q.modelVersions.join(', '),
    ]),
  );
  const g = r.exceptions.groups;
  const known = !('logoRetention' in r.notInFile);
  const exceptions = table(['', ...GROUP_HEADER], [
    ['exceptions', ...groupCells(g.exceptions, known)],
    ['in the ICP', ...groupCells(g.inIcp, known)],
    ['outside, not logged', ...groupCells(g.outsideUnlogged, known)],
  ]);
  const tiers = table(['tier', ...GROUP_HEADER], r.byTier.map((t) => [t.label, ...groupCells(t, known)]));
  const segments = table(['segment', ...GROUP_HEADER], r.bySegment.map((s) => [s.label, ...groupCells(s, known)]));
  return [
    `Quarterly review as of ${r.now} — ${r.models.map((m) => `${m.name} v${m.version}`).join(', ')}`,
    '',
    ...r.findings.map((f) => `* ${f}`),
    '',
    'Drift per quarter (won deals whose account was outside the ICP under the model in force):',
    quarters,
    '',
    'Exceptions against the ICP (accounts):',
    exceptions,
    '',
    'By tier (accounts):',
    tiers,
    '',
    'By segment (accounts):',
    segments,
    '',
  ].join('\n');
}
