import { compileModel, type CompiledModel } from '../engine/score';
import type { IcpModel } from '../model/schema';
import { criterionStatusSql, type SqlClock } from './criterion';
import { DIALECT, type Dialect, type DialectName } from './dialect';
import { belowMinimumSql, lowConfidenceSql, rankSql, tierSql, verdictSql, type VerdictInputs } from './verdict';

/**
 * The model (or several) as one SELECT over a table whose columns are the facts (docs/sql.md). Pure.
 *
 * The query is a chain of common table expressions, each adding columns to the table's own (`t.*`):
 *   icp_criteria  one status column per criterion ('pass' | 'fail' | 'unknown')
 *   icp_points    icp_score (the sum of the passed criteria's whole points), icp_potential_score (passed and
 *                 unknown ones: what the score could reach) and icp_confidence
 *   icp_verdicts  icp_verdict (verdict.ts: the gate, in one place)
 *   final         icp_tier and icp_reasons (the same texts, in the same order, as `icp score`'s)
 * With several models each model's columns carry its id (icp_<model>_score…), and a last step picks the best model
 * into icp_model, icp_score, icp_tier, icp_verdict, icp_confidence and icp_reasons.
 *
 * Points, reason texts and confidence weights come from compileModel: the same numbers the engine uses.
 */

export interface SqlOptions {
  dialect: DialectName;
  /** The input table, optionally qualified ("crm.accounts"). */
  table?: string;
  /** "Now" for date criteria, ms since epoch; undefined: the database's current time. */
  now?: number;
}

/** Names of the columns one model's results take. */
export interface ModelColumns {
  score: string;
  /** The score if every unknown criterion passed (the engine's potentialScore). */
  potential: string;
  tier: string;
  verdict: string;
  confidence: string;
  reasons: string;
  /** By criterion, in model order. */
  statuses: { criterionId: string; column: string }[];
}

export const REASON_SEPARATOR = ' | ';

/** Letters, digits and "_" only: a column name every warehouse takes. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');

export function modelColumns(model: IcpModel, prefix: string): ModelColumns {
  const used = new Set<string>();
  const statuses = model.criteria.map((c) => {
    const base = `${prefix}status_${safeName(c.id)}`;
    let column = base;
    for (let n = 2; used.has(column.toLowerCase()); n++) column = `${base}_${n}`;
    used.add(column.toLowerCase());
    return { criterionId: c.id, column };
  });
  return {
    score: `${prefix}score`,
    potential: `${prefix}potential_score`,
    tier: `${prefix}tier`,
    verdict: `${prefix}verdict`,
    confidence: `${prefix}confidence`,
    reasons: `${prefix}reasons`,
    statuses,
  };
}

/** The column prefix of each model: "icp_" for one model, "icp_<id>_" for several. */
export const modelPrefixes = (models: readonly IcpModel[]) =>
  models.length === 1 ? ['icp_'] : models.map((m) => `icp_${safeName(m.id)}_`);

/** The confidence (a double of two decimals) as the engine prints it: String(0.3) is "0.3", String(1) is "1". */
export function confidenceTextSql(d: Dialect, confidence: string): string {
  const pct = `CAST(ROUND(${confidence} * 100) AS BIGINT)`;
  const text = d.intText(pct);
  return (
    `CASE WHEN ${pct} >= 100 THEN '1' WHEN ${pct} <= 0 THEN '0' WHEN ${pct} < 10 THEN '0.0' || ${text} ` +
    `WHEN SUBSTR(${text}, 2, 1) = '0' THEN '0.' || SUBSTR(${text}, 1, 1) ELSE '0.' || ${text} END`
  );
}

interface ModelSql {
  compiled: CompiledModel;
  columns: ModelColumns;
  /** SELECT-list items per step. */
  statuses: string[];
  points: string[];
  verdict: string[];
  final: string[];
}

function modelSql(d: Dialect, clock: SqlClock, model: IcpModel, prefix: string): ModelSql {
  const compiled = compileModel(model);
  const columns = modelColumns(model, prefix);
  const id = d.ident.bind(d);
  const status = (i: number) => id(columns.statuses[i].column);
  const is = (i: number, s: string) => `${status(i)} = '${s}'`;
  const sum = (terms: string[]) => (terms.length ? terms.join(' + ') : '0');

  const statuses = model.criteria.map((c, i) => `${criterionStatusSql({ d, clock }, c)} AS ${status(i)}`);

  const worthIf = (status: (i: number) => string) =>
    sum(compiled.criteria.flatMap((c, i) => (c.worth > 0 ? [`CASE WHEN ${status(i)} THEN ${c.worth} ELSE 0 END`] : [])));
  const score = worthIf((i) => is(i, 'pass'));
  const potential = worthIf((i) => `${status(i)} <> 'fail'`);
  const total = compiled.totalConfidenceWeight;
  const known = sum(compiled.criteria.map((c, i) => `CASE WHEN ${is(i, 'unknown')} THEN 0 ELSE ${c.confidenceWeight} END`));
  // Math.round(100 * known / total) / 100, in whole numbers: floor((200 * known + total) / (2 * total)).
  const confidence =
    total === 0 ? d.double(1) : `CAST(FLOOR((200 * (${known}) + ${total}) / ${2 * total}.0) AS ${d.columnType('double')}) / 100`;
  const points = [`${score} AS ${id(columns.score)}`, `${potential} AS ${id(columns.potential)}`, `${confidence} AS ${id(columns.confidence)}`];

  const gateInputs: VerdictInputs = {
    blocked: compiled.criteria.flatMap((c, i) => (c.criterion.kind === 'score' ? [] : [is(i, 'fail')])),
    unknownMust: compiled.criteria.flatMap((c, i) => (c.criterion.kind === 'must' ? [is(i, 'unknown')] : [])),
    score: id(columns.score),
    potential: id(columns.potential),
    confidence: id(columns.confidence),
    minConfidence: d.double(model.gate.minConfidence),
  };
  const verdict = [`${verdictSql(model, gateInputs)} AS ${id(columns.verdict)}`];

  const tier = tierSql(model, id(columns.verdict), id(columns.score), d.string);
  const final = [`${tier} AS ${id(columns.tier)}`, `${reasonsSql(d, compiled, columns, gateInputs)} AS ${id(columns.reasons)}`];
  return { compiled, columns, statuses, points, verdict, final };
}

/**
 * reasonsOf (lib/engine/score.ts) as SQL: failed gates, unknown musts, a score below the fit minimum, low confidence,
 * then the three biggest passes and the two biggest unknowns. "The first three passes" is a running count of the
 * passes before each criterion.
 */
function reasonsSql(d: Dialect, compiled: CompiledModel, columns: ModelColumns, gate: VerdictInputs): string {
  const is = (i: number, s: string) => `${d.ident(columns.statuses[i].column)} = '${s}'`;
  const when = (condition: string, text: string) => `CASE WHEN ${condition} THEN ${text} END`;
  const reasons: string[] = [];
  compiled.criteria.forEach((c, i) => {
    if (c.criterion.kind !== 'score') reasons.push(when(is(i, 'fail'), d.string(c.failReason)));
  });
  compiled.criteria.forEach((c, i) => {
    if (c.criterion.kind === 'must') reasons.push(when(is(i, 'unknown'), d.string(c.unknownMustReason)));
  });
  // belowMinimumReason: "score S below the fit minimum M (could reach P)".
  const { minScore } = compiled.model.gate;
  reasons.push(
    when(
      belowMinimumSql(compiled.model, gate),
      `'score ' || ${d.intText(gate.score)} || ${d.string(` below the fit minimum ${minScore} (could reach `)} || ${d.intText(gate.potential)} || ')'`,
    ),
  );
  const minText = String(compiled.model.gate.minConfidence);
  reasons.push(
    when(
      lowConfidenceSql(d.ident(columns.verdict), gate),
      `'confidence ' || ${confidenceTextSql(d, gate.confidence)} || ${d.string(` below ${minText}`)}`,
    ),
  );
  const firstOf = (status: string, limit: number, text: (i: number) => string) =>
    compiled.byWorth.forEach((i, k) => {
      const before = compiled.byWorth.slice(0, k).map((j) => `CASE WHEN ${is(j, status)} THEN 1 ELSE 0 END`);
      const condition = k < limit ? is(i, status) : `${is(i, status)} AND ${before.join(' + ')} < ${limit}`;
      reasons.push(when(condition, d.string(text(i))));
    });
  firstOf('pass', 3, (i) => compiled.criteria[i].passReason);
  firstOf('unknown', 2, (i) => compiled.criteria[i].unknownReason);
  return d.joinNonNull(reasons, REASON_SEPARATOR);
}

/** "crm.accounts" → "crm"."accounts". */
const tableSql = (d: Dialect, table: string) => table.split('.').map((part) => d.ident(part)).join('.');

const step = (d: Dialect, name: string, from: string, items: string[]) => `${name} ${d.cte} (\n  SELECT ${from}.*,\n    ${items.join(',\n    ')}\n  FROM ${from}\n)`;

/** The SELECT that scores every row of the table against the models (the best of them when several). */
export function modelsToSql(models: readonly IcpModel[], options: SqlOptions): string {
  if (models.length === 0) throw new Error('no model to compile');
  const d = DIALECT[options.dialect];
  const clock: SqlClock = { now: options.now };
  const prefixes = modelPrefixes(models);
  const parts = models.map((m, i) => modelSql(d, clock, m, prefixes[i]));
  const all = (pick: (p: ModelSql) => string[]) => parts.flatMap(pick);
  const ctes = [
    `icp_criteria ${d.cte} (\n  SELECT t.*,\n    ${all((p) => p.statuses).join(',\n    ')}\n  FROM ${tableSql(d, options.table ?? 'accounts')} AS t\n)`,
    step(d, 'icp_points', 'icp_criteria', all((p) => p.points)),
    step(d, 'icp_verdicts', 'icp_points', all((p) => p.verdict)),
  ];
  if (parts.length === 1) return `WITH ${ctes.join(',\n')}\nSELECT icp_verdicts.*,\n  ${parts[0].final.join(',\n  ')}\nFROM icp_verdicts`;

  // Several models: each model's own columns, then the best one's copied into the icp_ columns.
  ctes.push(step(d, 'icp_results', 'icp_verdicts', all((p) => p.final)));
  const ranks = parts.map((p) => {
    const c = p.columns;
    return rankSql(p.compiled.model, d.ident(c.verdict), d.ident(c.tier), d.ident(c.score), d.string);
  });
  const best = parts.map((p, i) => {
    const others = ranks.filter((_, j) => j !== i).map((r) => `${ranks[i]} <= ${r}`);
    return `WHEN ${others.join(' AND ')} THEN ${d.string(p.compiled.model.id)}`;
  });
  ctes.push(step(d, 'icp_best', 'icp_results', [`CASE ${best.slice(0, -1).join(' ')} ELSE ${d.string(parts[parts.length - 1].compiled.model.id)} END AS ${d.ident('icp_model')}`]));
  const pick = (column: (c: ModelColumns) => string, as: string) =>
    `CASE ${d.ident('icp_model')} ${parts.map((p) => `WHEN ${d.string(p.compiled.model.id)} THEN ${d.ident(column(p.columns))}`).join(' ')} END AS ${d.ident(as)}`;
  const picked = [
    pick((c) => c.score, 'icp_score'),
    pick((c) => c.tier, 'icp_tier'),
    pick((c) => c.verdict, 'icp_verdict'),
    pick((c) => c.confidence, 'icp_confidence'),
    pick((c) => c.reasons, 'icp_reasons'),
  ];
  return `WITH ${ctes.join(',\n')}\nSELECT icp_best.*,\n  ${picked.join(',\n  ')}\nFROM icp_best`;
}
