import { formatMoney } from '../format';

/** Display helpers shared by the builder's charts and tables. Pure. */

/** 0.943 → "94%"; null (no denominator) → "—". */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

/** 114300 → "$114.3K"; null → "—". */
export const money = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatMoney(Math.round(x)));

/**
 * How a segment is drawn, from its most telling flag: the accidental ICP first (the trap the builder exists to
 * show), then poor outcomes, then good ones, then too little data. A segment with no flag is plain.
 */
export type SegmentStyle = 'accidental-icp' | 'poor' | 'good' | 'small-sample' | 'plain';

export function segmentStyle(flags: readonly string[]): SegmentStyle {
  if (flags.includes('accidental-icp')) return 'accidental-icp';
  if (flags.includes('low-nrr') || flags.includes('low-retention')) return 'poor';
  if (flags.includes('high-nrr') || flags.includes('expansion-driver')) return 'good';
  if (flags.includes('small-sample')) return 'small-sample';
  return 'plain';
}

/** Colour and legend text per style; colours read on light and dark backgrounds. */
export const STYLE_INFO: Record<SegmentStyle, { color: string; label: string }> = {
  'accidental-icp': { color: '#c62828', label: 'accidental ICP (wins, then churns or shrinks)' },
  poor: { color: '#ef8a00', label: 'low NRR or low retention' },
  good: { color: '#2e7d32', label: 'high NRR or expansion driver' },
  'small-sample': { color: '#9e9e9e', label: 'small sample (too few won accounts to judge)' },
  plain: { color: '#1e6fd9', label: 'no finding' },
};

/** The flags as people read them. */
export const FLAG_LABELS: Record<string, string> = {
  'accidental-icp': 'accidental ICP',
  'high-nrr': 'high NRR',
  'low-nrr': 'low NRR',
  'low-retention': 'low retention',
  'expansion-driver': 'expansion driver',
  'small-sample': 'small sample',
  'high-win-rate': 'high win rate',
  'low-win-rate': 'low win rate',
};

export const flagLabel = (flag: string) => FLAG_LABELS[flag] ?? flag;

/** Fact names in segment rows ("subIndustry+employees") as headings ("Sub-industry × Headcount"). */
const FIELD_LABELS: Record<string, string> = {
  industry: 'Industry',
  subIndustry: 'Sub-industry',
  employees: 'Headcount',
  hqCountry: 'Country',
  technologies: 'Technology',
};

export function fieldLabel(field: string, kind?: string): string {
  if (kind === 'region') return 'Region';
  return field
    .split('+')
    .map((f) => FIELD_LABELS[f] ?? f)
    .join(' × ');
}

/** Nice axis bounds: the data range widened to the nearest 0.1 (10 points), always including `include`. */
export function axisRange(values: readonly number[], include: readonly number[] = []): [number, number] {
  const all = [...values, ...include].filter((v) => Number.isFinite(v));
  if (!all.length) return [0, 1];
  let lo = Math.floor(Math.min(...all) * 10) / 10;
  let hi = Math.ceil(Math.max(...all) * 10) / 10;
  if (hi - lo < 0.1) {
    lo -= 0.05;
    hi += 0.05;
  }
  return [Math.max(0, Math.round(lo * 100) / 100), Math.round(hi * 100) / 100];
}

/** Tick values every `step` from lo to hi (both rounded to the step). */
export function ticks(lo: number, hi: number, step = 0.1): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** A tick step giving at most about ten ticks between lo and hi. */
export function tickStep(lo: number, hi: number): number {
  for (const step of [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5]) if ((hi - lo) / step <= 10) return step;
  return 10;
}
