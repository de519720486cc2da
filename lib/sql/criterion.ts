import type { Condition, Criterion } from '../model/schema';
import { factLayout } from './columns';
import type { Dialect } from './dialect';

/**
 * One criterion → a SQL CASE expression giving its status ('pass', 'fail' or 'unknown'), with exactly the engine's
 * three-valued semantics (lib/engine/conditions.ts): a missing fact is unknown (absent, for `exists`), a band that
 * straddles a threshold is unknown, a hard-no whose flag holds is a fail. Pure.
 */

const DAY_MS = 86_400_000;

type Truth = 'holds' | 'not' | 'unknown';

/** Where "now" comes from: a fixed time (`--now`), folded into literals, or the database's clock. */
export interface SqlClock {
  /** ms since epoch, or undefined for the database's current time. */
  now: number | undefined;
}

export interface CriterionContext {
  d: Dialect;
  clock: SqlClock;
}

/** The truth of a condition: `missing` first, then the cases in order, else unknown. */
interface TruthSql {
  missing: string;
  cases: [condition: string, truth: Truth][];
}

const nowSql = ({ d, clock }: CriterionContext) => (clock.now === undefined ? d.now() : d.timestamp(clock.now));
/** now ± whole days: a literal when now is fixed (computed as the engine does, in ms), else date arithmetic. */
const daysFromNow = (ctx: CriterionContext, days: number) =>
  ctx.clock.now === undefined ? ctx.d.addDays(ctx.d.now(), days) : ctx.d.timestamp(ctx.clock.now + days * DAY_MS);

/** A number literal read back as the same double. */
const num = (d: Dialect, x: number) => (Number.isSafeInteger(x) ? String(x) : d.double(x));

const and = (parts: (string | undefined)[]) => parts.filter((p): p is string => p !== undefined).join(' AND ') || 'TRUE';
const or = (parts: (string | undefined)[]) => parts.filter((p): p is string => p !== undefined).join(' OR ');

/**
 * The interval [low, high] of a value against [lo, hi] (conditions.ts: within): all inside holds, all outside does
 * not, otherwise unknown. `high` NULL means no upper end (an open band); infinite lo/hi drop their comparison.
 */
function within(
  d: Dialect,
  low: string,
  high: string,
  highMayBeOpen: boolean,
  [lo, hi]: [number, number],
  loOpen = false,
  hiOpen = false,
): [string, Truth][] {
  const highIs = (op: string, x: number) => (highMayBeOpen ? `(${high} IS NOT NULL AND ${high} ${op} ${num(d, x)})` : `${high} ${op} ${num(d, x)}`);
  const holds = and([
    lo === -Infinity ? undefined : `${low} ${loOpen ? '>' : '>='} ${num(d, lo)}`,
    hi === Infinity ? undefined : highIs(hiOpen ? '<' : '<=', hi),
  ]);
  const not = or([
    lo === -Infinity ? undefined : highIs(loOpen ? '<=' : '<', lo),
    hi === Infinity ? undefined : `${low} ${hiOpen ? '>=' : '>'} ${num(d, hi)}`,
  ]);
  return not ? [[holds, 'holds'], [not, 'not']] : [[holds, 'holds']];
}

const RANGE: Record<string, (value: number) => { range: [number, number]; loOpen?: boolean; hiOpen?: boolean }> = {
  gte: (x) => ({ range: [x, Infinity] }),
  gt: (x) => ({ range: [x, Infinity], loOpen: true }),
  lte: (x) => ({ range: [-Infinity, x] }),
  lt: (x) => ({ range: [-Infinity, x], hiOpen: true }),
  eq: (x) => ({ range: [x, x] }),
};

function numberTruth(ctx: CriterionContext, c: Condition): TruthSql {
  const { d } = ctx;
  const layout = factLayout(c.field);
  const r =
    c.op === 'between' ? { range: c.value as [number, number] } : RANGE[c.op]?.(c.value as number);
  if (!r) throw new Error(`operator ${c.op} does not fit the number fact ${c.field}`);
  if (layout.kind === 'band') {
    const [low, high] = [d.ident(layout.min), d.ident(layout.max)];
    return { missing: `${low} IS NULL`, cases: within(d, low, high, true, r.range, r.loOpen, r.hiOpen) };
  }
  if (layout.kind === 'custom') {
    // A custom column is text (as imported): read as a number, and unknown when it is not one.
    const column = d.ident(layout.column);
    const n = d.tryNumber(column);
    return {
      missing: textMissing(column),
      cases: [[`${n} IS NULL`, 'unknown'], ...within(d, n, n, false, r.range, r.loOpen, r.hiOpen)],
    };
  }
  const column = d.ident((layout as { column: string }).column);
  return { missing: `${column} IS NULL`, cases: within(d, column, column, false, r.range, r.loOpen, r.hiOpen) };
}

const textMissing = (column: string) => `(${column} IS NULL OR ${column} = '')`;

function missingOf(d: Dialect, field: string): string {
  const layout = factLayout(field);
  if (layout.kind === 'band') return `${d.ident(layout.min)} IS NULL`;
  const column = d.ident(layout.column);
  return layout.kind === 'text' || layout.kind === 'custom' ? textMissing(column) : `${column} IS NULL`;
}

/** The column of a one-column fact. */
function columnOf(d: Dialect, field: string): string {
  const layout = factLayout(field);
  if (layout.kind === 'band') throw new Error(`${field} is a band`);
  return d.ident(layout.column);
}

/** The lower-cased literal list for in / anyOf (the engine lower-cases with toLowerCase, as here). */
const lowered = (values: readonly string[]) => [...new Set(values.map((v) => v.toLowerCase()))];

export function conditionTruth(ctx: CriterionContext, c: Condition): TruthSql {
  const { d } = ctx;
  const layout = factLayout(c.field);
  const missing = missingOf(d, c.field);
  switch (c.op) {
    case 'eq': {
      if (typeof c.value === 'number') return numberTruth(ctx, c);
      const column = columnOf(d, c.field);
      if (typeof c.value === 'boolean') {
        // Only a boolean value can equal a boolean: a custom (text) column is unknown.
        if (layout.kind !== 'boolean') return { missing, cases: [] };
        return { missing, cases: [[`${column} = ${c.value ? 'TRUE' : 'FALSE'}`, 'holds'], ['TRUE', 'not']] };
      }
      return { missing, cases: [[`lower(${column}) = ${d.string(c.value.toLowerCase())}`, 'holds'], ['TRUE', 'not']] };
    }
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
    case 'between':
      return numberTruth(ctx, c);
    case 'in':
    case 'notIn': {
      const column = columnOf(d, c.field);
      const hit = `lower(${column}) IN (${lowered(c.value).map(d.string).join(', ')})`;
      return { missing, cases: [[hit, c.op === 'in' ? 'holds' : 'not'], ['TRUE', c.op === 'in' ? 'not' : 'holds']] };
    }
    case 'anyOf':
    case 'allOf':
    case 'noneOf': {
      const wanted = lowered(c.value);
      const count = d.countListMatches(columnOf(d, c.field), wanted);
      if (c.op === 'anyOf') return { missing, cases: [[`${count} > 0`, 'holds'], ['TRUE', 'not']] };
      if (c.op === 'noneOf') return { missing, cases: [[`${count} > 0`, 'not'], ['TRUE', 'holds']] };
      return { missing, cases: [[`${count} = ${wanted.length}`, 'holds'], ['TRUE', 'not']] };
    }
    case 'is': {
      const column = columnOf(d, c.field);
      if (layout.kind === 'boolean')
        return { missing, cases: [[`${column} = ${c.value ? 'TRUE' : 'FALSE'}`, 'holds'], ['TRUE', 'not']] };
      // Text (custom columns): "true" / "false" in any case, else unknown.
      return {
        missing,
        cases: [
          [`lower(${column}) = 'true'`, c.value ? 'holds' : 'not'],
          [`lower(${column}) = 'false'`, c.value ? 'not' : 'holds'],
        ],
      };
    }
    case 'exists': {
      // Presence is the one question a missing fact answers: absent is "does not hold"; so is an empty list.
      if (layout.kind === 'list' || layout.kind === 'signals')
        return {
          missing,
          cases: [[d.isEmptyList(columnOf(d, c.field), layout.kind === 'list' ? 'textList' : 'signals'), 'not'], ['TRUE', 'holds']],
        };
      return { missing, cases: [['TRUE', 'holds']] };
    }
    case 'withinLastDays':
    case 'withinNextDays': {
      const column = columnOf(d, c.field);
      const inside =
        c.op === 'withinLastDays'
          ? `${column} <= ${nowSql(ctx)} AND ${column} >= ${daysFromNow(ctx, -c.value)}`
          : `${column} >= ${daysFromNow(ctx, -1)} AND ${column} <= ${daysFromNow(ctx, c.value)}`;
      return { missing, cases: [[inside, 'holds'], ['TRUE', 'not']] };
    }
    case 'before':
    case 'after': {
      const column = columnOf(d, c.field);
      const limit = d.timestamp(Date.parse(c.value));
      return { missing, cases: [[`${column} ${c.op === 'before' ? '<' : '>'} ${limit}`, 'holds'], ['TRUE', 'not']] };
    }
    case 'hasSignal': {
      const { types, withinLastDays } = c.value as { types?: string[]; withinLastDays?: number };
      const list = columnOf(d, c.field);
      const from = withinLastDays === undefined ? undefined : daysFromNow(ctx, -withinLastDays);
      const now = nowSql(ctx);
      const matches = d.anySignal(list, (s) =>
        and([types ? `${s.type} IN (${types.map(d.string).join(', ')})` : undefined, `${s.date} <= ${now}`, from && `${s.date} >= ${from}`]),
      );
      // No match: "not" when the list is empty or holds a signal given as such; a list of derived signals only
      // (`derived_from`, e.g. funding from lastFundingDate) speaks only for their own types (conditions.ts).
      const onlyDerivedTypes = types && `(${and(types.map((t) => d.anySignal(list, (s) => `${s.type} = ${d.string(t)}`)))})`;
      const not = or([d.isEmptyList(list, 'signals'), d.anySignal(list, (s) => `${s.derivedFrom} IS NULL`), onlyDerivedTypes]);
      return { missing, cases: [[matches, 'holds'], [not, 'not']] };
    }
  }
}

/** The status a truth gives: a hard-no's flag holding is its fail. */
function statusOf(truth: Truth, exclude: boolean): string {
  if (truth === 'unknown') return "'unknown'";
  return (truth === 'holds') !== exclude ? "'pass'" : "'fail'";
}

/** The criterion's status as a CASE expression over the input columns. */
export function criterionStatusSql(ctx: CriterionContext, criterion: Criterion): string {
  const { missing, cases } = conditionTruth(ctx, criterion);
  const exclude = criterion.kind === 'exclude';
  const missingTruth: Truth = criterion.op === 'exists' ? 'not' : 'unknown';
  const whens = [`WHEN ${missing} THEN ${statusOf(missingTruth, exclude)}`];
  for (const [condition, truth] of cases) {
    whens.push(condition === 'TRUE' ? `ELSE ${statusOf(truth, exclude)}` : `WHEN ${condition} THEN ${statusOf(truth, exclude)}`);
    if (condition === 'TRUE') break;
  }
  if (!whens[whens.length - 1].startsWith('ELSE')) whens.push(`ELSE 'unknown'`);
  return `CASE ${whens.join(' ')} END`;
}
