import type { Criterion } from '../../lib/model/schema';
import { factLabel, formatMoney } from '../format';

/**
 * Criterion labels often restate their value ("201-5,000 employees"). When the value changes and the label does not,
 * the card would show a rule the model no longer has. These helpers find numbers a label states that its numeric
 * value does not hold, and suggest a label made from the value.
 */

const MULTIPLIER: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
const count = new Intl.NumberFormat('en-US');

/** Numbers stated in a label: "$10M-$500M" → [1e7, 5e8]; "201-5,000" → [201, 5000]. Durations ("6 months") are not. */
export function numbersInLabel(label: string): number[] {
  const out: number[] = [];
  for (const m of label.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*([kmb](?![a-z]))?(\s*(?:days?|weeks?|months?|years?|yrs?)\b)?/gi)) {
    if (m[3]) continue; // a duration, not the value
    const n = Number(m[1].replace(/,/g, '')) * (m[2] ? MULTIPLIER[m[2].toLowerCase()] : 1);
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

function valueNumbers(c: Criterion): number[] | undefined {
  if (c.op === 'between') return c.value;
  if (c.op === 'gte' || c.op === 'gt' || c.op === 'lte' || c.op === 'lt') return [c.value];
  if (c.op === 'eq' && typeof c.value === 'number') return [c.value];
  return undefined;
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 0.01);

/** The numbers the label states that the value does not hold (none for non-numeric criteria). */
export function staleLabelNumbers(c: Criterion): number[] {
  const values = valueNumbers(c);
  if (!values) return [];
  return numbersInLabel(c.label).filter((n) => !values.some((v) => close(n, v)));
}

/** A label made from a numeric criterion's value: "51-5,000 employees", "Revenue $10M-$500M", "Founded 2012 or later". */
export function suggestLabel(c: Criterion): string | undefined {
  const values = valueNumbers(c);
  if (!values) return undefined;
  const money = c.field === 'revenueUsd' || c.field === 'totalFundingUsd';
  const one = (n: number) => (money ? formatMoney(n) : c.field === 'foundedYear' ? String(n) : count.format(n));
  const name = c.field === 'employees' ? 'employees' : factLabel(c.field);
  const range = c.op === 'between' ? `${one(c.value[0])}-${one(c.value[1])}` : undefined;
  if (c.field === 'employees') {
    if (range) return `${range} employees`;
    return { gte: `At least ${one(values[0])} employees`, gt: `More than ${one(values[0])} employees`, lte: `At most ${one(values[0])} employees`, lt: `Fewer than ${one(values[0])} employees`, eq: `${one(values[0])} employees` }[c.op as 'gte'];
  }
  if (range) return `${name} ${range}`;
  return { gte: `${name} at least ${one(values[0])}`, gt: `${name} over ${one(values[0])}`, lte: `${name} at most ${one(values[0])}`, lt: `${name} under ${one(values[0])}`, eq: `${name} ${one(values[0])}` }[c.op as 'gte'];
}
