import type { Band } from '../facts/vocabulary';

/** LinkedIn's company-size bands: the ones SDRs see on every page, so segments speak the same language. */
export const HEADCOUNT_BANDS: readonly Band[] = [
  { min: 0, max: 1 },
  { min: 2, max: 10 },
  { min: 11, max: 50 },
  { min: 51, max: 200 },
  { min: 201, max: 500 },
  { min: 501, max: 1000 },
  { min: 1001, max: 5000 },
  { min: 5001, max: 10000 },
  { min: 10001 },
];

export function bandLabel(band: Band): string {
  const f = (n: number) => n.toLocaleString('en-US');
  return band.max === undefined ? `${f(band.min)}+` : `${f(band.min)}-${f(band.max)}`;
}

/**
 * The LinkedIn band an employee count (or a band from the CRM) falls in. A band that straddles two LinkedIn bands
 * ("100-300") belongs to neither: we do not guess.
 */
export function headcountBand(employees: unknown): Band | undefined {
  let lo: number;
  let hi: number;
  if (typeof employees === 'number') lo = hi = employees;
  else if (employees && typeof employees === 'object' && 'min' in employees) {
    lo = (employees as Band).min;
    hi = (employees as Band).max ?? Infinity;
  } else return undefined;
  return HEADCOUNT_BANDS.find((b) => lo >= b.min && hi <= (b.max ?? Infinity));
}
