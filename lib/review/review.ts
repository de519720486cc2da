import { accountKeyOf, accountOf, groupByAccount, nameKey } from '../builder/accounts';
import { computeMetrics, expansionOf, metricsNotInFile, type MetricName } from '../builder/metrics';
import { segmentMatcher } from '../builder/segments';
import { round, sum } from '../builder/stats';
import type { OutcomeRecord } from '../builder/types';
import { compileModel, scoreCompiled, type CompiledModel, type Verdict } from '../engine/score';
import type { IcpModel } from '../model/schema';
import type { ExceptionRecord } from './exceptions';
import { quarterBounds, quarterOf, quartersBetween } from './quarters';

/**
 * The quarterly review: is the team still selling inside its ICP, and how did the accounts it let through anyway
 * turn out? One computation for `icp review` and the options page's Review tab.
 *
 * - Drift, per quarter: the share of won deals (and of won ARR) whose account was outside the ICP (verdict not-fit or
 *   needs-data: it did not pass the gate) under the model version in force on the close date.
 * - Exceptions against the ICP: accounts with a logged exception vs in-ICP accounts vs accounts outside the ICP that
 *   nobody logged — win rate, logo retention, NRR (where the file has them).
 * - Churn and expansion of won accounts by tier and by segment.
 * - The model versions in force each quarter.
 * Deals are grouped by account for every account figure (lib/builder/accounts.ts); drift counts deals, as won
 * business is booked per deal.
 */

export interface ModelInForce {
  model: IcpModel;
  /** ISO date from which this version applied; absent = from the beginning. */
  since?: string;
}

export interface ReviewInput {
  records: readonly OutcomeRecord[];
  /** Every version of every active model with the date it took effect; several ids = several active models. */
  models: readonly ModelInForce[];
  exceptions?: readonly ExceptionRecord[];
  /** "Today" (ISO date): the last quarter, tenure and date criteria. Deals closed after it are left out. */
  now: string;
}

export interface QuarterRow {
  quarter: string;
  /** Closed deals (won + lost) and won deals closed in the quarter. */
  closed: number;
  won: number;
  /** Accounts behind the won deals. */
  wonAccounts: number;
  /** Won deals whose account did not pass the gate (not-fit + needs-data), and each kind. */
  wonOutsideIcp: number;
  wonNotFit: number;
  wonNeedsData: number;
  /** wonOutsideIcp / won; null without won deals. */
  driftShare: number | null;
  wonArr: number;
  wonArrOutsideIcp: number;
  arrDriftShare: number | null;
  /** Exceptions logged in the quarter. */
  exceptions: number;
  /** Won accounts that churned in the quarter; null when the file has no churn column. */
  churned: number | null;
  /** "id v7" for each model version in force at some point of the quarter. */
  modelVersions: string[];
}

export interface GroupFigures {
  accounts: number;
  won: number;
  deals: number;
  winRate: number | null;
  logoRetention: number | null;
  nrr: number | null;
  annualChurn: number | null;
  churned: number;
  expansionArr: number;
  /** Share of all won accounts' expansion revenue. */
  expansionShare: number | null;
}

export interface Review {
  format: 'icp-fit/review@1';
  now: string;
  models: { id: string; name: string; version: number; since: string | null }[];
  quarters: QuarterRow[];
  exceptions: {
    logged: number;
    /** Logged exceptions whose account is in the outcomes (by domain, else company name). */
    matched: number;
    unmatched: { company?: string; domain?: string; at: string }[];
    groups: { exceptions: GroupFigures; inIcp: GroupFigures; outsideUnlogged: GroupFigures };
  };
  byTier: ({ group: string; label: string } & GroupFigures)[];
  bySegment: ({ group: string; label: string } & GroupFigures)[];
  notInFile: Partial<Record<MetricName, string>>;
  findings: string[];
}

interface Scored {
  verdict: Verdict;
  tier: string | null;
  score: number;
}

const VERDICT_RANK: Record<Verdict, number> = { fit: 2, 'needs-data': 1, 'not-fit': 0 };

/** The versions in force on a date: per model id, the latest version that took effect on or before it (else its first). */
function versionsAt(models: readonly ModelInForce[], date: string): ModelInForce[] {
  const byId = new Map<string, ModelInForce[]>();
  for (const m of models) byId.set(m.model.id, [...(byId.get(m.model.id) ?? []), m]);
  return [...byId.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => (a.since ?? '').localeCompare(b.since ?? '') || a.model.version - b.model.version);
    return sorted.filter((v) => (v.since ?? '') <= date).at(-1) ?? sorted[0];
  });
}

/** Versions in force at some point between start and end. */
function versionsDuring(models: readonly ModelInForce[], start: string, end: string): ModelInForce[] {
  const atStart = versionsAt(models, start);
  const during = models.filter((m) => m.since !== undefined && m.since > start && m.since <= end);
  return [...new Set([...atStart, ...during])].sort((a, b) => a.model.id.localeCompare(b.model.id) || a.model.version - b.model.version);
}

export function computeReview(input: ReviewInput): Review {
  if (!input.models.length) throw new Error('the review needs at least one model');
  const now = input.now.slice(0, 10);
  const nowMs = Date.parse(now);
  const compiled = new Map<IcpModel, CompiledModel>();
  const compile = (m: IcpModel) => compiled.get(m) ?? compiled.set(m, compileModel(m)).get(m)!;
  /** The best result among the models in force on the date, as the card shows the best active model. */
  const scoreAt = (facts: OutcomeRecord['facts'], date: string): Scored => {
    let best: Scored | undefined;
    for (const { model } of versionsAt(input.models, date)) {
      const r = scoreCompiled(compile(model), facts, nowMs);
      const s = { verdict: r.verdict, tier: r.tier ?? null, score: r.score };
      if (!best || VERDICT_RANK[s.verdict] > VERDICT_RANK[best.verdict] || (s.verdict === best.verdict && s.score > best.score)) best = s;
    }
    return best!;
  };

  const deals = input.records.filter((r) => (r.stage === 'won' || r.stage === 'lost') && r.closeDate && r.closeDate <= now);
  const exceptions = input.exceptions ?? [];
  const quarters = deals.length ? quartersBetween(deals.map((d) => d.closeDate!).sort()[0], now) : [quarterOf(now)];
  const notInFile = metricsNotInFile(deals);
  const churnKnown = !notInFile.includes('logoRetention');

  // Drift, per deal, under the versions in force on its close date.
  const rows = new Map<string, QuarterRow>(
    quarters.map((q) => {
      const { start, end } = quarterBounds(q);
      const versions = versionsDuring(input.models, start, end).map((m) => `${m.model.id} v${m.model.version}`);
      const row: QuarterRow = {
        quarter: q, closed: 0, won: 0, wonAccounts: 0, wonOutsideIcp: 0, wonNotFit: 0, wonNeedsData: 0, driftShare: null,
        wonArr: 0, wonArrOutsideIcp: 0, arrDriftShare: null, exceptions: 0, churned: churnKnown ? 0 : null, modelVersions: versions,
      };
      return [q, row];
    }),
  );
  const wonAccounts = new Map<string, Set<string>>();
  for (const d of deals) {
    const row = rows.get(quarterOf(d.closeDate!))!;
    row.closed++;
    if (d.stage !== 'won') continue;
    const s = scoreAt(d.facts, d.closeDate!);
    row.won++;
    row.wonArr += d.initialArr ?? 0;
    if (s.verdict !== 'fit') {
      row.wonOutsideIcp++;
      row.wonArrOutsideIcp += d.initialArr ?? 0;
      if (s.verdict === 'not-fit') row.wonNotFit++;
      else row.wonNeedsData++;
    }
    const set = wonAccounts.get(row.quarter) ?? new Set<string>();
    set.add(accountOf(d));
    wonAccounts.set(row.quarter, set);
  }
  for (const row of rows.values()) {
    row.wonAccounts = wonAccounts.get(row.quarter)?.size ?? 0;
    row.driftShare = row.won ? round(row.wonOutsideIcp / row.won) : null;
    row.arrDriftShare = row.wonArr ? round(row.wonArrOutsideIcp / row.wonArr) : null;
    row.wonArr = Math.round(row.wonArr);
    row.wonArrOutsideIcp = Math.round(row.wonArrOutsideIcp);
  }
  for (const x of exceptions) {
    const row = rows.get(quarterOf(x.at.slice(0, 10)));
    if (row) row.exceptions++;
  }

  // Accounts: scored once, as of becoming a customer (or their last lost deal).
  const accounts = groupByAccount(deals);
  for (const a of accounts) if (churnKnown && a.stage === 'won' && a.churnDate && a.churnDate <= now) {
    const row = rows.get(quarterOf(a.churnDate));
    if (row && row.churned !== null) row.churned++;
  }
  const scored = new Map(accounts.map((a) => [a, scoreAt(a.facts, a.closeDate ?? now)]));
  const { matchedKeys, unmatched } = matchExceptions(accounts, exceptions);
  const won = accounts.filter((a) => a.stage === 'won');
  const totalExpansion = sum(won.map(expansionOf));
  const figures = (list: readonly OutcomeRecord[]): GroupFigures => {
    const m = computeMetrics(list, { asOf: now });
    const expansionArr = sum(list.filter((a) => a.stage === 'won').map(expansionOf));
    return {
      accounts: m.n,
      won: m.won,
      deals: m.deals.closed,
      winRate: r3(m.winRate),
      logoRetention: r3(m.logoRetention),
      nrr: r3(m.nrr),
      annualChurn: r3(m.annualChurn),
      churned: m.churned,
      expansionArr: Math.round(expansionArr),
      expansionShare: totalExpansion > 0 && !notInFile.includes('nrr') ? round(expansionArr / totalExpansion) : null,
    };
  };

  const isException = (a: OutcomeRecord) => matchedKeys.has(accountOf(a));
  const groups = {
    exceptions: figures(accounts.filter(isException)),
    inIcp: figures(accounts.filter((a) => !isException(a) && scored.get(a)!.verdict === 'fit')),
    outsideUnlogged: figures(accounts.filter((a) => !isException(a) && scored.get(a)!.verdict !== 'fit')),
  };

  // By tier: the latest versions' tiers, then the two ways of being outside the ICP.
  const latest = versionsAt(input.models, now);
  const tierGroups = new Map<string, { label: string; list: OutcomeRecord[] }>();
  for (const { model } of latest) for (const t of model.tiers) if (!tierGroups.has(t.id)) tierGroups.set(t.id, { label: t.label, list: [] });
  tierGroups.set('not-fit', { label: 'Not fit', list: [] });
  tierGroups.set('needs-data', { label: 'Needs data', list: [] });
  for (const a of accounts) {
    const s = scored.get(a)!;
    const key = s.verdict === 'fit' ? (s.tier ?? 'fit') : s.verdict;
    if (!tierGroups.has(key)) tierGroups.set(key, { label: key, list: [] });
    tierGroups.get(key)!.list.push(a);
  }
  const byTier = [...tierGroups.entries()].map(([group, { label, list }]) => ({ group, label, ...figures(list) }));

  // By segment: the model's own segments (first match, most specific first), else industry.
  const segments = latest.flatMap(({ model }) => model.segments ?? []);
  const matchers = segments.map((s) => ({ id: s.id, label: s.label, match: segmentMatcher(s.when) }));
  const segmentGroups = new Map<string, { label: string; list: OutcomeRecord[] }>();
  for (const a of accounts) {
    const hit = matchers.find((m) => m.match(a.facts));
    const industry = typeof a.facts.industry === 'string' ? a.facts.industry : undefined;
    const [group, label] = hit
      ? [hit.id, hit.label]
      : matchers.length
        ? ['other', 'No segment of the model']
        : [industry ? `industry:${industry}` : 'industry:unknown', industry ?? 'Industry unknown'];
    if (!segmentGroups.has(group)) segmentGroups.set(group, { label, list: [] });
    segmentGroups.get(group)!.list.push(a);
  }
  const bySegment = [...segmentGroups.entries()]
    .map(([group, { label, list }]) => ({ group, label, ...figures(list) }))
    .sort((a, b) => b.accounts - a.accounts || a.group.localeCompare(b.group));

  const review: Review = {
    format: 'icp-fit/review@1',
    now,
    models: [...input.models]
      .sort((a, b) => a.model.id.localeCompare(b.model.id) || a.model.version - b.model.version)
      .map((m) => ({ id: m.model.id, name: m.model.name, version: m.model.version, since: m.since ?? null })),
    quarters: [...rows.values()],
    exceptions: { logged: exceptions.length, matched: exceptions.length - unmatched.length, unmatched, groups },
    byTier,
    bySegment,
    notInFile: Object.fromEntries(notInFile.map((n) => [n, 'not in this file'])),
    findings: [],
  };
  review.findings = reviewFindings(review);
  return review;
}

const r3 = (x: number | null) => (x === null ? null : round(x));

/** Exceptions → outcome accounts, by domain, else by company name (the card records both). */
function matchExceptions(accounts: readonly OutcomeRecord[], exceptions: readonly ExceptionRecord[]) {
  const byDomain = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const a of accounts) {
    const domain = typeof a.facts.domain === 'string' ? accountKeyOf({ domain: a.facts.domain }) : undefined;
    const name = typeof a.facts.name === 'string' ? nameKey(a.facts.name) : undefined;
    if (domain) byDomain.set(domain, accountOf(a));
    if (name) byName.set(name, accountOf(a));
  }
  const matchedKeys = new Set<string>();
  const unmatched: Review['exceptions']['unmatched'] = [];
  for (const x of exceptions) {
    const domain = x.domain ? accountKeyOf({ domain: x.domain }) : undefined;
    const key = (domain && byDomain.get(domain)) || (x.company ? byName.get(nameKey(x.company)) : undefined);
    if (key) matchedKeys.add(key);
    else unmatched.push({ ...(x.company ? { company: x.company } : {}), ...(x.domain ? { domain: x.domain } : {}), at: x.at });
  }
  return { matchedKeys, unmatched };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** The review in a few sentences: drift now vs before, and how exceptions fared against the ICP. */
export function reviewFindings(review: Review): string[] {
  const lines: string[] = [];
  const withWins = review.quarters.filter((q) => q.won > 0);
  const last = withWins.at(-1);
  if (last) {
    const before = withWins.slice(0, -1);
    const earlier = sum(before.map((q) => q.won)) ? sum(before.map((q) => q.wonOutsideIcp)) / sum(before.map((q) => q.won)) : null;
    lines.push(
      `Drift in ${last.quarter}: ${pct(last.driftShare)} of won deals (${pct(last.arrDriftShare)} of won ARR) outside the ICP` +
        (last.wonOutsideIcp ? ` (${last.wonNotFit} not fit, ${last.wonNeedsData} needing data)` : '') +
        (earlier !== null ? `, against ${pct(earlier)} in the quarters before` : ''),
    );
  } else lines.push('No won deals to measure drift on.');
  const { exceptions, inIcp } = review.exceptions.groups;
  if (review.exceptions.logged === 0) lines.push('No exceptions logged.');
  else {
    let line = `Exceptions: ${review.exceptions.matched} of ${review.exceptions.logged} matched to outcomes; ${exceptions.accounts} accounts, win rate ${pct(exceptions.winRate)} vs ${pct(inIcp.winRate)} in the ICP`;
    if (exceptions.logoRetention !== null) line += `, logo retention ${pct(exceptions.logoRetention)} vs ${pct(inIcp.logoRetention)}`;
    if (exceptions.nrr !== null) line += `, NRR ${pct(exceptions.nrr)} vs ${pct(inIcp.nrr)}`;
    lines.push(line);
  }
  const missing = Object.keys(review.notInFile);
  if (missing.length) lines.push(`Not in this file: ${missing.join(', ')} (no churn date or current ARR column).`);
  return lines;
}

/** Saved model versions (the options page's history) → versions in force from the day each was saved. */
export function versionsInForce(saved: readonly { model: IcpModel; savedAt: string }[]): ModelInForce[] {
  return saved.map((v) => ({ model: v.model, since: v.savedAt.slice(0, 10) }));
}
