/**
 * FROZEN REFERENCE, not used by the product: the engine's conditions as they were before the performance work
 * (closure per condition, Date.UTC for dates, lower-casing per value). The differential tests check that
 * lib/engine/conditions.ts answers exactly as this does.
 */
import type { Condition } from '../../../../lib/model/schema';

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

const isMissing = (v: unknown) => v === undefined || v === null || v === '';
const lower = (s: string) => s.toLowerCase();

/** Lower and upper end of a count or a band {min, max?}; NaN when the value is not numeric. No allocation: hot path. */
function low(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return numberIn(v); // custom.* columns from CSVs stay strings
  if (v !== null && typeof v === 'object' && 'min' in v) return (v as { min: number }).min;
  return NaN;
}
function high(v: unknown): number {
  if (v !== null && typeof v === 'object' && 'min' in v) return (v as { max?: number }).max ?? Infinity;
  return low(v);
}
function numberIn(s: string): number {
  const t = s.trim();
  return t === '' ? NaN : Number(t.replace(/,/g, ''));
}

/** Compares an interval with [lo, hi]: all inside → holds, all outside → not, otherwise unknown. */
function within(v: unknown, lo: number, hi: number, loOpen = false, hiOpen = false): Truth {
  const a = low(v);
  const b = high(v);
  if (Number.isNaN(a) || Number.isNaN(b)) return UNKNOWN;
  const aOk = loOpen ? a > lo : a >= lo;
  const bOk = hiOpen ? b < hi : b <= hi;
  if (aOk && bOk) return HOLDS;
  const bAboveLo = loOpen ? b > lo : b >= lo;
  const aBelowHi = hiOpen ? a < hi : a <= hi;
  if (!bAboveLo || !aBelowHi) return NOT;
  return UNKNOWN;
}

export function time(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.length === 10 ? plainDate(v) : Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** "YYYY-MM-DD" as UTC ms, without Date.parse (which is slow enough to matter at a million accounts a second). */
function plainDate(s: string): number {
  const digit = (i: number) => s.charCodeAt(i) - 48;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Date.parse(s);
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  return Date.UTC(y, m - 1, d);
}

function toList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.split(/[;,|]/).map((s) => s.trim()).filter(Boolean); // custom CSV columns
  return undefined;
}

function compileInner(c: Condition): Predicate {
  switch (c.op) {
    case 'eq': {
      const want = c.value;
      if (typeof want === 'number') return (v) => within(v, want, want);
      if (typeof want === 'boolean') return (v) => (typeof v === 'boolean' ? (v === want ? HOLDS : NOT) : UNKNOWN);
      const w = lower(want);
      return (v) => (typeof v === 'string' ? (lower(v) === w ? HOLDS : NOT) : UNKNOWN);
    }
    case 'gte': return (v) => within(v, c.value, Infinity);
    case 'gt': return (v) => within(v, c.value, Infinity, true);
    case 'lte': return (v) => within(v, -Infinity, c.value);
    case 'lt': return (v) => within(v, -Infinity, c.value, false, true);
    case 'between': return (v) => within(v, c.value[0], c.value[1]);
    case 'in':
    case 'notIn': {
      // Values as written and lower-cased: canonical facts match without lower-casing on every account.
      const set = new Set([...c.value, ...c.value.map(lower)]);
      const hit = c.op === 'in' ? HOLDS : NOT;
      const miss = c.op === 'in' ? NOT : HOLDS;
      return (v) => (typeof v === 'string' ? (set.has(v) || set.has(lower(v)) ? hit : miss) : UNKNOWN);
    }
    case 'anyOf':
    case 'allOf':
    case 'noneOf': {
      const wanted = new Set(c.value.map(lower));
      const op = c.op;
      return (v) => {
        const list = toList(v);
        if (!list) return UNKNOWN;
        // Count distinct wanted items present (a list may repeat an item in other case).
        let hits = 0;
        let seen: string[] | undefined;
        for (const item of list) {
          if (typeof item !== 'string') continue;
          const key = lower(item);
          if (!wanted.has(key)) continue;
          if (op === 'anyOf') return HOLDS;
          if (op === 'noneOf') return NOT;
          if (seen?.includes(key)) continue;
          (seen ??= []).push(key);
          hits++;
        }
        if (op === 'anyOf') return NOT;
        if (op === 'noneOf') return HOLDS;
        return hits === wanted.size ? HOLDS : NOT;
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
    case 'withinLastDays':
    case 'withinNextDays': {
      const span = c.value * DAY_MS;
      const past = c.op === 'withinLastDays';
      return (v, now) => {
        const t = time(v);
        if (t === undefined) return UNKNOWN;
        const ok = past ? t <= now && now - t <= span : t >= now - DAY_MS && t - now <= span;
        return ok ? HOLDS : NOT;
      };
    }
    case 'before':
    case 'after': {
      const limit = Date.parse(c.value);
      const before = c.op === 'before';
      return (v) => {
        const t = time(v);
        if (t === undefined) return UNKNOWN;
        return (before ? t < limit : t > limit) ? HOLDS : NOT;
      };
    }
    case 'hasSignal': {
      const types = c.value.types ? new Set<string>(c.value.types) : undefined;
      const span = c.value.withinLastDays === undefined ? Infinity : c.value.withinLastDays * DAY_MS;
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
          const t = time(s.date);
          if (t !== undefined && t <= now && now - t <= span) return HOLDS;
        }
        if (sourced) return NOT;
        return types !== undefined && [...types].every((t) => derivedTypes!.has(t)) ? NOT : UNKNOWN;
      };
    }
  }
}

/** Compiles a condition; every operator but `exists` answers UNKNOWN for a missing fact. */
export function compileCondition(c: Condition): Predicate {
  const inner = compileInner(c);
  if (c.op === 'exists') return inner;
  return (v, now) => (isMissing(v) ? UNKNOWN : inner(v, now));
}
