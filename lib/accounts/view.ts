import Papa from 'papaparse';
import type { Verdict } from '../engine/score';
import type { Dimension } from '../model/schema';
import type { SourceKind } from '../facts/vocabulary';
import type { ScoredAccount } from './companies';

/** The Accounts page's filters; every one optional. `fact` matches a fact whose value contains the text. */
export interface AccountFilter {
  text?: string;
  tier?: string;
  verdict?: Verdict;
  model?: string;
  dimension?: { name: Dimension; min: number };
  minConfidence?: number;
  source?: SourceKind;
  list?: string;
  fact?: { field: string; contains: string };
}

/** The text a fact value is searched and exported as: lists joined with "; ", bands as "min-max". */
export function factText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? ((v as { title?: string }).title ?? JSON.stringify(v)) : String(v))).join('; ');
  if (typeof value === 'object') {
    const band = value as { min?: number; max?: number };
    if (typeof band.min === 'number') return band.max === undefined ? `${band.min}+` : `${band.min}-${band.max}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The accounts the filter keeps, in their order. */
export function filterAccounts(rows: readonly ScoredAccount[], filter: AccountFilter): ScoredAccount[] {
  const text = filter.text?.trim().toLowerCase();
  const contains = filter.fact?.contains.trim().toLowerCase();
  return rows.filter((r) => {
    if (filter.tier !== undefined && r.tier !== filter.tier) return false;
    if (filter.verdict && r.verdict !== filter.verdict) return false;
    if (filter.model && r.modelId !== filter.model) return false;
    if (filter.dimension && r.dimensions[filter.dimension.name] < filter.dimension.min) return false;
    if (filter.minConfidence !== undefined && r.confidence < filter.minConfidence) return false;
    if (filter.source && !r.sources.includes(filter.source)) return false;
    if (filter.list && !r.lists.includes(filter.list)) return false;
    if (filter.fact?.field) {
      const fact = (r.facts as Record<string, { value: unknown } | undefined>)[filter.fact.field];
      if (!fact || (contains && !factText(fact.value).toLowerCase().includes(contains))) return false;
    }
    if (text && !r.name.toLowerCase().includes(text) && !r.domain.includes(text) && !r.key.toLowerCase().includes(text)) return false;
    return true;
  });
}

/** Accounts per tier id ("" for accounts out of tier). */
export function tierCounts(rows: readonly ScoredAccount[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.tier ?? '', (counts.get(r.tier ?? '') ?? 0) + 1);
  return counts;
}

/** The current view as CSV: score, tier, verdict, confidence, top reasons, then every fact that any row has. */
export function accountsCsv(rows: readonly ScoredAccount[]): string {
  const fields = new Set<string>();
  for (const r of rows) for (const f in r.facts) if (f !== 'name' && f !== 'domain') fields.add(f); // already columns
  const factFields = [...fields].sort();
  const header = ['account', 'name', 'domain', 'score', 'tier', 'verdict', 'confidence', 'model', 'top_reasons', 'sources', 'lists', ...factFields];
  const data = rows.map((r) => [
    r.key,
    r.name,
    r.domain,
    r.score,
    r.tier ?? '',
    r.verdict,
    r.confidence,
    r.modelId,
    r.reasons.slice(0, 3).join('; '),
    r.sources.join('; '),
    r.lists.join('; '),
    ...factFields.map((f) => factText((r.facts as Record<string, { value: unknown } | undefined>)[f]?.value)),
  ]);
  // Cells starting with = + - @ are prefixed so a spreadsheet never runs them as formulas.
  return Papa.unparse({ fields: header, data }, { escapeFormulae: true });
}
