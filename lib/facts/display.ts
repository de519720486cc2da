import { parseHeadcount } from './normalise/headcount';
import { CRUNCHBASE_REVENUE_RANGES } from './normalise/revenue';
import { BUYING_PROCESSES, COMPANY_TYPES, FUNDING_STAGES, LIFECYCLE_STAGES } from './enums';
import type { Band } from './vocabulary';

/**
 * Display text for fact values, in words: one function for the card, the side panel, the popup and the conflict
 * notes, so an enum id ("series-b", "c_00051_00100", "r_00010000", "mql") never reaches a person. Pure.
 */

const count = new Intl.NumberFormat('en-US');

export function formatMoney(n: number): string {
  if (n >= 1e9) return `$${trim(n / 1e9)}B`;
  if (n >= 1e6) return `$${trim(n / 1e6)}M`;
  if (n >= 1e3) return `$${trim(n / 1e3)}K`;
  return `$${count.format(n)}`;
}
const trim = (x: number) => (Math.round(x * 10) / 10).toString();

function isBand(v: unknown): v is Band {
  return typeof v === 'object' && v !== null && 'min' in v;
}

function formatBand(b: Band, one: (n: number) => string): string {
  return b.max === undefined ? `${one(b.min)}+` : b.min === b.max ? one(b.min) : `${one(b.min)}-${one(b.max)}`;
}

/** Words for the vocabulary's enum values, where capitalising the id is not enough. */
const ENUM_WORDS: Readonly<Record<string, string>> = {
  'series-e-plus': 'Series E or later',
  'series-unknown': 'Venture (series unknown)',
  'pre-seed': 'Pre-seed',
  'self-employed': 'Self-employed',
  'champion-led': 'Champion-led',
  'founder-led': 'Founder-led',
  mql: 'MQL',
  sql: 'SQL',
  public: 'Public',
};

const ENUM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  fundingStage: FUNDING_STAGES,
  companyType: COMPANY_TYPES,
  lifecycleStage: LIFECYCLE_STAGES,
  buyingProcess: BUYING_PROCESSES,
};

/** "series-b" → "Series B", "private-equity" → "Private equity". */
function wordsOfId(id: string): string {
  const words = id.split('-');
  const [first, ...rest] = words;
  // A one-letter word after "series" is the series letter: upper case.
  const tail = rest.map((w, i) => (w.length === 1 && words[i] === 'series' ? w.toUpperCase() : w));
  return [first.charAt(0).toUpperCase() + first.slice(1), ...tail].join(' ');
}

/**
 * Words for one enum value of a fact: vocabulary ids (fundingStage, companyType, lifecycleStage, buyingProcess)
 * and Crunchbase's headcount / revenue ids, whichever field they turn up in (e.g. a rejected raw value).
 * Any other string comes back unchanged.
 */
export function enumLabel(field: string, value: string): string {
  if (ENUM_FIELDS[field]?.includes(value)) return ENUM_WORDS[value] ?? wordsOfId(value);
  const revenue = CRUNCHBASE_REVENUE_RANGES[value.toLowerCase()];
  if (revenue) return formatBand(revenue, formatMoney);
  if (/^c_\d{5}_(\d{5}|max)$/i.test(value)) {
    const band = parseHeadcount(value);
    if (band !== undefined) return `${isBand(band) ? formatBand(band, (n) => count.format(n)) : count.format(band)} employees`;
  }
  return value;
}

export function formatFactValue(field: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  const money = field === 'revenueUsd' || field === 'totalFundingUsd';
  const one = money ? formatMoney : (n: number) => count.format(n);
  if (isBand(value)) return formatBand(value, one);
  if (typeof value === 'number') {
    if (field === 'employeeGrowth6m') return `${value > 0 ? '+' : ''}${value}%`;
    if (field === 'foundedYear') return String(value);
    return one(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (field === 'signals')
      return value.map((s: { type: string; date: string; title?: string }) => `${s.title ?? s.type} (${s.date})`).join('; ');
    return value.map((v) => (typeof v === 'string' ? enumLabel(field, v) : String(v))).join(', ');
  }
  return typeof value === 'string' ? enumLabel(field, value) : String(value);
}
