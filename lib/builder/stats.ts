import type { Interval } from './types';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.96;

/**
 * Wilson score interval for a proportion `successes / n`. Unlike the plain p ± z·se interval it stays inside
 * [0, 1] and is honest for small n: 6 of 6 gives [0.61, 1], not [1, 1]. Undefined when n is 0.
 */
export function wilson(successes: number, n: number, z = Z95): Interval | undefined {
  if (n <= 0) return undefined;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At 0 or n successes the bound on that side is exactly 0 or 1 (floating point lands a hair inside).
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * Interval for a ratio of sums R = Σy / Σx (NRR is Σ current ARR / Σ initial ARR), by the delta method:
 * se(R)² ≈ Σ(yᵢ − R·xᵢ)² / ((n − 1) · n · x̄²). With fewer than two accounts nothing is known about the spread,
 * so the interval is [0, ∞).
 */
export function ratioInterval(ys: readonly number[], xs: readonly number[], z = Z95): Interval | undefined {
  const n = xs.length;
  const sumX = sum(xs);
  if (n === 0 || sumX <= 0) return undefined;
  const r = sum(ys) / sumX;
  if (n < 2) return { low: 0, high: Infinity };
  const meanX = sumX / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (ys[i] - r * xs[i]) ** 2;
  const se = Math.sqrt(squares / ((n - 1) * n * meanX * meanX));
  return { low: Math.max(0, r - z * se), high: r + z * se };
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : sum(values) / values.length;
}

/** The q-quantile (0-1) by linear interpolation between order statistics; undefined for an empty list. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Rounds to `digits` decimals; keeps reports readable and diff-friendly. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
