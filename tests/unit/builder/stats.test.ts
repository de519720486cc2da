import { describe, expect, it } from 'vitest';
import { quantile, ratioInterval, round, wilson } from '../../../lib/builder/stats';

describe('wilson', () => {
  it('keeps 6 of 6 honest: [0.61, 1], not [1, 1]', () => {
    const i = wilson(6, 6)!;
    expect(i.low).toBeCloseTo(0.6097, 3);
    expect(i.high).toBe(1);
  });
  it('narrows with n around the same proportion', () => {
    const small = wilson(3, 10)!;
    const large = wilson(300, 1000)!;
    expect(small.high - small.low).toBeGreaterThan(large.high - large.low);
    expect(large.low).toBeCloseTo(0.2724, 3);
    expect(large.high).toBeCloseTo(0.3291, 3);
  });
  it('is undefined without observations, and stays in [0, 1] at 0 successes', () => {
    expect(wilson(0, 0)).toBeUndefined();
    const zero = wilson(0, 5)!;
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.4345, 3);
  });
});

describe('ratioInterval', () => {
  it('is centred on Σy/Σx and tight when every account has the same ratio', () => {
    const i = ratioInterval([120, 240, 360], [100, 200, 300])!;
    expect(i.low).toBeCloseTo(1.2, 9);
    expect(i.high).toBeCloseTo(1.2, 9);
  });
  it('matches the delta-method formula on a small table', () => {
    // R = 300/300 = 1; residuals 50, -50, 0; se² = 5000 / (2·3·100²) = 1/12
    const i = ratioInterval([150, 50, 100], [100, 100, 100])!;
    const se = Math.sqrt(1 / 12);
    expect(i.low).toBeCloseTo(1 - 1.96 * se, 9);
    expect(i.high).toBeCloseTo(1 + 1.96 * se, 9);
  });
  it('knows nothing about spread from one account, and nothing at all from a zero denominator', () => {
    expect(ratioInterval([150], [100])).toEqual({ low: 0, high: Infinity });
    expect(ratioInterval([10], [0])).toBeUndefined();
    expect(ratioInterval([], [])).toBeUndefined();
  });
});

describe('quantile and round', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([10, 0], 0.7)).toBeCloseTo(7, 9);
    expect(quantile([], 0.5)).toBeUndefined();
  });
  it('rounds to the given decimals', () => {
    expect(round(0.87549)).toBe(0.875);
    expect(round(1234.5678, 1)).toBe(1234.6);
  });
});
