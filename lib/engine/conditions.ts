import type { Condition } from '../model/schema';

/**
 * Conditions compiled to small closures once per model, so scoring an account is a loop over functions with no
 * parsing or switching (the engine must run over a million accounts a second).
 *
 * Three-valued: a condition HOLDS, does NOT hold, or is UNKNOWN. A missing fact is always unknown, never "does not
 * hold". A band that straddles a threshold (51-200 employees vs "at least 100") is unknown too: we do not guess.
 */
export const HOLDS = 1;
export const NOT = 0;
export const UNKNOWN = 2;
export type Truth = typeof HOLDS | typeof NOT | typeof UNKNOWN;

export type Predicate = (value: unknown, now: number) => Truth;

const DAY_MS = 86_400_000;

/** A missing fact: absent, null or empty text. */
export const isMissing = (v: unknown) => v === undefined || v === null || v === '';
const lower = (s: string) => s.toLowerCase();

/** Lower and upper end of a count or a band {min, max?}; NaN when the value is not numeric. No allocation: hot path. */
export function low(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return numberIn(v); // custom.* columns from CSVs stay strings
  if (v !== null && typeof v === 'object' && 'min' in v) return (v as { min: number }).min;
  return NaN;
}
export function high(v: unknown): number {
  if (v !== null && typeof v === 'object' && 'min' in v) return (v as { max?: number }).max ?? Infinity;
  return low(v);
}
function numberIn(s: string): number {
  const t = s.trim();
  return t === '' ? NaN : Number(t.replace(/,/g, ''));
}

/** Compares an interval with [lo, hi]: all inside → holds, all outside → not, otherwise unknown. */
function within(v: unknown, lo: number, hi: number, loOpen = false, hiOpen = false): Truth {
  return compareInterval(low(v), high(v), lo, hi, loOpen, hiOpen);
}

/** within() for a value already read as its interval [a, b] (NaN when not numeric): several criteria share one read. */
export function compareInterval(a: number, b: number, lo: number, hi: number, loOpen: boolean, hiOpen: boolean): Truth {
  if (Number.isNaN(a) || Number.isNaN(b)) return UNKNOWN;
  const aOk = loOpen ? a > lo : a >= lo;
  const bOk = hiOpen ? b < hi : b <= hi;
  if (aOk && bOk) return HOLDS;
  const bAboveLo = loOpen ? b > lo : b >= lo;
  const aBelowHi = hiOpen ? a < hi : a <= hi;
  if (!bAboveLo || !aBelowHi) return NOT;
  return UNKNOWN;
}

/** A date fact ("YYYY-MM-DD" or any Date.parse form) as ms since epoch; undefined when it is not one. */
export function time(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.length === 10 ? plainDate(v) : Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * "YYYY-MM-DD" as UTC ms, without Date.parse or Date.UTC (native calls slow enough to matter at a million accounts a
 * second, with several dates per account). Digits are read inline, not through a helper closure: a closure made per
 * call costs an allocation each time. Anything unusual (not digits, month out of range, years before 100, which
 * Date.UTC maps to 19xx) goes to Date.UTC, so the answer is always the one Date.UTC gives.
 */
function plainDate(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Date.parse(s);
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  const digits = isDigit(y0) && isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(m0) && isDigit(m1) && isDigit(d0) && isDigit(d1);
  if (!digits || y < 100 || m < 1 || m > 12) return Date.UTC(y, m - 1, d);
  return daysFromCivil(y, m, d) * DAY_MS;
}

/** A character code minus 48 ("0") that was a digit. */
const isDigit = (n: number) => n >= 0 && n <= 9;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). A day past the month's end
 * rolls over into the next month, as Date.UTC does.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function toList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.split(/[;,|]/).map((s) => s.trim()).filter(Boolean); // custom CSV columns
  return undefined;
}

/** Most distinct spellings a memo keeps before it starts over: bounded memory on any input. */
const MEMO_LIMIT = 4096;

/**
 * Remembers the answer of a pure function of a string. Comparing without regard to case means lower-casing, which
 * makes a new string per value per account; fact values repeat endlessly ("US", "Salesforce"), so each distinct
 * spelling is lower-cased and looked up once, after which its answer is one Map lookup.
 */
export function memo<T>(f: (s: string) => T): (s: string) => T {
  const answers = new Map<string, T>();
  return (s) => {
    let answer = answers.get(s);
    if (answer === undefined) {
      answer = f(s);
      if (answers.size >= MEMO_LIMIT) answers.clear();
      answers.set(s, answer);
    }
    return answer;
  };
}

/** The operators that compare a number or a band with an interval, as [lo, hi, loOpen, hiOpen]; undefined for others. */
export function intervalOf(c: Condition): [number, number, boolean, boolean] | undefined {
  switch (c.op) {
    case 'eq':
      return typeof c.value === 'number' ? [c.value, c.value, false, false] : undefined;
    case 'gte':
      return [c.value, Infinity, false, false];
    case 'gt':
      return [c.value, Infinity, true, false];
    case 'lte':
      return [-Infinity, c.value, false, false];
    case 'lt':
      return [-Infinity, c.value, false, true];
    case 'between':
      return [c.value[0], c.value[1], false, false];
    default:
      return undefined;
  }
}

/** The operators that compare a text without regard to case (eq with a text, in, notIn): the answer for a text. */
export function textTruthOf(c: Condition): ((s: string) => Truth) | undefined {
  if (c.op === 'eq' && typeof c.value === 'string') {
    const w = lower(c.value);
    return (s) => (lower(s) === w ? HOLDS : NOT);
  }
  if (c.op === 'in' || c.op === 'notIn') {
    const set = new Set(c.value.map(lower));
    const hit = c.op === 'in' ? HOLDS : NOT;
    const miss = c.op === 'in' ? NOT : HOLDS;
    return (s) => (set.has(lower(s)) ? hit : miss);
  }
  return undefined;
}

/** The list operators' wanted values, lower-cased and distinct. */
export const wantedOf = (values: readonly string[]) => [...new Set(values.map(lower))];

/** The date operators: whether a date (ms since epoch) meets the condition at `now`; undefined for other operators. */
export function dateTestOf(c: Condition): ((t: number, now: number) => boolean) | undefined {
  switch (c.op) {
    case 'withinLastDays': {
      const span = c.value * DAY_MS;
      return (t, now) => t <= now && now - t <= span;
    }
    case 'withinNextDays': {
      const span = c.value * DAY_MS;
      return (t, now) => t >= now - DAY_MS && t - now <= span;
    }
    case 'before': {
      const limit = Date.parse(c.value);
      return (t) => t < limit;
    }
    case 'after': {
      const limit = Date.parse(c.value);
      return (t) => t > limit;
    }
    default:
      return undefined;
  }
}

/** hasSignal's types (undefined: any type) and window in ms. */
export function signalWindowOf(value: { types?: readonly string[]; withinLastDays?: number }) {
  return {
    types: value.types ? new Set<string>(value.types) : undefined,
    span: value.withinLastDays === undefined ? Infinity : value.withinLastDays * DAY_MS,
  };
}

/** A signal date (ms since epoch) inside the window: in the past, at most `span` ago. */
export const inSignalWindow = (t: number | undefined, now: number, span: number) => t !== undefined && t <= now && now - t <= span;

/**
 * Compiles a condition for a value that is present (not missing, see isMissing). The engine checks presence itself
 * in its loop, once per fact, so it calls this form directly; everyone else uses compileCondition.
 * Condition values are copied into constants first: the closures then never read the condition object again.
 */
export function compilePresent(c: Condition): Predicate {
  const interval = intervalOf(c);
  if (interval) {
    const [lo, hi, loOpen, hiOpen] = interval;
    return (v) => within(v, lo, hi, loOpen, hiOpen);
  }
  const textTruth = textTruthOf(c);
  if (textTruth) {
    const truthOf = memo(textTruth);
    return (v) => (typeof v === 'string' ? truthOf(v) : UNKNOWN);
  }
  const dateTest = dateTestOf(c);
  if (dateTest)
    return (v, now) => {
      const t = time(v);
      if (t === undefined) return UNKNOWN;
      return dateTest(t, now) ? HOLDS : NOT;
    };
  switch (c.op) {
    case 'eq': {
      // A boolean: numbers and texts were handled above.
      const want = c.value;
      return (v) => (typeof v === 'boolean' ? (v === want ? HOLDS : NOT) : UNKNOWN);
    }
    case 'anyOf':
    case 'allOf':
    case 'noneOf': {
      // Each wanted value (lower-cased, distinct) gets a number; an item's number is memoised, -1 for unwanted.
      const wanted = wantedOf(c.value);
      const numberOf = memo((item) => wanted.indexOf(lower(item)));
      const op = c.op;
      return (v) => {
        const list = toList(v);
        if (!list) return UNKNOWN;
        // allOf counts distinct wanted items present (a list may repeat an item in other case): a bit per wanted
        // item while they fit in an int, a list beyond that.
        let hits = 0;
        let bits = 0;
        let seen: number[] | undefined;
        for (let k = 0; k < list.length; k++) {
          const item = list[k];
          if (typeof item !== 'string') continue;
          const n = numberOf(item);
          if (n === -1) continue;
          if (op === 'anyOf') return HOLDS;
          if (op === 'noneOf') return NOT;
          if (n < 31) {
            if (bits & (1 << n)) continue;
            bits |= 1 << n;
          } else {
            if (seen?.includes(n)) continue;
            (seen ??= []).push(n);
          }
          hits++;
        }
        if (op === 'anyOf') return NOT;
        if (op === 'noneOf') return HOLDS;
        return hits === wanted.length ? HOLDS : NOT;
      };
    }
    case 'is': {
      const want = c.value;
      return (v) => {
        if (typeof v === 'boolean') return v === want ? HOLDS : NOT;
        if (typeof v === 'string' && /^(true|false)$/i.test(v)) return (lower(v) === 'true') === want ? HOLDS : NOT;
        return UNKNOWN;
      };
    }
    case 'exists':
      // Presence is the one question a missing fact answers: absent means "does not hold", not unknown.
      return (v) => (isMissing(v) || (Array.isArray(v) && v.length === 0) ? NOT : HOLDS);
    case 'hasSignal': {
      const { types, span } = signalWindowOf(c.value);
      return (v, now) => {
        if (!Array.isArray(v)) return UNKNOWN;
        // A signal derived from another fact (`from`, e.g. a funding round from lastFundingDate) speaks only for its
        // own type: a list holding nothing else says nothing about other types.
        let sourced = v.length === 0;
        let derivedTypes: Set<string> | undefined;
        for (const s of v as { type: string; date: string; from?: string }[]) {
          if (s.from === undefined) sourced = true;
          else (derivedTypes ??= new Set()).add(s.type);
          if (types && !types.has(s.type)) continue;
          if (inSignalWindow(time(s.date), now, span)) return HOLDS;
        }
        if (sourced) return NOT;
        return types !== undefined && [...types].every((t) => derivedTypes!.has(t)) ? NOT : UNKNOWN;
      };
    }
    default:
      throw new Error(`unknown operator ${c.op}`);
  }
}

/** Compiles a condition; every operator but `exists` answers UNKNOWN for a missing fact. */
export function compileCondition(c: Condition): Predicate {
  const inner = compilePresent(c);
  if (c.op === 'exists') return inner;
  return (v, now) => (isMissing(v) ? UNKNOWN : inner(v, now));
}
